"""A function one dot-sourced file defines is known in a file the same script dot-sources after it, as
PowerShell runs them, in one scope: main.ps1 dot-sources a.ps1, which defines `New-Web`, then b.ps1, whose top
level calls `New-Web shopsvc`; b.ps1 runs there, with a.ps1's function, and the VM is created in shopsvc. Read
alone, b.ps1 does not know the function; its own read is then not said again, so each finding is said once,
at the file that writes the command (a command of b.ps1's own: once, not with b.ps1 and again with main.ps1)."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.model import Deployment

A = (
    "function New-Web($svc) {\n"
    '    $vm = New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img"\n'
    '    New-AzureVM -ServiceName $svc -VMs $vm -Location "West Europe"\n'
    "}\n"
)
B = 'New-Web "shopsvc"\nRemove-AzureService -ServiceName "oldsvc" -Force\n'
MAIN = '. "$PSScriptRoot\\a.ps1"\n. "$PSScriptRoot\\b.ps1"\n'


def test_the_function_runs_where_the_later_file_calls_it(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"a.ps1": A, "b.ps1": B, "main.ps1": MAIN}, dedent=False)
    found = [
        (d.path, r.service_name)
        for d in result.documents
        for r in d.resources
        if isinstance(r, Deployment) and r.roles
    ]
    assert found == [("main.ps1", "shopsvc")]


def test_each_finding_is_said_once(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"a.ps1": A, "b.ps1": B, "main.ps1": MAIN}, dedent=False)
    said = [(f.code, f.location.path, f.location.line) for f in result.findings if f.location]
    assert len(said) == len(set(said))
    assert ("MIG105", "a.ps1", 3) in said


def test_read_alone_the_later_file_does_not_know_the_function(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"a.ps1": A, "b.ps1": B}, dedent=False)
    found = [d.path for d in result.documents for r in d.resources if isinstance(r, Deployment) and r.roles]
    assert found == ["a.ps1"]  # New-Web read once, with a service it does not know
