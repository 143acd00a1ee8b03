"""What the reading of exclusive branches and of facts stated on paths that may not run must not lose:
where the reader cannot be sure which of several VMs, clauses or calls is meant, it reads them as it did before
it knew of exclusive branches, and a fact every path states, or only one path states, is still a fact."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

IMAGE = '$image = "a699494373c04fc0bc8f2bb1389d6106__Windows-Server-2012-R2"\n'
WINDOWS = "Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password $pw"


def _findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, *codes: str):
    return lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, *codes).findings


def _config(name: str, size: str, availability_set: str = "") -> str:
    in_set = f' -AvailabilitySetName "{availability_set}"' if availability_set else ""
    return (
        f'New-AzureVMConfig -Name "{name}" -InstanceSize {size} -ImageName $image{in_set} | {WINDOWS} | '
        'Set-AzureSubnet -SubnetNames "app"'
    )


CREATE = 'New-AzureVM -ServiceName "contoso-app" -VMs $vms -VNetName "prod" -Location "West Europe"\n'


# --- 1. branches that output several configurations each ----------------------------------------------------


def test_branches_that_each_output_several_configurations_create_them_all(tmp_path, monkeypatch):
    """Which configuration of one branch is which of the other's is not known: each may be created, but
    never together with those of the other branch. The first branch's two sets are a finding; the second
    branch's set, whose VMs never meet them, is not."""
    script = (
        IMAGE
        + "$vms = if ($split) {\n"
        + f"    {_config('web01', 'Small', 'web-as')}\n"
        + f"    {_config('sql01', 'Large', 'sql-as')}\n"
        + "} else {\n"
        + f"    {_config('node01', 'Small', 'all-as')}\n"
        + f"    {_config('node02', 'Large', 'all-as')}\n"
        + "}\n"
        + CREATE
    )
    findings = _findings(tmp_path, monkeypatch, script, "MIG102")
    assert where(findings) == ["MIG102 deploy.ps1:4:96"]
    assert findings[0].message == (
        "cloud service 'contoso-app' has VMs in availability set 'web-as' and, created with them, 'sql01' in "
        "'sql-as'"
    )
    # Near miss: one configuration on each branch is one VM, either.
    either = (
        IMAGE
        + "$vms = if ($useSql) {\n"
        + f"    {_config('sql01', 'Large', 'sql-as')}\n"
        + "} else {\n"
        + f"    {_config('web01', 'Small', 'web-as')}\n"
        + "}\n"
        + CREATE
    )
    assert _findings(tmp_path, monkeypatch, either, "MIG102") == []


def test_a_change_to_the_one_configuration_either_branch_builds_is_kept(tmp_path, monkeypatch):
    """The near miss that made branches one VM: a change made to it after the `if` is kept."""
    script = (
        '$vm = if ($big) { New-AzureVMConfig -Name "web01" -InstanceSize Large -ImageName $image } '
        'else { New-AzureVMConfig -Name "web01" -InstanceSize Small -ImageName $image }\n'
        '$vm | Set-AzureSubnet -SubnetNames "web", "data" | Out-Null\n'
        f'$vm | {WINDOWS} | New-AzureVM -ServiceName "svc" -VNetName "prod"\n'
    )
    assert where(_findings(tmp_path, monkeypatch, script, "MIG202", "MIG203")) == ["MIG202 deploy.ps1:2:43"]


# --- 2. a switch over a value the reader does not know -------------------------------------------------------


def _switch(param: str, subject: str) -> str:
    return (
        param
        + IMAGE
        + f"$vms = switch ({subject}) {{\n"
        + f'    "web" {{ {_config("web01", "Small", "web-as")} }}\n'
        + f'    "sql" {{ {_config("sql01", "Large", "sql-as")} }}\n'
        + "}\n"
        + CREATE
    )


@pytest.mark.parametrize(
    ("param", "subject"),
    [("param([string[]] $Roles)\n", "$Roles"), ("param($Roles)\n", "$Roles"), ("", "$tier")],
)
def test_a_switch_over_a_value_the_reader_does_not_know_may_run_several_clauses(
    tmp_path, monkeypatch, param, subject
):
    script = _switch(param, subject)
    line = 1 + script.count("\n", 0, script.index('"sql" {'))
    assert where(_findings(tmp_path, monkeypatch, script, "MIG102")) == [f"MIG102 deploy.ps1:{line}:104"]


