"""What the PowerShell reader follows across the script's own structure: the VM a `Get-AzureVM` result
holds (`$vm.VM`) and the names it was got by, the script's functions run at each call with the values the
call passes (once their definition has run), `foreach` loops over a list the script writes out, run once per
item, steps by one (`$i++`), paths that end early (`return`, `exit`, …) and the conditions the reader
decides."""

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
    assert [(e.name, e.mark) for e in role.extensions] == [("WebDeployForVSDevTest", _mark(5, 43))]


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
    # Each VM at the call that makes it (the function is called more than once, so the body's place would
    # not tell them apart); what the body writes, where it writes it.
    assert [(r.mark, r.availability_set_mark) for r in deployment.roles] == [
        (_mark(5, 6), _mark(2, 92)),
        (_mark(6, 6), _mark(2, 92)),
    ]
    # All but their disks' storage account: made from an image, where no current storage account is read.
    assert all(r.unknown == {"disks"} for r in deployment.roles)


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


def test_a_parameter_that_says_it_takes_no_piped_input_is_not_given_it(read):
    text = """
        function Add-Web([Parameter(ValueFromPipeline = $false)] $VM, $Port) {
            $VM | Add-AzureEndpoint -Name "web$Port" -Protocol tcp -LocalPort $Port
        }
        $vm = New-AzureVMConfig -Name "a" -InstanceSize Small -ImageName $i
        Add-Web -VM $vm -Port 80
        $vm | Add-Web -Port 443
        New-AzureVM -ServiceName "s" -VMs $vm -Location "l" -VNetName "v"
        """
    role = _role(read(PATH, text), "a")
    assert [e.name for e in role.endpoints] == ["web80"]


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
    assert (deployment.service_name, deployment.name) == (
        "",
        "<deployment name, -ServiceName of the script, vm.ps1:3>",
    )
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


@pytest.mark.parametrize("passed", ["-VM $VM", "$VM"])
def test_a_vm_given_to_a_call_that_is_not_run_may_change(read, passed):
    """A call of the function inside itself is not run: the VM it is given, by name or by position, may
    change there."""
    doc = read(
        PATH,
        f"""
        function Add-Things($VM, $Depth) {{
            if ($Depth) {{ Add-Things {passed} "" }}
        }}
        $vm = New-AzureVMConfig -Name "a" -InstanceSize Small -ImageName $i
        Add-Things $vm "1"
        New-AzureVM -ServiceName "s" -VMs $vm -Location "l" -VNetName "v"
        """,
    )
    assert {"subnets", "availability_set", "endpoints", "extensions"} <= _role(doc, "a").unknown


# --- foreach over a list the script writes out --------------------------------------------------------------


