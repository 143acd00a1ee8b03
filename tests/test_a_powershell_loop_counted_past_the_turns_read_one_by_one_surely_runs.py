"""A PowerShell loop whose turns the script counts, but more of them than are read one by one (more than 64:
`foreach ($i in 1..100)`, 65 names written out, `for ($i = 0; $i -lt 100; $i++)`, a counted `while` or
`do`), surely runs: its creations fail today, with no "they may not" run. Its turns are read as one, its counter a value not stated,
and that is said as a part not read (`loop-turns-cut`). A loop whose turns are not counted stays one that may
run no times, with no such part."""

from __future__ import annotations

import pytest
from lint_support import lint_files, unread_tags

CLI = 'azure vm create "web$i" img azureuser -l "West US"'
CMDLET = (
    'New-AzureVM -ServiceName "svc$i" -Location "West US" '
    '-VMs (New-AzureVMConfig -Name "web$i" -InstanceSize Small -ImageName img)'
)
NAMES = ", ".join(f'"n{n}"' for n in range(65))
HEADS = {
    "foreach over names written out": ("foreach ($i in " + NAMES + ") {{\n  {}\n}}\n"),
    "foreach over a range": ("foreach ($i in 1..100) {{\n  {}\n}}\n"),
    "foreach over a range of variables": (
        "$first = 1\n$last = 100\nforeach ($i in $first..$last) {{\n  {}\n}}\n"
    ),
    "for counting": ("for ($i = 0; $i -lt 100; $i++) {{\n  {}\n}}\n"),
    "while counting": ("$i = 0\nwhile ($i -lt 100) {{\n  {}\n  $i++\n}}\n"),
    "do counting": ("$i = 0\ndo {{\n  {}\n  $i++\n}} while ($i -lt 100)\n"),
}
CASES = [(head, call) for head in HEADS for call in ("cli", "cmdlet")]


def _said(tmp_path, monkeypatch, text: str) -> str:
    result = lint_files(tmp_path, monkeypatch, {"make.ps1": text}, "MIG601", dedent=False)
    (finding,) = result.findings
    return finding.message


@pytest.mark.parametrize(("head", "call"), CASES)
def test_a_powershell_loop_past_the_turns_read_surely_runs(tmp_path, monkeypatch, head, call):
    text = HEADS[head].format(CLI if call == "cli" else CMDLET)
    message = _said(tmp_path, monkeypatch, text)
    assert "fail today, since" in message and "may not" not in message
    assert unread_tags(text, "make.ps1") == ["loop-turns-cut"]


@pytest.mark.parametrize(
    "head",
    ["foreach ($i in 1..$args[0]) {{\n  {}\n}}\n", "for ($i = 0; $i -lt $args[0]; $i++) {{\n  {}\n}}\n"],
)
def test_a_powershell_loop_whose_turns_are_not_counted_may_run_no_times(tmp_path, monkeypatch, head):
    text = head.format(CLI)
    assert "may not" in _said(tmp_path, monkeypatch, text)
    assert unread_tags(text, "make.ps1") == []
