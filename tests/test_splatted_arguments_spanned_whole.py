"""A finding a PowerShell script gets where a splatted table passes what it is about (`Add-AzureEndpoint -VM
$vm @ep`, whose table gives the endpoint its ACL), when the table literal does not state the entry itself (it is
added afterwards), spans the splat whole, `@` and the variable's name, as one at a `$variable` spans it; an `@`
that opens an array, a table or a here-string is one character still. An entry the literal states is shown
where it is written (tests/test_a_finding_points_at_the_value_that_causes_it.py)."""

from __future__ import annotations

from lint_support import lint_files

from migcheck import scan

SCRIPT = """\
$acl = New-AzureAclConfig
Set-AzureAclConfig -AddRule -ACL $acl -Action Deny -RemoteSubnet "0.0.0.0/0" -Order 2
$ep = @{ Name = "RDP"; Protocol = "tcp"; LocalPort = 3389; PublicPort = 3389 }
$ep.ACL = $acl
$vm = New-AzureVMConfig -Name "app01" -InstanceSize Small -ImageName $img
$vm = Set-AzureSubnet -VM $vm -SubnetNames "app"
$vm = Add-AzureEndpoint -VM $vm @ep
New-AzureVM -ServiceName "svc" -VNetName "prod-vnet" -VMs $vm
"""


def test_an_acl_passed_in_a_splatted_table_is_shown_at_the_whole_splat(tmp_path, monkeypatch):
    [finding] = lint_files(tmp_path, monkeypatch, {"acl.ps1": SCRIPT}, "MIG201").findings
    location = finding.location
    assert (location.line, location.column, location.end_column) == (7, 33, 36)


def test_an_at_sign_that_splats_nothing_is_one_character():
    for text in ("@{ a = 1 }", "@(1, 2)", '@"', "@ x"):
        assert scan.token_end(text, 0, len(text)) == 1
    assert scan.token_end("@params -x", 0, 10) == 7
