"""Affinity groups exist only in the classic Service Management API: a script that creates or changes one
uses classic automation (MIG601) in every format, the classic CLI's `account affinity-group` commands
included (the rest of its `account` group is the CLI's session, not a classic resource), and the advice
says what Resource Manager has instead."""

from __future__ import annotations

import pytest
from lint_support import lint_files

SCRIPTS = {
    "ag.sh": "#!/bin/bash\nazure account affinity-group create --location 'West US' --label myag myag\n",
    "ag.ps1": "New-AzureAffinityGroup -Name myag -Location 'West US'\n",
    "ag.py": (
        "from azure.servicemanagement import ServiceManagementService\n"
        "sms = ServiceManagementService('sub', 'cert.pem')\n"
        "sms.create_affinity_group('myag', 'myag', 'West US')\n"
    ),
}


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_a_script_that_creates_an_affinity_group_is_classic_automation(tmp_path, monkeypatch, name) -> None:
    (finding,) = lint_files(tmp_path, monkeypatch, {name: SCRIPTS[name]}, "MIG601", dedent=False).findings
    assert finding.location is not None and finding.location.path == name
    assert "affinity" in finding.message.casefold()
    assert "Resource Manager has no affinity groups" in finding.fix


def test_the_classic_cli_s_session_commands_are_not_classic_automation(tmp_path, monkeypatch) -> None:
    script = "#!/bin/bash\nazure account list\nazure account set mysub\nazure account affinity-group list\n"
    (finding,) = lint_files(tmp_path, monkeypatch, {"s.sh": script}, "MIG601", dedent=False).findings
    assert "azure account affinity-group list" in finding.message
    assert "azure account list" not in finding.message and "azure account set" not in finding.message
