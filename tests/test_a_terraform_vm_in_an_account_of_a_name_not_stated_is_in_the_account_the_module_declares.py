"""A configuration whose `azure_storage_service` takes its name from a variable with no value, and whose
`azure_instance` (or `azure_data_disk`) puts its disk in that account by a reference to it, planned two
accounts: the declared one, "the files name no disk or image in it", and another of the same place,
`<storage account name, main.tf:2:18, turn 2>`, holding the disks. Both are the one account the module
declares: its disks are in it, and the plan moves it once."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan

CONFIGURATION = """\
resource "azure_storage_service" "store" {
  name         = "${var.store}"
  location     = "West Europe"
  account_type = "Standard_LRS"
}
resource "azure_instance" "web" {
  name                 = "web1"
  image                = "Windows Server 2012 R2 Datacenter"
  size                 = "Basic_A1"
  location             = "West Europe"
  username             = "admin"
  storage_service_name = "${azure_storage_service.store.%s}"
}
resource "azure_data_disk" "logs" {
  lun                  = 0
  size                 = 10
  virtual_machine      = "${azure_instance.web.id}"
  storage_service_name = "${azure_storage_service.store.%s}"
}
"""


def _storage_steps(result) -> list[tuple[str, list[str]]]:
    data = json.loads(render_plan(build_plan(result), "json"))
    return [
        (step["name"], step.get("moves", []))
        for subscription in data["subscriptions"]
        for step in subscription["steps"]
        if step["kind"] == "storage"
    ]


@pytest.mark.parametrize("attribute", ["name", "id"])
def test_the_disks_are_in_the_one_account_the_module_declares(tmp_path, monkeypatch, attribute):
    text = CONFIGURATION % (attribute, attribute)
    result = lint_files(tmp_path, monkeypatch, {"main.tf": text})
    steps = _storage_steps(result)
    assert [name for name, _ in steps] == ["<storage account name, main.tf:2:18>"]
    assert "2 disks" in " ".join(steps[0][1])
