"""PowerShell refuses a script where a binary operator is given no value after it ("You must provide a value
expression following the '+' operator"): `$a = 1 +` at the end of a line and a command on the next (a
command's name is no value in an expression), a closer, the end of the statement or of the file. The script
runs none of its lines, so it is MIG001 at the operator and nothing else, where its calls were read as run
or the region was read as a part not read. A value on the next line, after a comment or a backtick, ends
the expression, and a `+` among a command's arguments is a word of it."""

from __future__ import annotations

import pytest

from tests.lint_support import lint_files, where

VM = "New-AzureVM -ServiceName svc -Location 'West US' -VMs $vm\n"

REFUSED = {
    "a sum, a command on the next line": ("$a = 1 +\n" + VM, "1:8", "+"),
    "a conjunction at the end of the file": (VM + "$a = $b -and\n", "2:9", "-and"),
    "a list's comma": ("$a = 1,\n" + VM, "1:7", ","),
    "a comparison before a closer": ("if ($a -eq) {\n" + VM + "}\n", "1:8", "-eq"),
    "a sum in brackets": ("$a = (1 +)\n" + VM, "1:9", "+"),
    "a call's argument": ("$a = $x.M(1 *)\n" + VM, "1:13", "*"),
    "a table's value, a key on the next line": ("$h = @{a = 1 +\nb = 2}\n" + VM, "1:14", "+"),
    "a comment after the operator": ("$a = 1 + # more\n" + VM, "1:8", "+"),
    "a format before a statement's end": ("$a = 'x{0}' -f; " + VM, "1:13", "-f"),
}


@pytest.mark.parametrize(("script", "place", "operator"), REFUSED.values(), ids=REFUSED)
def test_the_script_is_a_syntax_problem_at_the_operator_and_nothing_else(
    tmp_path, monkeypatch, script, place, operator
):
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, dedent=False)
    assert where(result.findings) == [f"MIG001 deploy.ps1:{place}"]
    assert f"the '{operator}' operator is given no value after it" in result.findings[0].message


KEPT = {
    "a value on the next line": "$a = 1 +\n2\n",
    "a value after a comment": "$a = 1 + # more\n  2\n",
    "a value after a backtick": "$a = 1 -eq `\n  2\n",
    "a negative value": "$a = 1 -\n-2\n",
    "an operator the grammar does not know": "$a = 'x' -cin $b\n",
}


@pytest.mark.parametrize("line", KEPT.values(), ids=KEPT)
def test_a_script_powershell_reads_is_read(tmp_path, monkeypatch, line):
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": line + VM}, dedent=False)
    codes = [f.code for f in result.findings]
    assert "MIG001" not in codes and "MIG601" in codes


def test_a_plus_among_a_command_s_arguments_is_no_operator(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": "Write-Output (1) +\n" + VM}, dedent=False)
    assert "MIG001" not in [f.code for f in result.findings]
