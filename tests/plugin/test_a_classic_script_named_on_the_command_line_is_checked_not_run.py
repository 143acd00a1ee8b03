"""`pytest --migcheck deploy_vm.py`: pytest makes a test module of any `.py` file named on the command
line, whatever `python_files` says, and importing a deployment script runs it (its `azure vm create`
included). A classic script whose name is not a test module's gets only its checks; a `test_*.py` is still
a test module, as it always is."""

from __future__ import annotations

import pytest
from plugin_support import QUIET

pytest_plugins = ["pytester"]

# Runs the classic CLI: migcheck reads it as a classic script. Imported, it writes a marker file and then
# stops, as a script whose main() needs files of the machine it deploys from does.
DEPLOY_VM = """\
import os

open("imported", "w").close()
os.system('azure vm create web-svc web-vm image-name admin --location "West Europe" --vnet-name legacy')
raise FileNotFoundError("settings.json")
"""


def checks_of(pytester: pytest.Pytester, name: str, *args: str) -> pytest.RunResult:
    pytester.path.joinpath(name).write_text(DEPLOY_VM, encoding="utf-8")
    return pytester.runpytest_inprocess("--migcheck", *QUIET, "-rA", *args, name)


def test_a_script_named_on_the_command_line_is_checked_and_never_imported(
    pytester: pytest.Pytester,
) -> None:
    result = checks_of(pytester, "deploy_vm.py")
    assert not (pytester.path / "imported").exists()  # the script never ran
    assert result.ret in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED)  # no collection error
    outcomes = result.parseoutcomes()
    assert "errors" not in outcomes and "error" not in outcomes
    items = [line for line in result.outlines if " deploy_vm.py::MIG" in line]
    assert items, result.outlines  # its checks ran


def test_a_script_named_on_the_command_line_is_not_imported_for_its_doctests(
    pytester: pytest.Pytester,
) -> None:
    checks_of(pytester, "deploy_vm.py", "--doctest-modules")
    assert not (pytester.path / "imported").exists()


def test_a_script_named_as_a_test_module_is_still_imported(pytester: pytest.Pytester) -> None:
    result = checks_of(pytester, "test_deploy_vm.py")
    assert (pytester.path / "imported").exists()
    result.stdout.fnmatch_lines(["ERROR test_deploy_vm.py*FileNotFoundError*"])
