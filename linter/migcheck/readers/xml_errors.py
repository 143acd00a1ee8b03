"""libxml2's words for the mistakes hand-edited XML files hold, in plain words with what to write instead.

libxml2 speaks of its own functions (`xmlParseEntityRef: no name`) and points past what it read before it
gave up (after a bare `&`, after a `<` no name follows); a user reads neither. Each known error is said
once, at the character to change where libxml2's column is past it, with the edit that fixes it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_NAME_SHOWN = 60  # the characters of a name a message quotes: a hostile file's names run to megabytes
_URI_SHOWN = 200  # of a namespace name: the classic ones run to 72, and the part wrapped is at the end


@dataclass(frozen=True)
class _Known:
    pattern: re.Pattern[str]
    words: str  # `{0}`, `{1}`: the pattern's groups
    fix: str
    back_to: str = ""  # what libxml2 reads past before it complains: the finding points at it instead


# libxml2 names an attribute whose prefix no element declares, or that a tag writes twice, only once it has
# read the whole start tag (it points past the tag's `>`), and one without a value at what follows it: the
# finding points back at the attribute (`prefix:name`, `name`), in the start tag, on whichever of its lines
# it is written. `back_to` for an attribute is the format of its name, from the pattern's groups.
_ATTRIBUTE = "{0}:{1}"
_NAMED = "{0}"


_AMP_FIX = (
    "Write `&amp;` for a `&` that is text: XML reads every `&` as the start of a reference such as `&amp;`."
)
_ATTRIBUTES_FIX = (
    'Write each attribute as name="value", with a blank before it, and end the start tag with `>` (`/>` for an '
    "element with nothing inside)."
)

_KNOWN = (
    _Known(re.compile(r"xmlParseEntityRef: no name"), "a `&` that starts no entity", _AMP_FIX, "&"),
    _Known(
        re.compile(r"EntityRef: expecting ';'"),
        "a `&` that starts a reference no `;` ends",
        "Write `&amp;` for a `&` that is text (a&b is written a&amp;b), or end the reference with `;`.",
        "&",
    ),
    _Known(
        re.compile(r"Entity '(.+)' not defined"),
        "`&{0};` is no entity XML knows",
        "Write the character itself or its number (`&#160;` for `&nbsp;`): XML knows only `&amp;`, `&lt;`, "
        "`&gt;`, `&quot;` and `&apos;`. Write `&amp;` for a `&` that is text.",
        "&",
    ),
    _Known(
        re.compile(r"Unescaped '<' not allowed in attributes values"),
        "a `<` inside an attribute's value",
        "Write `&lt;` for a `<` in a value (a placeholder such as <YourValue> is written &lt;YourValue&gt;, or "
        "replaced by the value), or close the value before it with the quote the value opens with.",
    ),
    _Known(
        re.compile(r"StartTag: invalid element name"),
        "a `<` that no element name follows",
        "Write `&lt;` for a `<` that is text; a start tag's name follows its `<` at once, starting with a letter "
        "or `_`.",
        "<",
    ),
    _Known(
        re.compile(r"Couldn't find end of Start Tag (\S+)(?: line \d+)?"),
        "the start tag <{0}> is not closed",
        "End the start tag with `>` (`/>` for an element with nothing inside) after its last attribute.",
    ),
    _Known(
        re.compile(r"error parsing attribute name"),
        "something in {tag} that is no attribute: is the tag's `>` missing before it?",
        _ATTRIBUTES_FIX,
    ),
    _Known(
        re.compile(r"attributes construct error"),
        'an attribute of {tag} not written name="value" with a blank before it',
        _ATTRIBUTES_FIX,
    ),
    _Known(
        re.compile(r"""AttValue: " or ' expected"""),
        "an attribute's value not in quotes",
        'Put the value in double quotes: name="value".',
    ),
    _Known(
        re.compile(r"Specification mandates value for attribute (\S+)"),
        "the attribute {0} has no value",
        'Write it as {0}="value", or remove it.',
        _NAMED,
    ),
    _Known(
        re.compile(r"Attribute (\S+) redefined"),
        "the attribute {0} is written twice in one start tag",
        "Keep one of the two and remove the other.",
        _NAMED,
    ),
    _Known(
        re.compile(r"Extra content at the end of the document"),
        "something after the end tag of the root element",
        "Remove it, or move it inside the root element: an XML file holds one root element.",
    ),
    _Known(
        re.compile(r"XML declaration allowed only at the start of the document"),
        "the XML declaration <?xml ...?> is not at the start of the file",
        "Move it to the start of the first line: nothing may come before it, not even a blank line.",
        "<?",
    ),
    _Known(
        re.compile(r"(?:Double hyphen within comment|Comment must not contain '--').*", re.S),
        "`--` inside a comment",
        "Remove the `--` or put a blank between the two hyphens: an XML comment may not hold `--`.",
    ),
    _Known(
        re.compile(r"xmlParsePI : no target name"),
        "a `<?` that starts no processing instruction",
        "Write `&lt;?` for text, or remove it.",
        "<?",
    ),
    _Known(
        re.compile(r"expected '>'"),
        "a tag not ended by `>` here",
        "End the tag with `>`: an end tag holds nothing but its name (</Role>).",
    ),
    _Known(
        re.compile(r"Failed to parse QName '(.+)'"),
        "the name {0} holds more than one `:`",
        "Write at most one `:` in a name, between its prefix and the rest.",
        "<",
    ),
    _Known(
        re.compile(r"Namespace prefix (\S+) for (\S+) on \S+ is not defined"),
        "the prefix {0}: of the attribute {0}:{1} is declared on no element around it",
        'Declare it (xmlns:{0}="...") on this element or one around it, or remove `{0}:` from the attribute\'s '
        "name.",
        _ATTRIBUTE,
    ),
    _Known(
        re.compile(r"Namespace prefix (\S+) on \S+ is not defined"),
        "the prefix {0}: is declared on no element around it",
        'Declare it (xmlns:{0}="...") on this element or one around it, or remove `{0}:` from the name.',
        "<",
    ),
    _Known(
        re.compile(r"Start tag expected, '<' not found"),
        "no element starts here: an XML file starts with its root element's start tag",
        "Check that the file holds the XML its name says (such as <ServiceConfiguration ...>), or leave it out "
        "with `exclude` in [tool.migcheck].",
    ),
    _Known(
        re.compile(r"Comment not terminated.*", re.S),
        "a comment that no `-->` closes",
        "End the comment with `-->`.",
    ),
    _Known(
        re.compile(r"CData section not finished.*", re.S),
        "a CDATA section that no `]]>` closes",
        "End the CDATA section with `]]>`.",
    ),
)
_INVALID_NAME, _START_TAG_NOT_CLOSED = _KNOWN[4], _KNOWN[5]


