"""The output pasted in the manual (README.md and docs/*.md) is what migcheck prints today: every
`$ migcheck ...` block whose command needs nothing but the repository is run, and so are the standard-input
example (on the edit the manual describes) and the `$ pytest --migcheck ...` runs; each line shown
(elisions `...`/`…` aside) must appear in the real output, in the same order."""

from __future__ import annotations

import io
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from doc_pages import ROOT, all_text, section

from migcheck.cli import main

BLOCK = re.compile(r"```(?:console|sh)?\n\$ (migcheck [^\n]*)\n(.*?)```", re.S)
NEEDS_SETUP = ("--baseline", "--stdin-filename", "<")  # shown after steps the reader takes first
STDIN_BLOCK = re.compile(r"```console\n\$ cd (\S+)\n\$ (migcheck [^\n]*) - < edited\.cscfg\n(.*?)```", re.S)
PYTEST_BLOCK = re.compile(r"```console\n\$ (pytest --migcheck[^\n]*)\n(.*?)```", re.S)
DURATION = re.compile(r" in \d+\.\d+s\b")  # pytest's time: the only part of its output that varies


def _shown(output: str) -> list[str]:
    """The lines a block of the manual shows, without elisions and blank lines."""
    return [line for line in output.splitlines() if line.strip() and line.strip() not in ("...", "…")]


def _blocks() -> list[tuple[str, list[str]]]:
    found = []
    for command, output in BLOCK.findall(all_text()):
        if not any(word in command for word in NEEDS_SETUP):
            found.append((command, _shown(output)))
    return found


def _assert_in_order(command: str, shown: list[str], actual: list[str]) -> None:
    position = 0
    for line in shown:
        assert line in actual[position:], f"the manual shows a line `{command}` no longer prints:\n{line}"
        position = actual.index(line, position) + 1


@pytest.mark.parametrize(("command", "shown"), _blocks(), ids=[c for c, _ in _blocks()])
def test_readme_output_is_real(command, shown, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    main(shlex.split(command)[1:])
    _assert_in_order(command, shown, capsys.readouterr().out.splitlines())


def test_the_readme_has_output_to_check():
    assert len(_blocks()) >= 2


def test_the_standard_input_example_is_real(capsys, monkeypatch):
    """The manual lints `edited.cscfg`: the saved configuration with its subnet Web2 renamed Web3."""
    text = all_text()
    (folder, command, output) = STDIN_BLOCK.findall(text)[0]
    assert "its subnet `Web2` renamed\n`Web3`" in text or "its subnet `Web2` renamed `Web3`" in text
    stdin_path = shlex.split(command)[shlex.split(command).index("--stdin-filename") + 1]
    monkeypatch.chdir(ROOT / folder)
    saved = Path(stdin_path).read_text(encoding="utf-8")
    assert saved.count('"Web2"') == 1
    edited = saved.replace('"Web2"', '"Web3"').encode("utf-8")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(edited)))
    main([*shlex.split(command)[1:], "-"])
    _assert_in_order(command, _shown(output), capsys.readouterr().out.splitlines())


PYTEST_RUNS = PYTEST_BLOCK.findall(all_text())


@pytest.mark.parametrize(("command", "output"), PYTEST_RUNS, ids=[c for c, _ in PYTEST_RUNS])
def test_the_pytest_runs_are_real(command, output, tmp_path):
    """Run as the manual shows them, from the repository's root, on an 80-column report: a copy of its
    examples and settings, since pytest run in the repository itself checks all its files, the tests' own
    Python files too (40 s of CPU where the examples take one)."""
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    # pytest does not shorten its summary lines where `CI` or `BUILD_NUMBER` is set: the manual shows a
    # terminal's.
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith("PYTEST_") and k not in ("CI", "BUILD_NUMBER")
    } | {"COLUMNS": "80"}
    run = subprocess.run(
        [sys.executable, "-m", *shlex.split(command), "-p", "no:cacheprovider"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    actual = [DURATION.sub(" in N.NNs", line) for line in run.stdout.splitlines()]
    shown = [DURATION.sub(" in N.NNs", line) for line in _shown(output)]
    _assert_in_order(command, shown, actual)


def test_the_readme_shows_pytest_runs():
    assert len(PYTEST_RUNS) >= 2


def _baseline_section() -> str:
    return section("## Baselines")


def test_the_baseline_example_and_the_readiness_row_it_quotes_are_real(capsys, monkeypatch, tmp_path):
    """The Baselines section's first run, after the baseline it records, in a copy of the examples (the
    manual has the reader record the baseline first): its lines, and the readiness row the text after it
    quotes (`Validation failed (N known from baseline)`), are what migcheck prints."""
    import shutil

    section = _baseline_section()
    command, output = BLOCK.findall(section)[0]
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    baseline = shlex.split(command)[shlex.split(command).index("--baseline") + 1]
    assert main(["check", "examples/contoso", "--write-baseline", baseline]) == 0
    capsys.readouterr()
    main(shlex.split(command)[1:])
    actual = capsys.readouterr().out.splitlines()
    _assert_in_order(command, _shown(output), actual)
    quoted = re.search(r"`(Validation failed \(\d+ known from\s+baseline\))`", section)
    assert quoted, "the Baselines section quotes a readiness row"
    row = " ".join(quoted.group(1).split())
    assert any(line.rstrip().endswith(row) for line in actual), f"no readiness row ends `{row}`"
