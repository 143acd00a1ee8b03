"""Text from input files, made safe to show to a person: every control character escaped visibly.

Names, messages, source lines and file names come from files anyone can commit. Written raw to a terminal
or a CI log, a line feed inside an attribute value starts a new line that GitHub Actions runs as a
workflow command (`::error ...`) and Azure Pipelines as a logging command (`##vso[...]`); a carriage return
overwrites what was printed; an escape sequence recolours or retitles the terminal; bidirectional controls
reorder what the reader sees. A line break is not needed, either: Azure Pipelines' agent runs a `##vso[`
found anywhere in a line (azure-pipelines-agent, Command.cs: `IndexOf`), GitHub's runner a `##[` anywhere
and a `::` that starts a line after its leading white space (actions/runner, ActionCommand.cs). So those
are escaped too, as `#\x23vso[`, `#\x23[` and `:\x3a`: still readable, plainly an escape, and obeyed by
neither. Every human-readable writer passes such text through `visible` and adds its own commands (`--format
github`, `--format azure`) after (machine formats — JSON, SARIF — escape it by their own rules)."""

from __future__ import annotations

import codecs
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
# The CI log commands a runner finds anywhere in a line: the second `#` is escaped.
ANYWHERE = re.compile(r"##(?=(?i:vso)\[|\[)")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not valid text: show the byte
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(text: str) -> str:
    """`text` with every unsafe character replaced by its escape (`\\n` → `\\x0a`), and every CI log
    command it holds or starts with broken by one; unchanged otherwise."""
    if not (text.isascii() and text.isprintable()):  # nearly every name and message: nothing to escape
        text = _UNSAFE.sub(_escape, text)
    if "##" in text:
        text = ANYWHERE.sub(r"#\\x23", text)
    if "::" in text:
        text = _no_leading_command(text)
    return text


def visible_lines(text: str) -> str:
    """`text` of several lines, each made `visible`: its line feeds kept as the line breaks they are (an
    editor's message, a hover's Markdown), every other unsafe character escaped."""
    return "\n".join(visible(line) for line in text.split("\n"))


def _no_leading_command(text: str) -> str:
    """`text` with a `::` that starts it, after white space, escaped: the text may start a line (a file
    name in the first column, an indented name), and GitHub's runner trims the white space
    (`TrimStart`, Unicode's white space as `str.isspace` knows it) before it looks for `::`."""
    start = len(text) - len(text.lstrip())
    if not text.startswith("::", start):
        return text
    return f"{text[:start]}:\\x3a{text[start + 2 :]}"


# migcheck's own sentences use a few typographic characters (`… and 3 more`, dashes, the multiplication
# sign, arrows, curly quotes). A terminal whose codec lacks them (cp1252 has some, ASCII none) gets their
# plain spelling, where `\u2026` would read as noise; any other character it cannot write is still a
# backslash escape, as the codec's own `backslashreplace` writes it.
PLAIN_SPELLING = {
    "\u2026": "...",
    "\u2013": "-",
    "\u2014": "--",
    "\u00d7": "x",
    "\u2192": "->",
    "\u2264": "<=",
    "\u2265": ">=",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
}
SPELLED = "migcheck-plain-spelling"  # the error handler's name, for `str.encode`


def _spelled(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    unwritable = error.object[error.start : error.end]
    spelled = (
        PLAIN_SPELLING.get(char) or char.encode("ascii", "backslashreplace").decode() for char in unwritable
    )
    return "".join(spelled), error.end


codecs.register_error(SPELLED, _spelled)
