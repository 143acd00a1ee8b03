"""Fixes from real repositories: valid PowerShell the grammar loses its way on, `for` loops, parameter
attributes, cloud service extension cmdlets and one VM created on either branch of an `if`.

tree-sitter-powershell cannot read a property of a method's result in a command's argument (`-Password
$cred.GetNetworkCredential().Password`), nor a line continuation before a closing brace (`@{ a = 1 `` ` ``
}`): its error recovery then adds a closing brace at the end of the file, and a valid script must not be
reported as one PowerShell cannot parse (MIG001) when the brackets, counted over the text, all close.

A `for` loop runs its initializer once, then each round its condition, its body and its step, in that
order: the body's first round sees the counter's first value. `[Parameter(Mandatory = $false)]` declares
no mandatory parameter. `Set-AzureServiceDiagnosticsExtension` and its siblings act on the roles of a
web/worker role deployment only, so they say the service has such roles (MIG101)."""

from __future__ import annotations

import pytest
from growth import assert_linear
from lint_support import lint_files, where

from migcheck.model import Deployment, Document
from migcheck.readers import read_document


def _read(text: str, path: str = "deploy/t.ps1") -> Document:
    doc = read_document(path, text.encode(), explicit=True)
    assert doc is not None
    return doc


def _deployments(doc: Document) -> list[Deployment]:
    return [r for r in doc.resources if isinstance(r, Deployment)]


def _vms(doc: Document) -> dict[str, list[str]]:
    """The roles of each deployment, by its name."""
    return {d.name: [role.name for role in d.roles] for d in _deployments(doc)}


# --- valid scripts the grammar loses its way on ---------------------------------------------------------

CREDENTIAL_IN_TRY = """\
function New-DomainVM
{
    param($cred, $domain)
    try
    {
        $vm = New-AzureVMConfig -Name "dc01" -InstanceSize Small -ImageName "img" | `
              Add-AzureProvisioningConfig -AdminUsername $cred.UserName -Password $cred.GetNetworkCredential().Password `
                  -JoinDomain $domain -WindowsDomain
    }
    catch
    {
        throw
    }
    New-AzureVM -ServiceName "corp-dc" -VMs $vm -VNetName "corp-vnet"
}
New-DomainVM
"""


def test_a_property_of_a_method_result_in_an_argument_is_valid_powershell():
    doc = _read(CREDENTIAL_IN_TRY)
    assert doc.problem is None
    assert _vms(doc) == {"corp-dc": ["dc01"]}


def test_a_chain_of_calls_and_an_index_in_an_argument_are_valid_powershell():
    script = (
        "function F {\n"
        '    New-AzureService -ServiceName $cfg.Get("svc").Trim().ToLower() -Location "West US" `\n'
        "        -Label $cfg.Names()[0]\n"
        '    New-AzureQuickVM -Windows -ServiceName "web" -Name "web01" -ImageName "img" -Password "p"\n'
        "}\n"
        "F\n"
    )
    doc = _read(script)
    assert doc.problem is None
    assert _vms(doc) == {"web": ["web01"]}


@pytest.mark.parametrize("line_break", ["\n", "\r\n"])
def test_an_argument_past_a_call_that_ends_its_line_hides_nothing_after_it(line_break):
    script = (
        "Set-Thing -Password $cred.GetNetworkCredential().Password\n"
        'New-AzureQuickVM -Windows -ServiceName "web" -Name "web01" -ImageName "img" -Password "p"\n'
    ).replace("\n", line_break)
    doc = _read(script)
    assert doc.problem is None
    assert _vms(doc) == {"web": ["web01"]}


def test_an_argument_past_a_call_in_a_string_or_a_comment_is_left_as_written():
    script = (
        "# Set-Thing -Password $cred.GetNetworkCredential().Password\n"
        'Write-Host "-P $c.Get().Password "\n'
        'New-AzureQuickVM -Windows -ServiceName "web" -Name "web01" -ImageName "img" -Password "p"\n'
    )
    doc = _read(script)
    assert doc.problem is None
    assert _vms(doc) == {"web": ["web01"]}


