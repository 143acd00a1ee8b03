"""A variable a PowerShell script reads and assigns nowhere (not a parameter, set by nothing it dot-sources
or runs) is $null when the script runs as written, in a session of its own, and the session's value when
one that set it runs the script (a caller's scope; an ADFS farm script relying on its session). The script
does not say which, so a finding that turns on it says which it assumes, as a warning: `New-AzureVM
-VNetName $VNet` joins a network without a subnet (MIG203) if the session that runs the script sets `$VNet`,
and unless it does the VM is in no virtual network (MIG105). Nothing speaks of paths the script does not
have. A variable something may set (a dot-sourced file, `Set-Variable`) stays a value not stated, and
`Set-AzureSubnet` refuses $null (`-SubnetNames` is mandatory), so a subnet named by such a variable is never
missing. Two subnets `-SubnetNames $Sub1, $Sub2` names are so only if the session sets them: a
warning that names them."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import Severity

VM = """\
$vmconfig = New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img"
New-AzureVM -ServiceName "svc2" -VMs $vmconfig -VNetName $VNet -Location "West US"
"""


def findings(tmp_path, monkeypatch, files: dict[str, str]):
    result = lint_files(tmp_path, monkeypatch, files, "MIG105", "MIG203", dedent=False)
    return sorted(result.findings, key=lambda f: f.code)


def test_a_network_the_script_never_assigns_is_the_session_s(tmp_path, monkeypatch):
    no_network, no_subnet = findings(tmp_path, monkeypatch, {"deploy.ps1": VM})
    assert where([no_network, no_subnet]) == ["MIG105 deploy.ps1:2:1", "MIG203 deploy.ps1:1:13"]
    assert (no_network.severity, no_subnet.severity) == (Severity.WARNING, Severity.WARNING)
    assert no_subnet.message == (
        "VM 'vm1' of cloud service 'svc2' joins a virtual network without a subnet if the session that "
        "runs the script sets `$VNet`, which the script assigns nowhere (line 2)"
    )
    assert no_network.message.startswith(
        "deployment 'svc2' of cloud service 'svc2': unless the session that runs the script sets `$VNet`, which the script "
        "assigns nowhere, VM 'vm1' is in no virtual network: migration stops"
    )
    assert not any("path" in f.message for f in (no_network, no_subnet))


@pytest.mark.parametrize(
    "before",
    [
        "$VNet = Read-Host\n",  # assigned a value the script does not state
        "Set-Variable -Name VNet -Value (Read-Host)\n",  # set by a command the reader does not follow
        '. "$PSScriptRoot\\settings.ps1"\n',  # a dot-sourced file may set it
    ],
    ids=["read-host", "set-variable", "dot-sourced"],
)
def test_a_network_something_may_set_is_a_network_not_stated(tmp_path, monkeypatch, before):
    files = {"deploy.ps1": before + VM, "settings.ps1": "$Location = 'West US'\n"}
    [finding] = findings(tmp_path, monkeypatch, files)
    assert (finding.code, finding.severity) == ("MIG203", Severity.ERROR)


def test_a_network_assigned_on_some_paths_keeps_the_words_of_paths(tmp_path, monkeypatch):
    script = "$VNet = if ($args.Count) { $args[0] } else { $null }\n" + VM
    no_network, no_subnet = findings(tmp_path, monkeypatch, {"deploy.ps1": script})
    assert "on one path of the script this call creates it in none" in no_network.message
    assert "may be in a virtual network" in no_subnet.message
    assert not any("session" in f.message for f in (no_network, no_subnet))


QUICK_VM = (
    'New-AzureQuickVM -Windows -ServiceName "svc3" -Name "vm3" -ImageName "img" -AdminUsername a '
    '-Password p -Location "West US" -VNetName "net1" -SubnetNames $Subnet\n'
)


def test_a_subnet_the_script_never_assigns_is_the_session_s(tmp_path, monkeypatch):
    [finding] = findings(tmp_path, monkeypatch, {"deploy.ps1": QUICK_VM})
    assert (finding.code, finding.severity) == ("MIG203", Severity.WARNING)
    assert finding.message == (
        "VM 'vm3' of cloud service 'svc3' is in virtual network 'net1' and has no subnet unless the "
        "session that runs the script sets `$Subnet`, which the script assigns nowhere (line 1)"
    )


def test_set_azure_subnet_given_a_variable_never_assigned_fails_rather_than_leave_none(tmp_path, monkeypatch):
    script = (
        '$vm = New-AzureVMConfig -Name "vm4" -InstanceSize Small -ImageName "img" |\n'
        "    Set-AzureSubnet -SubnetNames $Subnet\n"
        'New-AzureVM -ServiceName "svc4" -VMs $vm -VNetName "net1" -Location "West US"\n'
    )
    assert findings(tmp_path, monkeypatch, {"deploy.ps1": script}) == []


@pytest.mark.parametrize("place", ["-Location $Location", "-AffinityGroup $Location"])
def test_a_place_the_script_never_assigns_creates_the_deployment_in_none_if_the_session_sets_it(
    tmp_path, monkeypatch, place
):
    # Without it the call names no place and adds the VM to a deployment the service may have.
    script = (
        '$vm = New-AzureVMConfig -Name "vm5" -InstanceSize Small -ImageName "img"\n'
        f'New-AzureVM -ServiceName "svc5" -VMs $vm {place}\n'
    )
    [finding] = findings(tmp_path, monkeypatch, {"deploy.ps1": script})
    assert (finding.code, finding.severity) == ("MIG105", Severity.WARNING)
    assert finding.message.startswith(
        "deployment 'svc5' of cloud service 'svc5' is in no virtual network if the session that runs the "
        "script sets `$Location`, which the script assigns nowhere (else the call names no place and adds "
        "its VMs to a deployment the cloud service may have): migration stops"
    )


def _second_subnet(tmp_path, monkeypatch, subnets: str):
    script = (
        '$vm = New-AzureVMConfig -Name "vm6" -InstanceSize Small -ImageName "img" |\n'
        f"    Set-AzureSubnet -SubnetNames {subnets}\n"
        'New-AzureVM -ServiceName "svc6" -VMs $vm -VNetName "net1" -Location "West US"\n'
    )
    return lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG202", dedent=False).findings


@pytest.mark.parametrize(
    ("subnets", "assumed"),
    [
        ("$Sub1, $Sub2", "`$Sub1` and `$Sub2`"),
        # -SubnetNames is mandatory: PowerShell binds no $null item to it, so without $Sub2 the cmdlet fails
        ('"FrontEnd", $Sub2', "`$Sub2`"),
    ],
    ids=["both", "one"],
)
def test_a_second_subnet_the_session_may_set_is_a_warning_naming_it(tmp_path, monkeypatch, subnets, assumed):
    [finding] = _second_subnet(tmp_path, monkeypatch, subnets)
    assert finding.severity == Severity.WARNING
    assert finding.message.endswith(
        f" if the session that runs the script sets {assumed}, which the script assigns nowhere"
    )


def test_two_subnets_surely_set_beside_one_the_session_may_set_are_an_error(tmp_path, monkeypatch):
    [finding] = _second_subnet(tmp_path, monkeypatch, '"FrontEnd", "BackEnd", $Sub3')
    assert finding.severity == Severity.ERROR
    assert "session" not in finding.message
