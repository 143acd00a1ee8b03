"""A lab script builds its estate, stops (`return`, `exit`, `break` at its top level) and then holds the
teardown to run when the lab is done (`#region Cleanup`: Remove-AzureService -DeleteAll,
Remove-AzureStorageAccount). The teardown is no part of the run that builds the estate: what the script
builds before the stop is still described, and planned, where the plan was silently empty. In PowerShell the
section after the stop is still read, as a selection run after the others (a finding about what it creates
is reported); in a shell script, whose `exit` ends it, as code that may not run; in Python, after
`sys.exit()`, as code that never runs."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import Deployment

BUILD = (
    "New-AzureService -ServiceName 'svc1' -Location 'West US'\n"
    "$vm = New-AzureVMConfig -Name 'vm1' -InstanceSize Small -ImageName 'img' "
    "-MediaLocation 'https://acct1.blob.core.windows.net/vhds/vm1.vhd'\n"
    "New-AzureVM -ServiceName 'svc1' -VMs $vm\n"
)
TEARDOWN = (
    "#region Cleanup\n"
    "Remove-AzureVM -ServiceName 'svc1' -Name 'vm1' -DeleteVHD\n"
    "Remove-AzureService -ServiceName 'svc1' -Force -DeleteAll\n"
    "Remove-AzureStorageAccount -StorageAccountName 'acct1'\n"
    "#endregion\n"
)


def _vms(text: str, path: str) -> dict[str, list[str]]:
    return {
        d.service_name: [role.name for role in d.roles]
        for d in script_resources(text, path)
        if isinstance(d, Deployment) and not d.deleted
    }


@pytest.mark.parametrize("stop", ["exit", "return", "break", "exit 0"])
def test_a_powershell_teardown_after_a_stop_leaves_the_estate_described(stop):
    assert _vms(f"{BUILD}{stop}\n{TEARDOWN}", "lab.ps1") == {"svc1": ["vm1"]}


def test_the_same_teardown_without_the_stop_deletes_it():
    assert _vms(BUILD + TEARDOWN, "lab.ps1") == {}


def test_a_section_past_the_stop_still_deletes_what_it_creates_itself():
    """Each selection runs in order: one that creates a deployment and removes it leaves none."""
    section = (
        BUILD.replace("svc1", "svc2").replace("vm1", "vm2") + "Remove-AzureService -ServiceName 'svc2'\n"
    )
    assert _vms(f"{BUILD}return\n{section}", "lab.ps1") == {"svc1": ["vm1"]}


SH_BUILD = 'azure vm create svc1 img user pass --vm-name vm1 --location "West US"\n'
SH_TEARDOWN = "azure vm delete vm1 --dns-name svc1 --blob-delete --quiet\nazure service delete svc1 --quiet\n"


def test_a_shell_teardown_after_exit_leaves_the_estate_described():
    assert _vms(f"{SH_BUILD}exit 0\n{SH_TEARDOWN}", "lab.sh") == {"svc1": ["vm1"]}
    assert _vms(SH_BUILD + SH_TEARDOWN, "lab.sh") == {}


def test_what_a_shell_script_creates_after_exit_is_still_read():
    made = _vms(f"{SH_BUILD}exit\n{SH_BUILD.replace('svc1', 'svc2').replace('vm1', 'vm2')}", "lab.sh")
    assert made == {"svc1": ["vm1"], "svc2": ["vm2"]}


def test_an_exit_in_a_shell_function_or_child_shell_ends_no_script():
    guarded = f"{SH_BUILD}fail() {{ exit 1; }}\n( exit 1 )\necho done | exit 1\nx=$(exit 1)\n{SH_TEARDOWN}"
    assert _vms(guarded, "lab.sh") == {}


PY_BUILD = """\
import sys
from azure.servicemanagement import LinuxConfigurationSet, OSVirtualHardDisk, ServiceManagementService
sms = ServiceManagementService("sub", "cert.pem")
disk = OSVirtualHardDisk("img", "https://acct1.blob.core.windows.net/vhds/vm1.vhd")
config = LinuxConfigurationSet("vm1", "u", "p")
sms.create_virtual_machine_deployment("svc1", "svc1", "production", "svc1", "vm1", config, disk)
"""
PY_TEARDOWN = 'sms.delete_deployment("svc1", "svc1")\nsms.delete_hosted_service("svc1")\n'


def test_a_python_teardown_after_sys_exit_leaves_the_estate_described():
    assert _vms(f"{PY_BUILD}sys.exit(0)\n{PY_TEARDOWN}", "lab.py") == {"svc1": ["vm1"]}
    assert _vms(PY_BUILD + PY_TEARDOWN, "lab.py") == {}
