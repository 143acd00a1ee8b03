"""Facts of one cloud service that two files state, joined whatever file describes it: a reserved IP an
inventory export attaches to a cloud service, and a data disk a script removes from a VM another script
creates.

A reserved IP of a Resource Graph export (`attachedTo`, the service's `domainNames` id) is on the deployment
of that service, whether the export's own rows, a `Get-AzureVM` export, a REST body, an Export-AzureVM file
or a script describe it: MIG106 reports it, once, at the export's row, when the deployment has no input
endpoint. A script's `Get-AzureVM | Remove-AzureDataDisk -LUN n | Update-AzureVM` takes the disk at that LUN
off the VM another script creates, when the removal surely runs."""

from __future__ import annotations

import json

import pytest
from lint_support import graph_page, graph_reserved_ip, graph_vm, lint_files, where

from migcheck.model import Deployment
from migcheck.readers import read_document

SUBSCRIPTION = "11111111-2222-3333-4444-555555555555"


def _reserved_ip_export(service: str = "fab-batch") -> str:
    """A Resource Graph export of one classic reserved IP, attached to the Production slot of `service`."""
    return graph_page(graph_reserved_ip(SUBSCRIPTION, "fab-batch-ip", service, slot="Production"), indent=4)


# Where the export's row writes the reserved IP's name: MIG106 reports there.
AT_EXPORT = "MIG106 classic.json:6:21"


def _get_azure_vm(endpoints: list[dict]) -> str:
    """`Get-AzureVM | ConvertTo-Json -Depth 5` of VM batch01 of cloud service fab-batch, with `endpoints`."""
    context = {
        "DeploymentName": "fab-batch",
        "Name": "batch01",
        "InstanceStatus": "ReadyRole",
        "PowerState": "Started",
        "ServiceName": "fab-batch",
        "VirtualNetworkName": "fab-vnet",
        "VM": {
            "ConfigurationSets": [
                {
                    "ConfigurationSetType": "NetworkConfiguration",
                    "InputEndpoints": endpoints,
                    "SubnetNames": ["app"],
                }
            ],
            "DataVirtualHardDisks": [],
            "OSVirtualHardDisk": {
                "DiskName": "fab-batch-batch01-os",
                "MediaLink": "https://fabdisks.blob.core.windows.net/vhds/batch01-os.vhd",
                "OS": "Windows",
            },
            "RoleName": "batch01",
            "RoleSize": "Medium",
            "RoleType": "PersistentVMRole",
        },
    }
    return json.dumps([context], indent=4)


SSH = {"LocalPort": 22, "Name": "SSH", "Port": 22, "Protocol": "tcp", "Vip": "40.113.9.9"}

SCRIPT = """\
Import-Module Azure
$vm = New-AzureVMConfig -Name "batch01" -InstanceSize Small -ImageName $img | Add-AzureProvisioningConfig -Linux -LinuxUser ops -Password $pw{ssh} | Set-AzureSubnet -SubnetNames app
New-AzureVM -ServiceName fab-batch -VNetName fab-vnet -VMs $vm{reserved}
"""


def _script(ssh: str = " -NoSSHEndpoint", reserved: str = "") -> str:
    return SCRIPT.format(ssh=ssh, reserved=reserved)


REST_DEPLOYMENT = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>fab-batch</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <Url>http://fab-batch.cloudapp.net/</Url>
  <RoleList>
    <Role>
      <RoleName>batch01</RoleName><RoleType>PersistentVMRole</RoleType>
      <ConfigurationSets>
        <ConfigurationSet>
          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
          <InputEndpoints>{endpoints}</InputEndpoints>
          <SubnetNames><SubnetName>app</SubnetName></SubnetNames>
        </ConfigurationSet>
      </ConfigurationSets>
    </Role>
  </RoleList>
  <VirtualNetworkName>fab-vnet</VirtualNetworkName>
