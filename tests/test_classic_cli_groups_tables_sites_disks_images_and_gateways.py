"""The classic CLI's commands for network security groups (`network nsg create`, `nsg rule create`, `nsg
subnet add`, `vnet subnet create -o`), route tables (`network route-table create`, `vnet subnet route-table
add`), local network sites (`network local-network create`, `vnet local-network add`), disks and images
(`vm disk attach-new`, `vm disk create`, `vm image create`, `vm capture`) and Application Gateways
(`network application-gateway create`) describe what their PowerShell twins describe: a group that denies
outbound Internet access cuts a VM's extensions off (MIG210), a group or table no subnet uses is a plan step
of its own, a local site's prefix with host bits set fails (MIG304), a spoke connected through a hub's site
loses on-premises (MIG305), a gateway the script connects to a site is no unknown ExpressRoute one (MIG302),
a blob name with a `/` is refused (MIG401), a disk or image no VM uses is not migrated as one (MIG402), and a
classic Application Gateway blocks its network (MIG312). Each from a shell script, and from a PowerShell
script that runs the CLI."""

from __future__ import annotations

import pytest
from lint_support import lint_files, run_cli, where

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="contoso-vnet" Location="West Europe">
      <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
      <Subnets><Subnet name="apps"><AddressPrefix>10.1.1.0/24</AddressPrefix></Subnet></Subnets>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

VM = "azure vm create contoso-app img ops pass -l 'West Europe' -w contoso-vnet -b apps -n app01\n"
EXTENSION = "azure vm extension set app01 CustomScriptExtension Microsoft.Compute 1.*\n"
LOCKDOWN = (
    "azure network nsg create lockdown 'West Europe'\n"
    "azure network nsg rule create lockdown deny-out -r Outbound -y 100 -e INTERNET -u '*' -c Deny\n"
)


def _found(tmp_path, monkeypatch, files: dict[str, str], *codes: str) -> list[str]:
    return where(lint_files(tmp_path, monkeypatch, files, *codes, dedent=False).findings)


@pytest.mark.parametrize("name", ["deploy.sh", "deploy.ps1"])
def test_a_group_that_denies_outbound_internet_cuts_the_extensions_off(tmp_path, monkeypatch, name) -> None:
    script = LOCKDOWN + "azure network nsg subnet add lockdown contoso-vnet apps\n" + VM + EXTENSION
    files = {"NetworkConfig.netcfg": NETCFG, name: script}
    assert _found(tmp_path, monkeypatch, files, "MIG210") == [
        f"MIG210 {name}:5:30"
    ]  # at the extension's name


