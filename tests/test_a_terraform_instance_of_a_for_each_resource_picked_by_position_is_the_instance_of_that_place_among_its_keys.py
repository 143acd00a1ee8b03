"""A Terraform reference that picks one instance of a classic resource whose block has `for_each` by its
position (`element(azure_hosted_service.svc.*.name, count.index)`, `[*]` alike, and
`values(azure_hosted_service.svc)[count.index].name`) is that instance's argument: Terraform lists a
`for_each` block's instances in the order of their keys, so with keys `b` and `a` the first is `a`'s.
`element` counts on from the first past their number; `values(...)[i]` past their number, or with a key the
module does not state, is a value not stated. Before, each was a value not stated, as `count` instances were
until they were read (see the test of a counted resource's instance)."""

from __future__ import annotations

import pytest
from lint_support import lint_files

SERVICES = """\
resource "azure_hosted_service" "svc" {{
  for_each = {keys}
  name     = each.value
  location = "West US"
  ephemeral_contents = false
}}
"""
VM = """\
resource "azure_instance" "web" {{
  count                = {count}
  name                 = "web-${{count.index}}"
  hosted_service_name  = {service}
  image                = "Ubuntu"
  size                 = "Basic_A1"
  storage_service_name = "store"
  location             = "West US"
  username             = "u"
  password             = "p"
}}
"""
MAP = '{ b = "svc-b", a = "svc-a" }'


def _placed(tmp_path, monkeypatch, service: str, count: int = 2, keys: str = MAP) -> list[tuple[str, str]]:
    """(VM, cloud service) of each deployment MIG105 names."""
    files = {"main.tf": SERVICES.format(keys=keys) + VM.format(count=count, service=service)}
    result = lint_files(tmp_path, monkeypatch, files, "MIG105", dedent=False)
    return sorted(
        (
            f.message.split("deployment ", 1)[1].split(" ", 1)[0],
            f.message.split("cloud service ", 1)[1].split(" is in ")[0],
        )
        for f in result.findings
    )


@pytest.mark.parametrize(
    "service",
    [
        "element(azure_hosted_service.svc.*.name, count.index)",
        '"${element(azure_hosted_service.svc[*].name, count.index)}"',
        "values(azure_hosted_service.svc)[count.index].name",
        '"${values(azure_hosted_service.svc)[count.index].name}"',
    ],
)
def test_each_vm_is_in_the_cloud_service_of_its_place_among_the_keys(tmp_path, monkeypatch, service) -> None:
    assert _placed(tmp_path, monkeypatch, service) == [("'web-0'", "'svc-a'"), ("'web-1'", "'svc-b'")]


def test_a_set_s_instances_are_in_the_order_of_their_values(tmp_path, monkeypatch) -> None:
    service = "values(azure_hosted_service.svc)[count.index].name"
    keys = 'toset(["svc-z", "svc-m"])'
    assert _placed(tmp_path, monkeypatch, service, keys=keys) == [
        ("'web-0'", "'svc-m'"),
        ("'web-1'", "'svc-z'"),
    ]


def test_values_past_their_number_is_not_stated(tmp_path, monkeypatch) -> None:
    placed = _placed(tmp_path, monkeypatch, "values(azure_hosted_service.svc)[2].name", count=1)
    assert len(placed) == 1 and placed[0][1].startswith("'<"), placed


JSON = """\
{
  "resource": {
    "azure_hosted_service": {
      "svc": {"for_each": {"b": "svc-b", "a": "svc-a"}, "name": "${each.value}", "location": "West US"}
    },
    "azure_instance": {
      "web": {"count": 2, "name": "web-${count.index}",
              "hosted_service_name": "${values(azure_hosted_service.svc)[count.index].name}",
              "image": "Ubuntu", "size": "Basic_A1", "storage_service_name": "store", "location": "West US",
              "username": "u", "password": "p"}
    }
  }
}
"""


def test_a_json_configuration_picks_alike(tmp_path, monkeypatch) -> None:
    result = lint_files(tmp_path, monkeypatch, {"main.tf.json": JSON}, "MIG105", dedent=False)
    said = sorted(f.message.split(" is in ")[0] for f in result.findings)
    assert said == [
        "deployment 'web-0' of cloud service 'svc-a'",
        "deployment 'web-1' of cloud service 'svc-b'",
    ]
