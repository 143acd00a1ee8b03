"""A first hour's mistakes on the command line: `migcheck` alone said "the following arguments are required:
COMMAND", and a command or a choice mistyped (`migcheck chek`, `--fail-on warn`) listed the choices without
the one meant, where a mistyped rule code or format is told it. Now `migcheck` alone says which command
checks files, and a mistyped choice is told the nearest one, as a rule code is."""

from __future__ import annotations

import pytest

from migcheck.cli import main


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`migcheck ARGV`, whose refusals by argparse exit: the exit code, standard output and error."""
    with pytest.raises(SystemExit) as exited:
        main(list(argv))
    out, err = capsys.readouterr()
    return int(exited.value.code or 0), out, err


def test_migcheck_alone_says_which_command_checks_files(capsys):
    code, out, err = run_cli(capsys)
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == (
        "migcheck: error: give a command: `migcheck check` checks the current folder, `migcheck check PATH` a "
        "file or folder"
    )


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (
            ("chek",),
            "argument COMMAND: invalid choice: 'chek' (did you mean check?); choose one of check, rule,",
        ),
        (
            ("check", "--fail-on", "warn"),
            "invalid choice: 'warn' (did you mean warning?); choose one of error, ",
        ),
        (
            ("completion", "bsh"),
            "argument shell: invalid choice: 'bsh' (did you mean bash?); choose one of bash",
        ),
    ],
)
def test_a_mistyped_choice_is_told_the_nearest_one(capsys, argv, said):
    code, _, err = run_cli(capsys, *argv)
    assert code == 2 and said in err


def test_a_choice_near_none_is_told_the_choices_alone(capsys):
    code, _, err = run_cli(capsys, "check", "--fail-on", "xyzzy")
    assert code == 2 and "did you mean" not in err and "'error', 'warning', 'info'" in err
