"""A PowerShell script that picks a VM by its name out of every VM of the subscription (`Get-AzureVM |
Where-Object { $_.Name -eq 'jump01' }`, Get-AzureVM without -ServiceName) changes each VM of that name:
the one the other files describe, in whichever cloud service, else a VM of a service no file states, which
the rules check all the same. Where-Object yields every VM that passes, so a name the files give VMs of
two services changes both (the classic CLI refuses it, MIG003). A filter that tests anything but the name
or the service (`-like`, `-match`) picks VMs the reader cannot know, and is not read; a name tested with
the service (`$_.ServiceName -eq 's' -and $_.Name -eq 'x'`) is the VM of that service. A `foreach` over
every VM, or `Get-AzureVM | ForEach-Object`, picks the VM in the branch of an `if` that tests its name so.
`| Remove-AzureVM` deletes each VM of that name, also in such a branch, which surely runs for that VM."""

from __future__ import annotations

import pytest
from lint_support import APP_VNET_NETCFG, lint_files, where

ACL = (
    "$acl = New-AzureAclConfig\n"
    "Set-AzureAclConfig -AddRule -ACL $acl -Order 100 -Action Permit -RemoteSubnet 198.51.100.0/24 -Description ssh\n"
)
ENDPOINT = "Set-AzureEndpoint -Name SSH -Protocol tcp -LocalPort 22 -PublicPort 22 -ACL $acl | Update-AzureVM"
BGINFO = "Set-AzureVMBGInfoExtension -Version 1.1 | Update-AzureVM"

# A GET of the deployment that holds the one VM jump01, in app-vnet: a body that names no cloud service.
DEPLOYMENT = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>jump-svc</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <RoleList>
    <Role>
      <RoleName>jump01</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <ConfigurationSets>
        <ConfigurationSet>
          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
          <SubnetNames><SubnetName>web</SubnetName></SubnetNames>
        </ConfigurationSet>
      </ConfigurationSets>
      <RoleSize>Small</RoleSize>
    </Role>
  </RoleList>
  <VirtualNetworkName>app-vnet</VirtualNetworkName>
