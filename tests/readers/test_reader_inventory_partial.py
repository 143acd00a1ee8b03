"""Inventory exports that say less than they seem to: nested properties that ConvertTo-Json cut short
(written without enough `-Depth`), and fields left out or written as null, which say nothing rather than
"none"."""

from __future__ import annotations

import json
import textwrap

import pytest
from lint_support import lint_files as _lint
from lint_support import where as _where

from migcheck.inventory_model import ClassicNetwork, ClassicVm
from migcheck.plugins import load_rules
from migcheck.readers import read_document

RULES = load_rules(entry_points=False)
SUB = "3f1d2c4b-8a7e-4c1d-9b2a-5e6f7a8b9c0d"


def _id(group: str, type_: str, name: str) -> str:
    return f"/subscriptions/{SUB}/resourceGroups/{group}/providers/{type_}/{name}"


def _vm(name: str = "vm1", **properties: object) -> dict:
    """A classic VM row as `az graph query` writes it, in network `prod-vnet` and subnet `web` unless
    `properties` says otherwise."""
    props: dict[str, object] = {
        "domainName": {"name": "svc1"},
        "hardwareProfile": {"size": "Small", "deploymentName": "svc1", "availabilitySet": ""},
        "networkProfile": {"virtualNetwork": {"name": "prod-vnet", "subnetNames": ["web"]}},
        "instanceView": {"status": "ReadyRole", "guestAgentStatus": {"status": "Ready"}},
        **properties,
    }
    return {
        "id": _id("svc1", "Microsoft.ClassicCompute/virtualMachines", name),
        "name": name,
        "type": "microsoft.classiccompute/virtualmachines",
        "subscriptionId": SUB,
        "properties": props,
    }


def _network(**properties: object) -> dict:
    props: dict[str, object] = {
        "addressSpace": {"addressPrefixes": ["10.1.0.0/16"]},
        "subnets": [{"name": "web", "addressPrefix": "10.1.1.0/24"}],
        **properties,
    }
    return {
        "id": _id("Default-Networking", "Microsoft.ClassicNetwork/virtualNetworks", "prod-vnet"),
        "name": "prod-vnet",
        "type": "microsoft.classicnetwork/virtualnetworks",
        "subscriptionId": SUB,
        "properties": props,
    }


def _export(*rows: dict) -> str:
    return json.dumps(list(rows), indent=2) + "\n"


def _found(code: str, path: str, text: str, needle: str, after: str = "") -> str:
    """A finding of `code` at the first `needle` in the export `text` (after `after`), as `_where` writes
    it."""
    at = text.index(needle, text.index(after))
    line, column = text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1
    return f"{code} {path}:{line}:{column}"


# --- values ConvertTo-Json cut short -------------------------------------------------------------------

# `$all.Data | ConvertTo-Json` without `-Depth`: two levels, below them each object's ToString().
DEPTH_2 = """
[
    {
        "id":  "/subscriptions/3f1d2c4b-8a7e-4c1d-9b2a-5e6f7a8b9c0d/resourceGroups/svc1/providers/Microsoft.ClassicCompute/virtualMachines/vm1",
        "name":  "vm1",
        "type":  "microsoft.classiccompute/virtualmachines",
        "subscriptionId":  "3f1d2c4b-8a7e-4c1d-9b2a-5e6f7a8b9c0d",
        "properties":  {
                           "domainName":  "@{id=/subscriptions/3f1d2c4b-8a7e-4c1d-9b2a-5e6f7a8b9c0d/resourceGroups/svc1/providers/Microsoft.ClassicCompute/domainNames/svc1; name=svc1; type=Microsoft.ClassicCompute/domainNames}",
                           "hardwareProfile":  "@{size=Small; deploymentName=svc1; availabilitySet=}",
                           "networkProfile":  "@{inputEndpoints=System.Object[]; virtualNetwork=}",
                           "debugProfile":  "@{bootDiagnosticsEnabled=True}",
                           "provisioningState":  "Succeeded"
                       }
    },
    {
        "id":  "/subscriptions/3f1d2c4b-8a7e-4c1d-9b2a-5e6f7a8b9c0d/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/virtualNetworks/prod-vnet",
        "name":  "prod-vnet",
        "type":  "microsoft.classicnetwork/virtualnetworks",
        "subscriptionId":  "3f1d2c4b-8a7e-4c1d-9b2a-5e6f7a8b9c0d",
        "properties":  {
                           "addressSpace":  "@{addressPrefixes=System.Object[]}",
                           "subnets":  "System.Object[]",
                           "status":  "Created"
                       }
    }
]
"""