@pytest.mark.parametrize(
    "head",
    [
        *(
            f"foreach ($n in {items}) {{"
            for items in ['"1","2"', '@("1", "2")', "1..2", "(1..2)", "1 .. 2", "$names"]
        ),
        # A list piped to ForEach-Object (or its aliases) runs the block once per item, with `$_` the item.
        '"1", "2" | ForEach-Object { $n = $_',
        "$names | % -Process { $n = $PSItem",
        "1..2 | foreach { $n = $_",
    ],
)
def test_a_loop_over_a_written_list_runs_once_per_item(tmp_path, monkeypatch, head):
    script = f"""
        $names = 1, 2
        {head}
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


def test_in_a_foreach_object_block_run_per_item_return_ends_the_item_and_inner_blocks_have_their_own_item(
    read,
):
    """`return` in the block ends that item's run only; in a `switch` clause, a `catch` and a script block
    inside it, `$_` is theirs (the value switched on, the error, their own pipeline's item); a function
    called from the block sees the block's."""
    doc = read(
        PATH,
        """
        function New-Web([string]$Name) {
            New-AzureVMConfig -Name "fn-$_" -InstanceSize Small -ImageName $i | New-AzureVM -ServiceName "fn"
        }
        "a", "b", "c" | ForEach-Object {
            if ($_ -eq "b") { return }
            New-AzureVMConfig -Name "web-$_" -InstanceSize Small -ImageName $i | New-AzureVM -ServiceName "web"
            New-Web
            switch ($_) { "a" { New-AzureVMConfig -Name "sw-$_" -InstanceSize Small -ImageName $i | New-AzureVM -ServiceName "sw" } }
            try { throw "x" } catch { New-AzureVMConfig -Name "err-$_" -InstanceSize Small -ImageName $i | New-AzureVM -ServiceName "err" }
            "z" | Where-Object { New-AzureVMConfig -Name "in-$_" -InstanceSize Small -ImageName $i | New-AzureVM -ServiceName "in" }
        }
        """,
    )
    names = {d.service_name: [r.name for r in d.roles] for d in _deployments(doc)}
    assert names["web"] == ["web-a", "web-c"]
    assert names["fn"] == ["fn-a", "fn-c"]
    # In a `switch` clause `$_` is the value switched on: the block's item here, so "a" (the only clause).
    assert names["sw"] == ["sw-a"]
    assert not any(name.endswith(("-a", "-c")) for service in ("err", "in") for name in names[service])


def test_a_loop_that_may_stop_early_is_walked_and_one_over_a_long_list_read_once(read):
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
    assert [d.name for d in _deployments(doc)] == ["svc-a", "svc-b", "<deployment name, vm.ps1:5>"]


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


# --- a step by one: `$i++`, `++$i`, `$i--`, `--$i` --------------------------------------------------------


def _addresses(doc):
    return [(r.name, [ip.name for ip in r.static_ips]) for d in _deployments(doc) for r in d.roles]


@pytest.mark.parametrize(
    ("step", "addresses"),
    [("$i++", "10 11 12"), ("++$i", "10 11 12"), ("$i--", "10 9 8"), ("--$i", "10 9 8")],
)
def test_a_step_by_one_assigns_the_variable(read, step, addresses):
    """Each VM gets the address the counter holds in its round."""
    doc = read(
        PATH,
        f"""
        $i = 10
        foreach ($name in "sql01", "sql02", "sql03") {{
            $vm = New-AzureVMConfig -Name $name -InstanceSize Large -ImageName $image
            Set-AzureStaticVNetIP -VM $vm -IPAddress "10.1.2.$i" | Out-Null
            New-AzureVM -ServiceName "db" -VNetName "prod" -VMs $vm
            {step}
        }}
        """,
    )
    assert _addresses(doc) == [
        (name, [f"10.1.2.{last}"])
        for name, last in zip(("sql01", "sql02", "sql03"), addresses.split(), strict=True)
    ]


def test_a_step_by_one_at_the_top_level_and_its_value(read):
    """`$i++` gives the value before the step, `++$i` the one after."""
    doc = read(
        PATH,
        """
        $i = 10
        New-AzureQuickVM -Windows -ServiceName "a" -Name "vm$i" -ImageName $img -Location l
        $j = $i++
        New-AzureQuickVM -Windows -ServiceName "a" -Name "vm$j" -ImageName $img -Location l
        $k = ++$i
        New-AzureQuickVM -Windows -ServiceName "a" -Name "vm$k" -ImageName $img -Location l
        """,
    )
    assert [r.name for r in _role_list(doc)] == ["vm10", "vm12"]  # `$j` is 10: the same VM


def test_a_step_of_a_value_that_is_no_whole_number_is_unknown_and_no_constant(read):
    doc = read(
        PATH,
        """
        $n = "web"
        $n++
        $count = 1
        $count++
        function Show { New-AzureQuickVM -Windows -ServiceName "svc-$count" -Name "v" -ImageName $i -Location l }
        New-AzureQuickVM -Windows -ServiceName "top-$n" -Name "v" -ImageName $i -Location l
        """,
    )
    # `$count` is assigned twice: a function never called does not see it.
    assert sorted(d.name for d in _deployments(doc)) == [
        "<deployment name, vm.ps1:5>",
        "<deployment name, vm.ps1:6>",
    ]


def test_a_step_in_a_loop_read_once_leaves_the_variable_unknown(read):
    doc = read(
        PATH,
        """
        $i = 0
        while ($i -lt $n) { $i++ }
        New-AzureQuickVM -Windows -ServiceName "svc$i" -Name "v" -ImageName $img -Location l
        """,
    )
    assert [d.name for d in _deployments(doc)] == ["<deployment name, vm.ps1:3>"]


def test_a_step_in_a_loop_whose_rounds_are_counted_leaves_the_variable_at_its_last_value(read):
    doc = read(
        PATH,
        """
        $i = 0
        while ($i -lt 3) { $i++ }
        New-AzureQuickVM -Windows -ServiceName "svc$i" -Name "v" -ImageName $img -Location l
        """,
    )
    assert [d.name for d in _deployments(doc)] == ["svc3"]


# --- a path that ends: `return`, `exit`, `throw`, `break`, `continue` ----------------------------------------


def test_a_return_in_a_branch_known_to_run_ends_the_function(tmp_path, monkeypatch):
    script = """
        function Deploy-Vm {
            param([string]$Name, [string]$Ip, [switch]$DryRun)
            if ($DryRun) {
                Write-Host "would create $Name with $Ip"
                return
            }
            New-AzureVMConfig -Name $Name -InstanceSize Small -ImageName "img" |
                Set-AzureSubnet -SubnetNames "Data" | Set-AzureStaticVNetIP -IPAddress $Ip |
                New-AzureVM -ServiceName "db-$Name" -VNetName "prod-vnet"
        }
        Deploy-Vm -Name "db01" -Ip "10.0.0.4"
        Deploy-Vm -Name "db02" -Ip "10.0.0.4" -DryRun
        """
    assert _lint(tmp_path, monkeypatch, script, "MIG306") == []


@pytest.mark.parametrize("end", ["return", "exit 1", 'throw "stop"', "break"])
def test_an_end_at_the_top_level_in_a_branch_known_to_run_ends_the_script(read, end):
    doc = read(
        PATH,
        f"""
        $DryRun = $true
        New-AzureQuickVM -Windows -ServiceName "one" -Name "v" -ImageName $img -Location l
        if ($DryRun) {{
            Write-Host "dry run: stopping"
            {end}
        }}
        New-AzureQuickVM -Windows -ServiceName "two" -Name "v" -ImageName $img -Location l
        """,
    )
    assert [d.service_name for d in _deployments(doc)] == ["one"]
    assert _calls(doc) == ["New-AzureQuickVM", "New-AzureQuickVM"]  # still a call the script names


def test_an_end_in_a_branch_that_may_not_run_or_caught_is_read_as_going_on(read):
    doc = read(
        PATH,
        """
        trap { Write-Error $_; exit 1 }
        if ($unknown) { return }
        try { throw "taken" } catch { Write-Warning "caught" }
        foreach ($n in $names) { if ($n) { break } }
        switch ($mode) { "a" { break } }
        New-AzureQuickVM -Windows -ServiceName "one" -Name "v" -ImageName $img -Location l
        """,
    )
    assert [d.service_name for d in _deployments(doc)] == ["one"]


def test_an_exit_in_a_function_ends_the_script_and_a_return_the_function(read):
    doc = read(
        PATH,
        """
        function Skip { return; New-AzureQuickVM -Windows -ServiceName "skipped" -Name "v" -ImageName $i -Location l }
        function Stop { Write-Host "bye"; exit 0 }
        Skip
        New-AzureQuickVM -Windows -ServiceName "one" -Name "v" -ImageName $img -Location l
        Stop
        New-AzureQuickVM -Windows -ServiceName "two" -Name "v" -ImageName $img -Location l
        """,
    )
    assert [d.service_name for d in _deployments(doc)] == ["one"]


def test_if_else_branches_that_all_end_the_path_end_it(read):
    doc = read(
        PATH,
        """
        if ($unknown) { return } else { exit }
        New-AzureQuickVM -Windows -ServiceName "never" -Name "v" -ImageName $img -Location l
        """,
    )
    assert _deployments(doc) == []


def test_a_loop_over_an_empty_list_runs_no_round(tmp_path, monkeypatch):
    script = """
        $svc = "contoso-svc"
        $extra = @()
        foreach ($n in $extra) {
            New-AzureVMConfig -Name $n -InstanceSize Small -ImageName "img" -AvailabilitySetName "other-set" |
                Set-AzureSubnet -SubnetNames "A","B" | New-AzureVM -ServiceName $svc -VNetName "vnet1"
        }
        New-AzureVMConfig -Name "main01" -InstanceSize Small -ImageName "img" -AvailabilitySetName "main-set" |
            Set-AzureSubnet -SubnetNames "A" | New-AzureVM -ServiceName $svc -VNetName "vnet1"
        """
    assert _lint(tmp_path, monkeypatch, script, "MIG202") == []
    assert _lint(tmp_path, monkeypatch, script, "MIG102") == []


# --- conditions the reader decides ----------------------------------------------------------------------

_ADD_VM = """
function Add-Vm([string]$name, [string]$Environment = "test", [switch]$SkipAcl, [bool]$Enabled = $true) {{
    $vm = New-AzureVMConfig -Name $name -InstanceSize Small -ImageName "img"
    if ({condition}) {{
        $acl = New-AzureAclConfig
        Set-AzureAclConfig -AddRule -ACL $acl -Order 100 -Action Permit -RemoteSubnet "10.0.0.0/8"
        $vm = $vm | Add-AzureEndpoint -Name "HTTP" -Protocol tcp -LocalPort 80 -PublicPort 80 -ACL $acl
    }}
    $vm
}}
{before}
$v = Add-Vm {arguments}
New-AzureVM -ServiceName "svc-web" -VNetName "vnet1" -VMs $v -Location l
"""


@pytest.mark.parametrize(
    ("condition", "before", "arguments"),
    [
        ('$Environment -eq "prod"', "", '"web1"'),
        ('$Environment -eq "PROD"', "", '"web1" -Environment "dev"'),
        ('$Environment -ne "Test"', "", '"web1"'),
        ("-not $SkipAcl", "", '"web1" -SkipAcl'),
        ("!$SkipAcl", "", '"web1" -SkipAcl'),
        ("$SkipAcl -eq $false", "", '"web1" -SkipAcl'),
        ("$Enabled -and $deployAcl", "$deployAcl = $false", '"web1"'),
        ("$deployAcl", "$deployAcl = $false", '"web1"'),
        ("$deployAcl", "[bool]$deployAcl = $false", '"web1"'),
        ("$deployAcl", "$deployAcl = 0", '"web1"'),  # the number 0, which PowerShell takes as false
        ('$env -eq "prod"', '$env = "test"', '"web1"'),
        ('$Environment -eq "prod"', '$Environment = "prod"', '"web1"'),  # the parameter, not the script's
        ("$Name", "", '""'),
    ],
)
def test_a_condition_the_reader_knows_is_false_keeps_its_branch_from_running(
    read, condition, before, arguments
):
    doc = read(PATH, _ADD_VM.format(condition=condition, before=before, arguments=arguments))
    (deployment,) = _deployments(doc)
    (role,) = deployment.roles
    assert role.endpoints == () and "endpoints" not in role.unknown


@pytest.mark.parametrize(
    ("condition", "before", "arguments"),
    [
        ('$Environment -eq "10"', "", '"web1" -Environment "010"'),  # equal as numbers, not as strings
        ('$Environment -eq "Straße"', "", '"web1" -Environment "STRASSE"'),  # the culture decides
        ("$deployAcl", "if ($unknown) { $deployAcl = $false }", '"web1"'),
        ("$Environment -gt 1", "", '"web1"'),
        ("$Environment", "", '"web1" -Environment (Get-Environment)'),
        ("(Get-Flag)", 'function Get-Flag { if ($unknown) { return }; "yes" }', '"web1"'),
    ],
)
def test_a_condition_the_reader_does_not_know_leaves_both_paths(read, condition, before, arguments):
    doc = read(PATH, _ADD_VM.format(condition=condition, before=before, arguments=arguments))
    (role,) = _deployments(doc)[0].roles
    assert [e.name for e in role.endpoints] == ["HTTP"] and "endpoints" in role.unknown


def test_a_return_under_a_condition_the_reader_decides(tmp_path, monkeypatch):
    script = """
        function Deploy-Vm {
            param([string]$Name, [string]$Ip, [bool]$Enabled = $true)
            if (-not $Enabled) { return }
            New-AzureVMConfig -Name $Name -InstanceSize Small -ImageName "img" |
                Set-AzureSubnet -SubnetNames "Data" | Set-AzureStaticVNetIP -IPAddress $Ip |
                New-AzureVM -ServiceName "db-$Name" -VNetName "prod-vnet"
        }
        Deploy-Vm -Name "db01" -Ip "10.0.0.4"
        Deploy-Vm -Name "db02" -Ip "10.0.0.4" -Enabled $false
        """
    assert _lint(tmp_path, monkeypatch, script, "MIG306") == []


def test_an_empty_string_is_false_and_another_true(tmp_path, monkeypatch):
    script = """
        $svc = "contoso-mixed"
        function New-Box([string]$Name, [string]$AvSet = "") {
            $vm = New-AzureVMConfig -Name $Name -InstanceSize Small -ImageName "img"
            if ($AvSet) {
                $vm = $vm | Set-AzureAvailabilitySet -AvailabilitySetName $AvSet
            }
            $vm = $vm | Set-AzureSubnet -SubnetNames "App"
            $vm
        }
        $one = New-Box -Name "box01" -AvSet "box-set"
        $two = New-Box -Name "box02"
        New-AzureVM -ServiceName $svc -VNetName "vnet1" -VMs $one, $two
        """
    assert [m for _, _, m in _lint(tmp_path, monkeypatch, script, "MIG103")] == [
        "VM 'box02' is in no availability set, but other VMs of cloud service 'contoso-mixed' are in 'box-set'"
    ]


def test_a_flag_given_to_a_string_parameter_is_its_text(read):
    """`[string]$Mode = $false` holds "False", which is true."""
    doc = read(
        PATH,
        """
        function New-Web([string]$Mode) {
            if ($Mode) { $name = "set" } else { $name = "unset" }
            New-AzureQuickVM -Windows -ServiceName "svc-$name" -Name "v" -ImageName $i -Location l
        }
        New-Web -Mode $false
        """,
    )
    assert [d.service_name for d in _deployments(doc)] == ["svc-set"]


# --- names, what a function outputs, and functions called before their definition ------------------------


def test_the_name_of_an_existing_vm_is_the_one_it_was_got_by(read):
    doc = read(
        PATH,
        """
        $service = "contoso-web"
        $vm = Get-AzureVM -ServiceName $service -Name "web01"
        Set-AzureVMBGInfoExtension -Version "1.*" -VM $vm | Out-Null
        Update-AzureVM -ServiceName $vm.ServiceName -Name $vm.Name -VM $vm.VM
        """,
    )
    assert [(d.service_name, [r.name for r in d.roles]) for d in _deployments(doc)] == [
        ("contoso-web", ["web01"])
    ]


def test_vms_named_at_one_place_that_the_script_does_not_state_are_numbered(read):
    """A function run once per round names a VM at one place each time: the stand-ins number them there,
    where a column would name another place on the line."""
    doc = read(
        PATH,
        """
        function Set-Acl($Ctx) {
            Set-AzureVMBGInfoExtension -Version "1.*" -VM $Ctx | Out-Null
            Update-AzureVM -ServiceName "svc" -Name $Ctx.InstanceName -VM $Ctx.VM
        }
        foreach ($n in "a", "b", "c") {
            Set-Acl (Get-AzureVM -ServiceName "svc" -Name $n)
        }
        """,
    )
    assert [r.name for r in _role_list(doc)] == [
        "<VM name, vm.ps1:3>",
        "<VM name, vm.ps1:3, 2nd>",
        "<VM name, vm.ps1:3, 3rd>",
    ]


def test_vms_of_an_array_written_in_at_sign_brackets_are_named_where_each_is_written(read):
    doc = read(
        PATH,
        """
        param($a, $b, $c)
        New-AzureVM -ServiceName "s" -VNetName "v" -VMs @($a, $b, $c) -Location l
        """,
    )
    assert [r.name for r in _role_list(doc)] == [
        "<VM name, vm.ps1:2>",
        "<VM name, vm.ps1:2:55>",
        "<VM name, vm.ps1:2:59>",
    ]


@pytest.mark.parametrize(
    "output", ["Write-Output $vm", "Write-Output -InputObject $vm", "$vm | Write-Output"]
)
def test_what_write_output_writes_is_the_functions_output(tmp_path, monkeypatch, output):
    script = f"""
        function New-StandardVm([string]$VMName, [string[]]$Subnets = @("App")) {{
            $vm = New-AzureVMConfig -Name $VMName -InstanceSize Small -ImageName "img" -AvailabilitySetName "app-set"
            $vm = $vm | Set-AzureSubnet -SubnetNames $Subnets
            {output}
        }}
        $a = New-StandardVm -VMName "app01"
        $b = New-StandardVm -VMName "app02" -Subnets "App","Mgmt"
        New-AzureVM -ServiceName "contoso-app" -VNetName "vnet1" -VMs @($a, $b)
        """
    assert [m for _, _, m in _lint(tmp_path, monkeypatch, script, "MIG202")] == [
        "VM 'app02' of cloud service 'contoso-app' is in 2 subnets (App, Mgmt)"
    ]


def test_a_function_called_before_its_definition_is_not_run_there(read):
    """PowerShell fails the call ("the term is not recognized"); the function is read once, with values it
    does not know, as a function no call runs."""
    doc = read(
        PATH,
        """
        Deploy-Vm -Name "db01"
        function Deploy-Vm([string]$Name) {
            New-AzureQuickVM -Windows -ServiceName "db-$Name" -Name $Name -ImageName $i -Location l
        }
        Deploy-Vm -Name "db02"
        function Other([string]$Name) {
            New-AzureQuickVM -Windows -ServiceName "other-$Name" -Name $Name -ImageName $i -Location l
        }
        Other -Name "x"
        function Other([string]$Name) {
            New-AzureQuickVM -Windows -ServiceName "again-$Name" -Name $Name -ImageName $i -Location l
        }
        Other -Name "y"
        """,
    )
    assert [d.service_name for d in _deployments(doc)] == ["db-db02", "other-x", "again-y"]


# --- `+` on numbers -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "add", "address"),
    [
        ("$i = 10", "$i += 1", "10.1.2.11"),
        ("$i = 10", "$i = $i + 1", "10.1.2.11"),
        ("$i = 10", '$i += "1"', "10.1.2.11"),  # the right operand is read as a number
        ("[int]$i = '10'", "$i += 1", "10.1.2.11"),
        ("$i = 9; $i++", "$i += 1", "10.1.2.11"),
        ('$i = "10"', "$i += 1", "10.1.2.101"),  # a string on the left: `+` joins
        ("[string]$i = 10", "$i += 1", "10.1.2.101"),
        ('if ($env:X) { $i = 10 } else { $i = "10" }', "$i += 1", None),  # number or string: not known
        ("$i = 1.5", "$i += 1", None),
        ("$i = 10", "$i += 'x'", None),  # PowerShell's error
    ],
)
def test_plus_adds_when_its_left_operand_is_a_number(read, start, add, address):
    doc = read(
        PATH,
        f"""
        {start}
        {add}
        $vm = New-AzureVMConfig -Name "sql" -InstanceSize Large -ImageName $image
        Set-AzureStaticVNetIP -VM $vm -IPAddress "10.1.2.$i" | Out-Null
        New-AzureVM -ServiceName "db" -VNetName "prod" -VMs $vm
        """,
    )
    expected = [address] if address is not None else []
    assert _addresses(doc) == [("sql", expected)]


