r"""A `.tf.json` template whose `${...}` holds a string, which JSON writes with escaped quotes
(`"${lookup(var.services, \"web\")}"`), was taken as a literal: the VM's cloud service was named
`${lookup(var.services, "web")}`. JSON's escapes are now taken before the template is read, as Terraform
takes them, so the expression is read as the `.tf` file's `"${lookup(var.services, "web")}"` is, each value
where the JSON writes it, and the literal parts keep their own escaped quotes."""

from __future__ import annotations

from lint_support import script_resources

from migcheck.model import Deployment

CONFIGURATION = r"""{
  "variable": {"services": {"default": {"web": "shop-web"}}},
  "resource": {"azure_instance": {"web": {
    "name": "${lookup(var.services, \"web\")}-vm",
    "hosted_service_name": "${lookup(var.services, \"web\")}",
    "image": "Ubuntu Server 14.04 LTS",
    "size": "Small",
    "storage_service_name": "shopstore",
    "location": "West Europe",
    "username": "ops",
    "provisioner": [{"local-exec": {"command": "azure vm endpoint create \"${lookup(var.services, \"web\")}-vm\" 443 443 -n \"a b\""}}]
  }}}
}
"""


def _deployment(text: str) -> Deployment:
    (deployment,) = [r for r in script_resources(text, "main.tf.json") if isinstance(r, Deployment)]
    return deployment


def test_the_expression_s_string_is_read_as_the_tf_file_s():
    deployment = _deployment(CONFIGURATION)
    assert (deployment.service_name, deployment.roles[0].name) == ("shop-web", "shop-web-vm")


def test_the_literal_s_escaped_quotes_stay_quotes_of_the_command():
    (endpoint,) = _deployment(CONFIGURATION).roles[0].endpoints
    assert (endpoint.name, endpoint.port) == ("a b", "443")


def test_a_value_not_stated_inside_is_shown_where_the_json_writes_it():
    text = CONFIGURATION.replace('"${lookup(var.services, \\"web\\")}"', '"${lookup(var.other, \\"web\\")}"')
    assert _deployment(text).service_name == "<cloud service name, main.tf.json:5:28>"  # its opening quote
