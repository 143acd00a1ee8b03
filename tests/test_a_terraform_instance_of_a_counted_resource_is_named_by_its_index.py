"""A Terraform reference to one instance of a classic resource whose block has `count`, by its index
(`azure_hosted_service.svc[count.index].name`, `azure_hosted_service.svc[1].name`) or picked from all of them
(`element(azure_hosted_service.svc.*.name, count.index)`, `[*]` alike, wrapping around their number as
`element` does), is that instance's argument, built of its own `count.index`: VM `web-1` is in cloud service
`svc-1`. Before, every such reference was a value not stated, so each VM was in a cloud service the files do
not name. An index past the number of instances, or one not stated, is still a value not stated."""

from __future__ import annotations

import pytest
from lint_support import lint_files

SERVICES = """\
resource "azure_hosted_service" "svc" {
  count    = 3
  name     = "svc-${count.index}"
  location = "West US"
  ephemeral_contents = false
}
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


def _placed(tmp_path, monkeypatch, count: int, service: str) -> list[tuple[str, str]]:
    """(VM, cloud service) of each deployment MIG105 names."""
    files = {"main.tf": SERVICES + VM.format(count=count, service=service)}
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
        "azure_hosted_service.svc[count.index].name",
        '"${azure_hosted_service.svc[count.index].name}"',
        "azure_hosted_service.svc[count.index].id",
        '"${element(azure_hosted_service.svc.*.name, count.index)}"',
        "element(azure_hosted_service.svc[*].name, count.index)",
    ],
)
def test_each_vm_is_in_the_cloud_service_of_its_index(tmp_path, monkeypatch, service) -> None:
    assert _placed(tmp_path, monkeypatch, 2, service) == [("'web-0'", "'svc-0'"), ("'web-1'", "'svc-1'")]


def test_an_index_written_out_names_that_instance(tmp_path, monkeypatch) -> None:
    assert _placed(tmp_path, monkeypatch, 1, "azure_hosted_service.svc[2].name") == [("'web-0'", "'svc-2'")]


def test_element_wraps_around_the_number_of_instances(tmp_path, monkeypatch) -> None:
    service = "element(azure_hosted_service.svc.*.name, count.index + 0)"
    assert _placed(tmp_path, monkeypatch, 1, service.replace("count.index + 0", "4")) == [
        ("'web-0'", "'svc-1'")
    ]


def test_an_index_past_the_instances_is_not_stated(tmp_path, monkeypatch) -> None:
    placed = _placed(tmp_path, monkeypatch, 1, "azure_hosted_service.svc[5].name")
    assert len(placed) == 1
    assert placed[0][1].startswith("'<cloud service name, main.tf:")


KEYED = """\
resource "azure_hosted_service" "svc" {
  for_each = toset(["a", "b"])
  name     = "svc-${each.key}"
  location = "West US"
  ephemeral_contents = false
}
resource "azure_instance" "web" {
  for_each             = {a = "x", b = "y"}
  name                 = "web-${each.value}"
  hosted_service_name  = {service}
  image                = "Ubuntu"
  size                 = "Basic_A1"
  storage_service_name = "store"
  location             = "West US"
  username             = "u"
  password             = "p"
}
"""


@pytest.mark.parametrize(
    ("service", "placed"),
    [
        ("azure_hosted_service.svc[each.key].name", [("'web-x'", "'svc-a'"), ("'web-y'", "'svc-b'")]),
        # both in svc-b: the provider makes each VM a deployment of its own, so the second is refused
        ('azure_hosted_service.svc["b"].name', [("'web-x'", "'svc-b'")]),
    ],
)
def test_an_instance_of_a_for_each_block_is_named_by_its_key(tmp_path, monkeypatch, service, placed) -> None:
    files = {"main.tf": KEYED.replace("{service}", service)}
    result = lint_files(tmp_path, monkeypatch, files, "MIG105", dedent=False)
    found = sorted(
        (
            f.message.split("deployment ", 1)[1].split(" ", 1)[0],
            f.message.split("cloud service ", 1)[1].split(" is in ")[0],
        )
        for f in result.findings
    )
    assert found == placed
