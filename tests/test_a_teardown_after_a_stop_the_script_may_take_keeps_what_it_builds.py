"""A lab script builds its estate, then stops unless asked to clean up (`[ "$1" = "--keep" ] && exit 0`,
`if args.keep: sys.exit(0)`, `if ($Keep) { exit 0 }`), then tears the estate down. The teardown may not
run: what the script builds before the stop is still described and planned, with its findings, as for the
if/else form of the same script, where the service and its VM vanished. A usage check before the first
classic command (`[ -z "$1" ] && exit 1`) says only whether the script runs at all: the teardown after it
still removes what the script builds after it. Each VM is kept or removed by where it is created (in
PowerShell, shell and Python): a teardown's Remove-AzureVM of a VM created past the stop removes it, and keeps the one created
before; and a Remove-AzureStorageAccount past a `return` at the script's top level keeps the type of the
account created before it (its Premium_LRS)."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import Deployment, StorageAccountType


def _services(text: str, path: str) -> dict[str, list[str]]:
    return {
        d.service_name: [role.name for role in d.roles]
        for d in script_resources(text, path)
        if isinstance(d, Deployment) and not d.deleted
    }


SH_BUILD = 'azure vm create svc2 img u p -n lab2 -l "West US"\n'
SH_TEARDOWN = "azure service delete svc2 -q\n"


@pytest.mark.parametrize(
    "stop",
    [
        '[ "$1" = "--keep" ] && exit 0',
        '[ "$1" != "--clean" ] || exit 0',
        'if [ "$1" = "--keep" ]; then exit 0; fi',
        'case "$1" in --keep) echo kept; exit 0 ;; esac',
        'for arg in "$@"; do [ "$arg" = --keep ] && { echo kept; exit 0; }; done',
    ],
)
def test_a_shell_teardown_after_a_stop_that_may_run_keeps_the_estate(stop: str) -> None:
    assert _services(f"{SH_BUILD}{stop}\n{SH_TEARDOWN}", "lab.sh") == {"svc2": ["lab2"]}


def test_a_shell_teardown_after_a_usage_check_before_the_build_removes_it() -> None:
    script = f'[ -z "$1" ] && {{ echo "usage: lab.sh NAME"; exit 1; }}\n{SH_BUILD}{SH_TEARDOWN}'
    assert _services(script, "lab.sh") == {}


PY_CLI = """\
import subprocess
import sys

