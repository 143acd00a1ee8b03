"""Information changes no verdict: a readiness row that passes says "Validation passed", not "Validation
passed: 2 info", which reads as something to do. The findings list still shows each of them."""

from __future__ import annotations

from lint_support import JUMP_VM_STATE_DEPLOYMENT, run_cli

DEPLOYMENT = JUMP_VM_STATE_DEPLOYMENT.format(state="RoleStateUnknown")


def test_a_scope_whose_findings_are_all_information_passes_without_a_count(tmp_path, monkeypatch, capsys):
    (tmp_path / "jump.deployment.xml").write_text(DEPLOYMENT)
    (tmp_path / "migcheck.toml").write_text('[severity]\nMIG105 = "info"\nMIG208 = "info"\n')
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".")
    row = next(line for line in out.splitlines() if "(1 VM)" in line)
    # The deployment body names no service: its step asks for the name first, and no count follows.
    assert row.endswith(
        "(1 VM)  Not decided: the files do not state the cloud service's name (Get-AzureVM, with no "
        "parameters, lists each VM with its ServiceName)"
    )
    assert "MIG208 [info]" in out and "MIG105 [info]" in out  # still listed
    assert out.splitlines()[-1].endswith(": 2 info.")