def in_plain_words(messages: Sequence[str], source: str, at: int) -> tuple[str, int, str] | None:
    """(words, offset, fix) of libxml2's first error `messages[0]`, which its line and column put at offset
    `at` of `source`; None where libxml2's words are all there is. The offset is of the character to change,
    which may be on an earlier line than libxml2's where a start tag spans several. Attributes libxml2
    cannot read are said of the start tag its next error names (`Couldn't find end of Start Tag Role`): one
    error, in one message."""
    first = messages[0].strip()
    for known in _KNOWN:
        match = known.pattern.fullmatch(first)
        if match:
            names = [_shown(group or "") for group in match.groups()]
            words = known.words.format(*names, tag=_start_tag(messages[1:]))
            fix = known.fix.format(*names)
            if known is _INVALID_NAME and source[at : at + 1] == "/":
                words, fix = (
                    "an end tag before any start tag",
                    "Remove it, or write the start tag it closes first.",
                )
            if known.back_to in (_ATTRIBUTE, _NAMED):
                return words, _attribute_at(source, at, known.back_to.format(*match.groups())), fix
            return words, _back_to(source, at, known.back_to), fix
    return None


def _start_tag(later: Sequence[str]) -> str:
    """The start tag an error about attributes is in, as the error libxml2 gives after it names it."""
    for message in later[:2]:
        match = _START_TAG_NOT_CLOSED.pattern.fullmatch(message.strip())
        if match:
            return f"the start tag <{_shown(match.group(1))}>"
    return "a start tag"


def _looked_back_from(source: str, at: int) -> int:
    """Where a search back from `at` for what libxml2 read past stops: the start of the line or of the tag
    `at` is in, whichever is earlier, so that an attribute on an earlier line of a start tag is found. A
    start tag holds no other `<` (a value may not), so the last one before `at` is its own."""
    return min(source.rfind("\n", 0, at) + 1, max(source.rfind("<", 0, at), 0))


def _back_to(source: str, at: int, mark: str) -> int:
    """The offset of the last `mark` before `at` in the tag or line `at` is in (libxml2 points past it),
    else `at`."""
    if not mark:
        return at
    found = source.rfind(mark, _looked_back_from(source, at), at)
    return found if found >= 0 else at


def _attribute_at(source: str, at: int, name: str) -> int:
    """The offset of the last attribute `name` before `at` in the tag or line `at` is in (a blank before it:
    `i:type`, not the end of `xi:type`), else `at`."""
    start, end = _looked_back_from(source, at), at
    while (found := source.rfind(name, start, end)) > 0:
        if source[found - 1].isspace():
            return found
        end = found  # the end of a longer name: look further back
    return at


def _shown(name: str) -> str:
    return name if len(name) <= _NAME_SHOWN else name[:_NAME_SHOWN] + "..."


# libxml2's words for a namespace declaration whose value is no URI (its warning WAR_NS_URI, which lxml's
# parser raises): the value as libxml2 read it, with each line break of it already a blank.
_NOT_A_URI = re.compile(r"xmlns(?::(\S+))?: '(.*)' is not a valid URI", re.S)


@dataclass(frozen=True)
class NamespaceProblem:
    """A namespace declaration whose name is no URI: the document is well-formed, only the name is wrong
    (most often one wrapped onto a second line). `prefix` is "" for the default namespace (`xmlns=`)."""

    prefix: str
    written: str
    words: str
    at: int  # the offset of the declaration (`xmlns=`), else libxml2's


def namespace_problem(message: str, source: str, at: int) -> NamespaceProblem | None:
    """What is wrong with the namespace name libxml2's `message` speaks of, whose line and column put it at
    offset `at` of `source`; None for any other message."""
    match = _NOT_A_URI.fullmatch(message.strip())
    if match is None:
        return None
    prefix, written = match.group(1) or "", match.group(2)
    declared = f"xmlns:{prefix}=" if prefix else "xmlns="
    # libxml2 shows a line break of the value as a blank: the source says which it was.
    start = _attribute_at(source, at, declared)
    wrapped = start != at and "\n" in source[start:at]
    held = "a line break" if wrapped else "a blank" if any(c.isspace() for c in written) else "characters"
    named = f"the namespace name of the prefix {_shown(prefix)}:" if prefix else "the namespace name"
    shown = written if len(written) <= _URI_SHOWN else written[:_URI_SHOWN] + "..."
    words = f"{named} '{shown}' is not a valid URI: it holds {held}"
    if held == "characters":
        words += " a URI may not hold"
    return NamespaceProblem(prefix, written, words, start)
