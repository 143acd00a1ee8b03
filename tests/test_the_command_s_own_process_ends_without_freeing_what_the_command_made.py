"""The `migcheck` command in a process of its own (`migcheck.cli.run`: the console script, `python -m
migcheck`) ends once its report is written without freeing, object by object, the model it made, which the
system takes back whole: after a check of 4,000 files that took as long as the walk of the folder. Exit
handlers still run, everything written is flushed, and the exit code is the command's. A caller of `main`
(tests, a program that goes on) has what the command made freed as usual."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

# Runs the command in this interpreter, noting in files whether an exit handler ran and whether the
# command's result was freed.
PROBE = """\
import atexit, sys
handled, freed, how = sys.argv[1:4]
sys.argv = ["migcheck", *sys.argv[4:]]
atexit.register(lambda: open(handled, "w").write("ran"))
from migcheck import cli, engine
engine.LintResult.__del__ = lambda self: open(freed, "w").write("freed")
if how == "run":
    cli.run()
else:
    sys.exit(cli.main())
"""


def command(tmp_path: Path, how: str, *args: str) -> tuple[subprocess.CompletedProcess[bytes], bool, bool]:
    """The command run by `how` ("run" or "main"), whether its exit handler ran, and whether its result
    was freed."""
    handled, freed = tmp_path / f"{how}-handled", tmp_path / f"{how}-freed"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(handled), str(freed), how, *args],
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    return done, handled.exists(), freed.exists()


@pytest.mark.parametrize("report", [["--format", "json"], []])
def test_the_command_s_process_ends_with_its_report_written_and_its_result_never_freed(
    tmp_path: Path, report: list[str]
) -> None:
    ran, handled, freed = command(tmp_path, "run", "check", str(EXAMPLES), *report)
    called, *_ = command(tmp_path, "main", "check", str(EXAMPLES), *report)
    assert (ran.returncode, ran.stdout, ran.stderr) == (called.returncode, called.stdout, called.stderr)
    assert ran.returncode == 1 and ran.stdout  # it found and reported
    assert handled and not freed


def test_a_caller_of_main_has_the_result_freed(tmp_path: Path) -> None:
    done, handled, freed = command(tmp_path, "main", "check", str(EXAMPLES), "--format", "json")
    assert done.returncode == 1
    assert handled and freed


def test_the_plan_s_process_ends_with_the_plan_written(tmp_path: Path) -> None:
    ran, handled, freed = command(tmp_path, "run", "plan", str(EXAMPLES), "--format", "json")
    called, *_ = command(tmp_path, "main", "plan", str(EXAMPLES), "--format", "json")
    assert (ran.returncode, ran.stdout) == (called.returncode, called.stdout) and ran.stdout
    assert handled and not freed
