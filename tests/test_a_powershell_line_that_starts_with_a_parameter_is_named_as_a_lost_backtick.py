"""A PowerShell command written over two lines whose first line lost its backtick (`New-AzureQuickVM ...`
and, on the next line, `-VNetName ... -SubnetNames ...`) is not a part only migcheck's parser cannot read:
PowerShell ends the command at the first line's end, so the parameters on the next line are not given to
it. `check --verbose`, the JSON reports and SARIF name it as a lost backtick, say what PowerShell does with
it instead of "PowerShell may well run" it, and give the edit; what the command creates is read as
PowerShell runs it, without those parameters."""

from __future__ import annotations

import json

from lint_support import run_cli

from migcheck.model import Mark
from migcheck.report.unread import construct

# In the shape of a real script: the VM's network on a line of its own, the backtick before it lost.
QUICK_VM = (
    'New-AzureQuickVM -Windows -ServiceName "svc3" -Name "vm3" -ImageName "img" -Location "West US" -Password "p"\n'
    '\t-VNetName "vnet3" -SubnetNames "Subnet-1"\n'
)
# A backtick continues the first lines; the one before the last parameter is missing.
CONTINUED = (
    '$vm = New-AzureVMConfig -Name "vm2" -InstanceSize Small -ImageName "img"\n'
    'New-AzureVM -ServiceName "svc2" `\n'
    "    -VMs $vm\n"
    '    -VNetName "vnet2"\n'
)


def _verbose_lines(capsys, tmp_path, monkeypatch, text: str) -> list[str]:
    (tmp_path / "deploy.ps1").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, _, err = run_cli(capsys, "check", "-v", "deploy.ps1")
    return [line for line in err.splitlines() if "cannot read this part" in line]


def test_a_line_starting_with_a_parameter_after_a_line_with_no_backtick_is_named_with_the_edit(
    capsys, tmp_path, monkeypatch
):
    (line,) = _verbose_lines(capsys, tmp_path, monkeypatch, QUICK_VM)
    assert line.startswith("migcheck: deploy.ps1:2:2: migcheck's parser cannot read this part of the script")
    assert (
        "line 1 ends with no backtick, so PowerShell ends its command there and does not give it the parameters "
        "on this line, from -VNetName on"
    ) in line
    assert line.endswith("end line 1 with a backtick (`), as its last character")
    assert "may well run" not in line


def test_the_line_before_may_itself_go_on_from_a_backtick(capsys, tmp_path, monkeypatch):
    (line,) = _verbose_lines(capsys, tmp_path, monkeypatch, CONTINUED)
    assert line.startswith("migcheck: deploy.ps1:4:5: ")
    assert "line 3 ends with no backtick" in line and "from -VNetName on" in line


def test_json_and_sarif_say_it_as_lost_backtick(capsys, tmp_path, monkeypatch):
    (tmp_path / "deploy.ps1").write_text(QUICK_VM, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", "deploy.ps1", "--format", "report-json")
    assert json.loads(out)["unread_parts"] == [
        {"path": "deploy.ps1", "line": 2, "column": 2, "why": "lost-backtick"}
    ]
    _, out, _ = run_cli(capsys, "check", "deploy.ps1", "--format", "sarif")
    notes = json.loads(out)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert [note["properties"] for note in notes] == [{"why": "lost-backtick"}]


def test_the_command_is_read_as_powershell_runs_it_without_the_lost_parameters(capsys, tmp_path, monkeypatch):
    (tmp_path / "deploy.ps1").write_text(QUICK_VM, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", "deploy.ps1", "--format", "json")
    assert "MIG105" in {finding["code"] for finding in json.loads(out)}  # in no virtual network


def _named(above: str, line: str, column: int) -> str:
    found = construct(above, line, Mark("deploy.ps1", 2, column))
    return found.kind if found is not None else ""


def test_lines_that_go_on_or_start_with_no_parameter_name_no_lost_backtick():
    command = 'New-AzureService -ServiceName svc9 -Location "West US"'
    assert _named(command + " `", "  -Label svc9", 3) == ""  # the backtick goes on with it
    assert _named(command + " |", "  -Label svc9", 3) == ""
    assert _named("# New-AzureService -ServiceName svc9", "  -Label svc9", 3) == ""  # a comment before
    assert _named("", "  -Label svc9", 3) == ""
    assert _named("$ok = $true", "-not $ok", 1) == ""  # an operator, not a parameter
    assert _named("$x = (Get-AzureVM -ServiceName svc9", "  -Name vm1)", 3) == ""  # a bracket still open
    assert _named(command, "  Set-AzureService -Label svc9", 3) == ""
    assert _named(command, "  -Label svc9", 3) == "lost-backtick"
