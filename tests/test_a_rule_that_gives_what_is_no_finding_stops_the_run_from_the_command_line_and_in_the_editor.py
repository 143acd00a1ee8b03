"""A rule's check (a plugin's) that gives what is no finding stopped nothing: the filter crashed on it, with
a traceback from the command line and pytest, and without a word in the editor, whose lints check again
only what an edit can change (`engine._Checker`). Every run of a check now refuses it as a crash of that
rule (`RuleError`, which each surface says as an error naming the rule and its plugin)."""

from __future__ import annotations

import pytest

from migcheck.config import Config
from migcheck.engine import ReadCache, RuleError, lint
from migcheck.plugins import load_rules

VM = """\
<PersistentVM>
  <RoleName>web01</RoleName>
  <RoleSize>Standard_A2</RoleSize>
</PersistentVM>
"""


# MIG103 checks one cloud service at a time, MIG003 the whole estate: the editor runs them apart.
@pytest.mark.parametrize("code", ["MIG103", "MIG003"])
@pytest.mark.parametrize("editor", [False, True], ids=["command-line", "editor"])
def test_a_check_that_gives_a_string_stops_the_run_naming_the_rule(tmp_path, monkeypatch, code, editor):
    (tmp_path / "vms").mkdir()
    (tmp_path / "vms" / "web01.xml").write_text(VM, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    rules = load_rules(entry_points=False)
    monkeypatch.setattr(type(rules.get(code)), "check", lambda self, estate: iter(["not a finding"]))
    with pytest.raises(RuleError) as raised:
        lint(["."], Config(), rules, cache=ReadCache() if editor else None)
    message = str(raised.value)
    assert message.startswith(f"rule {code} (") and "crashed: TypeError: its check gave " in message
    assert "'not a finding' (a str), not a Finding" in message and message.count("crashed") == 1
