"""A Python script that gives a classic command to a function of a module beside it which hands it on to a
function of a module that module imports (main.py's `run([...])`, lib.py's `from util import execute` and
`def run(cmd): execute(cmd)`, util.py's `def execute(cmd): subprocess.check_call(cmd)`) runs that command
itself, read where the script writes it, down a chain of modules up to `MODULE_DEPTH` deep: each module read
once, an import cycle ending, a relative import looked for in the folder of the module that writes it. The
module in the middle, which names neither `subprocess` nor the SDK, was not followed, and the script described
nothing. Linear: a run of 200 modules that each import the next, and a class of 2,000 methods, cost twice what
half as many do."""

from __future__ import annotations

from pathlib import Path

import pytest
from growth import assert_linear
from lint_support import APP_VNET_TWO_SUBNETS_NETCFG, RULES, lint_files, where

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.readers.python_library import MODULE_DEPTH

EXECUTE = "import subprocess\n\n\ndef execute(command):\n    subprocess.check_call(command)\n"
WORDS = '["azure", "vm", "create", "contoso-cli", "img", "ops", "-w", "app-vnet", "-b", "web,data"]'
MAIN = f"from lib import run\n\nrun({WORDS})\n"
EXPECTED = ["MIG202 main.py:3:84", "MIG601 main.py:3:6"]


def _handing_on(to: str, name: str = "execute", own: str = "run") -> str:
    return f"from {to} import {name}\n\n\ndef {own}(command):\n    {name}(command)\n"


def _findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str]) -> list[str]:
    files = {"NetworkConfig.netcfg": APP_VNET_TWO_SUBNETS_NETCFG, **files}
    return sorted(where(lint_files(tmp_path, monkeypatch, files, "MIG202", "MIG601", dedent=False).findings))


def test_a_command_handed_from_module_to_module_is_read_at_the_script_s_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {"main.py": MAIN, "lib.py": _handing_on("util"), "util.py": EXECUTE}
    assert _findings(tmp_path, monkeypatch, files) == EXPECTED


def test_a_relative_import_is_looked_for_beside_the_module_that_writes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        "main.py": f"from tools.lib import run\n\nrun({WORDS})\n",
        "tools/__init__.py": "",
        "tools/lib.py": _handing_on(".util"),
        "tools/util.py": EXECUTE,
        "util.py": "def execute(command):\n    pass\n",  # the script's folder's: not the one imported
    }
    assert _findings(tmp_path, monkeypatch, files) == ["MIG202 main.py:3:84", "MIG601 main.py:3:6"]


def test_a_chain_as_deep_as_the_bound_is_followed_and_one_deeper_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def chain(length: int) -> dict[str, str]:
        modules = {
            f"m{number}.py": _handing_on(f"m{number + 1}", f"run{number + 1}", f"run{number}")
            for number in range(1, length)
        }
        last = _handing_on("util", own=f"run{length}")
        return {"main.py": MAIN.replace("lib", "m1").replace("run", "run1"), **modules, f"m{length}.py": last}

    files = {**chain(MODULE_DEPTH - 1), "util.py": EXECUTE}
    assert _findings(tmp_path / "deep", monkeypatch, files) == ["MIG202 main.py:3:85", "MIG601 main.py:3:7"]
    files = {**chain(MODULE_DEPTH), "util.py": EXECUTE}
    assert _findings(tmp_path / "deeper", monkeypatch, files) == []


def test_an_import_cycle_ends(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {
        "main.py": MAIN,
        "lib.py": "from other import helper\n" + _handing_on("util"),
        "other.py": "from lib import run\n\n\ndef helper():\n    run([])\n",
        "util.py": EXECUTE,
    }
    assert _findings(tmp_path, monkeypatch, files) == EXPECTED


def test_a_run_of_modules_that_each_import_the_next_grows_linearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def make(count: int):
        folder = tmp_path / f"run{count}"
        folder.mkdir()
        (folder / f"m{count}.py").write_text(EXECUTE.replace("execute", f"run{count}"), encoding="utf-8")
        for number in range(1, count):
            module = _handing_on(f"m{number + 1}", f"run{number + 1}", f"run{number}")
            (folder / f"m{number}.py").write_text(f"{module}\n\nrun{number}({WORDS})\n", encoding="utf-8")
        return lambda: lint([str(folder)], Config(select=("MIG601",)), RULES)

    assert_linear(make, 100)


def test_a_class_of_many_methods_grows_linearly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def make(count: int):
        folder = tmp_path / f"class{count}"
        folder.mkdir()
        methods = "".join(
            f"\n    def m{n}(self, command):\n        self.run(command)\n" for n in range(count)
        )
        runner = "import subprocess\n\n\nclass Runner:\n    def run(self, command):\n"
        (folder / "lib.py").write_text(runner + "        subprocess.check_call(command)\n" + methods)
        (folder / "main.py").write_text(f"from lib import Runner\n\nRunner().m{count - 1}({WORDS})\n")
        return lambda: lint([str(folder)], Config(select=("MIG601",)), RULES)

    assert_linear(make, 1000)
