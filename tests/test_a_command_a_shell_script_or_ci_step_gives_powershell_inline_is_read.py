"""A shell script or CI step that gives PowerShell a command inline (`pwsh -Command "..."`, `pwsh -c '...'`,
or `powershell "..."`, whose default is a command) was not read at all: a file of such lines was said to
describe nothing classic, so a runbook's steps out of order (MIG602) and the classic cmdlets it runs (MIG601)
went unreported. The command is now read by the PowerShell reader, each call where the line writes it; one
the shell fills in with what the script does not state (`"$1"`) or encodes (`-EncodedCommand`) is still not read."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

PREPARE_THEN_STOP = (
    "Move-AzureService -Prepare -ServiceName app -DeploymentName app -CreateNewVirtualNetwork; "
    "Stop-AzureVM -ServiceName app -Name app01 -Force"
)
STOP_AT = len("Move-AzureService -Prepare -ServiceName app -DeploymentName app -CreateNewVirtualNetwork; ")


@pytest.mark.parametrize(
    ("line", "command_at"),
    [
        (f'pwsh -Command "{PREPARE_THEN_STOP}"', 16),
        (f"pwsh -NoProfile -c '{PREPARE_THEN_STOP}'", 21),
        (f'powershell.exe -NonInteractive "{PREPARE_THEN_STOP}"', 33),
    ],
)
def test_a_step_after_prepare_in_an_inline_command_is_reported_where_the_line_writes_it(
    tmp_path, monkeypatch, line: str, command_at: int
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"migrate.sh": f"#!/bin/sh\n{line}\n"}, "MIG602")
    assert where(result.findings) == [f"MIG602 migrate.sh:2:{command_at + STOP_AT}"]


def test_the_words_after_command_are_the_command_as_powershell_joins_them(tmp_path, monkeypatch) -> None:
    line = "pwsh -ExecutionPolicy Bypass -Command Stop-AzureVM -ServiceName app -Name app01"
    result = lint_files(tmp_path, monkeypatch, {"stop.sh": f"#!/bin/sh\n{line}\n"}, "MIG601")
    assert where(result.findings) == ["MIG601 stop.sh:2:39"]


def test_a_value_the_script_states_is_read_where_it_is_written(tmp_path, monkeypatch) -> None:
    text = '#!/bin/sh\ncmd="Stop-AzureVM -ServiceName app -Name app01"\npwsh -Command "$cmd"\n'
    assert where(lint_files(tmp_path, monkeypatch, {"stop.sh": text}, "MIG601").findings) == [
        "MIG601 stop.sh:2:6"
    ]


def test_a_classic_cmdlet_of_an_inline_command_in_a_ci_step_is_classic_automation(
    tmp_path, monkeypatch
) -> None:
    pipeline = (
        "build:\n  script:\n"
        '    - pwsh -Command "New-AzureQuickVM -Linux -ServiceName app -Name app01 -ImageName img '
        '-LinuxUser ops -Password x"\n'
    )
    result = lint_files(tmp_path, monkeypatch, {".gitlab-ci.yml": pipeline}, "MIG601", dedent=False)
    [finding] = result.findings
    assert where([finding]) == ["MIG601 .gitlab-ci.yml:3:22"]
    assert "New-AzureQuickVM" in finding.message


@pytest.mark.parametrize(
    "line",
    [
        'pwsh -Command "$1"',
        "pwsh -EncodedCommand UwB0AG8AcAAtAEEAegB1AHIAZQBWAE0A",
        "pwsh -Command - <<'EOF'\nStop-AzureVM -ServiceName app -Name app01\nEOF",
    ],
)
def test_a_command_the_script_does_not_write_out_is_not_read(tmp_path, monkeypatch, line: str) -> None:
    assert lint_files(tmp_path, monkeypatch, {"migrate.sh": f"#!/bin/sh\n{line}\n"}, "MIG601").findings == []
