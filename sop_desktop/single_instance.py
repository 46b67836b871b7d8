"""One window per library: a second start brings the running window forward and quits.

The running program listens on a local socket named after its library folder (QLocalServer:
a named pipe on Windows, a socket file on Linux and macOS); a second start connects, asks it
to show itself, and exits. Together with the library lock this keeps one writer per library.
"""

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

WAKE = b"show\n"


def socket_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"sop-desktop-{digest}"


class SingleInstance(QObject):
    """``claim()`` is True for the first program on a library; it then emits ``woken``
    whenever another start asks for the window."""

    woken = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = socket_name(data_dir)
        self.server: QLocalServer | None = None

    def claim(self) -> bool:
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(1000):
            probe.write(WAKE)
            probe.waitForBytesWritten(1000)
            probe.disconnectFromServer()
            return False
        QLocalServer.removeServer(self.name)  # a socket file left by a program that crashed
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(self.name):
            return True  # cannot listen (unusual): run anyway; the library lock still guards
        self.server.newConnection.connect(self._connected)
        return True

    def _connected(self) -> None:
        assert self.server is not None
        while (connection := self.server.nextPendingConnection()) is not None:
            # The other start writes at once and leaves: read it here, then let it go.
            arrived = connection.bytesAvailable() or connection.waitForReadyRead(1000)
            if arrived and bytes(connection.readAll().data()).startswith(WAKE.strip()):
                self.woken.emit()
            connection.disconnectFromServer()
            connection.deleteLater()

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
