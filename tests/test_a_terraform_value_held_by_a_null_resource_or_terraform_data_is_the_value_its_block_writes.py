"""A value referenced through Terraform's own resources that hold values (`null_resource.x.triggers.name`,
`terraform_data.x.input`, its `output`, and `self.triggers.name` in such a resource's provisioner) was a
value not stated, so a classic resource named through one, or a provisioner's classic command, was named by a
stand-in. Each is now the value the resource's block writes, as another classic resource's argument is; one
of a block with `count` or `for_each` stays not stated, as such a classic resource's does."""

from __future__ import annotations

from lint_support import script_resources

from migcheck.model import Deployment

CONFIGURATION = """\
resource "null_resource" "names" {
  triggers = {
    service = "shop-web"
  }
}

resource "terraform_data" "vm" {
  input = { name = "web1", size = "Small" }
}

resource "azure_instance" "web" {
  name                 = terraform_data.vm.output.name
  hosted_service_name  = null_resource.names.triggers.service
  image                = "Ubuntu Server 14.04 LTS"
  size                 = terraform_data.vm.input["size"]
  storage_service_name = "shopstore"
  location             = "West Europe"
  username             = "ops"
}

resource "null_resource" "endpoint" {
  triggers = {
    vm = azure_instance.web.name
  }
  provisioner "local-exec" {
    command = "azure vm endpoint create ${self.triggers.vm} 443 443"
  }
}
"""


def _deployment(text: str) -> Deployment:
    (deployment,) = [r for r in script_resources(text, "main.tf") if isinstance(r, Deployment)]
    return deployment


def test_a_classic_resource_s_arguments_are_the_values_the_holding_resources_write():
    deployment = _deployment(CONFIGURATION)
    assert (deployment.service_name, deployment.roles[0].name, deployment.roles[0].size) == (
        "shop-web",
        "web1",
        "Small",
    )


def test_a_provisioner_s_self_triggers_is_the_value_its_block_writes():
    (endpoint,) = _deployment(CONFIGURATION).roles[0].endpoints
    assert (endpoint.port, endpoint.mark.line) == ("443", 26)


def test_a_value_of_a_counted_block_stays_not_stated():
    counted = CONFIGURATION.replace(
        'resource "null_resource" "names" {\n', 'resource "null_resource" "names" {\n  count = 2\n'
    )
    assert _deployment(counted).service_name.startswith("<cloud service name")
