"""The filter stage: decide which findings are reported and which are suppressed, and record why.

One stage for every surface (the CLI, the pytest plugin, the badge, the editor server): the config's
per-file-ignores, then `migcheck: ignore[...]` comments in the files (unless switched off), then the
baseline. Each suppressed finding keeps its `Reason`, so a report says why from the record (SARIF's
`inSource` or `external`) and never works it out again.

One matcher, `specificity`, decides whether a token names a rule, wherever rules are named: select and
ignore, severity overrides, per-file-ignores and comments. A token that works in one place works in all."""

from __future__ import annotations

import functools
import heapq
import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import field, replace
from typing import TYPE_CHECKING

from migcheck.baseline import Baseline, load
from migcheck.discover import FirstMatch, display_path, relative_to
from migcheck.model import (
    Document,
    FileKind,
    Finding,
    Mark,
    ServiceConfiguration,
    Severity,
    Suppression,
    comment_at,
    record,
)
from migcheck.visible import visible

if TYPE_CHECKING:
    from migcheck.config import Config
    from migcheck.rule import RuleSet

# Reason kinds, in the order the filter tries them.
CONFIG, COMMENT, BASELINE = "config", "comment", "baseline"
# The rules about suppression comments themselves (see `Audit`).
INVALID_SUPPRESSION, UNUSED_SUPPRESSION = "MIG005", "MIG006"


# --- naming rules ------------------------------------------------------------------------------------


def specificity(token: str, code: str, name: str) -> int:
    """How precisely `token` names the rule `code`/`name`; 0 when it does not name it.

    A token is a rule name (`endpoint-acl`), a code or a code prefix (`MIG201`, `MIG2`, `MIG`), or `ALL`,
    in any case. A name beats any code, a longer prefix beats a shorter one (a full code is the longest)
    and `ALL` loses to everything, so that where tokens compete (select against ignore, two severity
    overrides) the most specific one wins. An empty token names nothing."""
    token = token.strip()
    if not token:
        return 0
    if token.lower() == name.lower():
        return 100
    if token.upper() == "ALL":
        return 1
    return len(token) + 1 if code.startswith(token.upper()) else 0


def matches(tokens: Iterable[str], code: str, name: str) -> bool:
    """True when any of `tokens` names the rule `code`/`name` (see `specificity`)."""
    return any(specificity(token, code, name) for token in tokens)


# --- why a finding is suppressed -----------------------------------------------------------------------


@record
class Reason:
    """Why a finding is not reported. `kind` is CONFIG (`detail`: the per-file-ignores glob that matched),
    COMMENT (`detail`: the comment's reason text, `mark`: where the comment is) or BASELINE (`detail`: the
    baseline file, as reports show paths)."""

    kind: str
    detail: str = ""
    mark: Mark | None = None


@record
class Suppressed:
    """A finding the filter held back, with its reason: counted in every report, never silently lost."""

    finding: Finding
    reason: Reason


@record
class Audit:
    """What the filter needs to check the suppression comments themselves (MIG005, MIG006): every loaded
    rule (a token that names none of them is unknown), the rules that run (a comment about a rule that
    does not run is not judged unused) and the severity overrides."""

    rules: RuleSet
    enabled: frozenset[str]
    severity: Mapping[str, Severity] = field(default_factory=dict)
    # Whether the local emulator's configurations are checked like deployed ones (`local-configurations`):
    # when not, a comment in one silences nothing, and the message says why.
    local_configurations: bool = False
    # The paths of those a deployment names all the same (`estate.deployed_local`): checked as deployed.
    deployed_local: frozenset[str] = frozenset()


