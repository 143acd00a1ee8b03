"""An option the classic CLI does not declare, in a command a Python script runs (`subprocess.check_call(["azure",
"network", "vnet", "create", ..., "-I", "16"])`), is said where the script writes it, as it is in a shell
script: the CLI refuses the command, which creates nothing, where it was dropped in silence."""

from __future__ import annotations

import json

from lint_support import run_cli

PYTHON = """\
import subprocess
subprocess.check_call(["azure", "network", "vnet", "create", "app-vnet", "-l", "West Europe", "-I", "16"])
"""
SHELL = 'azure network vnet create app-vnet -l "West Europe" -I 16\n'


def _refused(tmp_path, monkeypatch, capsys, name: str, text: str) -> list[tuple[int, str]]:
    tmp_path.mkdir()
    (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    parts = [part for sub in json.loads(out)["subscriptions"] for part in sub.get("unread_parts", [])]
    return [(part["line"], part.get("why", "")) for part in parts]


def test_a_python_script_s_refused_option_is_said_as_a_shell_script_s_is(tmp_path, monkeypatch, capsys):
    python = _refused(tmp_path / "py", monkeypatch, capsys, "deploy.py", PYTHON)
    shell = _refused(tmp_path / "sh", monkeypatch, capsys, "deploy.sh", SHELL)
    assert python == [(2, "refused-option")]
    assert shell == [(1, "refused-option")]
