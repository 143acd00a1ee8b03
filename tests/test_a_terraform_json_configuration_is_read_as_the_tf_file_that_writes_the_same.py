"""A `.tf.json` file, Terraform's JSON syntax of a configuration, was not read: a folder of one said "no classic
Azure files" (the inventory reader found no export in it). It is read as the `.tf` file that writes the same:
its resources, its `"${...}"` templates, its `variable` defaults, nested blocks written as objects or lists
of objects, each value where the JSON writes it; a module may mix both syntaxes, and JSON Terraform refuses
is MIG001 where it stops."""

from __future__ import annotations

import json

from lint_support import lint_files, run_cli, where

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan

NETWORK_AND_VMS = {
    "resource": {
        "azure_virtual_network": {
            "app": {
                "name": "app-vnet",
                "address_space": ["10.20.0.0/16"],
                "location": "West Europe",
                "subnet": [
                    {"name": "web", "address_prefix": "10.20.02.0/24"},
                    {"name": "db", "address_prefix": "${var.db_prefix}"},
                ],
            }
        },
        "azure_instance": {
            "web": {
                "count": 2,
                "name": "web${count.index}",
                "hosted_service_name": "shop-${count.index}",
                "image": "Ubuntu Server 14.04 LTS",
                "size": "Basic_A1",
                "storage_service_name": "${azure_storage_service.disks.name}",
                "location": "West Europe",
                "virtual_network": "${azure_virtual_network.app.name}",
                "subnet": "web",
                "username": "ops",
                "password": "x",
                "endpoint": {"name": "SSH", "protocol": "tcp", "public_port": 22, "private_port": 22},
                "provisioner": [{"local-exec": {"command": "azure vm endpoint create web0 80 -d shop-0"}}],
            }
        },
    }
}

TWIN = """\
resource "azure_virtual_network" "app" {
  name          = "app-vnet"
  address_space = ["10.20.0.0/16"]
  location      = "West Europe"
  subnet {
    name           = "web"
    address_prefix = "10.20.02.0/24"
  }
  subnet {
    name           = "db"
    address_prefix = "${var.db_prefix}"
  }
}
resource "azure_instance" "web" {
  count                = 2
  name                 = "web${count.index}"
  hosted_service_name  = "shop-${count.index}"
  image                = "Ubuntu Server 14.04 LTS"
  size                 = "Basic_A1"
  storage_service_name = "${azure_storage_service.disks.name}"
  location             = "West Europe"
  virtual_network      = "${azure_virtual_network.app.name}"
  subnet               = "web"
  username             = "ops"
  password             = "x"
  endpoint {
    name         = "SSH"
    protocol     = "tcp"
    public_port  = 22
    private_port = 22
  }
  provisioner "local-exec" {
    command = "azure vm endpoint create web0 80 -d shop-0"
  }
}
"""

STORAGE = """\
variable "db_prefix" {
  default = "10.20.3.0/24"
}
resource "azure_storage_service" "disks" {
  name         = "shopdisks"
  location     = "West Europe"
  account_type = "Premium_LRS"
}
"""


def _told(result, name: str) -> list[tuple[str, str]]:
    return sorted((f.code, f.message.replace(name, "<file>")) for f in result.findings)


def _steps(result) -> list[tuple[str, str, list[str]]]:
    data = json.loads(render_plan(build_plan(result), "json"))
    return [(s["kind"], s["name"], s["moves"]) for sub in data["subscriptions"] for s in sub["steps"]]


def test_the_json_file_is_told_and_planned_as_its_tf_twin(tmp_path, monkeypatch):
    text = json.dumps(NETWORK_AND_VMS, indent=2)
    from_json = lint_files(tmp_path / "json", monkeypatch, {"main.tf.json": text, "storage.tf": STORAGE})
    from_tf = lint_files(tmp_path / "tf", monkeypatch, {"main.tf": TWIN, "storage.tf": STORAGE})
    assert _told(from_json, "main.tf.json") == _told(from_tf, "main.tf")
    assert _steps(from_json) == _steps(from_tf)
    assert [s[:2] for s in _steps(from_json)] == [("network", "app-vnet"), ("storage", "shopdisks")]


def test_each_value_is_shown_where_the_json_writes_it(tmp_path, monkeypatch):
    text = json.dumps(NETWORK_AND_VMS, indent=2)
    result = lint_files(tmp_path, monkeypatch, {"main.tf.json": text, "storage.tf": STORAGE}, "MIG304")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "10.20.02.0/24" in t)
    column = text.splitlines()[line - 1].index('"10.20.02.0/24') + 1  # at its opening quote
    assert where(result.findings) == [f"MIG304 main.tf.json:{line}:{column}"]


def test_the_diff_fixes_the_prefix_in_the_json(tmp_path, capsys):
    (tmp_path / "main.tf.json").write_text(json.dumps(NETWORK_AND_VMS, indent=2))
    (tmp_path / "storage.tf").write_text(STORAGE)
    _, out, err = run_cli(capsys, "check", str(tmp_path), "--diff")
    assert '-            "address_prefix": "10.20.02.0/24"\n' in out
    assert '+            "address_prefix": "10.20.2.0/24"\n' in out
    assert "Would fix 1 finding in 1 file." in err


def test_a_vm_alone_in_json_is_a_classic_configuration(tmp_path, monkeypatch):
    vm = {"resource": {"azure_instance": {"web": {"name": "web01", "image": "Ubuntu Server 14.04 LTS"}}}}
    result = lint_files(tmp_path, monkeypatch, {"main.tf.json": json.dumps(vm)})
    assert "MIG601" in {f.code for f in result.findings}


def test_json_terraform_refuses_is_said_where_it_stops(tmp_path, monkeypatch):
    broken = '{\n  "resource": {\n    "azure_instance": {"web": {"name": "web01" "image": "x"}}\n  }\n}\n'
    result = lint_files(tmp_path, monkeypatch, {"main.tf.json": broken})
    assert where(result.findings) == ["MIG001 main.tf.json:3:48"]
    (finding,) = result.findings
    assert "expected `,` or `}` here" in finding.message and "Terraform JSON file" in finding.message
