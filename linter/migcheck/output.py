"""Writing the files migcheck produces (reports, baselines, badges): never through a symbolic link, never
half-written.

A repository under review can commit `report.sarif` as a link to `~/.bashrc`; CI then runs
`migcheck check --output-file report.sarif`. So a link is refused, not followed. And a run that dies while
writing (a full disk, a killed job) must not leave a baseline truncated to nothing: the text goes to a
temporary file beside the target, which then replaces it in one step, with the target's permission bits
(a new file gets those a plain `open` gives it: 0666 less the umask). A target that is a named pipe or a
character device (`/dev/null`, a terminal) is not a file to replace: the output is written into it, as a
shell's `>` would, and it stays what it was.

A folder in the path can be a link as well (a committed `reports -> /elsewhere` sends `reports/x.json`
there): a link in any folder of the path that lies in the working directory or the project is refused
too. Not one above them: those are the machine's and the user's (`/tmp` is a link on macOS), as are the
absolute paths they name outside the checkout."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable, Iterator
from typing import BinaryIO, TextIO

from migcheck.visible import SPELLED


class OutputError(Exception):
    """The output cannot be written; the message names the file and says why."""


def refuse_inputs(path: str, inputs: Iterable[tuple[str, str, str]]) -> None:
    """Refuse to write `path` when it is one of the files the run reads: `inputs` are (the name it was
    opened by, the name reports show, what the file is to the run, such as "a file this run checks"). The
    same file is found by its (device, inode), whatever name leads to it (`./x` for `x`, an absolute
    path, a hard or symbolic link), and before anything is written: a report, baseline or badge must
    never replace what it describes. A symbolic link is refused in any case, and said to be one first:
    it is the name the user gave, where another name of the same file is news to them."""
    read = _read_as(path, inputs)
    if read is None:
        _refuse_link(path)  # refused when written in any case: said before anything is written or fixed
        return
    what, shown = read
    if os.path.islink(path):
        raise OutputError(
            f"cannot write {path}: it is a symbolic link, to {what} ({shown}), and migcheck neither writes "
            "through links nor to the files it reads; name another file"
        )
    same = "" if os.path.normpath(shown) == os.path.normpath(path) else f" ({shown})"
    raise OutputError(
        f"cannot write {path}: it is {what}{same}, and migcheck never writes to the files it reads; "
        "name another file"
    )


def _read_as(path: str, inputs: Iterable[tuple[str, str, str]]) -> tuple[str, str] | None:
    """What the file `path` names is to the run, and the name reports show it by, when the run reads it;
    None when it does not, or nothing is there yet."""
    try:
        target: os.stat_result | None = os.stat(path)
    except OSError:
        target = _once_its_folders_are_made(path)
    if target is None:
        return None  # nothing there yet (or nothing this can tell): no input is replaced
    if not stat.S_ISREG(target.st_mode):
        return None  # a pipe or a device is written into, and no input is one
    identity = (target.st_dev, target.st_ino)
    for opened, shown, what in inputs:
        try:
            info = os.stat(opened)
        except OSError:
            continue
        if (info.st_dev, info.st_ino) == identity and not _same_link(path, opened):
            return what, shown
    return None


def _once_its_folders_are_made(path: str) -> os.stat_result | None:
    """What `path` names once writing it has made the folders it goes through: `missing/../a.sh` is `a.sh`
    when `missing` is made, though nothing is there before."""
    if ".." not in path.replace("\\", "/").split("/"):
        return None  # no step back out of a folder: nothing else is named once folders are made
    try:
        return os.stat(os.path.normpath(path))
    except OSError:
        return None


def _same_link(path: str, opened: str) -> bool:
    """Whether `path` is the symbolic link the run found as `opened`: a link the walk passes over (to a
    file outside the folder) is no file the run reads, and what to say of it is that it is a link."""
    return (
        os.path.islink(path) and os.path.islink(opened) and os.path.samestat(os.lstat(path), os.lstat(opened))
    )


def refuse_linked_folders(path: str, project: str = "") -> None:
    """Refuse `path` when a folder on the way to it, as the system follows the path (a `..` after a link
    leaves the link's target, not the link), is a symbolic link that lies in the working directory or in
    `project`. Where a link lies is its folder's real path: `/tmp` (a link on macOS) holds no checkout."""
    guarded = [_real_folder(folder) for folder in (os.getcwd(), project) if folder]
    folder = os.path.dirname(path)
    while folder and folder != os.path.dirname(folder):  # each folder of the path, as written
        parent, name = os.path.split(folder)
        if name not in (".", "..") and os.path.islink(folder):
            where = os.path.join(_real_folder(parent or "."), name)
            if any(where.startswith(inside) for inside in guarded):
                raise OutputError(
                    f"cannot write {path}: the folder {folder} is a symbolic link{_pointing(folder)}, "
                    "and migcheck does not write through links in the project, which a repository can "
                    f"commit to send its output elsewhere; name a path with no link in it (this one leads to "
                    f"{os.path.realpath(path)})"
                )
        folder = parent


def _pointing(link: str) -> str:
    try:
        return f" (to {os.readlink(link)})"
    except OSError:
        return ""


def _real_folder(folder: str) -> str:
    """`folder`'s real path, with a separator at its end: a path under it starts with it."""
    return os.path.join(os.path.realpath(folder), "")


def write_bytes(path: str, data: bytes, *, mode: int | None = None) -> None:
    """Write `data` to `path` atomically, never through a link; the file gets permission bits `mode`
    when given (a fixed file keeps its own), else those of a new private file."""
    import tempfile  # for writing files only: standard output needs none of it

    if _check_target(path):
        with _into(path) as handle:
            handle.write(data)
        return
    folder = os.path.dirname(path) or "."
    try:
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=".migcheck-", suffix=".tmp")
    except OSError as exc:
        raise _cannot_write(path, exc, elsewhere="") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        if mode is not None and not hasattr(os, "fchmod"):  # Windows: only the read-only bit counts
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise _cannot_write(path, exc, elsewhere="") from None


