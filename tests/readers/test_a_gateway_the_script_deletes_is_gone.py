"""A gateway a script creates and then deletes (`azure network vpn-gateway delete <vnet>`, PowerShell's
`Remove-AzureVNetGateway -VNetName`) is gone: no MIG302 warning, no move of it in the plan. A deletion that
may not run, of another network, or before the gateway is created again, leaves it. The network the gateway
was in is not deleted with it: where no file defines it, it still has its step, without the gateway, as has a
network whose gateway the script deletes with no create before."""

from __future__ import annotations

import pytest

from tests.lint_support import lint_files, where
from tests.readers.test_reader_shell_classic_cli import NETCFG

CREATED = {
    "gw.sh": "azure network vpn-gateway create corpnet -t StaticRouting\n",
    "gw.ps1": "New-AzureVNetGateway -VNetName corpnet -GatewayType StaticRouting\n",
}
DELETED = {
    "gw.sh": "azure network vpn-gateway delete corpnet --quiet\n",
    "gw.ps1": "Remove-AzureVNetGateway -VNetName corpnet -Force\n",
}
MAYBE = {
    "gw.sh": 'if [ -n "$X" ]; then azure network vpn-gateway delete corpnet -q; fi\n',
    "gw.ps1": "if ($x) { Remove-AzureVNetGateway -VNetName corpnet -Force }\n",
}
OTHER = {
    "gw.sh": "azure network vpn-gateway delete othernet -q\n",
    "gw.ps1": "Remove-AzureVNetGateway -VNetName othernet -Force\n",
}


def _mig302(tmp_path, monkeypatch, script: str, text: str) -> list[str]:
    files = {"NetworkConfig.netcfg": NETCFG, script: text}
    return where(lint_files(tmp_path, monkeypatch, files, "MIG302").findings)


@pytest.mark.parametrize("script", list(CREATED))
def test_a_gateway_created_then_deleted_is_gone(tmp_path, monkeypatch, script, plan_of):
    text = CREATED[script] + DELETED[script]
    assert _mig302(tmp_path, monkeypatch, script, text) == []
    plan = plan_of({"NetworkConfig.netcfg": NETCFG, script: text})
    assert not any("gateway of 'corpnet'" in move for step in plan.steps for move in step.moves)


@pytest.mark.parametrize("script", list(CREATED))
@pytest.mark.parametrize("deletion", [MAYBE, OTHER])
def test_a_deletion_that_may_not_run_or_of_another_network_leaves_it(tmp_path, monkeypatch, script, deletion):
    text = CREATED[script] + deletion[script]
    assert _mig302(tmp_path, monkeypatch, script, text) == [f"MIG302 {script}:1:1"]


@pytest.mark.parametrize("script", list(CREATED))
def test_a_gateway_created_again_after_its_deletion_is_there(tmp_path, monkeypatch, script):
    text = CREATED[script] + DELETED[script] + CREATED[script]
    assert _mig302(tmp_path, monkeypatch, script, text) == [f"MIG302 {script}:3:1"]


@pytest.mark.parametrize("script", list(CREATED))
def test_the_network_of_a_deleted_gateway_still_has_its_step(script, plan_of):
    plan = plan_of({script: CREATED[script] + DELETED[script]})
    [step] = [step for step in plan.steps if "corpnet" in step.name]
    assert any("virtual network 'corpnet'" in move for move in step.moves)
    assert not any("gateway" in move for move in step.moves)


@pytest.mark.parametrize("deletion", [DELETED, MAYBE], ids=["deleted", "maybe-deleted"])
@pytest.mark.parametrize("script", list(CREATED))
def test_the_network_of_a_gateway_only_deleted_has_its_step_without_it(script, deletion, plan_of):
    # No create before it: the network whose gateway the script deletes exists all the same, as one a
    # script only names does.
    plan = plan_of({script: deletion[script]})
    [step] = [step for step in plan.steps if "corpnet" in step.name]
    assert step.moves[0] == "virtual network 'corpnet'"
    assert not any("gateway" in move for move in step.moves)
