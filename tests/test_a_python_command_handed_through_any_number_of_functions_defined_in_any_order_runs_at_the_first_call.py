"""A Python script's command handed from function to function (`def f1(c): f2(c)` ... `def f6(c):
subprocess.check_call(c)`) runs where the script gives it to the first, however many functions it goes
through and in whatever order they are defined, by position or by keyword. It was followed for at most four
functions, one pass over the script for each, and a chain of six described nothing. A function that adds words
to its parameter (`subprocess.check_call(["azure"] + args)`, `run(["azure", *args])`) runs them with the words
each call gives, where it ran them once with words not stated. Each function is read once: a cycle of
functions that run no command ends, and a chain of 800 costs twice what 400 do."""

from __future__ import annotations

from pathlib import Path

import pytest
from growth import assert_linear
from lint_support import APP_VNET_TWO_SUBNETS_NETCFG, RULES, lint_files, where

from migcheck.config import Config
from migcheck.engine import lint

WORDS = '["azure", "vm", "create", "contoso-cli", "img", "ops", "-w", "app-vnet", "-b", "web,data"]'
SINK = "def f{n}(command):\n    subprocess.check_call(command)\n\n\n"
HANDING_ON = "def f{n}(command):\n    f{next}(command)\n\n\n"


def _chain(length: int, first_defined_last: bool) -> str:
    functions = [HANDING_ON.format(n=n, next=n + 1) for n in range(1, length)]
    functions.append(SINK.format(n=length))
    if first_defined_last:
        functions.reverse()
    return "import subprocess\n\n\n" + "".join(functions) + f"f1({WORDS})\n"


def _findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> list[str]:
    files = {"NetworkConfig.netcfg": APP_VNET_TWO_SUBNETS_NETCFG, "main.py": script}
    return sorted(where(lint_files(tmp_path, monkeypatch, files, "MIG202", "MIG601", dedent=False).findings))


@pytest.mark.parametrize("first_defined_last", [False, True], ids=["callers first", "callees first"])
def test_a_command_handed_through_six_functions_runs_at_the_script_s_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first_defined_last: bool
) -> None:
    script = _chain(6, first_defined_last)
    line = script.count("\n")
    assert _findings(tmp_path, monkeypatch, script) == [
        f"MIG202 main.py:{line}:83",
        f"MIG601 main.py:{line}:5",
    ]


def test_a_command_handed_on_by_keyword_runs_at_the_script_s_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = (
        "import subprocess\n\n\n"
        "def deploy(label, command):\n    run(verbose=False, cmd=command)\n\n\n"
        "def run(verbose, cmd):\n    execute(cmd)\n\n\n"
        "def execute(line):\n    subprocess.check_call(line)\n\n\n"
        f'deploy("web", {WORDS})\n'
    )
    assert _findings(tmp_path, monkeypatch, script) == ["MIG202 main.py:16:94", "MIG601 main.py:16:16"]


def test_a_cycle_of_functions_running_no_command_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = (
        "import subprocess\n\n\n"
        "def a(command):\n    b(command)\n\n\n"
        "def b(command):\n    a(command)\n    subprocess.check_call(['ls'])\n\n\n"
        f"a({WORDS})\n"
    )
    assert _findings(tmp_path, monkeypatch, script) == []


def test_a_long_chain_of_functions_grows_linearly(tmp_path: Path) -> None:
    def make(count: int):
        folder = tmp_path / f"chain{count}"
        folder.mkdir()
        (folder / "main.py").write_text(_chain(count, first_defined_last=True), encoding="utf-8")
        return lambda: lint([str(folder)], Config(select=("MIG601",)), RULES)

    assert_linear(make, 400)


ARGUMENTS = '["vm", "create", "contoso-cli", "img", "ops", "-w", "app-vnet", "-b", "web,data"]'
ADDING_WORDS = {
    "a list joined to it": 'def az(args):\n    subprocess.check_call(["azure"] + args)\n\n\n',
    "a list spreading it": 'def az(args):\n    subprocess.check_call(["azure", *args])\n\n\n',
    "handed on to a runner": (
        "def run(command):\n    subprocess.check_call(command)\n\n\n"
        'def az(args):\n    run(["azure"] + args)\n\n\n'
    ),
}


@pytest.mark.parametrize("shape", list(ADDING_WORDS))
def test_a_function_adding_words_to_its_parameter_runs_them_with_the_call_s_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shape: str
) -> None:
    script = "import subprocess\n\n\n" + ADDING_WORDS[shape] + f"az({ARGUMENTS})\n"
    line = script.count("\n")
    found = _findings(tmp_path, monkeypatch, script)
    assert f"MIG202 main.py:{line}:74" in found  # the subnets the call's words name, where it writes them
