"""Code a PowerShell script runs as a unit of its own (a workflow's `InlineScript { }`, the script block of
`Invoke-Command`, `Start-Job` or `& { }`): a `return` in it ends only that unit, and `$using:x` in it is the
`$x` of the code around it. Also what the reader knows of the objects some classic cmdlets output, and
changes to an existing VM that may be one the script creates under a name it does not state."""

from __future__ import annotations

from pathlib import Path

import pytest
from growth import assert_linear
from test_reader_powershell import _deployments

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import Deployment, Document
from migcheck.plugins import load_rules
from migcheck.readers import read_document

PATH = "deploy/vm.ps1"
VM1 = (
    'New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img" '
    '| Add-AzureProvisioningConfig -Windows -AdminUsername "u" -Password "p"'
)


def _deployment(doc: Document) -> Deployment:
    (deployment,) = _deployments(doc)
    return deployment


def _roles(doc: Document) -> list[str]:
    return [role.name for deployment in _deployments(doc) for role in deployment.roles]


# --- the object New-AzureReservedIP outputs ---------------------------------------------------------------


def test_new_azurereservedip_outputs_an_operation_context_without_the_name(read):
    """New-AzureReservedIP writes a ManagementOperationContext (OperationDescription, OperationId,
    OperationStatus), as every version of the module does: `.ReservedIPName` of it is $null, so the
    deployment is passed no reserved IP, and the reader knows it."""
    doc = read(
        PATH,
        f"""
        $r = New-AzureReservedIP -ReservedIPName "rip1" -Location "West Europe"
        $vm = {VM1}
        New-AzureVM -ServiceName "svc1" -VMs $vm -Location "West Europe" -ReservedIPName $r.ReservedIPName
        """,
    )
    deployment = _deployment(doc)
    assert deployment.reserved_ip is None
    assert deployment.reserved_ip_known


def test_a_property_of_the_operation_context_is_not_stated_and_another_is_null(read):
    doc = read(
        PATH,
        f"""
        $r = New-AzureReservedIP -ReservedIPName "rip1" -Location "West Europe"
        if ($r.Name) {{ {VM1} | New-AzureVM -ServiceName "named" -Location "West Europe" }}
        {VM1} | New-AzureVM -ServiceName "svc1" -Location "West Europe" -ReservedIPName $r.OperationId
        """,
    )
    deployment = _deployment(doc)  # `$r.Name` is $null: the branch does not run
    assert deployment.service_name == "svc1"
    assert deployment.reserved_ip is None and not deployment.reserved_ip_known


# --- a change of an existing VM that may be one the script creates ------------------------------------


IMPORTED = """
    foreach ($name in "a", "b") {
        $config = Import-AzureVM -Path "C:\\vms\\$name.xml"
        New-AzureVM -ServiceName "svc1" -VMs $config -VNetName "vnet1"
    }
    """


def test_a_change_of_a_vm_the_script_created_unnamed_names_it(read):
    """The script creates one VM whose name it does not state (read from a file), then changes VM "a" of the
    same service: that VM is "a", so it takes the name and the change, once; a later change of "a" is of it."""
    doc = read(
        PATH,
        """
    $config = Import-AzureVM -Path "C:\\vms\\a.xml"
    New-AzureVM -ServiceName "svc1" -VMs $config -VNetName "vnet1"
    Get-AzureVM -ServiceName "svc1" -Name "a" | Set-AzureVMBGInfoExtension -Version "1.*" | Update-AzureVM
    Get-AzureVM -ServiceName "svc1" -Name "A" |
        Set-AzureVMExtension -ExtensionName "VMSnapshot" -Publisher "Microsoft.Azure.RecoveryServices" -Version "1.0" |
        Update-AzureVM
    """,
    )
    (role,) = _deployment(doc).roles
    assert role.name == "a"
    assert [e.name for e in role.extensions] == ["BGInfo", "VMSnapshot"]
    assert not role.changes_existing


def test_a_change_of_a_vm_that_may_be_any_of_several_created_unnamed_is_a_vm_of_its_own(read):
    """The script creates two VMs whose names it does not state, then changes VM "a" of the same service:
    "a" may be either of them, so it is kept as a VM of its own, named as the script names it, rather than
    a change of each (which would report what it does twice, under names that are not its own)."""
    doc = read(
        PATH,
        IMPORTED
        + """
    Get-AzureVM -ServiceName "svc1" -Name "a" | Set-AzureVMBGInfoExtension -Version "1.*" | Update-AzureVM
    """,
    )
    roles = _deployment(doc).roles
    assert [role.name for role in roles] == ["<VM name, vm.ps1:3>", "<VM name, vm.ps1:3, 2nd>", "a"]
    assert roles[2].changes_existing and [e.name for e in roles[2].extensions] == ["BGInfo"]
    assert all(not role.extensions for role in roles[:2])


