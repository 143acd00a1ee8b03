"""The plugin says what `migcheck check` says of a settings pattern that matches no file, in its section
of the terminal summary: once per pattern, and never as a Python warning, which a project that makes
warnings errors would fail on."""

from __future__ import annotations

import pytest
from plugin_support import QUIET

pytest_plugins = ["pytester"]

SETTINGS = """\
[tool.migcheck]
exclude = ["brokn/"]
[tool.migcheck.per-file-ignores]
"shop/*.cscfg" = ["MIG201"]
[tool.pytest.ini_options]
filterwarnings = ["error"]
"""


def test_a_pattern_that_matches_nothing_is_said_in_the_summary(estate: pytest.Pytester) -> None:
    (estate.path / "pyproject.toml").write_text(SETTINGS)
    result = estate.runpytest_subprocess("--migcheck", *QUIET, "--migcheck-select", "MIG201")
    said = [line for line in result.stdout.lines if "matches no" in line]
    assert said == [
        f"warning: pyproject.toml: `exclude` pattern 'brokn/' matches no file or folder migcheck walks under "
        f"{estate.path}: correct it (a gitignore pattern, relative to that folder) or remove it"
    ]
    # The Python test and MIG201 of shop/ (suppressed) pass; the misspelt pattern leaves broken/ in, whose
    # file cannot be read: reported whatever the selection.
    result.assert_outcomes(passed=2, failed=1)


def test_no_warning_when_every_pattern_matches(estate: pytest.Pytester) -> None:
    (estate.path / "pyproject.toml").write_text(SETTINGS.replace("brokn/", "broken/"))
    result = estate.runpytest_subprocess("--migcheck", *QUIET, "--migcheck-select", "MIG201")
    assert not [line for line in result.stdout.lines if "matches no" in line]
