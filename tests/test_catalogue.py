"""Meta-tests over the rule catalogue: every rule is complete, the catalogue in DESIGN.md is implemented
as written (codes and names are a public contract), and every row of the platform's tables of unsupported
features and configurations is mapped in the coverage data."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from migcheck.coverage import COVERAGE, entry_for
from migcheck.docs import ROOT, builtin_rules
from migcheck.model import Severity

SHARED = ROOT.parent / "shared"
DESIGN = SHARED / "DESIGN.md"
REFERENCE = SHARED / "reference"
OVERVIEWS = (
    "vm-migration-overview.include.2017.md",
    "vm-migration-overview.include.2018.md",
    "vm-migration-overview.2023.md",
)
RULES = builtin_rules()
BY_CODE = {rule.code: rule for rule in RULES}
ROW = re.compile(r"^\|(.+)\|\s*$")


def table_rows(lines: list[str]) -> list[list[str]]:
    """The body rows of the first Markdown table in `lines`, as lists of stripped cells."""
    rows: list[list[str]] = []
    for line in lines:
        match = ROW.match(line.strip())
        if match is None:
            if rows:
                break
            continue
        rows.append([c.strip() for c in match.group(1).split("|")])
    return [r for r in rows[1:] if not all(set(c) <= set("-: ") for c in r)]  # drop header and rule line


def design_catalogue() -> list[list[str]]:
    if not DESIGN.exists():
        pytest.skip(f"{DESIGN} is not here")
    lines = DESIGN.read_text(encoding="utf-8").splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("### Catalogue")), None)
    if start is None:
        pytest.skip("DESIGN.md has no catalogue table")
    return table_rows(lines[start:])


def reference_rows() -> list[tuple[str, str]]:
    """(file, configuration) for every row of every 'Unsupported features/configurations' table."""
    found = []
    for name in OVERVIEWS:
        path = REFERENCE / name
        if not path.exists():
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            if re.match(r"^#+\s*Unsupported (features|configurations)\s*$", line.strip()):
                found += [(name, row[1]) for row in table_rows(lines[i + 1 :])]
    if not found:
        pytest.skip(f"no reference tables under {REFERENCE}")
    return found


def test_codes_and_names_are_unique():
    for attr in ("code", "name"):
        repeated = [v for v, n in Counter(getattr(r, attr) for r in RULES).items() if n > 1]
        assert not repeated, f"{attr}s used by more than one rule: {repeated}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_complete(rule):
    assert not rule.problems(), rule.problems()
    for section in ("what", "why", "fix"):
        assert getattr(rule.docs, section).strip(), f"{rule.code} has an empty `{section}` section"
    assert rule.summary.strip() and "\n" not in rule.summary.strip(), "the summary is one line"
    assert rule.source.strip(), f"{rule.code} does not say which reference row it comes from"
    assert rule.invalid and all(e.expect for e in rule.invalid), "every invalid example says where it fires"
    assert rule.valid and not any(e.expect for e in rule.valid), "at least one example must not trigger"


def test_design_catalogue_is_implemented_as_written():
    missing, different = [], []
    for code, name, severity, *_ in design_catalogue():
        rule = BY_CODE.get(code)
        if rule is None:
            missing.append(f"{code} {name}")
        elif (rule.name, rule.severity) != (name, Severity.parse(severity)):
            different.append(f"{code}: DESIGN says {name}/{severity}, rule is {rule.name}/{rule.severity}")
    assert not missing, f"not implemented: {', '.join(missing)}"
    assert not different, "; ".join(different)


# Codes DESIGN.md's "Next:" line allots beyond its table, with what they were allotted for.
ALLOTTED = {
    "MIG004": "MIG0xx for conflicting definitions of one resource",
    "MIG005": "MIG0xx for suppressions that name unknown codes or silence nothing",
    "MIG006": "MIG0xx for suppressions that name unknown codes or silence nothing",
    "MIG209": "the next free MIG2xx for the Site Recovery extension",
    "MIG311": "MIG31x for what only an inventory can show",
    "MIG312": "MIG31x for what only an inventory can show",
    "MIG313": "MIG31x for what only an inventory can show",
    "MIG314": "MIG31x for what only an inventory can show",
    "MIG315": "MIG31x for what only an inventory can show",
    "MIG316": "MIG31x for what only an inventory can show",
    "MIG317": "MIG31x for what only an inventory can show",
    "MIG318": "MIG31x for what only an inventory can show",
    "MIG319": "MIG31x for what only an inventory can show",
    "MIG501": "MIG5xx for management settings",
    "MIG502": "MIG5xx for management settings",
    "MIG503": "MIG5xx for management settings",
    "MIG601": "MIG6xx for automation scripts that call classic APIs",
    "MIG602": "MIG6xx for automation scripts that call classic APIs",
}


# Codes added where DESIGN.md's catalogue is silent on a limit the reference documents state, in a range of
# its families (MIG20x: VMs; MIG30x: virtual networks and gateways), with the document they come from.
BEYOND_DESIGN = {
    "MIG305": "network-gateway-migration.md, Transit VPN connectivity",
    "MIG306": "vm-migration-deep-dive.2020.md, Checks not done in the validate operation",
    "MIG307": "vm-migration-deep-dive.2020.md, Checks not done in the validate operation",
    "MIG210": "vm-migration-plan-faq.md, VM Extensions (DNS connectivity lost during migration)",
}


def test_every_rule_is_in_the_design_catalogue():
    listed = {row[0] for row in design_catalogue()} | set(ALLOTTED) | set(BEYOND_DESIGN)
    assert not set(BY_CODE) - listed, "rules missing from DESIGN.md's catalogue"


def test_allotted_codes_follow_the_design():
    text = DESIGN.read_text(encoding="utf-8") if DESIGN.exists() else ""
    if not text:
        pytest.skip(f"{DESIGN} is not here")
    # The "Next:" line is a Markdown paragraph wrapped over several physical lines: read it to its end.
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Next:"))
    paragraph = []
    for line in lines[start:]:
        if not line.strip():
            break
        paragraph.append(line.strip())
    next_line = " ".join(paragraph)
    for code, reason in ALLOTTED.items():
        assert code in BY_CODE, f"{code} is allotted but not implemented"
        assert reason.split(" for ", 1)[1] in next_line, f"{code}: DESIGN.md's Next: line does not allot it"


def test_every_reference_row_is_mapped():
    unmapped = [f"{name}: {row}" for name, row in reference_rows() if entry_for(row) is None]
    assert not unmapped, "rows with no entry in migcheck.coverage:\n" + "\n".join(unmapped)


def test_coverage_names_only_real_rules():
    """The inventory rules exist, so no row may point at a reserved range any more."""
    for entry in COVERAGE:
        for code in entry.codes:
            assert code in BY_CODE, f"coverage of {entry.limit!r} names unknown rule {code}"


def test_no_reference_row_is_left_to_an_inventory_nobody_reads():
    """Every row of the overview's tables that only the subscription shows has an inventory rule."""
    unchecked = [e.limit for e in COVERAGE if e.rows and e.status.name == "INVENTORY"]
    assert not unchecked, f"rows still marked not checkable: {unchecked}"


def test_reference_tables_parse():
    lines = ["### Unsupported features", "| a | b | c |", "| --- | --- | --- |", "| x | y | z |", "", "after"]
    assert table_rows(lines) == [["x", "y", "z"]]
