"""Inventory exports, round 8: a list of peerings exported on its own (`az network vnet peering list`, the
Resource Manager list call's `{"value": [...]}`), read into the same peering records as the peerings nested
in a network's row (MIG313), and the peerings of Resource Manager networks left silent."""

from __future__ import annotations

import json
from dataclasses import replace

from lint_support import RULES, lint_files, where

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.inventory_model import VnetPeering
from migcheck.readers import read_document

SUB = "11111111-2222-3333-4444-555555555555"
OTHER_SUB = "99999999-8888-7777-6666-555555555555"
CLASSIC_PROD = (
    f"/subscriptions/{SUB}/resourceGroups/Default-Networking/providers/"
    "Microsoft.ClassicNetwork/virtualNetworks/prod"
)
ARM_PROD = f"/subscriptions/{SUB}/resourceGroups/spoke-rg/providers/Microsoft.Network/virtualNetworks/prod"
HUB = f"/subscriptions/{SUB}/resourceGroups/hub-rg/providers/Microsoft.Network/virtualNetworks/hub-vnet"
PEERING_TYPE = "Microsoft.Network/virtualNetworks/virtualNetworkPeerings"


def _value_list(remote: str) -> str:
    """The Resource Manager list call (`GET .../virtualNetworks/hub-vnet/virtualNetworkPeerings`), laid out
    as `az rest` writes it: each peering's properties under `properties`."""
    return f"""\
{{
  "value": [
    {{
      "name": "hub-to-prod",
      "id": "{HUB}/virtualNetworkPeerings/hub-to-prod",
      "etag": "W/\\"6f1c2d3e\\"",
      "type": "{PEERING_TYPE}",
      "properties": {{
        "provisioningState": "Succeeded",
        "peeringState": "Connected",
        "remoteVirtualNetwork": {{
          "id": "{remote}"
        }},
        "allowVirtualNetworkAccess": true,
        "remoteAddressSpace": {{
          "addressPrefixes": [
            "10.60.0.0/16"
          ]
        }}
      }}
    }}
  ]
}}
"""


def _az_list(remote: str) -> str:
    """`az network vnet peering list -g hub-rg --vnet-name hub-vnet -o json`: a bare array, each peering's
    properties at its top."""
    return f"""\
[
  {{
    "allowForwardedTraffic": false,
    "allowGatewayTransit": false,
    "allowVirtualNetworkAccess": true,
    "etag": "W/\\"6f1c2d3e-aaaa-bbbb-cccc-ddddeeeeffff\\"",
    "id": "{HUB}/virtualNetworkPeerings/hub-to-prod",
    "name": "hub-to-prod",
    "peeringState": "Connected",
    "provisioningState": "Succeeded",
    "remoteAddressSpace": {{
      "addressPrefixes": [
        "10.60.0.0/16"
      ]
    }},
    "remoteVirtualNetwork": {{
      "id": "{remote}",
      "resourceGroup": "Default-Networking"
    }},
    "resourceGroup": "hub-rg",
    "type": "{PEERING_TYPE}",
    "useRemoteGateways": false
  }}
]
"""


def _vnet_list(remote: str) -> str:
    """`az network vnet list -o json`: the same peering nested in its network's row."""
    row = {
        "id": HUB,
        "name": "hub-vnet",
        "type": "Microsoft.Network/virtualNetworks",
        "resourceGroup": "hub-rg",
        "addressSpace": {"addressPrefixes": ["10.80.0.0/16"]},
        "virtualNetworkPeerings": [
            {
                "id": f"{HUB}/virtualNetworkPeerings/hub-to-prod",
                "name": "hub-to-prod",
                "peeringState": "Connected",
                "remoteVirtualNetwork": {"id": remote, "resourceGroup": "Default-Networking"},
                "type": PEERING_TYPE,
            }
        ],
    }
    return json.dumps([row], indent=2)


def _at_remote(text: str) -> str:
    """`line:column` of the id of the first `remoteVirtualNetwork` in `text`."""
    at = text.index(json.dumps(CLASSIC_PROD), text.index('"remoteVirtualNetwork":'))
    return f"{text.count(chr(10), 0, at) + 1}:{at - (text.rfind(chr(10), 0, at) + 1) + 1}"


def _peerings(text: str) -> list[VnetPeering]:
    document = read_document("peerings.json", text.encode(), explicit=True)
    assert document is not None and document.problem is None
    return [r for r in document.resources if isinstance(r, VnetPeering)]


def _lint_named(tmp_path, monkeypatch, text: str):
    """Lint `peerings.json` named on the command line: a folder walk passes over a file naming nothing
    classic, so a near miss is read only when named."""
    (tmp_path / "peerings.json").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return lint(["peerings.json"], Config(), RULES)