SIZES_TABLE = """\
function Add-Nodes
{
    param($service)
    $sizes = @{"Small"=@{"Core"=1;"Memory"=1750}; `
               "Large"=@{"Core"=4;"Memory"=7000}; `
               "A9"=@{"Core"=16;"Memory"=112000}`
              }
    $short = @{ "S" = "Small" `
    }
    New-AzureQuickVM -Windows -ServiceName "hpc" -Name "node01" -ImageName "img" -Password "p" -InstanceSize $short["S"]
}
Add-Nodes
"""


def test_a_table_continued_onto_its_closing_brace_is_valid_powershell():
    doc = _read(SIZES_TABLE)
    assert doc.problem is None
    (deployment,) = _deployments(doc)
    (vm,) = deployment.roles
    assert (vm.name, vm.size) == ("node01", "Small")


def test_a_brace_the_grammar_misses_where_every_bracket_closes_is_no_syntax_error():
    # The grammar cannot read `$c.Get((1)).Password` (an argument list with brackets of its own, which is
    # not rewritten) as an argument, and adds a `}` at the end; the brackets, counted over the text, all
    # close.
    script = (
        "function F\n"
        "{\n"
        "    try\n"
        "    {\n"
        "        $vm = $vm | `\n"
        "              Add-AzureProvisioningConfig -AdminUsername $u -Password $c.Get((1)).Password `\n"
        "                  -JoinDomain $d -WindowsDomain\n"
        "    }\n"
        "    catch\n"
        "    {\n"
        "        throw\n"
        "    }\n"
        "}\n"
    )
    assert _read(script).problem is None


def test_a_brace_that_is_never_closed_is_still_reported():
    script = 'function F\n{\n    New-AzureService -ServiceName "svc" -Location "West US"\n'
    problem = _read(script).problem
    assert problem is not None
    assert "'{' is never closed" in problem.message


def test_the_grammar_quirks_are_valid_powershell_in_the_lint(tmp_path, monkeypatch):
    files = {"dc.ps1": CREDENTIAL_IN_TRY, "hpc.ps1": SIZES_TABLE}
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG001", dedent=False).findings) == []


# --- for loops ---------------------------------------------------------------------------------------


def _perf_test(header: str, loop: str) -> str:
    return (
        header
        + loop
        + "\n{\n"
        + '    $csName = "perftest$cs"\n'
        + '    New-AzureService -ServiceName $csName -Location "West US"\n'
        + '    New-AzureVMConfig -Name "$csName-vm" -ImageName "img" -InstanceSize "Small" |\n'
        + '        Add-AzureProvisioningConfig -Linux -LinuxUser "u" -Password "p" |\n'
        + "        New-AzureVM -ServiceName $csName\n"
        + "}\n"
    )


def test_a_for_loop_bounded_by_a_parameter_s_default_names_no_round_it_cannot_tell():
    """A caller may pass another count than the default: the rounds are not known, so no round's name is
    taken for the service (it read perftest2, the step run before the body)."""
    doc = _read(_perf_test("param([int]$total = 1)\n", "for($cs=1; $cs -le $total; $cs++)"))
    (deployment,) = _deployments(doc)
    assert deployment.name == "<deployment name, t.ps1:8>"


@pytest.mark.parametrize(
    ("loop", "services"),
    [
        ("for($cs=1; $cs -le 3; $cs++)", ["perftest1", "perftest2", "perftest3"]),
        ("for ($cs = 0; $cs -lt 2; $cs++)", ["perftest0", "perftest1"]),
        ("for ($cs = 3; $cs -gt 1; $cs--)", ["perftest3", "perftest2"]),
        ("for ($cs = 1; $cs -ge 2; $cs++)", []),
        ("FOR ($cs = 1; $cs -ILE 2; ++$cs)", ["perftest1", "perftest2"]),
    ],
)
def test_a_for_loop_with_a_bound_the_script_states_runs_round_by_round(loop, services):
    doc = _read(_perf_test("", loop))
    assert list(_vms(doc)) == services


