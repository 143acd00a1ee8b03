"""MIG313: a Resource Manager network peered with a classic one is told to delete that peering before the
classic network migrates. The fix writes the command out with the peering's and the network's names, in
PowerShell and in the Azure CLI alike: a shell script that peered them with `az network vnet peering create`
was told `Remove-AzVirtualNetworkPeering`, a cmdlet its user may not have, and no one was told which peering.
The network's resource group is the one the file states (the script's `-g` or `-ResourceGroupName`, the
SDK's or Terraform's `resource_group_name`, the export's row), left to fill in only where none does."""

from __future__ import annotations

from lint_support import lint_files

CLASSIC_VNET = (
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/Default-Networking/providers/"
    "Microsoft.ClassicNetwork/virtualNetworks/vnet1"
)
DELETE = (
    "Delete the peering from Resource Manager network 'hub-vnet' (`Remove-AzVirtualNetworkPeering -Name "
    "'hub-to-classic' -VirtualNetworkName 'hub-vnet' -ResourceGroupName 'hub-rg'` or `az network vnet "
    "peering delete -n 'hub-to-classic' --vnet-name 'hub-vnet' -g 'hub-rg'`), migrate the classic "
    "network, then peer the two Resource Manager networks again, in both directions "
    "(`Add-AzVirtualNetworkPeering` or `az network vnet peering create`)."
)


def _fix(tmp_path, monkeypatch, files: dict[str, str]) -> str:
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG313").findings
    assert finding.fix is not None
    return finding.fix


def test_a_peering_a_shell_script_makes_with_az_is_deleted_with_az_too(tmp_path, monkeypatch):
    script = f"""\
        #!/bin/bash
        az network vnet peering create -g hub-rg -n hub-to-classic --vnet-name hub-vnet --remote-vnet {CLASSIC_VNET} --allow-vnet-access
        """
    assert _fix(tmp_path, monkeypatch, {"peer.sh": script}) == DELETE


def test_a_peering_a_powershell_script_adds_is_named_in_the_cmdlet(tmp_path, monkeypatch):
    script = f"""\
        $hub = Get-AzVirtualNetwork -Name "hub-vnet" -ResourceGroupName "hub-rg"
        Add-AzVirtualNetworkPeering -Name "hub-to-classic" -VirtualNetwork $hub -RemoteVirtualNetworkId "{CLASSIC_VNET}"
        """
    assert _fix(tmp_path, monkeypatch, {"peer.ps1": script}) == DELETE


def test_a_declared_peering_names_what_the_declaration_states_and_leaves_blanks_for_the_rest(
    tmp_path, monkeypatch
):
    by_id = """\
        [[tool.migcheck.inventory.vnet-peerings]]
        vnet = "contoso-prod-vnet"
        peer = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/hub-rg/providers/Microsoft.Network/virtualNetworks/hub-vnet"
        name = "hub-to-prod"
        """
    assert _fix(tmp_path, monkeypatch, {"inventory.toml": by_id}).startswith(
        "Delete the peering from Resource Manager network 'hub-vnet' (`Remove-AzVirtualNetworkPeering -Name "
        "'hub-to-prod' -VirtualNetworkName 'hub-vnet' -ResourceGroupName 'hub-rg'` or `az network vnet peering "
        "delete -n 'hub-to-prod' --vnet-name 'hub-vnet' -g 'hub-rg'`)"
    )


def test_a_peering_declared_without_a_name_leaves_its_name_to_fill_in(tmp_path, monkeypatch):
    unnamed = """\
        [[tool.migcheck.inventory.vnet-peerings]]
        vnet = "contoso-prod-vnet"
        peer = "hub-vnet"
        """
    fix = _fix(tmp_path, monkeypatch, {"inventory.toml": unnamed})
    assert "`Remove-AzVirtualNetworkPeering -Name <peering> -VirtualNetworkName 'hub-vnet'" in fix


def test_a_peering_python_or_terraform_makes_is_deleted_in_the_group_they_state(tmp_path, monkeypatch):
    python = f"""\
        from azure.identity import DefaultAzureCredential
        from azure.mgmt.network import NetworkManagementClient

        client = NetworkManagementClient(DefaultAzureCredential(), "00000000-0000-0000-0000-000000000000")
        client.virtual_network_peerings.begin_create_or_update(
            "hub-rg", "hub-vnet", "hub-to-classic", {{"remote_virtual_network": {{"id": "{CLASSIC_VNET}"}}}}
        )
        """
    assert _fix(tmp_path / "py", monkeypatch, {"peer.py": python}) == DELETE
    terraform = f"""\
        resource "azurerm_virtual_network_peering" "hub_to_classic" {{
          name                      = "hub-to-classic"
          resource_group_name       = "hub-rg"
          virtual_network_name      = "hub-vnet"
          remote_virtual_network_id = "{CLASSIC_VNET}"
        }}
        """
    assert _fix(tmp_path / "tf", monkeypatch, {"main.tf": terraform}) == DELETE


def test_a_peering_an_export_lists_is_deleted_in_its_network_s_group(tmp_path, monkeypatch):
    export = f"""\
        [
          {{
            "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/hub-rg/providers/Microsoft.Network/virtualNetworks/hub-vnet",
            "name": "hub-vnet",
            "type": "microsoft.network/virtualnetworks",
            "properties": {{
              "virtualNetworkPeerings": [
                {{"name": "hub-to-classic", "properties": {{"remoteVirtualNetwork": {{"id": "{CLASSIC_VNET}"}}}}}}
              ]
            }}
          }}
        ]
        """
    assert _fix(tmp_path, monkeypatch, {"networks.json": export}) == DELETE


def test_a_group_the_script_does_not_state_is_left_to_fill_in(tmp_path, monkeypatch):
    script = f"""\
        #!/bin/bash
        az network vnet peering create -n hub-to-classic --vnet-name hub-vnet --remote-vnet {CLASSIC_VNET}
        """
    fix = _fix(tmp_path, monkeypatch, {"peer.sh": script})
    assert "-ResourceGroupName <resource group>`" in fix and "-g <resource group>`" in fix
