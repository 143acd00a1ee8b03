"""`add_role` adds a VM to a deployment that exists when it runs: the VM joins that deployment's network,
which no file states unless the script's own creation of it surely runs first. So where the script either
adds to the deployment or creates it in no virtual network (on two branches, or creating it after), its
VMs may be in none, as MIG105 says at the call that creates it, as the PowerShell reader reads New-AzureVM
without and with -Location, and as the estate joins the two calls of one `**record`
(tests/test_estate_one_deployment_however_many_script_branches_describe_it.py). `update_role` changes a VM
of a deployment that exists alike. A creation that surely runs first says the network of the VMs added
after; a lone `add_role` says nothing of it."""

from __future__ import annotations

import pytest
from lint_support import lint_files

HEAD = """\
import sys
from azure.servicemanagement import ServiceManagementService, OSVirtualHardDisk, LinuxConfigurationSet

sms = ServiceManagementService("sub", "cert.pem")
disk = OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/vm2.vhd")
conf = LinuxConfigurationSet("vm2", "user", "pw", True)
"""
ADD = 'sms.add_role("svc", "dep", "vm2", conf, disk, role_size="Small")\n'
UPDATE = 'sms.update_role("svc", "dep", "vm2", role_size="Medium")\n'
CREATE = (
    'sms.create_virtual_machine_deployment("svc", "dep", "production", "dep", "vm2", conf, disk, '
    'role_size="Small"{vnet})\n'
)
IN_NONE = CREATE.format(vnet="")

ADDED_OR_CREATED = HEAD + "if len(sys.argv) > 1:\n    " + ADD + "else:\n    " + IN_NONE

NEW_OR_EXISTING_SERVICE_PS1 = """\
$vm = New-AzureVMConfig -Name 'vm2' -InstanceSize Small -ImageName 'img'
if ($args.Count -gt 0) {
    New-AzureVM -ServiceName 'svc' -VMs $vm
} else {
    New-AzureVM -ServiceName 'svc' -Location 'West Europe' -VMs $vm
}
"""


def _lint(tmp_path, monkeypatch, script: str, name: str = "add.py"):
    return lint_files(tmp_path, monkeypatch, {name: script}, "MIG105", "MIG203", dedent=False)


def _mig105(result) -> list[tuple[int, str]]:
    return [
        (f.location.line, f.message.split(": ", 1)[0].split("' ")[-1])
        for f in result.findings
        if f.code == "MIG105" and f.location
    ]


def _line_of(script: str, text: str) -> int:
    return script.count("\n", 0, script.index(text)) + 1


def _only_placement(result):
    (service,) = result.estate.cloud_services
    (placement,) = service.placements
    return placement


def test_adding_to_a_deployment_or_creating_it_in_none_may_be_in_none_at_the_creation(
    tmp_path, monkeypatch
) -> None:
    result = _lint(tmp_path, monkeypatch, ADDED_OR_CREATED)
    placement = _only_placement(result)
    assert not placement.network_known and placement.virtual_network is None
    created_at = _line_of(ADDED_OR_CREATED, "sms.create_virtual_machine_deployment")
    assert _mig105(result) == [(created_at, "may be in no virtual network")]


def test_the_powershell_form_reads_alike(tmp_path, monkeypatch) -> None:
    read = []
    for name, script in (("add.py", ADDED_OR_CREATED), ("add.ps1", NEW_OR_EXISTING_SERVICE_PS1)):
        result = _lint(tmp_path / name, monkeypatch, script, name)
        placement = _only_placement(result)
        (vm,) = placement.vms
        read.append(
            (
                placement.network_known,
                placement.virtual_network,
                vm.name,
                vm.absent_on_some_path("virtual_network") is not None,
                [message for _, message in _mig105(result)],
            )
        )
    assert read[0] == read[1] == (False, None, "vm2", True, ["may be in no virtual network"])


@pytest.mark.parametrize(
    "body",
    [ADD, "if len(sys.argv) > 1:\n    " + ADD, ADD + "sys.exit(0)\n"],
    ids=["alone", "on-a-branch", "then-exit"],
)
def test_a_lone_add_role_says_nothing_of_the_network(tmp_path, monkeypatch, body) -> None:
    result = _lint(tmp_path, monkeypatch, HEAD + body)
    assert _mig105(result) == []
    assert not _only_placement(result).network_known


