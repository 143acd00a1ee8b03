"""What realistic PowerShell scripts showed the reader getting wrong: branches only one of which runs
read as both, facts stated on a path that may not run read as certain, disks given by a name the script does
not state, guards after other statements, and link authorizations removed again."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

from migcheck.model import Deployment, Document

PATH = "deploy/vm.ps1"
IMAGE = "-ImageName $image"
WINDOWS = "Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password $pw"


def _findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], *codes: str):
    return lint_files(tmp_path, monkeypatch, files, *codes).findings


def _vm_names(doc: Document) -> list[str]:
    return [role.name for r in doc.resources if isinstance(r, Deployment) for role in r.roles]


# --- 1. branches only one of which runs give one VM -----------------------------------------------------

EITHER_SIZE = (
    f'$vm = if ($big) {{ New-AzureVMConfig -Name "web01" -InstanceSize Large {IMAGE} }} '
    f'else {{ New-AzureVMConfig -Name "web01" -InstanceSize Small {IMAGE} }}\n'
)


@pytest.mark.parametrize(
    "subnets",
    [
        '$vm | Set-AzureSubnet -SubnetNames "web", "data" | Out-Null\n',
        'Set-AzureSubnet -VM $vm -SubnetNames "web", "data" | Out-Null\n',
    ],
)
def test_a_change_to_the_vm_either_branch_builds_is_kept(tmp_path, monkeypatch, subnets):
    script = EITHER_SIZE + subnets + f'$vm | {WINDOWS} | New-AzureVM -ServiceName "svc" -VNetName "prod"\n'
    findings = _findings(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG202", "MIG203")
    column = subnets.index('"data"') + 1  # where the second subnet is written
    assert where(findings) == [f"MIG202 deploy.ps1:2:{column}"]
    assert findings[0].message == "VM 'web01' of cloud service 'svc' is in 2 subnets (web, data)"
    # Near miss: one subnet is neither finding (the change was lost, and the VM had no subnet).
    one = script.replace('"web", "data"', '"web"')
    assert _findings(tmp_path, monkeypatch, {"deploy.ps1": one}, "MIG202", "MIG203") == []


def test_a_change_piped_to_an_array_of_configurations_is_made_to_each(tmp_path, monkeypatch):
    script = (
        f'$configs = foreach ($n in "a", "b") {{ New-AzureVMConfig -Name $n -InstanceSize Small {IMAGE} }}\n'
        '$configs | Set-AzureSubnet -SubnetNames "web" | Out-Null\n'
        f'$configs | {WINDOWS} | New-AzureVM -ServiceName "svc" -VNetName "prod"\n'
    )
    assert _findings(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG203") == []
    # Near miss: without the change, neither VM has a subnet.
    bare = script.replace('$configs | Set-AzureSubnet -SubnetNames "web" | Out-Null\n', "")
    findings = _findings(tmp_path, monkeypatch, {"deploy.ps1": bare}, "MIG203")
    assert where(findings) == ["MIG203 deploy.ps1:1:39", "MIG203 deploy.ps1:1:39"]


SQL = f'New-AzureVMConfig -Name "sql01" -InstanceSize Large {IMAGE} -AvailabilitySetName "sql-as"'
WEB = f'New-AzureVMConfig -Name "web01" -InstanceSize Small {IMAGE} -AvailabilitySetName "web-as"'
CREATE = 'New-AzureVM -ServiceName "contoso" -VMs $first -Location "West Europe" -VNetName "prod"\n'


@pytest.mark.parametrize(
    "either",
    [
        f"$first = if ($useSql) {{\n    {SQL}\n}} else {{\n    {WEB}\n}}\n",
        f"if ($useSql) {{\n    $first = {SQL}\n}} else {{\n    $first = {WEB}\n}}\n",
        f'param([string] $tier = "web")\n$first = switch ($tier) {{\n    "sql" {{ {SQL} }}\n    web {{ {WEB} }}\n    default {{ throw "no" }}\n}}\n',
        f"$first = try {{\n    {SQL} -ErrorAction Stop\n}} catch {{\n    Write-Warning 'retrying'\n    {WEB}\n}}\n",
    ],
)
def test_configurations_of_exclusive_branches_are_one_vm(tmp_path, monkeypatch, read, either):
    script = either + CREATE
    created = script.count("\n")  # the line of New-AzureVM, where the configuration is passed
    findings = _findings(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG102", "MIG103", "MIG203")
    # One VM, which has no subnet whichever it is; its name is either.
    assert [f.code for f in findings] == ["MIG203"]
    first_config = script[: script.index("New-AzureVMConfig")].count("\n") + 1
    assert findings[0].location is not None and findings[0].location.line == first_config
    shown = f"<VM sql01 or web01, deploy.ps1:{created}>"
    assert findings[0].message.startswith(f"VM '{shown}' of cloud service 'contoso'")
    assert _vm_names(read(PATH, script)) == [shown.replace("deploy.ps1", "vm.ps1")]


def test_configurations_that_all_run_are_each_a_vm(tmp_path, monkeypatch):
    """Near misses of exclusive branches: both configurations created, a `switch` whose clauses may both
    match (`-Wildcard`), one whose clause constants are one value, and two clauses of a `switch` over an
    array the reader knows."""
    both = f"$first = {SQL}\n$second = {WEB}\n" + CREATE.replace("$first", "$first, $second")
    column = len("$second = ") + WEB.index('"web-as"') + 1
    assert where(_findings(tmp_path, monkeypatch, {"deploy.ps1": both}, "MIG102")) == [
        f"MIG102 deploy.ps1:2:{column}"
    ]
    switch = (
        f'$first = switch{{0}} ($tier) {{{{\n    "sql" {{{{ {SQL} }}}}\n    {{1}} {{{{ {WEB} }}}}\n}}}}\n'
    )
    for flags, other in ((" -Wildcard", "web"), ("", "SQL")):
        script = switch.format(flags, other) + CREATE
        column = len(f"    {other} {{ ") + WEB.index('"web-as"') + 1
        assert where(_findings(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG102")) == [
            f"MIG102 deploy.ps1:3:{column}"
        ], flags
    listed = switch.format("", "web").replace("($tier)", '("sql", "web")') + CREATE
    assert len(_findings(tmp_path, monkeypatch, {"deploy.ps1": listed}, "MIG102")) == 1


def test_a_try_and_its_catch_give_one_configuration_named_as_both_name_it(tmp_path, monkeypatch):
    script = (
        "$vm = try {\n"
        f'    New-AzureVMConfig -Name "app01" -InstanceSize Small {IMAGE} -AvailabilitySetName "app-as" -ErrorAction Stop\n'
        "} catch {\n"
        f'    New-AzureVMConfig -Name "app01" -InstanceSize Small -ImageName $fallback -AvailabilitySetName "app-as"\n'
        "}\n"
        f'$vm2 = New-AzureVMConfig -Name "app02" -InstanceSize Small {IMAGE}\n'
        'New-AzureVM -ServiceName "contoso-app" -VMs $vm, $vm2 -Location "West Europe"\n'
    )
    findings = _findings(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG103", "MIG105")
    assert where(findings) == ["MIG103 deploy.ps1:6:8", "MIG105 deploy.ps1:7:1"]
    assert "restarts 'app01', 'app02'" in findings[1].message
    # Near miss: both in the set.
    app02 = f'"app02" -InstanceSize Small {IMAGE}'
    same = script.replace(app02, f'{app02} -AvailabilitySetName "app-as"')
    assert [f.code for f in _findings(tmp_path, monkeypatch, {"deploy.ps1": same}, "MIG103", "MIG105")] == [
        "MIG105"
    ]


# --- 2. facts on a path that may not run ------------------------------------------------------------------

PREMIUM = (
    'New-AzureStorageAccount -StorageAccountName "contosodata" -Location "West Europe" -Type "Premium_LRS"'
)
STANDARD = PREMIUM.replace("Premium_LRS", "Standard_LRS")
DB_VM = (
    'New-AzureVMConfig -Name "db01" -InstanceSize "Standard_DS3" -ImageName $image '
    '-MediaLocation "https://contosodata.blob.core.windows.net/vhds/db01-os.vhd" |\n'
    f"    {WINDOWS} |\n"
    "    Set-AzureVMBootDiagnostics -Enable |\n"
    '    New-AzureVM -ServiceName "contoso-db" -Location "West Europe"\n'
)


def test_a_storage_type_given_on_a_path_that_may_not_run_is_not_the_accounts(tmp_path, monkeypatch):
    branches = f"if ($Premium) {{\n    {PREMIUM}\n}} else {{\n    {STANDARD}\n}}\n"
    assert _findings(tmp_path, monkeypatch, {"deploy.ps1": branches + DB_VM}, "MIG205") == []
    # Near miss: the same account surely created Premium.
    findings = _findings(tmp_path, monkeypatch, {"deploy.ps1": PREMIUM + "\n" + DB_VM}, "MIG205")
    assert where(findings) == ["MIG205 deploy.ps1:4:5"]


def test_the_last_type_a_script_surely_gives_an_account_is_its_type(tmp_path, monkeypatch):
    removal = 'Remove-AzureStorageAccount -StorageAccountName "contosodata"'
    script = f"{PREMIUM}\n{removal}\n{STANDARD}\n{DB_VM}"
    assert _findings(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG205") == []
    # Near misses: a removal that may not run leaves the account Premium, as does recreating it Premium.
    for changed in (
        script.replace(removal, f"if ($clean) {{ {removal} }}").replace(f"{STANDARD}\n", ""),
        f"{STANDARD}\n{removal}\n{PREMIUM}\n{DB_VM}",
    ):
        assert where(_findings(tmp_path, monkeypatch, {"deploy.ps1": changed}, "MIG205")) == [
            f"MIG205 deploy.ps1:{changed.count(chr(10)) - 1}:5"
        ], changed


RESERVED_VM = (
    f'New-AzureVMConfig -Name "vm1" -InstanceSize Small {IMAGE} | {WINDOWS} | '
    "New-AzureVM -ServiceName {service} -Location 'l'\n"
)
UNKNOWN = "its VIP changes unless it is a reserved IP (the files do not say whether it is)"
CREATED_AT = f"MIG105 deploy.ps1:2:{RESERVED_VM.index('New-AzureVM ') + 1}"


@pytest.mark.parametrize("name", ["$ip", "'vip'"])
def test_an_association_that_may_not_run_leaves_the_reservation_unknown(tmp_path, monkeypatch, name):
    association = f"Set-AzureReservedIPAssociation -ReservedIPName {name} -ServiceName 'svc'"
    script = "param($ip)\n" + RESERVED_VM.format(service="'svc'") + f"if ($reserve) {{ {association} }}\n"
    (finding,) = _findings(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG105")
    assert where([finding]) == [CREATED_AT]
    assert finding.message.endswith(UNKNOWN)
    # Near miss: an association that surely runs reserves it.
    sure = "param($ip)\n" + RESERVED_VM.format(service="'svc'") + association + "\n"
    (finding,) = _findings(tmp_path, monkeypatch, {"deploy.ps1": sure}, "MIG105")
    shown = "<reserved IP name, deploy.ps1:3>" if name == "$ip" else "vip"
    assert f"its VIP is reserved IP '{shown}' and is kept" in finding.message


def test_removing_a_stated_reservation_of_an_unstated_one_leaves_it_unknown(tmp_path, monkeypatch):
    script = (
        "param($svc, $ip)\n"
        + RESERVED_VM.format(service="$svc")
        + "New-AzureReservedIP -ReservedIPName $ip -Location 'l'\n"
        "Set-AzureReservedIPAssociation $ip $svc\n"
        "Remove-AzureReservedIPAssociation -ReservedIPName 'other-ip' -ServiceName $svc -Force\n"
    )
    (finding,) = _findings(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG105")
    assert where([finding]) == [CREATED_AT]
    assert finding.message.endswith(UNKNOWN)
    # Near miss: removing the very reservation (the same variable) leaves the VIP unreserved.
    same = script.replace("-ReservedIPName 'other-ip'", "-ReservedIPName $ip")
    (finding,) = _findings(tmp_path, monkeypatch, {"deploy.ps1": same}, "MIG105")
    assert finding.message.endswith("its VIP is not reserved and will change")


# --- 3. and 4. disks given by name --------------------------------------------------------------------------

ARCHIVE = (
    'Add-AzureDisk -DiskName "archive-data" '
    '-MediaLocation "https://contosovhds.blob.core.windows.net/vhds/2015/archive-data.vhd"\n'
)


def test_a_disk_a_vm_may_be_given_makes_no_certain_finding(tmp_path, monkeypatch):
    script = (
        "param($osDisk)\n"
        + ARCHIVE
        + 'New-AzureVMConfig -Name "web01" -InstanceSize Small -DiskName $osDisk | '
        'New-AzureVM -ServiceName "web" -Location "West Europe"\n'
    )
    findings = _findings(tmp_path, monkeypatch, {"disks.ps1": script}, "MIG401", "MIG402")
    assert where(findings) == ["MIG401 disks.ps1:2:55"]
    assert findings[0].message.startswith(
        "VM 'web01' in cloud service 'web' may have disk 'archive-data' (it is given a disk by a name the files "
        "do not state) whose blob name '2015/archive-data.vhd'"
    )
    # Near miss: the disk given by its name is surely the VM's, in its cloud service.
    named = script.replace("-DiskName $osDisk", '-DiskName "archive-data"')
    findings = _findings(tmp_path, monkeypatch, {"disks.ps1": named}, "MIG401", "MIG402")
    assert where(findings) == ["MIG401 disks.ps1:2:55"]
    assert findings[0].message.startswith("VM 'web01' in cloud service 'web' has disk 'archive-data' whose")


PREMIUM_DISK = (
    'New-AzureStorageAccount -StorageAccountName "contosoprem" -Location "West Europe" -Type "Premium_LRS"\n'
    'Add-AzureDisk -DiskName "db01-os" -MediaLocation "https://contosoprem.blob.core.windows.net/vhds/db01-os.vhd" '
    "-OS Windows\n"
)
BY_NAME = (
    'New-AzureVMConfig -Name "db01" -InstanceSize Standard_DS3 -DiskName "db01-os" | '
    'Set-AzureVMBootDiagnostics -Enable | New-AzureVM -ServiceName "db" -Location "West Europe"\n'
)


def test_a_disk_given_by_name_is_among_the_vms_disks_as_described(tmp_path, monkeypatch):
    findings = _findings(tmp_path, monkeypatch, {"disks.ps1": PREMIUM_DISK + BY_NAME}, "MIG205")
    assert where(findings) == ["MIG205 disks.ps1:3:81"]
    assert "Premium storage disks (db01-os)" in findings[0].message
    # Near misses: a Standard account; boot diagnostics turned off; another disk's name.
    for script in (
        PREMIUM_DISK.replace("Premium_LRS", "Standard_LRS") + BY_NAME,
        PREMIUM_DISK
        + BY_NAME.replace("Set-AzureVMBootDiagnostics -Enable | ", "").replace(
            '"db01-os"', '"db01-os" -DisableBootDiagnostics'
        ),
        PREMIUM_DISK + BY_NAME.replace('-DiskName "db01-os"', '-DiskName "db02-os"'),
    ):
        assert _findings(tmp_path, monkeypatch, {"disks.ps1": script}, "MIG205") == [], script
    # The disk registered in another file is the same disk.
    files = {"disks.ps1": PREMIUM_DISK, "vm.ps1": BY_NAME}
    assert where(_findings(tmp_path, monkeypatch, files, "MIG205")) == ["MIG205 vm.ps1:1:81"]


# --- 5. the demo guard after other statements ---------------------------------------------------------------

QUICK_VM = (
    'New-AzureQuickVM -Windows -ServiceName "demo" -Name "vm1" -ImageName $i -AdminUsername a -Password p '
    '-Location "West Europe"'
)


@pytest.mark.parametrize(
    "opening",
    [
        "$ErrorActionPreference = 'Stop'\nbreak",
        "Set-StrictMode -Version Latest\nreturn",
        "Write-Warning 'Run selections'; break",
        "param($svc)\nImport-Module Azure\nbreak",
        "Add-AzureAccount\nSelect-AzureSubscription -SubscriptionName 'dev'\n$name = \"demo\"\nexit",
    ],
)
def test_a_guard_after_statements_that_manage_nothing_is_read_past(tmp_path, monkeypatch, opening):
    script = f"{opening}\n{QUICK_VM}\n"
    line = script.count("\n")
    assert where(_findings(tmp_path, monkeypatch, {"demo.ps1": script}, "MIG105")) == [
        f"MIG105 demo.ps1:{line}:1"
    ]


@pytest.mark.parametrize(
    "opening",
    [
        'New-AzureService -ServiceName "other" -Location "West Europe"\nbreak',
        'Write-Host (Get-AzureVM -ServiceName "other")\nbreak',
        "$vms = Get-AzureVM\nbreak",
        "if ($ready) { Write-Host 'go' }\nbreak",
    ],
)
def test_a_guard_after_statements_that_may_manage_resources_is_read_past_too(tmp_path, monkeypatch, opening):
    """Any stop at the script's top level: what follows it is there to be run a selection at a time."""
    script = f"{opening}\n{QUICK_VM}\n"
    assert where(_findings(tmp_path, monkeypatch, {"demo.ps1": script}, "MIG105")) == ["MIG105 demo.ps1:3:1"]


