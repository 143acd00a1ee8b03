"""Writing reports piece by piece: JSON arrays, and reports of one line per finding. A report holds one
entry per finding; built whole, as one object and then one string, it cost many times its own size in
memory (a dense file made 2.77 GB of SARIF). Here the arrays of findings are written one item at a time,
each as `json.dumps` would have written it in place, so the text is the same as
`json.dumps(report, indent=2)` and memory holds one item at a time."""

from __future__ import annotations

import functools
import io
import json
import re
from collections.abc import Callable, Iterable
from typing import Protocol

from migcheck.visible import ANYWHERE, HIDDEN

# Characters JSON may hold raw that a person reading a report in a terminal, a CI log or a diff must not
# get raw: those every text report escapes (`visible.HIDDEN`). `json.dumps` escapes the C0 controls itself;
# lone surrogates (a file name's undecodable bytes) are written `\udcXX`, as the writers'
# `backslashreplace` wrote them. Any other text stays readable (`ensure_ascii=False`).
_HIDDEN = re.compile(f"[{HIDDEN}]")
# What `json.dumps(value, ensure_ascii=False)` encodes with, made once: `dumps` makes an encoder for every
# call, which cost more than the encoding of the small values reports are written in (a SARIF result is
# written a scalar at a time).
_ENCODER = json.JSONEncoder(ensure_ascii=False)
_encode_string = json.encoder.encode_basestring  # what that encoder writes a string with
# The C encoder `_ENCODER.encode` makes for each call, made once: `--format json` encodes a dict per
# finding, and making the encoder cost a third of encoding one. Its `markers` (what is being encoded, to
# refuse a cycle) are emptied as it finishes each container, and by `_compact` when it fails midway.
_MARKERS: dict[int, object] = {}
_encode: Callable[[object, int], tuple[str, ...]] | None = (
    json.encoder.c_make_encoder(  # type: ignore[attr-defined]
        _MARKERS, _ENCODER.default, _encode_string, None, ": ", ", ", False, False, True
    )
    if json.encoder.c_make_encoder is not None  # type: ignore[attr-defined]
    else None
)


def json_text(value: object, indent: int | None = None) -> str:
    """`value` as JSON, non-ASCII text kept as it is but for the characters `_HIDDEN` names, and the
    second `#` of a `##vso[` or `##[`, written as `\\uXXXX` escapes (which mean the same to every JSON
    reader). Indented, as `json.dumps(value, indent=indent)` writes it (see `_text`)."""
    return shown(_compact(value) if indent is None else _text(value, indent, 0))


def _compact(value: object) -> str:
    """`_ENCODER.encode(value)`, with the encoder made once."""
    if _encode is None:
        return _ENCODER.encode(value)
    try:
        return "".join(_encode(value, 0))
    except BaseException:
        _MARKERS.clear()  # left marked, a container the failed call was in would pass for a cycle next time
        raise


def json_string(value: str) -> str:
    """`json_text(value)` of a string, without the encoder's dispatch on the value's type."""
    text = _encode_string(value)
    plain = "#" not in text and text.isascii() and "\x7f" not in text  # `shown` would change nothing
    return text if plain else shown(text)


def shown(text: str) -> str:
    """JSON `text` with what `json_text` escapes beyond JSON's own rules escaped. The same whether it is
    applied to a whole document or to each string in it: what it escapes is within one string."""
    # A CI log command found anywhere in a line, should the report be printed in a log: a `#` in JSON
    # text is always a string's own character, so the value read back is the same. `#` is looked for
    # first: one character is found with `memchr`, two a character at a time, and most text holds none.
    if "#" in text and "##" in text:
        text = ANYWHERE.sub(r"#\\u0023", text)
    if text.isascii() and "\x7f" not in text:  # nearly always: the search costs nothing then
        return text
    return _HIDDEN.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    high, low = divmod(code - 0x10000, 0x400)  # beyond the BMP, JSON writes the UTF-16 surrogate pair
    return f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}"


class Stream(Protocol):
    """Where a report is written: an open text file, standard output (`migcheck.output.EncodedStream`),
    a `StringIO`."""

    def write(self, text: str, /) -> int: ...


class Items:
    """A JSON array whose items are made while it is written."""

    def __init__(self, items: Iterable[object]) -> None:
        self.items = items


