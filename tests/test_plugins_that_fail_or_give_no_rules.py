"""A plugin that fails to load says how to repair or remove it; one that loads but gives no rule (its
entry point names a module with no `migcheck_rules` hook implementation) is warned about, once, by name."""

from __future__ import annotations

import sys
import types

import pytest
from lint_support import run_cli

from migcheck import plugins
from migcheck.hookspecs import hookimpl
from migcheck.plugins import PluginError, load_rules
from migcheck.rule import Rule


class EntryPoint:
    def __init__(self, name: str, load, dist: str | None = "contoso-rules") -> None:
        self.name, self.load = name, load
        self.dist = types.SimpleNamespace(name=dist) if dist else None


def _installed(monkeypatch: pytest.MonkeyPatch, *entries: EntryPoint) -> None:
    monkeypatch.setattr(plugins, "_entry_points", lambda: list(entries))


def _broken():
    raise ModuleNotFoundError("No module named 'contoso_helpers'")


def test_a_plugin_that_fails_to_load_says_to_reinstall_or_uninstall_it(monkeypatch, capsys):
    _installed(monkeypatch, EntryPoint("contoso", _broken))
    code, out, err = run_cli(capsys, "rules")
    assert (code, out) == (2, "")
    assert err == (
        "migcheck: error: plugin contoso-rules[contoso] failed to load: ModuleNotFoundError: No module named "
        "'contoso_helpers'; reinstall it (pip install --force-reinstall contoso-rules), or uninstall it "
        "(pip uninstall contoso-rules)\n"
    )


def test_a_plugin_without_a_distribution_names_no_pip_command(monkeypatch):
    _installed(monkeypatch, EntryPoint("contoso", _broken, dist=None))
    with pytest.raises(PluginError) as raised:
        load_rules()
    assert "pip" not in str(raised.value)


def _module(name: str, **attributes: object) -> types.ModuleType:
    module = types.ModuleType(name)
    for key, value in attributes.items():
        setattr(module, key, value)
    return module


def test_a_plugin_that_gives_no_rules_is_warned_about_once_by_name(monkeypatch, capsys):
    # A `migcheck_rules` function without the hookimpl mark is no hook implementation: pluggy passes it by.
    idle = _module("contoso_rules", migcheck_rules=lambda: [])
    _installed(monkeypatch, EntryPoint("contoso", lambda: idle))
    code, out, err = run_cli(capsys, "rules")
    assert code == 0 and "MIG201" in out
    assert err.splitlines() == [
        "migcheck: warning: plugin contoso-rules[contoso] gives no rules: contoso_rules has no "
        "`migcheck_rules` hook implementation (a function of that name marked with "
        "migcheck.hookspecs.hookimpl); add one, or uninstall it (pip uninstall contoso-rules)"
    ]


def test_a_plugin_with_its_hook_implementation_is_not_warned_about(monkeypatch):
    working = _module("contoso_rules", migcheck_rules=hookimpl(lambda: []))
    _installed(monkeypatch, EntryPoint("contoso", lambda: working))
    said: list[str] = []
    load_rules(warn=said.append)
    assert said == []


def test_load_rules_says_nothing_unless_asked(monkeypatch):
    _installed(monkeypatch, EntryPoint("contoso", lambda: _module("contoso_rules")))
    assert load_rules().get("MIG201") is not None
    assert "contoso_rules" not in sys.modules


def _installed_giving(monkeypatch: pytest.MonkeyPatch, hook) -> None:
    _installed(
        monkeypatch, EntryPoint("contoso", lambda: _module("contoso_rules", migcheck_rules=hookimpl(hook)))
    )


def _boom():
    raise RuntimeError("no rules today")


class _Incomplete(Rule):
    code = "CON001"
    name = "contoso-incomplete"


@pytest.mark.parametrize(
    ("hook", "what", "to_do"),
    [
        (_boom, "failed to list its rules: RuntimeError: no rules today", "correct its `migcheck_rules`"),
        (lambda: 5, "returned 5, which is not a list of rule classes", "return a list of migcheck.rule.Rule"),
        # A string is iterable, but its characters are no rules: it is said whole.
        (lambda: "CON001", "returned 'CON001', which is not a list of rule classes", "return a list of"),
        (lambda: [1], "returned 1, which is not a migcheck Rule class", "return only migcheck.rule.Rule"),
        (lambda: [_Incomplete], "rule _Incomplete has no `severity`", "complete the rule"),
    ],
)
def test_a_plugin_whose_rules_are_broken_says_what_to_correct_or_how_to_uninstall_it(
    monkeypatch, capsys, hook, what, to_do
):
    _installed_giving(monkeypatch, hook)
    code, out, err = run_cli(capsys, "rules")
    assert (code, out) == (2, "")
    assert err.startswith("migcheck: error: plugin contoso-rules[contoso]") and what in err
    assert to_do in err and err.endswith(", or uninstall it (pip uninstall contoso-rules)\n")


def _written_for_another_migcheck():
    raise ImportError("cannot import name 'hookimpl' from 'migcheck'", name="migcheck")


def test_a_plugin_importing_what_this_migcheck_lacks_is_told_to_match_its_version(monkeypatch, capsys):
    # A reinstall of the same plugin changes nothing: it was made for another version of migcheck.
    _installed(monkeypatch, EntryPoint("contoso", _written_for_another_migcheck))
    code, _, err = run_cli(capsys, "rules")
    assert code == 2
    assert "from 'migcheck'; it imports from migcheck what this version (" in err
    assert "install a version of contoso-rules made for migcheck " in err
    assert err.endswith("(or correct its imports), or uninstall it (pip uninstall contoso-rules)\n")
    assert "--force-reinstall" not in err