def test_a_for_loop_whose_rounds_are_not_known_names_no_service_after_its_second_round():
    doc = _read(_perf_test("param($total)\n", "for($cs=1; $cs -le $total; $cs++)"))
    (deployment,) = _deployments(doc)
    assert deployment.name == "<deployment name, t.ps1:8>"


def test_the_counter_after_a_for_loop_is_its_last_value():
    script = (
        "for ($i = 0; $i -lt 2; $i++) { }\n"
        'New-AzureQuickVM -Windows -ServiceName "svc$i" -Name "vm" -ImageName "img" -Password "p"\n'
    )
    assert _vms(_read(script)) == {"svc2": ["vm"]}


# --- [Parameter(Mandatory …)] ---------------------------------------------------------------------------


def _dc_name(attribute: str) -> str:
    script = (
        "Param(\n"
        f"    {attribute}\n"
        '    [String] $DomainControllerName = "ads01"\n'
        ")\n"
        'New-AzureVMConfig -Name $DomainControllerName -InstanceSize "Small" -ImageName "img" | '
        'Add-AzureProvisioningConfig -Windows -AdminUsername "u" -Password "p" | '
        'New-AzureVM -ServiceName "svc" -VNetName "v"\n'
    )
    ((vm,),) = [d.roles for d in _deployments(_read(script))]
    return vm.name


@pytest.mark.parametrize(
    "attribute",
    [
        "",
        "[Parameter(Mandatory=$false)]",
        "[parameter(mandatory = $FALSE, Position = 0)]",
        "[Parameter(Mandatory = 0)]",
        "[Parameter(HelpMessage = 'Mandatory')]",
        "[Parameter(ValueFromPipeline)] # Mandatory",
    ],
)
def test_a_parameter_not_declared_mandatory_keeps_its_default(attribute):
    assert _dc_name(attribute) == "ads01"


@pytest.mark.parametrize(
    "attribute",
    [
        "[Parameter(Mandatory)]",
        "[Parameter(Mandatory=$true)]",
        "[parameter(mandatory = 1)]",
        "[Parameter(Position = 0, MANDATORY = $True)]",
        "[Parameter(Mandatory = $script:required)]",
        "[Parameter(ParameterSetName = 'a')][Parameter(ParameterSetName = 'b', Mandatory)]",
    ],
)
def test_a_parameter_that_may_be_mandatory_has_no_default(attribute):
    assert _dc_name(attribute) == "<VM name, t.ps1:5>"


# --- cloud service extensions ----------------------------------------------------------------------------


def _roles(doc: Document) -> dict[str, list[tuple[str, bool, str]]]:
    return {d.name: [(r.name, r.is_vm, r.kind_evidence[:40]) for r in d.roles] for d in _deployments(doc)}


def test_a_diagnostics_extension_on_a_role_is_evidence_of_a_web_or_worker_role():
    script = (
        '$ctx = New-AzureStorageContext -StorageAccountName "diag" -StorageAccountKey "k"\n'
        "Set-AzureServiceDiagnosticsExtension -StorageContext $ctx -DiagnosticsConfigurationPath "
        '".\\wad.xml" -ServiceName "pems-dct" -Slot Production -Role "PSoC.ManagementService"\n'
    )
    ((deployment,)) = _deployments(_read(script))
    (role,) = deployment.roles
    assert (deployment.name, role.name, role.is_vm) == ("pems-dct", "PSoC.ManagementService", False)
    assert "Set-AzureServiceDiagnosticsExtension" in role.kind_evidence


