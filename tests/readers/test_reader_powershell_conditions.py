"""Conditions the PowerShell reader decides on strings it knows: wildcards (`-like`), plain regular
expressions (`-match`), membership (`-in`, `-contains`) and a string's own tests (`.StartsWith()`,
`.EndsWith()`, `.Contains()`), each as PowerShell and .NET compare (the operators without regard to case
unless written `-c…`, the methods counting it). What the reader cannot surely tell stays undecided."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_reader_powershell import _deployments
from test_reader_powershell_calls import _ADD_VM, PATH

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plugins import load_rules
from migcheck.readers.powershell import Flag, Items, Text, Unknown, _compared, _string_test


def _spend(steps: int) -> None:
    del steps


def _strings(*values: str) -> Items:
    return Items(tuple(Text(value) for value in values))


@pytest.mark.parametrize(
    ("left", "operator", "right", "expected"),
    [
        ("db01", "-like", "db*", True),
        ("DB01", "-like", "db*", True),
        ("DB01", "-clike", "db*", False),
        ("DB01", "-ilike", "db*", True),
        ("web01", "-like", "db*", False),
        ("web01", "-notlike", "db*", True),
        ("web01", "-like", "*0?", True),
        ("web01", "-like", "w*b*1", True),
        ("web01", "-like", "w*b*2", False),
        ("web01", "-like", "*eb*", True),
        ("web01", "-like", "web", False),
        ("web01", "-like", "web01", True),
        ("web01", "-like", "web0[0-9]", True),
        ("web0a", "-like", "web0[0-9]", False),
        ("ab", "-like", "a**b", True),
        ("aXbXc", "-like", "*b*c", True),
        ("abc", "-like", "a*bc*c", False),
        ("", "-like", "*", True),
        ("", "-like", "?", False),
        ("sql01", "-match", "^sql", True),
        ("mysql01", "-match", "^sql", False),
        ("mysql01", "-match", "sql", True),
        ("SQL01", "-match", "sql", True),
        ("SQL01", "-cmatch", "sql", False),
        ("web01", "-match", "^db|^web", True),
        ("web01", "-notmatch", "^db|01$", False),
        ("web.contoso.com", "-match", r"\.contoso\.com$", True),
        ("webxcontoso.com", "-match", r"\.contoso", False),
        ("web01", "-match", "w.b", True),
        ("web01", "-in", ("web01", "web02"), True),
        ("WEB01", "-in", ("web01", "web02"), True),
        ("WEB01", "-cin", ("web01", "web02"), False),
        ("db01", "-in", ("web01", "web02"), False),
        ("db01", "-notin", ("web01", "web02"), True),
        ("db01", "-in", "db01", True),
        (("web01", "db01"), "-contains", "DB01", True),
        (("web01", "db01"), "-ccontains", "DB01", False),
        (("web01", "db01"), "-notcontains", "sql01", True),
        ("db01", "-contains", "db", False),  # a string is a collection of one, not searched
        ("db01", "-eq", "DB01", True),
        ("db01", "-ne", "db02", True),
    ],
)
def test_a_comparison_of_known_strings_is_decided(left, operator, right, expected):
    def value(side):
        return _strings(*side) if isinstance(side, tuple) else Text(side)

    assert _compared(operator, value(left), value(right), _spend) is expected


@pytest.mark.parametrize(
    ("left", "operator", "right"),
    [
        ("web01", "-like", "web`*"),  # an escape
        ("web01", "-like", "web[!a]"),  # a set other than letters, digits and ranges
        ("web01", "-like", "web[z-a]"),
        ("web01", "-like", "web[a-9]"),
        ("web01", "-like", "web["),
        ("STRASSE", "-like", "straße"),  # without regard to case, outside ASCII: the culture decides
        ("web01", "-match", r"^web\d+$"),  # classes, quantifiers, sets and groups are not read
        ("web01", "-match", "^web[0-9]"),
        ("web01", "-match", "^(web|db)"),
        ("web01", "-match", "we+b"),
        ("web01", "-match", r"web\_"),  # .NET refuses the escape
        ("web01", "-gt", "db01"),
        ("web01", "-replace", "db01"),
        (("web01", "db01"), "-like", "db*"),  # a collection on the left filters it
        (("web01", "db01"), "-eq", "db01"),
    ],
)
def test_a_comparison_the_reader_cannot_surely_read_is_not_decided(left, operator, right):
    value = _strings(*left) if isinstance(left, tuple) else Text(left)
    assert _compared(operator, value, Text(right), _spend) is None


def test_a_comparison_with_a_value_that_may_be_missing_or_unknown_is_not_decided():
    unsure = Text("db01", sure=False)
    assert _compared("-like", unsure, Text("db*"), _spend) is None
    assert _compared("-like", Unknown("$x"), Text("db*"), _spend) is None
    assert _compared("-like", Text("10", number=True), Text("1*"), _spend) is None
    assert _compared("-in", Text("db01"), Items((Text("web01"), Unknown("$x"))), _spend) is None
    assert _compared("-in", Text("db01"), Items((Text("db01"), Unknown("$x"))), _spend) is True
    assert _compared("-contains", Flag(True), Text("x"), _spend) is None


@pytest.mark.parametrize(
    ("name", "subject", "argument", "expected"),
    [
        ("startswith", "sql01", "sql", True),
        ("startswith", "SQL01", "sql", False),  # .NET counts case
        ("startswith", "web01", "sql", False),
        ("startswith", "web01", "", True),
        ("endswith", "web01", "01", True),
        ("endswith", "web01", "02", False),
        ("contains", "web01", "eb", True),
        ("contains", "web01", "EB", False),
        ("contains", "straße", "ß", True),  # compared character by character
        ("startswith", "straße", "stra", None),  # as the culture sorts, outside ASCII
    ],
)
def test_a_strings_own_tests_count_case(name, subject, argument, expected):
    assert _string_test(name, Text(subject), Text(argument)) is expected


_LOOP = """
$acl = New-AzureAclConfig
Set-AzureAclConfig -AddRule -ACL $acl -Action Permit -RemoteSubnet "10.50.0.0/16" -Order 100
foreach ($n in "web01", "web02", "db01") {{
    $vm = New-AzureVMConfig -Name $n -InstanceSize "Medium" -ImageName "img"
    if ({condition}) {{
        $vm = Add-AzureEndpoint -VM $vm -Name "sql" -Protocol tcp -LocalPort 1433 -PublicPort 1433 -ACL $acl
    }} else {{
        $vm = Add-AzureEndpoint -VM $vm -Name "http" -Protocol tcp -LocalPort 80 -PublicPort 80
    }}
    New-AzureVM -ServiceName "contoso-app" -VNetName "contoso-vnet" -VMs $vm
}}
"""


@pytest.mark.parametrize(
    ("condition", "with_sql"),
    [
        ('$n -like "db*"', ["db01"]),
        ('$n -like "sql*"', []),
        ('$n -notlike "web*"', ["db01"]),
        ('-not ($n -notlike "sql*")', []),
        ('$n -match "^db"', ["db01"]),
        ('$n -match "^sql"', []),
        ('$n -in @("sql01")', []),
        ('$n -in "db01", "web02"', ["web02", "db01"]),
        ('@("sql01") -contains $n', []),
        ('$n.StartsWith("db")', ["db01"]),
        ('$n.StartsWith("sql")', []),
        ('$n.EndsWith("02")', ["web02"]),
        ('$n.Contains("eb")', ["web01", "web02"]),
        ('$n -like "web*" -and $n -ne "web01"', ["web02"]),
        ('$n -like "db*" -or $n.EndsWith("1")', ["web01", "db01"]),
    ],
)
def test_a_condition_on_a_loops_known_value_picks_the_branch_each_round_takes(read, condition, with_sql):
    doc = read(PATH, _LOOP.format(condition=condition))
    (deployment,) = _deployments(doc)
    endpoints = {role.name: [e.name for e in role.endpoints] for role in deployment.roles}
    assert [name for name, names in endpoints.items() if names == ["sql"]] == with_sql
    assert all(names in (["sql"], ["http"]) for names in endpoints.values())


@pytest.mark.parametrize(
    "condition",
    [
        '$n -match "^db\\d"',  # a pattern the reader does not read
        "$n -like 'db`*'",  # an escape (in double quotes, PowerShell takes the backtick)
        "$n.StartsWith($prefix)",  # a value the script does not state
    ],
)
def test_a_condition_the_reader_cannot_read_leaves_both_branches(read, condition):
    doc = read(PATH, _LOOP.format(condition=condition))
    (deployment,) = _deployments(doc)
    for role in deployment.roles:
        assert sorted(e.name for e in role.endpoints) == ["http", "sql"] and "endpoints" in role.unknown


def test_a_strings_test_on_a_parameter_a_call_passes_decides(read):
    doc = read(PATH, _ADD_VM.format(condition='$name.StartsWith("web")', before="", arguments='"web1"'))
    (role,) = _deployments(doc)[0].roles
    assert [e.name for e in role.endpoints] == ["HTTP"] and "endpoints" not in role.unknown


# --- an ACL removed in another script --------------------------------------------------------------------

_CREATE = """\
$acl = New-AzureAclConfig
Set-AzureAclConfig -AddRule -ACL $acl -Action Permit -RemoteSubnet "203.0.113.0/24" -Order 1
New-AzureVMConfig -Name "ftp01" -InstanceSize "Small" -ImageName "img" |
    Add-AzureProvisioningConfig -Linux -LinuxUser "ops" -Password "pw" |
    Add-AzureEndpoint -Name "ftp" -Protocol tcp -LocalPort 21 -PublicPort 21 -ACL $acl |
    Add-AzureEndpoint -Name "sftp" -Protocol tcp -LocalPort 22 -PublicPort 2222 -ACL $acl |
    New-AzureVM -ServiceName "contoso-ftp" -VNetName "contoso-vnet"