subprocess.check_call(["azure", "vm", "create", "svc2", "img", "u", "p", "-n", "lab2", "-l", "West US"])
{stop}
subprocess.check_call(["azure", "service", "delete", "svc2", "-q"])
"""


def test_a_python_teardown_of_the_classic_cli_after_a_conditional_exit_keeps_the_estate() -> None:
    script = PY_CLI.replace("{stop}", 'if sys.argv[1:] == ["--keep"]:\n    sys.exit(0)')
    assert _services(script, "lab.py") == {"svc2": ["lab2"]}
    assert _services(PY_CLI.replace("{stop}", ""), "lab.py") == {}


PY_SDK = """\
import sys
from azure.servicemanagement import LinuxConfigurationSet, OSVirtualHardDisk, ServiceManagementService
{usage}
sms = ServiceManagementService("sub", "cert.pem")
disk = OSVirtualHardDisk("img", "https://acct1.blob.core.windows.net/vhds/lab2.vhd")
config = LinuxConfigurationSet("lab2", "u", "p")
sms.create_virtual_machine_deployment("svc2", "svc2", "production", "svc2", "lab2", config, disk)
{stop}
sms.delete_hosted_service("svc2", complete=True)
"""
KEEP = 'if sys.argv[1:] == ["--keep"]:\n    sys.exit(0)'
USAGE = "if len(sys.argv) < 2:\n    sys.exit(1)"


def test_a_python_sdk_teardown_after_a_conditional_exit_keeps_the_estate() -> None:
    script = PY_SDK.replace("{usage}", "").replace("{stop}", KEEP)
    assert _services(script, "lab.py") == {"svc2": ["lab2"]}


def test_a_python_sdk_teardown_after_a_usage_check_before_the_build_removes_it() -> None:
    script = PY_SDK.replace("{usage}", USAGE).replace("{stop}", "")
    assert _services(script, "lab.py") == {}


PS = """\
param([switch]$Keep)
New-AzureQuickVM -Windows -ServiceName svc2 -Name lab2 -ImageName img -Password 'x' -AdminUsername u -Location "West US"
if ($Keep) { exit 0 }
Remove-AzureService -ServiceName svc2 -DeleteAll -Force
"""


def test_a_powershell_teardown_after_a_conditional_exit_keeps_the_estate() -> None:
    assert _services(PS, "lab.ps1") == {"svc2": ["lab2"]}


PS_VMS = """\
param([switch]$Keep)
New-AzureStorageAccount -StorageAccountName acct1 -Location "West US" -Type Premium_LRS
New-AzureQuickVM -Windows -ServiceName svc2 -Name lab2 -ImageName img -Password 'x' -AdminUsername u -Location "West US"
{stop}
New-AzureQuickVM -Windows -ServiceName svc2 -Name lab1 -ImageName img -Password 'x' -AdminUsername u
Remove-AzureVM -ServiceName svc2 -Name {removed}
Remove-AzureStorageAccount -StorageAccountName acct1
"""


@pytest.mark.parametrize("stop", ["if ($Keep) { return }", "return"])
def test_a_powershell_teardown_removes_a_vm_created_past_the_stop(stop: str) -> None:
    script = PS_VMS.replace("{stop}", stop).replace("{removed}", "lab1")
    assert _services(script, "lab.ps1") == {"svc2": ["lab2"]}


@pytest.mark.parametrize("stop", ["if ($Keep) { return }", "return"])
def test_a_powershell_teardown_keeps_a_vm_created_before_the_stop(stop: str) -> None:
    script = PS_VMS.replace("{stop}", stop).replace("{removed}", "lab2")
    assert _services(script, "lab.ps1") == {"svc2": ["lab2", "lab1"]}


def _account_types(text: str) -> dict[str, str]:
    return {
        r.name: r.account_type for r in script_resources(text, "lab.ps1") if isinstance(r, StorageAccountType)
    }


@pytest.mark.parametrize("stop", ["if ($Keep) { return }", "return"])
def test_a_powershell_teardown_after_a_stop_keeps_the_storage_account_s_type(stop: str) -> None:
    script = PS_VMS.replace("{stop}", stop).replace("{removed}", "lab1")
    assert _account_types(script) == {"acct1": "Premium_LRS"}
    assert _account_types(PS_VMS.replace("{stop}", "").replace("{removed}", "lab1")) == {}


SH_VMS = """\
azure vm create svc2 img u p -n lab2 -l "West US"
{stop}
azure vm create svc2 img u p -n lab1 --connect
azure vm delete {removed} -d svc2 -q
"""


@pytest.mark.parametrize("stop", ['[ "$1" = --keep ] && exit 0', 'if [ "$1" = --keep ]; then exit 0; fi'])
def test_a_shell_teardown_deletes_a_vm_created_past_the_stop(stop: str) -> None:
    script = SH_VMS.replace("{stop}", stop).replace("{removed}", "lab1")
    assert _services(script, "lab.sh") == {"svc2": ["lab2"]}


@pytest.mark.parametrize("stop", ['[ "$1" = --keep ] && exit 0', 'if [ "$1" = --keep ]; then exit 0; fi'])
def test_a_shell_teardown_keeps_a_vm_created_before_the_stop(stop: str) -> None:
    script = SH_VMS.replace("{stop}", stop).replace("{removed}", "lab2")
    assert _services(script, "lab.sh") == {"svc2": ["lab2", "lab1"]}


def test_a_shell_deletion_in_a_branch_past_the_stop_keeps_the_vm() -> None:
    script = SH_VMS.replace("{stop}", '[ "$1" = --keep ] && exit 0').replace(
        "azure vm delete {removed} -d svc2 -q", 'if [ -n "$2" ]; then azure vm delete lab1 -d svc2 -q; fi'
    )
    assert _services(script, "lab.sh") == {"svc2": ["lab2", "lab1"]}


PY_CLI_VMS = """\
import subprocess
import sys

subprocess.check_call(["azure", "vm", "create", "svc2", "img", "u", "p", "-n", "lab2", "-l", "West US"])
if sys.argv[1:] == ["--keep"]:
    sys.exit(0)
subprocess.check_call(["azure", "vm", "create", "svc2", "img", "u", "p", "-n", "lab1", "--connect"])
subprocess.check_call(["azure", "vm", "delete", "lab1", "-d", "svc2", "-q"])
"""


def test_a_python_teardown_of_the_classic_cli_deletes_a_vm_created_past_the_stop() -> None:
    assert _services(PY_CLI_VMS, "lab.py") == {"svc2": ["lab2"]}


PY_SDK_VMS = """\
import sys
from azure.servicemanagement import LinuxConfigurationSet, OSVirtualHardDisk, ServiceManagementService
sms = ServiceManagementService("sub", "cert.pem")
config = LinuxConfigurationSet("lab", "u", "p")
disk2 = OSVirtualHardDisk("img", "https://acct1.blob.core.windows.net/vhds/lab2.vhd")
sms.create_virtual_machine_deployment("svc2", "svc2", "production", "svc2", "lab2", config, disk2)
if sys.argv[1:] == ["--keep"]:
    sys.exit(0)
disk1 = OSVirtualHardDisk("img", "https://acct1.blob.core.windows.net/vhds/lab1.vhd")
sms.add_role("svc2", "svc2", "lab1", config, disk1)
sms.delete_role("svc2", "svc2", "{removed}")
"""


@pytest.mark.parametrize(("removed", "kept"), [("lab1", ["lab2"]), ("lab2", ["lab2", "lab1"])])
def test_a_python_sdk_teardown_deletes_a_vm_by_where_it_is_created(removed: str, kept: list[str]) -> None:
    assert _services(PY_SDK_VMS.replace("{removed}", removed), "lab.py") == {"svc2": kept}


def test_a_shell_teardown_deletes_a_service_whose_vms_are_all_created_past_the_stop() -> None:
    script = (
        f"{SH_BUILD}"
        '[ "$1" = --keep ] && exit 0\n'
        'azure vm create svc3 img u p -n lab3 -l "West US"\n'
        "azure service delete svc3 -q\n"
        f"{SH_TEARDOWN}"
    )
    assert _services(script, "lab.sh") == {"svc2": ["lab2"]}
