"""The classic CLI's commands that change or take away what others make, read as their PowerShell twins
are: `network nsg rule set|delete` (Set-/Remove-AzureNetworkSecurityRule: MIG210 follows the rule as the
script leaves it), `network local-network set|delete` and `vnet local-network remove` (a site's prefixes,
the site, a gateway's connection to it: MIG304, MIG305, MIG302 and the plan follow the site's final state),
`network vnet subnet set|delete` (a subnet's prefix, the subnet), and `vm disk attach` (a registered disk
given to a VM, MIG402) with the LUN the CLI picks for a VM another file describes (MIG401). Each writes
what it changes through the subscription's network configuration or the VM, so each is a change MIG602
refuses while a network is prepared, and MIG601 names its `az` replacement. Each from a shell script, and
from a PowerShell script that runs the CLI."""

from __future__ import annotations

import json

import pytest
from lint_support import CONTOSO_NETCFG, lint_files, run_cli, where

NETCFG = CONTOSO_NETCFG

VM = "azure vm create contoso-app img ops pass -l 'West Europe' -w contoso-vnet -b apps -n app01\n"
EXTENSION = "azure vm extension set app01 CustomScriptExtension Microsoft.Compute 1.*\n"
NAMED_AT = EXTENSION.index("CustomScriptExtension") + 1  # findings about it are at its name
GROUP = (
    "azure network nsg create lockdown 'West Europe'\n"
    "azure network nsg rule create lockdown out -r Outbound -y 100 -e INTERNET -u '*' -c Allow\n"
    "azure network nsg subnet add lockdown contoso-vnet apps\n"
)
SCRIPTS = ["net.sh", "net.ps1"]


def _found(tmp_path, monkeypatch, files: dict[str, str], *codes: str) -> list[str]:
    return where(lint_files(tmp_path, monkeypatch, files, *codes, dedent=False).findings)


# --- security rules -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SCRIPTS)
def test_a_rule_set_to_deny_cuts_the_extensions_off(tmp_path, monkeypatch, name) -> None:
    script = GROUP + "azure network nsg rule set lockdown out -c Deny\n" + VM + EXTENSION
    files = {"NetworkConfig.netcfg": NETCFG, name: script}
    assert _found(tmp_path, monkeypatch, files, "MIG210") == [f"MIG210 {name}:6:{NAMED_AT}"]
    # The values `set` is not given stay the rule's: an inbound rule denies no outbound traffic.
    inbound = GROUP.replace("-r Outbound", "-r Inbound")
    files = {**files, name: inbound + "azure network nsg rule set lockdown out -c Deny\n" + VM + EXTENSION}
    assert _found(tmp_path, monkeypatch, files, "MIG210") == []


@pytest.mark.parametrize("name", SCRIPTS)
def test_a_rule_deleted_denies_nothing(tmp_path, monkeypatch, name) -> None:
    denying = GROUP.replace("-c Allow", "-c Deny")
    files = {"NetworkConfig.netcfg": NETCFG, name: denying + VM + EXTENSION}
    assert _found(tmp_path, monkeypatch, files, "MIG210") == [f"MIG210 {name}:5:{NAMED_AT}"]
    deleted = denying + "azure network nsg rule delete lockdown out -q\n" + VM + EXTENSION
    assert _found(tmp_path, monkeypatch, {**files, name: deleted}, "MIG210") == []


# --- local network sites and the connections to them -------------------------------------------------------


@pytest.mark.parametrize("name", SCRIPTS)
def test_a_site_s_prefixes_set_again_are_checked(tmp_path, monkeypatch, name) -> None:
    script = (
        "azure network local-network create hq 10.50.0.0/16 -w 203.0.113.10\n"
        "azure network local-network set hq -a 192.168.1.10/24\n"
    )
    assert _found(tmp_path, monkeypatch, {name: script}, "MIG304") == [f"MIG304 {name}:2:39"]
    # A gateway address alone leaves the prefixes, and none the CLI keeps (`/30`) fails the command.
    for kept in ("-w 203.0.113.20", "-a 192.168.1.8/30"):
        changed = script.replace("-a 192.168.1.10/24", kept)
        assert _found(tmp_path, monkeypatch, {name: changed}, "MIG304") == []


@pytest.mark.parametrize("name", SCRIPTS)
def test_a_site_deleted_is_gone_unless_a_gateway_connects_to_it(tmp_path, monkeypatch, name) -> None:
    script = (
        "azure network local-network create hq 192.168.1.10/24\nazure network local-network delete hq -q\n"
    )
    files = {"NetworkConfig.netcfg": NETCFG, name: script}
    assert _found(tmp_path, monkeypatch, files, "MIG304") == []
    # The CLI refuses to delete a site a network's gateway connects to.
    connected = script.replace(
        "azure network local-network delete",
        "azure network vnet local-network add contoso-vnet hq\nazure network local-network delete",
    )
    assert _found(tmp_path, monkeypatch, {**files, name: connected}, "MIG304") == [f"MIG304 {name}:1:39"]


