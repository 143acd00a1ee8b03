"""A Terraform heredoc (`<<EOT` ... `EOT`) was a value not stated whatever it wrote, so a `local-exec` command
written as one (the usual way to write a long command) ran nothing the reader saw. It is now read as HCL reads
it: its lines, each with its line end, `<<-EOT`'s with the indent of its least indented line taken off, its
`${...}` put in and `$${` a literal `${`, each command where the file writes it. One of directives (`%{ if }`,
`%{ for }`) is the text they render where the module states what they are given, else a value not stated."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import Deployment, Script

SERVICE = """\
variable "ip" {{ default = "shop-ip" }}
resource "azure_hosted_service" "svc" {{
  name     = "shop-svc"
  location = "West Europe"
  provisioner "local-exec" {{
    command = {heredoc}
  }}
}}
"""


def _calls(heredoc: str) -> list[tuple[str, int, int]]:
    text = SERVICE.format(heredoc=heredoc)
    (script,) = [r for r in script_resources(text, "main.tf") if isinstance(r, Script)]
    return [(call.name, call.mark.line, call.mark.column) for call in script.calls]


def test_a_heredoc_command_s_lines_are_read_where_the_file_writes_them():
    heredoc = "<<EOT\necho $${HOME}\nazure network reserved-ip create ${var.ip} 'West Europe'\nEOT"
    assert _calls(heredoc) == [("azure service create", 2, 1), ("azure network reserved-ip create", 8, 1)]


def test_an_indented_heredoc_s_lines_lose_the_indent_of_the_least_indented_and_stay_in_place():
    heredoc = "<<-EOT\n      set -e\n\n        echo \"go\" && azure network reserved-ip create shop-ip 'West Europe'\n      EOT"
    assert _calls(heredoc) == [("azure service create", 2, 1), ("azure network reserved-ip create", 9, 22)]


@pytest.mark.parametrize(
    ("condition", "created"),
    [("true", True), ("false", False), ("var.unset", False)],
)
def test_a_heredoc_of_directives_runs_what_they_render_where_their_condition_is_stated(condition, created):
    heredoc = (
        f"<<EOT\n%{{ if {condition} }}azure network reserved-ip create shop-ip 'West Europe'%{{ endif }}\nEOT"
    )
    made = [("azure network reserved-ip create", 7, 13)] if created else []
    assert _calls(heredoc) == [("azure service create", 2, 1), *made]


@pytest.mark.parametrize(
    ("heredoc", "read"),
    [("<<EOT\nshop\nEOT", "shop\n"), ("<<-EOT\n    shop\n      web\n    EOT", "shop\n  web\n")],
    ids=["as written", "indent taken off"],
)
def test_a_heredoc_argument_is_its_lines_each_with_its_line_end(heredoc, read):
    vm = f'resource "azure_instance" "web" {{\n  name = "web01"\n  hosted_service_name = {heredoc}\n  image = "x"\n  size = "Basic_A1"\n  location = "West Europe"\n}}\n'
    assert [d.service_name for d in script_resources(vm, "main.tf") if isinstance(d, Deployment)] == [read]
