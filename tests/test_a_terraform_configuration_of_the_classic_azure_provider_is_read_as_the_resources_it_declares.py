"""A Terraform configuration of the classic `azure` provider (azure_instance, azure_hosted_service,
azure_virtual_network, ...) was passed over: "Nothing checked". Each resource it declares is now read as the
classic CLI's commands that make it, with the values the module states (a variable's default, a .tfvars file
beside it, another resource's argument, `count.index`), each finding at the argument that gives the value;
`azurerm_*` resources and an AWS instance under a provider named `azure` are nothing classic."""

from __future__ import annotations

from lint_support import lint_files, where

from migcheck.model import Deployment, NetworkSecurityGroup, Script, StorageAccountType, VirtualNetwork

NETWORK = """\
resource "azure_virtual_network" "app" {
  name          = "app-vnet"
  address_space = ["10.20.0.0/16"]
  location      = "North Europe"

  subnet {
    name           = "web"
    address_prefix = "10.20.1.0/24"
  }
}
"""
SHOP = """\
resource "azure_hosted_service" "shop" {
  name     = "shop"
  location = "North Europe"
}

resource "azure_instance" "web" {
  name                 = "web1"
  hosted_service_name  = "${azure_hosted_service.shop.name}"
  image                = "Ubuntu Server 14.04 LTS"
  size                 = "Basic_A1"
  location             = "North Europe"
  username             = "ops"
  virtual_network      = azure_virtual_network.app.name
  subnet               = "backend"
  storage_service_name = "shopdisks"

  endpoint {
    name         = "SSH"
    protocol     = "tcp"
    public_port  = 22
    private_port = 22
  }
}
"""


def _checked(tmp_path, monkeypatch, files: dict[str, str], kind: type) -> list:
    """The records of `kind` a check of a folder of `files` finds."""
    result = lint_files(tmp_path, monkeypatch, files, "MIG003")
    return [record for estate in result.estates for record in estate.resources(kind)]


def _vms(tmp_path, monkeypatch, files: dict[str, str]) -> dict[str, str]:
    """Each VM's name, with its cloud service's."""
    deployments = _checked(tmp_path, monkeypatch, files, Deployment)
    return {role.name: d.service_name for d in deployments for role in d.roles}


