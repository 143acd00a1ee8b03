"""A script that takes its values from a settings file beside it (`. "$PSScriptRoot\\config.ps1"`, `source
./env.sh`): a finding about such a value points where the settings file writes it, and that file, which
describes nothing classic itself, has its item for the finding (`config.ps1::MIG202`), failing as the
CLI reports it, never a finding dropped in silence."""

from __future__ import annotations

import pytest
from lint_support import PS_DEPLOY, SH_DEPLOY, ps_settings, sh_settings
from plugin_support import QUIET, outcomes

pytest_plugins = ["pytester"]

SCRIPTS = {
    "powershell": ({"deploy.ps1": PS_DEPLOY, "config.ps1": ps_settings("Front", "Back")}, "config.ps1"),
    "shell": ({"deploy.sh": SH_DEPLOY, "env.sh": sh_settings("Front,Back")}, "env.sh"),
}


@pytest.mark.parametrize("language", SCRIPTS)
def test_the_settings_file_has_the_item_of_the_finding_that_points_into_it(
    pytester: pytest.Pytester, language: str
) -> None:
    files, settings = SCRIPTS[language]
    for name, text in files.items():
        (pytester.path / name).write_text(text, encoding="utf-8")
    reprec = pytester.inline_run("--migcheck", *QUIET, "--migcheck-select", "MIG202", "-m", "migcheck")
    failed = [node for node, outcome in outcomes(reprec).items() if outcome == "failed"]
    assert failed == [f"{settings}::MIG202"]