TRANSIT = """\
azure network vnet create hub-vnet -l "West Europe" -e 10.1.0.0 -i 16 -n apps -p 10.1.1.0 -r 24
azure network vnet create spoke-vnet -l "West Europe" -e 10.2.0.0 -i 16 -n apps -p 10.2.1.0 -r 24
azure network local-network create office 192.168.0.0/16 -w 203.0.113.10
azure network local-network create hub-and-office 192.168.0.0/16 -w 203.0.113.20
azure network vnet local-network add hub-vnet office
azure network vnet local-network add spoke-vnet hub-and-office
azure network vpn-gateway create spoke-vnet -t DynamicRouting
"""
# The site the spoke connects to, set to aggregate the hub's range with on-premises ones.
AGGREGATED = "azure network local-network set hub-and-office -a 10.1.0.0/16,192.168.0.0/16\n"


@pytest.mark.parametrize("name", SCRIPTS)
def test_a_site_set_to_aggregate_the_hub_s_range_is_transit(tmp_path, monkeypatch, capsys, name) -> None:
    assert _found(tmp_path, monkeypatch, {name: TRANSIT}, "MIG305") == []
    found = lint_files(tmp_path, monkeypatch, {name: TRANSIT + AGGREGATED}, "MIG305", dedent=False)
    assert where(found.findings) == [f"MIG305 {name}:6:49"]
    _, out, _ = run_cli(capsys, "plan", ".")
    assert "which holds the range of virtual network 'hub-vnet' and on-premises ranges (transit)" in out


@pytest.mark.parametrize("name", SCRIPTS)
def test_a_connection_removed_is_no_transit(tmp_path, monkeypatch, name) -> None:
    aggregated = TRANSIT.replace("hub-and-office 192.168.0.0/16", "hub-and-office 10.1.0.0/16,192.168.0.0/16")
    assert _found(tmp_path, monkeypatch, {name: aggregated}, "MIG305") == [f"MIG305 {name}:6:49"]
    removed = aggregated + "azure network vnet local-network remove spoke-vnet hub-and-office\n"
    assert _found(tmp_path, monkeypatch, {name: removed}, "MIG305") == []


@pytest.mark.parametrize("name", SCRIPTS)
def test_a_gateway_whose_connection_is_removed_may_be_expressroute_again(tmp_path, monkeypatch, name) -> None:
    script = (
        "azure network local-network create office 192.168.0.0/16 -w 203.0.113.10\n"
        "azure network vpn-gateway create contoso-vnet -t DynamicRouting\n"
        "azure network vnet local-network add contoso-vnet office\n"
    )
    files = {"NetworkConfig.netcfg": NETCFG, name: script}
    assert _found(tmp_path, monkeypatch, files, "MIG302") == []
    removed = script + "azure network vnet local-network remove contoso-vnet office\n"
    assert _found(tmp_path, monkeypatch, {**files, name: removed}, "MIG302") == [f"MIG302 {name}:2:1"]


# --- subnets -------------------------------------------------------------------------------------------------

OWN_NETWORK = (
    "azure network vnet create own-vnet -l 'West Europe' -e 10.9.0.0 -i 16 -n apps -p 10.9.1.0 -r 24\n"
)


@pytest.mark.parametrize("name", SCRIPTS)
def test_a_subnet_prefix_set_is_checked(tmp_path, monkeypatch, name) -> None:
    own = OWN_NETWORK + "azure network vnet subnet set own-vnet apps -a 10.9.1.1/24\n"
    assert _found(tmp_path, monkeypatch, {name: own}, "MIG304") == [f"MIG304 {name}:2:48"]
    elsewhere = "azure network vnet subnet set -t contoso-vnet -n apps -a 10.1.1.1/24\n"
    files = {"NetworkConfig.netcfg": NETCFG, name: elsewhere}
    assert _found(tmp_path, monkeypatch, files, "MIG304") == [f"MIG304 {name}:1:58"]


@pytest.mark.parametrize("name", SCRIPTS)
def test_a_subnet_deleted_is_no_subnet_of_its_network(tmp_path, monkeypatch, name) -> None:
    vm = "azure vm create own-app img ops pass -l 'West Europe' -w own-vnet -b data -n app01\n"
    script = OWN_NETWORK + "azure network vnet subnet create own-vnet data -a 10.9.2.0/24\n" + vm
    assert _found(tmp_path, monkeypatch, {name: script}, "MIG003") == []
    deleted = script.replace(vm, "azure network vnet subnet delete own-vnet data -q\n" + vm)
    assert _found(tmp_path, monkeypatch, {name: deleted}, "MIG003") == [f"MIG003 {name}:4:70"]


