"""Two `azure_instance` blocks given the same `azure_hosted_service`, whose name is a variable with no value,
were both read as VMs of that one cloud service, and the plan moved them together. The classic provider
makes each VM a deployment of its own in the service's Production slot, which the first holds, so the
platform refuses the second and `terraform apply` fails without making it: said for a service named by the
module, it is said now for one it does not name, where the second block names the service. Instances of a
`for_each` whose services are built around a value not stated (`"${each.value}-${var.suffix}"`) were one
service, by that value alone, and the second replaced the first: their texts tell them apart now."""

from __future__ import annotations

import pytest
from lint_support import script_resources, unread_marks

from migcheck.model import Deployment, Script
from migcheck.report.unread import why_named

CONFIGURATION = """\
resource "azure_hosted_service" "svc" {
  name     = "${var.cloudsvc}"
  location = "West Europe"
}
resource "azure_instance" "web1" {
  name                = "web1"
  hosted_service_name = "${azure_hosted_service.svc.%s}"
  image               = "Windows Server 2012 R2 Datacenter"
  size                = "Small"
  location            = "West Europe"
  username            = "ops"
}
resource "azure_instance" "web2" {
  name                = "web2"
  hosted_service_name = "${azure_hosted_service.svc.%s}"
  image               = "Windows Server 2012 R2 Datacenter"
  size                = "Small"
  location            = "West Europe"
  username            = "ops"
}
"""

EACH_ITS_OWN = """\
resource "azure_instance" "web" {
  for_each            = { a = "web1", b = "web2" }
  name                = each.value
  hosted_service_name = "${each.value}-${var.suffix}"
  image               = "Windows Server 2012 R2 Datacenter"
  size                = "Small"
  location            = "West Europe"
  username            = "ops"
}
"""


@pytest.mark.parametrize(("first", "second"), [("id", "id"), ("id", "name"), ("name", "name")])
def test_the_second_vm_is_refused_where_it_names_the_service(first, second):
    resources = script_resources(CONFIGURATION % (first, second), "main.tf")
    (deployment,) = [r for r in resources if isinstance(r, Deployment)]
    assert [role.name for role in deployment.roles] == ["web1"]
    (script,) = [r for r in resources if isinstance(r, Script)]
    assert unread_marks(resources) == [(15, 25)]
    assert why_named(script.unread[0]) == "second-provider-deployment"


def test_instances_each_given_a_service_of_their_own_are_both_read():
    resources = script_resources(EACH_ITS_OWN, "main.tf")
    assert sorted(r.name for r in resources if isinstance(r, Deployment)) == ["web1", "web2"]
    assert unread_marks(resources) == []
