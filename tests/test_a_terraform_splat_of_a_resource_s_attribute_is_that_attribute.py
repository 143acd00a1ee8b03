"""A splat of a resource's attribute (`azure_instance.web.*.name`, Terraform 0.11's, or `[*].name`) lost the
attribute: the reference was read as one to the instances themselves, so a name built of it was not stated
and a data disk's VM named through it was the instance, whatever attribute the splat took. The attribute is
now kept: of a block that makes one resource it is that resource's value, as `azure_instance.web.name` is,
in a `.tf` file and a `.tf.json` one alike; of a block of `count` each instance has its own, so it stays
not stated."""

from __future__ import annotations

import json

import pytest
from lint_support import script_resources

from migcheck.model import ReservedIp

INSTANCE = {
    "name": "web1",
    "hosted_service_name": "websvc",
    "image": "Ubuntu Server 14.04 LTS",
    "size": "Basic_A1",
    "location": "West US",
    "storage_service_name": "webdisks",
    "username": "ops",
    "password": "x",
}


def _hcl(instance: dict[str, object], command: str) -> str:
    arguments = "\n".join(f"  {key} = {json.dumps(value)}" for key, value in instance.items())
    return (
        f'resource "azure_instance" "web" {{\n{arguments}\n}}\n'
        f'resource "null_resource" "ip" {{\n  provisioner "local-exec" {{\n    command = {json.dumps(command)}\n'
        "  }\n}\n"
    )


def _json(instance: dict[str, object], command: str) -> str:
    provisioner = {"provisioner": [{"local-exec": {"command": command}}]}
    return json.dumps(
        {"resource": {"azure_instance": {"web": instance}, "null_resource": {"ip": provisioner}}}
    )


def _reserved(text: str, path: str) -> list[str]:
    return [r.name for r in script_resources(text, path) if isinstance(r, ReservedIp)]


@pytest.mark.parametrize(("write", "path"), [(_hcl, "main.tf"), (_json, "main.tf.json")])
@pytest.mark.parametrize(
    ("reference", "name"),
    [
        ("azure_instance.web.*.name", "ip-web1"),
        ("azure_instance.web[*].name", "ip-web1"),
        ("azure_instance.web.*.hosted_service_name", "ip-websvc"),
        ("azure_instance.web[0].hosted_service_name", "ip-websvc"),
    ],
)
def test_a_splat_of_a_resource_of_one_instance_is_its_attribute(write, path, reference, name):
    command = f"azure network reserved-ip create ip-${{{reference}}} 'West US'"
    assert _reserved(write(INSTANCE, command), path) == [name]


def test_a_splat_of_a_resource_of_count_is_not_one_value():
    counted = {"count": 2, **INSTANCE, "name": "web${count.index}"}
    command = "azure network reserved-ip create ip-${azure_instance.web.*.name} 'West US'"
    (name,) = _reserved(_hcl(counted, command), "main.tf")
    assert name.startswith("<")  # not stated, where `web${count.index}` of no index would be `web`
