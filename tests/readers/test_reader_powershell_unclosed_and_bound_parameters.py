"""PowerShell the reader got wrong: a bracket never closed that the grammar's error recovery
drops (no missing closer in the tree), and `$PSBoundParameters` inside a function run at a call."""

from __future__ import annotations

from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plugins import load_rules
from migcheck.readers.powershell import _open_brackets, read, syntax_tree


def _lint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], *codes: str) -> list[str]:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lint(["."], Config(select=codes), load_rules(entry_points=False))
    return [f"{f.location.path}:{f.location.line}:{f.location.column} {f.code}" for f in result.findings]


def _problem(script: str) -> str | None:
    problem = read("deploy.ps1", script.encode()).problem
    return problem.message if problem is not None else None


# --- a bracket never closed -------------------------------------------------------------------------------

_SERVICE = 'New-AzureService -ServiceName "x"\n'
# A region the grammar cannot read in scripts PowerShell runs: the brackets are counted past it.
_BENIGN = "Get-Thing -Param2 x\n"  # a parameter's name with a digit


def test_a_script_block_never_closed_after_a_command_is_reported_and_nothing_read(tmp_path, monkeypatch):
    script = 'New-AzureService -ServiceName "x" {\n'
    assert _lint(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG001", "MIG601") == [
        "deploy.ps1:1:35 MIG001",
    ]
    assert _problem(script) == "not valid PowerShell: '{' is never closed (line 1, column 35)"


@pytest.mark.parametrize(
    ("script", "message"),
    [
        ('New-AzureVM -ServiceName "x" -VMs $vm {\n', "'{' is never closed (line 1, column 39)"),
        ('New-AzureService -ServiceName "x" {\n  Get-Date\n', "'{' is never closed (line 1, column 35)"),
        ("New-AzureService -ServiceName (\n", "'(' is never closed (line 1, column 31)"),
        (f"{_SERVICE}$h = @{{\n  a = 1\n", "'@{' is never closed (line 2, column 6)"),
        (f"{_SERVICE}$h = @(\n  1\n", "'@(' is never closed (line 2, column 6)"),
        (f"{_SERVICE}$h = (\n  1\n", "'(' is never closed (line 2, column 6)"),
        (f"{_SERVICE}$h = $(\n  1\n", "'$(' is never closed (line 2, column 6)"),
        (f"{_SERVICE}$h = {{\n  1\n", "'{' is never closed (line 2, column 6)"),
        (f"{_SERVICE}& {{\n  1\n", "'{' is never closed (line 2, column 3)"),
        (f"{_SERVICE}$a | Where-Object {{\n", "'{' is never closed (line 2, column 19)"),
        (f"{_SERVICE}{{ Get-Date }}\n$x = @{{ a = 1\nGet-Date\n", "'@{' is never closed (line 3, column 6)"),
        (f"{_BENIGN}{_SERVICE}echo a(b\n", "'(' is never closed (line 3, column 7)"),  # `(` ends a word
    ],
)
def test_a_bracket_never_closed_anywhere_is_reported_at_the_bracket(script, message):
    assert _problem(script) == f"not valid PowerShell: {message}"
    assert read("deploy.ps1", script.encode()).resources == ()  # PowerShell runs none of it


@pytest.mark.parametrize(
    "script",
    [
        "dir [abc\n",  # `[` is a character of a command's argument
        "Copy-Item x[1 y\n",
        'Write-Host "a`"{b"\n',
        "Write-Host 'it''s {'\n",
        '$x = @"\n{ (\n"@\n',
        "$x = @'\n{ (\n'@\n",
        "# {\nWrite-Host x\n",
        "<# { #>\nWrite-Host x\n",
        "Write-Host ${env:ProgramFiles(x86)}\n",
        'Write-Host "$( "{" )"\n',
        'Write-Host "a""{"\n',
        "Write-Host `{\n",
        "Write-Host \u201c{\u201d\n",  # typographic quotes are quotes to PowerShell
        "icacls c:\\x --% /grant {\n",  # the rest of the line is passed as written
        "echo a#{\n",  # `#` in a word starts no comment
        "Write-Host x -Arg1 {\n}\n",
    ],
)
def test_a_script_whose_brackets_all_close_is_not_reported(script):
    assert syntax_tree((_BENIGN + script).encode()).root_node.has_error
    assert _problem(_BENIGN + script) is None
    assert _problem(script + _BENIGN) is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("a { b ( c", [(2, b"{"), (6, b"(")]),
        ("$x = @{ a = $(", [(5, b"@{"), (12, b"$(")]),
        ('"$(" {', None),  # a string in the string's `$(`, never closed
        ('"$(1)" {', [(7, b"{")]),
        ("a ( }", None),  # a closer of another bracket
        ("a }", None),
        ("$a#{", None),  # a comment or a word: the parse decides
        ("'a {", None),  # a string never closed
        ("a { } ( )", []),
    ],
)
def test_the_count_of_open_brackets(text, found):
    assert _open_brackets(text.encode()) == found


# --- `$PSBoundParameters` in a function run at a call ---------------------------------------------------------

_DEPLOY_TIER = """\
function Deploy-Tier {{
    param([string]$Tier = "backend")
    {guard}
    if ($Tier -eq "backend") {{ $subnets = @("be", "mgmt") }} else {{ $subnets = @("fe") }}
    $vm = New-AzureVMConfig -Name "tier-01" -InstanceSize "Medium" -ImageName "img"
    $vm = Set-AzureSubnet -VM $vm -SubnetNames $subnets
    New-AzureVM -ServiceName "contoso-tiers" -VNetName "contoso-vnet" -VMs $vm
}}
{call}
"""
_THROWS = 'if (-not $PSBoundParameters.ContainsKey("Tier")) { throw "Pass -Tier" }'


@pytest.mark.parametrize(
    "guard",
    [
        _THROWS,
        "if (!$PSBoundParameters.ContainsKey('tier')) { Write-Error 'Pass -Tier'; exit 1 }",
        "if ($PSBoundParameters.ContainsKey('Tier')) { Write-Host 'given' } else { throw 'Pass -Tier' }",
    ],
)
def test_a_function_that_ends_unless_the_parameter_is_passed_ends_at_a_call_without_it(
    tmp_path, monkeypatch, guard
):
    script = _DEPLOY_TIER.format(guard=guard, call="Deploy-Tier")
    assert _lint(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG202") == []


@pytest.mark.parametrize(
    ("guard", "call"),
    [
        (_THROWS, 'Deploy-Tier -Tier "backend"'),
        (_THROWS, 'Deploy-Tier "backend"'),  # passed by position
        (_THROWS, 'Deploy-Tier -T "backend"'),  # by a prefix of its name
        ('if (-not $PSBoundParameters.ContainsKey("Tier")) { Write-Host "default tier" }', "Deploy-Tier"),
    ],
)
def test_a_function_given_the_parameter_or_going_on_without_it_runs_on(tmp_path, monkeypatch, guard, call):
    script = _DEPLOY_TIER.format(guard=guard, call=call)
    assert _lint(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG202") == ["deploy.ps1:4:51 MIG202"]
