"""An operator written with an en dash, an em dash or a horizontal bar for its dash (`$_.Label -like
"*Windows*"`, `-eq`, `-and`, each `-` one of those), as a script copied from a web page writes it, is the
operator PowerShell reads there: the script is read on, where the parser dropped the rest of it (the VM it
then creates, its cloud service). A part the parser cannot read is reported where its code starts, past the
comment lines that open the script."""

from __future__ import annotations

import pytest
from growth import assert_linear
from lint_support import script_resources, unread_marks

from migcheck.model import Deployment
from migcheck.readers import read_document

DASHES = ["\u2013", "\u2014", "\u2015"]
CREATE = (
    "$c = New-AzureVMConfig -Name {vm} -InstanceSize Small -ImageName $VMImage\n"
    "$c | Add-AzureProvisioningConfig -Windows -AdminUsername u -Password p | New-AzureVM -ServiceName {svc}\n"
)


def _vms(resources: tuple[object, ...]) -> dict[str, list[str]]:
    """The VMs of each cloud service the script creates."""
    return {r.name: [role.name for role in r.roles] for r in resources if isinstance(r, Deployment)}


@pytest.mark.parametrize("dash", DASHES)
@pytest.mark.parametrize(
    "where",
    [
        "{ $_.Label {dash}like '*Windows 10*' } | Sort-Object LogicalSizeInGB",
        '{ $_.Label -like "*W*" {dash}and $_.OS {dash}eq "Windows" }',
        '{ $_.Label {dash}like "*W*" {dash}and $_.OS {dash}eq "Windows" {dash}and $_.Size {dash}gt 10 }',
        '{ {dash}not ($_.Label {dash}match "Preview") }',
    ],
)
def test_the_vm_of_an_image_picked_with_a_dashed_operator_is_read(dash: str, where: str) -> None:
    script = (
        "# create a VM\n"
        f"$VMImage = (Get-AzureVMImage | Where {where.replace('{dash}', dash)})[-1].ImageName\n"
        "$VMName = 'vmF'\n" + CREATE.format(vm="$VMName", svc="svcF")
    )
    resources = script_resources(script, "f.ps1")
    assert unread_marks(resources) == []
    assert list(_vms(resources).values()) == [["vmF"]]


def test_the_statements_after_a_comment_and_a_dashed_operator_are_read() -> None:
    script = (
        "$y = 1\n"
        "# create\n"
        '$VMImage = (Get-AzureVMImage | Where { $_.Label \u2013like "*W*" })[-1].ImageName\n'
        + CREATE.format(vm="vmH", svc="svcH")
    )
    resources = script_resources(script, "h.ps1")
    assert unread_marks(resources) == []
    assert list(_vms(resources).values()) == [["vmH"]]


@pytest.mark.parametrize(("test", "vm"), [('"web" \u2013eq "web"', "vmA"), ('"web" \u2013like "db*"', "vmB")])
def test_a_dashed_comparison_picks_the_branch_powershell_runs(test: str, vm: str) -> None:
    script = f'$VMImage = "img"\n$name = if ({test}) {{ "vmA" }} else {{ "vmB" }}\n' + CREATE.format(
        vm="$name", svc="svc"
    )
    assert list(_vms(script_resources(script, "a.ps1")).values()) == [[vm]]


def test_a_dash_in_a_string_stays_as_written() -> None:
    script = (
        '$VMImage = (Get-AzureVMImage | Where { $_.Label \u2013like "*W*" })[-1].ImageName\n'
        + CREATE.format(vm='"web\u2013a"', svc="svc")
    )
    assert list(_vms(script_resources(script, "a.ps1")).values()) == [["web\u2013a"]]


def test_a_part_not_read_after_the_opening_comments_is_reported_where_its_code_starts() -> None:
    script = (
        "# create a VM\n"
        "$VMImage = (Get-AzureVMImage | Where { $_.Label ~like '*Windows 10*' } | Sort-Object LogicalSizeInGB)[-1].ImageName\n"
        "$VMName = 'vmF'\n" + CREATE.format(vm="$VMName", svc="svcF")
    )
    assert unread_marks(script_resources(script, "f.ps1")) == [(2, 1)]


def test_a_script_of_many_dashed_operators_is_read_in_time_linear_in_its_size() -> None:
    line = '$x = (Get-AzureVM | Where { $_.Name \u2013like "a*" \u2013and $_.Status \u2013eq "x" })\n'

    def make(copies: int):
        data = (line * copies).encode()
        return lambda: read_document("s.ps1", data, explicit=True)

    assert_linear(make, 200)
