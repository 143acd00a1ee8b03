"""PowerShell takes the typographic quotes for quotes: scripts pasted from documents and blogs hold them,
on one end of a string or both."""

from __future__ import annotations

from lint_support import lint_files, where

SCRIPT = (
    "Select-AzureSubscription -SubscriptionId 'xxxx\u2019\n"
    "New-AzureReservedIP \u2013ReservedIPName rip1 -Location 'West US' -ServiceName \u2018mysvc\u2019\n"
    "$vm = New-AzureVMConfig -Name \u201cvm1\u201d -InstanceSize Small -ImageName img |"
    " Set-AzureSubnet -SubnetNames \u201ea\u201d,\u201cb\u201d\n"
    "New-AzureVM -ServiceName \u2018mysvc\u2019 -VMs $vm -VNetName net\n"
)


def test_typographic_quotes_delimit_strings_and_keep_every_position(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"a.ps1": SCRIPT}, "MIG106", "MIG202", dedent=False)
    assert where(result.findings) == ["MIG106 a.ps1:2:37", "MIG202 a.ps1:3:107"]
    messages = " ".join(f.message for f in result.findings)
    assert "cloud service 'mysvc'" in messages and "VM 'vm1'" in messages