</Deployment>
"""

REST_SSH = "<InputEndpoint><Name>SSH</Name><Port>22</Port><Protocol>tcp</Protocol></InputEndpoint>"

EXPORTED_VM = """\
<PersistentVM xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
  <ConfigurationSets>
    <ConfigurationSet i:type="NetworkConfigurationSet">
      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
      <InputEndpoints>{endpoints}</InputEndpoints>
      <SubnetNames><string>app</string></SubnetNames>
    </ConfigurationSet>
  </ConfigurationSets>
  <RoleName>batch01</RoleName>
  <RoleSize>Medium</RoleSize>
</PersistentVM>
"""

EXPORTED_SSH = (
    "<InputEndpoint><LocalPort>22</LocalPort><Name>SSH</Name><Port>22</Port><Protocol>tcp</Protocol>"
    "</InputEndpoint>"
)


def _mig106(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    return where(lint_files(tmp_path, monkeypatch, files, "MIG106", dedent=False).findings)


# --- a reserved IP an export attaches to a service the files describe -------------------------------------


def test_an_exported_reserved_ip_joins_a_get_azure_vm_export_without_endpoints(tmp_path, monkeypatch):
    # The Get-AzureVM export names no subscription: the reserved IP's row says which the service is in.
    files = {"classic.json": _reserved_ip_export(), "batch.json": _get_azure_vm([])}
    assert _mig106(tmp_path, monkeypatch, files) == [AT_EXPORT]


def test_an_exported_reserved_ip_on_a_get_azure_vm_export_with_an_endpoint_is_no_finding(
    tmp_path, monkeypatch
):
    files = {"classic.json": _reserved_ip_export(), "batch.json": _get_azure_vm([SSH])}
    assert _mig106(tmp_path, monkeypatch, files) == []


def test_a_get_azure_vm_export_of_another_service_is_checked_with_the_files(tmp_path, monkeypatch):
    """No other export holds fab-batch: its VM is of the subscription the files are joined to, the one the
    reserved IP's row names, and the IP, on fab-other, is not on its deployment."""
    files = {"classic.json": _reserved_ip_export("fab-other"), "batch.json": _get_azure_vm([])}
    result = lint_files(tmp_path, monkeypatch, files, "MIG106", dedent=False)
    assert result.findings == []
    [estate] = result.estates
    assert [(s.name, [vm.name for vm in s.vms]) for s in estate.cloud_services] == [
        ("fab-batch", ["batch01"])
    ]


def test_an_exported_reserved_ip_joins_a_script_s_vm_without_endpoints(tmp_path, monkeypatch):
    files = {"classic.json": _reserved_ip_export(), "vm.ps1": _script()}
    assert _mig106(tmp_path, monkeypatch, files) == [AT_EXPORT]
    (service,) = lint_files(tmp_path, monkeypatch, files, "MIG106", dedent=False).estate.cloud_services
    (placement,) = service.placements
    assert [(r.name, r.mark.path, r.mark.line) for r in placement.reserved_ips] == [
        ("fab-batch-ip", "classic.json", 4)
    ]


def test_an_exported_reserved_ip_on_a_script_s_vm_with_ssh_is_no_finding(tmp_path, monkeypatch):
    files = {"classic.json": _reserved_ip_export(), "vm.ps1": _script(ssh="")}
    assert _mig106(tmp_path, monkeypatch, files) == []


def test_an_exported_reserved_ip_on_a_script_s_vm_whose_endpoints_are_unknown_is_no_finding(
    tmp_path, monkeypatch
):
    files = {"classic.json": _reserved_ip_export(), "vm.ps1": _script(ssh=" -NoSSHEndpoint:$nossh")}
    assert _mig106(tmp_path, monkeypatch, files) == []


