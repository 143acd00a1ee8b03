"""`self.<argument>` in a `local-exec` provisioner of a resource with `count` or `for_each` (`self.name`
where `name = "shop-${count.index}"`) was a value not stated, as a reference to another resource of many
instances is: `self` is the instance the provisioner runs for, so it is now each instance's own value, in a
shell command and a PowerShell one alike, as is `self.output` of a `terraform_data` (its `input`)."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import ReservedIp

SERVICE = """\
resource "azure_hosted_service" "svc" {{
  {many}
  name     = "shop-{index}"
  location = "West US"
  provisioner "local-exec" {{{interpreter}
    command = "{command}"
  }}
}}
"""
CLI = "azure network reserved-ip create ip-${{self.{argument}}} 'West US'"
POWERSHELL = "New-AzureReservedIP -ReservedIPName ip-${{self.{argument}}} -Location 'West US'"


def _reserved(text: str) -> list[str]:
    return [r.name for r in script_resources(text, "main.tf") if isinstance(r, ReservedIp)]


@pytest.mark.parametrize(
    ("many", "index", "names"),
    [
        ("count    = 2", "${count.index}", ["ip-shop-0", "ip-shop-1"]),
        ('for_each = toset(["a", "b"])', "${each.key}", ["ip-shop-a", "ip-shop-b"]),
        ("", "one", ["ip-shop-one"]),
    ],
    ids=["count", "for_each", "one"],
)
@pytest.mark.parametrize("argument", ["name", "id"])
@pytest.mark.parametrize(
    ("interpreter", "command"),
    [("", CLI), ('\n    interpreter = ["pwsh", "-Command"]', POWERSHELL)],
    ids=["shell", "powershell"],
)
def test_self_in_a_provisioner_is_the_instance_it_runs_for(
    many, index, names, argument, interpreter, command
):
    text = SERVICE.format(
        many=many, index=index, interpreter=interpreter, command=command.format(argument=argument)
    )
    assert sorted(_reserved(text)) == names


def test_self_output_of_a_terraform_data_of_count_is_each_instance_s_input():
    text = """\
resource "terraform_data" "ip" {
  count = 2
  input = "tf-${count.index}"
  provisioner "local-exec" {
    command = "azure network reserved-ip create ip-${self.output} 'West US'"
  }
}
"""
    assert _reserved(text) == ["ip-tf-0", "ip-tf-1"]