@pytest.mark.parametrize("param", ['param([string]$tier = "web")\n', '$tier = "sql"\n'])
def test_a_switch_over_one_string_the_reader_knows_runs_one_clause(tmp_path, monkeypatch, param):
    script = _switch(param, "$tier")
    assert _findings(tmp_path, monkeypatch, script, "MIG102") == []


# --- 3. a reserved IP associated on every branch ------------------------------------------------------------

JUMP = (
    IMAGE
    + '$vm = New-AzureVMConfig -Name "jump01" -InstanceSize Small -ImageName $image | '
    + f'{WINDOWS} -NoRDPEndpoint -NoWinRMEndpoint | Set-AzureSubnet -SubnetNames "mgmt"\n'
    + 'New-AzureVM -ServiceName "contoso-jump" -VMs $vm -VNetName "prod" -Location "West Europe"\n'
)
ASSOCIATE = 'Set-AzureReservedIPAssociation -ReservedIPName "{}" -ServiceName "contoso-jump"'


def test_a_reserved_ip_associated_on_each_branch_reserves_the_vip(tmp_path, monkeypatch):
    either = "if ($primary) {{\n    {}\n}} else {{\n    {}\n}}\n"
    script = JUMP + either.format(ASSOCIATE.format("jump-vip-a"), ASSOCIATE.format("jump-vip-b"))
    findings = _findings(tmp_path, monkeypatch, script, "MIG106")
    assert where(findings) == ["MIG106 deploy.ps1:5:52"]
    assert findings[0].message.startswith(
        "reserved IP '<reserved IP jump-vip-a or jump-vip-b, deploy.ps1:5>' of cloud service 'contoso-jump'"
    )
    # The same reserved IP on each branch is named as it is.
    same = JUMP + either.format(ASSOCIATE.format("jump-vip"), ASSOCIATE.format("jump-vip"))
    findings = _findings(tmp_path, monkeypatch, same, "MIG106")
    assert where(findings) == ["MIG106 deploy.ps1:5:52"]
    assert findings[0].message.startswith("reserved IP 'jump-vip' of cloud service")
    # Near misses: a path with no association (no `else`, an `else` that associates none, an association
    # in a loop within a branch) leaves the reservation unknown.
    for unsure in (
        "if ($primary) {{\n    {}\n}}\n",
        "if ($primary) {{\n    {}\n}} else {{\n    Write-Host 'none'\n}}\n",
        "if ($primary) {{\n    {}\n}} else {{\n    foreach ($n in $names) {{ {} }}\n}}\n",
    ):
        script = JUMP + unsure.format(ASSOCIATE.format("jump-vip-a"), ASSOCIATE.format("jump-vip-b"))
        assert _findings(tmp_path, monkeypatch, script, "MIG106") == [], unsure


def test_an_association_that_may_not_run_still_leaves_the_reservation_unknown(tmp_path, monkeypatch):
    """The near miss that made a maybe association unknown (an `if` without `else`)."""
    script = (
        "param($ip)\n"
        f'New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName $img | {WINDOWS} | '
        "Add-AzureEndpoint -Name http -Protocol tcp -LocalPort 80 -PublicPort 80 | "
        "New-AzureVM -ServiceName 'svc' -Location 'l'\n"
        "if ($reserve) { Set-AzureReservedIPAssociation -ReservedIPName $ip -ServiceName 'svc' }\n"
    )
    (finding,) = _findings(tmp_path, monkeypatch, script, "MIG105")
    assert finding.message.endswith(
        "its VIP changes unless it is a reserved IP (the files do not say whether it is)"
    )


# --- 4. a storage account type stated on a path that may not run --------------------------------------------

PREMIUM = (
    'New-AzureStorageAccount -StorageAccountName "contosodata" -Location "West Europe" -Type "Premium_LRS"'
)
STANDARD = PREMIUM.replace("Premium_LRS", "Standard_LRS")
DB_VM = (
    'New-AzureVMConfig -Name "db01" -InstanceSize Standard_DS3 -ImageName $image '
    '-MediaLocation "https://contosodata.blob.core.windows.net/vhds/db01-os.vhd" | '
    f'{WINDOWS} | Set-AzureSubnet -SubnetNames "data" | Set-AzureVMBootDiagnostics -Enable\n'
    'New-AzureVM -ServiceName "contoso-db" -VMs $vm -VNetName "prod" -Location "West Europe"\n'
)


