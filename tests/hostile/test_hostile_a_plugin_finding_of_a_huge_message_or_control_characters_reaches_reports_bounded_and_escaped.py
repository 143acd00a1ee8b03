"""A plugin's rule may give a finding of any text: a message of megabytes was written whole into every report
(3 MB a line of the terminal, the CI log and the JSON), and one holding control characters or CI log commands
must reach none of them raw. Each text of a plugin's finding is cut at `plugins.MOST_SHOWN` characters, saying
how many more it held, and every report escapes what it holds (`visible`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from migcheck import engine
from migcheck.cli import main
from migcheck.model import Finding, Mark, Severity
from migcheck.plugins import MOST_SHOWN, load_rules

VM = "<PersistentVM>\n  <RoleName>web01</RoleName>\n  <RoleSize>Standard_A2</RoleSize>\n</PersistentVM>\n"
FORGED = "evil\x1b[31m red\n::error file=x::forged\r##vso[task.setvariable]x "
HUGE = FORGED + "A" * 3_000_000


@pytest.fixture
def plugin_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "vms").mkdir()
    (tmp_path / "vms" / "web01.xml").write_text(VM, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    rules = load_rules(entry_points=False)
    monkeypatch.setattr(engine, "provider", lambda rule: "evil" if rule.code == "MIG103" else None)

    def says(message: str) -> None:
        finding = Finding(
            "MIG103", "n", Severity.ERROR, message, message, Mark("vms/web01.xml", 1, column=1), "VM", "web01"
        )
        monkeypatch.setattr(type(rules.get("MIG103")), "check", lambda self, estate: iter([finding]))

    return says


@pytest.mark.parametrize("fmt", ["text", "concise", "github", "azure", "json", "sarif"])
def test_a_huge_message_is_cut_and_its_controls_escaped(plugin_says, capsys, fmt: str):
    plugin_says(HUGE)
    main(["check", "--format", fmt, "."])
    out = capsys.readouterr().out
    assert len(out) < 4 * MOST_SHOWN + 20_000
    assert f"{len(HUGE) - MOST_SHOWN:,} more characters not shown" in out
    assert "\x1b" not in out and "\r" not in out and "##vso[task.setvariable" not in out
    assert not any(line.lstrip().startswith("::error file=x") for line in out.splitlines())


def test_a_message_within_the_bound_is_shown_whole(plugin_says, capsys):
    plugin_says("A" * MOST_SHOWN)
    main(["check", "--format", "json", "."])
    [finding] = [f for f in json.loads(capsys.readouterr().out) if f["code"] == "MIG103"]
    assert finding["message"] == "A" * MOST_SHOWN
