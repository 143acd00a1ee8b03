"""PowerShell 7 continues a pipeline on the next line when that line starts with the pipe
(`New-AzureVMConfig -Name db1 …`, then `| Set-AzureSubnet …`, then `| New-AzureVM …`). Each such line was
read as a pipeline of its own: the VM config went nowhere, and the New-AzureVM line created a VM of a name
not known (`<VM name, a.ps1:3>`), beside the VM of the name when a later line added it again."""

from __future__ import annotations

import pytest
from growth import assert_linear
from lint_support import lint_files, script_resources, unread_marks

from migcheck.plan import StepKind, build_plan
from migcheck.readers import read_document

LEADING_PIPES = """\
New-AzureVMConfig -Name 'db1' -InstanceSize A7 -ImageName 'img'
| Set-AzureSubnet -SubnetNames 'Subnet-1'
| New-AzureVM -ServiceName 'db-svc' -VNetName 'prod'
"""


def vms(result) -> dict[str, list[tuple[str, ...]]]:
    """The VMs of each cloud service the plan moves, by step name (not the storage accounts of their disks)."""
    steps = build_plan(result).steps
    return {
        step.name: [member.vms for member in step.members]
        for step in steps
        if step.kind is not StepKind.STORAGE
    }


@pytest.mark.parametrize("line_end", ["\n", "\r\n", "  \n"])
def test_the_vm_of_the_first_line_is_the_one_created(tmp_path, monkeypatch, line_end):
    text = LEADING_PIPES.replace("\n", line_end)
    result = lint_files(tmp_path, monkeypatch, {"a.ps1": text}, dedent=False)
    assert vms(result) == {"prod": [("db1",)]}


def test_a_vm_added_again_later_is_one_vm(tmp_path, monkeypatch):
    """The same VM config given again to a second New-AzureVM of the same service was counted twice."""
    text = (
        "$db = New-AzureVMConfig -Name 'db1' -InstanceSize A7 -ImageName 'img'\n"
        "| Set-AzureSubnet -SubnetNames 'Subnet-1'\n"
        "New-AzureVM -ServiceName 'db-svc' -VNetName 'prod' -VMs $db\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"a.ps1": text}, dedent=False)
    assert vms(result) == {"prod": [("db1",)]}


def test_the_lines_keep_their_positions(tmp_path, monkeypatch):
    """MIG202 of a second subnet points at it on the second line, as written."""
    text = LEADING_PIPES.replace("'Subnet-1'", "'Subnet-1', 'Back'")
    result = lint_files(tmp_path, monkeypatch, {"a.ps1": text}, "MIG202", dedent=False)
    assert [(f.code, f.location.line, f.location.column) for f in result.findings if f.location] == [
        ("MIG202", 2, 44)
    ]
    assert unread_marks(script_resources(text, "a.ps1")) == []


def test_a_script_of_many_such_pipelines_costs_time_linear_in_its_size():
    def make(copies: int):
        data = (LEADING_PIPES * copies).encode()
        return lambda: read_document("s.ps1", data, explicit=True)

    assert_linear(make, 200)


@pytest.mark.parametrize("line_end", ["\n", "\r\n", "  \n"])
def test_a_comment_line_inside_the_chain_keeps_the_piped_line_after_it(tmp_path, monkeypatch, line_end):
    """PowerShell reads past a line that is a comment alone to the pipe that starts the line after it: the
    piped line was dropped, and the VM config went nowhere."""
    text = (
        "New-AzureVMConfig -Name 'db1' -InstanceSize A7 -ImageName 'img'\n"
        "# the subnet it runs in\n"
        "| Set-AzureSubnet -SubnetNames 'Subnet-1', 'Back'\n"
        "    <# then its service #>\n"
        "    | New-AzureVM -ServiceName 'db-svc' -VNetName 'prod'\n"
    ).replace("\n", line_end)
    result = lint_files(tmp_path, monkeypatch, {"a.ps1": text}, "MIG202", dedent=False)
    assert vms(result) == {"prod": [("db1",)]}
    assert [(f.code, f.location.line, f.location.column) for f in result.findings if f.location] == [
        ("MIG202", 3, 44)
    ]
    assert unread_marks(script_resources(text, "a.ps1")) == []
