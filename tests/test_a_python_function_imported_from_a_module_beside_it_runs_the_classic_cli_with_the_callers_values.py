"""A Python script that imports a function from a module beside it (`from clitools import create_vm`) that
runs the classic CLI through subprocess, and calls it with the values it states, creates what each call
names, as a function it defines itself does, and as one of the SDK's does: a VM given two subnets is in
both (MIG202, at the value the call gives). The call gave nothing: the module was read once, with values it
does not know, and its VM was a stand-in."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import APP_VNET_TWO_SUBNETS_NETCFG, lint_files, where

CLITOOLS = """\
import subprocess

def create_vm(service, subnets):
    subprocess.check_call(["azure", "vm", "create", service, "img", "ops", "-w", "app-vnet", "-b", subnets])
"""

IMPORTS = {
    "by its name": 'from clitools import create_vm\ncreate_vm("contoso-cli", "web,data")\n',
    "under another name": 'from clitools import create_vm as mk\nmk("contoso-cli", "web,data")\n',
}


@pytest.mark.parametrize("how", IMPORTS)
def test_the_call_creates_the_vm_it_names(how: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {
        "NetworkConfig.netcfg": APP_VNET_TWO_SUBNETS_NETCFG,
        "clitools.py": CLITOOLS,
        "main.py": IMPORTS[how],
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", "MIG601")
    at = IMPORTS[how].splitlines()[1].index('"web,data"') + 1
    assert sorted(where(result.findings)) == [f"MIG202 main.py:2:{at}", "MIG601 clitools.py:4:28"]
    (vm,) = [f for f in result.findings if f.code == "MIG202"]
    assert "'contoso-cli'" in vm.message


def test_the_module_read_once_adds_no_stand_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {"clitools.py": CLITOOLS, "main.py": IMPORTS["by its name"]}
    result = lint_files(tmp_path, monkeypatch, files)
    services = sorted(s.name for estate in result.estates for s in estate.cloud_services)
    assert services == ["contoso-cli"]
