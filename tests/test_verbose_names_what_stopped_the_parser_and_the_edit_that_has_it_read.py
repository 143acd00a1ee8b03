"""The "Not read" line promises that `check --verbose` says why a part of a script was not read, and how to
write it so that it is: where the characters at the part name the construct that stopped the parser (a lone
`-` before a parameter's name, a blank after the backtick that ends a line), --verbose names it, says what
PowerShell does with it instead of "PowerShell may well run" it, and gives the edit."""

from __future__ import annotations

from lint_support import run_cli

from migcheck.model import Mark
from migcheck.report.unread import construct

SERVICE = 'New-AzureService -ServiceName svc9 -Location "West US"\n'


def _unread_lines(capsys, tmp_path, monkeypatch, text: str) -> list[str]:
    (tmp_path / "deploy.ps1").write_text(text)
    monkeypatch.chdir(tmp_path)
    _, _, err = run_cli(capsys, "check", "-v", "deploy.ps1")
    return [line for line in err.splitlines() if "cannot read this part" in line]


def test_a_lone_dash_before_a_parameter_name_is_named_with_the_parameter_to_write(
    capsys, tmp_path, monkeypatch
):
    # As written in a real deployment script: `- SubscriptionId`.
    text = 'Set-AzureSubscription - SubscriptionId "xxxxxx" -CurrentStorageAccountName acct\n' + SERVICE
    first = _unread_lines(capsys, tmp_path, monkeypatch, text)[0]
    assert first.startswith(
        "migcheck: deploy.ps1:1:25: migcheck's parser cannot read this part of the script"
    )
    assert (
        '`-` followed by a blank is no parameter name: PowerShell passes the string "-" and then '
        "`SubscriptionId` as values of their own, not the parameter -SubscriptionId"
    ) in first
    assert first.endswith("write `-SubscriptionId`, with no blank after the `-`")
    assert "may well run" not in first


def test_a_blank_after_a_line_ending_backtick_is_named_once_with_the_edit(capsys, tmp_path, monkeypatch):
    text = SERVICE + (
        "New-AzureQuickVM -Windows -ServiceName svc9 ` \n  -Name vm1 -ImageName img -Password p -AdminUsername a\n"
    )
    lines = _unread_lines(capsys, tmp_path, monkeypatch, text)
    assert len(lines) == 1, lines  # the part after the backtick's line is of the same blank
    assert lines[0].startswith("migcheck: deploy.ps1:2:")
    assert "the backtick at the end of this line is followed by a blank" in lines[0]
    assert "PowerShell ends the command at that line's end, unless a bracket is still open" in lines[0]
    assert lines[0].endswith("remove the blank after the backtick")
    assert "may well run" not in lines[0]


def test_a_part_whose_characters_name_no_construct_keeps_the_general_words(capsys, tmp_path, monkeypatch):
    text = SERVICE + "New-AzureQuickVM -Windows -ServiceName svc9 -Name `$vm1 -ImageName img -Password p\n"
    (line,) = _unread_lines(capsys, tmp_path, monkeypatch, text)
    assert "which PowerShell may well run" in line
    assert "followed by a blank" not in line


def test_dashes_that_are_no_lone_dash_before_a_name_name_no_construct():
    for text, column in (
        ("$x = $a - $b", 11),  # subtraction
        ("$x = 5 - 3", 10),
        ("Set-Azure- Name x", 12),  # a word that ends in a dash
        ("Get-Thing -Name x", 11),
    ):
        assert construct("", text, Mark("a.ps1", 2, column=column)) is None, text


def test_a_lone_dash_is_named_at_the_dash_itself_too():
    found = construct("", "Set-AzureSubscription - SubscriptionId x", Mark("a.ps1", 1, column=23))
    assert found is not None and found.write == "write `-SubscriptionId`, with no blank after the `-`"
