"""A Makefile of a chain of 2,600 values each built of the one before (`A2 := $(A1)x`) spends what migcheck
expands of one Makefile (four times its size and 50,000 characters) long before its recipe, whose `$(A10)`
was then a stand-in, `<virtual network name, Makefile:N>`, as if the file left it blank. The read now says,
once, at the first reference the spent budget left not stated, that migcheck's bound is the cause, and what
to do."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lint_support import run_cli

CHAIN = 2_600


def makefile(chain: int) -> str:
    return (
        "A0 := web\n"
        + "".join(f"A{i} := $(A{i - 1})x\n" for i in range(1, chain))
        + "deploy:\n\tazure vm create web img user pass --virtual-network-name $(A10)\n"
    )


SAID = (
    "this line refers to a Makefile variable after the values the file's variables expand to have reached "
    "what migcheck expands of one Makefile (four times its size and 50,000 characters"
)


def test_a_makefile_that_spends_the_budget_says_where_and_why_its_values_are_not_stated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    (tmp_path / "Makefile").write_text(makefile(CHAIN))
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".")
    assert "<virtual network name, Makefile:" in out  # the stand-in stays: the value is not read
    [said] = re.findall(r"Not read as written: Makefile:(\d+):(\d+): (.*)", out)
    line, column, words = int(said[0]), int(said[1]), said[2]
    # a line of the chain, at its reference to the value before: the first the spent budget left out
    assert 2 < line <= CHAIN
    assert column == len(f"A{line - 1} := ") + 1
    assert words.startswith(SAID)
    assert words.endswith("build long values of fewer and shorter ones, or name the value in the recipe.")


def test_a_makefile_within_the_budget_says_nothing_of_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    (tmp_path / "Makefile").write_text(makefile(100))
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".")
    assert "Not read as written" not in out
