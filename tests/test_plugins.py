"""Plugins register rules through the same hook as the built-in ones; a broken plugin is named."""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

import pytest

from migcheck import plugins
from migcheck.cli import main
from migcheck.config import Config
from migcheck.engine import lint
from migcheck.hookspecs import hookimpl
from migcheck.plugins import PluginError, load_rules
from migcheck.rule import Rule

PLUGIN = Path(__file__).parents[1] / "examples" / "plugin" / "contoso_rules.py"


@pytest.fixture
def contoso_rules():
    spec = importlib.util.spec_from_file_location("contoso_rules", PLUGIN)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sys.modules["contoso_rules"] = module
    yield module
    del sys.modules["contoso_rules"]


class FakeEntryPoint:
    def __init__(self, name, load):
        self.name, self.load = name, load
        self.dist = type("Dist", (), {"name": "migcheck-contoso-rules"})()


def test_example_plugin_rule_runs_beside_builtin_ones(contoso_rules, tmp_path, monkeypatch):
    rules = load_rules(plugins=[contoso_rules], entry_points=False)
    assert rules.get("CTS001") and rules.get("MIG201")
    example = rules.get("basic-tier-vm").invalid[0]
    for name, text in example.files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    result = lint(["."], Config(select=("CTS",)), rules)
    assert [(f.code, f.location.line) for f in result.findings] == [("CTS001", 1)]


def test_plugin_found_through_its_entry_point(contoso_rules, monkeypatch):
    monkeypatch.setattr(plugins, "_entry_points", lambda: [FakeEntryPoint("contoso", lambda: contoso_rules)])
    assert load_rules().get("CTS001") is not None


def test_plugin_that_fails_to_import_stops_the_run_with_its_name(monkeypatch, capsys):
    def broken():
        raise ImportError("No module named 'contoso_helpers'")

    monkeypatch.setattr(plugins, "_entry_points", lambda: [FakeEntryPoint("contoso", broken)])
    assert main(["rules"]) == 2
    err = capsys.readouterr().err
    assert "plugin migcheck-contoso-rules[contoso] failed to load" in err
    assert "contoso_helpers" in err and "Traceback" not in err


def test_rule_with_a_taken_code_is_refused():
    builtin = load_rules(entry_points=False).get("MIG201")

    class Clash(type(builtin)):
        name = "another-name"

    module = type(sys)("clashing")
    module.migcheck_rules = hookimpl(lambda: [Clash])
    with pytest.raises(PluginError, match="code MIG201 is already taken"):
        load_rules(plugins=[module], entry_points=False)


def test_incomplete_rule_is_refused():
    class Incomplete(Rule):
        code = "XYZ001"
        name = "incomplete"

    module = type(sys)("incomplete")
    module.migcheck_rules = hookimpl(lambda: [Incomplete])
    with pytest.raises(PluginError, match="has no `severity`"):
        load_rules(plugins=[module], entry_points=False)


def test_verbose_names_each_plugin_with_the_time_it_took_to_load_and_check(
    contoso_rules, tmp_path, monkeypatch, capsys
):
    # A run is slow and no file read is: --verbose says which plugin's rules the time went to.
    monkeypatch.setattr(plugins, "_seconds", {})
    monkeypatch.setattr(plugins, "_entry_points", lambda: [FakeEntryPoint("contoso", lambda: contoso_rules)])
    rule = load_rules().get("CTS001")
    check = type(rule).check

    def slow_check(self, estate):
        time.sleep(0.05)
        yield from check(self, estate)

    monkeypatch.setattr(type(rule), "check", slow_check)
    for name, text in rule.invalid[0].files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--verbose", "."]) != 2
    said = [line for line in capsys.readouterr().err.splitlines() if "plugin " in line]
    assert len(said) == 1 and said[0].startswith(
        "migcheck: plugin migcheck-contoso-rules[contoso] loaded in "
    )
    assert float(said[0].split("its rules' checks took ")[1].removesuffix(" s")) >= 0.05