def test_plus_adds_a_number_a_function_is_given(read):
    doc = read(
        PATH,
        """
        function New-Sql($Last) {
            $vm = New-AzureVMConfig -Name "sql$Last" -InstanceSize Large -ImageName $image
            $ip = $Last + 100
            Set-AzureStaticVNetIP -VM $vm -IPAddress "10.1.2.$ip" | Out-Null
            New-AzureVM -ServiceName "db" -VNetName "prod" -VMs $vm
        }
        New-Sql 1
        New-Sql -Last 2
        """,
    )
    assert _addresses(doc) == [("sql1", ["10.1.2.101"]), ("sql2", ["10.1.2.102"])]


# --- what may end the path or change a value where the reader does not look --------------------------------
# When in doubt, the reader does not decide: a finding on a path that may run beats one hidden.

_ACL_VM = """
    $acl = New-AzureAclConfig
    Set-AzureAclConfig -AddRule -ACL $acl -Order 100 -Action Permit -RemoteSubnet "10.0.0.0/8"
    New-AzureVMConfig -Name "web1" -InstanceSize Small -ImageName "img" |
        Add-AzureEndpoint -Name "HTTP" -Protocol tcp -LocalPort 80 -PublicPort 80 -ACL $acl |
        New-AzureVM -ServiceName "svc-web" -Location "West Europe"
"""


