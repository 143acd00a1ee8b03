"""MIG302 and the plan for a network whose ExpressRoute circuit an inventory export shows in Resource
Manager with classic operations allowed: no circuit step, and the finding asks only to empty the
network's ConnectionsToLocalNetwork. A circuit the files give no key for is named from the export."""

from __future__ import annotations

from lint_support import lint_files
from test_estate_moved_expressroute_circuits import KEY, _circuit, _link

from migcheck.plan import build_plan

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites><LocalNetworkSite name="er-site">
      <AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
    </LocalNetworkSite></LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="er-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="GatewaySubnet"><AddressPrefix>10.0.0.0/28</AddressPrefix></Subnet></Subnets>
        <Gateway><ConnectionsToLocalNetwork>
          <LocalNetworkSiteRef name="er-site"><Connection type="Dedicated"/></LocalNetworkSiteRef>
        </ConnectionsToLocalNetwork></Gateway>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def _steps(result) -> dict:
    (plan,) = [s for s in build_plan(result).subscriptions if s.steps]
    return {step.id: step for step in plan.steps}


def test_a_moved_circuit_gets_no_step_and_the_finding_does_not_ask_to_move_it(tmp_path, monkeypatch):
    files = {"link.ps1": _link(KEY), "dependents.json": _circuit()}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    (finding,) = [f for f in result.findings if f.code == "MIG302"]
    assert "move the classic circuit" not in finding.message
    assert "circuit 'fab-er', which dependents.json shows in Resource Manager already" in finding.message
    assert finding.message.endswith(
        "its network configuration still holds the connection, with which the platform does not migrate it"
    )
    assert (
        finding.fix.startswith("Empty the network's ConnectionsToLocalNetwork") and "Move" not in finding.fix
    )
    steps = _steps(result)
    assert not [s for s in steps if s.startswith("circuit:")]
    assert steps["network:er-vnet"].after == ()
    assert "the ExpressRoute gateway of 'er-vnet'" in steps["network:er-vnet"].moves


def test_a_connection_to_a_moved_circuit_is_only_to_be_emptied(tmp_path, monkeypatch):
    files = {"NetworkConfig.netcfg": NETCFG, "link.ps1": _link(KEY), "dependents.json": _circuit()}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    (finding,) = [f for f in result.findings if f.code == "MIG302"]
    assert "move the classic circuit" not in finding.message
    assert not [s for s in _steps(result) if s.startswith("circuit:")]


def test_a_circuit_moved_without_classic_operations_keeps_its_step(tmp_path, monkeypatch):
    files = {"link.ps1": _link(KEY), "dependents.json": _circuit(allowed=False)}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert f"circuit:{KEY}" in _steps(result)


def test_a_circuit_the_files_give_no_key_for_is_named_from_the_export(tmp_path, monkeypatch):
    files = {"NetworkConfig.netcfg": NETCFG, "dependents.json": _circuit()}
    step = _steps(lint_files(tmp_path, monkeypatch, files, dedent=False))["circuit:er-site"]
    assert step.notes[0].startswith(
        f"dependents.json shows circuit 'fab-er' (service key {KEY}) in Resource Manager with classic "
        "operations allowed; if it is this one, it has moved already"
    )
