"""An `azure_instance` whose `count` the module does not state (`count = "${var.server_count}"`, no default)
was read as one VM in one cloud service, and the plan moved "(1 VM)" as if that were all: each VM named by its
`count.index` is now one per turn of a loop over the count, so readiness and the plan say the cloud services
are created in a loop over it, one or more, as for a shell loop over a list the script does not write out."""

from __future__ import annotations

from lint_support import script_resources

from migcheck.model import Deployment

COUNTED = """\
variable "server_count" {}
resource "azure_instance" "web" {
  count                = "${var.server_count}"
  name                 = "web-${count.index}"
  image                = "Ubuntu Server 14.04 LTS"
  size                 = "Basic_A1"
  storage_service_name = "shopstore"
  location             = "West Europe"
  username             = "ops"
}
"""


def test_the_vms_of_a_count_not_stated_are_one_per_turn_of_a_loop_over_it():
    (deployment,) = [r for r in script_resources(COUNTED, "main.tf") if isinstance(r, Deployment)]
    assert deployment.service_looped_over == 'count = "${var.server_count}"'
    assert deployment.roles[0].looped_over == 'count = "${var.server_count}"'


def test_a_count_the_module_states_is_no_loop():
    stated = COUNTED.replace('variable "server_count" {}', 'variable "server_count" { default = 1 }')
    (deployment,) = [r for r in script_resources(stated, "main.tf") if isinstance(r, Deployment)]
    assert (deployment.service_name, deployment.service_looped_over) == ("web-0", "")
