"""MIG601 of a Terraform configuration whose classic resources all come from the modules it calls was said at
the called module's first resource, in a file other configurations may call too, where the message names
the configuration. It is now said at the first `module` block of the configuration whose module makes any,
in the file the user owns; findings of each resource stay where the module declares it."""

from __future__ import annotations

from lint_support import lint_files, where

ROOT = """\
module "storage" {
  source = "./modules/none"
}

module "web" {
  source = "./modules/vm"
  name   = "web"
}
"""

NONE = """\
resource "null_resource" "nothing" {}
"""

VM = """\
variable "name" {}
resource "azure_instance" "vm" {
  name                 = var.name
  image                = "Ubuntu Server 14.04 LTS"
  size                 = "Small"
  storage_service_name = "shopstore"
  location             = "West Europe"
  username             = "ops"
}
"""


def test_mig601_is_said_at_the_first_module_block_that_makes_classic_resources(tmp_path, monkeypatch):
    files = {"main.tf": ROOT, "modules/vm/main.tf": VM, "modules/none/main.tf": NONE}
    result = lint_files(tmp_path, monkeypatch, files, "MIG601", "MIG105")
    assert sorted(where(result.findings)) == ["MIG105 modules/vm/main.tf:2:1", "MIG601 main.tf:5:1"]


def test_mig601_of_a_configuration_with_resources_of_its_own_stays_at_its_first(tmp_path, monkeypatch):
    own = 'resource "azure_hosted_service" "web" {\n  name     = "shopweb"\n  location = "West Europe"\n}\n'
    files = {"main.tf": ROOT + own, "modules/vm/main.tf": VM, "modules/none/main.tf": NONE}
    result = lint_files(tmp_path, monkeypatch, files, "MIG601")
    assert where(result.findings) == ["MIG601 main.tf:9:1"]
