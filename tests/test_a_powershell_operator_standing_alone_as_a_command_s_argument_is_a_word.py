"""An operator's character standing alone among a command's arguments (`Write-Output !`, `Write-Host -`)
is a word, as PowerShell's parser takes any operator's token there: the line after it is a statement of its
own. The grammar read it as an operator and took the next line for its value, so the VM created there was
not read (nor anything after it), or the variable assigned there was never set."""

from __future__ import annotations

import pytest

from migcheck.model import Deployment
from migcheck.readers import powershell

CONFIG = "$vm = New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img\n"
VM = 'New-AzureVM -ServiceName {} -VMs $vm -Location "West US"\n'


def _deployments(text: str) -> list[str]:
    document = powershell.read("deploy.ps1", text.encode())
    assert document.problem is None
    return [r.name for r in document.resources if isinstance(r, Deployment)]


@pytest.mark.parametrize("operator", ["!", "-", "+"])
def test_the_command_on_the_line_after_it_is_read(operator):
    assert _deployments(CONFIG + f"Write-Output {operator}\n" + VM.format("svc1")) == ["svc1"]


@pytest.mark.parametrize("after", [" ", "\r\n"])
def test_a_variable_assigned_on_the_line_after_it_is_set(after):
    text = CONFIG + f'Write-Host "deploying" !{after}\n$svc = "svc2"\n' + VM.format("$svc")
    assert _deployments(text) == ["svc2"]


def test_one_glued_to_a_word_stays_one_word():
    assert _deployments(CONFIG + "Write-Output !done\n" + VM.format("svc3")) == ["svc3"]
