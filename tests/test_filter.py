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
from migcheck.model import DirectiveComment, Document, FileKind, Finding, Mark, Severity, Suppression
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


XML_SUFFIXES = (".cscfg", ".csdef", ".netcfg", ".xml")


def _comment_every_file(estate: Path, directive: str) -> None:
    """Put `<!-- migcheck: DIRECTIVE -->` before the root element of every XML file (after any
    declaration); files of other formats (inventory JSON) have no such comments."""
    comment = f"<!-- migcheck: {directive} -->\n"
    for path in estate.rglob("*.*"):
        if path.suffix.lower() not in XML_SUFFIXES:
            continue
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
    in_xml = {
        f.code for f in everything if f.mark.path.endswith(XML_SUFFIXES) and TOKENS[token](f.code, f.name)
    }

    assert selected == expected
    assert ignored == expected
    assert made_info == expected - already_info
    assert _codes([s.finding for s in by_config.suppressed]) == expected
    assert not _codes(by_config.findings) & expected
    assert _codes([s.finding for s in by_comment.suppressed]) == in_xml
    assert not _codes([f for f in by_comment.findings if f.mark.path.endswith(XML_SUFFIXES)]) & expected


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


# --- the comments themselves are checked (MIG005 invalid-suppression, MIG006 unused-suppression) ----------

ACL_CSCFG = """\
<ServiceConfiguration serviceName="shop">
  <Role name="Web"><Instances count="2"/></Role>
  {comment}
  <NetworkConfiguration>
    <AccessControls>
      <AccessControl name="office"><Rule order="1" action="permit" remoteSubnet="10.0.0.0/8"/></AccessControl>
    </AccessControls>
    <EndpointAcls><EndpointAcl role="Web" endPoint="In" accessControl="office"/></EndpointAcls>
  </NetworkConfiguration>
  {tail}
</ServiceConfiguration>
"""


def _lint_comment(tmp_path: Path, monkeypatch, comment: str, tail: str = "", **config) -> list[Finding]:
    (tmp_path / "shop").mkdir(exist_ok=True)
    (tmp_path / "shop" / "s.cscfg").write_text(ACL_CSCFG.format(comment=comment, tail=tail))
    monkeypatch.chdir(tmp_path)
    inline = config.pop("inline", True)
    select = ("MIG0",) if config.pop("select_only", False) else ("MIG0", "MIG201")
    result = lint(["shop"], Config(select=select, **config), RULES, inline_suppressions=inline)
    return [f for f in result.findings if f.code in ("MIG005", "MIG006", "MIG201")]


def _shown(findings: list[Finding]) -> list[tuple[str, int, int]]:
    return [(f.code, f.location.line, f.location.column) for f in findings if f.location]


def test_a_comment_naming_an_unknown_rule(tmp_path, monkeypatch):
    found = _lint_comment(tmp_path, monkeypatch, "<!-- migcheck: ignore[MIG2O1] typo -->")
    assert _shown(found) == [("MIG005", 3, 3), ("MIG201", 8, 19)]
    assert found[0].message == (
        "`ignore[MIG2O1]` names `MIG2O1`, which is no rule: it silences nothing (did you mean MIG201?)"
    )


@pytest.mark.parametrize("opener", ["<!---", "<!--- "])  # a fourth dash would make "--", not XML
def test_a_comment_styled_with_more_dashes_is_a_directive(tmp_path, monkeypatch, opener):
    found = _lint_comment(tmp_path, monkeypatch, f"{opener}migcheck: ignore[MIG201] office only -->")
    assert found == []
    typo = _lint_comment(tmp_path, monkeypatch, f"{opener}migcheck: ignore[MIG2O1 office only -->")
    assert _shown(typo) == [("MIG005", 3, 3), ("MIG201", 8, 19)]


@pytest.mark.parametrize(
    "comment",
    [
        "<!-- migcheck: ignore MIG201 -->",
        "<!-- migcheck: ignore[] -->",
        "<!-- migcheck: ignore[MIG201 -->",
        "<!-- migcheck: ignroe[MIG201] -->",
        "<!-- migcheck ignore[MIG201] -->",
        "<!--\n  migcheck: Ignore[MIG201]\n  -->",
    ],
)
def test_a_malformed_comment(tmp_path, monkeypatch, comment):
    found = _lint_comment(tmp_path, monkeypatch, comment)
    assert [f.code for f in found] == ["MIG005", "MIG201"]  # and the finding it meant to silence is reported
    assert (found[0].location.line, found[0].location.column) == (3, 3)  # type: ignore[union-attr]
    assert found[0].message.startswith("malformed suppression comment `migcheck")


def test_a_comment_that_is_not_a_directive_is_left_alone(tmp_path, monkeypatch):
    found = _lint_comment(tmp_path, monkeypatch, "<!-- migcheck runs in CI; see README -->")
    assert [f.code for f in found] == ["MIG201"]


def test_a_comment_that_silences_nothing(tmp_path, monkeypatch):
    found = _lint_comment(tmp_path, monkeypatch, "<!-- migcheck: ignore[MIG202] not here -->")
    assert _shown(found) == [("MIG006", 3, 3), ("MIG201", 8, 19)]
    assert found[0].message.startswith("`ignore[MIG202]` silences nothing")
    assert found[0].message.endswith("(`MIG202` is not enabled in this run)")


