"""A readiness row not decided for a name the files do not state said where to find the name after a
second colon, and its counts after that: `Not decided: the files do not state the cloud service's name:
Get-AzureVM, with no parameters, lists each VM with its ServiceName; 1 warning`, which reads as if the
warning were Get-AzureVM's. Where to look is now said in brackets, so the counts follow the reason."""

from __future__ import annotations

from lint_support import JUMP_VM_STATE_DEPLOYMENT, run_cli

DEPLOYMENT = JUMP_VM_STATE_DEPLOYMENT.format(state="RoleStateUnknown")


def test_where_to_find_the_name_is_in_brackets_before_the_counts(tmp_path, monkeypatch, capsys):
    (tmp_path / "jump.deployment.xml").write_text(DEPLOYMENT)
    # The VM's state turned down to information: the row is not decided for the name alone.
    (tmp_path / "migcheck.toml").write_text('[severity]\nMIG208 = "info"\n')
    monkeypatch.chdir(tmp_path)
    out = run_cli(capsys, "check", ".")[1]
    row = next(line for line in out.splitlines() if "(1 VM)" in line)
    verdict = row[row.index("Not decided") :]
    assert verdict.startswith(
        "Not decided: the files do not state the cloud service's name (Get-AzureVM, with no parameters, lists "
        "each VM with its ServiceName); 1 warning"
    )
    assert verdict.count(":") == 1
