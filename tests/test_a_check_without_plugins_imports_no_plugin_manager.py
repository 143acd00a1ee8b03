"""With no plugin installed or given, the built-in rules are loaded without pluggy: a check imports neither
the plugin manager nor the hook specifications, and loads the same rules, in the same order, as through
them."""

from __future__ import annotations

import json
import subprocess
import sys
import types
from pathlib import Path

import pytest

from migcheck import plugins
from migcheck.hookspecs import hookimpl
from migcheck.plugins import load_rules

PROBE = """\
import atexit, json, sys
atexit.register(lambda: open(sys.argv[1], "w").write(json.dumps(sorted(sys.modules))))
from migcheck.cli import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.skipif(bool(plugins._entry_points()), reason="a migcheck plugin is installed here")
def test_a_check_with_no_plugin_installed_imports_no_pluggy(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    listing = tmp_path / "modules.json"
    subprocess.run(
        [sys.executable, "-c", PROBE, str(listing), "check", str(tmp_path / "empty")],
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    modules = set(json.loads(listing.read_text()))
    assert {"migcheck.engine", "migcheck.rules"} <= modules  # it did load the rules, and check
    assert {m for m in modules if m.split(".")[0] == "pluggy" or m == "migcheck.hookspecs"} == set()


def test_the_built_in_rules_alone_are_those_loaded_beside_a_plugin_that_adds_none() -> None:
    adds_none = types.ModuleType("adds_none")
    adds_none.migcheck_rules = hookimpl(lambda: [])  # type: ignore[attr-defined]
    alone = load_rules(entry_points=False)
    beside = load_rules(plugins=[adds_none], entry_points=False)
    assert len(alone) > 40
    assert [(code, type(rule)) for code, rule in alone.rules.items()] == [
        (code, type(rule)) for code, rule in beside.rules.items()
    ]
    assert {plugins.provider(rule) for rule in alone} == {None}
