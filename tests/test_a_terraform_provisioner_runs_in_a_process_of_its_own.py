"""Terraform runs each `local-exec` provisioner's command in a process of its own, and a variable one
command set was read as set in the next: a shell command's `IPN=...`, or a PowerShell command's `$n = ...`
or `$env:IPN = ...`, named the reserved IP of a later provisioner that never sees it. Each command is now
read in a process of its own (a shell command in a child shell, a PowerShell command as a script of its
own), so what it sets ends with it; what it creates in the subscription stays."""

from __future__ import annotations

from lint_support import lint_files, script_resources, where

from migcheck.model import ReservedIp


def _provisioned(first: str, second: str, interpreter: str = "") -> str:
    return f"""\
resource "azure_hosted_service" "svc" {{
  name     = "shopsvc"
  location = "West US"
  provisioner "local-exec" {{{interpreter}
    command = "{first}"
  }}
  provisioner "local-exec" {{{interpreter}
    command = "{second}"
  }}
}}
"""


def _reserved(text: str) -> list[tuple[str, int, int]]:
    found = [r for r in script_resources(text, "main.tf") if isinstance(r, ReservedIp)]
    return [(r.name, r.mark.line, r.mark.column) for r in found]


def test_a_shell_variable_one_provisioner_sets_is_not_set_in_the_next():
    text = _provisioned(
        "IPN=shopip; azure network reserved-ip create $IPN westus",
        "azure network reserved-ip create $${IPN:-other}ip2 westus",
    )
    assert [name for name, _, _ in _reserved(text)] == ["shopip", "otherip2"]


def test_a_powershell_variable_one_provisioner_sets_is_not_set_in_the_next(tmp_path, monkeypatch):
    text = _provisioned(
        "$n = 'shopip'; $env:IPN = 'ip'; New-AzureReservedIP -ReservedIPName $n$env:IPN -Location 'West US'",
        "New-AzureReservedIP -ReservedIPName $n$env:IPN -Location 'West US'",
        '\n    interpreter = ["pwsh", "-Command"]',
    )
    (first, second) = _reserved(text)
    assert first == ("shopipip", 6, 48)
    assert second == ("<reserved IP name, main.tf:10>", 10, 52)  # not stated: neither is set there
    result = lint_files(tmp_path, monkeypatch, {"main.tf": text})
    assert "MIG601 main.tf:1:1" in where(result.findings)