def _refuse_link(path: str) -> None:
    if os.path.islink(path):
        raise OutputError(
            f"cannot write {path}: it is a symbolic link, and migcheck does not write through links; "
            "name the file it points to, or another file"
        )


def folder_named(path: str) -> str:
    """Why `path` cannot name a file to write, when it ends in a folder separator (`out/`); "" when it
    does not. Nothing is there yet, or a folder is: writing would make the folder, then fail to write it as
    a file."""
    if not path.endswith(tuple(filter(None, (os.sep, os.altsep)))):
        return ""
    return (
        f"cannot write {path}: a name that ends in '{path[-1]}' names a folder; name a file "
        "(a new one in that folder, or another)"
    )


def _check_target(path: str) -> bool:
    """Refuse what must not be written; True when `path` is a pipe or a character device, written into
    rather than replaced (replacing `/dev/null` with a file of the report would break the machine)."""
    if not path:
        raise OutputError("no output file named (an empty path)")
    refused = folder_named(path)
    if refused:
        raise OutputError(refused)
    _refuse_link(path)
    if os.path.isdir(path):
        raise OutputError(f"cannot write {path}: it is a folder; name a file (a new one in it, or another)")
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return False  # a new file
    if stat.S_ISREG(mode):
        return False
    if _streamed(mode):
        return True
    raise OutputError(
        f"cannot write {path}: it is neither a file, a named pipe nor a character device; name a file"
    )


# What to do about a file that cannot be written, whatever the reason.
_ELSEWHERE = "name a file in a folder you can write to"


def _cannot_write(path: str, error: OSError, elsewhere: str = _ELSEWHERE) -> OutputError:
    """Why `path` cannot be written, in the user's terms, then `elsewhere` (what to do instead; "" for
    nothing): the operating system's words alone ("File exists" for a folder in the path that is a file,
    "No such file or directory" for a file that is there) say neither. Writing makes a temporary file in
    the folder of `path` (and that folder, when missing), then puts it in place: most failures are the
    folder's."""
    import errno

    folder = os.path.dirname(path) or "."
    blocker = _not_a_folder(folder)
    if blocker is not None:
        why = f"{blocker} is {_what_is_there(blocker)}, not a folder"
        elsewhere = elsewhere and f"{elsewhere}, or move {blocker} out of the way"
    elif error.errno in (errno.EACCES, errno.EPERM):
        why = f"permission denied (in the folder {folder}, or on the file)"
    elif error.errno == errno.EROFS:
        why = f"the folder {folder} is on a read-only file system"
    elif error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        why = f"{error.strerror or 'no space left'}: the disk, or your quota on it, is full"
        elsewhere = elsewhere and "free some space, or name a file on another disk"
    elif error.errno == errno.ENAMETOOLONG:
        why = "the name is too long for the file system"
        elsewhere = elsewhere and "name a file with a shorter path"
    elif error.errno == errno.ENOENT and os.path.isdir(folder):
        # /proc/version: there, but its folder takes no new file (migcheck writes one beside it first).
        why = f"the folder {folder} takes no new files ({error.strerror or error})"
    else:
        why = str(error.strerror or error)
    return OutputError(f"cannot write {path}: {why}" + (f"; {elsewhere}" if elsewhere else ""))


def _what_is_there(path: str) -> str:
    """What `path`, which exists and is not a folder, is, as "X is ..., not a folder" says it."""
    if os.path.isfile(path):
        return "a file"
    return "a symbolic link to nothing" if not os.path.exists(path) else "something else"


