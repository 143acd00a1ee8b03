"""`azure vm create-from <dns-name> <role-file> [-w vnet]` creates the VM its role file describes (the JSON
`azure vm export` writes) in cloud service <dns-name>, on network -w, or in none: MIG203 when the checked
role file names no subnet and -w puts the VM in a network, MIG105 without -w, one VM in the plan (not a
service of the role file's own beside the script's), as PowerShell's `Import-AzureVM | New-AzureVM` of an
Export-AzureVM file. A role file that is not checked leaves the VM's subnets unknown: no MIG203."""

from __future__ import annotations

import json

from lint_support import APP_VNET_TWO_SUBNETS_NETCFG, lint_files, where

from migcheck.plan import build_plan


def role_file(*subnets: str, name: str = "restored1") -> str:
    network = {
        "ConfigurationSetType": "NetworkConfiguration",
        "InputEndpoints": [{"LocalPort": 22, "Name": "ssh", "Port": 22, "Protocol": "tcp"}],
        "SubnetNames": list(subnets),
    }
    role = {
        "RoleName": name,
        "RoleType": "PersistentVMRole",
        "RoleSize": "Small",
        "ConfigurationSets": [network],
        "OSVirtualHardDisk": {"DiskName": f"{name}-os", "OS": "Linux"},
    }
    return json.dumps(role, indent=1) + "\n"


def restore(options: str = "-w app-vnet", role: str = "role.json") -> str:
    return f'azure config mode asm\nazure vm create-from restored-svc {role} {options} --location "West Europe"\n'


def check(tmp_path, monkeypatch, files: dict[str, str], *codes: str):
    files = {"NetworkConfig.netcfg": APP_VNET_TWO_SUBNETS_NETCFG, **files}
    return lint_files(tmp_path, monkeypatch, files, *codes)


def vms_by_service(result) -> dict[str, list[str]]:
    return {s.name: [vm.name for vm in s.vms] for s in result.estate.cloud_services}


def test_a_role_file_with_no_subnet_on_the_network_the_command_names(tmp_path, monkeypatch):
    result = check(tmp_path, monkeypatch, {"restore.sh": restore(), "role.json": role_file()}, "MIG203")
    assert where(result.findings) == ["MIG203 role.json:16:19"]  # its empty SubnetNames
    assert "VM 'restored1' of cloud service 'restored-svc' is in virtual network 'app-vnet'" in (
        result.findings[0].message
    )
    assert vms_by_service(result) == {"restored-svc": ["restored1"]}


def test_a_role_file_in_one_subnet_is_in_order(tmp_path, monkeypatch):
    files = {"restore.sh": restore(), "role.json": role_file("data")}
    result = check(tmp_path, monkeypatch, files, "MIG203", "MIG202", "MIG105")
    assert where(result.findings) == []
    (service,) = result.estate.cloud_services
    assert (service.name, [ref.name for ref in service.virtual_network_refs]) == (
        "restored-svc",
        ["app-vnet"],
    )
    assert [[ref.name for ref in vm.subnets] for vm in service.vms] == [["data"]]


def test_without_a_network_the_vm_is_in_none(tmp_path, monkeypatch):
    files = {"restore.sh": restore(options=""), "role.json": role_file()}
    result = check(tmp_path, monkeypatch, files, "MIG105", "MIG203")
    assert where(result.findings) == ["MIG105 restore.sh:2:1"]
    assert "deployment 'restored-svc' of cloud service 'restored-svc' is in no virtual network" in (
        result.findings[0].message
    )
    assert "'restored1'" in result.findings[0].message


def test_a_role_file_not_checked_leaves_the_subnets_unknown(tmp_path, monkeypatch):
    result = check(tmp_path, monkeypatch, {"restore.sh": restore(role="roles/restored1.json")}, "MIG203")
    assert where(result.findings) == []
    (service,) = result.estate.cloud_services
    assert service.name == "restored-svc"
    assert [ref.name for ref in service.virtual_network_refs] == ["app-vnet"]
    assert len(service.vms) == 1


def test_the_plan_holds_the_vm_once_in_its_network(tmp_path, monkeypatch):
    result = check(tmp_path, monkeypatch, {"restore.sh": restore(), "role.json": role_file("web")})
    (plan,) = build_plan(result).subscriptions
    (network,) = [step for step in plan.steps if step.id == "network:app-vnet"]
    assert [move for move in network.moves if "cloud service" in move] == [
        "cloud service 'restored-svc': VMs restored1"
    ]
