"""Arguments that go on past a method call (`-Password $cred.GetNetworkCredential().Password`) hide no
statement, however many a command has and however they are written.

tree-sitter-powershell reads no member, index or static member after a call's parentheses among a
command's arguments: it takes `$cred.GetNetworkCredential` for the argument and `()` for an argument list
of its own, and cannot place `.Password`. With two such arguments and another after them, its error
recovery read the rest of the line as an expression that ran on into the next line, and the next statement
(`New-AzureVM …`) was lost: the classic idiom `-AdminUsername $cred.GetNetworkCredential().UserName
-Password $cred.GetNetworkCredential().Password -Windows` made a whole VM deployment vanish, silently. With a
string or a word after such an argument, recovery read every line after it as tokens it could not place,
to the end of the script; with the argument at the end of a bracketed command (`(Get-Thing $x.M().P)`),
the bracket was lost and the rest of the script with it. However the argument starts (`(Get-Date).AddDays(1)
.Ticks`) and whatever its first call is given, the reader now parses that call as ending where the argument
ends."""

from __future__ import annotations

import pytest

from migcheck.model import Deployment, Document, Script
from migcheck.readers import read_document

HEAD = '$cred = Get-Credential\n$vm = New-AzureVMConfig -Name "web1" -InstanceSize "Small" -ImageName "img"\n'
NEXT = 'New-AzureVM -ServiceName "websvc" -VMs $vm\n'
USER, PASSWORD = "$cred.GetNetworkCredential().UserName", "$cred.GetNetworkCredential().Password"

# Each shape of a command whose arguments go on past a call, on the line before `NEXT`.
SHAPES = {
    "two named, then a switch": f"$vm | Add-AzureProvisioningConfig -AdminUsername {USER} -Password {PASSWORD} -Windows",
    "two named, then two switches": (
        f"$vm | Add-AzureProvisioningConfig -AdminUsername {USER} -Password {PASSWORD} -Windows -NoRDPEndpoint"
    ),
    "four named, joining a domain": (
        f"$vm | Add-AzureProvisioningConfig -AdminUsername {USER} -Password {PASSWORD} -WindowsDomain "
        f'-JoinDomain "corp" -Domain "corp" -DomainUserName {USER} -DomainPassword {PASSWORD}'
    ),
    "glued by colons": f"$vm | Add-AzureProvisioningConfig -AdminUsername:{USER} -Password:{PASSWORD} -Windows",
    "the VM passed by name, piped on": (
        f"Add-AzureProvisioningConfig -VM $vm -AdminUsername {USER} -Password {PASSWORD} -Windows | Out-Null"
    ),
    "assigned": f"$vm = $vm | Add-AzureProvisioningConfig -AdminUsername {USER} -Password {PASSWORD} -Windows",
    "in a pipeline": (
        f"$vm | Add-AzureProvisioningConfig -AdminUsername {USER} -Password {PASSWORD} -Windows "
        '| Set-AzureSubnet -SubnetNames "front"'
    ),
    "continued on the next line": (
        f"$vm | Add-AzureProvisioningConfig -AdminUsername {USER} -Password {PASSWORD} -Windows `\n  -NoRDPEndpoint"
    ),
    "after the command's name": f"Write-Output {USER} -NoEnumerate",
    "a list": f"Write-Output {USER}, {PASSWORD} -NoEnumerate",
    "any command": "Write-Output -InputObject $cred.A().B -NoEnumerate $cred.C().D -X",
    # Wherever it stands, and whatever it calls first.
    "two by position, after another argument": 'New-AzureService -ServiceName "svc0" $cfg.Get().Region $cfg.Get().Label',
    "a string after it": f'Write-Output {PASSWORD} "text"',
    "a bare word after it": f"Write-Output {PASSWORD} text",
    "a variable after it": f"Write-Output {PASSWORD} $other",
    "a number after it": f"Write-Output {PASSWORD} 5",
    "a splat before it": f'Write-Output @options {PASSWORD} "text"',
    "after a string": f'Write-Output "a" {PASSWORD} "text"',
    "glued by a colon, a string after it": f'Write-Output -InputObject:{PASSWORD} "text"',
    "a call after a call": "Write-Output $name.Trim().ToLower() text",
    "a list, a string after it": f'Write-Output {USER}, {PASSWORD} "text"',
    "ending at a closing parenthesis": f"$names = (Get-Thing {PASSWORD})",
    "ending at a subexpression's end": "$vms = @(Get-AzureVM -ServiceName $s.Name.ToLower().Trim())",
    "ending at a block's end": f"if ($cred) {{ Write-Output {PASSWORD} }}",
    "in a script block": f'$block = {{ Write-Output -InputObject {PASSWORD} "text" }}',
    "in a loop's body": 'foreach ($c in $creds) { Write-Output $c.Get().Name "text" }',
    "in a function": f"function Show {{ Write-Output {PASSWORD} text }}",
    "in a try block": f'try {{ Write-Output {PASSWORD} "text" }} catch {{ }}',
    "then a statement on the same line": f'Write-Output {PASSWORD} "text"; Write-Output "next"',
    "then a comment": f'Write-Output {PASSWORD} "text" # shown',
    # (an argument after the call's: a value by position past those the cmdlet takes would be refused)
    "a command's output called": 'Set-AzureSubnet -SubnetNames (Get-Content "subnets.txt").Trim().Split(",") -VM $vm',
    "a subexpression called": 'Write-Output $(Get-Date).AddDays(1).ToString("d") text',
    "a static member called": "Write-Output [DateTime]::Now.AddDays(1).Ticks text",
    "a variable in the call's arguments": 'Write-Output $names.Split("$separator").Count text',
    "brackets in the call's arguments": "Write-Output $names.Substring(($start + 1)).Length text",
    "a script block in the call's arguments": "Write-Output $vms.Where({ $_.Name }).Count text",
    "the call's arguments on two lines": 'Write-Output $names.Replace("a",\n  "b").Length text',
    "a member named by a variable": "Write-Output $cfg.Get().$field text",
    "a member named by a string": 'Write-Output $cfg.Get()."Name" text',
    "after a here-string": f'$h = @"\n{PASSWORD} "in the string"\n"@\nWrite-Output {PASSWORD} "text"',
}


