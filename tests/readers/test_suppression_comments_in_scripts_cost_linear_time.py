"""What a script's suppression comments cover costs comments plus statements, never their product: a
script of many commands, each with its own comment before it or at the end of its line, in every script
format, and a PowerShell script on one line of many statements and block comments."""

from __future__ import annotations

import pytest
from growth import assert_linear

from migcheck.readers import read_document

HEADS = {
    "s.sh": "#!/bin/bash\nazure config mode asm\nazure vm list\n",
    "s.ps1": "Get-AzureVM -ServiceName svc\n",
    "s.py": "from azure.servicemanagement import ServiceManagementService\n"
    "sms = ServiceManagementService('s', 'c.pem')\nsms.list_hosted_services()\n",
}
COMMANDS = {"s.sh": "echo {i}", "s.ps1": "Write-Host {i}", "s.py": "x{i} = {i}"}


def _work(name: str, body: str, comments: int):
    data = (HEADS[name] + body).encode()

    def work() -> None:
        document = read_document(name, data, explicit=True)
        assert len(document.suppressions) == comments

    return work


@pytest.mark.parametrize("name", sorted(HEADS))
def test_many_commands_each_after_its_own_comment(name):
    def make(n: int):
        command = COMMANDS[name]
        body = "".join(f"# migcheck: ignore[MIG202] r{i}\n{command.format(i=i)}\n" for i in range(n))
        return _work(name, body, n)

    assert_linear(make, 2000)


@pytest.mark.parametrize("name", sorted(HEADS))
def test_many_commands_each_with_a_comment_at_the_end_of_its_line(name):
    def make(n: int):
        command = COMMANDS[name]
        body = "".join(f"{command.format(i=i)}  # migcheck: ignore[MIG202] r{i}\n" for i in range(n))
        return _work(name, body, n)

    assert_linear(make, 2000)


def test_a_powershell_line_of_many_statements_and_block_comments():
    def make(n: int):
        body = "".join(f"Write-Host {i}; <# migcheck: ignore[MIG202] r{i} #> " for i in range(n)) + "\n"
        return _work("s.ps1", body, n)

    assert_linear(make, 1000)
