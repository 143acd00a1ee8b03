"""The plan folds MIG601's notes of scripts, CI pipelines, Terraform configurations and Ansible playbooks apart:
a note that folds scripts' findings gives the rule's advice for scripts, and a Terraform configuration's note
keeps its own, that the classic resources leave the state after the migration, where a folded note's first
"Rewrite the script..." stood for a .tf file and a pipeline too."""

from __future__ import annotations

CMDLETS = ("New-AzureVM", "New-AzureService", "Get-AzureVM", "Remove-AzureVM", "Set-AzureVNetConfig")
TERRAFORM = """\
resource "azure_hosted_service" "shop" {
  name     = "shop"
  location = "West Europe"
}
"""


def _script(cmdlet: str) -> str:
    return f"{cmdlet} -ServiceName svc\n"


def _pipeline(cmdlet: str) -> str:
    return f"steps:\n- powershell: {cmdlet} -ServiceName svc\n"


def _notes(plan, code: str = "MIG601"):
    return [n for s in plan.subscriptions for n in s.other_notes if n.finding.code == code]


def test_a_terraform_configuration_s_note_keeps_its_state_advice_beside_folded_scripts(plan_of):
    files = {f"scripts/s{i}.ps1": _script(cmdlet) for i, cmdlet in enumerate(CMDLETS)}
    files["infra/main.tf"] = TERRAFORM
    notes = _notes(plan_of(files))
    by_path = {n.finding.mark.path: n for n in notes}
    assert sorted(by_path) == ["infra/main.tf", "scripts/s0.ps1"]
    assert "terraform state rm" in by_path["infra/main.tf"].fix
    assert by_path["infra/main.tf"].more == 0
    scripts = by_path["scripts/s0.ps1"]
    assert scripts.more == 4 and "infra/main.tf" not in scripts.files
    assert scripts.fix.startswith("Rewrite the script against Resource Manager")


def test_ci_pipelines_fold_apart_from_scripts_with_advice_for_pipelines(plan_of):
    files = {f"scripts/s{i}.ps1": _script(cmdlet) for i, cmdlet in enumerate(CMDLETS)}
    files.update({f"ci/p{i}/azure-pipelines.yml": _pipeline(cmdlet) for i, cmdlet in enumerate(CMDLETS)})
    notes = _notes(plan_of(files))
    assert sorted((n.finding.mark.path, n.more) for n in notes) == [
        ("ci/p0/azure-pipelines.yml", 4),
        ("scripts/s0.ps1", 4),
    ]
    pipelines = next(n for n in notes if n.finding.mark.path.startswith("ci/"))
    assert pipelines.fix.startswith("Rewrite the pipelines' steps against Resource Manager")
    assert all(f.startswith("ci/") for f in pipelines.files)
