"""The classic `azure` Terraform provider creates each `azure_instance` as a deployment of its own, named after
the VM, in the Production slot of its cloud service (CreateDeployment's DeploymentRequest{Name: role.RoleName}):
plans named the deployment after the service, so their Move-AzureService commands named one that does not
exist. A second instance in a service whose slot the first holds is refused by the platform, and a data disk
of a VM in a cloud service not of the VM's name is not attached (AddDataDisk(vm, vm, vm)): both are said, and
neither invents a VM or a cloud service. The `security_group` set on an instance goes with the VM, not as a
group of its own to move."""

from __future__ import annotations

from lint_support import lint_files, script_resources, unread_marks

from migcheck.model import Deployment, NetworkSecurityGroup, Script
from migcheck.report.unread import why_named

SERVICE = """\
resource "azure_hosted_service" "svc" {
  name     = "shop-svc"
  location = "West Europe"
}
"""
VM = """\
resource "azure_instance" "web" {
  name                 = "web01"
  hosted_service_name  = "${azure_hosted_service.svc.name}"
  image                = "Ubuntu Server 14.04 LTS"
  size                 = "Basic_A1"
  storage_service_name = "shopstore"
  location             = "West Europe"
  username             = "ops"
}
"""


def _deployments(text: str) -> list[Deployment]:
    return [r for r in script_resources(text, "main.tf") if isinstance(r, Deployment)]


def test_the_vm_s_deployment_is_named_after_the_vm_in_the_service_it_names():
    (deployment,) = _deployments(SERVICE + VM)
    assert (deployment.service_name, deployment.name, deployment.slot) == ("shop-svc", "web01", "Production")


def test_a_vm_given_no_service_is_a_deployment_of_its_name_in_a_service_of_its_name():
    (deployment,) = _deployments(
        VM.replace('  hosted_service_name  = "${azure_hosted_service.svc.name}"\n', "")
    )
    assert (deployment.service_name, deployment.name) == ("web01", "web01")


def test_the_plan_validates_the_deployment_of_the_vm_s_name(tmp_path, monkeypatch, capsys):
    from lint_support import run_cli

    (tmp_path / "main.tf").write_text(SERVICE + VM, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".")
    assert "Move-AzureService -Validate -ServiceName 'shop-svc' -DeploymentName 'web01'" in out
    assert "-DeploymentName 'shop-svc'" not in out


def test_a_second_vm_in_the_same_service_is_refused_and_said_where_it_names_the_service():
    config = SERVICE + VM.replace(
        '  name                 = "web01"', '  count                = 2\n  name = "web0${count.index}"'
    )
    resources = script_resources(config, "main.tf")
    (deployment,) = [r for r in resources if isinstance(r, Deployment)]
    assert [role.name for role in deployment.roles] == ["web00"]
    assert deployment.name == "web00"
    (script,) = [r for r in resources if isinstance(r, Script)]
    assert unread_marks(resources) == [(8, 26)]
    assert why_named(script.unread[0]) == "second-provider-deployment"


def test_a_data_disk_of_a_vm_in_a_service_not_of_its_name_is_not_attached_and_invents_no_service():
    disk = """\
resource "azure_data_disk" "data" {
  lun                  = 0
  size                 = 10
  storage_service_name = "datastore"
  virtual_machine      = "${azure_instance.web.id}"
}
"""
    resources = script_resources(SERVICE + VM + disk, "main.tf")
    deployments = [r for r in resources if isinstance(r, Deployment)]
    assert [(d.service_name, d.name) for d in deployments] == [("shop-svc", "web01")]
    assert [disk.media_link for disk in deployments[0].roles[0].disks] == [
        "http://shopstore.blob.core.windows.net/vhds/web01.vhd"
    ]
    (script,) = [r for r in resources if isinstance(r, Script)]
    assert unread_marks(resources) == [(18, 26)]
    assert why_named(script.unread[0]) == "data-disk-service-missing"


def test_the_instance_s_security_group_goes_with_the_vm_and_is_no_group_to_move_alone(tmp_path, monkeypatch):
    group = 'resource "azure_security_group" "web" {\n  name     = "web-nsg"\n  location = "West Europe"\n}\n'
    vm = VM.replace(
        '  username             = "ops"\n',
        '  username = "ops"\n  security_group = azure_security_group.web.name\n',
    )
    resources = script_resources(SERVICE + group + vm, "main.tf")
    (deployment,) = [r for r in resources if isinstance(r, Deployment)]
    assert deployment.roles[0].security_group is not None
    assert deployment.roles[0].security_group.name == "web-nsg"
    assert not [r for r in resources if isinstance(r, NetworkSecurityGroup)]
    result = lint_files(tmp_path, monkeypatch, {"main.tf": SERVICE + group + vm})
    assert not [f for f in result.findings if "web-nsg" in f.message and "unattached" in f.message.lower()]


def test_a_vm_and_service_the_module_does_not_state_are_named_where_their_arguments_are_written():
    unstated = VM.replace('"web01"', "var.vm").replace('"${azure_hosted_service.svc.name}"', '"${var.svc}"')
    (deployment,) = _deployments('variable "vm" {}\nvariable "svc" {}\n' + unstated)
    assert (deployment.service_name, deployment.roles[0].name) == (
        "<cloud service name, main.tf:5:26>",  # the template's opening quote
        "<VM name, main.tf:4:26>",
    )
