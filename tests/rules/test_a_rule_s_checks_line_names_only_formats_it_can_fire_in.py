"""A rule's "checks:" line named every format whose reader produces a type the rule looks at, though the
rule fires on fewer: MIG602 named ARM templates, Bicep, inventory exports and declarations, where a finding
needs a script's migration step; rules about VMs, networks and alerts named `.toml` declarations, which
declare none of them; and rules that only a PowerShell step can fire left CI pipelines out, though a
pipeline's AzurePowerShell task or `shell: pwsh` step is read as the PowerShell script it runs; and rules
about scripts named graphical runbooks, whose activities are never read (no finding). Each line
now names the formats in which the rule can fire, and such a format here has a finding to show it."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where
from lint_support import run_cli as run

AUTHORIZE = (
    'New-AzureDedicatedCircuitLinkAuthorization -ServiceKey "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" '
    '-Description "Dev" -Limit 2 -MicrosoftIds "dev@contoso.com"'
)
AZURE_PIPELINES = (
    "steps:\n  - task: AzurePowerShell@5\n    inputs:\n      ScriptType: InlineScript\n      Inline: |\n"
    f"        {AUTHORIZE}\n"
)
GITHUB_ACTIONS = (
    "on: push\njobs:\n  share:\n    runs-on: windows-latest\n    steps:\n      - shell: pwsh\n"
    f"        run: {AUTHORIZE}\n"
)
TERRAFORM_COMMIT_FIRST = """\
resource "null_resource" "migrate" {
  provisioner "local-exec" {
    command = "azure network vnet commit-migration app-vnet && azure network vnet prepare-migration app-vnet"
  }
}
"""


def _line(capsys, code: str) -> list[str]:
    out = run(capsys, "rule", code)[1]
    [line] = [line for line in out.splitlines() if "checks: " in line]
    return line.split("checks: ", 1)[1].split(", ")


def test_mig602_names_only_the_formats_that_hold_migration_steps(capsys):
    line = _line(capsys, "MIG602")
    assert line == [
        "PowerShell scripts",
        "Python scripts",
        "shell scripts",
        "Makefiles",
        "Dockerfiles",
        "CI pipelines",
        "Ansible",
        "Terraform",
    ]


def test_mig602_fires_in_a_terraform_provisioner_its_line_names(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": TERRAFORM_COMMIT_FIRST}, "MIG602", dedent=False)
    assert where(result.findings) == ["MIG602 main.tf:3:16"]


@pytest.mark.parametrize("code", ["MIG104", "MIG105", "MIG106", "MIG207", "MIG301", "MIG501", "MIG503"])
def test_rules_about_what_no_declaration_states_do_not_name_declarations(capsys, code):
    assert "declarations (.toml)" not in _line(capsys, code)


def test_a_rule_about_what_declarations_state_still_names_them(capsys):
    assert "declarations (.toml)" in _line(capsys, "MIG311")


def test_mig311_names_ci_pipelines_and_not_ansible(capsys):
    line = _line(capsys, "MIG311")
    assert "CI pipelines" in line and "Ansible" not in line


@pytest.mark.parametrize(
    ("path", "text", "at"),
    [("azure-pipelines.yml", AZURE_PIPELINES, "6:9"), (".github/workflows/er.yml", GITHUB_ACTIONS, "7:14")],
    ids=["AzurePowerShell task", "shell pwsh"],
)
def test_mig311_fires_in_a_pipeline_s_powershell_step(tmp_path, monkeypatch, path, text, at):
    result = lint_files(tmp_path, monkeypatch, {path: text}, "MIG311", dedent=False)
    assert where(result.findings) == [f"MIG311 {path}:{at}"]
    assert "reached through an authorization link (authorization 'Dev'" in result.findings[0].message


@pytest.mark.parametrize("code", ["MIG003", "MIG601"])
def test_rules_about_scripts_do_not_name_graphical_runbooks(capsys, code):
    line = _line(capsys, code)
    assert "graphical runbooks" not in line and "PowerShell scripts" in line


def test_files_unread_are_still_checked_for_what_makes_a_file_unreadable(capsys):
    assert "graphical runbooks" in _line(capsys, "MIG001")