# --- a list of peerings on its own (MIG313) --------------------------------------------------------------


def test_a_value_list_of_peerings_with_a_classic_remote(tmp_path, monkeypatch):
    text = _value_list(CLASSIC_PROD)
    result = lint_files(tmp_path, monkeypatch, {"peerings.json": text}, dedent=False)
    # At the id of the remote network the peering names: the row is the peering's, not the network's.
    assert where(result.findings) == ["MIG313 peerings.json:12:17"]
    assert _at_remote(text) == "12:17"
    message = result.findings[0].message
    assert "classic virtual network 'prod' is peered with Resource Manager network 'hub-vnet'" in message
    assert "(peering 'hub-to-prod', Connected)" in message


def test_an_az_peering_list_with_a_classic_remote(tmp_path, monkeypatch):
    text = _az_list(CLASSIC_PROD)
    result = lint_files(tmp_path, monkeypatch, {"peerings.json": text}, dedent=False)
    assert where(result.findings) == ["MIG313 peerings.json:17:13"]
    assert _at_remote(text) == "17:13"
    assert [d.problem for d in result.documents] == [None]  # no MIG001: the row writes what is read


def test_a_list_of_peerings_gives_the_records_a_network_s_row_gives():
    nested = _peerings(_vnet_list(CLASSIC_PROD))
    assert len(nested) == 1
    for text in (_value_list(CLASSIC_PROD), _az_list(CLASSIC_PROD)):
        alone = _peerings(text)
        assert [(p.name, p.vnet, p.peer, p.state, p.vnet_subscription) for p in alone] == [
            ("hub-to-prod", "prod", "hub-vnet", "Connected", SUB)
        ]
        assert [p.mark.line for p in alone] != [p.mark.line for p in nested]  # each at its own place
        assert alone == [replace(nested[0], mark=alone[0].mark)]


def test_a_classic_remote_in_another_subscription_says_so():
    other = CLASSIC_PROD.replace(SUB, OTHER_SUB)
    [peering] = _peerings(_az_list(other))
    assert peering.vnet_subscription == OTHER_SUB


def test_peerings_in_powershell_s_case_are_read():
    """Keys and the type are matched without regard to case, as for every other row."""
    row = {
        "Name": "hub-to-prod",
        "Id": f"{HUB}/virtualNetworkPeerings/hub-to-prod",
        "Type": PEERING_TYPE,
        "PeeringState": "Connected",
        "RemoteVirtualNetwork": {"Id": CLASSIC_PROD},
    }
    [peering] = _peerings(json.dumps([row], indent=2))
    assert (peering.vnet, peering.peer, peering.state) == ("prod", "hub-vnet", "Connected")
    assert peering.name == "hub-to-prod"


def test_a_peering_with_a_resource_manager_remote_is_silent(tmp_path, monkeypatch):
    for text in (_value_list(ARM_PROD), _az_list(ARM_PROD)):
        result = _lint_named(tmp_path, monkeypatch, text)
        assert where(result.findings) == []
        assert [d.problem for d in result.documents] == [None]
        assert _peerings(text) == []


def test_a_peering_s_remote_cut_short_by_convert_to_json_is_said(tmp_path, monkeypatch):
    row = {
        "Name": "hub-to-prod",
        "Id": f"{HUB}/virtualNetworkPeerings/hub-to-prod",
        "PeeringState": "Connected",
        "RemoteVirtualNetwork": f"@{{Id={CLASSIC_PROD}}}",
    }
    result = lint_files(tmp_path, monkeypatch, {"peerings.json": json.dumps([row], indent=2)}, dedent=False)
    assert [f.code for f in result.findings] == ["MIG001"]
    assert "'remoteVirtualNetwork' is written as" in result.findings[0].message


def test_a_peering_row_without_a_remote_network_says_nothing(tmp_path, monkeypatch):
    """A projection of a peering's own columns (`--query "[].{id:id, name:name}"`): only that it exists."""
    row = {"id": f"{HUB}/virtualNetworkPeerings/hub-to-prod", "name": "hub-to-prod", "type": PEERING_TYPE}
    result = _lint_named(tmp_path, monkeypatch, json.dumps([row], indent=2))
    assert [f.code for f in result.findings] == ["MIG001"]
    assert "no `properties` column" in result.findings[0].message


def test_what_tells_a_flattened_peering_row():
    from migcheck.readers.inventory_shapes import READ_AT_TOP

    assert {"remotevirtualnetwork", "peeringstate"} <= READ_AT_TOP[
        "microsoft.network/virtualnetworks/virtualnetworkpeerings"
    ]
