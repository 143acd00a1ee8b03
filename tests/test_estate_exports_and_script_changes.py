"""Linking what an inventory export says of a VM with what the repository's scripts do to it, reading what
a `Get-AzureVM` export cut short by `ConvertTo-Json` still says, and the disks inside a role body that does
not name its role.

An export is the VM as it is (a snapshot); a script's change to an existing VM (`Get-AzureVM | ... |
Update-AzureVM`, `update_role`) is what will be run, or was: its changes apply on top of the export."""

from __future__ import annotations

import json

from lint_support import graph_vm, lint_files, where

MODEL = "Microsoft.WindowsAzure.Commands.ServiceManagement.Model"


def _network_set(subnets: list[str]) -> dict:
    return {
        "ConfigurationSetType": "NetworkConfiguration",
        "InputEndpoints": [],
        "SubnetNames": subnets,
        "StaticVirtualNetworkIPAddress": None,
        "PublicIPs": [],
        "NetworkInterfaces": [],
    }


def _context(
    name: str,
    service: str = "fab-etl",
    *,
    subnets: list[str] | None = None,
    availability_set: str | None = None,
    status: str = "ReadyRole",
    vnet: str | None = "fab-vnet",
) -> dict:
    """A `PersistentVMRoleContext` as `Get-AzureVM | ConvertTo-Json -Depth 10` writes it: VM `name` of
    `service`, in subnet `etl` of `fab-vnet` unless told otherwise."""
    vm = {
        "AvailabilitySetName": availability_set,
        "ConfigurationSets": [_network_set(["etl"] if subnets is None else subnets)],
        "DataVirtualHardDisks": [],
        "OSVirtualHardDisk": {
            "DiskName": f"{name}-os",
            "MediaLink": f"https://fabvhds01.blob.core.windows.net/vhds/{name}-os.vhd",
            "IOType": "Standard",
        },
        "RoleName": name,
        "RoleSize": "Medium",
        "RoleType": "PersistentVMRole",
        "ResourceExtensionReferences": [],
        "DebugSettings": {"BootDiagnosticsEnabled": False},
    }
    return {
        "AvailabilitySetName": availability_set,
        "DeploymentName": service,
        "GuestAgentStatus": {"Status": "Ready"},
        "InstanceSize": "Medium",
        "InstanceStatus": status,
        "Name": name,
        "ResourceExtensionStatusList": [],
        "ServiceName": service,
        "Status": status,
        "VirtualNetworkName": vnet,
        "VM": vm,
        "OperationDescription": "Get-AzureVM",
    }


def _json(value: object) -> str:
    """As Windows PowerShell's ConvertTo-Json separates keys from values."""
    return json.dumps(value, indent=4, separators=(",", ":  ")) + "\n"


def _at(text: str, needle: str, after: str = "") -> str:
    """`line:column` of the first `needle` in `text` after `after`."""
    at = text.index(needle, text.index(after))
    return f"{text.count(chr(10), 0, at) + 1}:{at - (text.rfind(chr(10), 0, at) + 1) + 1}"


SET_SUBNETS = """\
Import-Module Azure
Get-AzureVM -ServiceName "fab-etl" -Name "etl01" |
    Set-AzureSubnet -SubnetNames {subnets} |
    Update-AzureVM
"""

ADD_NIC = """\
Import-Module Azure
Get-AzureVM -ServiceName "fab-etl" -Name "etl01" |
    Add-AzureNetworkInterfaceConfig -Name "nic-storage" -SubnetName "storage" -StaticVNetIPAddress "10.10.4.10" |
    Update-AzureVM
"""


# --- a script's change on top of an exported VM ----------------------------------------------------------


