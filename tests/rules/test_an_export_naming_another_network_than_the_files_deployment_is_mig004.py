"""A cloud service's deployment is in one virtual network. Where export rows join a deployment the files
describe, the export's network was only taken when the files left it unknown: a row naming another network
than the files' deployment, or two rows of its VMs naming two networks, passed silently, the deployment kept
in the first network said. Each is now MIG004 at the export's value, as two exports placing VMs of one
deployment in two networks are."""

from __future__ import annotations

from lint_support import graph_page, graph_vm, lint_files, where

SUB = "11111111-2222-3333-4444-555555555555"

SCRIPT = """\
$vm = New-AzureVMConfig -Name "web01" -InstanceSize Small -ImageName "img01" |
  Add-AzureProvisioningConfig -Windows -AdminUsername "ops" -Password "P@ssw0rd123!" |
  Set-AzureSubnet -SubnetNames "web"
New-AzureVM -ServiceName "shop" -Location "West Europe" -VNetName "prod-vnet" -VMs $vm
"""

UNSTATED = SCRIPT.replace('-VNetName "prod-vnet" ', "")


def _at(text: str, value: str) -> str:
    before = text[: text.index(f'"{value}"')]
    return f"{before.count(chr(10)) + 1}:{len(before) - before.rfind(chr(10))}"


def test_an_export_naming_another_network_than_the_script_s_is_mig004_at_its_value(tmp_path, monkeypatch):
    export = graph_page(graph_vm(SUB, "shop", "web01", vnet="test-vnet"), indent=2)
    files = {"vm.ps1": SCRIPT, "classic.json": export}
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", dedent=False)
    assert where(result.findings) == [f"MIG004 classic.json:{_at(export, 'test-vnet')}"]
    assert result.findings[0].message == (
        "deployment 'shop' of cloud service 'shop' is described differently here than at vm.ps1:4: "
        "virtual network 'test-vnet' / 'prod-vnet' (here / there)"
    )


def test_two_rows_naming_two_networks_for_the_script_s_deployment_are_mig004_at_the_second(
    tmp_path, monkeypatch
):
    two = UNSTATED.replace('"web01"', '"web02"').replace("$vm", "$two")
    export = graph_page(
        graph_vm(SUB, "shop", "web01", vnet="prod-vnet"),
        graph_vm(SUB, "shop", "web02", vnet="test-vnet"),
        indent=2,
    )
    files = {"vm.ps1": UNSTATED + two, "classic.json": export}
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", dedent=False)
    assert where(result.findings) == [f"MIG004 classic.json:{_at(export, 'test-vnet')}"]
    assert "virtual network 'test-vnet' / 'prod-vnet' (here / there)" in result.findings[0].message


def test_an_export_naming_the_script_s_network_is_no_finding(tmp_path, monkeypatch):
    export = graph_page(graph_vm(SUB, "shop", "web01", vnet="prod-vnet"), indent=2)
    files = {"vm.ps1": SCRIPT, "classic.json": export}
    assert lint_files(tmp_path, monkeypatch, files, "MIG004", dedent=False).findings == []


REST_BODY = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>shop</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <RoleList>
    <Role>
      <RoleName>web01</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <RoleSize>Small</RoleSize>
    </Role>
  </RoleList>
</Deployment>
"""


def test_an_export_placing_in_a_network_a_vm_a_body_deploys_in_none_is_mig004(tmp_path, monkeypatch):
    export = graph_page(graph_vm(SUB, "shop", "web01", vnet="prod-vnet"), indent=2)
    files = {"shop/deployment.xml": REST_BODY, "classic.json": export}
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", dedent=False)
    assert where(result.findings) == [f"MIG004 classic.json:{_at(export, 'prod-vnet')}"]
    assert result.findings[0].message == (
        "deployment 'shop' is described differently here than at shop/deployment.xml:1: "
        "virtual network 'prod-vnet' / none (here / there)"
    )
