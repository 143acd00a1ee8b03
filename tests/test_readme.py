"""The output pasted in the README is what migcheck prints today: every `$ migcheck ...` block whose
command needs nothing but the repository is run, and each line shown (elisions `...`/`…` aside) must
appear in the real output, in the same order."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from migcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BLOCK = re.compile(r"```(?:console|sh)?\n\$ (migcheck [^\n]*)\n(.*?)```", re.S)
NEEDS_SETUP = ("--baseline", "--stdin-filename", "<")  # shown after steps the reader takes first


def _blocks() -> list[tuple[str, list[str]]]:
    found = []
    for command, output in BLOCK.findall(README.read_text(encoding="utf-8")):
        if not any(word in command for word in NEEDS_SETUP):
            shown = [
                line for line in output.splitlines() if line.strip() and line.strip() not in ("...", "…")
            ]
            found.append((command, shown))
    return found


@pytest.mark.parametrize(("command", "shown"), _blocks(), ids=[c for c, _ in _blocks()])
def test_readme_output_is_real(command, shown, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    main(shlex.split(command)[1:])
    actual = capsys.readouterr().out.splitlines()
    position = 0
    for line in shown:
        assert line in actual[position:], f"README shows a line `{command}` no longer prints:\n{line}"
        position = actual.index(line, position) + 1


def test_the_readme_has_output_to_check():
    assert len(_blocks()) >= 2
