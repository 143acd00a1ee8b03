"""The filter stage: one matcher for every place a rule is named, and a recorded reason for every finding it
holds back (config, then comment, then baseline)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from migcheck.baseline import Baseline, key
from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import Document, FileKind, Finding, Mark, Severity, Suppression
from migcheck.plugins import load_rules
from migcheck.suppress import Filter, Reason, Suppressed, matches, specificity

RULES = load_rules(entry_points=False)
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CSCFG = "estate/webshop/ServiceConfiguration.Cloud.cscfg"

# Each token, and which rules it names, said without the matcher under test.
TOKENS: dict[str, Callable[[str, str], bool]] = {
    "MIG201": lambda code, name: code == "MIG201",
    "mig2": lambda code, name: code.startswith("MIG2"),
    "endpoint-acl": lambda code, name: name == "endpoint-acl",
    "ALL": lambda code, name: True,
    "MIG3": lambda code, name: code.startswith("MIG3"),
}


@pytest.fixture
def estate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """examples/contoso as `estate/`, the working directory its parent: findings of every family."""
    shutil.copytree(EXAMPLES / "contoso", tmp_path / "estate")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "estate"


def _codes(findings: list[Finding]) -> set[str]:
    return {f.code for f in findings}


def _comment_every_file(estate: Path, directive: str) -> None:
    """Put `<!-- migcheck: DIRECTIVE -->` before the root element of every file (after any declaration)."""
    comment = f"<!-- migcheck: {directive} -->\n"
    for path in estate.rglob("*.*"):
        text = path.read_text(encoding="utf-8")
        if text.startswith("<?xml"):
            declaration, _, rest = text.partition("\n")
            path.write_text(f"{declaration}\n{comment}{rest}", encoding="utf-8")
        else:
            path.write_text(comment + text, encoding="utf-8")


@pytest.mark.parametrize("token", TOKENS)
def test_a_token_names_the_same_rules_everywhere(estate: Path, token: str) -> None:
    everything = lint(["estate"], Config(), RULES).findings
    found = {(f.code, f.name) for f in everything}
    expected = {code for code, name in found if TOKENS[token](code, name)}
    assert expected, "the estate must have findings the token names"
    already_info = {f.code for f in everything if f.severity is Severity.INFO}

    selected = _codes(lint(["estate"], Config(select=(token,)), RULES).findings)
    ignored = _codes(everything) - _codes(lint(["estate"], Config(ignore=(token,)), RULES).findings)
    overridden = lint(["estate"], Config(severity={token: Severity.INFO}), RULES).findings
    made_info = {f.code for f in overridden if f.severity is Severity.INFO} - already_info
    by_config = lint(["estate"], Config(per_file_ignores={"estate/": (token,)}), RULES)
    _comment_every_file(estate, f"ignore-file[{token}] the same token in a comment")
    by_comment = lint(["estate"], Config(), RULES)

    assert selected == expected
    assert ignored == expected
    assert made_info == expected - already_info
    assert _codes([s.finding for s in by_config.suppressed]) == expected
    assert not _codes(by_config.findings) & expected
    assert _codes([s.finding for s in by_comment.suppressed]) == expected
    assert not _codes(by_comment.findings) & expected


def test_ignore_all_in_a_comment_suppresses(estate: Path) -> None:
    cscfg = Path(CSCFG)
    before = [f for f in lint(["estate"], Config(), RULES).findings if f.mark.path == CSCFG]
    assert before
    text = cscfg.read_text(encoding="utf-8")
    cscfg.write_text(
        text.replace("<ServiceConfiguration ", "<!-- migcheck: ignore[ALL] -->\n<ServiceConfiguration ", 1)
    )
    result = lint(["estate"], Config(), RULES)
    assert not [f for f in result.findings if f.mark.path == CSCFG]
    held = [s for s in result.suppressed if s.finding.mark.path == CSCFG]
    assert len(held) == len(before)
    assert {s.reason.kind for s in held} == {"comment"}


def test_the_matcher() -> None:
    assert specificity("endpoint-acl", "MIG201", "endpoint-acl") > specificity(
        "MIG201", "MIG201", "endpoint-acl"
    )
    assert (
        specificity("MIG201", "MIG201", "x")
        > specificity("MIG2", "MIG201", "x")
        > specificity("MIG", "MIG201", "x")
    )
    assert specificity("MIG", "MIG201", "x") > specificity("all", "MIG201", "x") > 0
    assert matches([" Endpoint-ACL "], "MIG201", "endpoint-acl")
    assert not matches(["", "  "], "MIG201", "endpoint-acl")  # an empty token names nothing
    assert not matches(["MIG3", "multiple-subnets"], "MIG201", "endpoint-acl")


# --- reasons ------------------------------------------------------------------------------------------

PATH = "shop/ServiceConfiguration.Cloud.cscfg"
COMMENT_MARK = Mark(PATH, 9, "!--")


def _finding(
    line: int, code: str = "MIG201", name: str = "endpoint-acl", resource: str = "Web/HttpsIn"
) -> Finding:
    mark = Mark(PATH, line, "EndpointAcl")
    return Finding(code, name, Severity.ERROR, "m", "", mark, "EndpointAcl", resource)


def _document(*suppressions: Suppression) -> dict[str, Document]:
    return {PATH: Document(PATH, FileKind.SERVICE_CONFIGURATION, "ServiceConfiguration", (), suppressions)}


def test_each_suppressed_finding_says_why() -> None:
    comment = Suppression(("endpoint-acl",), "removed by the runbook", 10, 12, COMMENT_MARK)
    by_config = _finding(5, "MIG202", "multiple-subnets")
    by_comment, by_baseline, reported = _finding(10), _finding(20, resource="Web/HttpIn"), _finding(30)
    baseline = Baseline({key(by_baseline): 1}, "ci/baseline.json")
    ignores = {"legacy/": ("MIG1",), "shop/": ("multiple-subnets",)}
    found = [reported, by_baseline, by_comment, by_config]
    shown, held = Filter(ignores, _document(comment), True, baseline).split(found)
    assert shown == [reported]
    assert held == [
        Suppressed(by_config, Reason("config", "shop/")),
        Suppressed(by_comment, Reason("comment", "removed by the runbook", COMMENT_MARK)),
        Suppressed(by_baseline, Reason("baseline", "ci/baseline.json")),
    ]


def test_config_then_comment_then_baseline() -> None:
    finding = _finding(10)
    comment = Suppression(("MIG2",), "why", 0, 0, COMMENT_MARK)  # file-wide
    baseline = Baseline({key(finding): 1}, "b.json")
    assert Filter({"*.cscfg": ("ALL",)}, _document(comment), True, baseline).split([finding])[1] == [
        Suppressed(finding, Reason("config", "*.cscfg"))
    ]
    assert Filter({}, _document(comment), True, baseline).split([finding])[1][0].reason.kind == "comment"
    # Comments switched off (--no-inline-suppressions): the baseline answers, never the comment.
    assert Filter({}, _document(comment), False, baseline).split([finding])[1][0].reason.kind == "baseline"
    assert Filter({}, _document(comment), False).split([finding]) == ([finding], [])


def test_what_a_comment_suppresses_does_not_use_up_the_baseline() -> None:
    # Two findings with one key and one baseline entry; a comment silences the first, so the second is
    # the known one, and nothing is reported.
    first, second = _finding(10), _finding(20)
    comment = Suppression(("MIG201",), "", 10, 10, COMMENT_MARK)
    baseline = Baseline({key(first): 1}, "b.json")
    shown, held = Filter({}, _document(comment), True, baseline).split([second, first])
    assert shown == []
    assert [(s.finding.mark.line, s.reason.kind) for s in held] == [(10, "comment"), (20, "baseline")]


def test_the_baseline_meets_findings_in_document_order() -> None:
    first, later = _finding(10), _finding(20)
    shown, held = Filter({}, {}, True, Baseline({key(first): 1}, "b.json")).split([later, first])
    assert shown == [later]
    assert [s.finding for s in held] == [first]
