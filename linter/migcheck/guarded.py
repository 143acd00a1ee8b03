"""The one way migcheck reads a file from disk: inputs, config files, baselines and the files the editor
server reads around a buffer all come through `read_bytes`.

A checked repository is hostile. A committed link can point at `/dev/zero` or `~/.ssh/id_rsa`; a file can
be swapped for such a link between the moment a folder walk looks at it and the moment it is read. So
every check is made on the file as opened, never on its name: the file is opened first (without following
a link where the caller says so, and without blocking on a named pipe), then `fstat` of the descriptor
says what it is, and at most one byte past the size limit is read."""

from __future__ import annotations

import errno
import os
import stat
import sys

__all__ = ["opened_path", "read_bytes"]

_CHUNK = 1024 * 1024
# The flags files are opened with, looked up once: `getattr` of a flag the platform lacks (`O_BINARY` but on
# Windows) raises and catches an AttributeError, whose message is formatted, for every file read.
_OPEN_FLAGS = (
    os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
)
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NON_BLOCKING = getattr(os, "O_NONBLOCK", 0)
# Linux and macOS say ELOOP when O_NOFOLLOW meets a link; FreeBSD says EMLINK.
_LINK_ERRORS = frozenset({errno.ELOOP, getattr(errno, "EMLINK", errno.ELOOP)})


def read_bytes(
    path: str,
    limit: int,
    *,
    follow_links: bool = True,
    regular_only: bool = True,
    within: str = "",
    identity: tuple[int, int] | None = None,
) -> bytes:
    """Up to `limit` bytes of the file at `path` (callers pass their size cap plus one, so that a larger
    file is noticed and nothing larger is held in memory).

    - `follow_links=False`: a link at `path` itself is refused (`O_NOFOLLOW`), not followed.
    - `regular_only`: anything but a regular file (a folder, a named pipe, a device) is refused; the file
      is opened without blocking, so a named pipe with no writer cannot stall the run.
    - `within`: a folder (as `os.path.realpath` gives it) that the opened file must be inside, checked on
      the opened descriptor where the platform can say what it is.
    - `identity`: the (device, inode) the folder walk listed for this name inside `within`. An opened
      file with that identity is the one the walk met inside the folder, so the costlier check of where
      the descriptor leads is made only when the identities differ (see `_check_within`).

    Raises `OSError` whose `strerror` says in plain words why the file is not read."""
    flags = _OPEN_FLAGS
    if not follow_links:
        flags |= _NO_FOLLOW
    if regular_only:
        flags |= _NON_BLOCKING
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
        regular = stat.S_ISREG(info.st_mode)
        if regular_only and not regular:
            # a folder's errno, so that a caller can tell a file replaced by one (the walk lists files only)
            code = errno.EISDIR if stat.S_ISDIR(info.st_mode) else 0
            raise OSError(code, f"not a regular file ({_what(info.st_mode)}); only regular files are read")
        if within and (info.st_dev, info.st_ino) != identity:
            _check_within(fd, within)
        if info.st_size and regular:
            # Read on the descriptor itself (no file object per file), and here rather than a call or two
            # down, as this runs for every file: a regular file is asked for its size plus one byte, so the
            # common case is one read of exactly what is there, its end told by a short read.
            first = min(info.st_size + 1, limit)
            try:
                data = os.read(fd, first)
            except BlockingIOError:  # as `_read`
                data = b""
            return data if len(data) < first else _read_on(fd, limit, data)
        return _read_on(fd, limit, _read(fd, min(_CHUNK, limit)))
    finally:
        os.close(fd)


def _read_on(fd: int, limit: int, data: bytes) -> bytes:
    """`data`, read first from `fd`, and what follows it, read in chunks until the end or `limit` bytes in
    all: a file that grew since its size was asked, or a pipe."""
    chunks, total = [data], len(data)
    while total < limit:
        chunk = _read(fd, min(_CHUNK, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _read(fd: int, count: int) -> bytes:
    """One `read`, retried when a signal interrupts it; b"" for a non-blocking pipe with nothing yet
    (the same as its end, as a file object in non-blocking mode says)."""
    try:
        return os.read(fd, count)
    except BlockingIOError:
        return b""


def _check_within(fd: int, folder: str) -> None:
    """Whether the file open on `fd` is inside `folder`, by where the descriptor leads.

    The walk's identity spares this check for nearly every file: the walk listed the name in a folder it
    reached without following a link, and recorded the (device, inode) of that entry. The descriptor is
    opened without following a link at the last step, so it is that same file unless a folder on the way
    was swapped for a link since; then the file opened is another one, whose identity differs, and this
    check decides. Equal identities mean the very file the walk met inside the folder (a hard link to it
    elsewhere is the same file, which the path check would accept too), so the two checks agree. Where the
    file system reports directory entries with other inode numbers than `fstat` (some overlay mounts),
    every file takes this check, as before."""
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


def read_stdin(limit: int) -> bytes:
    """Up to `limit` bytes of standard input. Raises `OSError` saying so when the process has none (it
    was started with standard input closed, `<&-`)."""
    if sys.stdin is None:
        raise OSError(0, "standard input is closed")
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # a replaced stream (tests, IDEs) holds text
        return sys.stdin.read(limit).encode("utf-8", "surrogateescape")
    data: bytes = buffer.read(limit)
    return data