def test_a_reserved_ip_the_script_names_and_the_export_lists_is_reported_once(tmp_path, monkeypatch):
    files = {
        "classic.json": _reserved_ip_export(),
        "vm.ps1": _script(reserved=" -ReservedIPName fab-batch-ip"),
    }
    assert _mig106(tmp_path, monkeypatch, files) == ["MIG106 vm.ps1:3:80"]


def test_an_exported_reserved_ip_joins_a_script_s_vm_the_export_also_lists(tmp_path, monkeypatch):
    # The export's row of the VM joins the script's VM (`_InventoryVms._fill`): the reserved IP joins too.
    export = json.loads(_reserved_ip_export())
    vm = graph_vm(SUBSCRIPTION, "fab-batch", "batch01", vnet="fab-vnet", subnet="app")
    vm["properties"]["networkProfile"]["inputEndpoints"] = []
    export["data"].append(vm)
    export["count"] = export["total_records"] = 2
    files = {"classic.json": json.dumps(export, indent=4), "vm.ps1": _script()}
    assert _mig106(tmp_path, monkeypatch, files) == [AT_EXPORT]


def test_an_exported_reserved_ip_is_not_guessed_onto_one_of_several_deployments(tmp_path, monkeypatch):
    # The export's id names the service, not a slot: neither deployment gets it, and the staging
    # deployment's endpoint may be the one the reserved IP serves.
    staging = REST_DEPLOYMENT.format(endpoints=REST_SSH).replace("<Name>fab-batch<", "<Name>fab-batch-stg<")
    files = {
        "classic.json": graph_page(graph_reserved_ip(SUBSCRIPTION, "fab-batch-ip", "fab-batch"), indent=4),
        "deployment.xml": REST_DEPLOYMENT.format(endpoints=""),
        "staging.xml": staging.replace("Production", "Staging"),
    }
    assert _mig106(tmp_path, monkeypatch, files) == []


def test_an_exported_reserved_ip_of_several_deployments_none_with_an_endpoint_is_reported(
    tmp_path, monkeypatch
):
    # Whichever slot holds it, no endpoint is on its address: it is reported at the export.
    staging = REST_DEPLOYMENT.format(endpoints="").replace("<Name>fab-batch<", "<Name>fab-batch-stg<")
    files = {
        "classic.json": _reserved_ip_export(),
        "deployment.xml": REST_DEPLOYMENT.format(endpoints=""),
        "staging.xml": staging.replace("Production", "Staging"),
    }
    assert _mig106(tmp_path, monkeypatch, files) == [AT_EXPORT]


def test_an_exported_reserved_ip_joins_a_rest_deployment_without_endpoints(tmp_path, monkeypatch):
    files = {"classic.json": _reserved_ip_export(), "deployment.xml": REST_DEPLOYMENT.format(endpoints="")}
    assert _mig106(tmp_path, monkeypatch, files) == [AT_EXPORT]


def test_an_exported_reserved_ip_on_a_rest_deployment_with_an_endpoint_is_no_finding(tmp_path, monkeypatch):
    files = {
        "classic.json": _reserved_ip_export(),
        "deployment.xml": REST_DEPLOYMENT.format(endpoints=REST_SSH),
    }
    assert _mig106(tmp_path, monkeypatch, files) == []


def test_an_exported_reserved_ip_joins_export_azure_vm_files_of_its_service(tmp_path, monkeypatch):
    files = {"classic.json": _reserved_ip_export(), "fab-batch/batch01.xml": EXPORTED_VM.format(endpoints="")}
    assert _mig106(tmp_path, monkeypatch, files) == [AT_EXPORT]


def test_an_exported_reserved_ip_on_export_azure_vm_files_with_an_endpoint_is_no_finding(
    tmp_path, monkeypatch
):
    files = {
        "classic.json": _reserved_ip_export(),
        "fab-batch/batch01.xml": EXPORTED_VM.format(endpoints=EXPORTED_SSH),
    }
    assert _mig106(tmp_path, monkeypatch, files) == []


