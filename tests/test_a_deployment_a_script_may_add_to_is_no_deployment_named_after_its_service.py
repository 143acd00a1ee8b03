"""A script that adds VMs to a cloud service it does not create (New-AzureVM without -Location, the classic
CLI's `vm create --connect`) or changes the VMs it has (Get-AzureVM | ... | Update-AzureVM) works on a
deployment that may exist before it, under a name no file states: the plan's commands give
`-DeploymentName '<deployment name>'` with the note that says how to find it, not the service's name (or
the service's placeholder, '[SERVICE-NAME]') as if it were the deployment's. A deployment the script creates
(New-AzureVM -Location) is named after its service, as the platform names it."""

from __future__ import annotations

import json

import pytest
from lint_support import run_cli

SCRIPTS = {
    "adds.ps1": "New-AzureVM -ServiceName '{service}' -VMs (New-AzureVMConfig -Name vm2 -InstanceSize Small -ImageName img)\n",
    "changes.ps1": "Get-AzureVM -ServiceName '{service}' -Name vm1 | Set-AzurePublicIP -PublicIPName pip | Update-AzureVM\n",
    "adds.sh": "azure config mode asm\nazure vm create '{service}' img user Pass123! --connect -n vm2\n",
}


def _commit(tmp_path, monkeypatch, capsys, name: str, script: str) -> tuple[str, list[str]]:
    (tmp_path / name).write_text(script, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    [step] = [
        s for s in json.loads(out)["subscriptions"][0]["steps"] if s["kind"] in ("service", "unknown_network")
    ]
    # A service whose network the files do not state has its commands under a comment saying so.
    commits = [c for c in step["commands"]["powershell"]["commit"] if c.startswith("Move-AzureService")]
    return commits[0], step["notes"]


@pytest.mark.parametrize("name", sorted(SCRIPTS))
@pytest.mark.parametrize("service", ["web-svc", "[SERVICE-NAME]"])
def test_the_deployment_is_a_placeholder_to_fill_in(tmp_path, monkeypatch, capsys, name, service) -> None:
    commit, notes = _commit(tmp_path, monkeypatch, capsys, name, SCRIPTS[name].replace("{service}", service))
    assert commit == f"Move-AzureService -Commit -ServiceName '{service}' -DeploymentName '<deployment name>'"
    assert any(f"Get-AzureDeployment -ServiceName '{service}' -Slot Production gives it" in n for n in notes)


def test_a_deployment_the_script_creates_is_named_after_its_service(tmp_path, monkeypatch, capsys) -> None:
    script = (
        "New-AzureVM -ServiceName 'web-svc' -Location 'West Europe' "
        "-VMs (New-AzureVMConfig -Name vm2 -InstanceSize Small -ImageName img)\n"
    )
    commit, _ = _commit(tmp_path, monkeypatch, capsys, "creates.ps1", script)
    assert commit == "Move-AzureService -Commit -ServiceName 'web-svc' -DeploymentName 'web-svc'"
