"""Terraform puts each `${...}` of a `local-exec` command's string in before any shell sees the command,
whatever quotes the command has around it: `'ip-${var.ip}'` in a PowerShell command, `var.ip` not stated,
was read as the literal characters `ip-${var_ip}`, a reserved IP of that name. The single-quoted string
(or here-string) that holds such a value is now read as the double-quoted one of the same characters, the
value one the file does not state, told from the PowerShell parser's tree; the string's other characters
stay what they were (`''` one quote, `$x` two characters)."""

from __future__ import annotations

from lint_support import lint_files, script_resources, where

from migcheck.model import Deployment, ReservedIp


def _service(command: str) -> str:
    return f"""\
variable "ip" {{}}
variable "stated" {{ default = "shop" }}
resource "azure_hosted_service" "svc" {{
  name     = "shopsvc"
  location = "West US"
  provisioner "local-exec" {{
    interpreter = ["pwsh", "-Command"]
    command     = "{command}"
  }}
}}
"""


RESERVE = "New-AzureReservedIP -ReservedIPName {name} -Location 'West US' -ServiceName shopsvc"


def _reserved(text: str) -> list[tuple[str, int, int]]:
    """The reserved IP the command creates: one of a name not stated is given to the deployment, as its
    stand-in; one of a name stated is one of its own."""
    found = script_resources(text, "main.tf")
    named = [r.reserved_ip for r in found if isinstance(r, Deployment) and r.reserved_ip is not None]
    named += [r for r in found if isinstance(r, ReservedIp)]
    return [(reserved.name, reserved.mark.line, reserved.mark.column) for reserved in named]


def test_a_value_not_stated_in_single_quotes_is_a_value_not_stated():
    text = _service(RESERVE.format(name="'ip-${var.ip}'"))
    assert _reserved(text) == [("<reserved IP name, main.tf:8>", 8, 56)]


def test_a_value_not_stated_in_a_single_quoted_here_string_is_a_value_not_stated():
    text = _service(RESERVE.format(name="@'\\nip-${var.ip}\\n'@"))
    # shown where the here-string starts: each escaped line end is where its backslash is
    assert _reserved(text) == [("<reserved IP name, main.tf:8>", 8, 56)]


def test_the_other_characters_of_the_string_stay_as_they_were():
    text = _service(RESERVE.format(name="'$a''b-${var.stated}-${var.ip}'"))
    assert _reserved(text) == [("<reserved IP name, main.tf:8>", 8, 56)]  # not stated: `var.ip` is in it
    stated = _service(RESERVE.format(name="'$a''b-${var.stated}'"))
    assert _reserved(stated) == [("$a'b-shop", 8, 56)]


def test_a_finding_of_the_command_is_where_it_is_written(tmp_path, monkeypatch):
    text = _service(RESERVE.format(name="'ip-${var.ip}'"))
    result = lint_files(tmp_path, monkeypatch, {"main.tf": text})
    assert "MIG601 main.tf:3:1" in where(result.findings)
