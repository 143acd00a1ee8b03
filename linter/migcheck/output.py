"""Writing the files migcheck produces (reports, baselines, badges): never through a symbolic link, never
half-written.

A repository under review can commit `report.sarif` as a link to `~/.bashrc`; CI then runs
`migcheck check --output-file report.sarif`. So a link is refused, not followed. And a run that dies while
writing (a full disk, a killed job) must not leave a baseline truncated to nothing: the text goes to a
temporary file beside the target, which then replaces it in one step."""

from __future__ import annotations

import contextlib
import os
import tempfile


class OutputError(Exception):
    """The output cannot be written; the message names the file and says why."""


def write_text(path: str, text: str, *, newline: str = "") -> None:
    """Write `text` to `path` atomically, as UTF-8 (text that is not valid Unicode, such as an
    undecodable file name, is written with backslash escapes), with `newline` translation as `open`
    does it."""
    if not path:
        raise OutputError("no output file named (an empty path)")
    if os.path.islink(path):
        raise OutputError(
            f"cannot write {path}: it is a symbolic link, and migcheck does not write through links"
        )
    if os.path.isdir(path):
        raise OutputError(f"cannot write {path}: it is a folder")
    folder = os.path.dirname(path) or "."
    try:
        os.makedirs(folder, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=".migcheck-", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline=newline) as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
