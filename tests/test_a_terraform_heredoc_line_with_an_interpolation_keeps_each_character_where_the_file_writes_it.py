"""A heredoc line holding a `${...}` is parsed as a quoted string, which writes each `"` and `\\` of the line
as two characters: every character after one was placed a column further per such character, so a finding on
a command's argument after `"${var.svc}"` and `"West US"` was said columns past it. Each character of such a
line is now where the file writes it, as in a shell script of the same command."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import Deployment

COMMAND = (
    'azure vm create "${var.svc}" web1 --location "West US" --custom-data "C:\\data\\init.sh" '
    '--virtual-network-name "app-vnet"'
)

CONFIGURATION = """\
variable "svc" {{ default = "shop-svc" }}
resource "null_resource" "vm" {{
  provisioner "local-exec" {{
    command = {heredoc}
  }}
}}
"""


def _network_at(text: str, path: str) -> tuple[int, int]:
    (deployment,) = [r for r in script_resources(text, path) if isinstance(r, Deployment)]
    assert deployment.virtual_network is not None
    return deployment.virtual_network.mark.line, deployment.virtual_network.mark.column


@pytest.mark.parametrize(
    ("heredoc", "indent"),
    [(f"<<EOT\n{COMMAND}\nEOT", 0), (f"<<-EOT\n      {COMMAND}\n        echo done\n      EOT", 6)],
    ids=["<<EOT", "<<-EOT indented"],
)
def test_an_argument_after_quotes_and_a_backslash_is_at_its_own_column(heredoc, indent):
    column = indent + COMMAND.index('"app-vnet"') + 1
    assert _network_at(CONFIGURATION.format(heredoc=heredoc), "main.tf") == (5, column)
