"""MIG602: a runbook that prepares a virtual network linked to a classic ExpressRoute circuit before it moves
a circuit to Resource Manager (Move-AzExpressRouteCircuit; azure-mgmt-network's `express_route_circuits.
begin_create_or_update` given the circuit's service key) runs the migration out of order: the circuits "need
to be migrated to Azure Resource Manager before beginning IaaS migration". Reported at the network's
Prepare, whatever runs the steps (Move-AzureVirtualNetwork, the classic CLI, a request); a runbook that
moves the circuit first, or moves none (MIG302 says so), or moves it on another branch, is not."""

from __future__ import annotations

from lint_support import lint_files, where

NETWORK = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="hq"><AddressSpace><AddressPrefix>192.168.0.0/20</AddressPrefix></AddressSpace>
      </LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="er-vnet" Location="East US">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets>
          <Subnet name="App"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet>
          <Subnet name="GatewaySubnet"><AddressPrefix>10.0.255.0/27</AddressPrefix></Subnet>
        </Subnets>
        <Gateway><ConnectionsToLocalNetwork>
          <LocalNetworkSiteRef name="hq"><Connection type="Dedicated" /></LocalNetworkSiteRef>
        </ConnectionsToLocalNetwork></Gateway>
      </VirtualNetworkSite>
      <VirtualNetworkSite name="plain-vnet" Location="East US">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="App"><AddressPrefix>10.1.1.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
KEY = "0f3d5e7a-1111-2222-3333-444455556666"
MOVE = f'Move-AzExpressRouteCircuit -Name "hq" -ResourceGroupName "net-rg" -Location "East US" -ServiceKey "{KEY}"\n'


def _steps(vnet: str = "er-vnet") -> str:
    return "".join(
        f'Move-AzureVirtualNetwork -{step} -VirtualNetworkName "{vnet}"\n'
        for step in ("Validate", "Prepare", "Commit")
    )


def _found(tmp_path, monkeypatch, name: str, script: str) -> list[str]:
    files = {"NetworkConfig.netcfg": NETWORK, name: script}
    return where(lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False).findings)


def test_powershell_network_migrated_before_its_circuit_moves(tmp_path, monkeypatch):
    assert _found(tmp_path, monkeypatch, "Migrate.ps1", _steps() + MOVE) == ["MIG602 Migrate.ps1:2:1"]


def test_powershell_circuit_moved_first_is_right(tmp_path, monkeypatch):
    assert _found(tmp_path, monkeypatch, "Migrate.ps1", MOVE + _steps()) == []


def test_azurerm_circuit_move_counts_too(tmp_path, monkeypatch):
    move = MOVE.replace("Move-AzExpressRouteCircuit", "Move-AzureRmExpressRouteCircuit")
    assert _found(tmp_path, monkeypatch, "Migrate.ps1", _steps() + move) == ["MIG602 Migrate.ps1:2:1"]


def test_a_network_not_linked_to_a_circuit_may_go_first(tmp_path, monkeypatch):
    assert _found(tmp_path, monkeypatch, "Migrate.ps1", _steps("plain-vnet") + MOVE) == []


def test_a_runbook_that_moves_no_circuit_is_left_to_mig302(tmp_path, monkeypatch):
    assert _found(tmp_path, monkeypatch, "Migrate.ps1", _steps()) == []


def test_a_circuit_moved_on_another_branch_is_another_stage(tmp_path, monkeypatch):
    script = (
        "param([switch]$Circuit)\n"
        "if ($Circuit) {\n"
        f"    {MOVE}"
        "} else {\n" + "".join(f"    {line}\n" for line in _steps().splitlines()) + "}\n"
    )
    assert _found(tmp_path, monkeypatch, "Migrate.ps1", script) == []


def test_classic_cli_steps_before_the_circuit_moves(tmp_path, monkeypatch):
    script = (
        "azure network vnet validate-migration er-vnet\n"
        "azure network vnet prepare-migration er-vnet\n"
        "azure network vnet commit-migration er-vnet\n" + MOVE
    )
    assert _found(tmp_path, monkeypatch, "Migrate.ps1", script) == ["MIG602 Migrate.ps1:2:1"]


PYTHON = f"""\
from azure.identity import DefaultAzureCredential
from azure.mgmt.network import NetworkManagementClient
from azure.servicemanagement import ServiceManagementService

SUB = "00000000-0000-0000-0000-000000000000"
sms = ServiceManagementService(SUB, "mgmt.pem")
network = NetworkManagementClient(DefaultAzureCredential(), SUB)
BASE = "/" + SUB + "/services/networking/virtualnetwork/er-vnet/migration?comp="
CIRCUIT = {{"location": "eastus", "service_key": "{KEY}"}}
"""
PY_STEPS = 'for step in ("validate", "prepare", "commit"):\n    sms.perform_post(BASE + step, "")\n'
PY_MOVE = 'network.express_route_circuits.begin_create_or_update("net-rg", "hq", {circuit}).result()\n'


def test_python_network_migrated_before_its_circuit_moves(tmp_path, monkeypatch):
    script = PYTHON + PY_STEPS + PY_MOVE.format(circuit="CIRCUIT")
    assert _found(tmp_path, monkeypatch, "migrate.py", script) == ["MIG602 migrate.py:11:9"]


def test_python_circuit_moved_first_is_right(tmp_path, monkeypatch):
    script = PYTHON + PY_MOVE.format(circuit="CIRCUIT") + PY_STEPS
    assert _found(tmp_path, monkeypatch, "migrate.py", script) == []


def test_python_circuit_created_without_a_service_key_moves_nothing(tmp_path, monkeypatch):
    script = PYTHON + PY_STEPS + PY_MOVE.format(circuit='{"location": "eastus"}')
    assert _found(tmp_path, monkeypatch, "migrate.py", script) == []