@record
class Filter:
    per_file_ignores: Mapping[str, tuple[str, ...]]
    documents: Mapping[str, Document]
    inline: bool = True  # honour suppression comments
    baseline: Baseline | None = None
    audit: Audit | None = None  # check the comments too (MIG005, MIG006)
    # Worked out once per run (the working directory, which globs are matched from, does not change in
    # one): the per-file-ignores entries naming each rule, matched together; the answer by file and rule;
    # and each file's comments by rule.
    _entries: dict[tuple[str, str], FirstMatch] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _config_reasons: dict[tuple[str, str, str], Reason | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _comments: dict[str, _Comments] = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def for_config(
        cls,
        config: Config,
        documents: Mapping[str, Document],
        *,
        inline: bool = True,
        audit: Audit | None = None,
    ) -> Filter:
        """The filter `config` describes, its baseline read now. Raises `BaselineError` (naming the file)
        when the baseline cannot be used: every caller turns that into its own usage error."""
        baseline = None
        if config.baseline:
            # Named as the config names it (relative to its folder), wherever migcheck runs from.
            name = relative_to(config.baseline, config.root) if config.root else None
            baseline = load(config.baseline, name or display_path(config.baseline), config.root)
        return cls(config.per_file_ignores, documents, inline, baseline, audit)

    def reason(self, finding: Finding) -> Reason | None:
        """Why the config or a comment suppresses `finding`, or None. The baseline is not asked here: it
        counts findings, so it can only answer for a whole run (see `split`)."""
        return self._config_reason(finding) or self._comment_reason(finding, None)

    def _config_reason(self, finding: Finding) -> Reason | None:
        """The first per-file-ignores entry that names the finding's rule and whose glob matches its file.
        Findings of one rule in one file share the answer, so it is worked out once for them, and the
        globs naming a rule are matched together: the cost is neither entries times findings nor entries
        times files."""
        if not self.per_file_ignores:
            return None
        path, code, name = key = finding.mark.path, finding.code, finding.name
        if key not in self._config_reasons:
            matched = self._entries_naming(code, name).first(path)
            self._config_reasons[key] = None if matched is None else Reason(CONFIG, matched)
        return self._config_reasons[key]

    def _entries_naming(self, code: str, name: str) -> FirstMatch:
        """The globs of the per-file-ignores entries whose tokens name the rule, in the config's order."""
        entries = self._entries.get((code, name))
        if entries is None:
            naming = [glob for glob, tokens in self.per_file_ignores.items() if matches(tokens, code, name)]
            entries = self._entries[code, name] = FirstMatch({glob: (glob,) for glob in naming})
        return entries

    def _comment_reason(self, finding: Finding, credit: _Credit | None, about: int = -1) -> Reason | None:
        """The reason of the first comment that covers `finding`, or None. With `credit`, the finding is
        recorded there, which credits every comment that covers it (see `_Credit`) but the one it is
        `about` (its index), if it is about a comment."""
        comments = self._comments_of(finding.mark.path)
        if credit is not None and (
            comments is not None or _folder(finding.mark.path) in credit.beside_comments
        ):
            credit.note(
                finding
            )  # a comment in this file, or in a service file beside it, may be meant for it
        if comments is None:
            return None
        if credit is not None:
            credit.add(finding, about)
        index = comments.naming(finding.code, finding.name).first_covering(finding.mark.line)
        if index is None:
            return None
        comment = comments.suppressions[index]
        return Reason(COMMENT, comment.reason, comment.mark)

    def _comments_of(self, path: str) -> _Comments | None:
        """The comments of the file at `path`, indexed on first use; None when there are none to honour."""
        document = self.documents.get(path) if self.inline else None
        if document is None or not document.suppressions:
            return None
        comments = self._comments.get(path)
        if comments is None:
            comments = self._comments[path] = _Comments(document.suppressions)
        return comments

    def _commented_service_folders(self) -> frozenset[str]:
        """The folders of the service definitions and configurations with comments to honour: only there is
        a finding of another file (the .csdef beside a .cscfg) recorded for a comment's hint (see
        `_ServiceFiles`), so that a large estate with few comments records few findings."""
        if not self.inline:
            return frozenset()
        return frozenset(
            _folder(path)
            for path, document in self.documents.items()
            if document.suppressions and document.kind in _SERVICE_KINDS
        )

    def split(self, findings: Iterable[Finding]) -> tuple[list[Finding], list[Suppressed]]:
        """(reported, suppressed), both in document order.

        What the config and comments suppress never uses up a baseline entry; the rest meets the
        baseline in document order, which decides which of several same-key findings are the known ones.
        With an `audit`, the comments themselves are checked once every finding has met them: a comment
        naming an unknown rule, a malformed one, and one that silenced nothing are findings too, filtered
        the same way (a comment may hold back a finding about itself: `ignore[MIG201, MIG006]`)."""
        credit = _Credit(self._comments_of, self._commented_service_folders())
        reported: list[Finding] = []
        suppressed: list[Suppressed] = []
        for finding in sorted(findings, key=_document_order):
            self._place(finding, self._reason(finding, credit), reported, suppressed)
        if self.audit is not None and self.inline:
            late = _Credit(self._comments_of)  # comments that hold back findings about other comments
            about = _check_comments(self.documents.values(), self.audit, credit)
            placed = [
                (
                    f,
                    r,
                    _by_another(self._reason(f, late, r.index), f, r, self.documents)
                    or _itself(f, r, self.documents),
                )
                for f, r in about
            ]
            sorted_up_to = len(reported)
            for finding, resource, reason in placed:
                if not late.covers_all(finding, resource):
                    self._place(finding, reason, reported, suppressed)
            if len(reported) > sorted_up_to:  # the comments' own findings, among the rest in document order
                reported.sort(key=_document_order)
        if self.baseline is not None:
            reported, known = self.baseline.split(reported)
            because = Reason(BASELINE, self.baseline.path)
            suppressed += (Suppressed(finding, because) for finding in known)
        suppressed.sort(key=lambda s: _document_order(s.finding))
        return reported, suppressed

    def _reason(self, finding: Finding, credit: _Credit, about: int = -1) -> Reason | None:
        """The config's reason, else the first covering comment's. Every comment that covers the finding
        is credited, not only the first: of two comments that cover one finding, neither is unused."""
        return self._config_reason(finding) or self._comment_reason(finding, credit, about)

    @staticmethod
    def _place(
        finding: Finding, reason: Reason | None, reported: list[Finding], suppressed: list[Suppressed]
    ) -> None:
        if reason is None:
            reported.append(finding)
        else:
            suppressed.append(Suppressed(finding, reason))


def _document_order(finding: Finding) -> tuple[str, int, int, str]:
    """Where a finding is before columns are known: marks hold the line and the rank on that line."""
    return (finding.mark.path, finding.mark.line, finding.mark.nth, finding.code)


# --- checking the comments themselves ----------------------------------------------------------------


class CommentResource:
    """A suppression comment, as the resource of a finding about it. Its name is the directive as written
    (`ignore[MIG201]`), which keys it in a baseline whatever line it moves to."""

    kind = "Suppression"
    __slots__ = ("index", "mark", "name", "unused")

    def __init__(self, name: str, mark: Mark, index: int = -1, unused: tuple[int, ...] = ()) -> None:
        self.name = name
        self.mark = mark
        self.index = index  # the comment's place in `Document.suppressions`; -1 when the reader dropped it
        self.unused = unused  # for MIG006: the indexes of the tokens that silenced nothing


class _Credit:
    """Which tokens of which comments silenced a finding: (path, comment index) → token indexes.

    A finding is recorded by its file, rule and line as it meets the comments; the comments are credited
    when first asked about, each comment that names a rule looking once for a recorded line in its span.
    So a comment is credited once however many findings it covers, and a finding costs the same however
    many comments cover it."""

    def __init__(
        self, comments_of: Callable[[str], _Comments | None], beside_comments: frozenset[str] = frozenset()
    ) -> None:
        self._comments_of = comments_of
        self.beside_comments = beside_comments  # see `Filter._commented_service_folders`
        # path → rule → (line, index of the comment the finding is about, else -1) of findings not credited
        self._lines: dict[str, dict[tuple[str, str], list[tuple[int, int]]]] = {}
        self.used: dict[tuple[str, int], set[int]] = {}
        # path → code → lines of its findings: where a comment that silenced nothing may have been meant for
        self.reported: dict[str, dict[str, list[int]]] = {}

    def add(self, finding: Finding, about: int = -1) -> None:
        """Record `finding`; `about`: the index of the comment it is about, if it is about one."""
        by_rule = self._lines.setdefault(finding.mark.path, {})
        by_rule.setdefault((finding.code, finding.name), []).append((finding.mark.line, about))

    def note(self, finding: Finding) -> None:
        """Record where `finding` is reported."""
        self.reported.setdefault(finding.mark.path, {}).setdefault(finding.code, []).append(finding.mark.line)

    def tokens(self, path: str, index: int) -> set[int]:
        if path in self._lines:
            self._credit(path)
        return self.used.get((path, index), set())

    def _credit(self, path: str) -> None:
        comments = self._comments_of(path)
        by_rule = self._lines.pop(path)
        if comments is None:
            return
        for (code, name), lines in by_rule.items():
            lines.sort()
            for index, tokens in comments.naming(code, name).covering_any(lines):
                self.used.setdefault((path, index), set()).update(tokens)

    def covers_all(self, finding: Finding, resource: CommentResource) -> bool:
        """Whether an unused-suppression finding is void after all: every token it calls idle held back a
        finding about another comment (an `ignore-file[ALL]` whose only work is that)."""
        if finding.code != UNUSED_SUPPRESSION or resource.index < 0 or not resource.unused:
            return False
        return set(resource.unused) <= self.tokens(finding.mark.path, resource.index)


class _Comments:
    """The suppression comments of one file, looked up by rule. Which comments name a rule is worked out
    once per rule the file's findings are of, each distinct list of codes asked once."""

    def __init__(self, suppressions: tuple[Suppression, ...]) -> None:
        self.suppressions = suppressions
        self._by_codes: dict[tuple[str, ...], list[int]] = {}
        for index, comment in enumerate(suppressions):
            self._by_codes.setdefault(comment.codes, []).append(index)
        self._by_rule: dict[tuple[str, str], _RuleComments] = {}

    def naming(self, code: str, name: str) -> _RuleComments:
        """The comments with a token that names the rule `code`/`name`."""
        found = self._by_rule.get((code, name))
        if found is None:
            named: list[tuple[int, frozenset[int]]] = []
            for codes, indexes in self._by_codes.items():
                tokens = frozenset(i for i, token in enumerate(codes) if specificity(token, code, name))
                if tokens:
                    named += ((index, tokens) for index in indexes)
            named.sort(key=lambda pair: pair[0])
            found = self._by_rule[code, name] = _RuleComments(self.suppressions, named)
        return found


class _RuleComments:
    """The comments of one file that name one rule, each with the indexes of its tokens that name it (in
    the file's order), and which of them comes first among those covering each line."""

    def __init__(
        self, suppressions: tuple[Suppression, ...], named: list[tuple[int, frozenset[int]]]
    ) -> None:
        self.suppressions = suppressions
        self.named = named
        self._file_wide = next((index for index, _ in named if not suppressions[index].first_line), None)
        spans = [
            (comment.first_line, comment.last_line, index)
            for index, _ in named
            if (comment := suppressions[index]).first_line and comment.first_line <= comment.last_line
        ]
        self._bounds, self._firsts = _first_by_stretch(spans)

    def first_covering(self, line: int) -> int | None:
        """The index of the first comment that covers `line`, or None."""
        at = bisect_right(self._bounds, line) - 1
        spanning = self._firsts[at] if at >= 0 else None
        if spanning is None or (self._file_wide is not None and self._file_wide < spanning):
            return self._file_wide
        return spanning

    def covering_any(self, lines: list[tuple[int, int]]) -> Iterator[tuple[int, frozenset[int]]]:
        """Each comment that covers at least one of `lines` (sorted (line, comment a finding is about)),
        with its tokens that name the rule. A finding about a comment does not count for that comment: an
        `ignore-file[ALL]` holding back only the warning that it silences nothing has done nothing."""
        for index, tokens in self.named:
            comment = self.suppressions[index]
            first, last = (comment.first_line, comment.last_line) if comment.first_line else (0, sys.maxsize)
            at = bisect_left(lines, (first, -1))
            # A comment's own findings are on its own line, a few at most: passed one by one.
            while at < len(lines) and lines[at][0] <= last and lines[at][1] == index:
                at += 1
            if at < len(lines) and lines[at][0] <= last:
                yield index, tokens


def _first_by_stretch(spans: list[tuple[int, int, int]]) -> tuple[list[int], list[int | None]]:
    """For spans (first line, last line, comment index): the lines where the set of spans covering a line
    changes, in order, and from each of them on, the smallest index among the spans covering it (None
    when none does). One sweep over the spans, with the spans open at each point kept in a heap."""
    spans = sorted(spans)
    bounds = sorted({first for first, _, _ in spans} | {last + 1 for _, last, _ in spans})
    open_spans: list[tuple[int, int]] = []  # (comment index, last line); closed ones leave when on top
    firsts: list[int | None] = []
    opened = 0
    for bound in bounds:
        while opened < len(spans) and spans[opened][0] <= bound:
            heapq.heappush(open_spans, (spans[opened][2], spans[opened][1]))
            opened += 1
        while open_spans and open_spans[0][1] < bound:
            heapq.heappop(open_spans)
        firsts.append(open_spans[0][0] if open_spans else None)
    return bounds, firsts


def _itself(finding: Finding, resource: CommentResource, documents: Mapping[str, Document]) -> Reason | None:
    """A finding about a comment is held back by that comment when it names the finding's rule itself,
    by its code or name (`ignore[MIG201, MIG006]`). Not by `ALL` or a prefix: an `ignore[ALL]` that
    silenced nothing would otherwise silence the very warning that says so."""
    document = documents.get(finding.mark.path)
    if resource.index < 0 or document is None:
        return None
    comment = document.suppressions[resource.index]
    if _names_itself(comment, finding):
        return Reason(COMMENT, comment.reason, comment.mark)
    return None


def _names_itself(comment: Suppression, finding: Finding) -> bool:
    """Whether `comment` names the rule of `finding` by its full code or its name."""
    return any(
        token.strip().upper() == finding.code or token.strip().lower() == finding.name
        for token in comment.codes
    )


def _by_another(
    reason: Reason | None, finding: Finding, resource: CommentResource, documents: Mapping[str, Document]
) -> Reason | None:
    """`reason`, unless it is the comment `finding` is about holding it back without naming its rule
    (an `ignore-file[ALL]` covers its own line): see `_itself`."""
    mark = reason.mark if reason is not None else None
    # The finding's mark has the comment's exact column, the reason's the reader's: compared by line.
    if reason is None or reason.kind != COMMENT or mark is None or mark.line != resource.mark.line:
        return reason
    return _itself(finding, resource, documents)


def _check_comments(
    documents: Iterable[Document], audit: Audit, credit: _Credit
) -> list[tuple[Finding, CommentResource]]:
    """The findings about the comments of `documents`, in document order, with the comment each is about."""
    if not any(code in audit.enabled for code in (INVALID_SUPPRESSION, UNUSED_SUPPRESSION)):
        return []
    documents = list(documents)
    beside = _ServiceFiles(documents, credit.reported)
    found = [
        pair
        for document in documents
        if document.directive_comments
        for pair in _check_document(document, audit, credit, beside)
    ]
    return sorted(found, key=lambda pair: _document_order(pair[0]))


_SERVICE_KINDS = frozenset({FileKind.SERVICE_DEFINITION, FileKind.SERVICE_CONFIGURATION})


class _ServiceFiles:
    """Where the service definitions and configurations of each folder report each rule: a cloud service's
    .csdef and .cscfg lie side by side, and a finding about its roles is reported in one of them, which a
    comment in the other does not silence. Two files at most are kept per folder and rule (one of them may
    be the comment's own), so that a folder of many such files is indexed in one pass."""

    def __init__(
        self, documents: Iterable[Document], reported: Mapping[str, Mapping[str, list[int]]]
    ) -> None:
        self._first: dict[tuple[str, str], list[tuple[str, int]]] = {}
        for document in documents:
            if document.kind not in _SERVICE_KINDS:
                continue
            for code, lines in reported.get(document.path, {}).items():
                kept = self._first.setdefault((_folder(document.path), code), [])
                if len(kept) < 2:
                    kept.append((document.path, min(lines)))

    def elsewhere(self, document: Document, code: str) -> tuple[str, int] | None:
        """The other file beside `document` that reports `code`, and its first line of it; None when
        `document` is no service definition or configuration, or none does."""
        if document.kind not in _SERVICE_KINDS:
            return None
        kept = self._first.get((_folder(document.path), code), ())
        return next(((path, line) for path, line in kept if path != document.path), None)


def _folder(path: str) -> str:
    return path.replace("\\", "/").rpartition("/")[0]


def _check_document(
    document: Document, audit: Audit, credit: _Credit, beside: _ServiceFiles
) -> Iterator[tuple[Finding, CommentResource]]:
    invalid = audit.rules.get(INVALID_SUPPRESSION)
    unused = audit.rules.get(UNUSED_SUPPRESSION)
    invalid = invalid if invalid is not None and invalid.code in audit.enabled else None
    unused = unused if unused is not None and unused.code in audit.enabled else None
    from migcheck.readers.suppressions import directive

    parsed = [(c, directive(c.text)) for c in document.directive_comments]
    # The exact position of each directive's comment opener, by line: a reader's mark may have no column.
    exact = {c.mark.line: c.mark for c, found in reversed(parsed) if found is not None}
    for index, comment in enumerate(document.suppressions):
        at = comment_at(exact.get(comment.mark.line, comment.mark))  # a finding about it shows it whole
        written = _written(comment)
        unknown = [t for t in comment.codes if not _names_a_rule(t, audit.rules)]
        if invalid is not None and unknown:
            message = f"`{written}` names {_quoted(unknown)}, which is no rule: it silences nothing" + _guess(
                unknown[0], audit.rules
            )
            yield _finding(invalid, audit, CommentResource(written, at, index), message)
        idle = _idle_tokens(document.path, index, comment, audit, credit) if unused is not None else ()
        if unused is not None and idle:
            resource = CommentResource(written, at, index, idle)
            nearest = _nearest_report(comment, idle, audit, credit.reported.get(document.path, {}))
            message = _unused_message(comment, idle, audit, document) + (
                _nearest(nearest)
                or _beside(document, comment, idle, audit, beside)
                or _local_note(document, audit)
            )
            yield _finding(unused, audit, resource, message, _move_fix(nearest))
    for attempt in (c for c, found in parsed if found is None and invalid is not None):
        text = _cut(attempt.text.lstrip()[:_REACH])
        message = f"malformed suppression comment `{text}`: write `migcheck: ignore[CODE, ...] reason`"
        yield _finding(invalid, audit, CommentResource(text, comment_at(attempt.mark)), message)


def _idle_tokens(
    path: str, index: int, comment: Suppression, audit: Audit, credit: _Credit
) -> tuple[int, ...]:
    """The tokens of `comment` that silenced nothing, other than unknown ones (MIG005 says those) and the
    unused-suppression rule itself, which a comment names to say that it may be unused. A token about a
    rule that does not run silences nothing in this run either, as ruff's RUF100 has it; the message
    says so."""
    used = credit.tokens(path, index)
    unused_rule = audit.rules.get(UNUSED_SUPPRESSION)
    exempt = (unused_rule.code.lower(), unused_rule.name) if unused_rule is not None else ()
    return tuple(
        i
        for i, token in enumerate(comment.codes)
        if i not in used and _names_a_rule(token, audit.rules) and token.strip().lower() not in exempt
    )


def _unused_message(comment: Suppression, idle: tuple[int, ...], audit: Audit, document: Document) -> str:
    written = _written(comment)
    tokens = [comment.codes[i] for i in idle]
    if comment.applies_to_nothing:
        if document.kind in _xml_kinds():
            return f"`{written}` applies to nothing: no element follows it"
        return f"`{written}` applies to nothing: no statement follows it in its block"
    if len(idle) == len(comment.codes):
        message = f"`{written}` silences nothing: no finding it names is in its scope"
    else:
        verb = "silences" if len(tokens) == 1 else "silence"
        message = f"{_quoted(tokens)} in `{written}` {verb} nothing: no such finding is in its scope"
    off = [
        t
        for t in tokens
        if not any(r.code in audit.enabled for r in audit.rules if specificity(t, r.code, r.name))
    ]
    if off:
        message += f" ({_quoted(off)} {'is' if len(off) == 1 else 'are'} not enabled in this run)"
    return message


def _nearest_report(
    comment: Suppression, idle: tuple[int, ...], audit: Audit, reported: dict[str, list[int]]
) -> tuple[str, int] | None:
    """The one rule an idle token names and the line of the file that reports it nearest the comment: a
    comment put before the line that creates a resource rather than the one the finding is at, say. None
    when the file reports none of them."""
    for token in (comment.codes[i] for i in idle):
        codes = [r.code for r in audit.rules if specificity(token, r.code, r.name)]
        lines = reported.get(codes[0], []) if len(codes) == 1 else []
        if lines:
            return codes[0], min(lines, key=lambda at: (abs(at - comment.mark.line), at))
    return None


def _nearest(nearest: tuple[str, int] | None) -> str:
    """What the message says of `_nearest_report`'s finding; "" when there is none."""
    if nearest is None:
        return ""
    code, line = nearest
    return f"; {code} is reported at line {line} of this file: a comment covers only the element or statement that follows it"


def _move_fix(nearest: tuple[str, int] | None) -> str:
    """Where to put the comment instead, when the file reports what it names elsewhere; "" (the rule's own
    fix) otherwise."""
    if nearest is None:
        return ""
    code, line = nearest
    return (
        f"Move the comment to just before the element or statement at line {line}, or write "
        f"`migcheck: ignore-file[{code}] reason` to silence {code} in the whole file; or delete it."
    )


def _beside(
    document: Document, comment: Suppression, idle: tuple[int, ...], audit: Audit, beside: _ServiceFiles
) -> str:
    """Where the cloud service's other file beside this one reports the one rule an idle token names: a
    comment in the .cscfg about a finding on the .csdef, say. "" when there is none."""
    for token in (comment.codes[i] for i in idle):
        codes = [r.code for r in audit.rules if specificity(token, r.code, r.name)]
        found = beside.elsewhere(document, codes[0]) if len(codes) == 1 else None
        if found is not None:
            path, line = found
            name = path.replace("\\", "/").rpartition("/")[2]
            return f"; {codes[0]} is reported in {name}, line {line}: a comment silences findings of its own file only, so put it there"
    return ""


def _local_note(document: Document, audit: Audit) -> str:
    """Why a comment in the local emulator's service configuration silences nothing: no deployment finding
    is reported on that file unless `local-configurations` asks for it. "" for any other file, and for one
    a deployment names (a publish profile's `<AzureServiceConfiguration>Local`), which is checked."""
    local = any(isinstance(r, ServiceConfiguration) and r.is_local for r in document.resources)
    if audit.local_configurations or not local or document.path in audit.deployed_local:
        return ""
    return (
        "; this file configures the local emulator, which is never deployed, so migcheck reports no "
        "deployment findings on it (set local-configurations = true in [tool.migcheck] to check it too)"
    )


def _finding(
    rule: object, audit: Audit, resource: CommentResource, message: str, fix: str = ""
) -> tuple[Finding, CommentResource]:
    finding: Finding = rule.finding(resource, message, fix=fix, at=resource.mark)  # type: ignore[attr-defined]
    severity = audit.severity.get(finding.code)
    if severity is not None and severity != finding.severity:
        finding = replace(finding, severity=severity)
    return finding, resource


def _names_a_rule(token: str, rules: RuleSet) -> bool:
    return any(specificity(token, r.code, r.name) for r in rules)


def _guess(token: str, rules: RuleSet) -> str:
    import difflib  # only for a mistake: not at start-up

    probe = token.strip()[:50]
    if probe[:3].upper() == "MIG":
        # A code: one slip from one code only (MIG2O1), as --select and --ignore guess it. difflib's best
        # match breaks ties by the larger code: MIG2O1 is as near MIG210 as MIG201 by its ratio.
        from migcheck.config import closest_rule

        return closest_rule(probe, rules)
    close = difflib.get_close_matches(probe, [r.code for r in rules] + [r.name for r in rules], n=1)
    return f" (did you mean {close[0]}?)" if close else ""


def _written(comment: Suppression) -> str:
    kind = "ignore" if comment.first_line else "ignore-file"
    return _cut(f"{kind}[{', '.join(comment.codes)}]")


def _quoted(tokens: list[str]) -> str:
    shown = ", ".join(f"`{_cut(t, 40)}`" for t in tokens[:5])
    return shown + (f" and {len(tokens) - 5} more" if len(tokens) > 5 else "")


_REACH = 1000  # how much of a malformed comment its message is made from: a directive is one short comment


def _cut(text: str, limit: int = 80) -> str:
    """Comment text as a message quotes it: one line, escaped, at most `limit` characters."""
    text = " ".join(text.split())
    return visible(text if len(text) <= limit else text[: limit - 3] + "...")


# A directive's comment opener in XML: a directive starts its comment. This finds a token and parses
# nothing; whether a comment is a valid directive is `directive`'s call, the one parser every reader uses.
_XML_OPENER = re.compile(r"<!--[\s-]*(?=migcheck)", re.IGNORECASE)  # `<!---` styled comments too


# How many `!` `xml_directive_opener` looks at one by one before it leaves the rest to the regular expression.
_BANGS_LOOKED_AT = 64


def xml_directive_opener(text: str) -> bool:
    """Whether `_XML_OPENER` matches in `text`: whether the XML `text` may hold a directive, which only a
    comment that starts with migcheck can. Its `<!--` is looked for by its `!`, which one-character
    `str.find` finds with memchr: `!` is rare in XML outside comments, CDATA and a DOCTYPE, and most files
    hold none, or one comment. A search for the whole opener tries it at every character (CPython's
    multi-character search is about a nanosecond a character on XML, whose letters defeat its skip
    table): two such scans of every file were 3% of a check's instructions. Past a few `!`, the regular
    expression searches the rest, so that a text of many `!` costs what the search did."""
    at = text.find("!")
    for _ in range(_BANGS_LOOKED_AT):
        if at < 0:
            return False
        if at and _XML_OPENER.match(text, at - 1) is not None:
            return True
        at = text.find("!", at + 1)
    return at >= 0 and _XML_OPENER.search(text, at - 1) is not None


@functools.cache
def _xml_kinds() -> frozenset[FileKind]:
    """The kinds of file read through the XML front end, found at the first file asked about (the formats
    import the readers, which import this module)."""
    from migcheck.formats import FORMATS

    return frozenset(f.kind for f in FORMATS if f.xml)