def _not_a_folder(folder: str) -> str | None:
    """The nearest of `folder` and the folders above it that exists and is not a folder (a file where
    the path needs one); None when what exists is a folder. Climbs only while nothing is there."""
    while True:
        if os.path.lexists(folder):
            return None if os.path.isdir(folder) else folder
        parent = os.path.dirname(folder)
        if not parent or parent == folder:
            return None
        folder = parent


def _streamed(mode: int) -> bool:
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)


@contextlib.contextmanager
def _into(path: str) -> Iterator[BinaryIO]:
    """The pipe or device at `path`, opened for writing without following a link; checked again once
    open, so a file swapped in after the check is not written into."""
    try:
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    try:
        # The last buffered bytes go out when the handle closes: a full device fails there too.
        with os.fdopen(fd, "wb") as handle:
            if not _streamed(os.fstat(fd).st_mode):
                raise OutputError(f"cannot write {path}: it changed while migcheck was writing it; run again")
            yield handle
    except OSError as exc:
        raise _cannot_write(path, exc) from None


class EncodedStream:
    """A text stream onto standard output that writes whatever it is given: text that is not valid
    Unicode (an undecodable file name kept as lone surrogates) or that the stream's codec cannot show is
    written with backslash escapes (migcheck's own typography in its plain spelling), never a traceback. Reports are written to it piece by piece.

    `encoding` replaces the stream's own: documents (JSON, SARIF, JUnit) are UTF-8 whatever the terminal
    or locale, as the tools that read them expect (JSON must be UTF-8, JUnit says so in its XML
    declaration); with the locale's codec, an ASCII locale escaped "é" as `\xe9`, which is not JSON."""

    def __init__(self, stream: TextIO, encoding: str | None = None) -> None:
        self._stream = stream
        self._encoding = encoding or getattr(stream, "encoding", None) or "utf-8"
        self._buffer: BinaryIO | None = getattr(stream, "buffer", None)
        if self._buffer is not None:
            stream.flush()  # what was printed before comes first

    @property
    def encoding(self) -> str:
        """The codec written in: a report shows what it cannot write as the escapes written instead."""
        return self._encoding

    def write(self, text: str, /) -> int:
        data = text.encode(self._encoding, SPELLED)
        if self._buffer is None:  # a replaced stream (tests, IDEs) takes text
            self._stream.write(data.decode(self._encoding))
        else:
            self._buffer.write(data)
        return len(text)

    def flush(self) -> None:
        (self._buffer or self._stream).flush()


def write_text(path: str, text: str, *, newline: str = "", project: str = "") -> None:
    """Write `text` to `path` atomically, as UTF-8 (text that is not valid Unicode, such as an
    undecodable file name, is written with backslash escapes), with `newline` translation as `open`
    does it; never through a linked folder in the working directory or in `project` (the project root)."""
    with writing(path, newline=newline, project=project) as handle:
        handle.write(text)


@contextlib.contextmanager
def writing(path: str, *, newline: str = "", project: str = "") -> Iterator[TextIO]:
    """A text stream to `path`, written as `write_text` writes, for a report made piece by piece: it goes
    to a temporary file beside `path`, which replaces `path` only when the block ends without an error
    (the old file stays whole otherwise), so no report is ever held whole in memory to be written."""
    import io

    refuse_linked_folders(path, project)
    if _check_target(path):
        with _into(path) as raw:
            text = io.TextIOWrapper(raw, encoding="utf-8", errors="backslashreplace", newline=newline)
            yield text
            text.flush()
            text.detach()
        return
    folder = os.path.dirname(path) or "."
    try:
        os.makedirs(folder, exist_ok=True)
        fd, temporary = _temporary_beside(path, folder)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise _cannot_write(path, exc) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _temporary_beside(path: str, folder: str) -> tuple[int, str]:
    """A new temporary file in `folder`, open for writing, with the permission bits `path` will keep: those
    of the file it replaces, or for a new file those a plain `open` gives (0666 less the umask), not
    `mkstemp`'s 0600, which made every report and baseline private to its writer."""
    import tempfile

    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mode = 0o666 & ~_umask()  # a new file
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=".migcheck-", suffix=".tmp")
    if hasattr(os, "fchmod"):  # elsewhere (Windows) only the read-only bit exists, and mkstemp leaves it off
        try:
            os.fchmod(fd, mode)
        except OSError:
            os.close(fd)
            os.unlink(temporary)
            raise
    return fd, temporary


def _umask() -> int:
    """The process's umask. It can only be read by setting it, so it is set back at once; migcheck writes
    its outputs from its main thread, with no other thread creating files meanwhile."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
