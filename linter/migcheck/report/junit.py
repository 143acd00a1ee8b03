"""`--format junit`: a JUnit XML report for CI systems that render test results (Jenkins, GitLab, Azure
Pipelines, ...).

The test cases are those `pytest --migcheck` collects: one per file and rule that can fail there (it
inspects what the file holds, `Rule.has_case`), and one for each rule that reported on a file, named as pytest's own JUnit writer
(`pytest --migcheck --junitxml`) names the item `path/to/file.cscfg::MIG201`: classname the path with
`/` as `.` (and a `.py` ending dropped), each part without its leading dots (`.gitlab-ci.yml` is
`gitlab-ci.yml`; the plugin gives pytest's writer the same), name the rule's code. So both reports show the same cases, and a
CI system that tracks tests by name sees one history whichever wrote the report. A case fails, as the
pytest item does, when it has findings at or above the fail-on severity (`fail-on`, `--fail-on`), with
those findings as the text format prints them; one whose findings are all below it passes, with them as
its `system-out`; one whose findings are all suppressed or known from the baseline is skipped, saying
so. The lines the text report says before its summary are the suite's own `system-out`."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import TYPE_CHECKING

from migcheck.model import Finding, Severity
from migcheck.report.stream import Stream, rendered
from migcheck.report.text import fix_mark, format_finding
from migcheck.texts import lines_of
from migcheck.visible import visible

if TYPE_CHECKING:
    from migcheck.engine import LintResult

Case = tuple[str, str]  # path, rule code
# XML 1.0 cannot hold these even as character references; a snippet of a binary file can contain them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# What pytest's `bin_xml_escape` escapes: the above and DEL. Written as the characters it holds, not as the
# complement of what it allows, whose class over the whole code space costs 20 ms to compile at import.
_NOT_PYTEST_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def render(result: LintResult, fail_on: Severity | None = None) -> str:
    return rendered(lambda stream: write(result, stream, fail_on))


def write(result: LintResult, stream: Stream, fail_on: Severity | None = None) -> None:
    """The report, one test case at a time: each is built as an element, written, and let go. A case
    fails with findings at or above `fail_on` (default: error)."""
    fail_on = Severity.ERROR if fail_on is None else fail_on
    reported, quiet = _by_case(result.findings), _by_case([s.finding for s in result.suppressed])
    cases = sorted(_cases(result) | reported.keys() | quiet.keys())
    known = set(result.known)
    failing = {case for case, findings in reported.items() if any(f.severity >= fail_on for f in findings)}
    failures, skipped = len(failing), len(quiet.keys() - reported.keys())
    counts = f'tests="{len(cases)}" failures="{failures}" errors="0" skipped="{skipped}"'
    stream.write("<?xml version='1.0' encoding='utf-8'?>\n")
    stream.write(f'<testsuites name="migcheck" {counts}>\n')
    suite = f'<testsuite name="migcheck" time="0" {counts}'
    said = _said(result)
    if not cases and not said:
        stream.write(f"  {suite} />\n</testsuites>\n")
        return
    stream.write(f"  {suite}>\n")
    for path, code in cases:
        classname, name = test_names(path, code)
        case = ET.Element("testcase", classname=classname, name=name, file=path)
        case.set("time", "0")
        if (path, code) in failing:
            _fail(case, [f for f in reported[path, code] if f.severity >= fail_on], result)
        elif (path, code) in reported:
            _pass(case, reported[path, code], result)
        elif (path, code) in quiet:
            _skip(case, quiet[path, code], known)
        ET.indent(case, level=2)
        stream.write(f"    {ET.tostring(case, encoding='unicode')}\n")
    if said:  # the suite's own output, after its cases, as JUnit's schema places it
        stream.write(f"    {said}\n")
    stream.write("  </testsuite>\n</testsuites>\n")


def _said(result: LintResult) -> str:
    """The lines the text report says before its summary (whose retirement dates, what --fix fixes, parts
    not read, a baseline's entries no longer found), as the suite's `system-out`; "" when there is none."""
    from migcheck.report.text import notes

    lines = notes(result)
    if not lines:
        return ""
    output = ET.Element("system-out")
    output.text = _clean(lines.rstrip("\n"))  # names in them are shown `visible` already
    return ET.tostring(output, encoding="unicode")


def _cases(result: LintResult) -> set[Case]:
    """The (file, rule) pairs that get a case whether or not the rule found anything there."""
    rules = [rule for rule in result.rules if rule.code in result.enabled]
    held = {doc.path: result.held(doc) for doc in result.documents}
    return {
        (doc.path, rule.code) for doc in result.documents for rule in rules if rule.has_case(held[doc.path])
    }


def _by_case(findings: list[Finding]) -> dict[Case, list[Finding]]:
    cases: dict[Case, list[Finding]] = defaultdict(list)
    for finding in findings:
        cases[finding.mark.path, finding.code].append(finding)
    return cases


def test_names(path: str, code: str) -> tuple[str, str]:
    """(classname, name) of the item `path::code` as pytest's JUnit writer gives them
    (`_pytest.junitxml.mangle_test_address`): the node id split at its first `::` and the later ones, a
    `[...]` after that first `::` kept with the last name, the path's `/` made `.` and a `.py` ending
    dropped; except that no part of the classname starts with a dot (`.gitlab-ci.yml`, `../ops`), which
    Jenkins and others take for a package of no name. The plugin gives pytest's writer this classname
    (`pytest_migcheck`); the case's `file` still shows the path as it is."""
    head, _, tail = f"{path}::{code}".partition("::")
    names, bracket, params = tail.partition("[")
    parts = [_classname_of_path(re.sub(r"\.py$", "", head)), *names.split("::")]
    parts[-1] += bracket + params
    return ".".join(part for part in parts[:-1] if part), _pytest_escaped(parts[-1])


def _classname_of_path(path: str) -> str:
    """A file's path as a dotted classname: each folder and the file's name without its leading dots,
    those that are nothing but dots (`.`, `..`) left out."""
    return ".".join(part.lstrip(".") for part in path.split("/") if part.lstrip("."))


def _pytest_escaped(name: str) -> str:
    """A name as pytest's `bin_xml_escape` writes it: characters XML cannot hold (and DEL) as `#xNN`."""
    return _NOT_PYTEST_XML.sub(lambda m: f"#x{ord(m.group()):02X}", name)


def _fail(case: ET.Element, findings: list[Finding], result: LintResult) -> None:
    first = findings[0]
    more = f" (and {len(findings) - 1} more)" if len(findings) > 1 else ""
    # The text format's mark of what --fix fixes (`[*]`, `[*?]`) leads the message, as it does there.
    mark = f"{fix_mark(first)} " if fix_mark(first) else ""
    failure = ET.SubElement(case, "failure", message=_clean(mark + visible(first.message) + more))
    failure.set("type", str(max(f.severity for f in findings)))
    sources = result.sources
    failure.text = _clean("\n".join(format_finding(f, lines_of(sources, f.mark.path)) for f in findings))


def _pass(case: ET.Element, findings: list[Finding], result: LintResult) -> None:
    """A case whose findings are all below the fail-on severity: it passes, and shows them."""
    sources = result.sources
    output = ET.SubElement(case, "system-out")
    output.text = _clean("\n".join(format_finding(f, lines_of(sources, f.mark.path)) for f in findings))


def _skip(case: ET.Element, findings: list[Finding], known: set[Finding]) -> None:
    from_baseline = sum(1 for f in findings if f in known)
    notes = [f"{from_baseline} known from baseline"] if from_baseline else []
    if len(findings) > from_baseline:
        notes.append(f"{len(findings) - from_baseline} suppressed")
    ET.SubElement(case, "skipped", message=", ".join(notes))


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
