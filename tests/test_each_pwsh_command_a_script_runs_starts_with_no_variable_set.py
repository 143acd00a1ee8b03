"""Each `pwsh -Command` (`powershell -Command`) a shell script runs is a process of its own, which starts with
no variable set: a value one sets is not known in the next, as PowerShell runs them, where the reader joined
them into one script whose variables they shared. The order of the migration steps across them still holds:
a Prepare in one and a Commit in the next are one migration, in that order."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.model import Deployment, Script

TWO = """#!/bin/bash
pwsh -Command '$svc = "shopsvc"'
pwsh -Command '$vm = New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img"; New-AzureVM -ServiceName $svc -VMs $vm -Location "West Europe"'
"""
ONE = """#!/bin/bash
pwsh -Command '$svc = "shopsvc"; $vm = New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img"; New-AzureVM -ServiceName $svc -VMs $vm -Location "West Europe"'
"""
STEPS = """#!/bin/bash
pwsh -Command 'Move-AzureService -Prepare -ServiceName "websvc" -DeploymentName "websvc" -CreateNewVirtualNetwork'
pwsh -Command 'Move-AzureService -Commit -ServiceName "websvc" -DeploymentName "websvc"'
"""


def _services(tmp_path, monkeypatch, text: str) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, {"move.sh": text}, dedent=False)
    return [
        r.service_name for d in result.documents for r in d.resources if isinstance(r, Deployment) and r.roles
    ]


def test_a_value_set_by_one_process_is_not_known_in_the_next(tmp_path, monkeypatch):
    assert _services(tmp_path, monkeypatch, TWO) == [""]


def test_a_value_set_in_the_same_process_is_known(tmp_path, monkeypatch):
    assert _services(tmp_path, monkeypatch, ONE) == ["shopsvc"]


def test_the_steps_across_processes_keep_their_order(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"move.sh": STEPS}, dedent=False)
    (script,) = [r for d in result.documents for r in d.resources if isinstance(r, Script)]
    assert [(step.step, step.mark.line) for step in script.migration] == [("prepare", 2), ("commit", 3)]
    assert not [f for f in result.findings if f.code == "MIG602"]
