"""Windows' refusal to rename or delete what another handle holds open, on a system without it.

Linux renames and deletes a file that is open; Windows refuses (``PermissionError``: access
denied or a sharing violation) while a handle opened without FILE_SHARE_DELETE is open (Python's
``open``, most programs, a virus scanner), and refuses a folder while any file below it is open.
``holding`` opens the real file and, while that handle is open, makes every replace and removal
of ``fsutil`` that touches it (the file, or a folder holding it) refuse as Windows would, until
the holder lets go: after ``let_go_after`` refusals, or never.
"""

import contextlib
import errno
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from resources_index.util import fsutil


class Holder:
    """Another program holding ``path`` open, the way Windows treats it."""

    def __init__(self, path: Path, let_go_after: int | None) -> None:
        self.path = path.absolute()
        self.handle: BinaryIO = path.open("rb")
        self.let_go_after = let_go_after
        self.refused: list[str] = []  # the operations refused, in order

    def touches(self, path: Path) -> bool:
        """Whether an operation on ``path`` needs the held file to be free."""
        return self.path.is_relative_to(path.absolute())

    def refuse(self, operation: str, paths: tuple[Path, ...]) -> None:
        if self.handle.closed or not any(self.touches(p) for p in paths):
            return
        if self.let_go_after is not None and len(self.refused) >= self.let_go_after:
            self.handle.close()
            return
        self.refused.append(operation)
        raise PermissionError(errno.EACCES, "Access is denied", str(paths[0]))


@contextlib.contextmanager
def holding(path: Path, let_go_after: int | None = None) -> Iterator[Holder]:
    """Hold ``path`` open as another program would for the ``with`` block."""
    holder = Holder(path, let_go_after)
    before = fsutil.refusals
    fsutil.refusals = holder.refuse
    try:
        yield holder
    finally:
        fsutil.refusals = before
        holder.handle.close()


def files_below(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` and its bytes: what must be there, unchanged, after a refusal."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
