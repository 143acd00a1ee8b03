"""A shell script's `while` over a counter it sets to a number, up to a bound written as a number, whose body
ends by stepping the counter by a number (`i=0; while [ $i -lt 3 ]; do azure vm create … -n "web$i"; i=$((i+1));
done`, `((i++))`, `let i++`, `i=$((i - 2))`), runs once per value, as a C-style `for` and the same loop in PowerShell and
Python do: three VMs web0, web1 and web2, where it made one VM standing for 1 or more. A loop that may end a
turn early (`break`, `continue`, `return`: not `exit`, which ends the script), whose counter the script does
not state, or whose bound is not a number is read once, as before."""

from __future__ import annotations

import pytest
from lint_support import lint_files, script_resources

from migcheck.model import Deployment

CREATE = '  azure vm create shop img user pass -l "West US" -n "web$i" -c\n'


def _roles(text: str) -> list[tuple[str, str]]:
    resources = script_resources(text.replace("{create}", CREATE), "deploy.sh")
    return [(r.name, r.looped_over) for d in resources if isinstance(d, Deployment) for r in d.roles]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("i=0\nwhile [ $i -lt 3 ]; do\n{create}  i=$((i+1))\ndone\n", ["web0", "web1", "web2"]),
        ('i=0\nwhile [ "$i" -le 2 ]; do\n{create}  ((i++))\ndone\n', ["web0", "web1", "web2"]),
        ("i=4\nwhile [ $i -gt 0 ]; do\n{create}  i=$(($i - 2))\ndone\n", ["web4", "web2"]),
        ("i=1\nwhile [ $i -le 3 ]; do\n{create}  let i++\ndone\n", ["web1", "web2", "web3"]),
        ('i=0\nwhile [ $i -lt 4 ]; do\n{create}  let "i += 2"\ndone\n', ["web0", "web2"]),
    ],
)
def test_each_turn_of_a_counted_while_creates_its_vm(text: str, names: list[str]) -> None:
    assert _roles(text) == [(name, "") for name in names]


@pytest.mark.parametrize(
    "text",
    [
        'i=0\nwhile [ $i -lt 3 ]; do\n{create}  [ -n "$X" ] && break\n  i=$((i+1))\ndone\n',
        "while [ $i -lt 3 ]; do\n{create}  i=$((i+1))\ndone\n",
        "i=0\nwhile [ $i -lt $N ]; do\n{create}  i=$((i+1))\ndone\n",
        "i=0\nwhile [ $i -lt 3 ]; do\n  i=$((i+1))\n{create}  i=$((i+1))\ndone\n",
        "i=0\nwhile [ $i -lt 3 ]; do\n  let i++\n{create}  let i++\ndone\n",
        "i=0\nwhile [ $i -lt 3 ]; do\n{create}  let i++ j++\ndone\n",
    ],
    ids=["a break", "an unstated counter", "an unstated bound", "two steps", "two lets", "a let of two"],
)
def test_a_while_whose_turns_are_not_counted_is_one_or_more_vms(text: str) -> None:
    ((_, looped),) = _roles(text)
    assert looped.startswith("the turns of `while [")


# The check real scripts make after each create: `exit` ends the script, not only the turn.
EXIT_ON_ERROR = (
    'i=0\nwhile [ $i -lt 3 ]; do\n{create}  if [ "$?" != "0" ]; then\n    exit 1\n  fi\n  i=$((i+1))\ndone\n'
)


def test_a_counted_while_that_exits_the_script_on_an_error_still_counts_its_turns() -> None:
    assert _roles(EXIT_ON_ERROR) == [("web0", ""), ("web1", ""), ("web2", "")]


def test_its_first_create_runs_surely_not_in_a_loop_that_may_run_no_times(tmp_path, monkeypatch) -> None:
    files = {"deploy.sh": "#!/bin/bash\n" + EXIT_ON_ERROR.replace("{create}", CREATE)}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG601").findings
    assert "(azure vm create) fail today, since" in finding.message
    assert "may run no times" not in finding.message
