"""A member of a value the script does not state (`$cfg.Service` of a settings object read from a file,
or of a parameter) given to New-AzureVM twice names one cloud service: the script never sets that member,
so both calls add VMs to one deployment, not one each. A script that sets it, or adds members with a
command that may replace one, leaves them apart."""

from __future__ import annotations

import pytest

from migcheck.model import Deployment
from migcheck.readers import read_document

SCRIPT = """\
{source}
$vm1 = New-AzureVMConfig -Name vm0 -InstanceSize Small -ImageName img
New-AzureVM -ServiceName $cfg.Service -VMs $vm1 -Location "West US"
{between}
$vm2 = New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img
New-AzureVM -ServiceName $cfg.Service -VMs $vm2
"""


def _deployments(source: str, between: str = "") -> list[Deployment]:
    text = SCRIPT.format(source=source, between=between)
    document = read_document("deploy.ps1", text.encode(), explicit=True)
    assert document is not None
    return [r for r in document.resources if isinstance(r, Deployment)]


@pytest.mark.parametrize(
    "source", ["", "param($cfg)", "$cfg = Get-Content settings.json -Raw | ConvertFrom-Json"]
)
def test_a_member_read_twice_names_one_deployment(source: str):
    (deployment,) = _deployments(source)
    assert sorted(vm.name for vm in deployment.roles) == ["vm0", "vm1"]


@pytest.mark.parametrize(
    "between",
    [
        '$cfg.Service = "other"',
        '$other.Service = "x"',  # near miss: a member of that name set on any object may be this one
        "$cfg | Add-Member -NotePropertyName Service -NotePropertyValue x -Force",
        "$cfg = Get-Content other.json -Raw | ConvertFrom-Json",
    ],
)
def test_a_member_the_script_may_change_leaves_the_calls_apart(between: str):
    source = "$cfg = Get-Content settings.json -Raw | ConvertFrom-Json"
    assert len(_deployments(source, between)) == 2


def test_members_of_two_values_stay_apart():
    text = SCRIPT.format(source="param($cfg, $other)", between="").replace(
        "-ServiceName $cfg.Service -VMs $vm2", "-ServiceName $other.Service -VMs $vm2"
    )
    document = read_document("deploy.ps1", text.encode(), explicit=True)
    assert document is not None
    assert len([r for r in document.resources if isinstance(r, Deployment)]) == 2
