"""The problem of a file that must be UTF-8 and is not: said at the first byte that is not, with what to do."""

from __future__ import annotations

from migcheck.model import FileProblem, Mark


def not_utf8(path: str, data: bytes, reads: str) -> FileProblem:
    """A MIG001 problem at the first byte of `data` that is no part of a UTF-8 character; `reads` says who
    reads the file only as UTF-8 ("Bicep", "migcheck"). Its column counts characters, as the report's other
    columns do, the bytes before it decoded as far as they go (a BOM is no character)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:  # found again here: a decoding past a BOM counts from after it
        at = error.start
    else:
        at = len(data)
    before = data[:at]
    line = before.count(b"\n") + 1
    column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace").lstrip("\ufeff")) + 1
    byte = f"byte {data[at]:#04x}" if at < len(data) else "a byte"
    return FileProblem(
        "syntax",
        f"not UTF-8: {byte} here is no part of a UTF-8 character, so the file is not read",
        Mark(path, line, column=column),
        f"Save the file as UTF-8 (`iconv -f <its encoding> -t UTF-8`): {reads} reads it only in UTF-8.",
    )
