"""A storage account holding a disk attached to a VM no file describes (a REST `Disks` list's `AttachedTo`
names it) waits for that VM: the platform migrates an account with VM disks only after those VMs (overview:
only an account without associated disks or VM data migrates standalone). The plan puts its step in the wave
after every step that moves VMs, as an account of disks the files do not show, with a note naming the VM
and the cloud service `AttachedTo` states it in (what moves it: Move-AzureService); the readiness summary
lists the VM with the account (`migrates["vms_first"]`, its service and deployment in
`migrates["vms_first_services"]` and `migrates["vms_first_deployments"]`)."""

from __future__ import annotations

import json

from lint_support import lint_files

from migcheck.estate import VmElsewhere
from migcheck.plan import StepKind, build_plan
from migcheck.report.readiness import ScopeKind, readiness

NS = 'xmlns="http://schemas.microsoft.com/windowsazure"'

# Cloud service 'web' (its deployment in no virtual network), VM web01, its disk in account 'webstore'.
DEPLOYMENT = f"""\
<Deployment {NS}>
  <Name>web</Name>
  <RoleList>
    <Role>
      <RoleName>web01</RoleName><RoleType>PersistentVMRole</RoleType>
      <OSVirtualHardDisk>
        <DiskName>web01-os</DiskName>
        <MediaLink>https://webstore.blob.core.windows.net/vhds/web01-os.vhd</MediaLink>
      </OSVirtualHardDisk>
    </Role>
  </RoleList>
</Deployment>
"""


def disks(*attached: str, service: str = "other-svc") -> str:
    """A Disks list of account 'fabdata': a disk attached to no VM, and one attached to each VM of
    `attached` (of cloud service `service`, in its deployment 'other-dep'; a VM written `name@svc` is of
    cloud service 'svc'; with `service` empty, `AttachedTo` states the VM alone)."""
    listed = [
        "<Disk><MediaLink>https://fabdata.blob.core.windows.net/vhds/spare.vhd</MediaLink>"
        "<Name>spare</Name></Disk>"
    ]
    for n, written in enumerate(attached):
        vm, _, its_service = written.partition("@")
        its_service = its_service or service
        where = (
            f"<HostedServiceName>{its_service}</HostedServiceName><DeploymentName>other-dep</DeploymentName>"
            if its_service
            else ""
        )
        listed.append(
            f"<Disk><AttachedTo>{where}<RoleName>{vm}</RoleName></AttachedTo>"
            f"<MediaLink>https://fabdata.blob.core.windows.net/vhds/{vm}-{n}-os.vhd</MediaLink>"
            f"<Name>{vm}-{n}-os</Name></Disk>"
        )
    return f"<Disks {NS}>\n  " + "\n  ".join(listed) + "\n</Disks>\n"


def steps(tmp_path, monkeypatch, *attached: str, service: str = "other-svc"):
    files = {"web.xml": DEPLOYMENT, "disks.xml": disks(*attached, service=service)}
    return steps_of(tmp_path, monkeypatch, files)


def steps_of(tmp_path, monkeypatch, files: dict[str, str]):
    result = lint_files(tmp_path, monkeypatch, files)
    [subscription] = build_plan(result).subscriptions
    return result, {step.name: step for step in subscription.steps}


def test_it_comes_after_every_step_that_moves_vms_with_a_note_naming_the_vm(tmp_path, monkeypatch):
    _, by_name = steps(tmp_path, monkeypatch, "other01")
    account = by_name["fabdata"]
    [vms] = [step for step in by_name.values() if step.kind is StepKind.SERVICE]
    assert (vms.wave, account.wave) == (1, 2)
    [note] = [n for n in account.notes if "other01" in n]
    assert note.startswith("Migrate VM 'other01' of cloud service 'other-svc' first")
    assert "It comes after every step that moves VMs." in note


def test_several_vms_are_named_once_each(tmp_path, monkeypatch):
    _, by_name = steps(tmp_path, monkeypatch, "other01", "other02", "OTHER01")
    [note] = [n for n in by_name["fabdata"].notes if "other01" in n]
    assert note.startswith(
        "Migrate VMs 'other01' of cloud service 'other-svc', 'other02' of cloud service 'other-svc' first"
    )


