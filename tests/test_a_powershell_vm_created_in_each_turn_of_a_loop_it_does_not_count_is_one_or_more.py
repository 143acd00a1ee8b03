"""A VM a PowerShell script creates in each turn of a loop whose turns it does not count, named by what
changes from turn to turn, stands for one VM per turn: `for ($i = 0; $i -lt $n; $i++)`, `while` and `do`
loops named by their counter, and `ForEach-Object` over a list the script does not write out, named by
`$_` (`1..$n | ForEach-Object { … "web$_" … }`). The readiness summary said "shop (1 VM)" and the plan
"VMs <VM name, deploy.ps1:3>"; both now say the count is not known, as of a `foreach` over such a list:
"shop (1 or more VMs)", "VMs created in a loop over 1..$n (<VM name, deploy.ps1:3>, 1 or more)". A loop of
turns the script counts (`1..3 | ForEach-Object`, `for ($i = 0; $i -lt 3; $i++)`, and `$i = 0` then a `while`
or `do` whose body steps `$i` by a constant up to 3) makes that many VMs, each named by its turn, and a VM named
by a value from outside the loop is one VM."""

from __future__ import annotations

import pytest
from lint_support import run_cli, script_resources

from migcheck.model import Deployment

CREATE = 'New-AzureVMConfig -Name {name} -InstanceSize Small -ImageName img | New-AzureVM -ServiceName shop -Location "North Europe"'
LOOPS = {
    "for": (
        "for ($i = 0; $i -lt {count}; $i++) {\n    {create}\n}",
        '"web$i"',
        "the turns of `for ($i = 0; $i -lt $n; $i++)`",
    ),
    "while": (
        "$i = 0\nwhile ($i -lt {count}) {\n    {create}\n    $i++\n}",
        '"web$i"',
        "the turns of `while ($i -lt $n)`",
    ),
    "do": ("$i = 0\ndo {\n    {create}\n    $i++\n} while ($i -lt {count})", '"web$i"', "the turns of `do`"),
    "ForEach-Object": ("1..{count} | ForEach-Object {\n    {create}\n}", '"web$_"', "1..$n"),
    "%": ("$Names | % {\n    {create}\n}", '"web$_"', "$Names"),
}


def _script(loop: str, count: str = "$n", name: str = "") -> str:
    written, item, _ = LOOPS[loop]
    create = CREATE.replace("{name}", name or item)
    return "param([int]$n, [string[]]$Names, [string]$Single)\n" + written.replace("{count}", count).replace(
        "{create}", create
    )


def _looped(text: str) -> list[str]:
    return [
        r.looped_over
        for d in script_resources(text, "deploy.ps1")
        if isinstance(d, Deployment)
        for r in d.roles
    ]


@pytest.mark.parametrize("loop", sorted(LOOPS))
def test_a_vm_named_by_what_each_turn_changes_stands_for_each_turn(loop: str) -> None:
    assert _looped(_script(loop)) == [LOOPS[loop][2]]


@pytest.mark.parametrize("loop", sorted(LOOPS))
def test_a_vm_named_by_a_value_from_outside_the_loop_is_one_vm(loop: str) -> None:
    assert _looped(_script(loop, name="$Single")) == [""]


@pytest.mark.parametrize("loop", ["for", "ForEach-Object", "while", "do"])
def test_a_loop_of_turns_the_script_counts_makes_that_many_vms(loop: str) -> None:
    roles = [
        r
        for d in script_resources(_script(loop, "3"), "deploy.ps1")
        if isinstance(d, Deployment)
        for r in d.roles
    ]
    assert len(roles) == 3 and all(not r.looped_over for r in roles)


COUNTED = {
    "a while stepping by two": "$i = 0\nwhile ($i -lt 6) {\n    {create}\n    $i += 2\n}",
    "a do until": "$i = 0\ndo {\n    {create}\n    $i++\n} until ($i -ge 3)",
    "a while counting down": "$i = 3\nwhile ($i -gt 0) {\n    $i -= 1\n    {create}\n}",
}


@pytest.mark.parametrize(
    ("loop", "names"),
    [
        ("a while stepping by two", ["web0", "web2", "web4"]),
        ("a do until", ["web0", "web1", "web2"]),
        ("a while counting down", ["web2", "web1", "web0"]),
    ],
)
def test_each_turn_of_a_counted_while_or_do_names_its_vm(loop: str, names: list[str]) -> None:
    text = COUNTED[loop].replace("{create}", CREATE.replace("{name}", '"web$i"'))
    roles = [r for d in script_resources(text, "deploy.ps1") if isinstance(d, Deployment) for r in d.roles]
    assert [r.name for r in roles] == names


@pytest.mark.parametrize(
    "text",
    [
        "$i = 0\nwhile ($i -lt 3) {\n    {create}\n    if ($x) { $i++ }\n}",
        "$i = 0\nwhile ($i -lt 3) {\n    {create}\n    $i++\n    $i++\n}",
        "for ($i = 0; $i -lt 3; $i++) {\n    {create}\n    $i = 7\n}",
    ],
    ids=["stepped in an if", "stepped twice", "a for whose body sets its counter"],
)
def test_a_loop_whose_counter_does_not_only_step_by_a_constant_is_not_counted(text: str) -> None:
    text = text.replace("{create}", CREATE.replace("{name}", '"web$i"'))
    assert [
        r.looped_over
        for d in script_resources(text, "deploy.ps1")
        if isinstance(d, Deployment)
        for r in d.roles
    ] == [f"the turns of `{text.splitlines()[1 if text.startswith('$') else 0].rstrip(' {')}`"]


def test_the_summary_and_the_plan_say_the_loop_makes_one_or_more_vms(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "deploy.ps1").write_text(_script("ForEach-Object"))
    _, out, _ = run_cli(capsys, "check", ".")
    assert "shop (1 or more VMs)" in out
    _, out, _ = run_cli(capsys, "plan", ".")
    assert "VMs created in a loop over 1..$n (<VM name, deploy.ps1:3>, 1 or more)" in out


ROWS = """\
$vmList = Import-Csv .\\virtualMachines.csv
foreach ($vm in {listed}) {
    New-AzureQuickVM -Windows -ServiceName shop -Name {name} -ImageName img -AdminUsername ops -Password $vm.vmPassword
}
"""


@pytest.mark.parametrize("listed", ["$vmList", "(Import-Csv .\\virtualMachines.csv)"])
@pytest.mark.parametrize("name", ["$vm.vmName", '"$($vm.Prefix)-web"', "$vm.Spec.Name"])
def test_a_vm_named_by_a_column_of_each_row_stands_for_each_row(listed: str, name: str) -> None:
    """`foreach ($vm in $vmList) { New-AzureQuickVM -Name $vm.vmName … }` over the rows of a CSV the files do
    not hold: one VM per row, as one named by the loop's variable itself, where it was "shop (1 VM)"."""
    text = ROWS.replace("{listed}", listed).replace("{name}", name)
    assert _looped(text) == [listed]
