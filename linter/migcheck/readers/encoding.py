"""The problem of a file whose bytes are not the text they must be: said at the first byte that is not,
or at the byte order mark that names the wrong encoding, with what to do."""

from __future__ import annotations

import codecs

from migcheck.model import FileProblem, Mark


def not_utf8(path: str, data: bytes, reads: str) -> FileProblem:
    """A MIG001 problem at the first byte of `data` that is no part of a UTF-8 character; `reads` says who
    reads the file only as UTF-8 ("Bicep", "migcheck")."""
    fix = f"Save the file as UTF-8 (`iconv -f <its encoding> -t UTF-8`): {reads} reads it only in UTF-8."
    return not_decoded(path, data, "utf-8", fix)


def not_decoded(path: str, data: bytes, encoding: str, fix: str) -> FileProblem:
    """A MIG001 problem at the first byte of `data` that is no part of a character of `encoding` (a name
    Python's codecs know), with `fix` as what to do. Its column counts characters, as the report's other
    columns do, the bytes before it decoded as far as they go (a BOM is no character)."""
    name = _named(encoding)
    try:
        data.decode(encoding)
    except UnicodeDecodeError as error:  # found again here: a decoding past a BOM counts from after it
        at = error.start
    else:
        at = len(data)
    newline = "\n".encode(encoding.removesuffix("-sig"))
    before = data[:at]
    line = before.count(newline) + 1
    start = before.rfind(newline) + len(newline) if newline in before else 0
    column = len(before[start:].decode(encoding, "replace").lstrip("\ufeff")) + 1
    byte = f"byte {data[at]:#04x}" if at < len(data) else "a byte"
    return FileProblem(
        "syntax",
        f"not {name}: {byte} here is no part of a {name} character, so the file is not read",
        Mark(path, line, column=column),
        fix,
    )


def _named(encoding: str) -> str:
    """`utf-16-le` as people write it: UTF-16."""
    return "UTF-16" if encoding.startswith("utf-16") else "UTF-8"


# How many bytes after a byte order mark are looked at to tell whether the text is what the mark says.
_LOOKED_AT = 64
# The byte order marks a file may start with (`wrong_byte_order_mark`).
_MARKS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def wrong_byte_order_mark(path: str, data: bytes) -> FileProblem | None:
    """A MIG001 problem for a file whose byte order mark names an encoding its bytes are not in, else None:
    a UTF-16 mark before one-byte text (an editor or a script that wrote the mark, then UTF-8 or ASCII:
    decoded as the mark says, the file is CJK characters), or a UTF-8 mark before UTF-16 text (NUL bytes
    between its letters). Every format migcheck reads starts with ASCII punctuation or letters, which
    UTF-16 writes with a NUL byte beside each.

    A file without a mark, nearly every one, is let go at one look at its first bytes: this runs for every
    file a check reads."""
    if not data.startswith(_MARKS):
        return None
    after = data[bom_length(data) :][:_LOOKED_AT]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and after and b"\x00" not in after:
        said = "a UTF-16 byte order mark (bytes 0xff 0xfe or 0xfe 0xff)"
        what = "yet its text is not UTF-16 (it has no NUL bytes between its letters)"
    elif data.startswith(codecs.BOM_UTF8) and _looks_utf16(after):
        said = "a UTF-8 byte order mark (bytes 0xef 0xbb 0xbf)"
        what = "yet its text is UTF-16 (a NUL byte beside each letter)"
    else:
        return None
    return FileProblem(
        "syntax",
        f"the file starts with {said}, {what}, so it is not read",
        Mark(path, 1, column=1),
        "Save the file as UTF-8 (in your editor, or `iconv -f <its encoding> -t UTF-8`), so that its first "
        "bytes say what its text is; a file that starts with a byte order mark of another encoding is read "
        "as that encoding, by migcheck and by the tools that use it.",
    )


# How many bytes of a file's start are looked at to tell UTF-16 text saved without a byte order mark.
_UNMARKED_LOOKED_AT = 128


def unmarked_utf16(data: bytes) -> str | None:
    """The codec ("utf-16-le" or "utf-16-be") of a file that starts as UTF-16 text saved without a byte
    order mark, else None: in its first bytes a NUL beside at least every other character, always on the
    same side (the high byte of a Latin letter, digit or punctuation mark), and no NUL on the other, the
    characters they make text (at most one in eight a control character other than tab and line endings,
    where binary data of 16-bit numbers makes many). UTF-8 text holds no NUL, so a UTF-8 file is never
    taken for one."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    head = data[: min(len(data), _UNMARKED_LOOKED_AT) & ~1]
    if len(head) < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    codec = "utf-16-le" if odd and not even else "utf-16-be" if even and not odd else None
    if codec is None or 2 * max(even, odd) < len(head) // 2:
        return None
    text = head.decode(codec, "replace")
    controls = sum(not c.isprintable() and c not in "\t\r\n\f" for c in text)
    return codec if 8 * controls <= len(text) else None


def unmarked_utf16_problem(path: str, codec: str, tools: str) -> FileProblem:
    """A MIG001 problem for a file saved as UTF-16 (`codec`) without a byte order mark: `tools` (the
    programs that run files of its format) read such a file as UTF-8 or a code page, NUL bytes between its
    letters, and so would migcheck's sniffing, which passed over it as holding nothing classic."""
    endian = "little-endian" if codec.endswith("le") else "big-endian"
    iconv = "UTF-16LE" if codec.endswith("le") else "UTF-16BE"
    return FileProblem(
        "syntax",
        f"the file is saved as UTF-16 ({endian}) without a byte order mark, so it is not read: "
        "save it as UTF-8",
        Mark(path, 1, column=1),
        f"Save the file as UTF-8 (in your editor, or `iconv -f {iconv} -t UTF-8`): a file without a byte "
        f"order mark is read by {tools} as UTF-8 (or the system's code page), never as UTF-16, so each "
        "letter comes with a NUL byte beside it and the file is refused or runs as something else.",
    )


def bom_length(data: bytes) -> int:
    """How many bytes of `data` are a UTF-8 or UTF-16 byte order mark."""
    if data.startswith(codecs.BOM_UTF8):
        return len(codecs.BOM_UTF8)
    return 2 if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else 0


def _looks_utf16(after: bytes) -> bool:
    """Whether bytes start as UTF-16 text of ASCII characters do: a UTF-16 mark, or a NUL byte beside the
    first character."""
    if after.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    return len(after) >= 2 and (after[0] == 0) != (after[1] == 0)