def _with_acl_vm(script: str) -> str:
    """A script, with `{vm}` replaced by the statements that create a VM with an endpoint ACL (indented as
    the placeholder is)."""
    lines = script.splitlines()
    out = []
    for line in lines:
        if line.strip() == "{vm}":
            indent = line[: len(line) - len(line.lstrip())]
            out.extend(indent + vm_line[4:] for vm_line in _ACL_VM.strip("\n").splitlines())
        else:
            out.append(line)
    return "\n".join(out)


def _services(read, script: str) -> list[str | None]:
    return [d.service_name for d in _deployments(read(PATH, _with_acl_vm(script)))]


@pytest.mark.parametrize(
    "script",
    [
        # a `trap` that goes on (`continue`, or no `break`) takes a `throw` of a function the script calls
        """
        trap { Write-Warning "step failed: $_"; continue }
        function Assert-Quota { throw "quota check not implemented" }
        Assert-Quota
        {vm}
        """,
        """
        trap { Write-Warning "error: $_" }
        throw "storage account missing"
        {vm}
        """,
        """
        function Deploy {
            trap { Write-Warning "ignored: $_"; continue }
            throw "optional step failed"
            {vm}
        }
        Deploy
        """,
    ],
)
def test_a_throw_a_trap_may_take_does_not_end_the_path(read, script):
    assert _services(read, script) == ["svc-web"]