def _read(text: str) -> Document:
    doc = read_document("deploy/vm.ps1", text.encode(), explicit=True)
    assert doc is not None
    return doc


def _script(doc: Document) -> Script:
    return next(r for r in doc.resources if isinstance(r, Script))


@pytest.mark.parametrize("next_line", [NEXT, 'New-AzureVM -VMs $vm -ServiceName "websvc"\n'])
@pytest.mark.parametrize("shape", SHAPES)
def test_the_statement_after_the_command_is_read(shape, next_line):
    doc = _read(HEAD + SHAPES[shape] + "\n" + next_line)
    assert doc.problem is None
    assert "New-AzureVM" in [call.name for call in _script(doc).calls]
    assert _script(doc).unread == ()
    services = {d.name: [r.name for r in d.roles] for d in doc.resources if isinstance(d, Deployment)}
    assert services == {"websvc": ["web1"]}


def test_an_argument_glued_by_a_colon_to_a_switch_is_the_switch_s_value():
    """`-Prepare:$x.Get().Now` gives the switch a value: the argument after it is still the first positional
    one (the storage account), not the second."""
    script = 'Move-AzureStorageAccount -Validate:$opts.Get().Now -Prepare "acct1"\n' + NEXT
    doc = _read(HEAD + script)
    steps = _script(doc).migration
    assert [(step.scope, step.target) for step in steps] == [("storage-account", "acct1")]
    assert "New-AzureVM" in [call.name for call in _script(doc).calls]


@pytest.mark.parametrize(
    "shape",
    ["a string after it", "ending at a closing parenthesis", "in a script block", "a call after a call"],
)
def test_the_statements_after_the_command_are_placed_where_the_script_writes_them(shape):
    """The source parsed keeps every offset: the calls after the command are where they are in the
    script, the second one on the same line as the first."""
    after = "  New-AzureService -ServiceName other; "
    doc = _read(HEAD + SHAPES[shape] + "\n" + after + NEXT)
    calls = [(call.name, call.mark.line, call.mark.column) for call in _script(doc).calls]
    assert calls[1:] == [("New-AzureService", 4, 3), ("New-AzureVM", 4, len(after) + 1)]
