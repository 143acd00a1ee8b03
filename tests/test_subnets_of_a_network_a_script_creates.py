"""The classic CLI's `azure network vnet create` and `vnet subnet create` write the subscription's network
configuration anew with one change the script shows: the network it makes, with the subnets it states. That
network is defined as a network configuration defines one, so a VM placed in a subnet it lacks is MIG003,
from a shell script or a PowerShell script that runs the CLI, as from a `.netcfg` (PowerShell's
Set-AzureVNetConfig and the SDK's perform_put of a configuration the script writes already were). A network a
script makes says nothing of the subscription's others: a name no file defines is reported only where a
network configuration (or a REST body, an export) describes them all. A script that also uploads a
configuration whose content the files do not show, one that may create the network only if it is missing,
and one that may add the subnet, leave the name unreported, as do subnets and networks of names the script
does not state."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="myvnet" Location="West Europe">
      <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
      <Subnets><Subnet name="front"><AddressPrefix>10.0.0.0/24</AddressPrefix></Subnet></Subnets>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

CREATE = 'azure network vnet create myvnet -l "West Europe" -e 10.0.0.0 -i 16 -n front\n'
VM_IN_FRNOT = "azure vm create svc1 img user pass -w myvnet -b frnot\n"


def _mig003(tmp_path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str]) -> list[str]:
    return where(lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False).findings)


@pytest.mark.parametrize("name", ["deploy.sh", "deploy.ps1"])
def test_a_vm_in_a_subnet_the_created_network_lacks_is_reported(
    tmp_path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    script = "azure config mode asm\n" + CREATE + VM_IN_FRNOT
    assert _mig003(tmp_path, monkeypatch, {name: script}) == [f"MIG003 {name}:3:49"]


def test_a_subnet_the_script_adds_is_one_of_the_network(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = (
        CREATE
        + "azure network vnet subnet create \\\n  myvnet frnot -a 10.0.1.0/24\n"
        + VM_IN_FRNOT
        + "azure vm create svc2 img user pass -w myvnet -b back\n"
    )
    assert _mig003(tmp_path, monkeypatch, {"deploy.sh": script}) == ["MIG003 deploy.sh:5:49"]


def test_a_network_the_script_makes_with_a_configuration_checked_beside_it(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The configuration holds the subscription's networks, the script adds one: a name in neither is named
    # nowhere, a subnet either lacks is not one of it.
    script = (
        'azure network vnet create newnet -l "West Europe" -e 10.1.0.0 -i 16 -n front\n'
        + VM_IN_FRNOT
        + "azure vm create svc2 img user pass -w newnet -b back\n"
        + "azure vm create svc3 img user pass -w nonet -b back\n"
        + "azure vm create svc4 img user pass -w newnet -b front\n"
    )
    files = {"NetworkConfig.netcfg": NETCFG, "deploy.sh": script}
    assert _mig003(tmp_path, monkeypatch, files) == [
        "MIG003 deploy.sh:2:49",
        "MIG003 deploy.sh:3:49",
        "MIG003 deploy.sh:4:39",
    ]


def test_a_network_a_script_makes_says_nothing_of_the_others(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = CREATE + "azure vm create svc1 img user pass -w elsewhere -b back\n"
    assert _mig003(tmp_path, monkeypatch, {"deploy.sh": script}) == []


KEPT_SILENT = {
    "unknown-import": 'azure network import "$1"\n' + CREATE + VM_IN_FRNOT,
    "import-in-another-script": None,
    "subnet-maybe-added-later": CREATE
    + VM_IN_FRNOT
    + 'if [ -n "$1" ]; then\n  azure network vnet subnet create myvnet frnot -a 10.0.1.0/24\nfi\n',
    "created-if-missing": "if ! azure network vnet show myvnet; then\n  " + CREATE + "fi\n" + VM_IN_FRNOT,
    "unstated-subnet": 'azure network vnet create myvnet -l "West Europe" -n "$SUBNET"\n' + VM_IN_FRNOT,
    "unstated-network": 'azure network vnet create "$NET" -l "West Europe" -n front\n'
    + "azure network vnet subnet create myvnet frnot -a 10.0.1.0/24\n"
    + VM_IN_FRNOT,
}


@pytest.mark.parametrize("script", KEPT_SILENT.values(), ids=KEPT_SILENT.keys())
def test_a_network_the_files_do_not_show_in_full_is_not_checked(
    tmp_path, monkeypatch: pytest.MonkeyPatch, script: str | None
) -> None:
    files = (
        {"deploy.sh": script}
        if script
        else {"net.sh": 'azure network import "$1"\n', "deploy.sh": CREATE + VM_IN_FRNOT}
    )
    assert _mig003(tmp_path, monkeypatch, files) == []


def test_a_subnet_added_to_a_network_a_configuration_defines_leaves_it_unchecked(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The network is not the script's: which subnets the configuration gives it no longer says them all.
    script = "azure network vnet subnet create myvnet frnot -a 10.0.1.0/24\n" + VM_IN_FRNOT
    files = {"NetworkConfig.netcfg": NETCFG, "deploy.sh": script}
    assert _mig003(tmp_path, monkeypatch, files) == []
