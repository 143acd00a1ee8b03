"""A `dynamic` block of the classic provider's resources (`dynamic "endpoint"` of an `azure_instance`,
`dynamic "subnet"` of an `azure_virtual_network`) was not read: a VM had none of its endpoints, and a network
whose subnets it wrote was not made at all (the provider refuses a network of no subnet). Its `content` is
now read once for each item of its `for_each`, as the block Terraform writes for it, its iterator (the
block's label, or its `iterator`) `.key` and `.value` that item's: a list's index and item, a map's key and
value; one the module does not state is one block per turn of a loop over it, as a `for_each` of a resource
not stated is."""

from __future__ import annotations

from lint_support import script_resources

from migcheck.model import Deployment, VirtualNetwork

CONFIGURATION = """\
variable "endpoints" {
  default = [
    { name = "http", port = 80 },
    { name = "https", port = 443 },
  ]
}

variable "subnets" {
  default = {
    web = "10.1.1.0/24"
    db  = "10.1.2.0/24"
  }
}

resource "azure_virtual_network" "net" {
  name          = "prod-vnet"
  address_space = ["10.1.0.0/16"]
  location      = "West Europe"

  subnet {
    name           = "gateway"
    address_prefix = "10.1.0.0/24"
  }

  dynamic "subnet" {
    for_each = var.subnets
    content {
      name           = subnet.key
      address_prefix = subnet.value
    }
  }
}

resource "azure_instance" "web" {
  name                 = "web01"
  hosted_service_name  = "shop"
  image                = "Ubuntu Server 14.04 LTS"
  size                 = "Basic_A1"
  location             = "West Europe"
  username             = "ops"
  virtual_network      = "prod-vnet"
  subnet               = "web"
  storage_service_name = "shopstore"

  dynamic "endpoint" {
    for_each = var.endpoints
    iterator = ep
    content {
      name         = "${ep.value.name}-${ep.key}"
      protocol     = "tcp"
      public_port  = ep.value.port
      private_port = ep.value.port
    }
  }
}
"""


def _read(text: str) -> tuple[list[tuple[str, list[str]]], list[tuple[str, str]]]:
    resources = script_resources(text, "main.tf")
    subnets = [(n.name, [s.name for s in n.subnets]) for n in resources if isinstance(n, VirtualNetwork)]
    endpoints = [
        (e.name, e.port)
        for d in resources
        if isinstance(d, Deployment)
        for role in d.roles
        for e in role.endpoints
    ]
    return subnets, endpoints


def test_each_item_is_a_block_with_its_key_and_value() -> None:
    subnets, endpoints = _read(CONFIGURATION)
    assert subnets == [("prod-vnet", ["gateway", "db", "web"])]
    assert endpoints == [("http-0", "80"), ("https-1", "443")]


def test_a_network_whose_subnets_a_dynamic_block_alone_writes_is_made() -> None:
    text = CONFIGURATION.replace(
        '  subnet {\n    name           = "gateway"\n    address_prefix = "10.1.0.0/24"\n  }\n', ""
    )
    subnets, _ = _read(text)
    assert subnets == [("prod-vnet", ["db", "web"])]


def test_a_collection_not_stated_is_one_block_standing_for_every_item() -> None:
    text = CONFIGURATION.replace('variable "endpoints" {\n  default = [', 'variable "other" {\n  default = [')
    text = 'variable "endpoints" {}\n' + text
    _, endpoints = _read(text)
    assert len(endpoints) == 1


JSON = """\
{
  "variable": {"endpoints": {"default": [{"name": "http", "port": 80}, {"name": "https", "port": 443}]}},
  "resource": {
    "azure_instance": {
      "web": {
        "name": "web01",
        "hosted_service_name": "shop",
        "image": "Ubuntu Server 14.04 LTS",
        "size": "Basic_A1",
        "location": "West Europe",
        "username": "ops",
        "storage_service_name": "shopstore",
        "dynamic": {
          "endpoint": {
            "for_each": "${var.endpoints}",
            "iterator": "ep",
            "content": {"name": "${ep.value.name}", "public_port": "${ep.value.port}"}
          }
        }
      }
    }
  }
}
"""


def test_a_json_configuration_s_dynamic_block_is_read_as_the_tf_file_s() -> None:
    resources = script_resources(JSON, "main.tf.json")
    endpoints = [
        (e.name, e.port) for d in resources if isinstance(d, Deployment) for e in d.roles[0].endpoints
    ]
    assert endpoints == [("http", "80"), ("https", "443")]


def test_a_for_each_written_as_a_string_of_only_its_reference_is_that_value() -> None:
    text = CONFIGURATION.replace("for_each = var.subnets", 'for_each = "${var.subnets}"')
    subnets, _ = _read(text)
    assert subnets == [("prod-vnet", ["gateway", "db", "web"])]