# --- a data disk a script removes from a VM another script creates -----------------------------------------

CREATE_FILE01 = """\
Import-Module Azure
Select-AzureSubscription -SubscriptionName "Fabrikam-Prod"
$vm = New-AzureVMConfig -Name "file01" -InstanceSize Medium -ImageName $img |
    Add-AzureProvisioningConfig -Windows -AdminUsername "ops" -Password $pw |
    Set-AzureSubnet -SubnetNames "app" |
    Add-AzureDataDisk -CreateNew -DiskSizeInGB 512 -DiskLabel "shares" -LUN 0 -MediaLocation "https://fabdisks.blob.core.windows.net/vhds/file01/shares.vhd" |
    Add-AzureDataDisk -CreateNew -DiskSizeInGB 128 -DiskLabel "logs" -LUN 1 -MediaLocation "https://fabdisks.blob.core.windows.net/vhds/file01-logs.vhd"
New-AzureVM -ServiceName "fab-file" -VNetName "fab-vnet" -VMs $vm
"""

DETACH = """\
Import-Module Azure
Select-AzureSubscription -SubscriptionName "Fabrikam-Prod"
{before}Get-AzureVM -ServiceName "fab-file" -Name "file01" |
    Remove-AzureDataDisk -LUN {lun} -DeleteVHD |
    Update-AzureVM{after}
"""

# Where the script names the blob with a "/" (LUN 0).
AT_SLASH = "MIG401 01-file01.ps1:6:94"


def _mig401(tmp_path, monkeypatch, detach: str, name: str = "02-detach.ps1") -> list[str]:
    files = {"01-file01.ps1": CREATE_FILE01, name: detach}
    return where(lint_files(tmp_path, monkeypatch, files, "MIG401", dedent=False).findings)


def test_a_data_disk_another_script_removes_is_gone(tmp_path, monkeypatch):
    assert _mig401(tmp_path, monkeypatch, DETACH.format(before="", lun="0", after="")) == []


def test_a_data_disk_removed_by_a_script_read_first_is_gone(tmp_path, monkeypatch):
    detach = DETACH.format(before="", lun="0", after="")
    assert _mig401(tmp_path, monkeypatch, detach, name="00-detach.ps1") == []


def test_removing_another_lun_keeps_the_disk(tmp_path, monkeypatch):
    assert _mig401(tmp_path, monkeypatch, DETACH.format(before="", lun="1", after="")) == [AT_SLASH]


def test_a_removal_that_may_not_run_keeps_the_disk(tmp_path, monkeypatch):
    detach = DETACH.format(before="if ($cleanup) {\n", lun="0", after="\n}")
    assert _mig401(tmp_path, monkeypatch, detach) == [AT_SLASH]


def test_a_removal_of_a_lun_the_script_does_not_state_keeps_a_disk_only_if_it_may_not_run(
    tmp_path, monkeypatch
):
    # As within one script: a removal of a LUN it does not state may be of any data disk.
    assert _mig401(tmp_path, monkeypatch, DETACH.format(before="", lun="$lun", after="")) == []
    detach = DETACH.format(before="if ($cleanup) {\n", lun="$lun", after="\n}")
    assert _mig401(tmp_path, monkeypatch, detach) == [AT_SLASH]


def test_a_removal_from_every_vm_of_the_service_reaches_the_created_vm(tmp_path, monkeypatch):
    detach = DETACH.format(before="", lun="0", after="").replace(' -Name "file01"', "")
    assert _mig401(tmp_path, monkeypatch, detach) == []


def test_a_disk_the_change_attaches_again_at_the_lun_stays(tmp_path, monkeypatch):
    # Removed, then a disk with a "/" in its blob name attached at the same LUN: the new one is reported.
    detach = DETACH.format(before="", lun="0", after="").replace(
        "-DeleteVHD |",
        '-DeleteVHD |\n    Add-AzureDataDisk -ImportFrom -DiskLabel "shares2" -LUN 0 -MediaLocation '
        '"https://fabdisks.blob.core.windows.net/vhds/new/shares.vhd" |',
    )
    assert _mig401(tmp_path, monkeypatch, detach) == ["MIG401 02-detach.ps1:5:78"]


