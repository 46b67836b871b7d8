"""A TCP relay in front of a server that cuts connections the way a bad network does: the
first ``cut_requests`` connections are closed after ``keep`` bytes of the request (the upload
is cut mid-way); the next ``lose_answers`` are relayed whole but their answer is dropped (the
server did the work, the client never heard). Later ones pass untouched."""

import contextlib
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass
class Relay:
    target: tuple[str, int]
    cut_requests: int = 0
    keep: int = 200
    lose_answers: int = 0
    connections: int = 0
    listener: socket.socket = field(default_factory=socket.socket)

    @property
    def port(self) -> int:
        return int(self.listener.getsockname()[1])

    def serve(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            number = self.connections
            threading.Thread(target=self._relay, args=(client, number), daemon=True).start()

    def _relay(self, client: socket.socket, number: int) -> None:
        upstream = socket.create_connection(self.target, timeout=10)
        client.settimeout(10)
        try:
            if number <= self.cut_requests:
                upstream.sendall(client.recv(self.keep))
                return  # both closed mid-request
            request = _whole_request(client)
            upstream.sendall(request)
            answer = upstream.recv(65536)
            if number <= self.cut_requests + self.lose_answers:
                return  # the server stored it; the client hears nothing
            client.sendall(answer)
        finally:
            upstream.close()
            with contextlib.suppress(OSError):
                client.shutdown(socket.SHUT_RDWR)
            client.close()


def _whole_request(client: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        data += client.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    while len(body) < length:
        body += client.recv(65536)
    return head + b"\r\n\r\n" + body


@contextlib.contextmanager
def cutting_relay(target: tuple[str, int], **behaviour: int) -> Iterator[Relay]:
    relay = Relay(target, **behaviour)
    relay.listener.bind(("127.0.0.1", 0))
    relay.listener.listen(8)
    thread = threading.Thread(target=relay.serve, daemon=True)
    thread.start()
    try:
        yield relay
    finally:
        relay.listener.close()