</Deployment>
"""

NETCFG = APP_VNET_NETCFG


def _lint(tmp_path, monkeypatch, files: dict[str, str], *codes: str):
    return lint_files(tmp_path, monkeypatch, files, *codes, dedent=False).findings


@pytest.mark.parametrize(
    "picked",
    [
        "Get-AzureVM | Where-Object { $_.Name -eq 'jump01' }",
        "Get-AzureVM | Where-Object -FilterScript { 'jump01' -ieq $PSItem.InstanceName }",
        "Get-AzureVM | ? Name -eq jump01",
        "Get-AzureVM | where -Property RoleName -CEQ -Value 'jump01'",
        "Get-AzureVM | Where-Object -Value jump01 Name -EQ",
        "(Get-AzureVM).Where({ $_.Name -eq 'jump01' })",
        "$all = Get-AzureVM; $all | Where-Object { $_.Name -eq 'jump01' }",
    ],
)
def test_each_form_of_the_filter_picks_the_vm(tmp_path, monkeypatch, picked) -> None:
    script = f"{ACL}{picked} | {ENDPOINT}\n"
    found = _lint(tmp_path, monkeypatch, {"ops.ps1": script}, "MIG201", "MIG003")
    column = len(f"{picked} | {ENDPOINT}") - len("$acl | Update-AzureVM") + 1
    assert where(found) == [f"MIG201 ops.ps1:3:{column}"]
    assert "of VM 'jump01' in cloud service '<cloud service name, ops.ps1:3>'" in found[0].message


@pytest.mark.parametrize(
    ("change", "code", "column"),
    [
        (BGINFO, "MIG204", 79),  # at the version that makes it the XML BGInfo
        (
            "Set-AzureVMExtension -ExtensionName VMSnapshot -Publisher Microsoft.Azure.RecoveryServices"
            " -Version 1.0 | Update-AzureVM",
            "MIG206",
            79,  # at the extension's name
        ),
        (
            "Add-AzureDataDisk -CreateNew -DiskSizeInGB 10 -DiskLabel d -LUN 0"
            " -MediaLocation https://acct.blob.core.windows.net/vhds/2016/d.vhd | Update-AzureVM",
            "MIG401",
            124,
        ),
    ],
)
def test_a_change_to_a_vm_no_file_describes_is_seen_by_the_rules(
    tmp_path, monkeypatch, change, code, column
) -> None:
    script = f"$vm = Get-AzureVM | ? Name -eq 'db01'\n$vm | {change}\n"
    found = _lint(tmp_path, monkeypatch, {"ops.ps1": script}, code)
    assert where(found) == [f"{code} ops.ps1:2:{column - 36}"]


def test_a_vm_a_foreach_over_every_vm_picks_by_its_name(tmp_path, monkeypatch) -> None:
    script = (
        "foreach ($vm in Get-AzureVM) {\n"
        "    if ($vm.Name -eq 'jump01') {\n"
        "        $vm | Add-AzureDataDisk -CreateNew -DiskSizeInGB 10 -DiskLabel d -LUN 0 "
        "-MediaLocation https://acct.blob.core.windows.net/vhds/2016/d.vhd | Update-AzureVM\n"
        "    }\n"
        "}\n"
    )
    found = _lint(tmp_path, monkeypatch, {"ops.ps1": script}, "MIG401")
    assert where(found) == ["MIG401 ops.ps1:3:96"]
    assert "VM 'jump01' in cloud service '<cloud service name, ops.ps1:2>'" in found[0].message


@pytest.mark.parametrize(
    "picked",
    [
        "Get-AzureVM | where { $_.InstanceName -like 'jump*' }",
        "Get-AzureVM | Where-Object Name -match '^jump'",
        "Get-AzureVM | Where-Object { $_.Name -ne 'web01' }",
        "Get-AzureVM | Where-Object { $_.Name -eq 'jump01' -or $_.Name -eq 'jump02' }",
        "Get-AzureVM | Where-Object { $_.Name -eq 'jump01'; $true }",
        "Get-AzureVM | Where-Object { $_.Name -eq 'jump01' } -Debug",
    ],
)
def test_a_filter_that_picks_vms_the_reader_cannot_know_is_not_read(tmp_path, monkeypatch, picked) -> None:
    found = _lint(tmp_path, monkeypatch, {"ops.ps1": f"{ACL}{picked} | {ENDPOINT}\n"}, "MIG201")
    assert where(found) == []


def test_a_name_tested_with_the_service_is_the_vm_of_that_service(tmp_path, monkeypatch) -> None:
    picked = "Get-AzureVM | Where-Object { $_.ServiceName -eq 'jump-svc' -and $_.Name -eq 'jump01' }"
    found = _lint(tmp_path, monkeypatch, {"ops.ps1": f"{ACL}{picked} | {ENDPOINT}\n"}, "MIG201")
    assert len(found) == 1
    assert "of VM 'jump01' in cloud service 'jump-svc'" in found[0].message


def test_a_filter_on_the_service_alone_changes_every_vm_of_that_service(tmp_path, monkeypatch) -> None:
    picked = "Get-AzureVM | Where-Object { $_.ServiceName -eq 'jump-svc' }"
    found = _lint(tmp_path, monkeypatch, {"ops.ps1": f"{ACL}{picked} | {ENDPOINT}\n"}, "MIG201")
    assert len(found) == 1
    assert "<VMs of cloud service jump-svc>" in found[0].message


def test_the_change_is_made_to_the_one_vm_of_that_name_another_file_describes(plan_of) -> None:
    script = f"{ACL}Get-AzureVM | ? Name -eq jump01 | {ENDPOINT}\n"
    plan = plan_of({"jump-svc.deployment.xml": DEPLOYMENT, "NetworkConfig.netcfg": NETCFG, "ops.ps1": script})
    step = next(step for step in plan.steps if step.id == "network:app-vnet")
    assert where(step.blockers) == ["MIG201 ops.ps1:3:111"]
    assert "VM 'jump01' in deployment 'jump-svc'" in step.blockers[0].message
    assert not step.ready
    assert not any("cloud service name" in step.id for step in plan.steps), [step.id for step in plan.steps]


def test_a_name_the_files_give_vms_of_two_services_changes_both(tmp_path, monkeypatch) -> None:
    made = (
        "azure vm create svc-a img user pass --vm-name jump01 -l 'North Europe'\n"
        "azure vm create svc-b img user pass --vm-name jump01 -l 'North Europe'\n"
    )
    script = f"{ACL}Get-AzureVM | ? Name -eq jump01 | {ENDPOINT}\n"
    found = _lint(tmp_path, monkeypatch, {"make.sh": made, "ops.ps1": script}, "MIG201", "MIG003")
    assert where(found) == ["MIG201 ops.ps1:3:111", "MIG201 ops.ps1:3:111"]
    assert [f.message.split("cloud service ")[-1].split()[0] for f in found] == ["'svc-a'", "'svc-b'"]


def test_the_plan_says_the_service_no_file_states_is_not_ready(plan_of) -> None:
    plan = plan_of({"ops.ps1": f"{ACL}Get-AzureVM | ? Name -eq jump01 | {ENDPOINT}\n"})
    step = next(step for step in plan.steps if "cloud service name, ops.ps1:3" in step.id)
    assert where(step.blockers) == ["MIG201 ops.ps1:3:111"]
    assert not step.ready


def test_changes_from_two_scripts_are_of_one_vm(plan_of) -> None:
    files = {
        "a.ps1": f"Get-AzureVM | ? Name -eq jump01 | {BGINFO}\n",
        "b.ps1": f"{ACL}Get-AzureVM | Where-Object {{ $_.Name -eq 'jump01' }} | {ENDPOINT}\n",
    }
    steps = [step for step in plan_of(files).steps if "cloud service name" in step.id]
    assert [step.id for step in steps] == ["service:<cloud service name, a.ps1:1>"]
    assert where(steps[0].blockers) == ["MIG201 b.ps1:3:131"]


def _vms(tmp_path, monkeypatch, files: dict[str, str]) -> list[tuple[str, str]]:
    estates = lint_files(tmp_path, monkeypatch, files, dedent=False).estates
    return [
        (s.name, vm.name) for e in estates for s in e.cloud_services for p in s.placements for vm in p.vms
    ]


@pytest.mark.parametrize(
    "removal",
    [
        "Get-AzureVM | ? Name -eq jump01 | Remove-AzureVM",
        "Get-AzureVM | Where-Object { $_.Name -eq 'jump01' } | Remove-AzureVM -DeleteVHD",
        "$vm = Get-AzureVM | ? Name -eq jump01\n$vm | Remove-AzureVM",
    ],
)
def test_a_vm_removed_by_its_name_alone_is_the_one_another_file_describes(
    tmp_path, monkeypatch, removal
) -> None:
    files = {"jump-svc.deployment.xml": DEPLOYMENT, "NetworkConfig.netcfg": NETCFG}
    assert _vms(tmp_path, monkeypatch, files) == [("jump-svc", "jump01")]
    assert _vms(tmp_path, monkeypatch, {**files, "rm.ps1": removal + "\n"}) == []


def test_a_removal_by_a_name_the_files_give_vms_of_two_services_removes_both(tmp_path, monkeypatch) -> None:
    web = DEPLOYMENT.replace("jump-svc", "web-svc").replace("jump01", "web01")
    two = DEPLOYMENT.replace("<Name>jump-svc</Name>", "<Name>ops-svc</Name>")
    files = {"jump-svc.deployment.xml": DEPLOYMENT, "ops-svc.deployment.xml": two, "web.deployment.xml": web}
    assert sorted(_vms(tmp_path, monkeypatch, files)) == [
        ("jump-svc", "jump01"),
        ("ops-svc", "jump01"),
        ("web-svc", "web01"),
    ]
    removal = "Get-AzureVM | ? Name -eq jump01 | Remove-AzureVM\n"
    found = lint_files(tmp_path, monkeypatch, {**files, "rm.ps1": removal}, "MIG003", dedent=False).findings
    assert where(found) == []
    assert _vms(tmp_path, monkeypatch, {**files, "rm.ps1": removal}) == [("web-svc", "web01")]


@pytest.mark.parametrize(
    "removal",
    [
        "if ($Confirm) { Get-AzureVM | ? Name -eq jump01 | Remove-AzureVM }",
        "Get-AzureVM | ? Name -eq $Name | Remove-AzureVM",
        "Get-AzureVM | ? Name -like 'jump*' | Remove-AzureVM",
    ],
)
def test_a_removal_that_may_not_run_or_names_no_vm_the_reader_knows_removes_nothing(
    tmp_path, monkeypatch, removal
) -> None:
    files = {"jump-svc.deployment.xml": DEPLOYMENT, "rm.ps1": f"param($Confirm, $Name)\n{removal}\n"}
    assert _vms(tmp_path, monkeypatch, files) == [("jump-svc", "jump01")]


def test_a_vm_the_script_creates_and_removes_by_its_name_is_gone(tmp_path, monkeypatch) -> None:
    script = (
        "New-AzureVMConfig -Name jump01 -InstanceSize Small -ImageName img |"
        " New-AzureVM -ServiceName jump-svc -Location 'North Europe'\n"
        "Get-AzureVM | ? Name -eq jump01 | Remove-AzureVM\n"
    )
    assert _vms(tmp_path, monkeypatch, {"ops.ps1": script}) == []


@pytest.mark.parametrize(
    "walk",
    [
        "Get-AzureVM | ForEach-Object {{ if ($_.Name -eq 'jump01') {{ {change} }} }}",
        "Get-AzureVM | % -Process {{ if ('jump01' -eq $PSItem.RoleName) {{ {change} }} }}",
        "$all = Get-AzureVM\n$all | foreach {{\n    if ($_.Name -eq 'jump01') {{ {change} }}\n}}",
    ],
)
def test_a_vm_a_for_each_object_over_every_vm_picks_by_its_name(tmp_path, monkeypatch, walk) -> None:
    change = "$_ | Add-AzureDataDisk -CreateNew -DiskSizeInGB 10 -DiskLabel d -LUN 0 -MediaLocation " + (
        "https://acct.blob.core.windows.net/vhds/2016/d.vhd | Update-AzureVM"
    )
    script = walk.format(change=change) + "\n"
    found = _lint(tmp_path, monkeypatch, {"ops.ps1": script}, "MIG401")
    line = script.count("\n", 0, script.index("https://")) + 1
    column = script.splitlines()[line - 1].index("https://") + 1  # the disk's blob
    assert where(found) == [f"MIG401 ops.ps1:{line}:{column}"]
    assert "VM 'jump01' in cloud service '<cloud service name, ops.ps1:" in found[0].message


@pytest.mark.parametrize(
    "walk",
    [
        "Get-AzureVM | ForEach-Object {{ if ($_.Name -like 'jump*') {{ $_ | {change} }} }}",
        "Get-AzureVM | ForEach-Object {{ $_ | {change} }}",
        "Get-AzureVM | ForEach-Object {{ if ($_.Name -eq 'jump01' -or $_.Name -eq 'web01') {{ $_ | {change} }} }}",
        "Get-AzureVM | % {{ Get-AzureService | % {{ if ($_.Name -eq 'jump01') {{ $_ | {change} }} }} }}",
    ],
)
def test_a_for_each_object_that_picks_no_vm_by_its_name_out_of_every_vm_changes_none(
    tmp_path, monkeypatch, walk
) -> None:
    script = f"{ACL}{walk.format(change=ENDPOINT)}\n"
    found = _lint(tmp_path, monkeypatch, {"ops.ps1": script}, "MIG201")
    assert where(found) == []


@pytest.mark.parametrize(
    "removal",
    [
        "foreach ($vm in Get-AzureVM) { if ($vm.Name -eq 'jump01') { $vm | Remove-AzureVM } }",
        "Get-AzureVM | ForEach-Object { if ($_.Name -eq 'jump01') { $_ | Remove-AzureVM -DeleteVHD } }",
        "Get-AzureVM | % { Write-Output $_.Name\nif ('jump01' -eq $PSItem.RoleName) { $_ | Remove-AzureVM } }",
    ],
)
def test_a_removal_in_the_branch_that_picks_the_vm_out_of_every_vm_removes_it(
    tmp_path, monkeypatch, removal
) -> None:
    """The branch runs for exactly the VM its test picks: for that VM, it surely runs."""
    files = {"jump-svc.deployment.xml": DEPLOYMENT, "rm.ps1": f"{removal}\n"}
    assert _vms(tmp_path, monkeypatch, files) == []


@pytest.mark.parametrize(
    "removal",
    [
        "foreach ($vm in Get-AzureVM) { if ($Confirm) { if ($vm.Name -eq 'jump01') { $vm | Remove-AzureVM } } }",
        "if ($Confirm) { foreach ($vm in Get-AzureVM) { if ($vm.Name -eq 'jump01') { $vm | Remove-AzureVM } } }",
        "foreach ($vm in Get-AzureVM) { if ($vm.Name -like 'jump*') { $vm | Remove-AzureVM } }",
        "Get-AzureVM | % { if ($_.Name -eq 'x') { return }\nif ($_.Name -eq 'jump01') { $_ | Remove-AzureVM } }",
    ],
)
def test_a_removal_in_a_loop_over_every_vm_that_may_not_run_for_the_vm_removes_nothing(
    tmp_path, monkeypatch, removal
) -> None:
    files = {"jump-svc.deployment.xml": DEPLOYMENT, "rm.ps1": f"param($Confirm)\n{removal}\n"}
    assert _vms(tmp_path, monkeypatch, files) == [("jump-svc", "jump01")]
