"""A step whose VMs the files stand for without naming them (a script that changes every VM of a cloud
service, `Get-AzureVM -ServiceName x | ... | Update-AzureVM`) checks the migration state of every VM of the
service before Commit, with commands that run as written: no `-Name '<VMs of cloud service x>'`."""

from __future__ import annotations

from lint_support import lint_files, run_cli

SCRIPT = """\
$serviceName = "shopsvc"
Get-AzureVM -ServiceName $serviceName | Set-AzureVMBGInfoExtension -ReferenceName "BGInfo" -Version "1.*" -Uninstall | Update-AzureVM
"""


def test_the_state_of_every_vm_of_the_service_is_checked(tmp_path, monkeypatch, capsys):
    lint_files(tmp_path, monkeypatch, {"fix.ps1": SCRIPT}, dedent=False)
    _, out, _ = run_cli(capsys, "plan", ".")
    assert "-Name '<VMs of" not in out and "azure vm show '<VMs of" not in out
    assert (
        "Get-AzureVM -ServiceName 'shopsvc' | ForEach-Object { '{0}: {1}' -f $_.Name, "
        "(Get-AzureVM -ServiceName 'shopsvc' -Name $_.Name).VM.MigrationState }" in out
    )
    assert (
        "# each VM of the cloud service that `azure vm list` shows:\n     azure vm show '<VM name>' -vv"
        in out
    )
