"""Text from input files, made safe to show to a person: every control character escaped visibly.

Names, messages, source lines and file names come from files anyone can commit. Written raw to a terminal
or a CI log, a line feed inside an attribute value starts a new line that GitHub Actions runs as a
workflow command (`::error ...`) and Azure Pipelines as a logging command (`##vso[...]`); a carriage return
overwrites what was printed; an escape sequence recolours or retitles the terminal; bidirectional controls
reorder what the reader sees. Every human-readable writer passes such text through `visible` (machine
formats — JSON, SARIF — escape it by their own rules)."""

from __future__ import annotations

import re

# C0 controls but tab, DEL and C1 controls, line and paragraph separators, bidirectional embeddings,
# overrides and isolates, and lone surrogates (undecodable bytes kept by `surrogateescape`).
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not valid text: show the byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every unsafe character replaced by its escape (`\\n` → `\\x0a`); unchanged otherwise."""
    return _UNSAFE.sub(_escape, text)