def test_a_throw_under_a_trap_that_breaks_still_ends_the_script(read):
    script = """
        trap { Write-Warning "fatal: $_"; break }
        throw "stop"
        {vm}
        """
    assert _services(read, script) == []


def test_a_catch_of_any_error_after_a_throw_runs_and_its_return_ends_the_script(read):
    script = """
        try { throw "missing" } catch { Write-Warning "stopping"; return }
        {vm}
        """
    assert _services(read, script) == []


@pytest.mark.parametrize(
    "script",
    [
        """
        $deployAcl = $false
        function Enable-Acl { Set-Variable -Name deployAcl -Value $true -Scope Script }
        Enable-Acl
        if ($deployAcl) {
            {vm}
        }
        """,
        """
        $deployAcl = $false
        function Enable-Acl { $script:deployAcl = $true }
        Enable-Acl
        if ($deployAcl) {
            {vm}
        }
        """,
        """
        $config = @{ UseAcl = $false; Name = "tbl" }
        function Set-Production($settings) { $settings.UseAcl = $true }
        Set-Production $config
        if ($config.UseAcl) {
            {vm}
        }
        """,
        """
        $config = @{ UseAcl = $false }
        function Set-Production { $config.UseAcl = $true }
        Set-Production
        if ($config.UseAcl) {
            {vm}
        }
        """,
        """
        $config = @{ UseAcl = $false }
        $config.Set_Item("UseAcl", $true)
        if ($config.UseAcl) {
            {vm}
        }
        """,
        """
        $config = @{ UseAcl = $false }
        $config[$key] = $true
        if ($config.UseAcl) {
            {vm}
        }
        """,
        """
        $useAcl = $false
        function Import-Settings { $useAcl = $true }
        . Import-Settings
        if ($useAcl) {
            {vm}
        }
        """,
        """
        $UseAcl = $false
        . "$PSScriptRoot\\settings.ps1"
        if ($UseAcl) {
            {vm}
        }
        """,
        """
        $useAcl = $false
        function Enable([ref]$flag) { $flag.Value = $true }
        Enable ([ref]$useAcl)
        if ($useAcl) {
            {vm}
        }
        """,
        """
        [System.Collections.ArrayList]$names = @()
        $names.Add("web1") | Out-Null
        foreach ($n in $names) {
            {vm}
        }
        """,
        """
        $names = @()
        $names.Add("web1")
        foreach ($n in $names) {
            {vm}
        }
        """,
    ],
)
def test_a_value_something_may_change_unseen_decides_no_condition(read, script):
    assert _services(read, script) == ["svc-web"]


