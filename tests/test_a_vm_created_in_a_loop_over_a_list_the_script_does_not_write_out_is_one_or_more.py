"""A VM a script creates in each turn of a loop over a list it does not write out, named by the loop's item,
stands for one VM per item: an unknown number of them. PowerShell's `foreach ($n in $Names)`, the classic
CLI in a shell's `for x in $LIST`, `while read x` or `for ((i=0; i<N; i++))` (a count it does not state),
and Python's `for n in names` of a parameter are read once, for one description of the VM (`<VM name, deploy.ps1:3>`), which the readiness summary showed as
"shop (1 VM)" and the plan as "VMs <VM name, deploy.ps1:3>". Both now say the count is not known:
"shop (1 or more VMs)", "VMs created in a loop over $Names (<VM name, deploy.ps1:3>, 1 or more)". A VM
named by a value from outside the loop (one name however often the loop runs) is one VM, as before."""

from __future__ import annotations

import pytest
from lint_support import run_cli, script_resources

from migcheck.model import Deployment

POWERSHELL = """\
param([string[]] $Names, [string] $Single)
foreach ($n in $Names) {
    $vm = New-AzureVMConfig -Name {name} -InstanceSize Small -ImageName img
    New-AzureVM -ServiceName shop -Location "North Europe" -VMs $vm
}
"""
SHELL_FOR = """\
SINGLE=$1
for x in $LIST; do
  azure vm create shop img user pass -n {name} -l "North Europe"
done
"""
SHELL_WHILE = """\
SINGLE=$1
while read x; do
  azure vm create shop img user pass -n {name} -l "North Europe"
done < names.txt
"""
SHELL_COUNTED = """\
SINGLE=$1
for ((i=0; i<N; i++)); do
  azure vm create shop img user pass -n {name} -l "North Europe"
done
"""
PYTHON = """\
import sys
from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk

def create(sms, names, single):
    for n in names:
        sms.create_virtual_machine_deployment('shop', 'shop', 'production', 'shop', {name},
            LinuxConfigurationSet(n, 'u', 'p'), OSVirtualHardDisk('img', 'http://a.blob.core.windows.net/v/x.vhd'))

create(ServiceManagementService(sys.argv[1], 'c.pem'), sys.argv[2:], sys.argv[1])
"""
CASES = [
    ("deploy.ps1", POWERSHELL, "$n", '"$n-web"', "$Single", "$Names"),
    ("deploy.sh", SHELL_FOR, '"$x"', '"$x-web"', '"$SINGLE"', "$LIST"),
    ("deploy.sh", SHELL_WHILE, '"$x"', '"$x-web"', '"$SINGLE"', "the turns of `while read x`"),
    ("deploy.sh", SHELL_COUNTED, '"$i"', '"web$i"', '"$SINGLE"', "the turns of `for ((i=0; i<N; i++))`"),
    ("deploy.py", PYTHON, "n", "f'{n}-web'", "single", "names"),
]


def _looped(text: str, path: str) -> list[str]:
    return [r.looped_over for d in script_resources(text, path) if isinstance(d, Deployment) for r in d.roles]


@pytest.mark.parametrize(("path", "script", "item", "built", "outside", "listed"), CASES)
def test_a_vm_named_by_the_item_of_a_loop_over_an_unwritten_list_stands_for_each_item(
    path: str, script: str, item: str, built: str, outside: str, listed: str
) -> None:
    assert _looped(script.replace("{name}", item), path) == [listed]
    assert _looped(script.replace("{name}", built), path) == [listed]


@pytest.mark.parametrize(("path", "script", "item", "built", "outside", "listed"), CASES)
def test_a_vm_named_by_a_value_from_outside_the_loop_is_one_vm(
    path: str, script: str, item: str, built: str, outside: str, listed: str
) -> None:
    assert _looped(script.replace("{name}", outside), path) == [""]


def test_the_summary_and_the_plan_say_the_loop_makes_one_or_more_vms(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "deploy.ps1").write_text(POWERSHELL.replace("{name}", "$n"))
    _, out, _ = run_cli(capsys, "check", ".")
    assert "shop (1 or more VMs)" in out
    _, out, _ = run_cli(capsys, "plan", ".")
    assert "VMs created in a loop over $Names (<VM name, deploy.ps1:3>, 1 or more)" in out


def test_the_summary_counts_a_vm_named_outside_the_loop_as_one(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "deploy.ps1").write_text(POWERSHELL.replace("{name}", "$Single"))
    _, out, _ = run_cli(capsys, "check", ".")
    assert "shop (1 VM)" in out
    _, out, _ = run_cli(capsys, "plan", ".")
    assert "VMs <VM name, deploy.ps1:3>" in out and "created in a loop" not in out


RANGE = """\
import sys
from azure.servicemanagement import ServiceManagementService


def get_vm_name(prefix, i):
    return prefix + '-' + str(i)


sms = ServiceManagementService('sub', 'cert.pem')
for i in range({count}):
    vm_name = {name}
    if i == 0:
        sms.create_virtual_machine_deployment('shop', deployment_name='shop', deployment_slot='production',
            label=vm_name, role_name=vm_name, system_config=None, os_virtual_hard_disk=None, role_size='Small')
    else:
        sms.add_role('shop', deployment_name='shop', role_name=vm_name, system_config=None,
            os_virtual_hard_disk=None, role_size='Small')
"""


def test_a_range_of_unknown_length_creating_the_deployment_then_adding_vms_is_one_or_more(
    tmp_path, monkeypatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    script = RANGE.format(count="int(sys.argv[2])", name="get_vm_name(sys.argv[1], i)")
    (tmp_path / "cluster.py").write_text(script)
    assert _looped(script, "cluster.py") == ["range(int(sys.argv[2]))"] * 2
    _, out, _ = run_cli(capsys, "check", ".")
    assert "shop (1 or more VMs)" in out
    _, out, _ = run_cli(capsys, "plan", ".")
    assert (
        "VMs created in a loop over range(int(sys.argv[2])) (<VM name, cluster.py:14>, <VM name, cluster.py:16>,"
        " 1 or more)"
    ) in out


@pytest.mark.parametrize(
    ("count", "name", "looped", "shown"),
    [
        # Near miss: a range the script writes out is read turn by turn, one VM a turn.
        ("3", "get_vm_name(sys.argv[1], i)", ["", "", ""], "shop (3 VMs)"),
        # Near miss: a name bound in the loop from nothing of its item is no VM per item (the reader keeps the
        # VMs of the two calls apart, as outside a loop).
        ("int(sys.argv[2])", "sys.argv[1]", ["", ""], "shop (2 VMs)"),
    ],
)
def test_a_range_written_out_or_a_name_not_from_its_item_is_counted(
    tmp_path, monkeypatch, capsys, count, name, looped, shown
) -> None:
    monkeypatch.chdir(tmp_path)
    script = RANGE.format(count=count, name=name)
    (tmp_path / "cluster.py").write_text(script)
    assert _looped(script, "cluster.py") == looped
    _, out, _ = run_cli(capsys, "check", ".")
    assert shown in out