def dump(value: object, stream: Stream, indent: int = 2, level: int = 0) -> None:
    """Write `value` as `json_text(value, indent)` would, at nesting `level`; `Items` anywhere inside are
    written item by item."""
    if isinstance(value, Items):
        _sequence(((None, item) for item in value.items), "[]", stream, indent, level)
        return
    try:
        text = _text(value, indent, level)
    except _HoldsItems:  # met before any item was made: `_text` makes none
        if not isinstance(value, dict):
            raise  # `Items` are written whole or as a dict's value, not within a list
        _sequence(value.items(), "{}", stream, indent, level)
    else:
        stream.write(shown(text))


class _HoldsItems(TypeError):
    """Raised by `_text` at `Items` among a dict's values: the dict is written entry by entry. Found as
    the dict is written rather than looked for first: a report is thousands of dicts that hold none."""


def _sequence(
    entries: Iterable[tuple[str | None, object]], brackets: str, stream: Stream, indent: int, level: int
) -> None:
    inner = "\n" + " " * (indent * (level + 1))
    empty = True
    for key, item in entries:
        stream.write((brackets[0] if empty else ",") + inner)
        if key is not None:
            stream.write(shown(_key(key)) + ": ")
        dump(item, stream, indent, level + 1)
        empty = False
    stream.write(brackets if empty else "\n" + " " * (indent * level) + brackets[1])


def _text(value: object, indent: int, level: int) -> str:
    """`value` as indented JSON, as `json.dumps(value, ensure_ascii=False, indent=indent)` writes it at
    nesting `level`; not yet `shown`, which is applied to the whole text at once, in C, rather than to
    each string in a call of its own. Not `json.dumps(indent=...)`: its encoder is Python code, slower
    than this, made of closures that refer to each other, garbage that only the cyclic collector frees,
    and the CLI pauses the collector for the run (one report's worth piled up)."""
    # A scalar among the values is written here, not by a call of `_text` for it: most values are.
    deeper = level + 1
    if isinstance(value, dict):
        entries = [
            f"{_key(k)}: {w(v) if (w := _WRITERS.get(type(v))) else _text(v, indent, deeper)}"
            for k, v in value.items()
        ]
    elif isinstance(value, (list, tuple)):
        entries = [w(v) if (w := _WRITERS.get(type(v))) else _text(v, indent, deeper) for v in value]
    elif isinstance(value, Items):
        raise _HoldsItems("Items are written by `dump`, as a dict's value")
    else:
        return _compact(value)
    brackets = "{}" if isinstance(value, dict) else "[]"
    if not entries:
        return brackets
    inner = _indent(indent, deeper)
    return brackets[0] + inner + ("," + inner).join(entries) + _indent(indent, level) + brackets[1]


@functools.lru_cache(maxsize=64)
def _indent(indent: int, level: int) -> str:
    """The line break and the blanks that start a line at nesting `level`."""
    return "\n" + " " * (indent * level)


# How `json.dumps` writes the scalars of the common types, by exact type (a subclass, an enum, goes
# through the encoder): strings with its C string encoder, ints as `int.__repr__`, and keywords. Not yet
# `shown` (see `_text`).
_WRITERS: dict[type, Callable[[object], str]] = {
    str: _encode_string,  # type: ignore[dict-item]
    int: int.__repr__,
    bool: lambda value: "true" if value else "false",
    type(None): lambda value: "null",
}


@functools.lru_cache(maxsize=1024, typed=True)  # `True` is not `1`
def _key(key: object) -> str:
    """A key as JSON, not yet `shown`: the same few dozen keys are written for every finding. One not a
    string is written as `json.dumps` writes it (`true`, `1.5`), by the encoder itself."""
    if type(key) is str:
        return _encode_string(key)
    return _compact({key: None})[1 : -len(": null}")]


def write_lines(stream: Stream, lines: Iterable[str], tail: str | None) -> None:
    """A line-per-finding report (concise, github, azure): each line as it is made, then `tail` (the
    summary; None under --quiet)."""
    for line in lines:
        stream.write(line + "\n")
    if tail is not None:
        stream.write(tail + "\n")


def rendered(write: Callable[[Stream], None]) -> str:
    """The text `write` writes to a stream, as one string (for `render`, and for tests)."""
    buffer = io.StringIO()
    write(buffer)
    return buffer.getvalue()
