"""A storage account holding a disk attached to a VM no file describes (a REST `Disks` list's `AttachedTo`
names it) waits for that VM: the platform migrates an account with VM disks only after those VMs (overview:
only an account without associated disks or VM data migrates standalone). The plan puts its step in the wave
after every step that moves VMs, as an account of disks the files do not show, with a note naming the VM;
the readiness summary lists the VM with the account (`migrates["vms_first"]`)."""

from __future__ import annotations

from lint_support import lint_files

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


def disks(*attached: str) -> str:
    """A Disks list of account 'fabdata': a disk attached to no VM, and one attached to each VM of
    `attached` (of cloud service 'other-svc')."""
    listed = [
        "<Disk><MediaLink>https://fabdata.blob.core.windows.net/vhds/spare.vhd</MediaLink>"
        "<Name>spare</Name></Disk>"
    ]
    for vm in attached:
        listed.append(
            "<Disk><AttachedTo><HostedServiceName>other-svc</HostedServiceName>"
            f"<DeploymentName>other-svc</DeploymentName><RoleName>{vm}</RoleName></AttachedTo>"
            f"<MediaLink>https://fabdata.blob.core.windows.net/vhds/{vm}-os.vhd</MediaLink>"
            f"<Name>{vm}-os</Name></Disk>"
        )
    return f"<Disks {NS}>\n  " + "\n  ".join(listed) + "\n</Disks>\n"


def steps(tmp_path, monkeypatch, *attached: str):
    result = lint_files(tmp_path, monkeypatch, {"web.xml": DEPLOYMENT, "disks.xml": disks(*attached)})
    [subscription] = build_plan(result).subscriptions
    return result, {step.name: step for step in subscription.steps}


def test_it_comes_after_every_step_that_moves_vms_with_a_note_naming_the_vm(tmp_path, monkeypatch):
    _, by_name = steps(tmp_path, monkeypatch, "other01")
    account = by_name["fabdata"]
    [vms] = [step for step in by_name.values() if step.kind is StepKind.SERVICE]
    assert (vms.wave, account.wave) == (1, 2)
    [note] = [n for n in account.notes if "other01" in n]
    assert note.startswith("Migrate VM 'other01' first")
    assert "It comes after every step that moves VMs." in note


def test_several_vms_are_named_once_each(tmp_path, monkeypatch):
    _, by_name = steps(tmp_path, monkeypatch, "other01", "other02", "OTHER01")
    [note] = [n for n in by_name["fabdata"].notes if "other01" in n]
    assert note.startswith("Migrate VMs 'other01', 'other02' first")


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
    assert estate.vms_elsewhere(accounts["fabdata"]) == ["other01"]


def test_the_readiness_summary_lists_the_vms_with_the_account(tmp_path, monkeypatch):
    result, _ = steps(tmp_path, monkeypatch, "other01")
    [summary] = readiness(result)
    items = {i.name: i for s in summary.scopes if s.scope is ScopeKind.STORAGE for i in s.items}
    assert items["fabdata"].migrates["vms_first"] == ["other01"]
    assert "vms_first" not in items["webstore"].migrates
