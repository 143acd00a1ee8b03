"""A PowerShell script is read without the classic CLI's reader (`xplat`) unless it runs that CLI: a check
of a script of the classic module alone (a pre-commit hook, an editor on save) does not pay for importing
it. Counted in a fresh interpreter rather than timed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_startup import imported

CLI_READER = "migcheck.readers.xplat"


@pytest.mark.parametrize(
    "text",
    [
        "Stop-AzureVM -ServiceName shop -Name web1\n",
        # Another program run as a native command, and a subscription the Az context selects.
        'Set-AzContext -Subscription "Contoso Prod"\nrobocopy .\\site \\\\web1\\site\nStop-AzureVM -Name web1\n',
    ],
)
def test_a_script_that_runs_no_classic_cli_does_not_import_its_reader(tmp_path: Path, text: str) -> None:
    script = tmp_path / "deploy.ps1"
    script.write_text(text)
    modules = imported(tmp_path, "check", str(script))
    assert "migcheck.readers.powershell" in modules  # it was read
    assert CLI_READER not in modules


def test_a_script_that_runs_the_classic_cli_imports_its_reader(tmp_path: Path) -> None:
    script = tmp_path / "deploy.ps1"
    script.write_text("azure vm shutdown web1\n")
    assert CLI_READER in imported(tmp_path, "check", str(script))