def test_a_script_that_puts_an_exported_vm_in_two_subnets_is_mig202(tmp_path, monkeypatch):
    files = {
        "a.ps1": SET_SUBNETS.format(subnets='"etl", "storage"'),
        "etl01.json": _json(_context("etl01")),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", "MIG004", dedent=False)
    assert where(result.findings) == ["MIG202 a.ps1:3:41"]


def test_a_script_that_adds_a_network_interface_in_another_subnet_is_mig202(tmp_path, monkeypatch):
    files = {"add-nic.ps1": ADD_NIC, "etl01.json": _json(_context("etl01"))}
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", "MIG004", dedent=False)
    assert [(f.code, f.location.path) for f in result.findings] == [("MIG202", "add-nic.ps1")]
    assert "etl, storage" in result.findings[0].message


def test_a_script_that_puts_an_exported_vm_in_one_subnet_fixes_the_export(tmp_path, monkeypatch):
    files = {
        "a.ps1": SET_SUBNETS.format(subnets='"etl"'),
        "etl01.json": _json(_context("etl01", subnets=["etl", "storage"])),
    }
    assert lint_files(tmp_path, monkeypatch, files, "MIG202", "MIG004", dedent=False).findings == []
    # Without the script, the export alone is MIG202.
    (tmp_path / "a.ps1").unlink()
    alone = lint_files(tmp_path, monkeypatch, {}, "MIG202", dedent=False)
    assert [f.location.path for f in alone.findings] == ["etl01.json"]


def test_a_script_change_on_top_of_a_resource_graph_row(tmp_path, monkeypatch):
    row = graph_vm("5f1c2a3b-0000-4c1d-9e8f-123456789abc", "fab-etl", "etl01", vnet="fab-vnet", subnet="etl")
    files = {"a.ps1": SET_SUBNETS.format(subnets='"etl", "storage"'), "classic.json": _json([row])}
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", "MIG004", dedent=False)
    assert where(result.findings) == ["MIG202 a.ps1:3:41"]


def test_what_the_change_does_not_state_stays_as_exported(tmp_path, monkeypatch):
    """A subnet change keeps the export's availability set, runtime state and disks."""
    files = {
        "a.ps1": SET_SUBNETS.format(subnets='"etl"'),
        "etl01.json": _json(
            [
                _context("etl01", availability_set="etl-as", status="RoleStateUnknown"),
                _context("etl02", availability_set="other-as"),
            ]
        ),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG102", "MIG208", "MIG402", dedent=False)
    assert sorted(f.code for f in result.findings) == ["MIG102", "MIG208"]
    [service] = result.estate.cloud_services
    etl01 = next(vm for vm in service.vms if vm.name == "etl01")
    assert etl01.availability_set == "etl-as" and [d.name for d in etl01.disks] == ["etl01-os"]
    assert not etl01.changes_existing


# --- a Get-AzureVM export written at the default -Depth ----------------------------------------------------


def _depth_2(context: dict, *, extensions_cut: bool = False) -> dict:
    """A context as `Get-AzureVM | ConvertTo-Json` writes it at the default depth: the items of the VM's
    lists and its nested objects written as their .NET type names."""
    vm = dict(context["VM"])
    vm["ConfigurationSets"] = [f"{MODEL}.NetworkConfigurationSet"]
    vm["OSVirtualHardDisk"] = f"{MODEL}.OSVirtualHardDisk"
    vm["DebugSettings"] = f"{MODEL}.DebugSettings"
    if extensions_cut:
        vm["ResourceExtensionReferences"] = f"{MODEL}.ResourceExtensionReference"
    return {**context, "VM": vm}


def test_an_export_cut_short_still_says_sets_and_state(tmp_path, monkeypatch):
    vms = [
        _depth_2(_context("app01", "fab-app", availability_set="app-as")),
        _depth_2(_context("app02", "fab-app", availability_set="jobs-as", status="RoleStateUnknown")),
    ]
    text = _json(vms)
    result = lint_files(tmp_path, monkeypatch, {"vms.json": text}, dedent=False)
    first_ends = '"OperationDescription"'  # the last key of the first object
    assert where(result.findings) == [
        "MIG001 vms.json:" + _at(text, f'"{MODEL}.NetworkConfigurationSet"'),
        "MIG102 vms.json:" + _at(text, '"jobs-as"', first_ends),
        "MIG208 vms.json:" + _at(text, '"RoleStateUnknown"', first_ends),
    ]
    cut = result.findings[0]
    assert "'VM.ConfigurationSets'" in cut.message and "what was cut of 2 VMs" in cut.message
    assert "ConvertTo-Json -Depth 100" in cut.fix


def test_an_export_cut_short_keeps_the_rules_about_what_was_cut_silent(tmp_path, monkeypatch):
    """Subnets, endpoints and extensions are cut: no MIG203 for a VM in a network with no subnet known,
    and nothing else but the one warning about the cut."""
    vms = [
        _depth_2(_context(n, "fab-app", availability_set="app-as"), extensions_cut=True)
        for n in ("app01", "app02")
    ]
    text = _json(vms)
    result = lint_files(tmp_path, monkeypatch, {"vms.json": text}, dedent=False)
    assert [f.code for f in result.findings] == ["MIG001"]
    [service] = result.estate.cloud_services
    assert sorted(vm.name for vm in service.vms) == ["app01", "app02"]
    assert all({"subnets", "endpoints", "extensions"} <= vm.unknown for vm in service.vms)


def test_an_export_cut_short_still_says_which_vms_are_in_no_network(tmp_path, monkeypatch):
    text = _json([_depth_2(_context("app01", "fab-app", vnet=None))])
    result = lint_files(tmp_path, monkeypatch, {"vms.json": text}, "MIG105", "MIG001", dedent=False)
    assert sorted(f.code for f in result.findings) == ["MIG001", "MIG105"]


def test_a_vm_cut_short_as_a_whole_is_read_from_its_context(tmp_path, monkeypatch):
    """`-Depth 1`: the VM itself is a type name; its state is still on the context."""
    context = {**_context("app01", status="RoleStateUnknown"), "VM": f"{MODEL}.PersistentVM"}
    text = _json([context])
    result = lint_files(tmp_path, monkeypatch, {"vms.json": text}, dedent=False)
    assert sorted(where(result.findings)) == sorted(
        [
            "MIG208 vms.json:" + _at(text, '"RoleStateUnknown"'),
            "MIG001 vms.json:" + _at(text, f'"{MODEL}.PersistentVM"'),
        ]
    )
    cut = next(f for f in result.findings if f.code == "MIG001")
    assert "'VM' is written as" in cut.message and "what was cut of 1 VM " in cut.message


# --- a role body that does not name its role ----------------------------------------------------------------

ROLE_BODY = """\
<PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
  <ConfigurationSets>
    <ConfigurationSet>
      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
      <SubnetNames><SubnetName>mgmt</SubnetName></SubnetNames>
    </ConfigurationSet>
  </ConfigurationSets>
  <OSVirtualHardDisk>
    <MediaLink>https://fabvhds03.blob.core.windows.net/vhds/mgmt01-os.vhd</MediaLink>
  </OSVirtualHardDisk>
</PersistentVMRole>
"""

PERFORM_PUT = '''\
from azure.servicemanagement import ServiceManagementService

SUB = "5f1c2a3b-0000-4c1d-9e8f-123456789abc"
sms = ServiceManagementService(SUB, "management.pem")

ROLE_XML = """<PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure">
  <DebugSettings>
    <BootDiagnosticsEnabled>true</BootDiagnosticsEnabled>
  </DebugSettings>
  <OSVirtualHardDisk>
    <MediaLink>https://fabpremium03.blob.core.windows.net/vhds/mgmt01-os.vhd</MediaLink>
  </OSVirtualHardDisk>
</PersistentVMRole>"""

sms.create_storage_account("fabpremium03", "premium", "fabpremium03", location="North Europe", account_type="Premium_LRS")
sms.perform_put("/%s/services/hostedservices/fab-mgmt/deployments/fab-mgmt/roles/mgmt01" % SUB, ROLE_XML)
'''


def test_the_disk_of_a_role_body_without_a_role_name_is_attached_to_that_role(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"role.xml": ROLE_BODY}, "MIG402", dedent=False)
    assert result.findings == []
    [disk] = result.estate.disks
    assert disk.attached_to and result.estate.vm_of(disk) is not None


def test_the_disk_of_a_role_body_put_by_url_is_attached_to_the_role_the_url_names(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"mgmt.py": PERFORM_PUT}, "MIG402", "MIG205", dedent=False)
    assert [f.code for f in result.findings] == ["MIG205"]
    [disk] = result.estate.disks
    assert disk.attached_to == "mgmt01"


