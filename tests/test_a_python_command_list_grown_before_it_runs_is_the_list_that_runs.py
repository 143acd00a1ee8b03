"""A Python script that builds the classic CLI's command as a list and grows it before running it
(`cmd.extend([...])`, `cmd += [...]`, `cmd = cmd + [...]`, `cmd.append(word)`, `cmd.insert(1, word)`)
runs the grown list: the words added are the command's, as a shell script's `args+=(...)` are. The words
added were dropped (a VM given its subnets by `extend` was said to have none, MIG203) or the whole call was
(`+=`, `cmd = cmd + [...]`)."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import Deployment, Script

START = '["azure", "vm", "create", "shop", "img", "ops", "-w", "appvnet"]'

GROWN = {
    "extend": 'cmd.extend(["-b", "web,app"])',
    "+=": 'cmd += ["-b", "web,app"]',
    "append twice": 'cmd.append("-b")\ncmd.append("web,app")',
    "insert at stated indexes": 'cmd.insert(6, "web,app")\ncmd.insert(6, "-b")',
    "+= a tuple": 'cmd += ("-b", "web,app")',
    "joined to itself": 'cmd = cmd + ["-b", "web,app"]',
}


def _subnets(text: str) -> list[tuple[str, tuple[str, ...]]]:
    resources = script_resources(text, "deploy.py")
    return [
        (d.service_name, tuple(s.name for s in r.subnets))
        for d in resources
        if isinstance(d, Deployment)
        for r in d.roles
    ]


@pytest.mark.parametrize("how", GROWN)
def test_the_words_added_to_the_list_are_the_commands(how: str) -> None:
    text = f"import subprocess\ncmd = {START}\n{GROWN[how]}\nsubprocess.check_call(cmd)\n"
    assert _subnets(text) == [("shop", ("web", "app"))]


def test_a_list_grown_by_an_unstated_list_keeps_the_words_it_states() -> None:
    text = f"import subprocess, sys\ncmd = {START}\ncmd.extend(sys.argv[1:])\nsubprocess.check_call(cmd)\n"
    resources = script_resources(text, "deploy.py")
    (script,) = [r for r in resources if isinstance(r, Script)]
    assert [c.name for c in script.calls] == ["azure vm create"]


def test_a_list_grown_in_a_loop_is_not_read_as_grown_once() -> None:
    text = (
        f"import subprocess\ncmd = {START}\n"
        'for subnet in ["web", "app"]:\n    cmd.extend(["-b", subnet])\nsubprocess.check_call(cmd)\n'
    )
    assert _subnets(text) != [("shop", ("web",))]
    assert _subnets(text) != [("shop", ("app",))]
