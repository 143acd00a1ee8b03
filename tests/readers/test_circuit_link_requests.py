"""The classic ExpressRoute API's circuit link requests, which New- and Remove-AzureDedicatedCircuitLink send
(`<subscription>/services/networking/dedicatedcircuits/<service-key>/vnets/<network>`: a PUT links the
network to the circuit, a DELETE removes the link), sent by a script itself: from Python with the legacy
SDK's `perform_put`/`perform_delete` or a request of its own, from PowerShell with Invoke-RestMethod. A
link is what the cmdlet's is (MIG302: the circuit moves to Resource Manager before the network, and the
plan moves it first); a removal between the network's Prepare and its Commit changes a prepared network
(MIG602), and one that surely runs after the link takes it away."""

from __future__ import annotations

from lint_support import lint_files, where

from migcheck.model import EXPRESSROUTE, VnetGatewayFact

NETWORK = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="app-vnet" Location="East US">
        <AddressSpace><AddressPrefix>10.2.0.0/16</AddressPrefix></AddressSpace>
        <Subnets>
          <Subnet name="App"><AddressPrefix>10.2.1.0/24</AddressPrefix></Subnet>
          <Subnet name="GatewaySubnet"><AddressPrefix>10.2.255.0/27</AddressPrefix></Subnet>
        </Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
KEY = "0f3d5e7a-1111-2222-3333-444455556666"
SDK = """\
from azure.servicemanagement import ServiceManagementService

SUB = "00000000-0000-0000-0000-000000000000"
sms = ServiceManagementService(SUB, "mgmt.pem")
"""
LINK = f'"/" + SUB + "/services/networking/dedicatedcircuits/{KEY}/vnets/app-vnet"'
MIGRATION = '"/" + SUB + "/services/networking/virtualnetwork/app-vnet/migration?comp="'


def _links(read, path: str, text: str) -> list[tuple[str, str, int]]:
    found = [r for r in read(path, text).resources if isinstance(r, VnetGatewayFact)]
    return [(f.vnet, f.service_key, f.mark.line) for f in found if f.side == EXPRESSROUTE]


def test_python_perform_put_of_a_circuit_link_links_the_network(read):
    assert _links(read, "link.py", SDK + f'sms.perform_put({LINK}, "")\n') == [("app-vnet", KEY, 5)]


def test_python_request_of_its_own_links_the_network(read):
    text = (
        "import requests\n"
        f'URL = "https://management.core.windows.net/00000000-0000-0000-0000-000000000000/services/networking/'
        f'dedicatedcircuits/{KEY}/vnets/app-vnet"\n'
        'requests.put(URL, cert=("c.pem", "k.pem"), headers={"x-ms-version": "2014-10-01"})\n'
    )
    assert _links(read, "link.py", text) == [("app-vnet", KEY, 3)]


def test_python_link_surely_removed_after_links_nothing(read):
    text = SDK + f'sms.perform_put({LINK}, "")\nsms.perform_delete({LINK})\n'
    assert _links(read, "link.py", text) == []


def test_python_link_removed_only_on_one_branch_stays(read):
    text = (
        SDK + f'import sys\nsms.perform_put({LINK}, "")\nif sys.argv[1:]:\n    sms.perform_delete({LINK})\n'
    )
    assert _links(read, "link.py", text) == [("app-vnet", KEY, 6)]


def test_python_circuit_link_is_mig302(tmp_path, monkeypatch):
    files = {"NetworkConfig.netcfg": NETWORK, "link.py": SDK + f'sms.perform_put({LINK}, "")\n'}
    result = lint_files(tmp_path, monkeypatch, files, "MIG302", dedent=False)
    assert where(result.findings) == ["MIG302 link.py:5:5"]


def test_python_unlink_while_the_network_is_prepared_is_mig602(tmp_path, monkeypatch):
    text = (
        SDK
        + f'sms.perform_post({MIGRATION} + "validate", "")\n'
        + f'sms.perform_post({MIGRATION} + "prepare", "")\n'
        + f"sms.perform_delete({LINK})\n"
        + f'sms.perform_post({MIGRATION} + "commit", "")\n'
    )
    files = {"NetworkConfig.netcfg": NETWORK, "migrate.py": text}
    result = lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False)
    assert where(result.findings) == ["MIG602 migrate.py:7:5"]


def test_python_unlink_before_the_prepare_is_not_mig602(tmp_path, monkeypatch):
    text = (
        SDK
        + f"sms.perform_delete({LINK})\n"
        + f'sms.perform_post({MIGRATION} + "validate", "")\n'
        + f'sms.perform_post({MIGRATION} + "prepare", "")\n'
        + f'sms.perform_post({MIGRATION} + "commit", "")\n'
    )
    files = {"NetworkConfig.netcfg": NETWORK, "migrate.py": text}
    assert lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False).findings == []


PS_URL = (
    f'"https://management.core.windows.net/$sub/services/networking/dedicatedcircuits/{KEY}/vnets/app-vnet"'
)


def test_powershell_invoke_rest_method_put_of_a_circuit_link_is_mig302(tmp_path, monkeypatch):
    text = (
        '$sub = "00000000-0000-0000-0000-000000000000"\n'
        f"Invoke-RestMethod -Method Put -Uri {PS_URL} -Certificate $cert\n"
    )
    files = {"NetworkConfig.netcfg": NETWORK, "Link.ps1": text}
    result = lint_files(tmp_path, monkeypatch, files, "MIG302", dedent=False)
    assert where(result.findings) == ["MIG302 Link.ps1:2:1"]


def test_powershell_link_surely_removed_by_a_request_links_nothing(read):
    text = (
        '$sub = "00000000-0000-0000-0000-000000000000"\n'
        f"Invoke-RestMethod -Method Put -Uri {PS_URL} -Certificate $cert\n"
        f"Invoke-RestMethod -Method Delete -Uri {PS_URL} -Certificate $cert\n"
    )
    assert _links(read, "Link.ps1", text) == []
