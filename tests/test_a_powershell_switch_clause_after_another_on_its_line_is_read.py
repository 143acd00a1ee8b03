"""A `switch` clause written after another on the same line (`{ 'web' { … } default { … } }`) is read as
PowerShell reads clauses one a line, where the grammar took a bare condition (`default`, `web`) after a
block on its line for an error and neither clause was read: the VM the default clause creates was missed."""

from __future__ import annotations

import pytest

from migcheck.model import Deployment
from migcheck.readers import powershell

CONFIG = "$vm = New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img\n"


def _vm(service: str) -> str:
    return f'{{ New-AzureVM -ServiceName {service} -VMs $vm -Location "West US" }}'


def _deployments(text: str) -> list[str]:
    document = powershell.read("deploy.ps1", (CONFIG + text).encode())
    assert document.problem is None
    return sorted(r.name for r in document.resources if isinstance(r, Deployment))


def test_the_default_clause_runs_where_no_other_matches():
    text = f'switch -Regex -CaseSensitive ("WebFront") {{ "^web" {_vm("svc1")} default {_vm("svc2")} }}\n'
    assert _deployments(text) == ["svc2"]


@pytest.mark.parametrize("blanks", [" ", "\t", "   "])
def test_a_bare_condition_after_a_clause_on_its_line_is_compared(blanks):
    text = f'switch ("web") {{ "db" {_vm("svc1")}{blanks}web {_vm("svc2")} }}\n'
    assert _deployments(text) == ["svc2"]
