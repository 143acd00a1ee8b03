"""A Python script that imports a module beside it whole (`import clitools`, `from . import clitools`) and
calls a function on it (`clitools.create_vm("contoso-cli", "web,data")`) runs that function with the values
it passes, as one imported by name does, whether the function runs the classic CLI or the SDK. The call was
not followed: the module was read once on its own, with values it does not know, and its VM was a
stand-in."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import APP_VNET_TWO_SUBNETS_NETCFG, lint_files, where

CLITOOLS = """\
import subprocess

def create_vm(service, subnets):
    subprocess.check_call(["azure", "vm", "create", service, "img", "ops", "-w", "app-vnet", "-b", subnets])
"""

SDKTOOLS = """\
from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk

sms = ServiceManagementService("sub", "cert.pem")

def create_vm(service, name):
    sms.create_hosted_service(service, service, location="West US")
    system = LinuxConfigurationSet(name, "ops", "secret")
    disk = OSVirtualHardDisk("img", "https://store.blob.core.windows.net/vhds/" + name + ".vhd")
    sms.create_virtual_machine_deployment(
        service, service, "production", service, name, system, disk, virtual_network_name="app-vnet"
    )
"""

IMPORTS = {
    "import clitools": "import clitools\n",
    "import clitools as tools": "import clitools as tools\n",
    "from . import clitools": "from . import clitools\n",
}


@pytest.mark.parametrize("statement", IMPORTS)
def test_the_cli_function_creates_the_vm_the_call_names(
    statement: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = "tools" if " as " in statement else "clitools"
    main = IMPORTS[statement] + f'{module}.create_vm("contoso-cli", "web,data")\n'
    files = {"NetworkConfig.netcfg": APP_VNET_TWO_SUBNETS_NETCFG, "clitools.py": CLITOOLS, "main.py": main}
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", "MIG601")
    at = main.splitlines()[1].index('"web,data"') + 1
    assert sorted(where(result.findings)) == [f"MIG202 main.py:2:{at}", "MIG601 clitools.py:4:28"]
    services = sorted(s.name for estate in result.estates for s in estate.cloud_services)
    assert services == ["contoso-cli"]


def test_the_sdk_function_creates_a_vm_per_call(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {
        "sdktools.py": SDKTOOLS,
        "main.py": 'import sdktools\n\nsdktools.create_vm("contoso-web", "web1")\nsdktools.create_vm("contoso-api", "api1")\n',
    }
    result = lint_files(tmp_path, monkeypatch, files)
    vms = sorted(
        (s.name, role.name)
        for estate in result.estates
        for s in estate.cloud_services
        for placement in s.placements
        for role in placement.roles
    )
    assert vms == [("contoso-api", "api1"), ("contoso-web", "web1")]


def test_a_function_the_script_defines_under_the_same_name_is_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    main = 'import clitools\n\ndef create_vm(name):\n    print(name)\n\nclitools.create_vm("contoso-cli", "web")\n'
    files = {"NetworkConfig.netcfg": APP_VNET_TWO_SUBNETS_NETCFG, "clitools.py": CLITOOLS, "main.py": main}
    result = lint_files(tmp_path, monkeypatch, files)
    services = [s.name for estate in result.estates for s in estate.cloud_services]
    assert "contoso-cli" not in services
