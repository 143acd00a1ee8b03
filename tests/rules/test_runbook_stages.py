"""A runbook that runs one stage per invocation (a branch of an `if`, a clause of a `switch` on its `-Step`
parameter, an argument of a Python script) is judged stage by stage by MIG602; a network configuration a
PowerShell script PUTs to the Service Management API is read as the Python one is; MIG601 lists every
replacement; a PowerShell script that does not parse is reported."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.readers import powershell

IF_ELSE = """\
param([switch]$Finish, [switch]$Rollback)
$svc = "contoso-jump"
if ($Finish) {
    Move-AzureService -Commit -ServiceName $svc -DeploymentName $svc
} elseif ($Rollback) {
    Move-AzureService -Abort -ServiceName $svc -DeploymentName $svc
} else {
    Move-AzureService -Validate -ServiceName $svc -DeploymentName $svc -CreateNewVirtualNetwork
    Move-AzureService -Prepare -ServiceName $svc -DeploymentName $svc -CreateNewVirtualNetwork
}
"""

SWITCH = """\
[CmdletBinding()]
param(
    [Parameter(Mandatory)][ValidateSet("Abort", "Commit", "Prepare", "Validate")][string]$Step,
    [string]$VNetName = "prod-vnet"
)
switch ($Step) {
    "Abort"    { Move-AzureVirtualNetwork -Abort -VirtualNetworkName $VNetName }
    "Commit"   { Move-AzureVirtualNetwork -Commit -VirtualNetworkName $VNetName }
    "Prepare"  { Move-AzureVirtualNetwork -Prepare -VirtualNetworkName $VNetName }
    "Validate" { Move-AzureVirtualNetwork -Validate -VirtualNetworkName $VNetName }
}
"""

GUARD = """\
param([switch]$Finish)
if ($Finish) {
    Move-AzureService -Commit -ServiceName "s" -DeploymentName "s"
    return
}
Move-AzureService -Validate -ServiceName "s" -DeploymentName "s" -CreateNewVirtualNetwork
Move-AzureService -Prepare -ServiceName "s" -DeploymentName "s" -CreateNewVirtualNetwork
"""

PYTHON_STEPS = """\
import argparse
from azure.servicemanagement import ServiceManagementService

parser = argparse.ArgumentParser()
parser.add_argument("step", choices=["commit", "abort", "prepare", "validate"])
args = parser.parse_args()

sms = ServiceManagementService(SUB_ID, "mgmt.pem")
path = "/%s/services/networking/virtualnetwork/prod-vnet/migration" % SUB_ID

if args.step == "commit":
    sms.perform_post(path + "?comp=Commit", "")
elif args.step == "abort":
    sms.perform_post(path + "?comp=Abort", "")
elif args.step == "prepare":
    sms.perform_post(path + "?comp=Prepare", "")
else:
    sms.perform_post(path + "?comp=Validate", "")