def test_a_value_nothing_changes_unseen_still_decides(read):
    script = """
        $config = @{ UseAcl = $false }
        function Show($settings) { Write-Host $settings.Name }
        Write-Host $config
        $config.ContainsKey("UseAcl") | Out-Null
        if ($config.UseAcl) {
            {vm}
        }
        """
    assert _services(read, script) == []


def test_a_return_in_a_begin_block_ends_that_block_only(read):
    script = """
        function Deploy {
            begin {
                if ($true) { return }
            }
            process {
                {vm}
            }
        }
        Deploy
        """
    assert _services(read, script) == ["svc-web"]


@pytest.mark.parametrize(
    "script",
    [
        # defined in a branch that may not run
        """
        param([switch]$Mock)
        if ($Mock) {
            function New-AzureVM { Write-Host "mock: would create VM" }
        }
        {vm}
        """,
        # defined in another function's scope, gone when it returns
        """
        function Setup {
            function New-AzureVM { Write-Host "mock" }
        }
        Setup
        {vm}
        """,
    ],
)
def test_a_function_that_may_not_replace_a_cmdlet_leaves_the_cmdlet(read, script):
    assert _services(read, script) == ["svc-web"]
    assert "New-AzureVM" in _calls(read(PATH, _with_acl_vm(script)))


