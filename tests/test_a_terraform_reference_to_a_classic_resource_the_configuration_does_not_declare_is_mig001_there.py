"""A Terraform reference to a resource of the classic provider that no `resource` block of the module
declares (`security_group = "${azure_security_group.public_ssh.name}"` with no such block) is refused by
Terraform ("Reference to undeclared resource"): MIG001 says so at the reference, naming the block to declare,
and the argument is read as not given, so no group is made up for the VM. Before, the reference was read as a
value not stated, and the plan set a stand-in group on the VM. A resource another file of the module
declares is no such reference, nor is one read with the file alone, where the files beside it are not read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import run_cli

_VM = """resource "azure_hosted_service" "web" {
  name     = "shop-web"
  location = "West US"
}

resource "azure_instance" "web" {
  name                 = "web01"
  hosted_service_name  = "${azure_hosted_service.web.name}"
  image                = "Ubuntu Server 14.04 LTS"
  size                 = "Basic_A1"
  storage_service_name = "shopstore"
  location             = "West US"
  username             = "terraform"
  password             = "Pass!admin123"
  security_group       = "${azure_security_group.public_ssh.name}"
  virtual_network      = "shop-net"
  subnet               = "front"
}
"""

_GROUP = (
    'resource "azure_security_group" "public_ssh" {\n  name     = "public-ssh"\n  location = "West US"\n}\n'
)


def _findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, files: dict[str, str]) -> list[dict]:
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".", "--format", "json")
    return json.loads(out)


def test_the_reference_is_mig001_where_it_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys):
    said = [f for f in _findings(tmp_path, monkeypatch, capsys, {"main.tf": _VM}) if f["code"] == "MIG001"]
    assert [(f["path"], f["line"], f["column"], f["message"], f["fix"]) for f in said] == [
        (
            "main.tf",
            15,
            29,
            "`azure_security_group.public_ssh.name` refers to a resource no block of the module declares (no "
            '`resource "azure_security_group" "public_ssh"` in its files): Terraform refuses the configuration '
            "(Reference to undeclared resource), and the argument is read as not given",
            'Declare the resource in a file of the module (`resource "azure_security_group" "public_ssh" { ... }`), '
            "or make the reference name one the module declares: `terraform validate` fails until then.",
        )
    ]


def test_the_plan_sets_no_group_on_the_vm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys):
    (tmp_path / "main.tf").write_text(_VM)
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    assert "security group" not in out.lower() and "nsg" not in out.lower()


def test_a_resource_another_file_of_the_module_declares_is_no_such_reference(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
):
    found = _findings(tmp_path, monkeypatch, capsys, {"main.tf": _VM, "nsg.tf": _GROUP})
    assert [f for f in found if f["code"] == "MIG001"] == []
