"""Classic network security groups a Resource Graph export lists (`microsoft.classicnetwork/
networksecuritygroups`) are the estate's, as those a script or a REST body creates: one no subnet uses is
moved on its own (`Move-AzureNetworkSecurityGroup`), one a subnet uses moves with its network, and one of
another subscription than the files' is checked with that subscription."""

from __future__ import annotations

import json

from lint_support import lint_files

from migcheck.plan import build_plan

SUB = "11111111-2222-3333-4444-555555555555"
OTHER = "bbbbbbbb-0000-0000-0000-00000000000b"
REST = "http://schemas.microsoft.com/windowsazure"

NETWORK = f"""<VirtualNetworkSites xmlns="{REST}"><VirtualNetworkSite>
  <Name>red</Name><Location>West Europe</Location>
  <AddressSpace><AddressPrefixes><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressPrefixes></AddressSpace>
  <Subnets><Subnet><Name>front</Name><AddressPrefix>10.0.0.0/24</AddressPrefix>
    <NetworkSecurityGroup>web-nsg</NetworkSecurityGroup>
  </Subnet></Subnets>
</VirtualNetworkSite></VirtualNetworkSites>"""


def _group(name: str, subscription: str = SUB) -> dict:
    return {
        "id": f"/subscriptions/{subscription}/resourceGroups/Default-Networking/providers/"
        f"Microsoft.ClassicNetwork/networkSecurityGroups/{name}",
        "name": name,
        "type": "microsoft.classicnetwork/networksecuritygroups",
        "subscriptionId": subscription,
        "properties": {"provisioningState": "Succeeded", "rules": [], "subnets": []},
    }


def _export(*rows: dict) -> str:
    return json.dumps(
        {"count": len(rows), "data": list(rows), "skip_token": None, "total_records": len(rows)}
    )


def _unattached_steps(result) -> dict[str, object]:
    steps = {}
    for subscription in build_plan(result).subscriptions:
        steps.update({s.id: s for s in subscription.steps if s.id.startswith("unattached:")})
    return steps


def test_an_exported_security_group_no_subnet_uses_gets_a_step_of_its_own(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"classic.json": _export(_group("spare-nsg"))}, dedent=False)
    assert [g.name for g in result.estate.network_security_groups] == ["spare-nsg"]
    step = _unattached_steps(result)["unattached:NetworkSecurityGroup:spare-nsg"]
    assert step.moves == ("network security group 'spare-nsg'",)
    assert step.powershell.validate[0] == (
        "(Move-AzureNetworkSecurityGroup -Validate -NetworkSecurityGroupName 'spare-nsg').ValidationMessages"
    )


def test_an_exported_security_group_a_subnet_uses_moves_with_its_network(tmp_path, monkeypatch):
    files = {"VirtualNetworks.xml": NETWORK, "classic.json": _export(_group("web-nsg"), _group("spare-nsg"))}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert list(_unattached_steps(result)) == ["unattached:NetworkSecurityGroup:spare-nsg"]


def test_a_security_group_both_a_script_and_an_export_show_is_one(tmp_path, monkeypatch):
    files = {
        "New-Nsg.ps1": 'New-AzureNetworkSecurityGroup -Name "spare-nsg" -Location "West Europe"\n',
        "classic.json": _export(_group("spare-nsg")),
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert [g.name for g in result.estate.network_security_groups] == ["spare-nsg"]
    assert list(_unattached_steps(result)) == ["unattached:NetworkSecurityGroup:spare-nsg"]


def test_a_security_group_of_another_subscription_is_checked_with_it(tmp_path, monkeypatch):
    files = {
        "migcheck.toml": f'[inventory]\nsubscription = "{SUB}"\n',
        "VirtualNetworks.xml": NETWORK,
        "classic.json": _export(_group("web-nsg"), _group("far-nsg", OTHER)),
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    groups = {e.subscription: [g.name for g in e.network_security_groups] for e in result.estates}
    assert groups == {"default": ["web-nsg"], OTHER: ["far-nsg"]}
    assert list(_unattached_steps(result)) == ["unattached:NetworkSecurityGroup:far-nsg"]
