"""A Terraform configuration that builds its shared network and storage in one module of its own and its VMs
in another passes the first's outputs to the second (`network_name = module.site.network_name`). Such a value
was not stated, so the VM stood in a network of a name to fill in, apart from the network the module declares
(and the plan called that network ready, with no VM in it). `module.<call>.<output>` is now the value the
module's `output` block gives (`value = azure_virtual_network.default.name`), as the call makes the module;
one of a module call with `count` or `for_each`, or of an output the module does not declare, is a value not
stated, as before."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.model import Deployment

ROOT = """\
module "site" {
  source   = "./site"
  location = "North Europe"
}
module "master" {
  source       = "./master"
  network_name = "${module.site.network_name}"
  storage_name = module.site.storage_name
  subnet_name  = module.site.public_subnet_name
}
"""

SITE = {
    "site/variables.tf": """\
variable "location" {}
variable "network_name" { default = "network" }
variable "public_subnet_name" { default = "public" }
""",
    "site/network.tf": """\
resource "azure_virtual_network" "default" {
  name          = var.network_name
  location      = var.location
  address_space = ["10.0.0.0/16"]
  subnet {
    name           = var.public_subnet_name
    address_prefix = "10.0.4.0/22"
  }
}
resource "azure_storage_service" "default" {
  name         = "kidsstore"
  location     = var.location
  account_type = "Standard_GRS"
}
""",
    "site/outputs.tf": """\
output "network_name" { value = "${azure_virtual_network.default.name}" }
output "storage_name" { value = azure_storage_service.default.name }
output "public_subnet_name" { value = var.public_subnet_name }
""",
}

MASTER = {
    "master/variables.tf": """\
variable "network_name" {}
variable "storage_name" {}
variable "subnet_name" {}
""",
    "master/master.tf": """\
resource "azure_hosted_service" "master" {
  name     = "kids-master"
  location = "North Europe"
}
resource "azure_instance" "master" {
  name                 = "master"
  image                = "Ubuntu Server 14.04 LTS"
  size                 = "Standard_DS1_v2"
  hosted_service_name  = azure_hosted_service.master.name
  storage_service_name = var.storage_name
  location             = "North Europe"
  virtual_network      = var.network_name
  subnet               = var.subnet_name
  username             = "salt"
}
""",
}


def _deployment(result) -> Deployment:
    (deployment,) = [d for estate in result.estates for d in estate.resources(Deployment)]
    return deployment


def test_the_vm_is_in_the_network_and_account_the_other_module_outputs(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": ROOT, **SITE, **MASTER})
    deployment = _deployment(result)
    assert deployment.virtual_network is not None
    assert deployment.virtual_network.name == "network"
    (role,) = deployment.roles
    assert [s.name for s in role.subnets] == ["public"]
    assert [d.media_link.split("//")[1].split(".")[0] for d in role.disks] == ["kidsstore"]


def test_an_output_the_module_does_not_declare_is_not_stated(tmp_path, monkeypatch):
    root = ROOT.replace("module.site.network_name", "module.site.vnet")
    result = lint_files(tmp_path, monkeypatch, {"main.tf": root, **SITE, **MASTER})
    network = _deployment(result).virtual_network
    assert network is not None and network.name.startswith("<virtual network name")


def test_an_output_of_a_counted_module_call_is_not_stated(tmp_path, monkeypatch):
    root = ROOT.replace('source   = "./site"', 'source   = "./site"\n  count    = 1')
    result = lint_files(tmp_path, monkeypatch, {"main.tf": root, **SITE, **MASTER})
    network = _deployment(result).virtual_network
    assert network is not None and network.name.startswith("<virtual network name")


def test_the_json_syntax_s_module_calls_and_outputs_are_read_alike(tmp_path, monkeypatch):
    """Terraform's JSON syntax writes the same blocks (`{"module": {"site": {...}}}`, `{"output": {...}}`),
    which were left out of a `.tf.json` file: its module calls were not read at all."""
    root = """\
{"module": {"site": {"source": "./site"},
            "master": {"source": "./master", "network_name": "${module.site.network_name}"}}}
"""
    site = """\
{"resource": {"azure_virtual_network": {"default": {"name": "network", "location": "North Europe",
   "address_space": ["10.0.0.0/16"], "subnet": [{"name": "public", "address_prefix": "10.0.4.0/22"}]}}},
 "output": {"network_name": {"value": "${azure_virtual_network.default.name}"}}}
"""
    master = """\
{"variable": {"network_name": {}},
 "resource": {"azure_instance": {"master": {"name": "master", "image": "Ubuntu Server 14.04 LTS",
   "size": "Small", "storage_service_name": "kidsstore", "location": "North Europe",
   "virtual_network": "${var.network_name}", "subnet": "public", "username": "salt"}}}}
"""
    files = {"main.tf.json": root, "site/main.tf.json": site, "master/main.tf.json": master}
    network = _deployment(lint_files(tmp_path, monkeypatch, files)).virtual_network
    assert network is not None and network.name == "network"


def test_outputs_of_modules_that_call_each_other_back_are_not_stated_and_the_file_is_read(
    tmp_path, monkeypatch
):
    """Terraform refuses modules that call each other; their outputs, each the other's, are values not stated,
    not an endless evaluation the file is then said too deep to read at (MIG001)."""
    files = {
        "main.tf": 'module "a" {\n  source = "./a"\n}\n'
        'resource "azure_hosted_service" "svc" {\n  name     = module.a.x\n  location = "North Europe"\n}\n',
        "a/main.tf": 'module "b" {\n  source = "../b"\n}\noutput "x" { value = module.b.x }\n',
        "b/main.tf": 'module "a" {\n  source = "../a"\n}\noutput "x" { value = module.a.x }\n',
    }
    result = lint_files(tmp_path, monkeypatch, files)
    assert [f.code for f in result.findings] == ["MIG601"]
