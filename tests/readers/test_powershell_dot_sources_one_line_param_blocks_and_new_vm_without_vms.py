"""PowerShell scripts as repositories write them: a script that dot-sources another before it builds its
list of VM configurations with `+=`, a one-line function whose `param (…)` block code follows on its line,
and a New-AzureVM given no configuration."""

from __future__ import annotations

import textwrap

from migcheck.model import Deployment, Script
from migcheck.readers.powershell import read


def _deployments(text: str) -> list[Deployment]:
    document = read("deploy.ps1", textwrap.dedent(text).encode())
    assert document.problem is None
    return [r for r in document.resources if isinstance(r, Deployment)]


def _vm_names(text: str) -> list[list[str]]:
    return [[role.name for role in d.roles] for d in _deployments(text)]


def test_a_list_built_after_a_dot_source_holds_only_the_configurations_added():
    names = _vm_names(
        """\
        . .\\helpers.ps1
        $vms = @()
        $vms += New-AzureVMConfig -Name "one" -InstanceSize Small -ImageName "img"
        $vms += New-AzureVMConfig -Name "two" -InstanceSize Small -ImageName "img"
        New-AzureVM -ServiceName "svc6" -Location "East US" -VMs $vms
        """
    )
    assert names == [["one", "two"]]


def test_a_list_built_before_a_dot_source_may_hold_what_the_dot_sourced_file_adds():
    names = _vm_names(
        """\
        $vms = @()
        $vms += New-AzureVMConfig -Name "one" -InstanceSize Small -ImageName "img"
        . .\\helpers.ps1
        New-AzureVM -ServiceName "svc6" -Location "East US" -VMs $vms
        """
    )
    assert len(names) == 1
    assert names[0][0] == "one"
    assert len(names[0]) == 2  # and one the reader cannot see


def test_a_value_assigned_after_a_dot_source_in_a_function_is_known():
    deployments = _deployments(
        """\
        function Deploy {
            . .\\settings.ps1
            $service = "svc7"
            New-AzureQuickVM -Windows -ServiceName $service -Name vm1 -ImageName img -Password p -AdminUsername a
        }
        Deploy
        """
    )
    assert [(d.service_name, [r.name for r in d.roles]) for d in deployments] == [("svc7", ["vm1"])]


def test_a_value_assigned_before_a_dot_source_decides_no_condition_after_it():
    deployments = _deployments(
        """\
        $useVm = $false
        . "$PSScriptRoot\\settings.ps1"
        if ($useVm) {
            New-AzureQuickVM -Windows -ServiceName svc8 -Name vm1 -ImageName img -Password p -AdminUsername a
        }
        """
    )
    assert [d.service_name for d in deployments] == ["svc8"]


def test_new_azure_vm_without_configurations_creates_nothing():
    text = """\
        $config = New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img"
        New-AzureService -ServiceName $name -Location "West US"
        New-AzureVM -ServiceName $name -VNetName $network
        """
    assert _deployments(text) == []
    document = read("deploy.ps1", textwrap.dedent(text).encode())
    calls = [r for r in document.resources if isinstance(r, Script)]
    assert calls and "New-AzureVM" in [c.name for c in calls[0].calls]


def test_new_azure_vm_given_configurations_by_the_pipeline_creates_them():
    names = _vm_names(
        """\
        New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img" | New-AzureVM -ServiceName svc9
        """
    )
    assert names == [["vm1"]]


def test_a_one_line_function_whose_param_block_code_follows_is_read():
    for separator in (" ", "; ", "\n"):
        text = (
            "Import-Module Azure\n"
            f"function f0 {{ param($s){separator}New-AzureService -ServiceName $s -Location 'West US'\n"
            "    New-AzureQuickVM -Windows -ServiceName $s -Name vm1 -ImageName img -Password p -AdminUsername a }\n"
            "f0 'svc1'\n"
        )
        document = read("deploy.ps1", text.encode())
        assert document.problem is None, separator
        deployments = [r for r in document.resources if isinstance(r, Deployment)]
        assert [(d.service_name, [r.name for r in d.roles]) for d in deployments] == [("svc1", ["vm1"])]
        scripts = [r for r in document.resources if isinstance(r, Script)]
        assert scripts and "New-AzureService" in [c.name for c in scripts[0].calls]


def test_a_one_line_function_keeps_its_lines_and_columns():
    text = (
        "$vmc = New-AzureVMConfig -Name vm1 -ImageName img -InstanceSize Small\n"
        "function f0 { [CmdletBinding()] param($s)\tNew-AzureVM -ServiceName $s -VMs $vmc -Location 'West US' }\n"
        "f0 'svc'\n"
    )
    document = read("deploy.ps1", text.encode())
    (deployment,) = [r for r in document.resources if isinstance(r, Deployment)]
    assert deployment.service_name == "svc"
    assert (deployment.mark.line, deployment.mark.column) == (2, 43)


_LIBRARY = """\
function Set-SqlVmsIlb($service, $vms) {
    foreach ($node in $vms) {
        Get-AzureVM -ServiceName $service -Name $node.NodeName |
            Add-AzureEndpoint -Name sql -Protocol tcp -LocalPort 1433 -PublicPort 1433 -InternalLoadBalancerName ilb |
            Update-AzureVM
    }
}
"""


def test_a_library_function_no_call_runs_changes_a_vm_named_by_stand_ins():
    # As a VM it creates is read: whatever script imports or dot-sources it changes a VM so.
    for path in ("Util-AzureProvision.psm1", "helpers.ps1"):
        document = read(path, _LIBRARY.encode())
        (deployment,) = [r for r in document.resources if isinstance(r, Deployment)]
        assert deployment.name.startswith("<deployment name"), path
        (vm,) = deployment.roles
        assert vm.changes_existing and [e.name for e in vm.endpoints] == ["sql"]
        (script,) = [r for r in document.resources if isinstance(r, Script)]
        assert [c.name for c in script.calls] == ["Get-AzureVM", "Add-AzureEndpoint", "Update-AzureVM"]


def test_a_library_function_called_in_its_file_or_a_runbook_still_changes_the_vm():
    called = _LIBRARY + "Set-SqlVmsIlb $svc $nodes\n"
    runbook = _LIBRARY.replace(
        "function Set-SqlVmsIlb($service, $vms) {", "workflow Set-SqlVmsIlb {\n    param($service, $vms)"
    )
    stated = _LIBRARY.replace("-ServiceName $service", "-ServiceName sqlsvc")
    for text in (called, runbook, stated):
        deployments = [r for r in read("helpers.ps1", text.encode()).resources if isinstance(r, Deployment)]
        assert len(deployments) == 1, text