def test_a_vm_in_a_subnet_its_network_lacks_is_said_at_the_subnet_argument(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": NETWORK + "\n" + SHOP}, "MIG003")
    assert where(result.findings) == ["MIG003 main.tf:25:26"]
    assert "subnet 'backend' is not a subnet of virtual network 'app-vnet'" in result.findings[0].message


def test_the_configuration_is_said_to_use_the_classic_provider_with_the_azurerm_resources_instead(
    tmp_path, monkeypatch
):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": NETWORK + "\n" + SHOP}, "MIG601")
    (finding,) = result.findings
    assert finding.message.startswith(
        "Terraform configuration 'main.tf' declares resources of the classic azure provider of Terraform "
        "(azure_hosted_service, azure_virtual_network, azure_instance)"
    )
    assert "azure_instance → azurerm_linux_virtual_machine or azurerm_windows_virtual_machine" in (
        finding.fix or ""
    )


def test_the_vm_is_in_the_network_and_service_other_resources_and_files_name(tmp_path, monkeypatch):
    files = {"network.tf": NETWORK, "main.tf": SHOP}
    (deployment,) = _checked(tmp_path, monkeypatch, files, Deployment)
    assert deployment.service_name == "shop"
    assert deployment.virtual_network is not None and deployment.virtual_network.name == "app-vnet"
    (role,) = deployment.roles
    assert [(e.name, e.port, e.local_port) for e in role.endpoints] == [("SSH", "22", "22")]
    assert [d.media_link for d in role.disks] == ["http://shopdisks.blob.core.windows.net/vhds/web1.vhd"]


def test_a_vm_given_no_hosted_service_is_in_one_of_its_own_name(tmp_path, monkeypatch):
    config = SHOP.replace('  hosted_service_name  = "${azure_hosted_service.shop.name}"\n', "")
    assert _vms(tmp_path, monkeypatch, {"main.tf": config}) == {"web1": "web1"}


def test_variables_take_their_default_or_the_value_a_tfvars_file_beside_them_gives(tmp_path, monkeypatch):
    variables = 'variable "location" {\n  default = "West Europe"\n}\nvariable "network" {\n  default = "app-vnet"\n}\n'
    config = NETWORK.replace('"North Europe"', "var.location").replace('"app-vnet"', '"${var.network}"')
    files = {"main.tf": config, "variables.tf": variables}
    networks = _checked(tmp_path / "a", monkeypatch, files, VirtualNetwork)
    assert [(v.name, v.location) for v in networks] == [("app-vnet", "West Europe")]
    files["terraform.tfvars"] = 'location = "North Europe"\n'
    networks = _checked(tmp_path / "b", monkeypatch, files, VirtualNetwork)
    assert [(v.name, v.location) for v in networks] == [("app-vnet", "North Europe")]


def test_a_count_the_module_states_makes_that_many_vms_each_of_its_index(tmp_path, monkeypatch):
    # Each in a cloud service of its own name: the provider puts each VM in a deployment of its own.
    config = SHOP.replace('  name                 = "web1"\n', '  count = 2\n  name  = "web${count.index}"\n')
    config = config.replace('  hosted_service_name  = "${azure_hosted_service.shop.name}"\n', "")
    assert _vms(tmp_path, monkeypatch, {"main.tf": config}) == {"web0": "web0", "web1": "web1"}


def test_a_count_not_stated_makes_one_vm_standing_for_all(tmp_path, monkeypatch):
    config = SHOP.replace(
        '  name                 = "web1"\n', '  count = var.n\n  name  = "web${count.index}"\n'
    )
    vms = _vms(tmp_path, monkeypatch, {"main.tf": config})
    assert len(vms) == 1 and "web1" not in vms


def test_a_storage_account_has_the_type_its_account_type_says(tmp_path, monkeypatch):
    config = 'resource "azure_storage_service" "disks" {\n  name = "shopdisks"\n  location = "North Europe"\n  account_type = "Premium_LRS"\n}\n'
    (account,) = _checked(tmp_path, monkeypatch, {"main.tf": config}, StorageAccountType)
    assert (account.name, account.account_type) == ("shopdisks", "Premium_LRS")


def test_azurerm_resources_and_an_aws_instance_under_a_provider_named_azure_are_nothing_classic(
    tmp_path, monkeypatch
):
    azurerm = 'resource "azurerm_virtual_network" "app" {\n  name = "app-vnet"\n}\n'
    aws = 'provider "azure" {\n  region = "ap-south-1"\n}\nresource "azure_instance" "demo" {\n  ami = "ami-1"\n  instance_type = "t3.micro"\n}\n'
    result = lint_files(tmp_path, monkeypatch, {"rm/main.tf": azurerm, "aws/main.tf": aws})
    assert result.findings == []
    assert [r for estate in result.estates for r in estate.resources(Script)] == []


def test_a_file_terraform_cannot_parse_is_said_where_it_breaks(tmp_path, monkeypatch):
    broken = 'resource "azure_instance" "web" {\n  name = \n}\n'
    result = lint_files(tmp_path, monkeypatch, {"main.tf": broken})
    assert where(result.findings) == ["MIG001 main.tf:2:8"]
    assert result.findings[0].message.startswith("the Terraform file cannot be parsed: ")


def test_a_file_nested_deeper_than_the_reader_follows_is_said_so_without_a_traceback(tmp_path, monkeypatch):
    deep = 'resource "azure_instance" "web" {\n  name = ' + "[" * 5000 + "]" * 5000 + "\n}\n"
    result = lint_files(tmp_path, monkeypatch, {"main.tf": deep}, dedent=False)
    assert [f.code for f in result.findings] == ["MIG001"]
    assert "Terraform file" in result.findings[0].message


PREMIUM = """\
resource "azure_storage_service" "disks" {
  name         = "shopdisks"
  location     = "North Europe"
  account_type = "Premium_LRS"
}
"""


def test_the_provider_leaves_boot_diagnostics_off_so_a_premium_vm_is_not_held_back(tmp_path, monkeypatch):
    config = NETWORK + "\n" + PREMIUM + "\n" + SHOP.replace('"shopdisks"', "azure_storage_service.disks.id")
    result = lint_files(tmp_path, monkeypatch, {"main.tf": config}, "MIG205", "MIG601")
    assert [f.code for f in result.findings] == ["MIG601"]


def test_a_data_disk_is_attached_in_the_cloud_service_of_the_vm_s_name(tmp_path, monkeypatch):
    disk = """\
resource "azure_data_disk" "logs" {
  lun                  = 1
  size                 = 10
  storage_service_name = "shopdisks"
  virtual_machine      = azure_instance.web.id
}
"""
    config = SHOP.replace('  hosted_service_name  = "${azure_hosted_service.shop.name}"\n', "") + "\n" + disk
    (deployment,) = _checked(tmp_path, monkeypatch, {"main.tf": config}, Deployment)
    assert deployment.service_name == "web1"
    assert [d.media_link for d in deployment.roles[0].disks] == [
        "http://shopdisks.blob.core.windows.net/vhds/web1.vhd",
        "http://shopdisks.blob.core.windows.net/disks/web1-1.vhd",
    ]


def test_a_subnet_s_security_group_is_associated_with_it(tmp_path, monkeypatch):
    group = (
        'resource "azure_security_group" "web" {\n  name     = "web-nsg"\n  location = "North Europe"\n}\n'
    )
    config = group + NETWORK.replace(
        '    address_prefix = "10.20.1.0/24"\n',
        '    address_prefix = "10.20.1.0/24"\n    security_group = azure_security_group.web.name\n',
    )
    groups = _checked(tmp_path, monkeypatch, {"main.tf": config}, NetworkSecurityGroup)
    assert [(g.name, g.virtual_network, g.subnet) for g in groups if g.subnet] == [
        ("web-nsg", "app-vnet", "web")
    ]