def test_an_export_written_without_depth_is_one_mig001_at_its_first_value_cut_short(tmp_path, monkeypatch):
    text = textwrap.dedent(DEPTH_2).lstrip("\n")
    result = _lint(tmp_path, monkeypatch, {"classic.json": text})
    assert _where(result.findings) == [_found("MIG001", "classic.json", text, '"@{id=')]
    [finding] = result.findings
    assert "'properties.domainName'" in finding.message and "cut short by ConvertTo-Json" in finding.message
    assert "2 resources were not checked" in finding.message
    assert "ConvertTo-Json -Depth 100" in finding.fix and "az graph query" in finding.fix
    assert result.estate.cloud_services == () and result.estate.inventory.networks == ()


def test_properties_cut_short_as_a_whole(tmp_path, monkeypatch):
    """`$result | ConvertTo-Json` of a `Search-AzGraph` result: its rows are one level deeper, and their
    `properties` are cut short themselves."""
    row = {**_vm(), "properties": "@{domainName=; hardwareProfile=; networkProfile=}"}
    text = json.dumps({"Data": [row], "SkipToken": None}, indent=2)
    result = _lint(tmp_path, monkeypatch, {"classic.json": text})
    assert _where(result.findings) == [_found("MIG001", "classic.json", text, '"@{domainName')]
    assert "'properties' is written as" in result.findings[0].message
    assert "1 resource was not checked" in result.findings[0].message


def test_an_array_cut_short_is_not_read_as_a_name(tmp_path, monkeypatch):
    """With a little more `-Depth`, the deepest arrays are cut short: `System.Object[]` is no subnet."""
    network = {"virtualNetwork": {"name": "prod-vnet", "subnetNames": "System.Object[]"}}
    text = _export(_vm(networkProfile=network), _network())
    result = _lint(tmp_path, monkeypatch, {"classic.json": text})
    assert _where(result.findings) == [_found("MIG001", "classic.json", text, '"System.Object[]"')]
    assert "'properties.networkProfile.virtualNetwork.subnetNames'" in result.findings[0].message


def test_only_the_objects_cut_short_are_left_unchecked(tmp_path, monkeypatch):
    stuck = _vm("vm2", instanceView={"status": "RoleStateUnknown"})
    cut = _vm("vm1", extensions=["@{publisher=Microsoft.Compute; extension=BGInfo; version=1.*}"])
    third = _vm("vm3", storageProfile={"dataDisks": [{"diskName": "d"}, "System.Collections.Hashtable"]})
    text = _export(cut, stuck, third)
    result = _lint(tmp_path, monkeypatch, {"classic.json": text}, "MIG001", "MIG204", "MIG208")
    assert _where(result.findings) == [
        _found("MIG001", "classic.json", text, '"@{publisher'),
        _found("MIG208", "classic.json", text, '"RoleStateUnknown"', after='"vm2"'),
    ]
    assert "2 resources were not checked" in result.findings[0].message
    assert [vm.name for vm in result.estate.cloud_services[0].vms] == ["vm2"]


def test_a_string_field_that_starts_like_a_value_cut_short_is_read(tmp_path, monkeypatch):
    """Only objects and arrays can be cut short: a name, a label or an availability set is a string
    whatever it holds."""
    odd = _vm(
        hardwareProfile={"deploymentName": "svc1", "deploymentLabel": "@{x=1}", "availabilitySet": "@{a}"}
    )
    odd["properties"]["description"] = "System.Object[]"
    network = _network(status="@{odd=}", siteId="System.Guid")
    text = _export(odd, network)
    result = _lint(tmp_path, monkeypatch, {"classic.json": text})
    assert result.findings == []
    [vm] = result.estate.cloud_services[0].vms
    assert vm.availability_set == "@{a}"


def test_a_resource_no_rule_reads_is_not_reported_when_cut_short(tmp_path, monkeypatch):
    arm_vm = {
        "id": _id("rg", "Microsoft.Compute/virtualMachines", "arm1"),
        "type": "microsoft.compute/virtualmachines",
        "properties": "@{hardwareProfile=; storageProfile=}",
    }
    result = _lint(tmp_path, monkeypatch, {"classic.json": _export(arm_vm, _vm())})
    assert result.findings == []