@pytest.mark.parametrize(
    "created",
    [
        f'if (!(Test-AzureName -Storage "contosodata")) {{\n    {PREMIUM}\n}}\n',
        f"try {{\n    {PREMIUM} -ErrorAction Stop\n}} catch {{\n    Write-Warning 'exists'\n}}\n",
        f"foreach ($i in $tries) {{\n    {PREMIUM}\n}}\n",
    ],
)
def test_a_type_only_a_path_that_may_not_run_states_is_the_accounts(tmp_path, monkeypatch, created):
    script = IMAGE + created + "$vm = " + DB_VM
    line = script.count("\n") - 1
    findings = _findings(tmp_path, monkeypatch, script, "MIG205")
    assert where(findings) == [
        f"MIG205 deploy.ps1:{line}:{len('$vm = ') + DB_VM.index('Set-AzureVMBootDiagnostics') + 1}"
    ]


def test_types_paths_state_apart_or_a_later_sure_one_decide(tmp_path, monkeypatch):
    """Premium on one branch and Standard on the other is not known; a later call that surely runs wins,
    as does a later removal; a sure Standard then a Premium that may not run is not known either."""
    for script in (
        f"if ($Premium) {{\n    {PREMIUM}\n}} else {{\n    {STANDARD}\n}}\n",
        f"if ($fresh) {{\n    {PREMIUM}\n}}\n{STANDARD}\n",
        f"{STANDARD}\nif ($fresh) {{\n    {PREMIUM}\n}}\n",
        f'if ($fresh) {{\n    {PREMIUM}\n}}\nif ($fresh) {{\n    New-AzureStorageAccount "contosodata" -Type $t\n}}\n',
        f'{PREMIUM}\nRemove-AzureStorageAccount -StorageAccountName "contosodata"\n{STANDARD}\n',
        f'if ($fresh) {{\n    {PREMIUM}\n}}\nRemove-AzureStorageAccount -StorageAccountName "contosodata"\n',
    ):
        assert _findings(tmp_path, monkeypatch, IMAGE + script + "$vm = " + DB_VM, "MIG205") == [], script
    # Near miss: the same type on both branches is the account's.
    both = f"if ($Premium) {{\n    {PREMIUM}\n}} else {{\n    {PREMIUM} -Label 'other'\n}}\n"
    assert len(_findings(tmp_path, monkeypatch, IMAGE + both + "$vm = " + DB_VM, "MIG205")) == 1


# --- 5. an authorization removal that names another circuit ---------------------------------------------------

AUTHORIZE = (
    '$auth = New-AzureDedicatedCircuitLinkAuthorization -ServiceKey "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" '
    '-Description "Dev-Test" -Limit 2 -MicrosoftIds "devtest@contoso.com"\n'
)
REMOVE = (
    "Remove-AzureDedicatedCircuitLinkAuthorization -ServiceKey {key} "
    "-AuthorizationId $auth.LinkAuthorizationId -Force\n"
)


def test_a_removal_on_another_circuit_leaves_the_authorization(tmp_path, monkeypatch):
    script = AUTHORIZE + REMOVE.format(key='"ffffffff-bbbb-cccc-dddd-eeeeeeeeeeee"')
    findings = _findings(tmp_path, monkeypatch, script, "MIG311")
    assert where(findings) == ["MIG311 deploy.ps1:1:9"]
    assert "'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'" in findings[0].message
    # A key the script states where the circuit's is not stated may be another circuit's too.
    unstated = AUTHORIZE.replace('"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"', "$key")
    script = unstated + REMOVE.format(key='"ffffffff-bbbb-cccc-dddd-eeeeeeeeeeee"')
    assert where(_findings(tmp_path, monkeypatch, script, "MIG311")) == ["MIG311 deploy.ps1:1:9"]
    # Near misses: the circuit's own key (in other case), or its variable, removes it.
    for key in ('"AAAAAAAA-bbbb-cccc-dddd-eeeeeeeeeeee"',):
        assert _findings(tmp_path, monkeypatch, AUTHORIZE + REMOVE.format(key=key), "MIG311") == []
    assert _findings(tmp_path, monkeypatch, unstated + REMOVE.format(key="$key"), "MIG311") == []
