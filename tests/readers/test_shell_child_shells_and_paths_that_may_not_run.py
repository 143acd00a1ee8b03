"""Shell scripts: what bash runs in a child shell (`( ... )`, a pipeline's stages, `cmd &`, `$(...)`) does
not change the script's variables or functions; a value set only on a path that may not run (a `while`
body, after `&&` or `||`) is unknown after it, as after the branches of an `if`."""

from __future__ import annotations

import textwrap

import pytest

from migcheck.model import Deployment
from migcheck.readers import shell

_HEAD = "azure config mode asm\nNET=good\n"
_TAIL = 'azure vm create svc1 img user pass -w "$NET" -b front\n'


def _networks(text: str) -> list[str | None]:
    doc = shell.read("deploy.sh", textwrap.dedent(text).encode())
    deployments = [r for r in doc.resources if isinstance(r, Deployment)]
    return [d.virtual_network.name if d.virtual_network else None for d in deployments]


@pytest.mark.parametrize(
    "child",
    [
        "( NET=bad )",
        "echo $(NET=bad)",
        "X=$(NET=bad; echo hi)",
        "f() { NET=bad; }\nf | cat",
        "f() { NET=bad; }\nf &\nwait",
        "{ NET=bad; } &",
        "printf 'x\\n' | while read l; do NET=bad; done",
        "{ NET=bad; } | cat",
    ],
)
def test_a_variable_a_child_shell_assigns_is_not_the_scripts(child):
    assert _networks(_HEAD + child + "\n" + _TAIL) == ["good"]


def test_a_function_defined_in_a_child_shell_is_not_defined_after_it():
    script = 'azure config mode asm\n( mk() { azure vm create "$1" img user pass -w nonet; } )\nmk svcA\n'
    assert _networks(script) == []


def test_commands_in_a_child_shell_still_run():
    script = "azure config mode asm\n( azure vm create svc1 img user pass -w inner )\n"
    assert _networks(script) == ["inner"]


@pytest.mark.parametrize(
    "maybe",
    [
        "while read l; do NET=bad; done < list.txt",
        '[ -n "$1" ] && NET=bad',
        '[ -z "$1" ] || NET=bad',
        'true && [ -n "$1" ] && NET=bad',
    ],
)
def test_a_value_set_on_a_path_that_may_not_run_is_unknown_after_it(maybe):
    assert _networks(_HEAD + maybe + "\n" + _TAIL) != ["good"]
    assert _networks(_HEAD + maybe + "\n" + _TAIL) != ["bad"]


def test_a_value_every_path_leaves_alike_stays_known():
    assert _networks(_HEAD + '[ -n "$1" ] && NET=good\n' + _TAIL) == ["good"]
