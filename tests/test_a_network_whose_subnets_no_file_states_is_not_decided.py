"""A network whose every description leaves its subnets out (an export's row that states its address space
only) is not decided: nothing the files show stops it, but what its subnets hold is not known, so the
readiness summary says so, where it said "Validation passed"; the badge counts it among the networks not
decided, and the JSON report gives the verdict. A row that lists the subnets, beside it or alone, decides it;
a network configuration that states none (no `Subnets` element) states that it has none."""

from __future__ import annotations

import json

from lint_support import run_cli

NETWORK = {
    "id": "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/net-rg/providers/"
    "Microsoft.ClassicNetwork/virtualNetworks/vnet-z",
    "name": "vnet-z",
    "type": "microsoft.classicnetwork/virtualnetworks",
    "location": "westeurope",
    "subscriptionId": "00000000-0000-0000-0000-000000000001",
    "properties": {"addressSpace": {"addressPrefixes": ["10.9.0.0/16"]}},
}
LISTED = {
    **NETWORK,
    "properties": {
        "addressSpace": {"addressPrefixes": ["10.9.0.0/16"]},
        "subnets": [{"name": "app", "addressPrefix": "10.9.1.0/24"}],
    },
}
NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="vnet-x" Location="West Europe">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
NOT_STATED = "Not decided: the files do not state the network's subnets"


def test_the_summary_says_not_decided(tmp_path, monkeypatch, capsys) -> None:
    (tmp_path / "networks.json").write_text(json.dumps({"data": [NETWORK]}))
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(capsys, "check", ".")
    assert code == 0
    assert f"    vnet-z (subnets not known)  {NOT_STATED}\n" in out
    assert "Validation passed" not in out


def test_the_badge_counts_it_among_the_networks_not_decided(tmp_path, monkeypatch, capsys) -> None:
    (tmp_path / "networks.json").write_text(json.dumps({"data": [NETWORK]}))
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "badge", ".", "--format", "shields")
    assert json.loads(out)["message"] == "1 network not decided"


def test_a_row_that_lists_the_subnets_decides_it(tmp_path, monkeypatch, capsys) -> None:
    (tmp_path / "networks.json").write_text(json.dumps({"data": [NETWORK]}))
    (tmp_path / "listed.json").write_text(json.dumps({"data": [LISTED]}))
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".")
    assert "    vnet-z (1 subnet)  Validation passed\n" in out


def test_a_network_configuration_without_subnets_states_none(tmp_path, monkeypatch, capsys) -> None:
    (tmp_path / "NetworkConfig.netcfg").write_text(NETCFG)
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".")
    assert "    vnet-x (0 subnets)  Validation passed\n" in out


def test_the_json_report_gives_the_verdict(tmp_path, monkeypatch, capsys) -> None:
    (tmp_path / "networks.json").write_text(json.dumps({"data": [NETWORK]}))
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".", "--format", "report-json")
    items = [i for s in json.loads(out)["subscriptions"] for scope in s["scopes"] for i in scope["items"]]
    assert [(i["name"], i["verdict"]) for i in items] == [("vnet-z", NOT_STATED)]
