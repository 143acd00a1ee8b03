"""`azure network vpn-gateway create` gives a network a gateway as New-AzureVNetGateway does: MIG302's
warning that it may be an ExpressRoute gateway, MIG003 for a network no configuration defines, and the
gateway's move in the plan."""

from __future__ import annotations

import pytest

from tests.lint_support import lint_files, where
from tests.readers.test_reader_shell_classic_cli import NETCFG


@pytest.mark.parametrize(
    ("script", "text"),
    [
        ("gw.sh", "azure network vpn-gateway create corpnet -t DynamicRouting -k Standard\n"),
        ("gw.sh", 'VNET=corpnet\nazure network vpn-gateway create --vnet-name "$VNET"\n'),
        ("gw.ps1", "azure network vpn-gateway create -n corpnet\n"),
    ],
)
def test_a_gateway_the_cli_creates_may_be_an_expressroute_one(tmp_path, monkeypatch, script, text):
    files = {"NetworkConfig.netcfg": NETCFG, script: text}
    found = lint_files(tmp_path, monkeypatch, files, "MIG302", "MIG003").findings
    line = text.count("\n")
    assert where(found) == [f"MIG302 {script}:{line}:1"]
    assert "may be an ExpressRoute gateway" in found[0].message
    assert "azure network vpn-gateway create" in found[0].message


def test_a_gateway_of_a_network_no_configuration_defines(tmp_path, monkeypatch):
    files = {"NetworkConfig.netcfg": NETCFG, "gw.sh": "azure network vpn-gateway create prodnet\n"}
    found = lint_files(tmp_path, monkeypatch, files, "MIG302", "MIG003").findings
    assert where(found) == ["MIG003 gw.sh:1:34"]


def test_the_plan_moves_the_gateway_with_its_network(plan_of):
    plan = plan_of({"NetworkConfig.netcfg": NETCFG, "gw.sh": "azure network vpn-gateway create corpnet\n"})
    (step,) = [step for step in plan.steps if step.id == "network:corpnet"]
    assert any("gateway of 'corpnet'" in move and "vpn-gateway create" in move for move in step.moves)


def test_other_vpn_gateway_commands_only_read(tmp_path, monkeypatch):
    script = "azure network vpn-gateway show corpnet\nazure network vpn-gateway create --help\n"
    files = {"NetworkConfig.netcfg": NETCFG, "gw.sh": script}
    assert lint_files(tmp_path, monkeypatch, files, "MIG302", "MIG003").findings == []
