"""A Terraform configuration that keeps its values in a JSON file (`jsondecode(file("${path.module}/vms.json"))`)
or takes a member of a function's result (`jsondecode(...).vms[0].name`, `lookup(local.m, "k").name`) named its
VMs and services by stand-ins, where Terraform reads them from the file: now the file's value is the expression
the file writes, its strings literals as `jsondecode` takes them, each where the file writes it (a finding about
one points into the JSON file), its members, items and nested objects read as a `.tf` file's (`[for v in
local.config.vms : v]`, `each.value.net.subnet`). The file is read only when it is one the run checks, inside
the project and through no symbolic link, once a run. `==` converts neither side, as Terraform's does not:
`"1" == 1` is false, `tostring(1) == "1"` true, `1.0 == 1` true."""

from __future__ import annotations

import json
import os

import pytest
from lint_support import lint_files

from migcheck.model import Deployment

VMS = {
    "space": "10.1.0.1/16",
    "service": "shop",
    "vms": [
        {"name": "web01", "size": "Basic_A1", "net": {"subnet": "web"}},
        {"name": "web02", "size": "Basic_A1", "net": {"subnet": "app"}},
    ],
}

CONFIGURATION = """\
locals {
  config = jsondecode(file("${path.module}/vms.json"))
  sizes  = { small = { name = "Basic_A1" } }
}

resource "azure_instance" "first" {
  name                 = jsondecode(file("${path.module}/vms.json")).vms[0].name
  hosted_service_name  = local.config.service
  image                = "Windows Server 2012 R2 Datacenter"
  size                 = lookup(local.sizes, "small").name
  storage_service_name = "shopstore"
  location             = "West Europe"
}

resource "azure_instance" "rest" {
  for_each             = { for v in local.config.vms : v.name => v }
  name                 = "${each.key}-b"
  hosted_service_name  = "${each.key}-svc"
  image                = "Windows Server 2012 R2 Datacenter"
  size                 = each.value.size
  subnet               = each.value.net.subnet
  virtual_network      = "net1"
  storage_service_name = "shopstore"
  location             = "West Europe"
}

resource "azure_virtual_network" "net1" {
  name          = "net1"
  address_space = [local.config.space]
  location      = "West Europe"
  subnet {
    name           = "web"
    address_prefix = "10.1.1.0/24"
  }
  subnet {
    name           = "app"
    address_prefix = "10.1.2.0/24"
  }
}
"""


def _said(result) -> str:
    return "\n".join(
        f"{f.code} {f.mark.path}:{f.mark.line}:{f.mark.column} {f.message}" for f in result.findings
    )


def test_the_values_are_those_the_json_file_holds(tmp_path, monkeypatch):
    files = {"main.tf": CONFIGURATION, "vms.json": json.dumps(VMS, indent=2)}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    said = _said(result)
    assert "deployment 'web01' of cloud service 'shop'" in said
    deployments = [r for d in result.documents for r in d.resources if isinstance(r, Deployment)]
    assert [
        (d.service_name, [(r.name, [s.name for s in r.subnets]) for r in d.roles]) for d in deployments
    ] == [
        ("shop", [("web01", [])]),
        ("web01-svc", [("web01-b", ["web"])]),
        ("web02-svc", [("web02-b", ["app"])]),
    ]
    assert "<" not in said.split("MIG601")[0]  # no stand-in
    assert "MIG304 vms.json:2:12 '10.1.0.1/16'" in said
    assert "MIG003" not in said  # each VM's subnet is one the network declares


def test_a_json_file_reached_through_a_symbolic_link_is_not_read(tmp_path, monkeypatch):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "vms.json").write_text(json.dumps(VMS))
    checked = tmp_path / "checked"
    checked.mkdir()
    os.symlink(outside / "vms.json", checked / "vms.json")
    result = lint_files(checked, monkeypatch, {"main.tf": CONFIGURATION}, dedent=False)
    said = _said(result)
    assert "'web01'" not in said and "'shop'" not in said


@pytest.mark.parametrize(
    ("condition", "vms"),
    [('"1" == 1', 0), ('tostring(1) == "1"', 1), ("1.0 == 1", 1), ('"a" != 1', 1), ("local.n == 1", 1)],
)
def test_equality_converts_neither_side_as_terraform_s_does_not(tmp_path, monkeypatch, condition, vms):
    configuration = f"""\
locals {{
  n = 1
}}

resource "azure_instance" "web" {{
  count                = {condition} ? 1 : 0
  name                 = "web"
  hosted_service_name  = "shop"
  image                = "Windows Server 2012 R2 Datacenter"
  size                 = "Basic_A1"
  storage_service_name = "shopstore"
  location             = "West Europe"
}}
"""
    result = lint_files(tmp_path, monkeypatch, {"main.tf": configuration}, dedent=False)
    assert sum(f.code == "MIG105" for f in result.findings) == vms


