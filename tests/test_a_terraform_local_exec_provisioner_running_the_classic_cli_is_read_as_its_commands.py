"""A `local-exec` provisioner of a Terraform resource that runs the classic CLI (`azure service cert create
${self.name} ...`) was passed over: its command is read as a shell script's line, as a CI step's is, each
command where the HCL string writes it, `self` the resource's own arguments and a value the module does not
state a hole. A provisioner that runs only on destroy is not read as making anything."""

from __future__ import annotations

from lint_support import script_resources

from migcheck.model import ReservedIp, Script

SERVICE = """\
resource "azure_hosted_service" "svc" {
  name     = "shop-svc"
  location = "West Europe"

  provisioner "local-exec" {
    command = "azure service cert create ${self.name} cert.pfx && azure network reserved-ip create shop-ip 'West Europe'"
  }
}
"""


def _calls(text: str) -> list[tuple[str, int, int]]:
    (script,) = [r for r in script_resources(text, "main.tf") if isinstance(r, Script)]
    return [(call.name, call.mark.line, call.mark.column) for call in script.calls]


def test_the_provisioner_s_classic_commands_are_read_where_the_string_writes_them():
    assert _calls(SERVICE) == [
        ("azure service create", 1, 1),
        ("azure service cert create", 6, 16),
        ("azure network reserved-ip create", 6, 67),
    ]
    (reserved,) = [r for r in script_resources(SERVICE, "main.tf") if isinstance(r, ReservedIp)]
    assert reserved.name == "shop-ip"


def test_a_provisioner_run_on_destroy_makes_nothing():
    on_destroy = SERVICE.replace(
        '  provisioner "local-exec" {\n', '  provisioner "local-exec" {\n    when = destroy\n'
    )
    assert _calls(on_destroy) == [("azure service create", 1, 1)]