def test_values_cut_short_in_resource_manager_rows(tmp_path, monkeypatch):
    vnet = _id("Default-Networking", "Microsoft.ClassicNetwork/virtualNetworks", "prod-vnet")
    peered = {
        "id": _id("hub", "Microsoft.Network/virtualNetworks", "hub-vnet"),
        "type": "microsoft.network/virtualnetworks",
        "properties": {
            "virtualNetworkPeerings": [
                {"name": "p", "properties": {"remoteVirtualNetwork": f"@{{id={vnet}}}"}},
            ]
        },
    }
    text = _export(peered)
    result = _lint(tmp_path, monkeypatch, {"dependents.json": text})
    assert _where(result.findings) == [_found("MIG001", "dependents.json", text, '"@{id=')]
    assert "'properties.virtualNetworkPeerings.properties.remoteVirtualNetwork'" in result.findings[0].message


# --- fields left out or null say nothing ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("subnets", "known"),
    [("absent", False), (None, False), ("", False), ([None], False), ([], True), ("web", True)],
)
def test_subnet_names_are_known_only_when_written(subnets, known):
    virtual_network: dict[str, object] = {"name": "prod-vnet"}
    if subnets != "absent":
        virtual_network["subnetNames"] = subnets
    text = _export(_vm(networkProfile={"virtualNetwork": virtual_network}))
    doc = read_document("x.json", text.encode(), explicit=True)
    assert doc is not None
    [vm] = [r for r in doc.resources if isinstance(r, ClassicVm)]
    assert ("subnets" not in vm.role.unknown) is known
    assert vm.virtual_network == "prod-vnet"


@pytest.mark.parametrize("subnets", ["absent", None])
def test_a_vm_whose_subnets_are_not_written_is_not_said_to_have_none(tmp_path, monkeypatch, subnets):
    virtual_network: dict[str, object] = {"name": "prod-vnet"}
    if subnets != "absent":
        virtual_network["subnetNames"] = subnets
    files = {"classic.json": _export(_vm(networkProfile={"virtualNetwork": virtual_network}), _network())}
    assert _lint(tmp_path, monkeypatch, files, "MIG203").findings == []
    files["classic.json"] = _export(
        _vm(networkProfile={"virtualNetwork": {"name": "prod-vnet", "subnetNames": []}}), _network()
    )
    assert [f.code for f in _lint(tmp_path, monkeypatch, files, "MIG203").findings] == ["MIG203"]


# A written hardwareProfile is whole: a set it leaves out, or gives as null, is none. A value that is not a
# name says nothing.
@pytest.mark.parametrize(
    ("availability_set", "finding"), [("absent", True), (None, True), ("", True), (7, False), ({}, False)]
)
def test_an_availability_set_a_hardware_profile_leaves_out_is_none(
    tmp_path, monkeypatch, availability_set, finding
):
    hardware: dict[str, object] = {"deploymentName": "svc1"}
    if availability_set != "absent":
        hardware["availabilitySet"] = availability_set
    in_set = _vm("a", hardwareProfile={"deploymentName": "svc1", "availabilitySet": "s1"})
    files = {"classic.json": _export(in_set, _vm("b", hardwareProfile=hardware), _network())}
    result = _lint(tmp_path, monkeypatch, files, "MIG103")
    assert [f.code for f in result.findings] == (["MIG103"] if finding else [])


NETCFG = """
    <NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
      <VirtualNetworkConfiguration>
        <VirtualNetworkSites>
          <VirtualNetworkSite name="prod-vnet" Location="West Europe">
            <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
            <Subnets><Subnet name="web"><AddressPrefix>10.1.1.0/24</AddressPrefix></Subnet></Subnets>
          </VirtualNetworkSite>
        </VirtualNetworkSites>
      </VirtualNetworkConfiguration>
    </NetworkConfiguration>
    """


@pytest.mark.parametrize(
    "subnets",
    [[{"name": "web"}], [{"name": "web", "addressPrefix": None}], [{"addressPrefix": "10.1.1.0/24"}], [None]],
)
def test_a_network_whose_subnets_are_not_all_written_only_says_it_exists(tmp_path, monkeypatch, subnets):
    """A subnet or prefix the export leaves out is not missing from the network: no conflict with the
    network configuration, and no definition of the network from the export alone."""
    text = _export(_network(subnets=subnets))
    doc = read_document("x.json", text.encode(), explicit=True)
    assert doc is not None
    [network] = [r for r in doc.resources if isinstance(r, ClassicNetwork)]
    assert network.network is None
    files = {"network/NetworkConfig.netcfg": NETCFG, "inventory/classic.json": text}
    assert _lint(tmp_path, monkeypatch, files, "MIG004").findings == []
