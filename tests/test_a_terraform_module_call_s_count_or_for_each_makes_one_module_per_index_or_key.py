"""A Terraform `module` block's `count` and `for_each` were passed over: the module was read once, its
`count.index`, `each.key` and `each.value` values not stated. Terraform makes one module per index or key, as
it makes one resource of each: a count or a set or map the configuration states now makes one call per index
or key (within the bound on calls, past which they are said cut), and one it does not state is one call
standing for every turn of a loop over it, as a resource's is."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.model import MODULE_CALLS_CUT, Deployment, Script

VM = """\
variable "name" {}
variable "service" { default = "" }
resource "azure_instance" "vm" {
  name                 = var.name
  hosted_service_name  = var.service
  image                = "Ubuntu Server 14.04 LTS"
  size                 = "Small"
  storage_service_name = "shopstore"
  location             = "West Europe"
  username             = "ops"
}
"""

COUNTED = """\
module "web" {
  source  = "./modules/vm"
  count   = 2
  name    = "web-${count.index}"
  service = "shop-web-${count.index}"
}
"""

KEYED = """\
module "web" {
  source   = "./modules/vm"
  for_each = { alpha = "shop-a", beta = "shop-b" }
  name     = "web-${each.key}"
  service  = each.value
}
"""


def _deployments(result) -> list[Deployment]:
    return [r for estate in result.estates for r in estate.resources(Deployment)]


def _services(result) -> list[tuple[str, str]]:
    return sorted((d.service_name, d.roles[0].name) for d in _deployments(result))


def test_a_count_makes_one_module_per_index(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": COUNTED, "modules/vm/main.tf": VM})
    assert _services(result) == [("shop-web-0", "web-0"), ("shop-web-1", "web-1")]


def test_a_for_each_makes_one_module_per_key_with_its_value(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": KEYED, "modules/vm/main.tf": VM})
    assert _services(result) == [("shop-a", "web-alpha"), ("shop-b", "web-beta")]


def test_a_count_not_stated_is_one_module_per_turn_of_a_loop_over_it(tmp_path, monkeypatch):
    root = 'variable "n" {}\n' + COUNTED.replace("count   = 2", "count   = var.n")
    result = lint_files(tmp_path, monkeypatch, {"main.tf": root, "modules/vm/main.tf": VM})
    (deployment,) = _deployments(result)
    assert deployment.service_looped_over == "count = var.n"
    assert deployment.roles[0].looped_over == "count = var.n"


def test_calls_past_the_bound_are_said_cut_where_the_source_is_written(tmp_path, monkeypatch):
    root = COUNTED.replace("count   = 2", "count   = 40")
    result = lint_files(tmp_path, monkeypatch, {"main.tf": root, "modules/vm/main.tf": VM})
    assert len(_deployments(result)) == 32
    scripts = [r for estate in result.estates for r in estate.resources(Script)]
    cut = {(m.path, m.line, m.column) for s in scripts for m in s.unread if m.tag == MODULE_CALLS_CUT}
    assert cut == {("main.tf", 2, 13)}
