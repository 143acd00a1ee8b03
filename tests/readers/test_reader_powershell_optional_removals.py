"""PowerShell the reader got wrong: an ACL removal that may not run, the run on the parameters'
defaults of a script that ends unless a parameter is passed, the `-in`/`-notin` forms that say whether case
counts, and where a string joined by `+=` is reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plugins import load_rules
from migcheck.readers.powershell import _with_known_operators, syntax_tree


def _lint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], code: str) -> list[str]:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lint(["."], Config(select=(code,)), load_rules(entry_points=False))
    return [f"{f.location.path}:{f.location.line}:{f.location.column} {f.message}" for f in result.findings]


# --- an ACL removal that may not run ----------------------------------------------------------------------

_CREATE = """\
$acl = New-AzureAclConfig
Set-AzureAclConfig -AddRule -ACL $acl -Order 100 -Action Permit -RemoteSubnet "203.0.113.0/24" -Description "office"
$vm = New-AzureVMConfig -Name "web01" -InstanceSize Small -ImageName "img"
$vm = Add-AzureEndpoint -VM $vm -Name "HTTPS" -Protocol tcp -LocalPort 443 -PublicPort 443 -ACL $acl
New-AzureVM -ServiceName "shop" -VMs $vm -Location "West Europe"
"""
_REMOVE = 'Get-AzureVM -ServiceName "shop" -Name "web01" | Remove-AzureAclConfig -EndpointName "HTTPS" | Update-AzureVM'
_ACL = "create.ps1:4:97 endpoint 'HTTPS' of VM 'web01' in cloud service 'shop' has an access control list (1 rule)"


@pytest.mark.parametrize(
    "change",
    [
        f"param([switch]$DropAcl)\nif ($DropAcl) {{\n    {_REMOVE}\n}}\n",
        'param([switch]$DropAcl)\n$vm = Get-AzureVM -ServiceName "shop" -Name "web01"\n'
        'if ($DropAcl) { $vm = $vm | Remove-AzureAclConfig -EndpointName "HTTPS" }\n$vm | Update-AzureVM\n',
        f"param([string[]]$Names)\nforeach ($n in $Names) {{ {_REMOVE} }}\n",
        f"function Drop {{ {_REMOVE} }}\nif ($env:DROP_ACL) {{ Drop }}\n",
    ],
)
def test_an_acl_removal_in_another_script_that_may_not_run_leaves_the_acl(tmp_path, monkeypatch, change):
    files = {"create.ps1": _CREATE, "prepare-migration.ps1": change}
    assert _lint(tmp_path, monkeypatch, files, "MIG201") == [_ACL]


def test_an_acl_removal_that_surely_runs_still_removes_it(tmp_path, monkeypatch):
    files = {"create.ps1": _CREATE, "prepare-migration.ps1": _REMOVE + "\n"}
    assert _lint(tmp_path, monkeypatch, files, "MIG201") == []


def test_an_acl_removal_that_may_not_run_in_the_script_that_creates_the_vm_leaves_the_acl(
    tmp_path, monkeypatch
):
    script = f"param([switch]$DropAcl)\n{_CREATE}if ($DropAcl) {{\n    {_REMOVE}\n}}\n"
    moved = _ACL.replace("create.ps1:4:", "create.ps1:5:")  # below the `param`
    assert _lint(tmp_path, monkeypatch, {"create.ps1": script}, "MIG201") == [moved]


# --- the run on the parameters' defaults -----------------------------------------------------------------

_TIERS = """\
if ($Tier -eq "backend") { $subnets = @("be", "mgmt") } else { $subnets = @("fe") }
$vm = New-AzureVMConfig -Name "tier-01" -InstanceSize "Medium" -ImageName "img"
$vm = Set-AzureSubnet -VM $vm -SubnetNames $subnets
New-AzureVM -ServiceName "contoso-tiers" -VNetName "contoso-vnet" -VMs $vm
"""


@pytest.mark.parametrize(
    "guard",
    [
        'if (-not $PSBoundParameters.ContainsKey("Tier")) { throw "Pass -Tier explicitly" }',
        "if (!$PSBoundParameters.ContainsKey('tier')) { Write-Error 'Pass -Tier'; exit 1 }",
        "if ($PSBoundParameters.ContainsKey('Tier') -eq $false) { throw 'Pass -Tier' }",
        "if ($PSBoundParameters.ContainsKey('Tier')) { Write-Host 'given' } else { throw 'Pass -Tier' }",
    ],
)
def test_a_script_that_ends_unless_the_parameter_is_passed_never_runs_on_its_default(
    tmp_path, monkeypatch, guard
):
    script = f'param([string]$Tier = "backend")\n{guard}\n{_TIERS}'
    assert _lint(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG202") == []


@pytest.mark.parametrize(
    "guard",
    [
        'if (-not $PSBoundParameters.ContainsKey("Tier")) { Write-Host "Using the default tier" }',
        'if (-not $Tier) { throw "Pass -Tier" }',  # the default is a tier: the run on it goes on
        'if (-not $PSBoundParameters.ContainsKey("Size")) { throw "Pass -Size" }',  # no default kept
    ],
)
def test_a_script_that_goes_on_without_the_parameter_still_runs_on_its_default(tmp_path, monkeypatch, guard):
    script = f'param([string]$Tier = "backend", [string]$Size)\n{guard}\n{_TIERS}'
    assert _lint(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG202") == [
        "deploy.ps1:3:47 VM 'tier-01' of cloud service 'contoso-tiers' is in 2 subnets (be, mgmt)"
    ]


# --- `-cin`, `-iin`, `-cnotin`, `-inotin` --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("operator", "service"),
    [
        ("-cin", "no"),
        ("-CIN", "no"),
        ("-iin", "yes"),
        ("-cnotin", "yes"),
        ("-inotin", "no"),
        ("-in", "yes"),
        ("-ccontains", None),  # the list is on the right: not a membership test
    ],
)
def test_in_and_notin_that_say_whether_case_counts_are_decided(tmp_path, monkeypatch, operator, service):
    script = (
        '$Mode = "flat"\n'
        '$vm = New-AzureVMConfig -Name "web01" -InstanceSize Small -ImageName "img"\n'
        f'if ($Mode {operator} "FLAT","simple") {{\n'
        '    New-AzureVM -ServiceName "yes" -VMs $vm -Location "West Europe"\n'
        "} else {\n"
        '    New-AzureVM -ServiceName "no" -VMs $vm -Location "West Europe"\n'
        "}\n"
    )
    found = {
        f.split("deployment '")[1].split("'")[0]
        for f in _lint(tmp_path, monkeypatch, {"d.ps1": script}, "MIG105")
    }
    assert found == ({service} if service else {"yes", "no"})


def test_only_operators_the_grammar_could_not_read_are_rewritten():
    source = b"# -cin\nWrite-Output \"-cin\" -cin x\nif ($a -cin 'x') {}\n"
    rewritten = _with_known_operators(source, syntax_tree(source).root_node)
    assert rewritten == source.replace(b"$a -cin", b"$a -in ")
    assert not syntax_tree(rewritten).root_node.has_error
    clean = b"if ($a -ceq 'x') {}\n"
    assert _with_known_operators(clean, syntax_tree(clean).root_node) is clean


# --- a string joined by `+=` ---------------------------------------------------------------------------------

_NETWORK = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="vnet1" Location="West Europe">
      <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
      <Subnets><Subnet name="fe"><AddressPrefix>10.0.0.0/24</AddressPrefix></Subnet></Subnets>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


@pytest.mark.parametrize(
    ("assign", "subnets"),
    [
        ('$cfg = @{ Name = "app"; Subnets = "fe" }\n$cfg.Subnets += "nope"', "$cfg.Subnets"),
        ('$cfg = @{ Name = "app"; Subnets = "fe" }\n$cfg["Subnets"] += "nope"', "$cfg.Subnets"),
        ('$s = "fe"\n$s += "nope"', "$s"),
    ],
)
def test_a_string_joined_by_plus_equals_is_reported_where_it_is_joined(
    tmp_path, monkeypatch, assign, subnets
):
    script = (
        f"{assign}\n"
        '$vm = New-AzureVMConfig -Name "app" -InstanceSize "Medium" -ImageName "img"\n'
        f"$vm = Set-AzureSubnet -VM $vm -SubnetNames {subnets}\n"
        'New-AzureVM -ServiceName "svc" -VNetName "vnet1" -VMs $vm\n'
    )
    files = {"deploy.ps1": script, "net.netcfg": _NETWORK}
    assert _lint(tmp_path, monkeypatch, files, "MIG003") == [
        "deploy.ps1:2:1 subnet 'fenope' is not a subnet of virtual network 'vnet1'"
    ]
