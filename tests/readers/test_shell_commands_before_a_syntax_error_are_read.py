"""A shell script bash cannot parse whole still runs the commands before the one its first syntax error is
in: bash reads and runs one complete command at a time, and stops at the error. Those commands are read;
the syntax problem (MIG001) stays where bash stops, and says that nothing from there on runs."""

from __future__ import annotations

import textwrap

import pytest

from migcheck.model import Deployment, Script
from migcheck.readers import read_document


def _read(script: str):
    return read_document("deploy.sh", textwrap.dedent(script).encode(), explicit=True)


def _deployments(document) -> list[str]:
    return [r.name for r in document.resources if isinstance(r, Deployment)]


def test_a_prose_line_left_uncommented_stops_bash_after_the_commands_before_it():
    document = _read(
        """\
        azure vm create -e 22 -l "West US" web1 img ops pw
        azure vm create -e 22 -l "West US" web2 img ops pw

        Step 5.1: create the local network (corresponding to the paas network)
        azure vm create -e 22 -l "West US" web3 img ops pw
        """
    )
    assert _deployments(document) == ["web1", "web2"]
    assert document.problem is not None
    assert (document.problem.mark.line, document.problem.mark.column) == (4, 35)
    assert "stops here, so no command from here on runs" in document.problem.message


def test_a_command_the_error_is_in_does_not_run_even_where_it_starts_lines_before():
    # bash parses the whole `if` before it runs any of it: web2 never runs.
    document = _read(
        """\
        azure vm create -e 22 -l "West US" web1 img ops pw
        if true; then
          azure vm create -e 22 -l "West US" web2 img ops pw
          Step 2: create (the network)
        fi
        azure vm create -e 22 -l "West US" web3 img ops pw
        """
    )
    assert _deployments(document) == ["web1"]
    assert document.problem is not None


def test_a_quote_left_open_stops_bash_at_its_command():
    document = _read(
        """\
        azure vm create -e 22 -l "West US" web1 img ops pw
        echo "not closed
        azure vm create -e 22 -l "West US" web2 img ops pw
        """
    )
    assert _deployments(document) == ["web1"]
    assert document.problem is not None


@pytest.mark.parametrize(
    "script",
    [
        'Step 1: create (the service)\nazure vm create -e 22 -l "West US" web1 img ops pw\n',
        'echo before\nStep 1: create (the service)\nazure vm create -e 22 -l "West US" web1 img ops pw\n',
    ],
)
def test_a_script_with_no_classic_command_before_its_error_is_still_a_syntax_problem(script):
    document = _read(script)
    assert document.problem is not None
    assert "stops here" not in document.problem.message
    assert not [r for r in document.resources if isinstance(r, (Script, Deployment))]