@pytest.mark.parametrize(
    "body",
    [
        IN_NONE + ADD.replace("vm2", "vm3"),
        "def main():\n    " + IN_NONE + "    " + ADD.replace("vm2", "vm3") + "main()\n",
        "try:\n    " + IN_NONE + "    " + ADD.replace("vm2", "vm3") + "except Exception:\n    pass\n",
        "def create_vm():\n    "
        + IN_NONE
        + "def add_vm():\n    "
        + ADD.replace("vm2", "vm3")
        + "create_vm()\nadd_vm()\n",
    ],
    ids=["module", "function", "try", "helpers"],
)
def test_adding_after_a_creation_that_surely_runs_first_is_in_its_network(
    tmp_path, monkeypatch, body
) -> None:
    script = HEAD + body
    result = _lint(tmp_path, monkeypatch, script)
    placement = _only_placement(result)
    assert placement.network_known and placement.virtual_network is None
    assert [vm.name for vm in placement.vms] == ["vm2", "vm3"]
    assert not any(vm.absent_on_some_paths for vm in placement.vms)
    assert [message for _, message in _mig105(result)] == ["is in no virtual network"]


@pytest.mark.parametrize(
    "body",
    [
        ADD + IN_NONE,
        "if len(sys.argv) > 1:\n    " + IN_NONE + ADD.replace("vm2", "vm3"),
        "if len(sys.argv) > 1:\n    " + ADD + "    sys.exit(0)\n" + IN_NONE,
        "try:\n    " + IN_NONE + "except Exception:\n    pass\n" + ADD.replace("vm2", "vm3"),
        "try:\n    " + IN_NONE + "except Exception:\n    " + ADD.replace("vm2", "vm3"),
        "def create_vm():\n    if len(sys.argv) > 2:\n        return\n    "
        + IN_NONE
        + "def add_vm():\n    "
        + ADD.replace("vm2", "vm3")
        + "create_vm()\nadd_vm()\n",
        "def create_vm():\n    "
        + IN_NONE
        + "def add_vm():\n    "
        + ADD.replace("vm2", "vm3")
        + "if len(sys.argv) > 2:\n    create_vm()\nadd_vm()\n",
    ],
    ids=[
        "added-first",
        "created-on-a-branch",
        "added-on-a-guard",
        "created-in-a-try",
        "added-in-its-handler",
        "helper-that-may-return-first",
        "helper-called-on-a-branch",
    ],
)
def test_adding_where_the_creation_may_not_have_run_may_be_in_none(tmp_path, monkeypatch, body) -> None:
    script = HEAD + body
    result = _lint(tmp_path, monkeypatch, script)
    assert not _only_placement(result).network_known
    created_at = _line_of(script, "sms.create_virtual_machine_deployment")
    assert _mig105(result) == [(created_at, "may be in no virtual network")]


def test_updating_a_vm_or_creating_it_in_none_may_be_in_none(tmp_path, monkeypatch) -> None:
    script = HEAD + "if len(sys.argv) > 1:\n    " + UPDATE + "else:\n    " + IN_NONE
    result = _lint(tmp_path, monkeypatch, script)
    created_at = _line_of(script, "sms.create_virtual_machine_deployment")
    assert _mig105(result) == [(created_at, "may be in no virtual network")]


def test_updating_a_vm_after_its_creation_is_in_its_network(tmp_path, monkeypatch) -> None:
    result = _lint(tmp_path, monkeypatch, HEAD + IN_NONE + UPDATE)
    assert [message for _, message in _mig105(result)] == ["is in no virtual network"]


def test_a_network_the_creation_names_is_kept(tmp_path, monkeypatch) -> None:
    script = (
        HEAD
        + "if len(sys.argv) > 1:\n    "
        + ADD
        + "else:\n    "
        + CREATE.format(vnet=', virtual_network_name="prod"')
    )
    result = _lint(tmp_path, monkeypatch, script)
    placement = _only_placement(result)
    assert placement.network_known and placement.virtual_network.name == "prod"
    assert _mig105(result) == []
