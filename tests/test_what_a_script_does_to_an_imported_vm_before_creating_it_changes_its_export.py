"""A script that recreates a VM from its Export-AzureVM file and configures it before creating it
(`Import-AzureVM -Path sql1.xml | Set-AzureSubnet 'data' | New-AzureVM ...`, or the configuration held in a
variable) creates the VM the file describes with those changes: what the pipeline states replaces what the
file says (the subnets Set-AzureSubnet replaces, an endpoint with an ACL it adds, an availability set, an
endpoint it removes), what it leaves unsaid is the file's. Findings about what it changes are at the
script's command; about what it leaves, at the file."""

from __future__ import annotations

import pytest
from lint_support import APP_VNET_TWO_SUBNETS_NETCFG, lint_files, rest_vm_deployment, where


def _export(name: str, subnets: tuple[str, ...] = ("web",), endpoint: str = "") -> str:
    listed = "".join(f"<string>{subnet}</string>" for subnet in subnets)
    return f"""\
<?xml version="1.0" encoding="utf-8"?>
<PersistentVM xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <RoleName>{name}</RoleName>
  <RoleType>PersistentVMRole</RoleType>
  <ConfigurationSets>
    <ConfigurationSet xsi:type="NetworkConfigurationSet">
      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
      <InputEndpoints>{endpoint}</InputEndpoints>
      <SubnetNames>{listed}</SubnetNames>
    </ConfigurationSet>
  </ConfigurationSets>
  <OSVirtualHardDisk><DiskName>{name}-os</DiskName><OS>Windows</OS></OSVirtualHardDisk>
  <RoleSize>Large</RoleSize>
</PersistentVM>
"""


# An input endpoint `sql` with an ACL of one rule, as Export-AzureVM writes it.
SQL_ENDPOINT_WITH_ACL = (
    "<InputEndpoint><LocalPort>1433</LocalPort><Name>sql</Name><Port>1433</Port><Protocol>tcp</Protocol>"
    "<EndpointAccessControlList><Rules><Rule><Order>100</Order><Action>permit</Action>"
    "<RemoteSubnet>10.0.0.0/8</RemoteSubnet></Rule></Rules></EndpointAccessControlList></InputEndpoint>"
)

CREATE = "New-AzureVM -ServiceName 'sql-svc' -VNetName 'app-vnet' -Location 'North Europe'"
SET_DATA_SUBNET = {
    "piped": f"Import-AzureVM -Path \"$PSScriptRoot\\sql1.xml\" |\n    Set-AzureSubnet 'data' |\n    {CREATE}\n",
    "in a variable": (
        '$vm = Import-AzureVM -Path "$PSScriptRoot\\sql1.xml"\n'
        "$vm | Set-AzureSubnet -SubnetNames 'data'\n"
        f"{CREATE} -VMs $vm\n"
    ),
    "given by -VM": (
        '$vm = Import-AzureVM -Path "$PSScriptRoot\\sql1.xml"\n'
        "Set-AzureSubnet -VM $vm -SubnetNames 'data' | Out-Null\n"
        f"{CREATE} -VMs $vm\n"
    ),
}


def _lint(tmp_path, monkeypatch, script: str, *codes: str, **exports: str):
    files = {"NetworkConfig.netcfg": APP_VNET_TWO_SUBNETS_NETCFG, "restore.ps1": script}
    files.update({f"{name}.xml": text for name, text in exports.items()})
    return lint_files(tmp_path, monkeypatch, files, *codes, dedent=False)


@pytest.mark.parametrize("form", SET_DATA_SUBNET)
def test_set_azuresubnet_replaces_the_two_subnets_of_the_export_so_no_mig202(tmp_path, monkeypatch, form):
    result = _lint(
        tmp_path, monkeypatch, SET_DATA_SUBNET[form], "MIG202", sql1=_export("sql1", ("web", "data"))
    )
    assert result.findings == []
    (vm,) = [vm for service in result.estate.cloud_services for vm in service.vms]
    assert [subnet.name for subnet in vm.subnets] == ["data"]


@pytest.mark.parametrize("form", SET_DATA_SUBNET)
def test_set_azuresubnet_gives_the_export_without_a_subnet_one_so_no_mig203(tmp_path, monkeypatch, form):
    result = _lint(tmp_path, monkeypatch, SET_DATA_SUBNET[form], "MIG203", sql1=_export("sql1", ()))
    assert result.findings == []


def test_an_export_without_a_subnet_nothing_changes_is_still_mig203_at_the_export(tmp_path, monkeypatch):
    script = (
        f'Import-AzureVM -Path "$PSScriptRoot\\sql1.xml" | Set-AzureVMSize -InstanceSize Medium | {CREATE}\n'
    )
    result = _lint(tmp_path, monkeypatch, script, "MIG203", sql1=_export("sql1", ()))
    assert where(result.findings) == ["MIG203 sql1.xml:2:1"]