def test_only_the_codes_that_silence_nothing_are_named(tmp_path, monkeypatch):
    found = _lint_comment(tmp_path, monkeypatch, "<!-- migcheck: ignore[MIG201, MIG202, MIG3] partly -->")
    assert [f.code for f in found] == ["MIG006"]
    assert found[0].message == (
        "`MIG202`, `MIG3` in `ignore[MIG201, MIG202, MIG3]` silence nothing: no such finding is in its "
        "scope (`MIG202`, `MIG3` are not enabled in this run)"
    )


def test_a_comment_no_element_follows(tmp_path, monkeypatch):
    found = _lint_comment(tmp_path, monkeypatch, "", tail="<!-- migcheck: ignore[MIG201] at the end -->")
    assert _shown(found) == [("MIG201", 8, 19), ("MIG006", 10, 3)]
    assert found[1].message == (
        "`ignore[MIG201]` applies to nothing: no element follows it; MIG201 is reported at line 8 of this "
        "file: a comment covers only the element or statement that follows it"
    )


def test_a_comment_may_name_the_unused_rule_to_keep_itself(tmp_path, monkeypatch):
    assert (
        _lint_comment(tmp_path, monkeypatch, "<!-- migcheck: ignore[MIG202, MIG006] kept -->")[0].code
        == "MIG201"
    )
    assert _lint_comment(tmp_path, monkeypatch, "<!-- migcheck: ignore[MIG202, unused-suppression] -->")[
        0
    ].code == ("MIG201")
    found = _lint_comment(
        tmp_path, monkeypatch, "<!-- migcheck: ignore-file[MIG006] -->\n  <!-- migcheck: ignore[MIG202] -->"
    )
    assert [f.code for f in found] == ["MIG201"]


def test_two_comments_covering_one_finding_are_both_used(tmp_path, monkeypatch):
    comment = "<!-- migcheck: ignore-file[MIG201] -->\n  <!-- migcheck: ignore[endpoint-acl] -->"
    assert _lint_comment(tmp_path, monkeypatch, comment) == []


def test_an_unused_blanket_that_only_holds_back_unused_findings_is_void(tmp_path, monkeypatch):
    comment = "<!-- migcheck: ignore-file[ALL] -->\n  <!-- migcheck: ignore[MIG202] -->"
    assert _lint_comment(tmp_path, monkeypatch, comment) == []


@pytest.mark.parametrize(
    ("comment", "tail", "only_comments", "expected"),
    [
        ("<!-- migcheck: ignore[ALL] nothing to hold -->", "", True, ["MIG006"]),
        ("<!-- migcheck: ignore[MIG0] nothing to hold -->", "", False, ["MIG006", "MIG201"]),
        ("<!-- migcheck: ignore[MIG202, MIG00] -->", "", False, ["MIG006", "MIG201"]),
        ("", "<!-- migcheck: ignore[ALL] at the end -->", False, ["MIG201", "MIG006"]),
        ("<!-- migcheck: ignore-file[MIG0] -->", "", False, ["MIG006", "MIG201"]),
        ("<!-- migcheck: ignore-file[ALL] -->", "", True, ["MIG006"]),
        ("<!-- migcheck: ignore-file[ALL] -->", "", False, []),  # it holds back the MIG201: used
    ],
)
def test_a_blanket_that_silences_nothing_does_not_silence_the_warning_saying_so(
    tmp_path, monkeypatch, comment, tail, only_comments, expected
):
    """Only a comment that names MIG006 itself keeps itself (`ignore[MIG202, MIG006]`, above): `ALL` or a
    prefix that silenced nothing would hide the one warning that says so."""
    found = _lint_comment(tmp_path, monkeypatch, comment, tail=tail, select_only=only_comments)
    assert [f.code for f in found] == expected


def test_comment_checks_follow_the_config_and_the_switches(tmp_path, monkeypatch):
    comment = "<!-- migcheck: ignore[MIG202] -->"
    assert [f.code for f in _lint_comment(tmp_path, monkeypatch, comment, inline=False)] == ["MIG201"]
    assert [f.code for f in _lint_comment(tmp_path, monkeypatch, comment, ignore=("MIG006",))] == ["MIG201"]
    ignored = _lint_comment(tmp_path, monkeypatch, comment, per_file_ignores={"shop/": ("MIG006",)})
    assert [f.code for f in ignored] == ["MIG201"]
    info = _lint_comment(tmp_path, monkeypatch, comment, severity={"MIG006": Severity.INFO})
    assert (info[0].code, info[0].severity) == ("MIG006", Severity.INFO)


def test_comments_in_scripts_are_checked_through_the_document(tmp_path):
    """Whatever reader made the document: its `suppressions` and its directive comments are all the check
    needs, not its text."""
    from migcheck.suppress import Audit

    path = "deploy.ps1"
    malformed = DirectiveComment(" migcheck: ignore MIG601", Mark(path, 1, column=1))
    written = DirectiveComment(" migcheck: ignore[MIG60l] typo", Mark(path, 3, column=1))
    typo = Suppression(("MIG60l",), "typo", 4, 4, written.mark)
    document = Document(path, FileKind.POWERSHELL, "", (), (typo,), (malformed, written))
    audit = Audit(RULES, frozenset(r.code for r in RULES))
    shown, _ = Filter({}, {path: document}, True, None, audit).split([])
    # An unknown code is MIG005's, not also MIG006's.
    assert [(f.code, f.mark.line, f.mark.column) for f in shown] == [("MIG005", 1, 1), ("MIG005", 3, 1)]
    assert "malformed" in shown[0].message and "`MIG60l`" in shown[1].message
