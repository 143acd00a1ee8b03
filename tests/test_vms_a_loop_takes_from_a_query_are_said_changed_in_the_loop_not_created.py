"""A VM a script takes from a query in each round of a loop over a list the files do not hold
(`foreach ($r in Import-Csv vms.csv) { Get-AzureVM -ServiceName $r.Svc -Name $r.Vm | Set-AzureEndpoint … |
Update-AzureVM }`) exists already: the loop changes it, and its cloud service, one per item. The readiness
summary and the plan say them changed in the loop, where they said them created there; VMs a loop creates
are still said created."""

from __future__ import annotations

from lint_support import run_cli

CHANGED = """\
foreach ($r in Import-Csv vms.csv) {
    Get-AzureVM -ServiceName $r.Svc -Name $r.Vm |
        Set-AzureEndpoint -Name HTTP -Protocol tcp -LocalPort 80 -PublicPort 80 | Update-AzureVM
}
"""
CREATED = """\
foreach ($r in Import-Csv vms.csv) {
    New-AzureQuickVM -Windows -ServiceName $r.Svc -Name $r.Vm -ImageName img -AdminUsername a -Password p
}
"""


def reports(tmp_path, monkeypatch, capsys, script: str) -> tuple[str, str]:
    """The readiness summary and the plan of a folder holding `script` alone."""
    (tmp_path / "vms.ps1").write_text(script, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    summary = run_cli(capsys, "check", ".")[1]
    return summary, run_cli(capsys, "plan", ".")[1]


def test_vms_a_loop_changes_are_said_changed(tmp_path, monkeypatch, capsys):
    summary, plan = reports(tmp_path, monkeypatch, capsys, CHANGED)
    assert "cloud services changed in a loop over Import-Csv vms.csv (<cloud service name" in summary
    assert "VMs changed in a loop over Import-Csv vms.csv (<VM name" in plan
    assert "created in a loop" not in summary + plan


def test_vms_a_loop_creates_are_said_created(tmp_path, monkeypatch, capsys):
    summary, plan = reports(tmp_path, monkeypatch, capsys, CREATED)
    assert "cloud services created in a loop over Import-Csv vms.csv (<cloud service name" in summary
    assert "changed in a loop" not in summary + plan