"""


def _lint_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], code: str
) -> list[str]:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lint(["."], Config(select=(code,)), load_rules(entry_points=False))
    return [f"{f.location.path}:{f.location.line} {f.resource_name}" for f in result.findings]


@pytest.mark.parametrize(
    "remediation",
    [
        '$vm = Get-AzureVM -ServiceName "contoso-ftp" -Name "ftp01"\n'
        'Remove-AzureAclConfig -EndpointName "ftp" -VM $vm | Update-AzureVM\n',
        'Get-AzureVM -ServiceName "contoso-ftp" -Name "ftp01" | Remove-AzureAclConfig -EndpointName "FTP" |'
        " Update-AzureVM\n",
    ],
)
def test_an_acl_removed_in_another_script_is_gone_and_the_endpoint_stays(tmp_path, monkeypatch, remediation):
    """As an extension removed by name is: the linker takes the endpoint's protocol and ports from the VM
    the first script creates, and the ACL from the change."""
    files = {"01-create.ps1": _CREATE, "02-remediate.ps1": remediation}
    assert _lint_files(tmp_path, monkeypatch, files, "MIG201") == ["01-create.ps1:6 ftp01/sftp"]
    result = lint(["."], Config(), load_rules(entry_points=False))
    (estate,) = result.estates
    (service,) = estate.cloud_services
    (role,) = (role for placement in service.placements for role in placement.roles)
    endpoints = {e.name: (e.protocol, e.port, e.local_port, e.acl is not None) for e in role.endpoints}
    assert endpoints == {
        "SSH": ("tcp", "", "22", False),
        "ftp": ("tcp", "21", "21", False),
        "sftp": ("tcp", "2222", "22", True),
    }


def test_an_acl_removed_from_an_endpoint_no_script_creates_adds_no_endpoint(tmp_path, monkeypatch):
    remediation = 'Get-AzureVM -ServiceName "contoso-ftp" -Name "ftp01" | Remove-AzureAclConfig -EndpointName "web" | Update-AzureVM\n'
    files = {"01-create.ps1": _CREATE, "02-remediate.ps1": remediation}
    assert _lint_files(tmp_path, monkeypatch, files, "MIG201") == [
        "01-create.ps1:5 ftp01/ftp",
        "01-create.ps1:6 ftp01/sftp",
    ]


# --- `+=` on a table's entry ----------------------------------------------------------------------------

_QUICK_VM = """
$q = @{{ ServiceName = "contoso-mon"; Name = "mon01"; ImageName = "img"; Linux = $true }}
$q.LinuxUser = "ops"
$q.Password = "pw"
$q.VNetName = "contoso-vnet"
{subnets}
New-AzureQuickVM @q
"""


@pytest.mark.parametrize(
    ("subnets", "expected"),
    [
        ('$q.SubnetNames = @("monitoring")\n$q.SubnetNames += "mgmt"', ["monitoring", "mgmt"]),
        (
            '$q["SubnetNames"] = "monitoring", "app"\n$q["SubnetNames"] += @("mgmt")',
            ["monitoring", "app", "mgmt"],
        ),
        ('$q.SubnetNames = "monitoring"\n$q.SubnetNames += "mgmt"', ["monitoringmgmt"]),  # a string joins
        ('$q.SubnetNames = @("monitoring")\n$q.SubnetNames = "mgmt"', ["mgmt"]),
    ],
)
def test_adding_to_a_tables_entry_keeps_what_it_held(read, subnets, expected):
    doc = read(PATH, _QUICK_VM.format(subnets=subnets))
    (role,) = _deployments(doc)[0].roles
    assert [s.name for s in role.subnets] == expected and "subnets" not in role.unknown


@pytest.mark.parametrize(
    "subnets",
    [
        '$q.SubnetNames += "mgmt"',  # an entry the table does not hold
        'if ($unknown) { $q.SubnetNames = @("monitoring") }\n$q.SubnetNames += "mgmt"',
        '$q.SubnetNames = @("monitoring", "mgmt")\n$q.SubnetNames -= "mgmt"',
    ],
)
def test_adding_to_an_entry_the_table_may_not_hold_is_not_followed(read, subnets):
    doc = read(PATH, _QUICK_VM.format(subnets=subnets))
    (role,) = _deployments(doc)[0].roles
    assert "subnets" in role.unknown


# --- the run on the script's parameters' defaults ---------------------------------------------------------

_TIERS = """
param(
    [string]$Tier = "backend",
    [string]$ServiceName = "contoso-tiers"
)
{choice}
$vm = New-AzureVMConfig -Name "$Tier-01" -InstanceSize "Medium" -ImageName "img"
$vm = Set-AzureSubnet -VM $vm -SubnetNames $subnets
New-AzureVM -ServiceName $ServiceName -VNetName "contoso-vnet" -VMs $vm
"""


@pytest.mark.parametrize(
    ("choice", "line"),
    [
        (
            'switch ($Tier) {\n    "frontend" { $subnets = @("fe") }\n    "backend" { $subnets = @("be", "mgmt") }\n}',
            8,
        ),
        ('if ($Tier -eq "backend") { $subnets = @("be", "mgmt") } else { $subnets = @("fe") }', 6),
    ],
)
def test_a_blocker_on_the_path_of_the_parameters_defaults_is_reported(tmp_path, monkeypatch, choice, line):
    """Run as written, the script takes the default's branch: a VM in two subnets (reported where the
    second is written). A caller may pass another tier: the choice stays one the reader does not decide."""
    files = {"deploy-tier.ps1": _TIERS.format(choice=choice)}
    assert _lint_files(tmp_path, monkeypatch, files, "MIG202") == [f"deploy-tier.ps1:{line} backend-01"]


def test_a_blocker_only_another_value_of_a_parameter_sets_is_not_reported(tmp_path, monkeypatch):
    choice = 'if ($Tier -eq "frontend") { $subnets = @("fe", "mgmt") } else { $subnets = @("be") }'
    files = {"deploy-tier.ps1": _TIERS.format(choice=choice)}
    assert _lint_files(tmp_path, monkeypatch, files, "MIG202") == []


def test_branches_on_a_parameter_with_a_default_stay_exclusive(tmp_path, monkeypatch):
    script = """