def test_a_removal_that_may_not_run_in_the_creating_script_keeps_the_disk(tmp_path, monkeypatch):
    # The script that creates the VM gets it again and may remove the disk: it may stay.
    script = CREATE_FILE01 + DETACH.format(before="if ($cleanup) {\n", lun="0", after="\n}").split("\n", 2)[2]
    files = {"01-file01.ps1": script}
    found = lint_files(tmp_path, monkeypatch, files, "MIG401", dedent=False).findings
    assert where(found) == [AT_SLASH]


def test_a_removal_in_the_creating_script_that_surely_runs_takes_the_disk(tmp_path, monkeypatch):
    script = CREATE_FILE01 + DETACH.format(before="", lun="0", after="").split("\n", 2)[2]
    files = {"01-file01.ps1": script}
    assert lint_files(tmp_path, monkeypatch, files, "MIG401", dedent=False).findings == []


def test_the_change_records_the_luns_it_removes():
    detach = DETACH.format(before="", lun="0", after="").replace("-DeleteVHD |", "| Remove-AzureDataDisk 3 |")
    doc = read_document("02-detach.ps1", detach.encode(), explicit=True)
    assert doc is not None
    (change,) = [r for d in doc.resources if isinstance(d, Deployment) for r in d.roles]
    assert change.changes_existing and change.removed_luns == ("0", "3")


# The same VM as an Export-AzureVM file and as a REST body: their data disks state their LUN.
EXPORTED_FILE01 = """\
<PersistentVM xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
  <DataVirtualHardDisks>
    <DataVirtualHardDisk>
      <DiskName>file01-shares</DiskName>
      <Lun>{lun}</Lun>
      <MediaLink>https://fabdisks.blob.core.windows.net/vhds/file01/shares.vhd</MediaLink>
    </DataVirtualHardDisk>
  </DataVirtualHardDisks>
  <RoleName>file01</RoleName>
  <RoleSize>Medium</RoleSize>
</PersistentVM>
"""
REST_FILE01 = """\
<HostedService xmlns="http://schemas.microsoft.com/windowsazure">
  <ServiceName>fab-file</ServiceName>
  <Deployments><Deployment>
    <Name>fab-file</Name>
    <RoleList><Role>
      <RoleName>file01</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <DataVirtualHardDisks><DataVirtualHardDisk>
        <Lun>{lun}</Lun>
        <MediaLink>https://fabdisks.blob.core.windows.net/vhds/file01/shares.vhd</MediaLink>
      </DataVirtualHardDisk></DataVirtualHardDisks>
    </Role></RoleList>
  </Deployment></Deployments>
</HostedService>
"""


@pytest.mark.parametrize(
    ("path", "text", "at"),
    [
        ("fab-file/file01.xml", EXPORTED_FILE01, "MIG401 fab-file/file01.xml:6:7"),
        ("fab-file.xml", REST_FILE01, "MIG401 fab-file.xml:10:9"),
    ],
)
def test_a_script_removes_a_data_disk_an_export_or_a_rest_body_describes_by_its_lun(
    tmp_path, monkeypatch, path, text, at
):
    cases = (("0", "0", []), ("00", "0", []), ("1", "0", [at]), ("", "0", [at]))
    for n, (stated, removed, expected) in enumerate(cases):
        files = {
            path: text.format(lun=stated),
            "02-detach.ps1": DETACH.format(before="", lun=removed, after=""),
        }
        found = lint_files(tmp_path / str(n), monkeypatch, files, "MIG401", dedent=False).findings
        assert where(found) == expected, (stated, removed)
