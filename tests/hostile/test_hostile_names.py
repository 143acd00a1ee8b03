"""Names from files reach a person only escaped: in every line of the text plan, in source lines whatever
their invisible characters, and in what rule plugins say of themselves."""

from __future__ import annotations

from pathlib import Path

import pytest

from migcheck.cli import main

ESC = "\x1b"
# A script that creates a VM outside any network: the plan's downtime quotes the service's name.
SCRIPT = (
    "Import-Module Azure\n"
    '$vm = New-AzureVMConfig -Name "vm01" -InstanceSize Small -ImageName $img |\n'
    "    Add-AzureEndpoint -Name HTTP -Protocol tcp -LocalPort 80 -PublicPort 80\n"
)


@pytest.mark.parametrize("service", [f"svc{ESC}[2J", "svc\x07bell", "svc\u202eevil"])
def test_no_line_of_the_text_plan_carries_a_raw_control_character(
    tmp_path: Path, monkeypatch, capsys, service
):
    creates = f'New-AzureVM -ServiceName "{service}" -VMs $vm -Location "West Europe"\n'
    (tmp_path / "run.ps1").write_text(SCRIPT + creates, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["plan", "run.ps1"])
    out = capsys.readouterr().out
    assert "reserve it before Prepare" in out and "-ServiceName 'svc" in out
    assert not any(ch in out for ch in (ESC, "\x07", "\u202e")), out


@pytest.mark.parametrize("hidden", ["\u200b", "\u00ad", "\u2060", "\U000e0041"])
def test_characters_that_show_nothing_are_escaped_in_text_and_json(hidden):
    from migcheck.report.stream import json_text
    from migcheck.visible import visible

    name = f"prod{hidden}-vnet"
    assert visible(name) != name and visible(name).isascii()
    assert "\\u" in json_text(name) or "\\U" in json_text(name)
    assert json_text(name).isascii()
    import json

    assert json.loads(json_text(name)) == name  # the same name to any JSON reader


def test_the_caret_stands_under_the_element_after_wide_characters(tmp_path: Path, monkeypatch, capsys):
    (tmp_path / "ServiceDefinition.csdef").write_text(
        '<ServiceDefinition name="s" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">\n'
        '  <!-- 中文 --><WebRole name="w" vmsize="Small"/>\n'
        "</ServiceDefinition>\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    main(["check", "--select", "MIG101", "."])
    lines = capsys.readouterr().out.splitlines()
    source = next(line for line in lines if "<WebRole" in line)
    carets = lines[lines.index(source) + 1]
    # Each of the two CJK characters fills two columns: the caret starts where `<WebRole` is seen.
    assert carets.index("^") == source.index("<WebRole") + 2
    assert carets.count("^") == len('<WebRole name="w" vmsize="Small"/>')


def test_a_plugin_rule_s_own_words_are_escaped(monkeypatch, capsys):
    from migcheck import cli
    from migcheck.plugins import load_rules
    from migcheck.rule import RuleSet

    rules = {rule.code: rule for rule in load_rules(entry_points=False)}

    class Loud(type(rules["MIG201"])):  # type: ignore[misc]  # a plugin's rule, with its own words
        code = "XYZ101"
        name = "loud"
        summary = f"explodes{ESC}]0;pwn\x07"

    monkeypatch.setattr(cli, "_load_rules", lambda: RuleSet({**rules, "XYZ101": Loud()}))
    for argv in (["rules"], ["rule", "XYZ101"], ["rule", "XYZ"], ["rules", "--format", "json"]):
        main(argv)
        out = capsys.readouterr().out
        assert "explodes" in out and ESC not in out and "\x07" not in out, argv