@pytest.mark.parametrize(
    "command",
    [
        'Set-AzureServiceDiagnosticsExtension -ServiceName "svc" -Role "Web", "Worker" -DiagnosticsConfigurationPath d',
        'Remove-AzureServiceDiagnosticsExtension -ServiceName "svc" -Role @("Web", "Worker")',
        'Set-AzureServiceExtension -Service "svc" -Slot Staging -Role "Web","Worker" -ExtensionName RDP '
        "-ProviderNamespace p -PublicConfiguration a -PrivateConfiguration b -Version 1.0",
        'Set-AzureServiceRemoteDesktopExtension "svc" Production "Web","Worker" -Credential $cred',
    ],
)
def test_each_extension_cmdlet_names_the_roles_it_is_given(command):
    (deployment,) = _deployments(_read(command + "\n"))
    assert deployment.name == "svc"
    assert [(r.name, r.is_vm) for r in deployment.roles] == [("Web", False), ("Worker", False)]


def test_an_extension_for_every_role_or_a_role_the_script_does_not_state_is_a_stand_in():
    script = (
        "param($role)\n"
        'Set-AzureServiceRemoteDesktopExtension -ServiceName "all" -Credential $cred\n'
        'Set-AzureServiceExtension -ServiceName "one" -Role $role -ExtensionName x -ProviderNamespace p '
        "-PublicConfiguration a -PrivateConfiguration b -Version 1\n"
    )
    assert {name: [(r, vm) for r, vm, _ in roles] for name, roles in _roles(_read(script)).items()} == {
        "all": [("<role name, t.ps1:2>", False)],
        "one": [("<role name, t.ps1:3>", False)],
    }


def test_an_extension_for_every_role_of_a_package_deployment_is_its_roles():
    script = (
        'New-AzureDeployment -ServiceName "shop" -Package "shop.cspkg" -Configuration c -Slot Production\n'
        'Set-AzureServiceDiagnosticsExtension -ServiceName "shop" -DiagnosticsConfigurationPath d\n'
    )
    (deployment,) = _deployments(_read(script))
    (role,) = deployment.roles
    assert role.name == "<role name, t.ps1:1>"
    assert role.kind_evidence.startswith("deployed from a service package by New-AzureDeployment")


def test_an_extension_cmdlet_without_a_service_names_no_deployment():
    assert (
        _deployments(
            _read('Set-AzureServiceDiagnosticsExtension -Role "Web" -DiagnosticsConfigurationPath d\n')
        )
        == []
    )


def test_an_extension_on_a_role_reports_the_web_role(tmp_path, monkeypatch):
    script = (
        "Set-AzureServiceDiagnosticsExtension -DiagnosticsConfigurationPath d -ServiceName pems-dct "
        '-Slot Production -Role "PSoC.ManagementService"\n'
    )
    result = lint_files(tmp_path, monkeypatch, {"diag.ps1": script}, "MIG101", dedent=False)
    assert where(result.findings) == ["MIG101 diag.ps1:1:1"]


# --- one VM created on either branch ----------------------------------------------------------------------


def test_one_configuration_created_on_either_branch_is_one_vm():
    script = (
        "param($ServiceName, $VM, $WaitForBoot)\n"
        "if ($WaitForBoot)\n"
        "{\n"
        "    New-AzureVM -VMs $VM -ServiceName $ServiceName -WaitForBoot\n"
        "}\n"
        "else\n"
        "{\n"
        "    New-AzureVM -VMs $VM -ServiceName $ServiceName\n"
        "}\n"
    )
    (deployment,) = _deployments(_read(script))
    (vm,) = deployment.roles
    assert vm.name == "<VM name, t.ps1:4>"
    assert vm.branches == ()


def test_two_configurations_the_script_does_not_state_are_two_vms():
    script = (
        "param($ServiceName, $Web, $Sql)\n"
        "New-AzureVM -VMs $Web -ServiceName $ServiceName\n"
        "New-AzureVM -VMs $Sql -ServiceName $ServiceName\n"
    )
    (deployment,) = _deployments(_read(script))
    assert [vm.name for vm in deployment.roles] == ["<VM name, t.ps1:2>", "<VM name, t.ps1:3>"]