ACL = (
    "$acl = New-AzureAclConfig\n"
    'Set-AzureAclConfig -AddRule -ACL $acl -Order 100 -Action Permit -RemoteSubnet "203.0.113.0/24"\n'
)
ROWS = (
    "foreach ($row in Import-Csv $path) {{\n"
    "    $vms += New-AzureVMConfig -Name $row.Name -InstanceSize Small -ImageName i"
    ' | Add-AzureProvisioningConfig -Windows -AdminUsername "u" -Password "p"\n'
    "}}\n"
)
ADMIN_ENDPOINT = (
    'Get-AzureVM -ServiceName "svc1" -Name "{name}" '
    '| Add-AzureEndpoint -Name "Admin" -Protocol tcp -LocalPort 8443 -PublicPort 8443 -ACL $acl | Update-AzureVM\n'
)


def _acl_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> list[tuple[int, str]]:
    (tmp_path / "s.ps1").write_text(script, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lint(["."], Config(select=("MIG201",)), load_rules(entry_points=False))
    return [(f.location.line, f.resource_name) for f in result.findings]


def test_an_acl_set_by_a_change_of_the_one_vm_created_unnamed_names_the_vm(tmp_path, monkeypatch):
    script = (
        "$vms = @()\n"
        + ROWS.format()
        + 'New-AzureVM -ServiceName "svc1" -Location "West Europe" -VMs $vms\n'
        + ACL
        + ADMIN_ENDPOINT.format(name="jump01")
    )
    assert _acl_findings(tmp_path, monkeypatch, script) == [(8, "jump01/Admin")]


def test_an_acl_set_by_a_change_of_one_of_several_vms_created_unnamed_is_reported_once(tmp_path, monkeypatch):
    script = (
        "$vms = @()\n"
        + ROWS.format()
        + ROWS.format()
        + 'New-AzureVM -ServiceName "svc1" -Location "West Europe" -VMs $vms\n'
        + ACL
        + ADMIN_ENDPOINT.format(name="app-admin")
    )
    assert _acl_findings(tmp_path, monkeypatch, script) == [(11, "app-admin/Admin")]


def test_a_change_of_a_vm_before_the_script_creates_unnamed_ones_is_a_vm_of_its_own(read):
    doc = read(
        PATH,
        """
    Get-AzureVM -ServiceName "svc1" -Name "a" | Set-AzureVMBGInfoExtension -Version "1.*" | Update-AzureVM
    """
        + IMPORTED,
    )
    roles = _deployment(doc).roles
    assert [role.name for role in roles] == ["a", "<VM name, vm.ps1:5>", "<VM name, vm.ps1:5, 2nd>"]
    assert roles[0].changes_existing and [e.name for e in roles[0].extensions] == ["BGInfo"]
    assert all(not role.extensions for role in roles[1:])


def test_a_change_of_a_vm_in_a_service_where_the_script_names_every_vm_is_a_vm_of_its_own(read):
    doc = read(
        PATH,
        f"""
        {VM1} | New-AzureVM -ServiceName "svc1" -Location "West Europe"
        Get-AzureVM -ServiceName "svc1" -Name "a" | Set-AzureVMBGInfoExtension -Version "1.*" | Update-AzureVM
        """,
    )
    assert _roles(doc) == ["vm1", "a"]


# --- a return in a unit of its own -----------------------------------------------------------------------


def test_a_return_in_an_inlinescript_leaves_only_that_block(read):
    doc = read(
        PATH,
        f"""
        workflow Deploy {{
            $password = InlineScript {{
                return "x"
            }}
            InlineScript {{
                {VM1} | New-AzureVM -ServiceName "svc1"
            }}
        }}
        """,
    )
    assert _roles(doc) == ["vm1"]


def test_what_an_inlinescript_outputs_is_its_value(read):
    doc = read(
        PATH,
        f"""
        workflow Deploy {{
            $service = InlineScript {{
                if ($true) {{ return "svc1" }}
                "never"
            }}
            {VM1} | New-AzureVM -ServiceName $service
        }}
        """,
    )
    assert _deployment(doc).service_name == "svc1"


@pytest.mark.parametrize(
    "unit",
    [
        "& { return }",
        'Invoke-Command -ComputerName "host1" -ScriptBlock { return }',
        "Start-Job { return }",
        "InlineScript { return }",
    ],
)
def test_a_return_in_a_unit_of_its_own_does_not_end_the_path(read, unit):
    """The removal after the unit surely runs: the `return` ended the unit, not the script."""
    doc = read(
        PATH,
        f"""
        {VM1} | New-AzureVM -ServiceName "svc1" -Location "West Europe"
        {VM1.replace('"vm1"', '"vm2"')} | New-AzureVM -ServiceName "svc1"
        {unit}
        Remove-AzureVM -ServiceName "svc1" -Name "vm2"
        """,
    )
    assert _roles(doc) == ["vm1"]


# --- $using: ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("using", ["$using:ServiceName", "$Using:ServiceName", "$USING:servicename"])
def test_using_in_an_inlinescript_is_the_workflows_variable(read, using):
    doc = read(
        PATH,
        f"""
        workflow Deploy {{
            $ServiceName = "Infrastructure"
            InlineScript {{
                {VM1} | New-AzureVM -ServiceName {using}
            }}
        }}
        """,
    )
    assert _deployment(doc).service_name == "Infrastructure"


def test_an_inlinescript_has_variables_of_its_own(read):
    """Without `$using:`, an InlineScript does not see the workflow's variables (it runs in a session of its
    own), and what it assigns is not the workflow's."""
    doc = read(
        PATH,
        f"""
        workflow Deploy {{
            $ServiceName = "outer"
            InlineScript {{
                $ServiceName = "inner"
                {VM1} | New-AzureVM -ServiceName $ServiceName
            }}
            InlineScript {{
                {VM1.replace('"vm1"', '"vm2"')} | New-AzureVM -ServiceName $ServiceName
            }}
            {VM1.replace('"vm1"', '"vm3"')} | New-AzureVM -ServiceName $ServiceName
        }}
        """,
    )
    by_service = {d.service_name: [r.name for r in d.roles] for d in _deployments(doc)}
    assert by_service == {"inner": ["vm1"], "": ["vm2"], "outer": ["vm3"]}


@pytest.mark.parametrize(
    "unit",
    [
        'Invoke-Command -ComputerName "host1" -ScriptBlock {{ {} }}',
        "Start-Job -ScriptBlock {{ {} }}",
    ],
)
def test_using_in_a_script_block_run_elsewhere_is_the_callers_variable(read, unit):
    doc = read(
        PATH,
        f"""
        $service = "svc1"
        {unit.format(VM1 + " | New-AzureVM -ServiceName $using:service")}
        """,
    )
    assert _deployment(doc).service_name == "svc1"


def test_a_runbook_whose_inlinescript_creates_vms_in_a_loop_on_either_side_of_an_if(read):
    """Two New-AzureVM calls for `$Using:ServiceName` (a parameter of the workflow), one in each branch of an
    `if`, are one deployment of that service; the array the loop builds holds the loop's VMs."""
    doc = read(
        PATH,
        """
        workflow New-Vms {
            param ([string]$ServiceName, [string]$VNetName, [string[]]$Names)
            InlineScript {
                $vmConfigs = @()
                foreach ($VM in $Using:Names) {
                    $vmConfig = New-AzureVMConfig -ImageName "img" -InstanceSize Small -Name $VM
                    Set-AzureAvailabilitySet -AvailabilitySetName "set1" -VM $vmConfig
                    $vmConfigs += $vmConfig
                }
                if ($Using:VNetName) {
                    New-AzureVM -ServiceName $Using:ServiceName -VNetName $Using:VNetName -VMs $vmConfigs
                } else {
                    New-AzureVM -ServiceName $Using:ServiceName -VMs $vmConfigs
                }
            }
        }
        """,
    )
    deployment = _deployment(doc)
    assert deployment.name == "<deployment name, vm.ps1:11>"
    (role,) = deployment.roles
    assert role.name == "<VM name, vm.ps1:6>"
    assert role.availability_set == "set1"


# --- cost ----------------------------------------------------------------------------------------------------


def _updates_of_named_vms(updates: int) -> bytes:
    """Ten VMs the script does not name, then `updates` changes of VMs it names, each of which may be any of
    the ten (and so is a VM of its own)."""
    created = [
        f'$c{i} = Import-AzureVM -Path $p{i}\nNew-AzureVM -ServiceName "svc" -VMs $c{i} -VNetName "v"'
        for i in range(10)
    ]
    changed = [
        f'Get-AzureVM -ServiceName "svc" -Name "vm{i}" | Set-AzureVMBGInfoExtension -Version "1.*" | Update-AzureVM'
        for i in range(updates)
    ]
    return "\n".join(created + changed).encode()


def _inline_scripts(count: int) -> bytes:
    """A workflow of `count` InlineScripts that each read the workflow's variables with `$using:`."""
    units = [
        f"$x{i} = InlineScript {{ $v = $using:svc; if ($using:f) {{ return $v }}; "
        f'New-AzureVMConfig -Name "vm{i}" -InstanceSize Small -ImageName i | New-AzureVM -ServiceName $using:svc }}'
        for i in range(count)
    ]
    return "\n".join(["workflow W {", '$svc = "s"', *units, "}"]).encode()


@pytest.mark.parametrize("shape", [_updates_of_named_vms, _inline_scripts])
def test_units_of_their_own_and_updates_of_unnamed_vms_cost_linear_time(shape):
    def make(n: int):
        data = shape(n)
        return lambda: read_document("s.ps1", data, explicit=True)

    assert_linear(make, 200)
    document = read_document("s.ps1", shape(400), explicit=True)
    assert document is not None and _deployments(document)
