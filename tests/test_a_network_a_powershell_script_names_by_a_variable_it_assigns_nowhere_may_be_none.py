"""`New-AzureVM -VNetName $VNet` where the script assigns `$VNet` nowhere: run as written, in a session of its
own, `$VNet` is $null and the cmdlet puts the deployment in no virtual network; only a session that set it
first gives it a network. So the VM *may* be in a network without a subnet (MIG203, a warning) and *may* be in
none (MIG105, a warning), where it was an error that it is in a network without one. A variable something the
reader does not follow may set (a dot-sourced file, `Set-Variable`) stays a value not stated."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import Severity

VM = """\
$vmconfig = New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img"
New-AzureVM -ServiceName "svc2" -VMs $vmconfig -VNetName $VNet -Location "West US"
"""


def severities(result) -> dict[str, Severity]:
    """The severity of each finding of the run, by its code (the VM's are one of each)."""
    return {f.code: f.severity for f in result.findings if f.code in {"MIG105", "MIG203"}}


def test_a_network_the_script_never_assigns_may_be_none(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": VM}, dedent=False)
    assert severities(result) == {"MIG203": Severity.WARNING, "MIG105": Severity.WARNING}


@pytest.mark.parametrize(
    "before",
    [
        "$VNet = Read-Host\n",  # assigned a value the script does not state
        "Set-Variable -Name VNet -Value (Read-Host)\n",  # set by a command the reader does not follow
        '. "$PSScriptRoot\\settings.ps1"\n',  # a dot-sourced file may set it
    ],
)
def test_a_network_something_may_set_is_a_network_not_stated(tmp_path, monkeypatch, before):
    files = {"deploy.ps1": before + VM, "settings.ps1": "$Location = 'West US'\n"}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert severities(result) == {"MIG203": Severity.ERROR}
