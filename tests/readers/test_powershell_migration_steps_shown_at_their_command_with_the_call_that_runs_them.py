"""A migration step a PowerShell function runs (a `Move-Azure*` cmdlet, or a request to a `migration?comp=`
path) is shown at that command, as a Python script's is at its request, with the call in the script's own
code that runs it, the outermost, as context: the steps a helper called several times runs are told apart,
each MIG602 finding at the command with the call that runs the step out of order in its message. A function
no call runs shows its steps where they are written, with no call."""

from __future__ import annotations

from lint_support import lint_files, where

from migcheck.model import Script

PATH = "deploy/move.ps1"

JUMP = """\
Select-AzureSubscription -SubscriptionName "Contoso Prod"
$vm = New-AzureVMConfig -Name jump01 -InstanceSize Small -ImageName "some-image" `
    -MediaLocation "https://contosostd.blob.core.windows.net/vhds/jump01.vhd"
New-AzureVM -ServiceName contoso-jump -Location "West Europe" -VMs $vm
"""
MOVE = """\
$base = "https://management.core.windows.net/00000000-0000-0000-0000-000000000001"
function Invoke-Step([string] $Uri, [string] $Comp) {
    Invoke-RestMethod -Method Post -Uri "$Uri/migration?comp=$Comp" -Certificate $cert
}
Invoke-Step "$base/services/storageservices/contosostd" Prepare
Invoke-Step "$base/services/storageservices/contosostd" Commit
Invoke-Step "$base/services/hostedservices/contoso-jump/deployments/contoso-jump" Commit
"""


def _steps(read, script: str) -> list[tuple[str, str, int, int | None]]:
    """(step, target, the command's line, the line of the call that runs it) of each step."""
    (found,) = [r for r in read(PATH, script).resources if isinstance(r, Script)]
    return [(s.step, s.target, s.mark.line, s.called_at and s.called_at.line) for s in found.migration]


def test_mig602_of_requests_a_helper_sends_is_at_the_request_with_each_call(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"jump.ps1": JUMP, "move.ps1": MOVE}, "MIG602", dedent=False)
    assert where(result.findings) == ["MIG602 move.ps1:3:5", "MIG602 move.ps1:3:5"]
    assert [f.message.rsplit("(", 1)[-1] for f in result.findings] == [
        "run by the call at line 5)",
        "run by the call at line 7)",
    ]


def test_a_cmdlet_step_in_a_helper_is_run_by_the_outermost_call(read):
    steps = _steps(
        read,
        """
        function Move-One([string] $Vnet, [string] $Step) {
            if ($Step -eq "Prepare") { Move-AzureVirtualNetwork -Prepare -VirtualNetworkName $Vnet }
            else { Move-AzureVirtualNetwork -Commit -VirtualNetworkName $Vnet }
        }
        function Move-All { Move-One "app-vnet" "Prepare"; Move-One "app-vnet" "Commit" }
        Move-All
        Move-One "db-vnet" "Prepare"
        """,
    )
    assert steps == [
        ("prepare", "app-vnet", 2, 6),
        ("commit", "app-vnet", 3, 6),
        ("prepare", "db-vnet", 2, 7),
    ]


def test_a_step_of_a_function_no_call_runs_is_where_it_is_written(read):
    steps = _steps(
        read,
        """
        function Move-One([string] $Vnet) {
            Move-AzureVirtualNetwork -Prepare -VirtualNetworkName $Vnet
        }
        """,
    )
    assert steps == [("prepare", "", 2, None)]
