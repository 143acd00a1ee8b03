"""An `azure_instance` without `storage_service_name` was given the classic CLI's words: its disk in `<storage
account azure vm create picks in West US, main.tf:1>`, and "state the blob (-u)", an option a Terraform user never
wrote. The provider does not pick an account: it refuses a platform image without `storage_service_name`
(resource_azure_instance.go, "When using a platform image, the 'storage_service_name' parameter is required"), and
puts a VM image's disks in the image's own account. Which the image is the configuration does not say, so both
are said, and what to set on the resource."""

from __future__ import annotations

import json

from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan
from migcheck.report.readiness import Verdict, readiness

VM = """\
resource "azure_instance" "web" {
  name     = "web1"
  image    = "Ubuntu Server 14.04 LTS"
  size     = "Basic_A1"
  location = "West US"
  username = "ops"
  password = "x"
}
"""


def _accounts(result) -> dict[str, list[str]]:
    (summary,) = readiness(result)
    return {
        i.name: i.migrates["os_disks_of"]
        for i in summary.items
        if i.type == "StorageAccount" and i.verdict is Verdict.ACCOUNT_NOT_STATED
    }


def _storage_notes(result) -> list[str]:
    data = json.loads(render_plan(build_plan(result), "json"))
    steps = [s for sub in data["subscriptions"] for s in sub["steps"] if s["kind"] == "storage"]
    return [note for step in steps for note in step["notes"]]


def test_the_account_is_named_after_the_resource(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": VM})
    assert _accounts(result) == {"<storage account of azure_instance.web, main.tf:1>": ["web1"]}


def test_the_note_says_what_the_provider_does_and_what_to_set(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": VM})
    (note,) = [n for n in _storage_notes(result) if "OS disk" in n]
    assert "refuses a platform image without it" in note
    assert "VM image" in note and "image's storage account" in note
    assert "set storage_service_name on azure_instance.web" in note
    assert "azure vm create" not in note and "(-u)" not in note


def test_a_vm_with_storage_service_name_has_its_account_named(tmp_path, monkeypatch):
    text = VM.replace("  username", '  storage_service_name = "webdisks"\n  username')
    result = lint_files(tmp_path, monkeypatch, {"main.tf": text})
    assert _accounts(result) == {}


def test_the_classic_cli_s_vm_create_keeps_its_own_words(tmp_path, monkeypatch):
    script = "azure vm create web1 img ops pw -l 'West US'\n"
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": script})
    assert list(_accounts(result)) == ["<storage account azure vm create picks in West US, deploy.sh:1>"]
