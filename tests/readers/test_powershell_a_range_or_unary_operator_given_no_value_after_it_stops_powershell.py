"""PowerShell refuses a script where a range or unary operator is given no value after it ("You must provide
a value expression following the '..' operator"). `1..` is a number and the range operator, not a command's
name (as `1..5` is a range): with a command on the next line, a closer or the end of the file after it,
PowerShell stops there. A unary operator (`-not`, `!`, `-bnot`) before a closer, the end of a statement or
of the file, or a command's name, is left open the same way. The script runs none of its lines, so it is
MIG001 at the operator and nothing else."""

from __future__ import annotations

import pytest

from tests.lint_support import lint_files, where

VM = "New-AzureVM -ServiceName svc -Location 'West US' -VMs $vm\n"

REFUSED = {
    "a range, a command on the next line": ("$x = 1..\n" + VM, "1:7", ".."),
    "a range at a statement's start": ("1..\n" + VM, "1:2", ".."),
    "a range before a closer": ("$x = (1..)\n" + VM, "1:8", ".."),
    "a range before a statement's end": ("$x = 0x1F..; " + VM, "1:10", ".."),
    "a range at the end of the file": (VM + "$x = 1..", "2:7", ".."),
    "a negation before a closer": ("$x = (-not)\n" + VM, "1:7", "-not"),
    "a negation before a command": ("if (-not Test-Path x) {\n" + VM + "}\n", "1:5", "-not"),
    "a '!' at the end of a line and of the file": (VM + "$x = !\n", "2:6", "!"),
    "a bitwise not before a statement's end": ("$x = -bnot; " + VM, "1:6", "-bnot"),
    "a split before a closer": ("$x = (-split)\n" + VM, "1:7", "-split"),
    "a join before a statement's end": ("$x = -join; " + VM, "1:6", "-join"),
}


@pytest.mark.parametrize(("script", "place", "operator"), REFUSED.values(), ids=REFUSED)
def test_the_script_is_a_syntax_problem_at_the_operator_and_nothing_else(
    tmp_path, monkeypatch, script, place, operator
):
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, dedent=False)
    assert where(result.findings) == [f"MIG001 deploy.ps1:{place}"]
    assert f"the '{operator}' operator is given no value after it" in result.findings[0].message


KEPT = {
    "a range, its end on the next line": "$x = 1..\n5\n",
    "a range written whole": "$x = 1..5\n",
    "a command whose name ends in dots": "Get-Thing..\n",
    "a word that is no number before the dots": "1a..\n",
    "a negation of a value on the next line": "$x = -not\n$true\n",
    "a negation of a value": "$x = -not $a\n",
}


@pytest.mark.parametrize("line", KEPT.values(), ids=KEPT)
def test_a_script_powershell_reads_is_read(tmp_path, monkeypatch, line):
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": line + VM}, dedent=False)
    codes = [f.code for f in result.findings]
    assert "MIG001" not in codes and "MIG601" in codes