# --- cost ----------------------------------------------------------------------------------------------


def test_many_arguments_past_a_call_cost_time_linear_in_their_number():
    def make(lines: int):
        command = (
            'Set-Thing -Password $c.GetNetworkCredential().Password -Name $n.Split(",")[0] `\n    -X 1\n'
        )
        data = ("try {\n" + command * lines + "} catch { throw }\n").encode()
        return lambda: read_document("s.ps1", data, explicit=True)

    assert_linear(make, 200)


def test_one_long_line_of_arguments_past_a_call_costs_time_linear_in_its_length():
    def make(arguments: int):
        data = ("Set-Thing" + " -P $c.Get().Password" * arguments + "\n").encode()
        return lambda: read_document("s.ps1", data, explicit=True)

    assert_linear(make, 2000)


def test_many_tables_continued_onto_their_closing_brace_cost_time_linear_in_their_number():
    def make(tables: int):
        data = ('$t = @{ "a" = 1 `\n}\n' * tables + "function F {\n").encode()
        return lambda: read_document("s.ps1", data, explicit=True)

    assert_linear(make, 400)


def test_one_configuration_on_many_branches_costs_time_linear_in_their_number():
    def make(branches: int):
        clauses = "".join(
            f"elseif ($k -eq {n}) {{ New-AzureVM -VMs $VM -ServiceName s }}\n" for n in range(branches)
        )
        data = ("param($VM, $k)\nif ($k -eq -1) { New-AzureVM -VMs $VM -ServiceName s }\n" + clauses).encode()
        return lambda: read_document("s.ps1", data, explicit=True)

    assert_linear(make, 200)


# --- what a script guarded against a whole run does after its guard ------------------------------------

GUARDED_DEPLOY = (
    "Import-Module Azure\n"
    '$vm = New-AzureVMConfig -Name "ftp01" -InstanceSize Small -ImageName "image" |\n'
    '    Add-AzureEndpoint -Name "ftp" -Protocol tcp -LocalPort 21 -PublicPort 21\n'
    'New-AzureVM -ServiceName "fab-ftp" -Location "West Europe" -VMs $vm\n'
)


@pytest.mark.parametrize("guard", ["exit 0", "return", "break"])
def test_what_follows_a_guard_runs_as_a_selection(tmp_path, monkeypatch, guard):
    """A script that opens with `exit` is run a selection at a time: what follows the guard is read as the
    run of the selections, a reservation there as made, as it is without the guard."""
    reserve = f'Import-Module Azure\n{guard}\nNew-AzureReservedIP -ReservedIPName "ftp-ip" -Location "West Europe" -ServiceName "fab-ftp"\n'
    files = {"deploy.ps1": GUARDED_DEPLOY, "reserve.ps1": reserve}
    (finding,) = lint_files(tmp_path, monkeypatch, files, "MIG105", dedent=False).findings
    assert "reserved IP 'ftp-ip'" in finding.message
    assert "its VIP changes unless it is" not in finding.message
    unguarded = {"deploy.ps1": GUARDED_DEPLOY, "reserve.ps1": reserve.replace(f"{guard}\n", "")}
    (plain,) = lint_files(tmp_path / "plain", monkeypatch, unguarded, "MIG105", dedent=False).findings
    assert plain.message == finding.message