# --- disks -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SCRIPTS)
def test_a_registered_disk_attached_to_a_vm_is_not_unattached(tmp_path, monkeypatch, name) -> None:
    script = "azure vm disk create logs -u https://contosostd.blob.core.windows.net/vhds/logs.vhd\n" + VM
    files = {"NetworkConfig.netcfg": NETCFG, name: script}
    assert _found(tmp_path, monkeypatch, files, "MIG402") == [f"MIG402 {name}:1:1"]
    attached = script + "azure vm disk attach app01 logs -c ReadOnly\n"
    assert _found(tmp_path, monkeypatch, {**files, name: attached}, "MIG402") == []


def _exported_vm() -> str:
    """`Get-AzureVM | ConvertTo-Json` of VM app01 of fab-app, with data disks at LUNs 0 and 1."""
    disks = [
        {"DiskName": f"d{n}", "Lun": n, "MediaLink": f"https://fabvhds01.blob.core.windows.net/vhds/d{n}.vhd"}
        for n in (0, 1)
    ]
    vm = {
        "ConfigurationSets": [{"ConfigurationSetType": "NetworkConfiguration", "InputEndpoints": []}],
        "DataVirtualHardDisks": disks,
        "OSVirtualHardDisk": {
            "DiskName": "os",
            "MediaLink": "https://fabvhds01.blob.core.windows.net/vhds/os.vhd",
        },
        "RoleName": "app01",
        "RoleSize": "Medium",
        "RoleType": "PersistentVMRole",
    }
    return json.dumps([{"DeploymentName": "fab-app", "Name": "app01", "ServiceName": "fab-app", "VM": vm}])


ATTACH = (
    "azure vm disk attach-new app01 100 https://fabvhds01.blob.core.windows.net/vhds/sql/{}.vhd -d fab-app\n"
)


@pytest.mark.parametrize("name", SCRIPTS)
def test_a_disk_attached_to_a_vm_another_file_describes_takes_the_next_lun(
    tmp_path, monkeypatch, name
) -> None:
    script = ATTACH.format("d2") + ATTACH.format("d3")
    files = {"vms.json": _exported_vm(), name: script}
    messages = [f.message for f in lint_files(tmp_path, monkeypatch, files, "MIG401", dedent=False).findings]
    assert [m.split(" (")[0] for m in messages] == [
        "VM 'app01' in cloud service 'fab-app' has its data disk at LUN 2",
        "VM 'app01' in cloud service 'fab-app' has its data disk at LUN 3",
    ]
    # Of a VM no file describes, the LUN is not known; the disk is a data disk all the same.
    alone = lint_files(tmp_path / "alone", monkeypatch, {name: ATTACH.format("d2")}, "MIG401", dedent=False)
    assert [f.message.split(" (")[0] for f in alone.findings] == [
        "VM 'app01' in cloud service 'fab-app' has a data disk"
    ]


# --- while a network is prepared, and what replaces each --------------------------------------------------

PREPARED = (
    "azure network vnet prepare-migration contoso-vnet\n{}azure network vnet commit-migration contoso-vnet\n"
)


@pytest.mark.parametrize(
    "command",
    [
        # Each sets the subscription's whole network configuration again: every network changes.
        "azure network local-network set office -a 192.168.0.0/16\n",
        "azure network local-network delete office -q\n",
        "azure network vnet local-network remove other-vnet office\n",
        "azure network vnet subnet set other-vnet apps -a 10.2.1.0/24\n",
        "azure network vnet subnet delete other-vnet apps -q\n",
    ],
)
@pytest.mark.parametrize("name", SCRIPTS)
def test_a_change_while_the_network_is_prepared_is_refused(tmp_path, monkeypatch, command, name) -> None:
    found = _found(tmp_path, monkeypatch, {name: PREPARED.format(command)}, "MIG602")
    assert found == [f"MIG602 {name}:2:1"]


@pytest.mark.parametrize("name", SCRIPTS)
def test_mig601_names_the_az_command_for_each(tmp_path, monkeypatch, name) -> None:
    script = (
        "azure network nsg rule set lockdown out -c Deny\n"
        "azure network nsg rule delete lockdown out -q\n"
        "azure network local-network set office -w 203.0.113.20\n"
        "azure network local-network delete office -q\n"
        "azure network vnet local-network remove contoso-vnet office\n"
        "azure network vnet subnet set contoso-vnet apps -a 10.1.1.0/24\n"
        "azure network vnet subnet delete contoso-vnet apps -q\n"
        "azure vm disk attach app01 logs -d contoso-app\n"
    )
    (finding,) = lint_files(tmp_path, monkeypatch, {name: script}, "MIG601", dedent=False).findings
    for replacement in (
        "azure network nsg rule set → az network nsg rule update",
        "azure network nsg rule delete → az network nsg rule delete",
        "azure network local-network set → az network local-gateway update",
        "azure network local-network delete → az network local-gateway delete",
        "azure network vnet local-network remove → az network vpn-connection delete",
        "azure network vnet subnet set → az network vnet subnet update",
        "azure network vnet subnet delete → az network vnet subnet delete",
        "azure vm disk attach → az vm disk attach",
    ):
        assert replacement in finding.message + finding.fix
