"""PowerShell 4's `ForEach` method of a collection (`(Get-AzureAccount).ForEach({ … })`,
`$names.ForEach({ … })`) runs its script block once per item, as `$names | ForEach-Object { … }` does: the
statement is read, and so is every statement after it, where the rest of the script was one part the parser
could not read and a lab script's cloud service, VMs and disks never reached the plan."""

from __future__ import annotations

import pytest
from growth import assert_linear
from lint_support import script_resources, unread_marks

from migcheck.model import Deployment, ServiceRegion
from migcheck.readers import powershell

ACCOUNTS_REMOVED = (
    "(Get-AzureAccount).ForEach({ Remove-AzureAccount -Name $PSItem.Id -Force; });\n"
    "New-AzureService -ServiceName svc1 -Location 'West US'\n"
)


def _read(text: str) -> tuple[object, ...]:
    return script_resources(text, "lab.ps1")


def _services(resources: tuple[object, ...]) -> list[str]:
    return [r.service for r in resources if isinstance(r, ServiceRegion)]


def test_the_script_after_a_foreach_method_is_read():
    resources = _read(ACCOUNTS_REMOVED)
    assert unread_marks(resources) == []
    assert _services(resources) == ["svc1"]


@pytest.mark.parametrize(
    "loop",
    [
        "$names.ForEach({ New-AzureService -ServiceName $_ -Location 'West US' })",
        "$names.foreach({ New-AzureService -ServiceName $PSItem -Location 'West US' }) | Out-Null",
        "$names | ForEach-Object { New-AzureService -ServiceName $_ -Location 'West US' }",
    ],
)
def test_the_block_runs_once_per_item_as_foreach_object_runs_it(loop):
    resources = _read("$names = 'svc1', 'svc2'\n" + loop + "\n")
    assert unread_marks(resources) == []
    assert _services(resources) == ["svc1", "svc2"]


def test_what_the_block_outputs_is_the_value_of_the_call():
    resources = _read(
        "$vms = @('vm1', 'vm2').ForEach({ New-AzureVMConfig -Name $_ -InstanceSize Small -ImageName img })\n"
        "New-AzureVM -ServiceName svc1 -Location 'West US' -VMs $vms\n"
    )
    deployments = [r for r in resources if isinstance(r, Deployment)]
    assert [[role.name for role in d.roles] for d in deployments] == [["vm1", "vm2"]]


def test_foreach_written_in_a_string_or_a_comment_is_left_as_written():
    resources = _read(
        "# then $list.ForEach({ … }) of each\n"
        "$names = @('svc1').ForEach({ $_ })\n"
        "New-AzureService -ServiceName 'svc.foreach(2' -Location 'West US'\n"
    )
    assert unread_marks(resources) == []
    assert _services(resources) == ["svc.foreach(2"]


def test_cost_is_linear_in_the_number_of_foreach_methods():
    def make(count):
        data = "".join(f"$x{i} = $a.ForEach({{ Get-Thing a{i} }})\n" for i in range(count)).encode()
        return lambda: powershell.read("lab.ps1", data)

    assert_linear(make, 1500)
