"""Taking bytes from the file system: regular files only, never more than the limit.

The importer is pointed at folders it did not write. A FIFO would block it for ever, a
device such as ``/dev/zero`` would fill memory (``stat`` says 0 bytes for both), and a
symbolic link can lead anywhere, so what is read is checked by what it is, and the size
limit is enforced on the bytes actually read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .decoding import ReadError, check_size

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def not_regular(mode: int) -> str | None:
    """What a file of this ``st_mode`` is when it is not a regular file, else None."""
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in _KINDS if test(mode)), "not a regular file")


def read_regular_file(path: str | Path, limit: int | None) -> bytes:
    """The bytes of the regular file at ``path``; ReadError for anything else or too large.

    The file is opened non-blocking (a FIFO that slipped in between the checks does not
    block) and checked again on the open descriptor, so a swap after the first check
    changes nothing."""
    _check(os.stat(path), limit)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        _check(os.fstat(fd), limit)
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as file:
        data = file.read(limit + 1) if limit else file.read()
    check_size(len(data), limit)  # the file grew after the check, or stat said too little
    return data


def _check(status: os.stat_result, limit: int | None) -> None:
    kind = not_regular(status.st_mode)
    if kind:
        raise ReadError(f"not a regular file ({kind})")
    check_size(status.st_size, limit)


def link_outside(path: Path, root: Path) -> str | None:
    """Why the symbolic link ``path`` found in the folder ``root`` is not followed, or None
    when ``path`` is no link or leads to a file inside ``root``."""
    if not path.is_symlink():
        return None
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return "a broken symbolic link"
    if not target.is_relative_to(root.resolve()):
        return f"a symbolic link to {target}, outside the folder: not followed"
    return None
