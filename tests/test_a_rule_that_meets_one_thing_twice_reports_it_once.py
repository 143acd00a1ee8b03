"""A rule that meets one thing twice (two descriptions of one resource that the linker did not join) would
report the same text at the same place twice: the run says it once. Two findings at one place that say
different things are both reported."""

from __future__ import annotations

from dataclasses import replace

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plugins import load_rules

CSDEF = """\
<ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Storefront" vmsize="Small" />
</ServiceDefinition>
"""


def test_the_same_finding_twice_is_reported_once(tmp_path, monkeypatch):
    (tmp_path / "ServiceDefinition.csdef").write_text(CSDEF)
    monkeypatch.chdir(tmp_path)
    rules = load_rules(entry_points=False)
    rule = rules.get("MIG101")
    check = type(rule).check

    def met_twice(estate):
        for finding in check(rule, estate):
            yield finding
            yield replace(finding)  # the same again, as a second description of the service gives it
            yield replace(finding, message=finding.message + " (again)")

    monkeypatch.setattr(rule, "check", met_twice)
    result = lint(["."], Config(select=("MIG101",)), rules)
    messages = [f.message for f in result.findings]
    assert len(messages) == 2
    assert messages[1] == messages[0] + " (again)"
