"""A rule's check (a plugin's) that gives a Finding whose fields are of other types than a finding's (a
severity "fatal", a line "1", a name 5) passed the check that it is a Finding, then crashed the report with a
traceback (KeyError: 'fatal' in the text report, TypeError comparing the line). It now stops the run as a
crash of that rule (`RuleError`), naming the field, what it was and what it must be."""

from __future__ import annotations

from dataclasses import replace

import pytest

from migcheck.config import Config
from migcheck.engine import RuleError, lint
from migcheck.model import Finding, Mark, Severity
from migcheck.plugins import load_rules

VM = """\
<PersistentVM>
  <RoleName>web01</RoleName>
  <RoleSize>Standard_A2</RoleSize>
</PersistentVM>
"""
GOOD = Finding("MIG103", "n", Severity.ERROR, "m", "f", Mark("vms/web01.xml", 1, column=1), "VM", "web01")
WRONG = {
    "severity is 'fatal' (a str), not a Severity": replace(GOOD, severity="fatal"),
    "name is 5 (a int), not a str": replace(GOOD, name=5),
    "mark's line is '1' (a str), not a int": replace(GOOD, mark=Mark("vms/web01.xml", "1", column=1)),
    "mark is None (a NoneType), not a Mark": replace(GOOD, mark=None),
}


@pytest.mark.parametrize("said", sorted(WRONG))
def test_a_finding_with_a_field_of_the_wrong_type_stops_the_run_naming_it(tmp_path, monkeypatch, said):
    (tmp_path / "vms").mkdir()
    (tmp_path / "vms" / "web01.xml").write_text(VM, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    rules = load_rules(entry_points=False)
    monkeypatch.setattr(type(rules.get("MIG103")), "check", lambda self, estate: iter([WRONG[said]]))
    with pytest.raises(RuleError) as raised:
        lint(["."], Config(), rules)
    message = str(raised.value)
    assert message.startswith("rule MIG103 (")
    assert f"crashed: TypeError: its check gave a Finding whose {said}" in message


def test_a_finding_of_the_right_types_is_reported(tmp_path, monkeypatch):
    (tmp_path / "vms").mkdir()
    (tmp_path / "vms" / "web01.xml").write_text(VM, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    rules = load_rules(entry_points=False)
    monkeypatch.setattr(type(rules.get("MIG103")), "check", lambda self, estate: iter([GOOD]))
    result = lint(["."], Config(), rules)
    assert [f.message for f in result.findings if f.code == "MIG103"] == ["m"]