"""


@pytest.mark.parametrize(
    ("name", "text"),
    [("Migrate.ps1", IF_ELSE), ("Step.ps1", SWITCH), ("Guard.ps1", GUARD), ("migrate.py", PYTHON_STEPS)],
)
def test_a_runbook_that_runs_one_stage_per_invocation_is_in_order(tmp_path, monkeypatch, name, text):
    assert where(lint_files(tmp_path, monkeypatch, {name: text}, "MIG602").findings) == []


def test_a_commit_written_before_its_prepare_on_the_same_branch_is_still_reported(tmp_path, monkeypatch):
    script = """\
    param([switch]$Finish)
    if ($Finish) {
        Move-AzureVirtualNetwork -Commit -VirtualNetworkName "v"
        Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "v"
    } else {
        Move-AzureVirtualNetwork -Validate -VirtualNetworkName "v"
    }
    """
    findings = lint_files(tmp_path, monkeypatch, {"m.ps1": script}, "MIG602").findings
    assert where(findings) == ["MIG602 m.ps1:3:5"]
    assert "Commit comes before any Prepare of virtual network 'v'" in findings[0].message


def test_a_commit_before_the_prepare_in_straight_code_is_still_an_error(tmp_path, monkeypatch):
    script = """\
    Move-AzureService -Validate -ServiceName "s" -DeploymentName "s" -CreateNewVirtualNetwork
    Move-AzureService -Commit -ServiceName "s" -DeploymentName "s"
    Move-AzureService -Prepare -ServiceName "s" -DeploymentName "s" -CreateNewVirtualNetwork
    """
    assert where(lint_files(tmp_path, monkeypatch, {"m.ps1": script}, "MIG602").findings) == [
        "MIG602 m.ps1:2:1"
    ]


def test_commit_or_abort_on_the_result_of_a_prepare_is_in_order(tmp_path, monkeypatch):
    script = """\
    Move-AzureVirtualNetwork -Validate -VirtualNetworkName "v"
    Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "v"
    if ($ok) { Move-AzureVirtualNetwork -Commit -VirtualNetworkName "v" }
    else { Move-AzureVirtualNetwork -Abort -VirtualNetworkName "v" }
    """
    assert where(lint_files(tmp_path, monkeypatch, {"m.ps1": script}, "MIG602").findings) == []


def test_a_stage_that_commits_one_resource_and_prepares_another_is_judged_as_a_run(tmp_path, monkeypatch):
    script = """\
    param([switch]$Finish)
    if ($Finish) {
        Move-AzureService -Commit -ServiceName "s" -DeploymentName "s"
        Move-AzureService -Prepare -ServiceName "t" -DeploymentName "t" -CreateNewVirtualNetwork
    } else {
        Move-AzureService -Validate -ServiceName "s" -DeploymentName "s" -CreateNewVirtualNetwork
        Move-AzureService -Prepare -ServiceName "s" -DeploymentName "s" -CreateNewVirtualNetwork
    }
    """
    assert where(lint_files(tmp_path, monkeypatch, {"m.ps1": script}, "MIG602").findings) == [
        "MIG602 m.ps1:3:5"
    ]


def test_a_function_run_on_a_branch_and_outside_it_runs_with_everything(tmp_path, monkeypatch):
    script = """\
    function Finish-It { Move-AzureService -Commit -ServiceName "s" -DeploymentName "s" }
    if ($x) { Finish-It } else { Move-AzureService -Validate -ServiceName "s" -DeploymentName "s" -CreateNewVirtualNetwork }
    Finish-It
    Move-AzureService -Prepare -ServiceName "s" -DeploymentName "s" -CreateNewVirtualNetwork
    """
    # At the function's Commit, run by the first call, on the branch.
    (finding,) = lint_files(tmp_path, monkeypatch, {"m.ps1": script}, "MIG602").findings
    assert where([finding]) == ["MIG602 m.ps1:1:22"]
    assert finding.message.endswith("(run by the call at line 2)")


def test_a_switch_on_a_parameter_the_script_assigns_again_is_no_choice(tmp_path, monkeypatch):
    script = """\
    param([string]$Step)
    $Step = @("Prepare", "Commit")
    switch ($Step) {
        "Commit"  { Move-AzureVirtualNetwork -Commit -VirtualNetworkName "v" }
        "Prepare" { Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "v" }
    }
    """
    assert where(lint_files(tmp_path, monkeypatch, {"m.ps1": script}, "MIG602").findings) == [
        "MIG602 m.ps1:4:17"
    ]


def test_python_steps_on_one_branch_keep_their_order(tmp_path, monkeypatch):
    script = PYTHON_STEPS.replace(
        'sms.perform_post(path + "?comp=Commit", "")',
        'sms.perform_post(path + "?comp=Commit", "")\n    sms.perform_post(path + "?comp=Prepare", "")',
    )
    assert where(lint_files(tmp_path, monkeypatch, {"m.py": script}, "MIG602").findings) == [
        "MIG602 m.py:12:9"
    ]


# --- a network configuration PUT from PowerShell ----------------------------------------------------------

NETCFG_PUT = """\
$body = @"
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="office">
        <AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
      </LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="old-vnet" AffinityGroup="contoso-ag">
        <AddressSpace><AddressPrefix>10.1.0.1/16</AddressPrefix></AddressSpace>
        <Gateway>
          <ConnectionsToLocalNetwork>
            <LocalNetworkSiteRef name="office"><Connection type="Dedicated" /></LocalNetworkSiteRef>
          </ConnectionsToLocalNetwork>
        </Gateway>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"@
{send} -Method {method} -Uri "https://management.core.windows.net/$subId/services/networking/media" `
    -Certificate $cert -Headers @{ "x-ms-version" = "2015-04-01" } -Body $body -ContentType "text/plain"
"""


@pytest.mark.parametrize("send", ["Invoke-RestMethod", "Invoke-WebRequest"])
def test_a_network_configuration_put_from_powershell_is_checked(tmp_path, monkeypatch, send):
    script = NETCFG_PUT.replace("{send}", send).replace("{method}", "Put")
    found = lint_files(tmp_path, monkeypatch, {"up.ps1": script}, "MIG302", "MIG303", "MIG304").findings
    assert sorted(where(found)) == ["MIG302 up.ps1:14:48", "MIG303 up.ps1:10:58", "MIG304 up.ps1:11:23"]


def test_a_network_configuration_only_read_back_is_not_an_upload(tmp_path, monkeypatch):
    script = NETCFG_PUT.replace("{send}", "Invoke-RestMethod").replace("{method}", "Post")
    found = lint_files(tmp_path, monkeypatch, {"up.ps1": script}, "MIG302", "MIG303", "MIG304").findings
    assert found == []


def test_the_prefix_in_a_powershell_here_string_is_reported_not_rewritten(tmp_path, monkeypatch):
    script = NETCFG_PUT.replace("{send}", "Invoke-RestMethod").replace("{method}", "Put")
    [finding] = lint_files(tmp_path, monkeypatch, {"up.ps1": script}, "MIG304").findings
    assert finding.autofix is None


# --- MIG601 lists every replacement --------------------------------------------------------------------


def test_every_replacement_is_listed_once_in_the_order_of_the_calls(tmp_path, monkeypatch):
    cmdlets = [
        "Add-AzureAccount",
        "Select-AzureSubscription",
        "Get-AzureVM",
        "Stop-AzureVM",
        "Start-AzureVM",
        "Restart-AzureVM",
        "Remove-AzureVM",
        "Add-AzureDataDisk",
        "Get-AzureStorageKey",
        "New-AzureReservedIP",
    ]
    script = "\n".join(f"{name} -Name x" for name in [*cmdlets, "Get-AzureVM", "Get-AzureDeployment"])
    [finding] = lint_files(tmp_path, monkeypatch, {"all.ps1": script}, "MIG601").findings
    listed = finding.fix.split(": ", 1)[1]
    names = [pair.split(" → ")[0] for pair in listed.split("; ") if " → " in pair]
    # The first eight, in the order of the calls; the rest counted once each (Get-AzureVM is called twice):
    # the last two cmdlets and Get-AzureDeployment, which has no replacement of its own.
    assert names == cmdlets[:8]
    assert finding.fix.endswith("; and 3 more: `migcheck rule MIG601` lists every replacement.")


# --- PowerShell that does not parse ------------------------------------------------------------------------

BROKEN = """\
$vm = New-AzureVMConfig -Name "sql02" -InstanceSize "Large" -ImageName $img
if ($x {
$vm = Set-AzureSubnet -VM $vm -SubnetNames "data","backup"
New-AzureVM -ServiceName "contoso-sql2" -VNetName "prod-vnet" -VMs $vm
"""


def test_a_bracket_never_closed_where_the_grammar_is_lost_is_a_syntax_error(tmp_path, monkeypatch):
    found = lint_files(tmp_path, monkeypatch, {"deploy.ps1": BROKEN}, "MIG001").findings
    assert where(found) == ["MIG001 deploy.ps1:2:4"]
    assert "'(' is never closed" in found[0].message
    assert "Close it with ')'" in found[0].fix


def test_a_syntax_error_is_reported_by_the_reader_and_nothing_is_read():
    document = powershell.read("deploy.ps1", BROKEN.encode())
    assert document.problem is not None and (document.problem.mark.line, document.problem.mark.column) == (
        2,
        4,
    )
    assert document.resources == ()  # PowerShell runs none of a script it cannot parse


def test_the_powershell_reader_says_it_gives_what_a_network_configuration_gives():
    from migcheck.produced import PRODUCES

    assert PRODUCES["migcheck.readers.netcfg"] <= PRODUCES["migcheck.readers.powershell"]
