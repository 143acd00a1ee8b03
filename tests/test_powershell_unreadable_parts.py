"""Parts of a PowerShell script the grammar cannot read: they cost time linear in the script however many
there are, a parameter list that lacks commas is refused as PowerShell refuses it (any number of them, one
parameter a line or not), and an unreadable part ends with its own line, where PowerShell ends the
command."""

from __future__ import annotations

import pytest
from growth import assert_linear

from migcheck.model import Deployment
from migcheck.readers import powershell


def _escaped_dash_lines(count: int) -> str:
    return "".join(
        f"New-AzureVMConfig -Name vm{i} -InstanceSize Small -ImageName img "
        f"| New-AzureVM -ServiceName svc{i} `-VNetName vnet1\n"
        for i in range(count)
    )


def _lists_without_commas(count: int) -> str:
    return "".join(f"function f{i} {{ param($a{i} $b{i} $c{i}) Write-Output $a{i} }}\n" for i in range(count))


def _nested_one_line_functions(count: int) -> str:
    return "".join(
        f"function f{i} {{ param($s) function g{i} {{ param($t) New-AzureService -ServiceName $t }} ; g{i} $s }}\n"
        for i in range(count)
    )


# Each shape with a size where a quadratic path outweighs the linear work.
SHAPES = {
    "lines each with an unreadable part": (_escaped_dash_lines, 1500),
    "parameter lists each lacking commas": (_lists_without_commas, 300),
    "one-line functions nested in one-line functions": (_nested_one_line_functions, 1500),
}


@pytest.mark.parametrize("shape", SHAPES)
def test_cost_is_linear_in_the_number_of_unreadable_parts(shape):
    build, size = SHAPES[shape]

    def make(count):
        data = build(count).encode()
        return lambda: powershell.read("deploy.ps1", data)

    assert_linear(make, size)


VM = 'New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img | New-AzureVM -ServiceName svc1 -Location "West US"\n'


@pytest.mark.parametrize(
    "params",
    [
        "param($ServiceName $Location)\n",
        "param($ServiceName $Location $ImageName)\n",
        "param($ServiceName $Location $ImageName $Size)\n",
        "param(\n  $ServiceName\n  $Location\n  $ImageName\n)\n",
        "param(\n  [string]$ServiceName\n  [string]$Location\n  [string]$ImageName\n)\n",
        "param(\n  [string]$ServiceName\n  [string]$Location\n)\n",
        '[CmdletBinding()]\nparam(\n  [Parameter(Mandatory)][string]$ServiceName = "a"\n  [string]$Location\n)\n',
        "function Deploy($ServiceName $Location $ImageName) { }\n",
    ],
)
def test_a_parameter_list_lacking_commas_is_refused(params):
    document = powershell.read("deploy.ps1", (params + VM).encode())
    assert document.problem is not None
    assert "no comma between the parameters $ServiceName and $Location" in document.problem.message
    assert not document.resources


def test_the_first_place_lacking_a_comma_is_named():
    document = powershell.read("deploy.ps1", ("param($ServiceName, $Location $ImageName)\n" + VM).encode())
    assert document.problem is not None
    assert "no comma between the parameters $Location and $ImageName" in document.problem.message
    assert "(line 1, column 31)" in document.problem.message


def test_the_fix_counts_every_place_lacking_a_comma():
    document = powershell.read(
        "deploy.ps1", ("param($ServiceName $Location $ImageName $Size)\n" + VM).encode()
    )
    assert document.problem is not None
    assert "at the 2 other places where the list lacks one" in document.problem.fix


@pytest.mark.parametrize(
    "params",
    [
        "param($ServiceName, $Location, $ImageName)\n",
        "param(\n  [string]$ServiceName,\n  [string]$Location,\n  [string]$ImageName\n)\n",
    ],
)
def test_a_parameter_list_with_its_commas_is_read(params):
    document = powershell.read("deploy.ps1", (params + VM).encode())
    assert document.problem is None
    assert [r.name for r in document.resources if isinstance(r, Deployment)] == ["svc1"]


ESCAPED_DASH = (
    "New-AzureVMConfig -Name {vm} -InstanceSize Small -ImageName img "
    "| New-AzureVM -ServiceName {service} `-VNetName vnet1\n"
)
# The same line as its author meant it: the call PowerShell runs, after one it refuses.
WRITTEN = ESCAPED_DASH.replace("`-", "-")


def _script(document):
    return next(r for r in document.resources if type(r).__name__ == "Script")


@pytest.mark.parametrize("between", ["", "\n"])
def test_each_line_s_unreadable_part_ends_with_its_line(between):
    text = (
        ESCAPED_DASH.format(vm="vm1", service="svc1")
        + between
        + ESCAPED_DASH.format(vm="vm2", service="svc2")
        + WRITTEN.format(vm="vm3", service="svc3")
    )
    document = powershell.read("deploy.ps1", text.encode())
    deployments = {r.name: r for r in document.resources if isinstance(r, Deployment)}
    # New-AzureVM refuses the calls given `-VNetName by position; the next line's call is its own
    assert {name: [role.name for role in d.roles] for name, d in deployments.items()} == {"svc3": ["vm3"]}
    assert deployments["svc3"].network_known
    assert [(m.line, m.column) for m in _script(document).unread] == [(1, 96), (2 + len(between), 96)]


def test_a_single_line_s_unreadable_part_is_where_it_is_written():
    document = powershell.read("deploy.ps1", ESCAPED_DASH.format(vm="vm1", service="svc1").encode())
    assert [r for r in document.resources if isinstance(r, Deployment)] == []
    assert [(m.line, m.column) for m in _script(document).unread] == [(1, 96)]


def test_many_lines_with_unreadable_parts_each_end_with_their_line():
    text = "".join(
        ESCAPED_DASH.format(vm=f"vm{i}", service=f"svc{i}") + WRITTEN.format(vm=f"vm{i}", service=f"web{i}")
        for i in range(300)
    )
    document = powershell.read("deploy.ps1", text.encode())
    deployments = [r for r in document.resources if isinstance(r, Deployment)]
    assert [d.name for d in deployments] == [f"web{i}" for i in range(300)]
    assert all(len(d.roles) == 1 for d in deployments)
    assert len(_script(document).unread) == 300