def test_a_round_past_a_parameter_s_default_count_is_still_read(tmp_path, monkeypatch):
    """With `$Count = 1`, a caller passing 2 creates web02 with the debugger extension: reported."""
    script = (
        "param([int]$Count = 1)\n"
        "for ($i = 1; $i -le $Count; $i++) {\n"
        '    $vm = New-AzureVMConfig -Name "web0$i" -InstanceSize "Small" -ImageName "img"\n'
        '    if ($i -eq 2) { $vm = $vm | Set-AzureVMExtension -ExtensionName "RemoteDebugVS2015" '
        '-Publisher "Microsoft.VisualStudio.WindowsAzure.RemoteDebug" -Version "1.*" }\n'
        '    New-AzureVM -ServiceName "fab-web" -VMs $vm\n'
        "}\n"
    )
    found = lint_files(tmp_path, monkeypatch, {"web.ps1": script}, "MIG204", dedent=False).findings
    assert [f.code for f in found] == ["MIG204"]


@pytest.mark.parametrize(
    ("slot", "kept"),
    [("", True), (" -Slot Production", True), (" -Slot Staging", False), (" -Slot $slot", False)],
)
def test_a_reservation_of_the_staging_deployment_is_not_production_s(tmp_path, monkeypatch, slot, kept):
    reserve = (
        "Import-Module Azure\n"
        f'New-AzureReservedIP -ReservedIPName "ftp-ip" -Location "West Europe" -ServiceName "fab-ftp"{slot}\n'
    )
    files = {"deploy.ps1": GUARDED_DEPLOY, "reserve.ps1": reserve}
    found = lint_files(tmp_path, monkeypatch, files, "MIG105", "MIG106", dedent=False).findings
    assert [f.code for f in found] == ["MIG105"]
    assert ("reserved IP 'ftp-ip'" in found[0].message) is kept


def test_a_removal_from_a_vm_named_by_a_parameter_s_default_is_not_taken_as_made(tmp_path, monkeypatch):
    """Another run may pass another service: the exported VM's endpoint ACL stays (MIG201)."""
    export = (
        '[{"DeploymentName": "fab-jump", "Name": "jump01", "ServiceName": "fab-jump", "VM": {"ConfigurationSets": '
        '[{"ConfigurationSetType": "NetworkConfiguration", "InputEndpoints": [{"LocalPort": 3389, "Name": '
        '"RemoteDesktop", "Port": 53389, "Protocol": "tcp", "EndpointAccessControlList": {"Rules": [{"Order": '
        '100, "Action": "permit", "RemoteSubnet": "203.0.113.0/24"}]}}], "SubnetNames": ["mgmt"]}], '
        '"RoleName": "jump01", "RoleSize": "Medium", "RoleType": "PersistentVMRole"}, "VirtualNetworkName": '
        '"fab-vnet"}]\n'
    )
    remove = (
        'Get-AzureVM -ServiceName {service} -Name "jump01" | Remove-AzureEndpoint -Name "RemoteDesktop" '
        "| Update-AzureVM\n"
    )
    for n, (head, service, expected) in enumerate(
        (
            ("", '"fab-jump"', []),
            ('param([string]$Service = "fab-jump")\n', "$Service", ["MIG201"]),
            ("", '"fab-other"', ["MIG201"]),
        )
    ):
        files = {
            "jump-vms.json": export,
            "close.ps1": head + "Import-Module Azure\n" + remove.format(service=service),
        }
        found = lint_files(tmp_path / str(n), monkeypatch, files, "MIG201", dedent=False).findings
        assert [f.code for f in found] == expected, head


def test_a_reservation_of_a_service_named_by_a_parameter_s_default_is_not_taken_as_made(
    tmp_path, monkeypatch
):
    reserve = (
        'param([string]$Service = "fab-ftp")\nImport-Module Azure\n'
        'New-AzureReservedIP -ReservedIPName "ftp-ip" -Location "West Europe" -ServiceName $Service\n'
    )
    files = {"deploy.ps1": GUARDED_DEPLOY, "reserve.ps1": reserve}
    (finding,) = lint_files(tmp_path, monkeypatch, files, "MIG105", dedent=False).findings
    assert (
        "its VIP changes unless it is reserved IP 'ftp-ip', which a call that may not run" in finding.message
    )
