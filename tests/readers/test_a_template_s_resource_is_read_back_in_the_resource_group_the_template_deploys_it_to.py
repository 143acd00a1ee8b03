"""A Resource Manager resource an ARM template or Bicep file declares is in the resource group the file is
deployed to, or the one its nested deployment or module names: the commands that read it back or delete
it name that group (MIG313's peering, MIG502's alert), where they said `-g <resource group>` as if the file
told nothing. A group no file states is the stand-in the reader writes elsewhere, written unquoted."""

from __future__ import annotations

import json
import textwrap

from lint_support import lint_files

CLASSIC_VNET = (
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/Default-Networking/providers/"
    "Microsoft.ClassicNetwork/virtualNetworks/vnet1"
)
CLASSIC_VM = (
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/shop/providers/"
    "Microsoft.ClassicCompute/virtualMachines/web01"
)
SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
PEERING = {
    "type": "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
    "apiVersion": "2023-05-01",
    "name": "hub-vnet/hub-to-classic",
    "properties": {"remoteVirtualNetwork": {"id": CLASSIC_VNET}},
}
PEERING_BICEP = textwrap.dedent(f"""\
    resource peering 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2023-05-01' = {{
      name: 'hub-vnet/hub-to-classic'
      properties: {{
        remoteVirtualNetwork: {{
          id: '{CLASSIC_VNET}'
        }}
      }}
    }}
    """)


def _template(resources: list, **more: object) -> str:
    return json.dumps(
        {"$schema": SCHEMA, "contentVersion": "1.0.0.0", **more, "resources": resources}, indent=2
    )


def _nested(group: str, resources: list) -> dict:
    return {
        "type": "Microsoft.Resources/deployments",
        "apiVersion": "2022-09-01",
        "name": "hub",
        "resourceGroup": group,
        "properties": {"mode": "Incremental", "template": {"$schema": SCHEMA, "resources": resources}},
    }


def _deletes(group_ps: str, group_sh: str) -> str:
    return (
        "Delete the peering from Resource Manager network 'hub-vnet' (`Remove-AzVirtualNetworkPeering -Name "
        f"'hub-to-classic' -VirtualNetworkName 'hub-vnet' -ResourceGroupName {group_ps}` or `az network vnet "
        f"peering delete -n 'hub-to-classic' --vnet-name 'hub-vnet' -g {group_sh}`)"
    )


def _peering_fix(tmp_path, monkeypatch, files: dict[str, str]) -> tuple[str, str]:
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG313", dedent=False).findings
    assert finding.fix is not None and finding.location is not None
    return finding.fix, f"{finding.location.path}:{finding.location.line}:{finding.location.column}"


def test_a_template_s_peering_is_deleted_in_the_group_the_template_is_deployed_to(tmp_path, monkeypatch):
    fix, at = _peering_fix(tmp_path, monkeypatch, {"azuredeploy.json": _template([PEERING])})
    group = "<resource group azuredeploy.json is deployed to>"
    assert fix.startswith(_deletes(group, group))
    assert at == "azuredeploy.json:11:17"


def test_a_nested_deployment_s_peering_is_deleted_in_the_group_the_deployment_names(tmp_path, monkeypatch):
    template = _template([_nested("hub-rg", [PEERING])])
    fix, _ = _peering_fix(tmp_path, monkeypatch, {"azuredeploy.json": template})
    assert fix.startswith(_deletes("'hub-rg'", "'hub-rg'"))


def test_a_nested_deployment_to_a_group_a_parameter_names_names_that_parameter(tmp_path, monkeypatch):
    template = _template([_nested("[parameters('rg')]", [PEERING])], parameters={"rg": {"type": "string"}})
    fix, _ = _peering_fix(tmp_path, monkeypatch, {"azuredeploy.json": template})
    group = "<value of parameter 'rg', azuredeploy.json:5:5>"
    assert fix.startswith(_deletes(group, group))


def test_a_bicep_file_s_peering_is_deleted_in_the_group_it_is_deployed_to(tmp_path, monkeypatch):
    fix, at = _peering_fix(tmp_path, monkeypatch, {"main.bicep": PEERING_BICEP})
    group = "<resource group main.bicep is deployed to>"
    assert fix.startswith(_deletes(group, group))
    assert at == "main.bicep:5:11"


def test_a_bicep_module_s_peering_is_deleted_in_the_group_its_module_names(tmp_path, monkeypatch):
    caller = "module hub 'peer.bicep' = {\n  name: 'hub'\n  scope: resourceGroup('hub-rg')\n}\n"
    files = {"main.bicep": caller, "peer.bicep": PEERING_BICEP}
    fix, at = _peering_fix(tmp_path, monkeypatch, files)
    assert fix.startswith(_deletes("'hub-rg'", "'hub-rg'"))
    assert at == "peer.bicep:5:11"


def test_a_template_s_alert_is_recorded_from_the_group_the_template_is_deployed_to(tmp_path, monkeypatch):
    alert = {
        "type": "Microsoft.Insights/activityLogAlerts",
        "apiVersion": "2020-10-01",
        "name": "web01-restarts",
        "location": "global",
        "properties": {"scopes": [CLASSIC_VM], "actions": {"actionGroups": []}},
    }
    files = {"azuredeploy.json": _template([alert])}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG502", dedent=False).findings
    group = "<resource group azuredeploy.json is deployed to>"
    assert (
        f"(`az monitor activity-log alert show -n 'web01-restarts' -g {group}` or `Get-AzActivityLogAlert "
        f"-Name 'web01-restarts' -ResourceGroupName {group}`, or keep this file" in (finding.fix or "")
    )


def test_a_group_of_a_value_not_known_is_left_to_fill_in(tmp_path, monkeypatch):
    # Not a stand-in placed in the resource's text, where the group is not written.
    template = _template([_nested("[uniqueString(deployment().name)]", [PEERING])])
    fix, at = _peering_fix(tmp_path, monkeypatch, {"azuredeploy.json": template})
    assert fix.startswith(_deletes("<resource group>", "<resource group>"))
    assert at == "azuredeploy.json:21:25"
