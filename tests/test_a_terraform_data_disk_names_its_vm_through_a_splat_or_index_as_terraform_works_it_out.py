"""A Terraform 0.11 configuration of the classic `azure` provider names a data disk's VM through a splat of the
instances (`element(azure_instance.web.*.id, count.index)`), whether the instance's block has a `count` or not:
of a block without one, the splat is a list of its one instance's value, which `element` gives at any index.
The provider attaches the disk in the cloud service of the VM's name (AddDataDisk(vm, vm, vm)), so a disk of a
VM the configuration puts in a service of another name is not attached, however the disk names the VM: it is
said, and no cloud service of the VM's name is made up for it (the plan listed one, its network not known)."""

from __future__ import annotations

from lint_support import script_resources, unread_marks

from migcheck.model import Deployment, Script
from migcheck.report.unread import why_named

VM = """\
resource "azure_instance" "web" {
  name                 = "web01"
  hosted_service_name  = "shop-svc"
  image                = "Ubuntu Server 14.04 LTS"
  size                 = "Basic_A1"
  storage_service_name = "shopstore"
  location             = "West Europe"
  username             = "ops"
}
"""
DISK = """\
resource "azure_data_disk" "data" {
  lun                  = 0
  size                 = 10
  storage_service_name = "shopstore"
  virtual_machine      = "${element(azure_instance.web.*.id, 0)}"
}
"""


def _services(resources: list[object]) -> list[tuple[str, str]]:
    return [(r.service_name, r.name) for r in resources if isinstance(r, Deployment)]


def test_a_disk_of_a_vm_in_a_service_of_another_name_named_through_a_splat_is_said_not_attached():
    resources = script_resources(VM + DISK, "main.tf")
    assert _services(resources) == [("shop-svc", "web01")]
    (script,) = [r for r in resources if isinstance(r, Script)]
    assert unread_marks(resources) == [(14, 26)]
    assert why_named(script.unread[0]) == "data-disk-service-missing"


def test_a_disk_of_a_counted_vm_picked_by_its_index_in_a_service_of_another_name_is_said_not_attached():
    counted = VM.replace('  name                 = "web01"', '  count = 1\n  name = "web0${count.index + 1}"')
    disk = DISK.replace('"${element(azure_instance.web.*.id, 0)}"', '"${azure_instance.web.0.id}"')
    resources = script_resources(counted + disk, "main.tf")
    assert _services(resources) == [("shop-svc", "web01")]
    (script,) = [r for r in resources if isinstance(r, Script)]
    assert why_named(script.unread[0]) == "data-disk-service-missing"


def test_a_disk_of_a_vm_in_the_service_of_its_own_name_named_through_a_splat_is_attached_to_it():
    own = VM.replace('  hosted_service_name  = "shop-svc"\n', "")
    resources = script_resources(own + DISK, "main.tf")
    (deployment,) = [r for r in resources if isinstance(r, Deployment)]
    assert (deployment.service_name, deployment.name) == ("web01", "web01")
    assert [disk.media_link for disk in deployment.roles[0].disks] == [
        "http://shopstore.blob.core.windows.net/vhds/web01.vhd",
        "http://shopstore.blob.core.windows.net/disks/web01-0.vhd",
    ]
    assert not unread_marks(resources)


def test_a_disk_of_a_name_two_vms_have_is_attached_to_the_one_in_the_service_of_that_name():
    own = VM.replace('resource "azure_instance" "web"', 'resource "azure_instance" "own"').replace(
        '  hosted_service_name  = "shop-svc"\n', ""
    )
    disk = DISK.replace('"${element(azure_instance.web.*.id, 0)}"', '"web01"')
    resources = script_resources(VM + own + disk, "main.tf")
    assert not unread_marks(resources)
    deployments = {(d.service_name, d.name): d for d in resources if isinstance(d, Deployment)}
    assert [len(d.roles[0].disks) for d in deployments.values()] == [1, 2]
