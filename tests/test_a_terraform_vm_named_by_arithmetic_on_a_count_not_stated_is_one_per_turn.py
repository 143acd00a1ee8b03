"""An `azure_instance` whose `count` the module does not state makes one VM per turn of a loop over the count
(1 or more), each named by its own `count.index`. A name that does arithmetic on the index
(`format("web%02d", count.index + 1)`, `"web-${count.index + 1}"`) is each turn's own as much as
`"web-${count.index}"` is: the deployment holds VMs created in a loop over the count, where it held one VM."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import Deployment

COUNTED = """\
resource "azure_hosted_service" "svc" {
  name     = "shop-svc"
  location = "West Europe"
}
resource "azure_instance" "web" {
  count                = "${var.server_count}"
  name                 = NAME
  hosted_service_name  = "${azure_hosted_service.svc.name}"
  image                = "Ubuntu Server 14.04 LTS"
  size                 = "Basic_A1"
  storage_service_name = "shopstore"
  location             = "West Europe"
  username             = "ops"
}
"""


@pytest.mark.parametrize(
    "name",
    [
        '"${format("web%02d", count.index + 1)}"',
        '"web-${count.index + 1}"',
        'format("web%d", 1 + count.index)',
    ],
)
def test_a_name_of_arithmetic_on_the_index_is_one_vm_per_turn(name):
    text = COUNTED.replace("NAME", name)
    (deployment,) = [r for r in script_resources(text, "main.tf") if isinstance(r, Deployment)]
    assert [role.looped_over for role in deployment.roles] == ['count = "${var.server_count}"']
