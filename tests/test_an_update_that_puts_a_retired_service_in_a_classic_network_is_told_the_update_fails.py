"""A command that updates an existing App Service Environment, Domain Services managed domain or RemoteApp
collection so that it sits in a classic network (`az resource update --set properties.<path>=<classic id>`,
`Set-AzResource -Properties`) is told that the update fails today (each service was retired in classic networks)
and to point the update at a Resource Manager subnet or remove it; a command that creates one there is still told
the creation fails. Marked at the classic id the command writes, from a shell script and PowerShell alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

from migcheck import retirements

SUB = "/subscriptions/11111111-2222-3333-4444-555555555555"
VNET = f"{SUB}/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/virtualNetworks/vnet1"

# code: (type, name, `--set` path, value, the service as the message names it, the date it was retired)
SERVICES = {
    "MIG314": (
        "Microsoft.Web/hostingEnvironments",
        "shop-ase",
        "properties.virtualNetwork.id",
        VNET,
        "App Service Environment 'shop-ase'",
        retirements.APP_SERVICE_ENVIRONMENT_V1_V2,
    ),
    "MIG317": (
        "Microsoft.AAD/domainServices",
        "corp.example.com",
        "properties.replicaSets[0].subnetId",
        f"{VNET}/subnets/aadds",
        "Microsoft Entra Domain Services managed domain 'corp.example.com'",
        retirements.CLASSIC_DOMAIN_SERVICES,
    ),
    "MIG318": (
        "Microsoft.RemoteApp/collections",
        "shop-apps",
        "properties.vnetId",
        VNET,
        "RemoteApp collection 'shop-apps'",
        retirements.REMOTEAPP,
    ),
}


def _az(code: str, verb: str) -> str:
    type_, name, path, value, _, _ = SERVICES[code]
    # Quoted: `[0]` is a pattern to the shell.
    return f"az resource {verb} -g platform -n {name} --resource-type {type_} --set '{path}={value}'"


def _set_azresource(code: str) -> str:
    type_, name, path, value, _, _ = SERVICES[code]
    *outer, last = path.removeprefix("properties.").replace("[0]", "").split(".")
    table = f"@{{ {last} = '{value}' }}"
    for step in reversed(outer):  # a list where the path indexes one
        table = f"@{{ {step} = @({table}) }}" if f"{step}[0]" in path else f"@{{ {step} = {table} }}"
    return f"Set-AzResource -ResourceGroupName platform -ResourceType {type_} -ResourceName {name} -Properties {table} -Force"


def _column(line: str) -> int:
    """Where the classic id is written: at its quote when it is a PowerShell string of its own."""
    at = line.index(VNET)
    return at if line[at - 1] == "'" and line[at - 2] != "=" else at + 1


@pytest.mark.parametrize("code", sorted(SERVICES))
@pytest.mark.parametrize("name", ["update.sh", "update.ps1", "set.ps1"])
def test_an_update_is_told_the_update_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: str, name: str
) -> None:
    line = _set_azresource(code) if name == "set.ps1" else _az(code, "update")
    result = lint_files(tmp_path, monkeypatch, {name: line + "\n"}, code)
    assert where(result.findings) == [f"{code} {name}:1:{_column(line)}"]
    [finding] = result.findings
    _, _, _, _, service, retired = SERVICES[code]
    assert finding.message.startswith(f"{service} is updated to sit in classic virtual network 'vnet1'")
    assert (
        finding.message.endswith("so the update fails today") or "the update fails today," in finding.message
    )
    assert f"retired on {retired}" in finding.message
    assert "creat" not in finding.message and "record" not in finding.message
    assert "update" in finding.fix and not finding.fix.startswith("Create ")


@pytest.mark.parametrize("code", sorted(SERVICES))
def test_a_creation_is_still_told_the_creation_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: str
) -> None:
    line = _az(code, "create")
    [finding] = lint_files(tmp_path, monkeypatch, {"create.sh": line + "\n"}, code).findings
    assert " is created in classic virtual network 'vnet1'" in finding.message
    assert "creat" in finding.message and "the update" not in finding.message