def test_a_disk_listed_on_its_own_is_still_unattached(tmp_path, monkeypatch):
    disks = """\
<Disks xmlns="http://schemas.microsoft.com/windowsazure">
  <Disk>
    <MediaLink>https://fabvhds03.blob.core.windows.net/vhds/spare.vhd</MediaLink>
    <Name>spare</Name>
  </Disk>
</Disks>
"""
    result = lint_files(
        tmp_path, monkeypatch, {"role.xml": ROLE_BODY, "disks.xml": disks}, "MIG402", dedent=False
    )
    assert [(f.code, f.location.path) for f in result.findings] == [("MIG402", "disks.xml")]


def test_a_slash_in_the_blob_of_a_role_body_that_does_not_name_its_role(tmp_path, monkeypatch):
    body = ROLE_BODY.replace("vhds/mgmt01-os.vhd", "vhds/archive/mgmt01-os.vhd")
    assert "archive/" in body
    [finding] = lint_files(tmp_path, monkeypatch, {"role.xml": body}, "MIG401", dedent=False).findings
    assert finding.message.startswith("a VM its body does not name in ")


def test_a_change_script_read_before_the_deployment_takes_none_of_its_facts(tmp_path, monkeypatch):
    """`a-change.ps1` comes first in file order: its change to web01 applies to the VM, while the
    deployment's network, reserved IP and endpoints are those its REST body states."""
    deployment = (
        '<Deployment xmlns="http://schemas.microsoft.com/windowsazure">\n'
        "  <Name>shop</Name>\n"
        "  <Url>http://shop.cloudapp.net/</Url>\n"
        "  <RoleList><Role><RoleName>web01</RoleName><RoleType>PersistentVMRole</RoleType></Role></RoleList>\n"
        "  <ReservedIPName>shop-ip</ReservedIPName>\n"
        "</Deployment>\n"
    )
    change = 'Get-AzureVM -ServiceName "shop" -Name "web01" | Remove-AzureAclConfig -EndpointName "HTTPS" | Update-AzureVM\n'
    files = {"a-change.ps1": change, "shop.xml": deployment}
    result = lint_files(tmp_path, monkeypatch, files, "MIG105", "MIG106")
    assert where(result.findings) == ["MIG105 shop.xml:1:1", "MIG106 shop.xml:5:19"]
