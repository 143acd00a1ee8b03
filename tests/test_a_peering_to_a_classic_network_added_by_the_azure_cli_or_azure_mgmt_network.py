"""A peering a shell script (or PowerShell, which runs `az` as a native command) adds with the Azure CLI
(`az network vnet peering create --remote-vnet <id>`) or a Python script adds with azure-mgmt-network (`virtual_network_peerings.begin_create_or_update`) from a
Resource Manager network to a classic one is a peering of that classic network (MIG313), as PowerShell's
`Add-AzVirtualNetworkPeering` is, and the plan says the network is not ready. Neither is a classic call:
the script is not one that uses the classic API (no MIG601). A peering to a Resource Manager network is
none of the migration's business."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import APP_VNET_NETCFG, lint_files, run_cli, where

CLASSIC = (
    "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/Default-Networking"
    "/providers/Microsoft.ClassicNetwork/virtualNetworks/app-vnet"
)
RESOURCE_MANAGER = (
    "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/spoke"
    "/providers/Microsoft.Network/virtualNetworks/app-vnet"
)

SHELL = """\
#!/bin/bash
az network vnet peering create -g hub-rg -n hub-to-app --vnet-name hub-vnet \\
  --remote-vnet {remote} \\
  --allow-vnet-access
"""

POWERSHELL = """\
param($Group = "hub-rg")
az network vnet peering create -g $Group -n hub-to-app --vnet-name hub-vnet `
  --remote-vnet "{remote}" `
  --allow-vnet-access
"""

PYTHON_DICT = """\
from azure.identity import DefaultAzureCredential
from azure.mgmt.network import NetworkManagementClient

client = NetworkManagementClient(DefaultAzureCredential(), "11111111-2222-3333-4444-555555555555")
client.virtual_network_peerings.begin_create_or_update(
    "hub-rg", "hub-vnet", "hub-to-app",
    {{"remote_virtual_network": {{"id": "{remote}"}}, "allow_virtual_network_access": True}},
).result()
"""

PYTHON_MODELS = """\
from azure.identity import DefaultAzureCredential
from azure.mgmt.network import NetworkManagementClient
from azure.mgmt.network.models import SubResource, VirtualNetworkPeering

APP_VNET = "{remote}"
client = NetworkManagementClient(DefaultAzureCredential(), "11111111-2222-3333-4444-555555555555")
client.virtual_network_peerings.create_or_update(
    resource_group_name="hub-rg",
    virtual_network_name="hub-vnet",
    virtual_network_peering_name="hub-to-app",
    virtual_network_peering_parameters=VirtualNetworkPeering(remote_virtual_network=SubResource(id=APP_VNET)),
)
"""

SCRIPTS = [
    ("peer.sh", SHELL, "peer.sh:3:17"),
    ("peer.ps1", POWERSHELL, "peer.ps1:3:17"),
    ("peer.py", PYTHON_DICT, "peer.py:7:39"),
    ("peer.py", PYTHON_MODELS, "peer.py:5:12"),
]


@pytest.mark.parametrize(
    ("name", "script", "at"), SCRIPTS, ids=["az", "az in PowerShell", "azure-mgmt dict", "azure-mgmt models"]
)
def test_a_peering_to_a_classic_network_is_a_blocker_of_that_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, script: str, at: str
) -> None:
    files = {"NetworkConfig.netcfg": APP_VNET_NETCFG, name: script.format(remote=CLASSIC)}
    result = lint_files(tmp_path, monkeypatch, files)
    assert where(result.findings) == [f"MIG313 {at}"]
    assert "'app-vnet' is peered with Resource Manager network 'hub-vnet' (peering 'hub-to-app')" in (
        result.findings[0].message
    )


@pytest.mark.parametrize(
    ("name", "script", "at"), SCRIPTS, ids=["az", "az in PowerShell", "azure-mgmt dict", "azure-mgmt models"]
)
def test_the_plan_says_the_peered_network_is_not_ready(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    script: str,
    at: str,
) -> None:
    (tmp_path / "NetworkConfig.netcfg").write_text(APP_VNET_NETCFG, encoding="utf-8")
    (tmp_path / name).write_text(script.format(remote=CLASSIC), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".")
    assert "Virtual network: app-vnet [wave 1] — NOT READY (1 blocker)" in out
    assert f"blocker: {at}: MIG313" in out


@pytest.mark.parametrize(
    ("name", "script", "at"), SCRIPTS, ids=["az", "az in PowerShell", "azure-mgmt dict", "azure-mgmt models"]
)
def test_a_peering_to_a_resource_manager_network_is_none_of_the_migration_s_business(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, script: str, at: str
) -> None:
    files = {"NetworkConfig.netcfg": APP_VNET_NETCFG, name: script.format(remote=RESOURCE_MANAGER)}
    assert lint_files(tmp_path, monkeypatch, files).findings == []


@pytest.mark.parametrize(
    ("name", "script"), [("peer.sh", SHELL), ("peer.ps1", POWERSHELL)], ids=["sh", "ps1"]
)
def test_the_finding_spans_the_whole_id_as_the_script_writes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, script: str
) -> None:
    files = {"NetworkConfig.netcfg": APP_VNET_NETCFG, name: script.format(remote=CLASSIC)}
    (finding,) = lint_files(tmp_path, monkeypatch, files).findings
    assert finding.location is not None
    written = script.format(remote=CLASSIC).splitlines()[2]
    shown = written[finding.location.column - 1 : finding.location.end_column - 1]
    assert shown.strip('"') == CLASSIC
