"""A PowerShell script that builds one VM configuration per turn of a loop it does not count and creates
them after the loop (`for ($vm = 1; $vm -le $numVMs; $vm++) { $vmName = "$($base)$([String]::Format(
"{0:000}", $vm))"; …; $vmConfigs += ,$vmConfig }` then `New-AzureVM -VMs $vmConfigs`) creates one VM per
turn: the readiness summary says "1 or more VMs", as of a `foreach` over a list the files do not hold, where
it said "1 VM" and the storage account "1 disk". The array may be added to as `+= ,$vm` or `+= @($vm)`, the
name may be the counter formatted (`[String]::Format`, `-f` with a format of its own, `.ToString("000")`),
and a `while` or `do` loop may step the counter before the name is made. A loop the script counts makes
each turn's VM under its formatted name."""

from __future__ import annotations

import pytest
from lint_support import run_cli, script_resources

from migcheck.model import Deployment

CONFIG = (
    "$config = New-AzureVMConfig -Name $vmName -InstanceSize Small -ImageName img |\n"
    "        Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password p\n"
)
CREATE = 'New-AzureVM -ServiceName shop -Location "West US" -VMs $configs\n'

ADDED = {
    "a comma": "$configs += ,$config",
    "an array": "$configs += @($config)",
    "plain": "$configs += $config",
}
NAMED = {
    "String.Format": '$vmName = "$($base)$([System.String]::Format("{0:000}", $i))"',
    "the format operator": '$vmName = "{0}{1:000}" -f $base, $i',
    "ToString": '$vmName = "web" + $i.ToString("000")',
    "the counter": '$vmName = "web$i"',
}
LOOPS = {
    "for": "for ($i = 1; $i -le {count}; $i++) {\n{body}}\n",
    "while": "$i = 0\nwhile ($i -lt {count}) {\n    $i++\n{body}}\n",
    "do": "$i = 0\ndo {\n    $i++\n{body}} while ($i -lt {count})\n",
}


def _script(
    loop: str = "for",
    named: str = "String.Format",
    added: str = "a comma",
    count: str = "$n",
    head: str = "param([int]$n, [string]$base)",
) -> str:
    body = f"    {NAMED[named]}\n    {CONFIG}    {ADDED[added]}\n"
    looped = LOOPS[loop].replace("{count}", count).replace("{body}", body)
    return f"{head}\n$configs = @()\n" + looped + CREATE


def _roles(text: str) -> list:
    return [r for d in script_resources(text, "deploy.ps1") if isinstance(d, Deployment) for r in d.roles]


@pytest.mark.parametrize("added", sorted(ADDED))
def test_configurations_collected_in_the_loop_are_one_vm_per_turn(added: str) -> None:
    [role] = _roles(_script(named="the counter", added=added))
    assert role.looped_over == "the turns of `for ($i = 1; $i -le $n; $i++)`"


@pytest.mark.parametrize("named", sorted(NAMED))
@pytest.mark.parametrize("loop", sorted(LOOPS))
def test_a_name_made_of_the_counter_formatted_or_stepped_first_is_one_vm_per_turn(
    loop: str, named: str
) -> None:
    [role] = _roles(_script(loop, named))
    assert role.looped_over.startswith("the turns of `")


@pytest.mark.parametrize("named", ["String.Format", "the format operator", "ToString"])
def test_a_loop_the_script_counts_names_each_vm_by_its_formatted_turn(named: str) -> None:
    text = _script(named=named, count="3", head='$base = "web"')
    assert [r.name for r in _roles(text)] == ["web001", "web002", "web003"]


def test_the_summary_says_one_or_more_vms(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "deploy.ps1").write_text(_script())
    _, out, _ = run_cli(capsys, "check", ".")
    assert "shop (1 or more VMs)" in out


@pytest.mark.parametrize(
    "script",
    [
        _script(),
        'param([string[]]$Names)\nforeach ($n in $Names) {\n    $vmName = "web-$n"\n    '
        + CONFIG.replace("$config =", "$configs =")
        + "    "
        + CREATE
        + "}\n",
    ],
    ids=["collected in a for loop", "created in a foreach"],
)
def test_the_storage_account_of_their_disks_holds_one_or_more(tmp_path, monkeypatch, capsys, script) -> None:
    """The disks New-AzureVM puts in the current storage account are one per VM: 1 or more, where the
    summary and the plan's step said "acct (1 disk)"."""
    monkeypatch.chdir(tmp_path)
    current = "Set-AzureSubscription -SubscriptionName sub -CurrentStorageAccountName acct\n"
    (tmp_path / "deploy.ps1").write_text(current + script)
    _, out, _ = run_cli(capsys, "check", ".")
    assert "acct (1 or more disks)" in out
    _, out, _ = run_cli(capsys, "plan", ".")
    assert "moves: storage account 'acct' (1 or more disks)" in out


@pytest.mark.parametrize(
    "named",
    ['$vmName = "{0}{1:000}" -f $base, $i', '$vmName = $base + $i.ToString("000")'],
    ids=["the format operator", "ToString"],
)
def test_a_counted_loop_s_vm_named_after_a_base_not_stated_is_a_stand_in(named: str) -> None:
    # The base is a parameter no caller states: a turn's name is a stand-in, never the stand-in's text with
    # the turn's digits glued on (`<…>001`), which would reach the plan as a name.
    body = f"    {named}\n    {CONFIG}    $configs += ,$config\n"
    looped = LOOPS["for"].replace("{count}", "2").replace("{body}", body)
    names = [r.name for r in _roles("param([string]$base)\n$configs = @()\n" + looped + CREATE)]
    assert names
    assert all(name.startswith("<VM name, deploy.ps1:") and name.endswith(">") for name in names), names
    assert not any("001" in name or "002" in name for name in names)


def test_each_turn_s_name_formatted_after_a_base_not_stated_is_a_vm_of_its_own() -> None:
    # `"{0}{1:000}" -f $base, $i` is `<base>001` on the first turn and `<base>002` on the second: two VMs,
    # where the name assigned at one place was one value on every turn.
    body = f'    $vmName = "{{0}}{{1:000}}" -f $base, $i\n    {CONFIG}    $configs += ,$config\n'
    looped = LOOPS["for"].replace("{count}", "2").replace("{body}", body)
    names = [r.name for r in _roles("param([string]$base)\n$configs = @()\n" + looped + CREATE)]
    assert names == ["<VM name, deploy.ps1:5>", "<VM name, deploy.ps1:5, 2nd>"]