def test_the_group_a_subnet_is_created_with_counts_too(tmp_path, monkeypatch) -> None:
    script = (
        "azure network vnet create contoso-vnet -l 'West Europe' -e 10.1.0.0 -i 16 -n front\n"
        + LOCKDOWN
        + "azure network vnet subnet create contoso-vnet apps -a 10.1.1.0/24 -o lockdown\n"
        + VM
        + EXTENSION
    )
    assert _found(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG210") == ["MIG210 deploy.sh:6:30"]


def test_a_rule_the_cli_takes_as_inbound_by_default_cuts_nothing_off(tmp_path, monkeypatch) -> None:
    # Without `-r` the CLI sends type Inbound; without `-u`, destination port 80 only.
    only_port_80 = (
        LOCKDOWN.replace(" -u '*'", "") + "azure network nsg subnet add lockdown contoso-vnet apps\n"
    )
    files = {"NetworkConfig.netcfg": NETCFG, "deploy.sh": only_port_80 + VM + EXTENSION}
    assert _found(tmp_path, monkeypatch, files, "MIG210") == []
    script = (
        "azure network nsg create lockdown 'West Europe'\n"
        "azure network nsg rule create lockdown deny-all -y 100 -e INTERNET -u '*' -c Deny\n"
        "azure network nsg subnet add lockdown contoso-vnet apps\n" + VM + EXTENSION
    )
    files = {"NetworkConfig.netcfg": NETCFG, "deploy.sh": script}
    assert _found(tmp_path, monkeypatch, files, "MIG210") == []


def _plan(tmp_path, monkeypatch, capsys, files: dict[str, str]) -> list[str]:
    lint_files(tmp_path, monkeypatch, files, "MIG001", dedent=False)
    _, out, _ = run_cli(capsys, "plan", ".")
    return [line.strip() for line in out.splitlines() if "Unattached resource" in line]


def test_groups_and_tables_no_subnet_uses_are_steps_of_their_own(tmp_path, monkeypatch, capsys) -> None:
    script = (
        "azure network nsg create spare-nsg 'West Europe'\n"
        "azure network route-table create spare-rt 'West Europe'\n"
        "azure network nsg create apps-nsg 'West Europe'\n"
        "azure network nsg subnet add apps-nsg contoso-vnet apps\n"
        "azure network route-table create apps-rt 'West Europe'\n"
        "azure network vnet subnet route-table add contoso-vnet apps apps-rt\n"
        "azure network nsg create gone-nsg 'West Europe'\n"
        "azure network nsg delete gone-nsg -q\n"
    )
    steps = _plan(tmp_path, monkeypatch, capsys, {"NetworkConfig.netcfg": NETCFG, "net.sh": script})
    assert [step.split(" [")[0] for step in steps] == [
        "2. Unattached resource: spare-nsg",
        "3. Unattached resource: spare-rt",
    ]


@pytest.mark.parametrize(
    ("command", "column"),
    [
        ("azure network local-network create hq 192.168.1.10/24,10.50.0.0/16 -w 203.0.113.10", 39),
        ("azure network local-network create --name hq --address-prefixes 10.50.0.0/16,192.168.1.10/24", 78),
    ],
)
def test_a_local_site_prefix_with_host_bits_set_is_reported(tmp_path, monkeypatch, command, column) -> None:
    assert _found(tmp_path, monkeypatch, {"site.sh": command + "\n"}, "MIG304") == [
        f"MIG304 site.sh:1:{column}"
    ]


def test_a_prefix_the_cli_drops_is_not_the_site_s(tmp_path, monkeypatch) -> None:
    # vnet.util's parseIPv4Cidr takes prefix lengths 8 to 29: the CLI warns and leaves /30 out.
    command = "azure network local-network create hq 10.50.0.0/16,192.168.1.9/30\n"
    assert _found(tmp_path, monkeypatch, {"site.sh": command}, "MIG304") == []
    kept = command.replace("/30", "/29")
    assert _found(tmp_path, monkeypatch, {"site.sh": kept}, "MIG304") == ["MIG304 site.sh:1:52"]


TRANSIT = """\
azure network vnet create hub-vnet -l "West Europe" -e 10.1.0.0 -i 16 -n apps -p 10.1.1.0 -r 24
azure network vnet create spoke-vnet -l "West Europe" -e 10.2.0.0 -i 16 -n apps -p 10.2.1.0 -r 24
azure network local-network create office 192.168.0.0/16 -w 203.0.113.10
azure network local-network create hub-and-office 10.1.0.0/16,192.168.0.0/16 -w 203.0.113.20
azure network vnet local-network add hub-vnet office
azure network vnet local-network add spoke-vnet hub-and-office
azure network vpn-gateway create spoke-vnet -t DynamicRouting
"""


def test_a_spoke_connected_through_the_hub_s_site_loses_on_premises(tmp_path, monkeypatch) -> None:
    assert _found(tmp_path, monkeypatch, {"net.sh": TRANSIT}, "MIG305", "MIG302") == ["MIG305 net.sh:6:49"]


def test_without_a_hub_that_reaches_on_premises_there_is_no_transit(tmp_path, monkeypatch) -> None:
    script = TRANSIT.replace("azure network vnet local-network add hub-vnet office\n", "")
    assert _found(tmp_path, monkeypatch, {"net.sh": script}, "MIG305", "MIG302") == []


def test_a_gateway_connected_to_a_site_of_a_network_defined_elsewhere_is_a_vpn(tmp_path, monkeypatch) -> None:
    script = (
        "azure network local-network create office 192.168.0.0/16 -w 203.0.113.10\n"
        "azure network vpn-gateway create contoso-vnet -t DynamicRouting\n"
    )
    files = {"NetworkConfig.netcfg": NETCFG, "net.sh": script}
    assert _found(tmp_path, monkeypatch, files, "MIG302") == ["MIG302 net.sh:2:1"]
    connected = script + "azure network vnet local-network add contoso-vnet office\n"
    assert _found(tmp_path, monkeypatch, {**files, "net.sh": connected}, "MIG302") == []


@pytest.mark.parametrize("name", ["disk.sh", "disk.ps1"])
def test_a_data_disk_blob_name_with_a_slash_is_reported_at_the_blob(tmp_path, monkeypatch, name) -> None:
    script = (
        VM + "azure vm disk attach-new app01 100 https://contosostd.blob.core.windows.net/vhds/sql/d1.vhd\n"
    )
    files = {"NetworkConfig.netcfg": NETCFG, name: script}
    assert _found(tmp_path, monkeypatch, files, "MIG401") == [f"MIG401 {name}:2:36"]


@pytest.mark.parametrize(
    ("command", "found"),
    [
        (
            "azure vm disk create orphan-os -u https://contosostd.blob.core.windows.net/vhds/o.vhd --os Linux",
            True,
        ),
        ("azure vm disk create orphan-os ./orphan.vhd -l 'West Europe'", True),
        # Without a blob address, a location or an affinity group the CLI refuses a source to upload.
        ("azure vm disk create orphan-os ./orphan.vhd", False),
        ("azure vm image create base ./base.vhd --os Linux -l 'West Europe'", True),
        # An OS image needs `--os linux|windows`.
        ("azure vm image create base ./base.vhd -l 'West Europe'", False),
        ("azure vm capture app01 golden -t", True),
    ],
)
def test_disks_and_images_the_script_registers(tmp_path, monkeypatch, command, found) -> None:
    assert _found(tmp_path, monkeypatch, {"reg.sh": command + "\n"}, "MIG402") == (
        ["MIG402 reg.sh:1:1"] if found else []
    )


def test_a_registered_disk_the_script_deletes_is_gone(tmp_path, monkeypatch) -> None:
    script = "azure vm disk create d -u https://a.blob.core.windows.net/vhds/d.vhd\n"
    assert _found(tmp_path, monkeypatch, {"reg.sh": script}, "MIG402") == ["MIG402 reg.sh:1:1"]
    deleted = script + "azure vm disk delete d\n"
    assert _found(tmp_path, monkeypatch, {"reg.sh": deleted}, "MIG402") == []


@pytest.mark.parametrize("name", ["agw.sh", "agw.ps1"])
def test_a_classic_application_gateway_blocks_its_network(tmp_path, monkeypatch, name) -> None:
    script = "azure network application-gateway create shop-agw contoso-vnet apps -c 2 -z Medium\n"
    files = {"NetworkConfig.netcfg": NETCFG, name: script}
    assert _found(tmp_path, monkeypatch, files, "MIG312") == [f"MIG312 {name}:1:1"]


def test_a_subnet_prefix_added_to_a_network_defined_elsewhere_is_reported(tmp_path, monkeypatch) -> None:
    script = "azure network vnet subnet create contoso-vnet data -a 10.1.2.1/24\n"
    files = {"NetworkConfig.netcfg": NETCFG, "subnet.sh": script}
    assert _found(tmp_path, monkeypatch, files, "MIG304") == ["MIG304 subnet.sh:1:55"]
    strict = {**files, "subnet.sh": script.replace("10.1.2.1/24", "10.1.2.0/24")}
    assert _found(tmp_path, monkeypatch, strict, "MIG304") == []


def test_a_group_or_table_taken_off_its_subnet_is_unattached_again(tmp_path, monkeypatch, capsys) -> None:
    script = (
        "azure network nsg create apps-nsg 'West Europe'\n"
        "azure network nsg subnet add apps-nsg contoso-vnet apps\n"
        "azure network route-table create apps-rt 'West Europe'\n"
        "azure network vnet subnet route-table add contoso-vnet apps apps-rt\n"
        "azure network nsg subnet remove apps-nsg contoso-vnet apps -q\n"
        "azure network vnet subnet route-table delete contoso-vnet apps apps-rt -q\n"
    )
    steps = _plan(tmp_path, monkeypatch, capsys, {"NetworkConfig.netcfg": NETCFG, "net.sh": script})
    assert [step.split(" [")[0].split(". ", 1)[1] for step in steps] == [
        "Unattached resource: apps-nsg",
        "Unattached resource: apps-rt",
    ]


def test_a_gateway_or_image_the_script_deletes_again_is_gone(tmp_path, monkeypatch) -> None:
    script = (
        "azure network application-gateway create shop-agw contoso-vnet apps\n"
        "azure network application-gateway delete shop-agw -q\n"
        "azure vm image create base -u https://a.blob.core.windows.net/vhds/b.vhd --os Linux\n"
        "azure vm image delete base\n"
    )
    files = {"NetworkConfig.netcfg": NETCFG, "gone.sh": script}
    assert _found(tmp_path, monkeypatch, files, "MIG312", "MIG402") == []
    kept = {**files, "gone.sh": script.replace("delete", "show")}
    assert _found(tmp_path, monkeypatch, kept, "MIG312", "MIG402") == [
        "MIG312 gone.sh:1:1",
        "MIG402 gone.sh:3:1",
    ]


def test_the_plan_moves_the_gateway_and_its_site_to_site_connection_a_script_adds(
    tmp_path, monkeypatch, capsys
) -> None:
    # A network the netcfg defines, its gateway created and connected to a site by the script: the
    # network's step moves the gateway and the connection, as for `Set-AzureVNetGateway -Connect`.
    script = (
        "azure network vpn-gateway create contoso-vnet -t DynamicRouting\n"
        "azure network vnet local-network add contoso-vnet office\n"
    )
    lint_files(
        tmp_path, monkeypatch, {"NetworkConfig.netcfg": NETCFG, "net.sh": script}, "MIG001", dedent=False
    )
    _, out, _ = run_cli(capsys, "plan", ".")
    assert "moves: its site-to-site VPN connection to local network site 'office'" in out


def test_mig601_names_the_az_command_for_each_new_classic_command(tmp_path, monkeypatch) -> None:
    script = (
        LOCKDOWN
        + "azure network route-table create spare-rt 'West Europe'\n"
        + "azure network local-network create office 192.168.0.0/16 -w 203.0.113.10\n"
        + "azure network vpn-gateway create contoso-vnet -t DynamicRouting\n"
    )
    (message,) = [
        f.message + f.fix for f in lint_files(tmp_path, monkeypatch, {"net.sh": script}, "MIG601").findings
    ]
    for replacement in (
        "azure network nsg create → az network nsg create",
        "azure network nsg rule create → az network nsg rule create",
        "azure network route-table create → az network route-table create",
        "azure network local-network create → az network local-gateway create",
        "azure network vpn-gateway create → az network vnet-gateway create",
    ):
        assert replacement in message


PREPARED = (
    "azure network vnet prepare-migration contoso-vnet\n{}azure network vnet commit-migration contoso-vnet\n"
)


@pytest.mark.parametrize(
    "command",
    [
        # Each sets the subscription's whole network configuration again: every network changes.
        "azure network local-network create office 192.168.0.0/16 -w 203.0.113.10\n",
        "azure network vnet local-network add other-vnet office\n",
        # A subnet's group or route table: a change to the network it names.
        "azure network nsg subnet add lockdown contoso-vnet apps\n",
        "azure network vnet subnet route-table add contoso-vnet apps spare-rt\n",
    ],
)
def test_a_change_while_the_network_is_prepared_is_refused(tmp_path, monkeypatch, command) -> None:
    found = _found(tmp_path, monkeypatch, {"move.sh": PREPARED.format(command)}, "MIG602")
    assert found == ["MIG602 move.sh:2:1"]


@pytest.mark.parametrize(
    "command",
    [
        "azure network nsg subnet add lockdown other-vnet apps\n",
        "azure network vnet subnet route-table delete other-vnet apps spare-rt\n",
    ],
)
def test_a_subnet_of_another_network_is_no_change_to_the_prepared_one(tmp_path, monkeypatch, command) -> None:
    assert _found(tmp_path, monkeypatch, {"move.sh": PREPARED.format(command)}, "MIG602") == []


def test_a_local_site_and_its_connection_leave_the_subnet_names_checked(tmp_path, monkeypatch) -> None:
    # Both write the network configuration again, but change no network's subnets: a VM's subnet the
    # network lacks is still MIG003.
    script = (
        "azure network local-network create office 192.168.0.0/16 -w 203.0.113.10\n"
        "azure network vnet local-network add contoso-vnet office\n" + VM.replace("-b apps", "-b nosuch")
    )
    files = {"NetworkConfig.netcfg": NETCFG, "deploy.sh": script}
    assert _found(tmp_path, monkeypatch, files, "MIG003") == ["MIG003 deploy.sh:3:78"]