def test_a_function_that_surely_replaces_a_cmdlet_replaces_it(read):
    script = """
        function New-AzureVM { Write-Host "mock" }
        {vm}
        """
    assert _services(read, script) == []


@pytest.mark.parametrize("passed", ["-WithAcl", "-WithA", "-Acl", "-A"])
def test_a_parameter_is_bound_by_its_alias_and_an_abbreviation_of_it(read, passed):
    script = f"""
        function Deploy-Web {{
            param([string]$Name, [Alias("WithAcl")][switch]$Acl)
            if ($Acl) {{
                {{vm}}
            }}
        }}
        Deploy-Web -Name "web1" {passed}
        """
    assert _services(read, script) == ["svc-web"]


def test_an_abbreviation_of_two_parameters_aliases_binds_neither(read):
    script = """
        function Deploy-Web {
            param([Alias("WithAcl")][switch]$Acl, [Alias("WithAvSet")][switch]$AvSet)
            if ($Acl) {
                {vm}
            }
        }
        Deploy-Web -With
        """
    # `-With` names no parameter: the call is bound to none, and `$Acl` is $false
    assert _services(read, script) == []


@pytest.mark.parametrize("passes", ["Set-It $t", "Set-It $t\nShow $t"])
def test_a_table_passed_many_times_is_read_whole(read, passes):
    """A table passed to a command may change, but no more so at the thousandth pass than at the first:
    its passes cost its size once, and a script of thousands of short lines that pass it still has the
    work to read its VM."""
    entries = "; ".join(f"Key{i} = 'v'" for i in range(63))
    script = "\n".join(
        [f"$t = @{{ {entries} }}", "function Show($settings) { $settings.Key1 }", *[passes] * 4000, "{vm}"]
    )
    assert _services(read, script) == ["svc-web"]


# --- arrays of VM configurations a loop builds ---------------------------------------------------------------

_BUILT = """
    $vm = New-AzureVMConfig -Name $name -InstanceSize Small -ImageName $i |
        Add-AzureEndpoint -Name "RDP" -Protocol tcp -LocalPort 3389 -PublicPort 3389 -ACL $acl
"""