def test_a_vm_attached_to_without_its_cloud_service_is_named_alone(tmp_path, monkeypatch):
    result, by_name = steps(tmp_path, monkeypatch, "other01", service="")
    [note] = [n for n in by_name["fabdata"].notes if "other01" in n]
    assert note.startswith("Migrate VM 'other01' first")
    [estate] = result.estates
    [account] = [a for a in estate.storage_accounts if a.name == "fabdata"]
    assert estate.vms_elsewhere(account) == [VmElsewhere("other01", "", "")]


def test_vms_of_one_name_in_two_cloud_services_are_two_vms(tmp_path, monkeypatch):
    _, by_name = steps(tmp_path, monkeypatch, "db01@sales", "db01@billing", "DB01@SALES")
    [note] = [n for n in by_name["fabdata"].notes if "db01" in n]
    assert note.startswith(
        "Migrate VMs 'db01' of cloud service 'sales', 'db01' of cloud service 'billing' first"
    )


def test_a_vm_named_without_its_service_is_the_one_another_disk_names_with_it(tmp_path, monkeypatch):
    listed = disks("db01@sales", service="").replace("</Disks>", "")
    bare = disks("db01", service="").split("<Disk>", 2)[2].replace("db01-0-os", "db01-1-os")
    files = {"web.xml": DEPLOYMENT, "disks.xml": listed + "<Disk>" + bare}
    result, _ = steps_of(tmp_path, monkeypatch, files)
    [estate] = result.estates
    [account] = [a for a in estate.storage_accounts if a.name == "fabdata"]
    assert estate.vms_elsewhere(account) == [VmElsewhere("db01", "sales", "other-dep")]


def test_a_get_azuredisk_export_names_the_vm_s_cloud_service_and_deployment(tmp_path, monkeypatch):
    exported = [
        {
            "DiskName": "other01-os",
            "MediaLink": "https://fabdata.blob.core.windows.net/vhds/other01-os.vhd",
            "AttachedTo": {
                "HostedServiceName": "other-svc",
                "DeploymentName": "other-dep",
                "RoleName": "other01",
            },
            "OS": "Windows",
        }
    ]
    files = {"web.xml": DEPLOYMENT, "disks.json": json.dumps(exported)}
    result, by_name = steps_of(tmp_path, monkeypatch, files)
    [note] = [n for n in by_name["fabdata"].notes if "other01" in n]
    assert note.startswith("Migrate VM 'other01' of cloud service 'other-svc' first")
    [estate] = result.estates
    [account] = [a for a in estate.storage_accounts if a.name == "fabdata"]
    assert estate.vms_elsewhere(account) == [VmElsewhere("other01", "other-svc", "other-dep")]


def test_disks_attached_to_no_vm_do_not_hold_it_back(tmp_path, monkeypatch):
    _, by_name = steps(tmp_path, monkeypatch)
    assert by_name["fabdata"].wave == 1
    assert not any("first" in note for note in by_name["fabdata"].notes)


def test_a_described_vm_s_account_is_not_said_to_wait_for_an_undescribed_one(tmp_path, monkeypatch):
    result, by_name = steps(tmp_path, monkeypatch, "other01")
    assert not any("Migrate VM" in note for note in by_name["webstore"].notes)
    [estate] = result.estates
    accounts = {account.name: account for account in estate.storage_accounts}
    assert estate.vms_elsewhere(accounts["webstore"]) == []
    assert estate.vms_elsewhere(accounts["fabdata"]) == [VmElsewhere("other01", "other-svc", "other-dep")]


def test_the_readiness_summary_lists_the_vms_with_the_account(tmp_path, monkeypatch):
    result, _ = steps(tmp_path, monkeypatch, "other01")
    [summary] = readiness(result)
    items = {i.name: i for s in summary.scopes if s.scope is ScopeKind.STORAGE for i in s.items}
    assert items["fabdata"].migrates["vms_first"] == ["other01"]
    assert items["fabdata"].migrates["vms_first_services"] == ["other-svc"]
    assert items["fabdata"].migrates["vms_first_deployments"] == ["other-dep"]
    assert "vms_first" not in items["webstore"].migrates
