"""A Terraform `local-exec` provisioner runs its `command` with its `interpreter` (`["PowerShell",
"-Command"]`, `["python3", "-c"]`), and was read as a shell line whatever that was: a PowerShell command's
classic cmdlets were dropped with nothing said. Its command is read by the reader of its interpreter, each
value the module does not state one the file does not state; an interpreter migcheck does not read (cmd,
perl) is said not read. A program run through `env` (`["/usr/bin/env", "bash", "-c"]`) is the one env
runs, past its options and `NAME=value` words. Terraform 0.11's `when = "create"` runs the provisioner on
create, as no `when` does."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import INTERPRETER_NOT_READ, Deployment, ReservedIp, Script


def _service(interpreter: str, command: str, when: str = "") -> str:
    return f"""\
variable "svc" {{}}
resource "azure_hosted_service" "svc" {{
  name     = "shopsvc"
  location = "West US"
  provisioner "local-exec" {{{when}
    interpreter = {interpreter}
    command     = "{command}"
  }}
}}
"""


POWERSHELL = "New-AzureReservedIP -ReservedIPName shopip -Location 'West US' -ServiceName shopsvc"
CLI = "azure network reserved-ip create shopip 'West US'"


def _reserved(text: str) -> list[tuple[str, str]]:
    return [(r.name, r.service_name) for r in script_resources(text, "main.tf") if isinstance(r, ReservedIp)]


def _calls(text: str) -> list[tuple[str, int, int]]:
    scripts = [r for r in script_resources(text, "main.tf") if isinstance(r, Script)]
    return [(call.name, call.mark.line, call.mark.column) for script in scripts for call in script.calls]


@pytest.mark.parametrize(
    "interpreter",
    [
        '["PowerShell", "-Command"]',
        '["pwsh", "-Command"]',
        '["C:\\\\Windows\\\\powershell.exe"]',
        '["env", "pwsh", "-Command"]',
        '["/usr/bin/env", "-S", "pwsh -NoProfile", "-Command"]',
        '["/usr/bin/env", "-u", "HOME", "PSModulePath=/opt/ps", "pwsh", "-Command"]',
    ],
)
def test_a_powershell_command_is_read_as_powershell(interpreter: str):
    text = _service(interpreter, POWERSHELL)
    assert ("New-AzureReservedIP", 7, 20) in _calls(text)
    assert _reserved(text) == [("shopip", "shopsvc")]


def test_a_value_the_module_does_not_state_is_one_the_powershell_command_does_not_state():
    text = _service('["pwsh", "-Command"]', POWERSHELL.replace("shopsvc", "${var.svc}"))
    resources = script_resources(text, "main.tf")
    (deployment,) = [r for r in resources if isinstance(r, Deployment)]
    assert deployment.reserved_ip is not None and deployment.reserved_ip.name == "shopip"
    assert deployment.service_name == ""  # not stated, where a name `var_svc` would be one


@pytest.mark.parametrize(
    "interpreter",
    [
        '["/bin/bash", "-c"]',
        '["sh", "-c"]',
        '["/usr/bin/env", "bash", "-c"]',
        '["env", "-i", "LANG=C", "bash", "-c"]',
        '["env", "--split-string=bash -e", "-c"]',
    ],
)
def test_a_shell_command_is_read_as_a_shell_line(interpreter: str):
    assert _reserved(_service(interpreter, CLI)) == [("shopip", "")]


def test_a_python_command_is_read_as_python():
    text = _service(
        '["python3", "-c"]', "import os; os.system('azure network reserved-ip create pyip WestUS')"
    )
    assert ("azure network reserved-ip create", 7, 41) in _calls(text)
    assert _reserved(text) == [("pyip", "")]


@pytest.mark.parametrize(
    "interpreter", ['["cmd", "/C"]', '["perl", "-e"]', "var.shell", '["env", "perl", "-e"]', '["env"]']
)
def test_a_command_of_an_interpreter_migcheck_does_not_read_is_said_not_read(interpreter: str):
    resources = script_resources(_service(interpreter, CLI), "main.tf")
    assert not [r for r in resources if isinstance(r, ReservedIp)]
    tags = [(m.line, m.tag) for r in resources if isinstance(r, Script) for m in r.unread]
    assert tags == [(6, INTERPRETER_NOT_READ)]


@pytest.mark.parametrize(
    ("when", "made"), [('"create"', ["shopip"]), ("create", ["shopip"]), ('"destroy"', [])]
)
def test_a_provisioner_run_on_create_is_read_and_one_run_on_destroy_is_not(when: str, made: list[str]):
    text = _service('["pwsh", "-Command"]', POWERSHELL, when=f"\n    when = {when}")
    assert [name for name, _ in _reserved(text)] == made
