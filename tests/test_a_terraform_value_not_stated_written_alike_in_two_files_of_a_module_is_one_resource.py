"""A storage account named `"${var.env}store"` (no default) in storage.tf and given to a VM in vm.tf was two
accounts, one "Not decided" with the VM's disk and one "Validation passed" with none, though in one file it
was one: all the .tf files of a folder are one module, so a value the module does not state, written alike
or referenced in two of its files, is one resource, named where the module first writes it; `count.index`
stays each resource's own."""

from __future__ import annotations

import json

from lint_support import run_cli

STORAGE = """\
variable "env" {}
resource "azure_storage_service" "st" {
  name         = "${var.env}store"
  location     = "West Europe"
  account_type = "Standard_LRS"
}
"""

VM = """\
resource "azure_instance" "web" {
  name                 = "web01"
  image                = "Ubuntu Server 14.04 LTS"
  size                 = "Basic_A1"
  storage_service_name = "${var.env}store"
  location             = "West Europe"
  username             = "ops"
}
"""


def _steps(tmp_path, monkeypatch, capsys, files: dict[str, str]) -> list[str]:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    return [step["id"] for subscription in json.loads(out)["subscriptions"] for step in subscription["steps"]]


def test_an_account_named_alike_in_two_files_of_a_module_is_one_account_with_the_vm_s_disk(
    tmp_path, monkeypatch, capsys
):
    steps = _steps(tmp_path, monkeypatch, capsys, {"storage.tf": STORAGE, "vm.tf": VM})
    assert steps == ["service:web01/web01", "storage:<storage account name, storage.tf:3:18>"]


def test_an_account_referenced_from_another_file_is_the_one_it_declares(tmp_path, monkeypatch, capsys):
    vm = VM.replace('"${var.env}store"', '"${azure_storage_service.st.name}"')
    steps = _steps(tmp_path, monkeypatch, capsys, {"storage.tf": STORAGE, "vm.tf": vm})
    assert steps == ["service:web01/web01", "storage:<storage account name, storage.tf:3:18>"]


def test_the_same_in_one_file_is_still_one_account(tmp_path, monkeypatch, capsys):
    steps = _steps(tmp_path, monkeypatch, capsys, {"main.tf": STORAGE + VM})
    assert steps == ["service:web01/web01", "storage:<storage account name, main.tf:3:18>"]


def test_a_vm_named_by_count_index_in_each_of_two_files_is_its_own(tmp_path, monkeypatch, capsys):
    counted = 'variable "n" {}\n' + VM.replace('"web01"', '"web-${count.index}"').replace(
        "  image", '  count                = "${var.n}"\n  image'
    )
    other = counted.replace('"web"', '"api"').replace('variable "n" {}\n', "")
    steps = _steps(tmp_path, monkeypatch, capsys, {"a.tf": STORAGE + counted, "b.tf": other})
    assert len([step for step in steps if step.startswith("service:")]) == 2
