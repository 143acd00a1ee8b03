"""A Terraform `local-exec` provisioner's `environment = { ... }` sets variables for its command, and was
passed over: a command that names a reserved IP `$IPN` named one not stated. Its variables are now set for
the command alone (a shell's, as in a child shell of its own; PowerShell's `$env:`), each value where the
configuration writes it, one the module does not state a value not stated."""

from __future__ import annotations

from lint_support import script_resources

from migcheck.model import ReservedIp


def _provisioned(environment: str, command: str, interpreter: str = "") -> str:
    return f"""\
variable "svc" {{ default = "shop" }}
variable "unset" {{}}
resource "azure_hosted_service" "svc" {{
  name     = "shopsvc"
  location = "West US"
  provisioner "local-exec" {{
    environment = {environment}{interpreter}
    command     = "{command}"
  }}
  provisioner "local-exec" {{
    command = "azure network reserved-ip create $${{IPN:-other}}ip2 westus"
  }}
}}
"""


def _reserved(text: str) -> list[tuple[str, int, int]]:
    found = [r for r in script_resources(text, "main.tf") if isinstance(r, ReservedIp)]
    return [(r.name, r.mark.line, r.mark.column) for r in found]


def test_a_shell_command_is_given_its_environment_and_the_next_command_is_not():
    text = _provisioned(
        '{ IPN = "${var.svc}ip", LOC = var.unset }', "azure network reserved-ip create $IPN $LOC"
    )
    assert [name for name, _, _ in _reserved(text)] == ["shopip", "otherip2"]


def test_a_powershell_command_is_given_its_environment_as_env_variables():
    command = "New-AzureReservedIP -ReservedIPName $env:IPN -Location 'West US' -ServiceName shopsvc"
    text = _provisioned('{ IPN = "psip" }', command, '\n    interpreter = ["pwsh", "-Command"]')
    assert ("psip", 9, 56) in _reserved(text)  # named where the command names it