ADD_ACL_ENDPOINT = (
    "$acl = New-AzureAclConfig\n"
    "Set-AzureAclConfig -AddRule -ACL $acl -Order 100 -Action Permit -RemoteSubnet '192.168.0.0/24'\n"
    'Import-AzureVM -Path "$PSScriptRoot\\sql1.xml" |\n'
    "    Add-AzureEndpoint -Name 'sql' -Protocol tcp -LocalPort 1433 -PublicPort 1433 -ACL $acl |\n"
    f"    {CREATE}\n"
)


def test_an_endpoint_with_an_acl_added_in_the_pipeline_is_mig201_at_the_script(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, ADD_ACL_ENDPOINT, "MIG201", sql1=_export("sql1"))
    assert where(result.findings) == ["MIG201 restore.ps1:4:87"]
    assert "VM 'sql1' in cloud service 'sql-svc'" in result.findings[0].message


def test_an_endpoint_with_an_acl_added_to_an_export_not_among_the_files_is_still_mig201(
    tmp_path, monkeypatch
):
    result = _lint(tmp_path, monkeypatch, ADD_ACL_ENDPOINT, "MIG201")
    assert where(result.findings) == ["MIG201 restore.ps1:4:87"]


@pytest.mark.parametrize(
    "change", ["Remove-AzureEndpoint -Name 'sql'", "Remove-AzureAclConfig -EndpointName 'sql'"]
)
def test_removing_the_export_s_acl_endpoint_in_the_pipeline_leaves_no_mig201(tmp_path, monkeypatch, change):
    script = f'Import-AzureVM -Path "$PSScriptRoot\\sql1.xml" | {change} | {CREATE}\n'
    export = _export("sql1", endpoint=SQL_ENDPOINT_WITH_ACL)
    result = _lint(tmp_path, monkeypatch, script, "MIG201", sql1=export)
    assert result.findings == []


def test_the_export_s_acl_endpoint_left_as_it_is_stays_mig201_at_the_export(tmp_path, monkeypatch):
    script = f"Import-AzureVM -Path \"$PSScriptRoot\\sql1.xml\" | Set-AzureSubnet 'data' | {CREATE}\n"
    export = _export("sql1", endpoint=SQL_ENDPOINT_WITH_ACL)
    result = _lint(tmp_path, monkeypatch, script, "MIG201", sql1=export)
    assert [f.location.path for f in result.findings if f.location] == ["sql1.xml"]


def test_an_availability_set_given_to_one_imported_vm_of_two_is_mig103(tmp_path, monkeypatch):
    script = (
        "Import-AzureVM -Path \"$PSScriptRoot\\sql1.xml\" | Set-AzureAvailabilitySet -AvailabilitySetName 'sql-as' |\n"
        f"    {CREATE}\n"
        "Import-AzureVM -Path \"$PSScriptRoot\\sql2.xml\" | New-AzureVM -ServiceName 'sql-svc'\n"
    )
    result = _lint(tmp_path, monkeypatch, script, "MIG103", sql1=_export("sql1"), sql2=_export("sql2"))
    assert where(result.findings) == ["MIG103 sql2.xml:2:1"]
    assert "cloud service 'sql-svc' are in 'sql-as'" in result.findings[0].message


def test_a_data_disk_added_in_the_pipeline_is_a_disk_of_the_export_s_vm_in_the_current_account(
    tmp_path, monkeypatch
):
    script = (
        "Set-AzureSubscription -SubscriptionName 'prod' -CurrentStorageAccountName 'sqldisks'\n"
        'Import-AzureVM -Path "$PSScriptRoot\\sql1.xml" |\n'
        "    Add-AzureDataDisk -CreateNew -DiskSizeInGB 100 -DiskLabel 'logs' -LUN 1 |\n"
        f"    {CREATE}\n"
    )
    result = _lint(tmp_path, monkeypatch, script, sql1=_export("sql1"))
    (vm,) = [vm for service in result.estate.cloud_services for vm in service.vms]
    assert [(disk.account, disk.lun) for disk in vm.disks] == [("", ""), ("sqldisks", "1")]
    assert [subnet.name for subnet in vm.subnets] == ["web"]  # the export's, which the script leaves


def test_the_deployment_the_script_creates_from_an_imported_vm_is_in_the_network_it_names(
    tmp_path, monkeypatch
):
    """A body of the same deployment that states no network does not take the script's deployment out of
    the network New-AzureVM names: the script creates it, though it changes the export's VM."""
    script = (
        "Import-AzureVM -Path \"$PSScriptRoot\\sql1.xml\" | Set-AzureSubnet 'web' |\n"
        f"    {CREATE} -DeploymentName 'prod'\n"
    )
    service = (
        '<HostedService xmlns="http://schemas.microsoft.com/windowsazure"><ServiceName>sql-svc</ServiceName>'
        f"<Deployments>{rest_vm_deployment('prod', 'Production', 'web9', '', '')}</Deployments></HostedService>"
    )
    result = _lint(tmp_path, monkeypatch, script, "MIG105", "MIG203", sql1=_export("sql1"), svc=service)
    assert where(result.findings) == ["MIG203 svc.xml:5:9"]
    assert (
        "VM 'web9' of cloud service 'sql-svc' is in virtual network 'app-vnet'" in result.findings[0].message
    )
