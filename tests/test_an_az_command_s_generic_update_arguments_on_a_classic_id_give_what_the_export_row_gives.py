"""An `az` command that puts a Resource Manager resource on a classic id through the CLI's generic update
arguments (`--set <path>=<value>`, `--add <path> <value>`), or through `az resource create --properties` /
`az resource update`, gives the finding the resource's export row gives where the path names the row's field:
`az apim update --set virtualNetworkConfiguration.subnetResourceId=<classic subnet>` (MIG319), `az network vnet
peering update --set remoteVirtualNetwork.id=<classic network>` (MIG313), `az resource update --set
properties.<path>=<classic id>`, `az monitor metrics alert update --add-scopes <classic VM>` (MIG502), `az monitor
autoscale update --set targetResourceUri=<classic id>` (MIG503). From a shell script, PowerShell, a CI step or an
Ansible `shell:` task alike; the same paths on Resource Manager ids are none of the migration's business."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

SUB = "/subscriptions/11111111-2222-3333-4444-555555555555"
VNET = f"{SUB}/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/virtualNetworks/vnet1"
VM = f"{SUB}/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines/web01"
RM_VNET = f"{SUB}/resourceGroups/hub-rg/providers/Microsoft.Network/virtualNetworks/spoke"
RM_VM = f"{SUB}/resourceGroups/shop/providers/Microsoft.Compute/virtualMachines/web01"

COMMANDS = [
    (
        "az apim update -n shop-apim -g apim-rg --set virtualNetworkType=External "
        "virtualNetworkConfiguration.subnetResourceId={vnet}/subnets/apim",
        "MIG319",
        "API Management service 'shop-apim' is in classic virtual network 'vnet1', subnet 'apim'",
    ),
    (
        "az network vnet peering update -g hub-rg --vnet-name hub-vnet -n hub-to-classic "
        "--set remoteVirtualNetwork.id={vnet}",
        "MIG313",
        "classic virtual network 'vnet1' is peered with Resource Manager network 'hub-vnet' (peering 'hub-to-classic')",
    ),
    (
        "az resource update -g apim-rg -n shop-apim --resource-type Microsoft.ApiManagement/service "
        "--set properties.virtualNetworkConfiguration.subnetResourceId={vnet}/subnets/apim",
        "MIG319",
        "API Management service 'shop-apim' is in classic virtual network 'vnet1', subnet 'apim'",
    ),
    (
        "az apim update -n shop-apim -g apim-rg --add additionalLocations "
        "location=northeurope virtualNetworkConfiguration.subnetResourceId={vnet}/subnets/apim2",
        "MIG319",
        "API Management service 'shop-apim' is in classic virtual network 'vnet1', subnet 'apim2'",
    ),
    (
        "az monitor metrics alert update -n web01-cpu -g mon-rg --add-scopes {vm}",
        "MIG502",
        "metric alert 'web01-cpu' watches classic VM 'web01'",
    ),
    (
        "az monitor autoscale update -g mon-rg -n web-scale --set targetResourceUri={vm}",
        "MIG503",
        "autoscale setting 'web-scale' scales classic VM 'web01'",
    ),
]
IDS = [
    "apim update --set",
    "peering update --set",
    "resource update --set",
    "apim update --add",
    "alert update",
    "autoscale update --set",
]


def _command(command: str, *, classic: bool = True) -> str:
    return command.format(vnet=VNET if classic else RM_VNET, vm=VM if classic else RM_VM)


def _at(line: str) -> int:
    """The column of the classic id the line writes."""
    return line.index(VM if VM in line else VNET) + 1


@pytest.mark.parametrize("name", ["setup.sh", "setup.ps1"])
@pytest.mark.parametrize(("command", "code", "said"), COMMANDS, ids=IDS)
def test_a_generic_update_on_a_classic_id_is_found_at_that_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, command: str, code: str, said: str
) -> None:
    line = _command(command)
    result = lint_files(tmp_path, monkeypatch, {name: line + "\n"})
    assert where(result.findings) == [f"{code} {name}:1:{_at(line)}"]
    assert said in result.findings[0].message


@pytest.mark.parametrize("name", ["setup.sh", "setup.ps1"])
@pytest.mark.parametrize("command", [case[0] for case in COMMANDS], ids=IDS)
def test_the_same_update_on_a_resource_manager_id_is_not_classic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, command: str
) -> None:
    result = lint_files(tmp_path, monkeypatch, {name: _command(command, classic=False) + "\n"})
    assert result.findings == []


def test_a_value_written_as_json_is_read_as_the_cli_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    line = (
        "az network vnet peering update -g hub-rg --vnet-name hub-vnet -n hub-to-classic "
        f'--set \'remoteVirtualNetwork={{"id": "{VNET}"}}\''
    )
    result = lint_files(tmp_path, monkeypatch, {"peer.sh": line + "\n"})
    assert [f.code for f in result.findings] == ["MIG313"]


def test_an_add_of_a_json_item_puts_it_in_the_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    line = (
        "az apim update -n shop-apim -g apim-rg --add additionalLocations "
        f'\'{{"location": "northeurope", "virtualNetworkConfiguration": {{"subnetResourceId": "{VNET}/subnets/apim2"}}}}\''
    )
    result = lint_files(tmp_path, monkeypatch, {"apim.sh": line + "\n"})
    assert [f.code for f in result.findings] == ["MIG319"]
    assert "subnet 'apim2'" in result.findings[0].message


def test_az_resource_create_with_properties_from_powershell_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    line = (
        "az resource create -g apim-rg -n shop-apim --resource-type Microsoft.ApiManagement/service "
        f'--properties \'{{"virtualNetworkType": "External", "virtualNetworkConfiguration": '
        f'{{"subnetResourceId": "{VNET}/subnets/apim"}}}}\''
    )
    result = lint_files(tmp_path, monkeypatch, {"apim.ps1": line + "\n"})
    assert where(result.findings) == [f"MIG319 apim.ps1:1:{line.index(chr(39) + '{') + 1}"]
    assert (
        "API Management service 'shop-apim' is in classic virtual network 'vnet1'"
        in result.findings[0].message
    )


COMMAND = _command(COMMANDS[0][0])
WRAPPED = [
    (
        ".github/workflows/ops.yml",
        "on: workflow_dispatch\njobs:\n  ops:\n    runs-on: ubuntu-latest\n    steps:\n"
        f"      - run: |\n          {COMMAND}\n",
        f"7:{10 + _at(COMMAND)}",
    ),
    (
        "site.yml",
        f"- hosts: localhost\n  tasks:\n    - name: apim\n      shell: {COMMAND}\n",
        f"4:{13 + _at(COMMAND)}",
    ),
]


@pytest.mark.parametrize(("name", "text", "place"), WRAPPED, ids=["ci step", "ansible task"])
def test_a_ci_step_and_an_ansible_task_read_it_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str, place: str
) -> None:
    result = lint_files(tmp_path, monkeypatch, {name: text})
    assert where(result.findings) == [f"MIG319 {name}:{place}"]
