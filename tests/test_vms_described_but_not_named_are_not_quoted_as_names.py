"""A VM the files describe without naming it is said in the words that describe it, never quoted as if they
were its name: the VM an Add Data Disk body's request URI names (the body does not), and the one a
`Get-AzureDisk` export's `AttachedTo` was cut short of. The storage account step's note names the file of
each such body (two bodies may be two VMs' disks); MIG401 says which VM in the same words."""

from __future__ import annotations

import json

from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan

NS = 'xmlns="http://schemas.microsoft.com/windowsazure"'


def data_disk(blob: str) -> str:
    """An Add Data Disk body attaching the VHD `blob` of account 'contosostd'."""
    return (
        f"<DataVirtualHardDisk {NS}>\n  <Lun>1</Lun>\n"
        f"  <MediaLink>https://contosostd.blob.core.windows.net/vhds/{blob}</MediaLink>\n"
        "</DataVirtualHardDisk>\n"
    )


DISKS = f"""\
<Disks {NS}>
  <Disk>
    <AttachedTo><RoleName>other01</RoleName></AttachedTo>
    <MediaLink>https://contosostd.blob.core.windows.net/vhds/other01-os.vhd</MediaLink>
    <Name>other01-os</Name>
  </Disk>
</Disks>
"""


def account_notes(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    """The notes of the step of storage account 'contosostd' that tell which VMs migrate first."""
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    [subscription] = build_plan(result).subscriptions
    [step] = [step for step in subscription.steps if step.name == "contosostd"]
    return [note for note in step.notes if note.startswith("Migrate ")]


def test_the_vm_a_data_disk_bodys_request_uri_names_is_said_with_its_file(tmp_path, monkeypatch):
    [note] = account_notes(tmp_path, monkeypatch, {"rest/add-data-disk.xml": data_disk("data1.vhd")})
    assert note.startswith(
        "Migrate the VM its request URI names (rest/add-data-disk.xml) first, with its cloud service or "
        "virtual network: a disk in the account is attached to it,"
    )
    assert "'the VM" not in note and "VM the VM" not in note


def test_two_bodies_are_each_said_with_their_file_after_the_vms_named(tmp_path, monkeypatch):
    files = {
        "rest/a.xml": data_disk("data1.vhd"),
        "rest/b.xml": data_disk("data2.vhd"),
        "disks.xml": DISKS,
    }
    [note] = account_notes(tmp_path, monkeypatch, files)
    assert note.startswith(
        "Migrate VM 'other01', the VM its request URI names (rest/a.xml) and the VM its request URI names "
        "(rest/b.xml) first, with their cloud service or virtual network: disks in the account are attached "
        "to them,"
    )


def test_vms_named_alone_are_said_as_before(tmp_path, monkeypatch):
    [note] = account_notes(tmp_path, monkeypatch, {"disks.xml": DISKS})
    assert note.startswith("Migrate VM 'other01' first, with its cloud service")


def test_mig401_says_the_vm_an_export_cut_short_of_in_words(tmp_path, monkeypatch):
    """`AttachedTo` written as a string (ConvertTo-Json without enough `-Depth`): the disk is attached to a
    VM the export does not name."""
    disk = {
        "AttachedTo": "@{RoleName=app01}",
        "DiskName": "app01-data0",
        "MediaLink": "https://acct.blob.core.windows.net/vhds/app01/data0.vhd",
        "OperationDescription": "Get-AzureDisk",
    }
    result = lint_files(tmp_path, monkeypatch, {"disks.json": json.dumps([disk])}, "MIG401", dedent=False)
    [finding] = result.findings
    assert finding.message.startswith(
        "the VM its export does not name has disk 'app01-data0' whose blob name 'app01/data0.vhd'"
    )


LOAD_BALANCED_SET = f"""\
<LoadBalancedEndpointList {NS}>
  <InputEndpoint>
    <LoadBalancedEndpointSetName>web-lb</LoadBalancedEndpointSetName>
    <LocalPort>80</LocalPort>
    <Port>80</Port>
    <Protocol>tcp</Protocol>
    <EndpointAcl>
      <Rules><Rule><Order>1</Order><Action>permit</Action><RemoteSubnet>203.0.113.0/24</RemoteSubnet></Rule></Rules>
    </EndpointAcl>
  </InputEndpoint>
</LoadBalancedEndpointList>
"""


def test_the_vms_of_a_load_balanced_set_are_said_in_words_and_name_no_deployment(tmp_path, monkeypatch):
    """An Update Load-Balanced Endpoint Set body changes the VMs of its set without naming them: they stand as
    one VM, `<VMs of load-balanced set web-lb>`, which is neither VMs to list as names nor a deployment's
    name for Move-AzureService: its commands say `<deployment name>`, to fill in."""
    result = lint_files(tmp_path, monkeypatch, {"update-lbset.xml": LOAD_BALANCED_SET}, dedent=False)
    text = render_plan(build_plan(result), "text")
    assert "moves: a cloud service the files do not name: the VMs of load-balanced set web-lb\n" in text
    assert "VMs <VMs of" not in text
    assert "-DeploymentName '<VMs of" not in text and "'<cloud service name>' '<VMs of" not in text
    assert (
        "Move-AzureService -Commit -ServiceName '<cloud service of the VMs of load-balanced set web-lb>' -DeploymentName '<deployment name>'"
        in text
    )