param([string]$Tier = "backend")
if ($Tier -eq "backend") {
    New-AzureVMConfig -Name "be01" -InstanceSize Small -ImageName "img" -AvailabilitySetName "be-set" |
        Set-AzureSubnet -SubnetNames "be" | New-AzureVM -ServiceName "svc" -VNetName "vnet1"
} else {
    New-AzureVMConfig -Name "fe01" -InstanceSize Small -ImageName "img" |
        Set-AzureSubnet -SubnetNames "be" | New-AzureVM -ServiceName "svc" -VNetName "vnet1"
}
"""
    files = {"deploy.ps1": script}
    assert _lint_files(tmp_path, monkeypatch, files, "MIG103") == []


# --- a VM a function called more than once makes ----------------------------------------------------------

_CRM = """\
function New-ContosoVM {
    param([Parameter(Mandatory)] [string]$Name, [string]$AvailabilitySet = $null)
    $cfg = @{ Name = $Name; InstanceSize = "Medium"; ImageName = "img" }
    if ($AvailabilitySet) { $cfg.AvailabilitySetName = $AvailabilitySet }
    $vm = New-AzureVMConfig @cfg
    $vm = Set-AzureSubnet -VM $vm -SubnetNames "app"
    New-AzureVM -ServiceName "contoso-crm" -VNetName "contoso-vnet" -VMs $vm
}
"""


def test_a_vm_a_function_called_twice_makes_is_shown_at_its_call(tmp_path, monkeypatch):
    script = _CRM + 'New-ContosoVM -Name "crm01" -AvailabilitySet "crm-as"\n    New-ContosoVM -Name "crm02"\n'
    (tmp_path / "crm.ps1").write_text(script, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lint(["."], Config(select=("MIG103",)), load_rules(entry_points=False))
    assert [(f.location.line, f.location.column) for f in result.findings] == [(10, 5)]


def test_a_vm_a_function_called_once_makes_is_shown_where_it_is_made(read):
    doc = read(PATH, _CRM + 'New-ContosoVM -Name "crm01"\n')
    (role,) = _deployments(doc)[0].roles
    assert (role.mark.line, role.mark.column) == (5, 11)


def test_a_vm_made_in_a_function_each_of_whose_calls_is_made_once_is_shown_at_the_inner_call(read):
    """The innermost call of a function called more than once tells the VMs apart."""
    script = _CRM + (
        'function New-Pair {\n    New-ContosoVM -Name "a"\n    New-ContosoVM -Name "b"\n}\nNew-Pair\n'
    )
    doc = read(PATH, script)
    marks = sorted((role.mark.line, role.mark.column) for d in _deployments(doc) for role in d.roles)
    assert marks == [(10, 5), (11, 5)]
