"""A Terraform module's `locals { ... }` values (`local.x`, built of variables, other locals and string
templates of them), the members of its objects and lists (`var.x.y`, `var.x["k"]`, `local.l[0]`) and what
`lookup(map, key, default)` and `element(list, index)` pick from them were values not stated, so a VM named
by one was a stand-in: each is now the value the module writes for it, shown where it writes it."""

from __future__ import annotations

from growth import assert_linear
from lint_support import lint_files, script_resources, where

from migcheck.model import Deployment
from migcheck.readers import terraform

LOCALS = """\
variable "env" { default = "prod" }
locals {
  prefix  = "shop-${var.env}"
  service = "${local.prefix}-web"
  account = local.prefix
}
resource "azure_instance" "web" {
  name                 = local.service
  image                = "Ubuntu Server 14.04 LTS"
  size                 = "Basic_A1"
  storage_service_name = "${replace(local.account, "-", "")}store"
  location             = "West Europe"
  username             = "ops"
}
"""

MEMBERS = """\
variable "services" {
  default = {
    web = { name = "shop-web", size = "Basic_A1" }
    api = { name = "shop-api" }
  }
}
variable "regions" { default = ["West Europe", "North Europe"] }
variable "accounts" { default = { prod = "shopstore" } }
resource "azure_instance" "web" {
  name                 = var.services.web.name
  hosted_service_name  = var.services["api"].name
  image                = "Ubuntu Server 14.04 LTS"
  size                 = lookup(var.services.web, "size", "Small")
  storage_service_name = lookup(var.accounts, "test", "shopstore")
  location             = element(var.regions, 3)
  username             = "ops"
}
"""


def _deployment(text: str) -> Deployment:
    (deployment,) = [r for r in script_resources(text, "main.tf") if isinstance(r, Deployment)]
    return deployment


def test_a_local_built_of_a_variable_and_another_local_is_the_value_they_build(tmp_path, monkeypatch):
    deployment = _deployment(LOCALS)
    assert (deployment.service_name, deployment.roles[0].name) == ("shop-prod-web", "shop-prod-web")
    result = lint_files(tmp_path, monkeypatch, {"main.tf": LOCALS}, "MIG105")
    assert where(result.findings) == ["MIG105 main.tf:7:1"]
    assert "deployment 'shop-prod-web' of cloud service 'shop-prod-web'" in result.findings[0].message
    # one that leads back to itself is a value not stated
    looped = LOCALS.replace('prefix  = "shop-${var.env}"', "prefix  = local.service")
    assert _deployment(looped).service_name == "<cloud service name, main.tf:8:26>"


def test_members_of_objects_and_lists_are_the_values_the_module_writes_there():
    deployment = _deployment(MEMBERS)
    role = deployment.roles[0]
    assert (deployment.service_name, role.name, role.size) == ("shop-api", "shop-web", "Basic_A1")
    (disk,) = role.disks
    # `lookup`'s default, where the map has no such key, shown where the default is written
    assert disk.media_link == "http://shopstore.blob.core.windows.net/vhds/shop-web.vhd"
    assert (disk.media_link_mark.line, disk.media_link_mark.column) == (14, 55)
    # a member the object does not have is a value not stated
    missing = MEMBERS.replace("var.services.web.name", "var.services.db.name")
    assert _deployment(missing).roles[0].name == "<VM name, main.tf:10:26>"


def test_element_wraps_its_index_around_the_list_as_terraform_does():
    # the location of the service an instance in no hosted service makes for itself
    own_service = MEMBERS.replace('  hosted_service_name  = var.services["api"].name\n', "")
    (region,) = [r for r in script_resources(own_service, "main.tf") if type(r).__name__ == "ServiceRegion"]
    assert region.location == "North Europe"


def _chained(n: int) -> str:
    """`n` locals, each the one before it, the first an object; a service named by the last one's members."""
    chain = "\n".join([f"  l{i} = local.l{i - 1}" for i in range(1, n)])
    return f"""\
locals {{
  l0 = {{ name = "shopweb", location = "West Europe" }}
{chain}
}}
resource "azure_hosted_service" "web" {{
  name     = local.l{n - 1}.name
  location = local.l{n - 1}["location"]
}}
"""


def test_a_chain_of_locals_is_followed_once_each_in_linear_time():
    (region,) = [r for r in script_resources(_chained(50), "main.tf") if type(r).__name__ == "ServiceRegion"]
    assert (region.service, region.location) == ("shopweb", "West Europe")
    assert_linear(lambda n: lambda: terraform.read("main.tf", _chained(n).encode()), 200)


def test_an_index_of_thousands_of_digits_or_of_other_digits_is_a_value_not_stated():
    text = MEMBERS.replace('var.services["api"].name', f"var.regions[{'9' * 5000}]").replace(
        "element(var.regions, 3)", 'element(var.regions, "²")'
    )
    deployment = _deployment(text)
    assert deployment.service_name == "<cloud service name, main.tf:11:26>"


def test_a_member_that_leads_back_to_itself_is_a_value_not_stated_and_the_file_is_read():
    """Terraform refuses an object whose member is written as that member (a cycle); following it went
    round until Python's recursion limit, and the whole file was not read (MIG001)."""
    looped = LOCALS.replace(
        'prefix  = "shop-${var.env}"',
        'prefix  = local.names.web\n  names   = { web = local.names.web, api = lookup(local.names, "api") }',
    ).replace("local.service\n", 'lookup(local.names, "api")\n')
    deployment = _deployment(looped)
    assert deployment.roles[0].name == "<VM name, main.tf:9:26>"
    assert deployment.service_name == deployment.roles[0].name.replace("VM name", "cloud service name")


def test_a_for_each_value_written_as_each_value_is_a_value_not_stated_and_the_file_is_read():
    """`for_each = { web = each.value }`, which Terraform refuses: each.value was followed to itself until
    Python's recursion limit, and the whole file was not read (MIG001)."""
    text = MEMBERS.replace(
        "resource",
        'resource "azure_instance" "loop" {\n  for_each = { web = each.value }\n  name = each.value\n}\nresource',
        1,
    )
    names = [r.service_name for r in script_resources(text, "main.tf") if isinstance(r, Deployment)]
    assert "shop-api" in names
