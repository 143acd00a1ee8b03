"""A Python script that gives a function of a module beside it a classic command to run (`from lib import
run`, then `run(["azure", "vm", "create", ...])` or `run("azure vm create ...", shell=True)`, lib.py's `def
run(command): subprocess.check_call(command)`) runs that command itself, as a shell script runs one it gives
a sourced file's wrapper (`runtraced azure ...`): the command is the script's, read where the script writes
it, however the script imports the module (by name, whole, from its package or relatively). The script,
which names neither `subprocess` nor the SDK, was not read at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import APP_VNET_TWO_SUBNETS_NETCFG, lint_files, where

WRAPPER = """\
import subprocess


def run(command, shell=False):
    subprocess.check_call(command, shell=shell)
"""
WORDS = '["azure", "vm", "create", "contoso-cli", "img", "ops", "-w", "app-vnet", "-b", "web,data"]'
LINE = '"azure vm create contoso-cli img ops -w app-vnet -b web,data", shell=True'

# By the import: the script's path, the module's, and the name the script calls the function by.
IMPORTS = {
    "from lib import run": ("main.py", "lib.py", "run"),
    "from lib import run as sh": ("main.py", "lib.py", "sh"),
    "import lib": ("main.py", "lib.py", "lib.run"),
    "from .lib import run": ("tools/main.py", "tools/lib.py", "run"),
    "from tools.lib import run": ("main.py", "tools/lib.py", "run"),
    "import tools.lib": ("main.py", "tools/lib.py", "tools.lib.run"),
}


def _files(script: str, module: str, text: str) -> dict[str, str]:
    return {
        "NetworkConfig.netcfg": APP_VNET_TWO_SUBNETS_NETCFG,
        "tools/__init__.py": "",
        module: WRAPPER,
        script: text,
    }


@pytest.mark.parametrize("arguments", [WORDS, LINE], ids=["words", "command line"])
@pytest.mark.parametrize("statement", IMPORTS)
def test_the_command_is_read_at_the_script_s_call(
    statement: str, arguments: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script, module, name = IMPORTS[statement]
    call = f"{name}({arguments})"
    files = _files(script, module, f"{statement}\n\n{call}\n")
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", "MIG601", dedent=False)
    first = call.index('"azure') + 1  # the command's first word, or its line
    subnets = call.index('"web,data"') + 1 if arguments == WORDS else first
    assert sorted(where(result.findings)) == [f"MIG202 {script}:3:{subnets}", f"MIG601 {script}:3:{first}"]
    services = [s.name for estate in result.estates for s in estate.cloud_services]
    assert services == ["contoso-cli"]


def test_a_command_given_in_a_function_of_the_script_is_read_at_that_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    main = f"from lib import run\n\n\ndef main():\n    run({WORDS})\n\n\nmain()\n"
    result = lint_files(tmp_path, monkeypatch, _files("main.py", "lib.py", main), "MIG601", dedent=False)
    assert where(result.findings) == ["MIG601 main.py:5:10"]


def test_a_module_that_imports_the_script_back_still_runs_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _files("main.py", "lib.py", f"from lib import run\n\nrun({WORDS})\n")
    files["lib.py"] = "import main\n" + WRAPPER
    result = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False)
    assert where(result.findings) == ["MIG601 main.py:3:6"]


@pytest.mark.parametrize("statement, name", [("from lib import run", "run"), ("import lib", "lib.run")])
def test_a_module_s_name_for_a_function_that_runs_commands_runs_the_command(
    statement: str, name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _files("main.py", "lib.py", f"{statement}\n\n{name}({WORDS})\n")
    files["lib.py"] = "import subprocess\n\nrun = subprocess.check_call\n"
    result = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False)
    assert where(result.findings) == [f"MIG601 main.py:3:{len(name) + 3}"]
