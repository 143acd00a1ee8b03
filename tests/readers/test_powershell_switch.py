"""A `switch` of constant clauses over a string the script surely gives runs the one clause that matches:
inside a loop over constants, once per item. Joining its clauses as alternatives (as for a value the
script does not surely give) made the VMs of every turn one VM, and hid MIG103."""

from __future__ import annotations

from lint_support import lint_files, where

IN_A_LOOP = """\
$vms = @()
foreach ($role in 'web', 'witness') {
    switch ($role) {
        'web'     { $cfg = New-AzureVMConfig -Name 'web1' -InstanceSize Small -ImageName img -AvailabilitySetName 'as1' }
        'witness' { $cfg = New-AzureVMConfig -Name 'wit' -InstanceSize Small -ImageName img }
    }
    $vms += $cfg
}
New-AzureVM -ServiceName 'svc' -Location 'West US' -VMs $vms
"""

CONSTANT = """\
$role = 'witness'
$a = New-AzureVMConfig -Name 'web1' -InstanceSize Small -ImageName img -AvailabilitySetName 'as1'
switch ($role) {
    'web'     { $cfg = New-AzureVMConfig -Name 'web2' -InstanceSize Small -ImageName img -AvailabilitySetName 'as1' }
    'witness' { $cfg = New-AzureVMConfig -Name 'wit' -InstanceSize Small -ImageName img }
}
New-AzureVM -ServiceName 'svc' -Location 'West US' -VMs $a,$cfg
"""

SETTINGS = """\
foreach ($role in 'web', 'sql') {
    switch ($role) {
        'web' { $svc = 'websvc'; $as = 'webset' }
        'sql' { $svc = 'sqlsvc'; $as = 'sqlset' }
    }
    $a = New-AzureVMConfig -Name "$role-1" -InstanceSize Small -ImageName img -AvailabilitySetName $as
    $b = New-AzureVMConfig -Name "$role-2" -InstanceSize Small -ImageName img
    New-AzureVM -ServiceName $svc -Location 'West US' -VMs $a,$b
}
"""


def _vms(result) -> list[tuple[str, list[str]]]:
    return sorted((s.name, sorted(vm.name for vm in s.vms)) for s in result.estate.cloud_services)


def test_a_switch_in_a_loop_runs_one_clause_per_turn(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"t.ps1": IN_A_LOOP}, "MIG103", dedent=False)
    assert where(result.findings) == ["MIG103 t.ps1:5:28"]
    assert _vms(result) == [("svc", ["web1", "wit"])]


def test_a_switch_over_a_constant_runs_its_clause_only(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"t.ps1": CONSTANT}, "MIG103", dedent=False)
    assert where(result.findings) == ["MIG103 t.ps1:5:24"]
    assert _vms(result) == [("svc", ["web1", "wit"])]
    # With no clause that matches and no default, none runs.
    other = CONSTANT.replace("$role = 'witness'", "$role = 'jump'").replace("-VMs $a,$cfg", "-VMs $a")
    assert _vms(lint_files(tmp_path, monkeypatch, {"t.ps1": other}, "MIG103", dedent=False)) == [
        ("svc", ["web1"])
    ]


def test_what_a_decided_clause_sets_is_known_after_the_switch(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"t.ps1": SETTINGS}, "MIG103", dedent=False)
    assert where(result.findings) == ["MIG103 t.ps1:7:10", "MIG103 t.ps1:7:10"]
    assert _vms(result) == [("sqlsvc", ["sql-1", "sql-2"]), ("websvc", ["web-1", "web-2"])]


def test_in_a_decided_clause_the_item_is_the_value_switched_on(tmp_path, monkeypatch):
    script = """\
foreach ($role in 'web', 'sql') {
    switch ($role) {
        'web' { $svc = "contoso-$_"; $size = "Small" }
        'sql' { $svc = "contoso-$_"; $size = "Large" }
    }
    New-AzureQuickVM -Windows -ServiceName $svc -Name "$role-01" -InstanceSize $size -ImageName "img" -AdminUsername a -Password p -Location "West Europe"
}
"""
    result = lint_files(tmp_path, monkeypatch, {"t.ps1": script}, "MIG105", dedent=False)
    assert _vms(result) == [("contoso-sql", ["sql-01"]), ("contoso-web", ["web-01"])]


def test_a_break_in_a_switch_ends_the_switch_not_the_loop_around_it(tmp_path, monkeypatch):
    script = IN_A_LOOP.replace("-AvailabilitySetName 'as1' }", "-AvailabilitySetName 'as1'; break }")
    result = lint_files(tmp_path, monkeypatch, {"t.ps1": script}, "MIG103", dedent=False)
    assert where(result.findings) == ["MIG103 t.ps1:5:28"]
    assert _vms(result) == [("svc", ["web1", "wit"])]


def test_one_call_site_may_run_several_steps_for_one_target(tmp_path, monkeypatch):
    script = """\
Move-AzureStorageAccount -Validate -StorageAccountName "prodvhds"
Move-AzureStorageAccount -Prepare -StorageAccountName "prodvhds"
Move-AzureStorageAccount -Commit -StorageAccountName "prodvhds"
foreach ($step in "Validate", "Prepare", "Commit") {
    $p = @{ VirtualNetworkName = "prod-vnet"; $step = $true }
    Move-AzureVirtualNetwork @p
}
"""
    result = lint_files(tmp_path, monkeypatch, {"migrate.ps1": script}, "MIG602", dedent=False)
    # The network's Prepare is read (not only its Validate): the account was prepared before it.
    assert where(result.findings) == ["MIG602 migrate.ps1:2:1"]


def test_names_left_empty_for_the_reader_to_fill_in_are_not_known(tmp_path, monkeypatch):
    # `$VnetName = ''` at the top of a script is a blank to fill in: no network and no service is named ''
    # (the plan listed "Virtual network: ''" with Move commands for it), and the VMs' network is unknown.
    script = """\
$CloudServiceName = ''
$VnetName = ''
New-AzureVMConfig -Name 'vm01' -InstanceSize Small -ImageName img | Set-AzureSubnet -SubnetNames 'web' |
    New-AzureVM -ServiceName $CloudServiceName -VNetName $VnetName -Location 'West Europe'
"""
    result = lint_files(tmp_path, monkeypatch, {"t.ps1": script}, "MIG105", dedent=False)
    assert result.findings == []
    assert [n.name for n in result.estate.virtual_networks] == []
    assert [s.name for s in result.estate.cloud_services] != [""]


def test_a_rollback_helper_no_call_runs_is_not_a_step_where_it_is_written(tmp_path, monkeypatch):
    script = """\
function Undo-Migration {
    Move-AzureVirtualNetwork -Abort -VirtualNetworkName "prod-vnet"
}
Move-AzureVirtualNetwork -Validate -VirtualNetworkName "prod-vnet"
Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "prod-vnet"
Move-AzureVirtualNetwork -Commit -VirtualNetworkName "prod-vnet"
"""
    assert lint_files(tmp_path, monkeypatch, {"migrate.ps1": script}, "MIG602", dedent=False).findings == []
    # Called before the Prepare, it is an Abort before any Prepare.
    called = script.replace(
        "Move-AzureVirtualNetwork -Validate", "Undo-Migration\nMove-AzureVirtualNetwork -Validate"
    )
    found = lint_files(tmp_path, monkeypatch, {"migrate.ps1": called}, "MIG602", dedent=False).findings
    assert where(found) == ["MIG602 migrate.ps1:2:5"]  # at the Abort the call runs
