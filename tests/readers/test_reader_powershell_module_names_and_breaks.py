"""PowerShell the reader got wrong: classic cmdlets named with their module (`Azure\\Get-AzureVM`),
and a loop over a list of constants whose rounds end with a `break` in a `catch` (`1..2 | % { try { … }
catch { break } }`), walked item by item."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_reader_powershell import _deployments, _script

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import ClassicCall, Document, Mark, MigrationStep, Script
from migcheck.plugins import load_rules

PATH = "deploy/vm.ps1"


def _mark(line: int, column: int) -> Mark:
    return Mark(PATH, line, column=column)


def _lint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, code: str) -> list[str]:
    (tmp_path / "s.ps1").write_text(script, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lint(["."], Config(select=(code,)), load_rules(entry_points=False))
    return [f"{f.location.line}:{f.location.column} {f.code}" for f in result.findings]


def _calls(doc: Document) -> list[str]:
    """The classic calls of a script: none when the reader finds no script of the classic module."""
    return [c.name for r in doc.resources if isinstance(r, Script) for c in r.calls]


def _roles(read, script: str) -> dict[str | None, list[str]]:
    return {d.service_name: [r.name for r in d.roles] for d in _deployments(read(PATH, script))}


# --- cmdlets named with the classic module ------------------------------------------------------------


def test_cmdlets_named_with_the_classic_module_are_classic_calls(read):
    doc = read(
        PATH,
        """
        Azure\\Select-AzureSubscription -SubscriptionName "prod"
        Azure\\Get-AzureVM -ServiceName "svc" | Azure\\Stop-AzureVM -Force
        azure\\start-azurevm -ServiceName "svc" -Name "vm1"
        """,
    )
    assert _script(doc).calls == (
        ClassicCall("Select-AzureSubscription", _mark(1, 1)),
        ClassicCall("Get-AzureVM", _mark(2, 1)),
        ClassicCall("Stop-AzureVM", _mark(2, 40)),
        ClassicCall("Start-AzureVM", _mark(3, 1)),
    )


def test_a_script_calling_cmdlets_by_their_module_is_reported(tmp_path, monkeypatch):
    script = 'Azure\\Get-AzureVM -ServiceName "svc" | Azure\\Stop-AzureVM -Force\n'
    assert _lint(tmp_path, monkeypatch, script, "MIG601") == ["1:1 MIG601"]


def test_vms_built_with_cmdlets_named_by_their_module_are_read(read):
    roles = _roles(
        read,
        """
        $vm = Azure\\New-AzureVMConfig -Name "web1" -InstanceSize Small -ImageName "img"
        $vm = $vm | AZURE\\Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password $pw
        Azure\\New-AzureVM -ServiceName "web" -Location "West Europe" -VMs $vm
        & Azure\\New-AzureQuickVM -Windows -ServiceName "invoked" -Name "v1" -ImageName $i -Location l
        $quick = @{ Windows = $true; ServiceName = "splatted"; Name = "v2"; ImageName = $i; Location = "l" }
        Azure\\New-AzureQuickVM @quick
        """,
    )
    assert roles == {"web": ["web1"], "invoked": ["v1"], "splatted": ["v2"]}


def test_a_migration_step_named_by_its_module_is_taken(read):
    doc = read(PATH, 'Azure\\Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "prod-vnet"\n')
    assert _script(doc).migration == (
        MigrationStep("Move-AzureVirtualNetwork", "prepare", "virtual-network", "prod-vnet", _mark(1, 1)),
    )


def test_the_mode_switch_named_by_its_module_switches(read):
    doc = read(PATH, "Azure\\Switch-AzureMode AzureResourceManager\nGet-AzureVM\n")
    assert _calls(doc) == []


@pytest.mark.parametrize(
    "name",
    [
        "AzureRM.Compute\\Get-AzureVM",  # another module's command of that name
        "MyModule\\Get-AzureVM",  # someone's own function
        "Azure.Storage\\Get-AzureVM",
        "\\Get-AzureVM",
        "NotAzure\\Get-AzureVM",
    ],
)
def test_a_name_qualified_by_another_module_is_not_the_classic_cmdlet(read, name):
    assert _calls(read(PATH, f'{name} -ServiceName "svc"\n')) == []


def test_the_module_cmdlet_runs_even_where_a_function_of_its_name_is_defined(read):
    roles = _roles(
        read,
        """
        function New-AzureQuickVM { param($ServiceName, $Name) Write-Host "would create $Name" }
        New-AzureQuickVM -ServiceName "wrapped" -Name "v0"
        Azure\\New-AzureQuickVM -Windows -ServiceName "module" -Name "v1" -ImageName $i -Location l
        """,
    )
    assert roles == {"module": ["v1"]}


# --- a loop whose rounds may end on an error -------------------------------------------------------------

_DEMO = """
$Prefix = "demo"
1..2 | % {
    try {
        $VMConfig = New-AzureVMConfig -Name "$Prefix-VM$_" -InstanceSize Small -ImageName "img" -ErrorAction Stop
    } catch { Write-Host 'failed'; break }
    New-AzureVM -ServiceName "svc" -Location "West US" -VMs $VMConfig
}
"""


def test_a_range_piped_to_foreach_object_with_a_break_on_error_is_walked_item_by_item(read):
    assert _roles(read, _DEMO) == {"svc": ["demo-VM1", "demo-VM2"]}


@pytest.mark.parametrize(
    "loop",
    [
        '"1", "2" | ForEach-Object {body}',
        "1..2 | foreach {body}",
        "foreach ($n in 1..2) {body}",
        'foreach ($n in @("1", "2")) {body}',
    ],
)
def test_a_loop_over_constants_whose_rounds_may_end_on_an_error_is_walked(read, loop):
    item = "$n" if loop.startswith("foreach (") else "$_"
    body = f"""{{
        try {{ $vm = New-AzureVMConfig -Name "vm{item}" -InstanceSize Small -ImageName "img" -ErrorAction Stop }}
        catch {{ Write-Warning "failed: $_"; continue }}
        New-AzureVM -ServiceName "svc" -Location l -VMs $vm
    }}"""
    assert _roles(read, loop.replace("{body}", body)) == {"svc": ["vm1", "vm2"]}


@pytest.mark.parametrize("end", ["break", "continue"])
def test_a_foreach_that_surely_breaks_on_an_error_goes_on_after_the_loop(read, end):
    script = f"""
    foreach ($n in "a", "b") {{
        New-AzureQuickVM -Windows -ServiceName "svc-$n" -Name $n -ImageName $i -Location l
        try {{ throw "no" }} catch {{ {end} }}
    }}
    New-AzureQuickVM -Windows -ServiceName "after" -Name "v" -ImageName $i -Location l
    """
    walked = ["svc-a"] if end == "break" else ["svc-a", "svc-b"]
    assert [name for name in _roles(read, script)] == [*walked, "after"]


def test_a_foreach_object_that_surely_breaks_on_an_error_ends_the_loop_around_it(read):
    """In `ForEach-Object`, `break` ends the loop around the pipeline (here the `foreach`), not one item."""
    script = """
    foreach ($s in "x", "y") {
        "a", "b" | ForEach-Object {
            New-AzureQuickVM -Windows -ServiceName "$s-$_" -Name "v" -ImageName $i -Location l
            try { throw "no" } catch { break }
        }
    }
    New-AzureQuickVM -Windows -ServiceName "after" -Name "v" -ImageName $i -Location l
    """
    assert [name for name in _roles(read, script)] == ["x-a", "after"]
