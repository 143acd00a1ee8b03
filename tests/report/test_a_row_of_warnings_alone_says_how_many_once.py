"""A readiness row whose findings are warnings alone says how many in place of the word: `Validation passed
with 1 warning`, `Passes with 2 warnings`, where it said them twice (`Validation passed with warnings: 1
warning`). A row of warnings that counts another severity (an error the settings turn down to a warning) keeps
the count apart (`Validation passed with warnings: 1 error`)."""

from __future__ import annotations

from lint_support import lint_files, run_cli

SCRIPT = """\
$vm = New-AzureVMConfig -Name "web1" -InstanceSize Small -ImageName "img" -MediaLocation "https://contosodata.blob.core.windows.net/vhds/web1.vhd"
New-AzureVM -ServiceName "contoso-web" -VMs $vm -Location "West Europe"
"""


def _rows(capsys) -> dict[str, str]:
    lines = run_cli(capsys, "check", ".")[1].splitlines()
    return {line.split()[0]: " ".join(line.split()[1:]) for line in lines if line.startswith("    ")}


def test_rows_of_warnings_say_their_count_once(tmp_path, monkeypatch, capsys):
    lint_files(tmp_path, monkeypatch, {"a.ps1": SCRIPT, "b.ps1": SCRIPT}, dedent=False)
    rows = _rows(capsys)
    assert rows["contoso-web"].startswith("(1 VM) Validation passed with 1 warning")
    assert rows["a.ps1"].startswith("Passes with 1 warning (")
    assert not any("with warnings" in row for row in rows.values())
