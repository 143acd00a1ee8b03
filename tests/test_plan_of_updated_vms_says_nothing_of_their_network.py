"""A change to a VM that exists (`Get-AzureVM | ... | Update-AzureVM`, Python's `update_role`) leaves its
subnets as they were: the files say nothing of its network. The plan's step for its cloud service says
the service may be in any network, or in none, not that it is in a network without subnets or in none,
which it says only of VMs the files create without subnets."""

from __future__ import annotations

import pytest

from migcheck.cli import main

POWERSHELL = (
    "Get-AzureVM -ServiceName 'svc' -Name 'vm1' | Set-AzurePublicIP -PublicIPName 'ip' | Update-AzureVM\n"
)
PYTHON = """\
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService('sub', 'cert.pem')
sms.update_role('svc', 'svc', 'vm1', role_size='Large')
"""
UNSAID = "The files state neither its virtual network nor its VMs' subnets (they only change VMs that exist)"
NO_SUBNET = "its VMs name no subnet: it is in a network without subnets, or in none"


@pytest.mark.parametrize(("file", "text"), [("update.ps1", POWERSHELL), ("update.py", PYTHON)])
def test_an_update_says_nothing_of_the_network(tmp_path, monkeypatch, capsys, file, text):
    monkeypatch.chdir(tmp_path)
    (tmp_path / file).write_text(text, encoding="utf-8")
    assert main(["plan", "."]) == 0
    plan = capsys.readouterr().out
    assert UNSAID in plan and NO_SUBNET not in plan


def test_a_vm_created_without_subnets_is_in_a_network_without_subnets_or_in_none(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    script = "New-AzureQuickVM -Windows -ServiceName 'svc' -Name 'vm1' -ImageName 'img' -Password 'p' -Location 'West US'\n"
    (tmp_path / "create.ps1").write_text(script, encoding="utf-8")
    assert main(["plan", "."]) == 0
    assert UNSAID not in capsys.readouterr().out
