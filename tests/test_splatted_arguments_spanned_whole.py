"""A finding a PowerShell script gets where a splatted table passes what it is about (`Add-AzureEndpoint -VM
$vm @ep`, whose table gives the endpoint its ACL) is shown at the entry's value, also where the entry is added
after the table literal (`$ep.ACL = $acl`), and spans that value whole, as one at a `$variable` does. A splat
token spans the `@` and the variable's name; an `@` that opens an array, a table or a here-string is one
character still. (An entry the literal states: tests/test_a_finding_points_at_the_value_that_causes_it.py.)"""

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


def test_an_acl_added_to_a_splatted_table_is_shown_at_the_whole_value_added(tmp_path, monkeypatch):
    [finding] = lint_files(tmp_path, monkeypatch, {"acl.ps1": SCRIPT}, "MIG201").findings
    location = finding.location
    assert (location.line, location.column, location.end_column) == (4, 11, 15)  # `$acl` of `$ep.ACL = $acl`


def test_an_at_sign_that_splats_nothing_is_one_character():
    for text in ("@{ a = 1 }", "@(1, 2)", '@"', "@ x"):
        assert scan.token_end(text, 0, len(text)) == 1
    assert scan.token_end("@params -x", 0, 10) == 7
