"""A mistake in the command is one line saying what is wrong and a second naming the command's `--help`, as
docs/usage.md promises: an empty path (`migcheck check ""`, an unset `$DIR`) and a file to write named as a
folder (`--output-file out/`, `--write-baseline out/`) said the first line only. And the severities are
listed in one order wherever a choice of them is refused: the settings' `fail-on` listed them from the
least, `--fail-on` from the worst."""

from __future__ import annotations

import pytest
from lint_support import run_cli

from migcheck.model import SEVERITY_NAMES
from pytest_migcheck.plugin import SEVERITIES

MISTAKES = {
    "an empty path": (["check", ""], "no file or folder named (an empty path, '')"),
    "--output-file out/": (
        ["check", ".", "--output-file", "out/"],
        "cannot write out/: a name that ends in '/'",
    ),
    "plan --output-file out/": (
        ["plan", ".", "--output-file", "out/"],
        "cannot write out/: a name that ends",
    ),
    "--write-baseline out/": (
        ["check", ".", "--write-baseline", "out/"],
        "cannot write out/: a name that ends",
    ),
}


@pytest.mark.parametrize(("argv", "said"), MISTAKES.values(), ids=MISTAKES)
def test_the_mistake_is_said_then_the_command_s_help(tmp_path, monkeypatch, capsys, argv, said):
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(capsys, *argv)
    assert (code, out) == (2, "")
    first, second = err.splitlines()
    assert first.startswith(f"migcheck: error: {said}")
    assert second == f"Run 'migcheck {argv[0]} --help' for its options."
    assert list(tmp_path.iterdir()) == []  # nothing made, not even the folder


def test_the_settings_fail_on_lists_the_severities_as_the_option_does(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    choices = ", ".join(SEVERITIES)
    (tmp_path / "pyproject.toml").write_text('[tool.migcheck]\nfail-on = "bogus"\n', encoding="utf-8")
    assert f"must be one of {choices}, got 'bogus'" in run_cli(capsys, "check", ".")[2]
    (tmp_path / "pyproject.toml").write_text("[tool.migcheck]\nfail-on = 3\n", encoding="utf-8")
    assert f"must be one of {choices}, got 3" in run_cli(capsys, "check", ".")[2]
    with pytest.raises(SystemExit):
        run_cli(capsys, "check", ".", "--fail-on", "bogus")
    quoted = ", ".join(f"'{name}'" for name in SEVERITIES)
    assert f"(choose from {quoted})" in capsys.readouterr().err
    assert SEVERITIES == SEVERITY_NAMES