YAML_CONFIGURATION = """\
locals {
  config = yamldecode(file("${path.module}/vms.yaml"))
}

resource "azure_instance" "web" {
  for_each             = { for v in local.config.vms : v.name => v if local.config.on }
  name                 = each.key
  hosted_service_name  = "${each.key}-svc"
  image                = "Windows Server 2012 R2 Datacenter"
  size                 = each.value.size
  storage_service_name = "shopstore"
  location             = "West Europe"
}

resource "azure_virtual_network" "net1" {
  name          = "net1"
  address_space = [local.config.space]
  location      = "West Europe"
  subnet {
    name           = "web"
    address_prefix = "10.1.1.0/24"
  }
}
"""

VMS_YAML = """\
space: 10.1.0.1/16
on: yes
vms:
  - name: web01
    size: Basic_A1
  - name: 'web02'
    size: Basic_A1
"""


def test_a_yaml_file_s_values_are_those_yaml_decodes_where_it_writes_them(tmp_path, monkeypatch):
    files = {"main.tf": YAML_CONFIGURATION, "vms.yaml": VMS_YAML}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    said = _said(result)
    assert "deployment 'web01' of cloud service 'web01-svc'" in said
    assert "deployment 'web02' of cloud service 'web02-svc'" in said  # `on: yes` is true
    assert "MIG304 vms.yaml:1:8 '10.1.0.1/16'" in said


def test_a_yaml_file_that_names_a_node_twice_is_not_read(tmp_path, monkeypatch):
    aliased = "space: &s 10.1.0.1/16\nagain: *s\non: yes\nvms:\n  - name: web01\n    size: Basic_A1\n"
    result = lint_files(
        tmp_path, monkeypatch, {"main.tf": YAML_CONFIGURATION, "vms.yaml": aliased}, dedent=False
    )
    said = _said(result)
    assert "'web01'" not in said and "10.1.0.1/16" not in said


TEMPLATED = """\
variable "vm_name" {}

resource "azurerm_monitor_activity_log_alert" "changes" {
  name                = "vm-changes"
  resource_group_name = "mon-rg"
  scopes              = ["/subscriptions/11111111-2222-3333-4444-555555555555"]

  criteria {
    category    = "Administrative"
    resource_id = templatefile("${path.module}/id.tftpl", { sub = "11111111-2222-3333-4444-555555555555", vm = "web01" })
  }
  criteria {
    category    = "Administrative"
    resource_id = templatefile("${path.module}/id.tftpl", { sub = "11111111-2222-3333-4444-555555555555", vm = var.vm_name })
  }
}
"""

ID_TEMPLATE = (
    "/subscriptions/${sub}/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines/${vm}\n"
)


def test_a_template_file_renders_the_classic_id_of_the_values_the_call_gives(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": TEMPLATED, "id.tftpl": ID_TEMPLATE}, dedent=False)
    (alert,) = [f for f in result.findings if f.code == "MIG502"]
    assert "classic VM 'web01', VM '<value of var.vm_name, main.tf:14>'" in alert.message
    assert alert.mark.path == "main.tf"


def test_a_template_of_directives_renders_on_stated_values_and_is_not_stated_on_others(tmp_path, monkeypatch):
    # `vm = "web01"` decides the `if`: the id it renders; `vm = var.vm_name` does not: no id at all
    directives = '%{ if vm != "" }' + ID_TEMPLATE + "%{ endif }"
    result = lint_files(tmp_path, monkeypatch, {"main.tf": TEMPLATED, "id.tftpl": directives}, dedent=False)
    (alert,) = [f for f in result.findings if f.code == "MIG502"]
    assert alert.message.endswith("watches classic VM 'web01': the migration drops it")


def test_a_template_file_named_on_its_own_holds_nothing_and_is_no_unread_format(tmp_path, monkeypatch):
    from lint_support import RULES

    from migcheck.config import Config
    from migcheck.engine import lint
    from migcheck.readers import terraform

    (tmp_path / "id.tftpl").write_text(ID_TEMPLATE)
    monkeypatch.chdir(tmp_path)
    assert lint(["id.tftpl"], Config(), RULES).findings == []
    assert not terraform.sniff_file("id.tftpl", b'provider "azure" {}')
