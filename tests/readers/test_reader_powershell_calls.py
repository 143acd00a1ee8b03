"""What the PowerShell reader follows across the script's own structure: the VM a `Get-AzureVM` result
holds (`$vm.VM`), the script's functions run at each call with the values the call passes, and `foreach`
loops over a list the script writes out, run once per item."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from test_reader_powershell import _calls, _deployments, _role

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import Mark
from migcheck.plugins import load_rules

PATH = "deploy/vm.ps1"


def _mark(line: int, column: int) -> Mark:
    return Mark(PATH, line, column=column)


def _lint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, code: str
) -> list[tuple[int, int, str]]:
    (tmp_path / "s.ps1").write_text(textwrap.dedent(script).lstrip("\n"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lint(["."], Config(select=(code,)), load_rules(entry_points=False))
    return [(f.location.line, f.location.column, f.message) for f in result.findings]


# --- the VM of a Get-AzureVM result ---------------------------------------------------------------------


def test_the_vm_property_of_an_existing_vm_is_that_vm(read):
    """`Get-AzureVM` returns a PersistentVMRoleContext, whose `.VM` is the configuration the Set-* cmdlets
    change: `Update-AzureVM -VM $vm.VM` updates the VM `$vm` is."""
    doc = read(
        PATH,
        """
        $vm = Get-AzureVM -ServiceName "svc1" -Name "vm1"
        $acl = New-AzureAclConfig
        Set-AzureAclConfig -AddRule -ACL $acl -Order 1 -Action Permit -RemoteSubnet "10.0.0.0/8"
        Set-AzureEndpoint -Name "RDP" -Protocol tcp -LocalPort 3389 -PublicPort 3389 -ACL $acl -VM $vm
        $vm = Set-AzureVMExtension -ExtensionName 'WebDeployForVSDevTest' -Publisher 'Microsoft.VisualStudio.WindowsAzure.DevTest' -Version '1.*' -VM $vm
        Update-AzureVM -ServiceName "svc1" -Name "vm1" -VM $vm.VM
        """,
    )
    role = _role(doc, "vm1")
    (endpoint,) = role.endpoints
    assert endpoint.acl is not None and len(endpoint.acl.rules) == 1
    assert [(e.name, e.mark) for e in role.extensions] == [("WebDeployForVSDevTest", _mark(5, 7))]


def test_an_acl_on_the_vm_of_an_existing_vm_is_reported(tmp_path, monkeypatch):
    script = """
        $vm = Get-AzureVM -ServiceName "svc1" -Name "vm1"
        $acl = New-AzureAclConfig
        Set-AzureAclConfig -AddRule -ACL $acl -Order 1 -Action Permit -RemoteSubnet "10.0.0.0/8"
        Set-AzureEndpoint -Name "RDP" -Protocol tcp -LocalPort 3389 -PublicPort 3389 -ACL $acl -VM $vm
        Update-AzureVM -ServiceName "svc1" -Name "vm1" -VM $vm.VM
        """
    assert [at[:2] for at in _lint(tmp_path, monkeypatch, script, "MIG201")] == [(4, 83)]


def test_other_properties_of_an_existing_vm_are_not_the_vm(read):
    doc = read(
        PATH,
        """
        $vm = Get-AzureVM -ServiceName "svc1" -Name "vm1"
        Set-AzureVMBGInfoExtension -Version "1.*" -VM $vm
        Update-AzureVM -ServiceName "svc1" -Name "vm1" -VM $vm.Name
        """,
    )
    assert _deployments(doc) == []


# --- the script's functions, at each call -----------------------------------------------------------------


def test_a_function_is_run_at_each_call_with_the_values_it_is_given(read):
    doc = read(
        PATH,
        """
        function New-Web($name, $set) {
            New-AzureVMConfig -Name $name -InstanceSize Small -ImageName $img -AvailabilitySetName $set |
                Set-AzureSubnet -SubnetNames "web"
        }
        $a = New-Web "web1" "webset"
        $b = New-Web -Set "appset" -Name "web2"
        New-AzureVM -ServiceName "front" -VNetName "prodvnet" -VMs $a,$b -Location "West Europe"
        """,
    )
    (deployment,) = _deployments(doc)
    assert deployment.service_name == "front"
    assert [(r.name, r.availability_set) for r in deployment.roles] == [
        ("web1", "webset"),
        ("web2", "appset"),
    ]
    # Where the body writes them, as for a function run once with values it does not know.
    assert [(r.mark, r.availability_set_mark) for r in deployment.roles] == [(_mark(2, 5), _mark(2, 92))] * 2
    assert all(not r.unknown for r in deployment.roles)


@pytest.mark.parametrize(
    "function",
    [
        'function New-Web($name, $set) {\n    New-AzureVMConfig -Name $name -InstanceSize Small -ImageName $img -AvailabilitySetName $set |\n        Set-AzureSubnet -SubnetNames "web"\n}',
        'function New-Web {\n    param([string]$Name, [string]$Set)\n    New-AzureVMConfig -Name $Name -InstanceSize Small -ImageName $img -AvailabilitySetName $Set |\n        Set-AzureSubnet -SubnetNames "web"\n}',
        'function New-Web($name, $set = "appset") {\n    $vm = New-AzureVMConfig -Name $name -InstanceSize Small -ImageName $img -AvailabilitySetName $set\n    Set-AzureSubnet -SubnetNames "web" -VM $vm | Out-Null\n    return $vm\n}',
    ],
    ids=["declared", "param-block", "default-and-return"],
)
def test_two_availability_sets_built_by_one_function_are_reported(tmp_path, monkeypatch, function):
    calls = (
        '$a = New-Web "web1" "webset"\n$vms = @($a)\n$vms += New-Web -Name "web2"\n'
        if "appset" in function
        else '$a = New-Web "web1" "webset"\n$b = New-Web -Name "web2" -Set "appset"\n$vms = @($a, $b)\n'
    )
    script = (
        f'{function}\n{calls}New-AzureVM -ServiceName "front" -VNetName "prodvnet" -VMs $vms -Location "l"\n'
    )
    (finding,) = _lint(tmp_path, monkeypatch, script, "MIG102")
    assert (
        finding[2]
        == "cloud service 'front' has 2 availability sets ('webset', 'appset'); 'appset' holds 'web2'"
    )
    assert finding[0] == 2 + ("param" in function)  # in the function's body


def test_a_call_binds_by_exact_name_then_by_abbreviation_then_by_position(read):
    """As PowerShell binds: a name that is also the start of another is that parameter; an abbreviation of
    one parameter only is it; one of several binds none (its value goes to no parameter); positional values
    fill the parameters not named, in the order they are declared."""
    doc = read(
        PATH,
        """
        function New-Web($Name, $NameSuffix, $Set, $Size) {
            New-AzureVMConfig -Name "$Name$NameSuffix" -InstanceSize $Size -ImageName $i -AvailabilitySetName $Set
        }
        $a = New-Web -name "web" -Si "Small" "1" "aset"
        $b = New-Web -Na "web" -Set "bset" "2"
        $c = New-Web "web" "3" -NameSuffix "x" -Size "Large"
        New-AzureVM -ServiceName "front" -VNetName "v" -VMs $a,$b,$c -Location "l"
        """,
    )
    (deployment,) = _deployments(doc)
    assert [(r.name, r.size, r.availability_set) for r in deployment.roles] == [
        ("web1", "Small", "aset"),
        ("<VM name, vm.ps1:2>", "", "bset"),  # "2" is the name, and the suffix is not given
        ("webx", "Large", "3"),
    ]


def test_changes_a_function_makes_to_a_vm_it_is_given_are_the_vms(read):
    doc = read(
        PATH,
        """
        function Add-Web([Parameter(ValueFromPipeline = $true)] $VM, $Port) {
            $VM | Add-AzureEndpoint -Name "web$Port" -Protocol tcp -LocalPort $Port
        }
        $vm = New-AzureVMConfig -Name "a" -InstanceSize Small -ImageName $i
        Add-Web -VM $vm -Port 80
        $vm | Add-Web -Port 443
        New-AzureVM -ServiceName "s" -VMs $vm -Location "l" -VNetName "v"
        """,
    )
    role = _role(doc, "a")
    assert [(e.name, e.local_port) for e in role.endpoints] == [("web80", "80"), ("web443", "443")]
    assert "endpoints" not in role.unknown


def test_a_function_called_with_values_it_does_not_know_reads_as_before(read):
    doc = read(
        PATH,
        """
        param($ServiceName)
        function Deploy($service, $name) {
            New-AzureVMConfig -Name $name -InstanceSize Small -ImageName $i | New-AzureVM -ServiceName $service -Location l
        }
        Deploy $ServiceName $env:VM_NAME
        Deploy $ServiceName $env:VM_NAME
        """,
    )
    (deployment,) = _deployments(doc)
    assert (deployment.service_name, deployment.name) == ("", "<deployment name, vm.ps1:3>")
    assert [r.name for r in deployment.roles] == ["<VM name, vm.ps1:3>"]


def test_a_function_never_called_and_a_recursive_one_are_read_once_with_unknown_values(read):
    doc = read(
        PATH,
        """
        function Deploy($service) {
            New-AzureQuickVM -Windows -ServiceName $service -Name "jump" -ImageName $i -Location l
        }
        function Again($service) {
            New-AzureQuickVM -Windows -ServiceName $service -Name "loop" -ImageName $i -Location l
            Again "other"
        }
        Again "first"
        """,
    )
    assert sorted((d.service_name, d.name) for d in _deployments(doc)) == [
        ("", "<deployment name, vm.ps1:2>"),
        ("", "<deployment name, vm.ps1:5>"),
        ("first", "first"),
    ]


def test_a_switch_the_call_does_not_pass_is_false(read):
    """A switch parameter not given is $false, and a branch under it does not run (its classic calls are
    still the script's calls): the VM gets no second network interface."""
    doc = read(
        PATH,
        """
        function New-TestVM([string]$VMName, [switch]$SecondNIC, [switch]$Windows) {
            $vm = New-AzureVMConfig -Name $VMName -InstanceSize Small -ImageName $i | Set-AzureSubnet -SubnetNames "front"
            if ($SecondNIC) { $vm | Add-AzureNetworkInterfaceConfig -Name "nic2" -SubnetName "back" }
            if ($Windows) { $os = "windows" } else { $os = "linux" }
            New-AzureVM -ServiceName "svc-$os" -VMs $vm -Location l
        }
        New-TestVM -Windows "one"
        New-TestVM "two" -SecondNIC
        """,
    )
    assert [(d.service_name, [r.name for r in d.roles]) for d in _deployments(doc)] == [
        ("svc-windows", ["one"]),
        ("svc-linux", ["two"]),
    ]
    assert [s.name for s in _role(doc, "one").subnets] == ["front"]
    assert [s.name for s in _role(doc, "two").subnets] == ["front", "back"]
    assert "Add-AzureNetworkInterfaceConfig" in _calls(doc)


def test_a_vm_a_function_passes_on_with_its_own_arguments_may_change(read):
    doc = read(
        PATH,
        """
        function Add-Things($VM) { Add-MyEndpoints @PSBoundParameters }
        $vm = New-AzureVMConfig -Name "a" -InstanceSize Small -ImageName $i
        Add-Things -VM $vm
        New-AzureVM -ServiceName "s" -VMs $vm -Location "l" -VNetName "v"
        """,
    )
    assert {"subnets", "availability_set", "endpoints", "extensions"} <= _role(doc, "a").unknown


# --- foreach over a list the script writes out --------------------------------------------------------------


@pytest.mark.parametrize("items", ['"1","2"', '@("1", "2")', "1..2", "(1..2)", "1 .. 2", "$names"])
def test_a_loop_over_a_written_list_runs_once_per_item(tmp_path, monkeypatch, items):
    script = f"""
        $names = 1, 2
        foreach ($n in {items}) {{
            New-AzureVMConfig -Name "db$n" -InstanceSize Small -ImageName $img |
                Set-AzureSubnet -SubnetNames "data" |
                Set-AzureStaticVNetIP -IPAddress "10.0.2.10" |
                New-AzureVM -ServiceName "db$n" -VNetName "prodvnet" -Location "West Europe"
        }}
        """
    (finding,) = _lint(tmp_path, monkeypatch, script, "MIG306")
    assert finding[2].startswith(
        "VM 'db2' of cloud service 'db2' asks for private IP 10.0.2.10, which VM 'db1'"
    )


def test_a_loop_that_may_stop_early_or_walks_a_long_list_is_read_once(read):
    doc = read(
        PATH,
        """
        foreach ($n in "a", "b") {
            New-AzureQuickVM -Windows -ServiceName "svc-$n" -Name $n -ImageName $i -Location l
            if ($done) { break }
        }
        foreach ($n in 1..65) { New-AzureQuickVM -Windows -ServiceName "big-$n" -Name "v" -ImageName $i -Location l }
        """,
    )
    assert [d.name for d in _deployments(doc)] == [
        "<deployment name, vm.ps1:2>",
        "<deployment name, vm.ps1:5>",
    ]


def test_what_a_loop_over_a_written_list_assigns_carries_from_one_round_to_the_next(read):
    doc = read(
        PATH,
        """
        $vms = @()
        foreach ($n in "a", "b") {
            $vms += New-AzureVMConfig -Name "web-$n" -InstanceSize Small -ImageName $i -AvailabilitySetName "set-$n"
        }
        New-AzureVM -ServiceName "s" -VMs $vms -Location l
        """,
    )
    assert [(r.name, r.availability_set, r.mark) for r in _role_list(doc)] == [
        ("web-a", "set-a", _mark(3, 13)),
        ("web-b", "set-b", _mark(3, 13)),
    ]


def test_a_variable_assigned_once_in_the_text_but_walked_with_several_values_is_no_constant(read):
    """A function the script never calls sees the script's variables assigned once; one a loop walked item
    by item gives several values is not one of them."""
    doc = read(
        PATH,
        """
        function Show { New-AzureQuickVM -Windows -ServiceName $service -Name "v" -ImageName $i -Location l }
        foreach ($n in "a", "b") { $service = "svc-$n" }
        $fixed = "one"
        foreach ($n in "a", "b") { $other = "svc-$fixed" }
        function Other { New-AzureQuickVM -Windows -ServiceName $other -Name "v" -ImageName $i -Location l }
        """,
    )
    assert [(d.service_name, d.name) for d in _deployments(doc)] == [
        ("", "<deployment name, vm.ps1:1>"),
        ("svc-one", "svc-one"),
    ]


def _role_list(doc):
    (deployment,) = _deployments(doc)
    return deployment.roles
