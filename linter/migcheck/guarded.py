"""The one way migcheck reads a file from disk: inputs, config files, baselines and the files the editor
server reads around a buffer all come through `read_bytes`.

A checked repository is hostile. A committed link can point at `/dev/zero` or `~/.ssh/id_rsa`; a file can
be swapped for such a link between the moment a folder walk looks at it and the moment it is read. So
every check is made on the file as opened, never on its name: the file is opened first (without following
a link where the caller says so, and without blocking on a named pipe), then `fstat` of the descriptor
says what it is, and at most one byte past the size limit is read."""

from __future__ import annotations

import errno
import io
import os
import stat

__all__ = ["opened_path", "read_bytes"]

_CHUNK = 1024 * 1024
# Linux and macOS say ELOOP when O_NOFOLLOW meets a link; FreeBSD says EMLINK.
_LINK_ERRORS = frozenset({errno.ELOOP, getattr(errno, "EMLINK", errno.ELOOP)})


def read_bytes(
    path: str,
    limit: int,
    *,
    follow_links: bool = True,
    regular_only: bool = True,
    within: str = "",
) -> bytes:
    """Up to `limit` bytes of the file at `path` (callers pass their size cap plus one, so that a larger
    file is noticed and nothing larger is held in memory).

    - `follow_links=False`: a link at `path` itself is refused (`O_NOFOLLOW`), not followed.
    - `regular_only`: anything but a regular file (a folder, a named pipe, a device) is refused; the file
      is opened without blocking, so a named pipe with no writer cannot stall the run.
    - `within`: a folder (as `os.path.realpath` gives it) that the opened file must be inside, checked on
      the opened descriptor where the platform can say what it is.

    Raises `OSError` whose `strerror` says in plain words why the file is not read."""
    flags = (
        os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    )
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    if regular_only:
        flags |= getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if not follow_links and exc.errno in _LINK_ERRORS and os.path.islink(path):
            raise OSError(
                exc.errno, "not read: it is a symbolic link (links are not followed here)"
            ) from None
        raise
    try:
        info = os.fstat(fd)
        if regular_only and not stat.S_ISREG(info.st_mode):
            raise OSError(0, f"not a regular file ({_what(info.st_mode)}); only regular files are read")
        if within:
            _check_within(fd, within)
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb", buffering=0) as handle:
        return _read_at_most(handle, limit, info.st_size if stat.S_ISREG(info.st_mode) else 0)


def _read_at_most(handle: io.RawIOBase, limit: int, size: int) -> bytes:
    """Read until the end or `limit` bytes. A regular file is asked for its size plus one byte at first,
    so the common case is one read of exactly what is there; a file that grows meanwhile, or a pipe, is
    read on in chunks up to the limit."""
    first = min(size + 1, limit) if size else min(_CHUNK, limit)
    data = handle.read(first) or b""
    if len(data) < first and size:
        return data  # the whole file: a short read of a regular file is its end
    chunks, total = [data], len(data)
    while total < limit:
        chunk = handle.read(min(_CHUNK, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _check_within(fd: int, folder: str) -> None:
    actual = opened_path(fd)
    if actual is None:
        return  # the platform cannot say; the walk checked the name just before
    if actual != folder and not actual.startswith(folder.rstrip(os.sep) + os.sep):
        raise OSError(0, "not read: the file opened is outside the folder being checked")


def opened_path(fd: int) -> str | None:
    """The real path of the file open on `fd`, where the platform can tell: what a link, swapped in after
    a check, actually led to."""
    try:
        target = os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        target = ""
    if target.startswith("/"):
        return target.removesuffix(" (deleted)")
    try:
        import fcntl

        get_path = getattr(fcntl, "F_GETPATH", None)  # macOS
        if get_path is not None:
            raw = fcntl.fcntl(fd, get_path, bytes(1024))
            return os.fsdecode(raw.split(b"\0", 1)[0]) or None
    except (ImportError, OSError):
        pass
    return None


def _what(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"