@pytest.mark.parametrize(
    ("start", "add"),
    [
        ("$vms = @()", "$vms += $vm"),
        ("$vms = New-Object System.Collections.ArrayList", "[void]$vms.Add($vm)"),
    ],
)
def test_vm_configurations_a_loop_read_once_adds_to_an_array_are_created(read, start, add):
    """A loop over rows the script does not state (Import-Csv) is read once: the configuration it builds
    stands for every row's, and the array it is added to holds it, not an unknown value."""
    doc = read(
        PATH,
        f"""
        $acl = New-AzureAclConfig
        Set-AzureAclConfig -AddRule -ACL $acl -Order 100 -Action Permit -RemoteSubnet "10.0.0.0/8"
        {start}
        Import-Csv $file | ForEach-Object {{
            $name = $_.Name{textwrap.indent(_BUILT, "    ")}
            {add}
        }}
        New-AzureVM -ServiceName "svc" -Location "l" -VMs $vms
        """,
    )
    [vm] = _role_list(doc)
    assert vm.name.startswith("<VM name") and [e.acl is not None for e in vm.endpoints] == [True]


def test_a_loop_over_tables_the_script_writes_out_runs_once_per_table(read):
    doc = read(
        PATH,
        """
        $servers = @(
            @{ Name = "web01"; Set = "a" },
            @{ Name = "web02"; Set = "b" }
        )
        $vms = @()
        foreach ($s in $servers) {
            $vms += New-AzureVMConfig -Name $s.Name -InstanceSize Small -ImageName $i -AvailabilitySetName $s.Set
        }
        New-AzureVM -ServiceName "svc" -Location "l" -VMs $vms
        """,
    )
    assert [(r.name, r.availability_set) for r in _role_list(doc)] == [("web01", "a"), ("web02", "b")]


@pytest.mark.parametrize("declared", ["$AvailabilitySet", "[string]$AvailabilitySet"])
def test_a_parameter_a_call_does_not_pass_is_null(read, declared):
    """Not passed and without a default, a parameter is $null (`[string]`: the empty string), so the
    `if ($AvailabilitySet)` it guards does not run; a mandatory one is prompted for: not known."""
    doc = read(
        PATH,
        f"""
        function New-Vm {{
            param([string]$Name, {declared}, [Parameter(Mandatory)]$Size)
            $config = @{{ Name = $Name; InstanceSize = "Small"; ImageName = "img" }}
            if ($AvailabilitySet) {{ $config.AvailabilitySetName = $AvailabilitySet }}
            if ($Size) {{ $config.InstanceSize = $Size }}
            New-AzureVMConfig @config | New-AzureVM -ServiceName "app" -Location "l"
        }}
        New-Vm -Name "app01" -AvailabilitySet "app-as"
        New-Vm -Name "util01"
        """,
    )
    roles = {r.name: r for r in _role_list(doc)}
    assert (roles["app01"].availability_set, roles["util01"].availability_set) == ("app-as", "")
    assert "availability_set" not in roles["util01"].unknown and roles["util01"].size == ""


@pytest.mark.parametrize(
    "fills",
    [
        'Get-AzureService -ServiceName "svc" -ErrorAction SilentlyContinue -ErrorVariable missing',
        'Get-AzureService -ServiceName "svc" -ev "+missing"',
        'Get-AzureService -ServiceName "svc" -OutVariable:missing',
        'Get-AzureService -ServiceName "svc" | Tee-Object -Variable missing',
    ],
)
def test_a_variable_a_command_fills_decides_nothing(read, fills):
    """`-ErrorVariable`, `-OutVariable` (and their aliases and prefixes) and Tee-Object's `-Variable` fill
    the variable as the command runs: the `$null` it held before does not decide the condition on it."""
    doc = read(
        PATH,
        f"""
        $missing = $null
        {fills}
        if ($missing) {{
            New-AzureQuickVM -Windows -ServiceName "svc" -Name "new1" -ImageName $i -Location "l"
        }}
        """,
    )
    assert [r.name for r in _role_list(doc)] == ["new1"]


def test_null_compared_with_known_values(read):
    """`$x -eq $null` is decided where both are known: an unpassed `[string]` parameter is the empty
    string, which is not $null; an unpassed untyped one is $null."""
    doc = read(
        PATH,
        """
        function New-AppVm([string]$Name, [string]$Extra, $Other) {
            if ($Extra -eq $null) { $Name = "never-$Name" }
            if ($null -ne $Other) { $Name = "never-$Name" }
            New-AzureQuickVM -Windows -ServiceName "app" -Name $Name -ImageName $i -Location "l"
        }
        New-AppVm -Name "app7"
        """,
    )
    assert [r.name for r in _role_list(doc)] == ["app7"]
