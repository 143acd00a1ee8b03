"""A classic `azure` command given an option it does not declare (`network local-network create hq
--address-space …`, where the command has `--address-prefixes`) is refused by the CLI and runs nothing:
migcheck says so where the option is written even when it is the script's only classic command, in a shell
script and in PowerShell's `& azure …`, where the script was no classic file and the prefixes it means to
write went unchecked without a word."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import run_cli, script_resources, unread_marks

SHELL = """\
azure config mode asm
azure network local-network create hq --address-space 192.168.0.0/16 --vpn-gateway-address 203.0.113.5
"""
POWERSHELL = "& azure network local-network create hq --address-space 192.168.0.0/16\n"


@pytest.mark.parametrize(
    ("name", "text", "at"),
    [("sites.sh", SHELL, (2, 39)), ("sites.ps1", POWERSHELL, (1, 41))],
    ids=["sh", "ps1"],
)
def test_the_only_classic_command_refused_is_an_unread_part_at_its_option(
    name: str, text: str, at: tuple[int, int]
) -> None:
    assert unread_marks(script_resources(text, name)) == [at]


@pytest.mark.parametrize(
    ("name", "text"), [("sites.sh", SHELL), ("sites.ps1", POWERSHELL)], ids=["sh", "ps1"]
)
def test_the_declared_option_is_read_and_nothing_is_said(name: str, text: str) -> None:
    declared = text.replace("--address-space", "--address-prefixes")
    assert unread_marks(script_resources(declared, name)) == []


def test_a_folder_check_says_it_of_both_scripts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "sites.sh").write_text(SHELL, encoding="utf-8")
    (tmp_path / "sites.ps1").write_text(POWERSHELL, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".")
    assert (
        "Not read as written: sites.sh:2:39: this line gives the classic `azure network local-network create` the option"
        in out
    )
    assert (
        "Not read as written: sites.ps1:1:41: this line gives the classic `azure network local-network create` the option"
        in out
    )
