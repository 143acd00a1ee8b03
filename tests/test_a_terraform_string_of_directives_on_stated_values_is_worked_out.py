"""A Terraform string of template directives (`%{ if }...%{ else }...%{ endif }`, `%{ for x in list }...
%{ endfor }`) is the text Terraform renders where the module states the condition or the collection: the arm
the condition takes, the body once for each item with its names bound (`for s in`, `for k, v in`), nested
alike, and `~` taking the blanks off the text beside it. On a condition or collection the module does not
state the string stays a value not stated. Such strings were all values not stated; a heredoc's and a
`templatefile` template's directives are read alike, and a `local-exec` command of directives runs what they
render, nothing where it is not stated."""

from __future__ import annotations

import pytest
from growth import assert_linear
from lint_support import script_resources

from migcheck.model import Deployment

VARIABLES = """\
variable "env" { default = "prod" }
variable "roles" { default = ["web", "api"] }
variable "tags" { default = { a = "1", b = "2" } }
variable "unset" {}
"""


def _service_name(written: str) -> str:
    vm = (
        f'{VARIABLES}resource "azure_instance" "web" {{\n  name = "web01"\n  hosted_service_name = {written}\n'
        '  image = "x"\n  size = "Basic_A1"\n  location = "West Europe"\n}\n'
    )
    (name,) = [d.service_name for d in script_resources(vm, "main.tf") if isinstance(d, Deployment)]
    return name


@pytest.mark.parametrize(
    ("written", "rendered"),
    [
        ('"shop-%{ if var.env == "prod" }p%{ else }d%{ endif }"', "shop-p"),
        ('"shop-%{ if var.env != "prod" }p%{ else }d%{ endif }"', "shop-d"),
        ('"shop%{ if var.env == "test" }-test%{ endif }"', "shop"),
        ('"%{ for r in var.roles }${r}-%{ endfor }svc"', "web-api-svc"),
        ('"%{ for i, r in ["x", "y"] }${r}${i}%{ endfor }"', "x0y1"),
        ('"%{ for k, v in var.tags }${k}${v}%{ endfor }"', "a1b2"),
        ('"%{ for r in var.roles }%{ if r == "api" }${r}%{ endif }%{ endfor }-svc"', "api-svc"),
        ('"%{ if true ~}   shop   %{~ endif }"', "shop"),
        ('"%{ for r in [] }${r}%{ endfor }shop"', "shop"),
    ],
    ids=["if", "else", "if-no-else", "for", "for-index", "for-map", "nested", "strip", "for-empty"],
)
def test_directives_on_stated_values_are_rendered(written: str, rendered: str) -> None:
    assert _service_name(written) == rendered


@pytest.mark.parametrize(
    "written",
    [
        '"shop-%{ if var.unset == "prod" }p%{ else }d%{ endif }"',
        '"%{ for r in var.unset }${r}%{ endfor }svc"',
        '"%{ for r in var.roles }%{ if var.unset }${r}%{ endif }%{ endfor }"',
    ],
    ids=["if", "for", "if-in-for"],
)
def test_directives_on_a_value_not_stated_stay_not_stated(written: str) -> None:
    assert _service_name(written) == "<cloud service name, main.tf:7:25>"


def _fors(n: int) -> str:
    """A string of `n` directives side by side, each a `for` over two items holding an `if`."""
    directive = '%{ for r in var.roles }%{ if r == "web" }${r}%{ endif }%{ endfor }'
    return f'"{directive * n}"'


def test_a_string_of_many_directives_costs_no_more_than_its_text() -> None:
    assert _service_name(_fors(3)) == "webwebweb"
    assert_linear(lambda n: lambda: _service_name(_fors(n)), 100)


def test_directives_nested_deeper_than_are_worked_out_are_not_stated() -> None:
    nested = "%{ if true }" * 40 + "shop" + "%{ endif }" * 40
    assert _service_name(f'"{nested}"') == "<cloud service name, main.tf:7:25>"
    assert _service_name('"' + "%{ if true }" * 20 + "shop" + "%{ endif }" * 20 + '"') == "shop"


PROVISIONED = """\
variable "ips" {{ default = ["a-ip", "b-ip"] }}
variable "unset" {{}}
resource "azure_hosted_service" "svc" {{
  name     = "shop-svc"
  location = "West Europe"
  provisioner "local-exec" {{
    command = {command}
  }}
}}
"""


@pytest.mark.parametrize(
    ("command", "reserved"),
    [
        (
            "\"%{ for ip in var.ips }azure network reserved-ip create ${ip} 'West Europe'; %{ endfor }\"",
            ["a-ip", "b-ip"],
        ),
        ("\"%{ if true }azure network reserved-ip create a-ip 'West Europe'%{ endif }\"", ["a-ip"]),
        ("\"%{ if false }azure network reserved-ip create a-ip 'West Europe'%{ endif }\"", []),
        ("\"%{ if var.unset }azure network reserved-ip create a-ip 'West Europe'%{ endif }\"", []),
        (
            "<<-EOT\n    %{ for ip in var.ips ~}\n    azure network reserved-ip create ${ip} 'West Europe'\n    %{ endfor ~}\n    EOT",
            ["a-ip", "b-ip"],
        ),
    ],
    ids=["for", "if-true", "if-false", "if-not-stated", "heredoc-for"],
)
def test_a_provisioner_command_of_directives_runs_what_they_render(command: str, reserved: list[str]) -> None:
    """Its text between directives whose condition is false or not stated ran all the same."""
    text = PROVISIONED.format(command=command)
    made = sorted(r.name for r in script_resources(text, "main.tf") if type(r).__name__ == "ReservedIp")
    assert made == reserved
