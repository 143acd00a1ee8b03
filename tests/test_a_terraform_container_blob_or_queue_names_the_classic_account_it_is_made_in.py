"""A configuration of `azure_storage_container`, `azure_storage_blob` or `azure_storage_queue` only was classic
(MIG601) but planned nothing: "No step to plan". The provider makes each in the classic storage account its
`storage_service_name` names (it takes the account's key from Service Management), an account the
subscription holds: the module's `azure_storage_service` of that name, else an account the module names
without declaring it, which migrates by a step of its own as one a script creates does."""

from __future__ import annotations

import json

from lint_support import lint_files

from migcheck.model import StorageAccountType
from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan

CONTAINER_AND_BLOB = """\
resource "azure_storage_container" "vhds" {
  name                  = "vhds"
  container_access_type = "private"
  storage_service_name  = "shopstore"
}
resource "azure_storage_blob" "img" {
  name                   = "base.vhd"
  type                   = "PageBlob"
  size                   = 1073741824
  storage_service_name   = "shopstore"
  storage_container_name = "${azure_storage_container.vhds.name}"
}
"""

PREMIUM = """\
resource "azure_storage_service" "store" {
  name         = "shopstore"
  location     = "West Europe"
  account_type = "Premium_LRS"
}
"""


def _storage_steps(result) -> list[str]:
    data = json.loads(render_plan(build_plan(result), "json"))
    return [s["name"] for sub in data["subscriptions"] for s in sub["steps"] if s["kind"] == "storage"]


def _accounts(result) -> list[tuple[str, str, str]]:
    return [
        (r.name, r.account_type, f"{r.mark.path}:{r.mark.line}:{r.mark.column}")
        for document in result.documents
        for r in document.resources
        if isinstance(r, StorageAccountType)
    ]


def test_the_account_a_container_and_a_blob_are_in_is_a_step_of_its_own(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": CONTAINER_AND_BLOB})
    assert _storage_steps(result) == ["shopstore"]
    assert _accounts(result) == [("shopstore", "", "main.tf:4:27")]


def test_a_queue_s_account_is_one_too(tmp_path, monkeypatch):
    queue = (
        'resource "azure_storage_queue" "jobs" {\n  name = "jobs"\n  storage_service_name = "jobstore"\n}\n'
    )
    result = lint_files(tmp_path, monkeypatch, {"main.tf": queue})
    assert _storage_steps(result) == ["jobstore"]


def test_an_account_the_module_declares_is_that_one_with_its_type(tmp_path, monkeypatch):
    by_reference = CONTAINER_AND_BLOB.replace('"shopstore"', '"${azure_storage_service.store.name}"')
    for files in (
        {"main.tf": PREMIUM + CONTAINER_AND_BLOB},
        {"main.tf": CONTAINER_AND_BLOB, "storage.tf": PREMIUM},
        {"main.tf": by_reference, "storage.tf": PREMIUM},
    ):
        result = lint_files(tmp_path, monkeypatch, files)
        assert [(name, kind) for name, kind, _ in _accounts(result)] == [("shopstore", "Premium_LRS")], files
        assert _storage_steps(result) == ["shopstore"]
        for name in files:
            (tmp_path / name).unlink()


def test_an_account_the_module_does_not_state_is_a_stand_in_named_where_it_is_written(tmp_path, monkeypatch):
    unstated = CONTAINER_AND_BLOB.replace('"shopstore"', "var.account") + 'variable "account" {}\n'
    result = lint_files(tmp_path, monkeypatch, {"main.tf": unstated})
    ((name, kind, _),) = _accounts(result)
    assert name.startswith("<storage account") and "main.tf:4:27" in name and kind == ""
    assert len(_storage_steps(result)) == 1
