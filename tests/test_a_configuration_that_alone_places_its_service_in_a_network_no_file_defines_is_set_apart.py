"""Two deployable configurations of one service that disagree on its network: the case found
(OctopusSamples/RandomQuotes-aspmvc4) has `ServiceConfiguration.Cloud.ARM.cscfg`, a Cloud Services (extended
support) configuration, place the service in VNet `randomquotes`, which no file defines, beside the classic
`ServiceConfiguration.Cloud.cscfg`, which places it in none; the plan gained a Move-AzureVirtualNetwork step for
what is a Resource Manager network. A configuration that alone names a network no file defines, where another
deployed configuration of the service places it elsewhere, is now set apart: no step moves that network, and a
note outside the steps says why and what to add if it is classic. Nothing keys on the file's name or comments."""

from __future__ import annotations

import json

import pytest
from lint_support import run_cli as run

CSDEF = """\
<ServiceDefinition name="quotes" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="WebRole1" vmsize="Standard_A1" />
</ServiceDefinition>
"""


def _cscfg(network: str = "") -> str:
    placed = (
        f'<NetworkConfiguration><VirtualNetworkSite name="{network}"/><AddressAssignments>'
        '<InstanceAddress roleName="WebRole1"><Subnets><Subnet name="default"/></Subnets></InstanceAddress>'
        "</AddressAssignments></NetworkConfiguration>"
        if network
        else ""
    )
    return (
        '<ServiceConfiguration serviceName="quotes" '
        'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">'
        f'<Role name="WebRole1"><Instances count="1" /></Role>{placed}</ServiceConfiguration>\n'
    )


NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="randomquotes" Location="West Europe">
      <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
      <Subnets><Subnet name="default"><AddressPrefix>10.0.0.0/24</AddressPrefix></Subnet></Subnets>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def _plan(tmp_path, monkeypatch, capsys, files: dict[str, str], fmt: str = "text") -> str:
    for name, text in {"ServiceDefinition.csdef": CSDEF, **files}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return run(capsys, "plan", ".", "--format", fmt)[1]


DISAGREEING = {
    "ServiceConfiguration.Cloud.cscfg": _cscfg(),
    "ServiceConfiguration.Other.cscfg": _cscfg("randomquotes"),
}


def test_no_step_moves_the_network_only_one_configuration_names(tmp_path, monkeypatch, capsys):
    out = _plan(tmp_path, monkeypatch, capsys, DISAGREEING)
    assert "Move-AzureVirtualNetwork" not in out and "Virtual network: randomquotes" not in out
    [note] = [line for line in out.splitlines() if "two deployable configurations" in line]
    assert note.startswith(
        "   note: ServiceConfiguration.Other.cscfg:1 places cloud service 'quotes' in virtual network "
        "'randomquotes', which no file checked defines nor anything else names, while "
        "ServiceConfiguration.Cloud.cscfg places it in no virtual network"
    )


def test_the_json_plan_gives_it_as_data(tmp_path, monkeypatch, capsys):
    [subscription] = json.loads(_plan(tmp_path, monkeypatch, capsys, DISAGREEING, "json"))["subscriptions"]
    [apart] = subscription["configurations_apart"]
    assert (apart["path"], apart["network"], apart["others"], apart["other_networks"]) == (
        "ServiceConfiguration.Other.cscfg",
        "randomquotes",
        ["ServiceConfiguration.Cloud.cscfg"],
        [""],
    )


@pytest.mark.parametrize(
    "files",
    [
        {**DISAGREEING, "network.netcfg": NETCFG},  # a file defines it: a classic network
        {"ServiceConfiguration.Cloud.cscfg": _cscfg("randomquotes")},  # the one configuration
        {
            "ServiceConfiguration.Cloud.cscfg": _cscfg("randomquotes"),
            "ServiceConfiguration.Other.cscfg": _cscfg("randomquotes"),
        },  # they agree
    ],
    ids=["defined", "one configuration", "agreeing"],
)
def test_the_network_keeps_its_step_otherwise(tmp_path, monkeypatch, capsys, files):
    out = _plan(tmp_path, monkeypatch, capsys, files)
    assert "Virtual network: randomquotes" in out
    assert "two deployable configurations" not in out
