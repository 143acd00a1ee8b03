"""A thread (or a process) a name keeps runs its target only where a call that starts it may run: a name
bound to another thread before `start()` starts that one (`t = Thread(a)`, `t = Thread(b)`, `t.start()`
runs b only), and may start the first where it may be bound again in between; a thread started only on a
branch the script decides against, or in a function called only there, never runs; one started in a
function the file may not be the only caller of may run. Of a list of threads written out, `ts[0].start()`
starts the first only, unless the list may be reordered or its items set; of one built otherwise, any
item may be the one it starts."""

from __future__ import annotations

import ast

import pytest

from migcheck.readers.python_flow import Flow, build_index, site_of

HEAD = """\
import os
from threading import Thread
def step(item):
    pass
"""


def _runs(script: str) -> list[bool | None]:
    """Whether each call of `step` the threads of the script make runs: surely, never, or perhaps (None)."""
    index = build_index(ast.parse(HEAD + script + "\n"))
    flow = Flow(index, 10_000)
    return [flow.runs(site_of(site)) for site in index.named_calls.get("step", [])]


A, B = 'Thread(target=step, args=("a",))', 'Thread(target=step, args=("b",))'
CASES = {
    "bound-again-before-start": (f"t = {A}\nt = {B}\nt.start()", [False, True]),
    "bound-again-in-a-function": (
        f"def main():\n    t = {A}\n    t = {B}\n    t.start()\nmain()",
        [False, True],
    ),
    "bound-again-after-start": (f"t = {A}\nt.start()\nt = {B}\nt.start()", [True, True]),
    "maybe-bound-again": (f"t = {A}\nif os.environ.get('B'):\n    t = {B}\nt.start()", [None, None]),
    "started-on-a-branch-decided-against": (f"DRY = True\nt = {A}\nif not DRY:\n    t.start()", [False]),
    "started-in-a-function-called-on-a-branch-decided-against": (
        f"t = {A}\ndef go():\n    t.start()\nif False:\n    go()",
        [False],
    ),
    "started-in-a-function-called": (f"t = {A}\ndef go():\n    t.start()\ngo()", [None]),
    "started-in-a-function-nothing-here-calls": (f"t = {A}\ndef go():\n    t.start()", [None]),
    "started-on-an-unknown-branch": (f"t = {A}\nif os.environ.get('GO'):\n    t.start()", [None]),
}


@pytest.mark.parametrize(("script", "expected"), CASES.values(), ids=CASES.keys())
def test_a_thread_runs_its_target_where_a_start_of_it_runs(script: str, expected: list[bool | None]) -> None:
    assert _runs(script) == expected


LISTED = {
    "first-started": (f"ts = [{A}, {B}]\nts[0].start()", [True, False]),
    "second-started-first-joined": (f"ts = [{A}, {B}]\nts[1].start()\nts[0].join()", [False, True]),
    "both-started": (f"ts = ({A}, {B})\nts[0].start()\nts[1].start()", [True, True]),
    "reordered-first": (f"ts = [{A}, {B}]\nts.reverse()\nts[0].start()", [None, None]),
    "item-set": (f"ts = [{A}, {B}]\nts[0] = ts[1]\nts[0].start()", [None, None]),
    "an-index-not-written": (f"ts = [{A}, {B}]\nts[i].start()", [None, None]),
    "counted-from-the-end": (f"ts = [{A}, {B}]\nts[-1].start()", [None, None]),
    "built-by-a-comprehension": (
        "ts = [Thread(target=step, args=(n,)) for n in 'ab']\nts[0].start()",
        [None],
    ),
}


@pytest.mark.parametrize(("script", "expected"), LISTED.values(), ids=LISTED.keys())
def test_an_item_of_a_written_list_of_threads_started_by_its_index(
    script: str, expected: list[bool | None]
) -> None:
    assert _runs(script) == expected
