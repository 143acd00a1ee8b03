"""Text from input files, made safe to show to a person: every control character escaped visibly.

Names, messages, source lines and file names come from files anyone can commit. Written raw to a terminal
or a CI log, a line feed inside an attribute value starts a new line that GitHub Actions runs as a
workflow command (`::error ...`) and Azure Pipelines as a logging command (`##vso[...]`); a carriage return
overwrites what was printed; an escape sequence recolours or retitles the terminal; bidirectional controls
reorder what the reader sees. Every human-readable writer passes such text through `visible` (machine
formats — JSON, SARIF — escape it by their own rules)."""

from __future__ import annotations

import re

# What no reader of a report may get raw beyond the C0 controls, as a character class: DEL and the C1
# controls (U+009B starts a terminal escape sequence as ESC [ does), line and paragraph separators, the
# bidirectional marks, embeddings, overrides and isolates that reorder what the reader sees, the zero-width
# no-break space (a byte order mark inside text), the characters that show nothing at all (the soft hyphen,
# zero-width spaces and joiners, the word joiner and invisible operators, interlinear annotation marks, tag
# characters): `prod\u200b-vnet` must not pass for `prod-vnet` in a message saying no such network exists;
# and lone surrogates (undecodable bytes kept by `surrogateescape`). The JSON writers escape the same
# (`report.stream`).
HIDDEN = (
    "\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    "\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f"
)
# And the C0 controls but tab.
_UNSAFE = re.compile(f"[\x00-\x08\x0a-\x1f{HIDDEN}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not valid text: show the byte
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(text: str) -> str:
    """`text` with every unsafe character replaced by its escape (`\\n` → `\\x0a`); unchanged otherwise."""
    if text.isascii() and text.isprintable():  # nearly every name and message: nothing to escape
        return text
    return _UNSAFE.sub(_escape, text)
