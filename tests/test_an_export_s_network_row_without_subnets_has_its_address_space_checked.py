"""An export's classic network row that states its address space and leaves its subnets out (or null)
describes the network with its subnets not known: each prefix it writes is checked (MIG304, at the row's
value) and its DNS servers are the network's, where the row only said the network exists and its prefixes
were never looked at. A subnet the row does not list is not missing from the network (no MIG003), a row of
it that lists its subnets does not differ from it (no MIG004), and the readiness summary says its subnets
are not known, not "0 subnets"."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, run_cli, where

NETWORK_ID = (
    "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/Default-Networking/providers/"
    "Microsoft.ClassicNetwork/virtualNetworks/exp-vnet"
)


def _row(**properties: object) -> str:
    row = {"id": NETWORK_ID, "type": "Microsoft.ClassicNetwork/virtualNetworks", "name": "exp-vnet"}
    head = json.dumps(row)[:-1]
    return f'[{head},\n  "properties": {json.dumps(properties)}}}]\n'


SPACE = {"addressPrefixes": ["10.5.0.1/16"]}
CONFIGURATION = """\
<ServiceConfiguration serviceName="websvc" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="2" /></Role>
  <NetworkConfiguration>
    <VirtualNetworkSite name="exp-vnet" />
    <AddressAssignments>
      <InstanceAddress roleName="Web"><Subnets><Subnet name="web"/></Subnets></InstanceAddress>
    </AddressAssignments>
  </NetworkConfiguration>
</ServiceConfiguration>
"""


@pytest.mark.parametrize("left_out", [{}, {"subnets": None}], ids=["left out", "null"])
def test_the_address_space_of_a_row_without_subnets_is_checked(tmp_path, monkeypatch, left_out) -> None:
    files = {"networks.json": _row(addressSpace=SPACE, **left_out, dhcpOptions={"dnsServers": ["10.5.0.4"]})}
    result = lint_files(tmp_path, monkeypatch, files, "MIG304", dedent=False)
    assert where(result.findings) == ["MIG304 networks.json:2:55"]
    assert result.findings[0].message.startswith("'10.5.0.1/16', an address space prefix of virtual network")
    (network,) = result.estate.virtual_networks
    assert [server.address for server in network.dns_servers] == ["10.5.0.4"]  # the row states them too


def test_a_subnet_the_row_does_not_list_is_not_missing_from_the_network(tmp_path, monkeypatch) -> None:
    files = {"networks.json": _row(addressSpace=SPACE), "web/ServiceConfiguration.Cloud.cscfg": CONFIGURATION}
    result = lint_files(tmp_path, monkeypatch, files, "MIG003", "MIG004", dedent=False)
    assert result.findings == []
    listed = _row(addressSpace=SPACE, subnets=[{"name": "app", "addressPrefix": "10.5.1.0/24"}])
    both = {**files, "listed.json": listed}
    result = lint_files(tmp_path, monkeypatch, both, "MIG003", "MIG004", dedent=False)
    # The row that lists them says which subnets the network has: 'web' is not one (MIG003), and the two
    # rows do not differ (no MIG004).
    assert where(result.findings) == ["MIG003 web/ServiceConfiguration.Cloud.cscfg:6:62"]


def test_the_summary_says_the_subnets_are_not_known(tmp_path, monkeypatch, capsys) -> None:
    (tmp_path / "networks.json").write_text(_row(addressSpace=SPACE))
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".")
    assert "    exp-vnet (subnets not known)  Validation failed: 1 error" in out