# --- 6. link authorizations -------------------------------------------------------------------------------

KEY = '$key = "6ed7e310-1a02-4261-915f-6ccfedc416f1"\n'
AUTHORIZE = (
    '$auth = New-AzureDedicatedCircuitLinkAuthorization -ServiceKey $key -Description "Dev" -Limit 2 '
    '-MicrosoftIds "dev@contoso.com"\n'
)
REMOVE = "Remove-AzureDedicatedCircuitLinkAuthorization -ServiceKey $key -AuthorizationId {id} -Force"


def test_an_authorization_removed_by_the_id_its_creation_output_is_gone(tmp_path, monkeypatch):
    script = KEY + AUTHORIZE + REMOVE.format(id="$auth.LinkAuthorizationId") + "\n"
    assert _findings(tmp_path, monkeypatch, {"share.ps1": script}, "MIG311") == []
    # Near misses: a removal that may not run; an id the script writes out (no authorization it creates).
    maybe = KEY + AUTHORIZE + f"if ($clean) {{ {REMOVE.format(id='$auth.LinkAuthorizationId')} }}\n"
    written = KEY + AUTHORIZE + REMOVE.format(id='"0b1c2d3e-4f5a-46b7-c8d9-e0f1a2b3c4d5"') + "\n"
    for changed in (maybe, written):
        assert where(_findings(tmp_path, monkeypatch, {"share.ps1": changed}, "MIG311")) == [
            "MIG311 share.ps1:2:9"
        ], changed


def test_two_authorizations_of_one_circuit_read_apart(tmp_path, monkeypatch):
    second = AUTHORIZE.replace('"Dev"', '"Test"').replace("dev@", "test@").replace("$auth", "$test")
    findings = _findings(tmp_path, monkeypatch, {"share.ps1": KEY + AUTHORIZE + second}, "MIG311")
    assert where(findings) == ["MIG311 share.ps1:2:9", "MIG311 share.ps1:3:9"]
    assert [f.message.split(": ")[0] for f in findings] == [
        "ExpressRoute circuit '6ed7e310-1a02-4261-915f-6ccfedc416f1' is reached through an authorization link "
        "(authorization 'Dev', limit 2, for dev@contoso.com)",
        "ExpressRoute circuit '6ed7e310-1a02-4261-915f-6ccfedc416f1' is reached through an authorization link "
        "(authorization 'Test', limit 2, for test@contoso.com)",
    ]
