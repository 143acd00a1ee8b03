"""Python 3's `map` and `itertools.starmap` call the function only as their items are taken: a map taken
whole where it is made (`list(map(deploy, names))`, a `for` loop, `[*map(...)]`, unpacked) calls it once
for each item, several iterables zipped, as a pool's map does; `any`/`all` call it for the first item and
may for the others; `next` for the first only; a map its statement drops, or bound to a name never read,
calls nothing; one passed on may call it. The function's other calls stay read as they are written, and a
`map` the script defines itself is not Python's."""

from __future__ import annotations

import ast
import textwrap

import pytest
from lint_support import PY_RESERVED_IP_DEPLOYMENT as CREATE

from migcheck.model import Deployment, ReservedIp
from migcheck.readers import read_document
from migcheck.readers.python_flow import Flow, build_index, site_of

HEAD = """\
import itertools
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService("sub", "c.pem")
def mk(name, net="n1"):
    sms.create_virtual_machine_deployment(name, name, "production", name, name, None, None, virtual_network_name=net)
mk("svc0")
"""


def _read(text: str):
    document = read_document("deploy.py", text.encode(), explicit=True)
    assert document is not None and document.problem is None
    return document.resources


def _deployments(script: str) -> list[tuple[str, str]]:
    """Each deployment, by its name ("?" when not stated), with its network's name."""
    found = []
    for resource in _read(HEAD + textwrap.dedent(script).lstrip("\n")):
        if isinstance(resource, Deployment):
            network = resource.virtual_network.name if resource.virtual_network is not None else ""
            found.append(("?" if resource.name.startswith("<") else resource.name, network))
    return sorted(found)


TAKEN_WHOLE = {
    "list": 'list(map(mk, ["svc1", "svc2"]))',
    "bound-list": 'results = list(map(mk, ["svc1", "svc2"]))',
    "tuple-of-a-named-list": 'NAMES = ("svc1", "svc2")\ntuple(map(mk, NAMES))',
    "set": 'set(map(mk, ["svc1", "svc2"]))',
    "sorted": 'sorted(map(mk, ["svc1", "svc2"]))',
    "for-loop": 'for _ in map(mk, ["svc1", "svc2"]):\n    pass',
    "spread-in-a-list": '[*map(mk, ["svc1", "svc2"])]',
    "spread-in-a-call": 'print(*map(mk, ["svc1", "svc2"]))',
    "unpacked": 'a, b = map(mk, ["svc1", "svc2"])',
    "list-comprehension": '[r for r in map(mk, ["svc1", "svc2"])]',
    "joined": '"".join(map(mk, ["svc1", "svc2"]))',
    "bound-then-taken": 'pending = map(mk, ["svc1", "svc2"])\nlist(pending)',
    "in-a-function": 'def main():\n    list(map(mk, ["svc1", "svc2"]))\nmain()',
    "starmap": 'list(itertools.starmap(mk, [("svc1",), ("svc2",)]))',
    "starmap-imported": 'from itertools import starmap\nfor _ in starmap(mk, [("svc1",), ("svc2",)]):\n    pass',
}


@pytest.mark.parametrize("script", TAKEN_WHOLE.values(), ids=TAKEN_WHOLE.keys())
def test_a_map_taken_whole_calls_the_function_once_for_each_item(script: str) -> None:
    assert _deployments(script) == [("svc0", "n1"), ("svc1", "n1"), ("svc2", "n1")]


def test_a_map_over_several_iterables_zips_them() -> None:
    script = 'list(map(mk, ["svc1", "svc2", "svc3"], ["n2", "n3"]))'
    assert _deployments(script) == [("svc0", "n1"), ("svc1", "n2"), ("svc2", "n3")]


def test_a_starmap_passes_each_item_as_the_arguments() -> None:
    script = 'list(itertools.starmap(mk, [("svc1", "n2"), ("svc2", "n3")]))'
    assert _deployments(script) == [("svc0", "n1"), ("svc1", "n2"), ("svc2", "n3")]


NEVER_TAKEN = {
    "dropped": 'map(mk, ["svc1", "svc2"])',
    "bound-never-read": 'pending = map(mk, ["svc1", "svc2"])',
    "starmap-dropped": 'itertools.starmap(mk, [("svc1",), ("svc2",)])',
}


@pytest.mark.parametrize("script", NEVER_TAKEN.values(), ids=NEVER_TAKEN.keys())
def test_a_map_nothing_takes_calls_nothing(script: str) -> None:
    assert _deployments(script) == [("svc0", "n1")]


def test_next_takes_the_first_item_only() -> None:
    assert _deployments('next(map(mk, ["svc1", "svc2"]))') == [("svc0", "n1"), ("svc1", "n1")]


def test_a_map_of_unknown_items_keeps_the_function_s_other_calls() -> None:
    assert _deployments("import sys\nlist(map(mk, sys.argv[1:]))") == [("?", "n1"), ("svc0", "n1")]


def test_a_map_the_script_defines_is_not_python_s() -> None:
    script = 'def map(function, items):\n    return []\nlist(map(mk, ["svc1"]))'
    assert ("svc1", "n1") not in _deployments(script)


def _runs(line: str, python2: bool = False) -> list[bool | None]:
    """Whether each call of `step` the line makes runs: surely, never, or perhaps (None)."""
    index = build_index(ast.parse("import sys\ndef step(item):\n    pass\n" + line + "\n"), python2)
    flow = Flow(index, 10_000)
    return [flow.runs(site_of(site)) for site in index.named_calls.get("step", [])]


CALLS_RUN = {
    "taken-whole": ('list(map(step, ["a", "b"]))', [True, True]),
    "any": ('any(map(step, ["a", "b", "c"]))', [True, None, None]),
    "all": ('all(map(step, ["a", "b"]))', [True, None]),
    "next": ('next(map(step, ["a", "b"]))', [True, False]),
    "dropped": ('map(step, ["a", "b"])', [False, False]),
    "passed-on": ('run_all(map(step, ["a", "b"]))', [None, None]),
    "returned": ('def later():\n    return map(step, ["a"])\nlater()', [None]),
    "in-a-generator-expression": ('sum(1 for _ in map(step, ["a"]))', [None]),
    "starmap-passed-on": ('import itertools\nrun_all(itertools.starmap(step, [("a",)]))', [None]),
}


@pytest.mark.parametrize(("line", "expected"), CALLS_RUN.values(), ids=CALLS_RUN.keys())
def test_each_call_of_a_map_runs_as_its_item_is_taken(line: str, expected: list[bool | None]) -> None:
    assert _runs(line) == expected


def test_python_2_s_map_builds_its_list_where_it_is_made() -> None:
    assert _runs('map(step, ["a", "b"])', python2=True) == [True, True]
    assert _runs('next(map(step, ["a", "b"]))', python2=True) == [True, True]
    starmap = 'import itertools\nitertools.starmap(step, [("a",)])'
    assert _runs(starmap, python2=True) == [False]  # lazy there too


ASSOCIATE = "def assoc(name):\n    sms.associate_reserved_ip_address(name, 'TestService', 'TestService')\n"


def _association(line: str) -> tuple[str, str | None, bool]:
    """Who the reserved IP may be on, whether the deployment's VIP is it, and whether that is known."""
    resources = _read(CREATE + ASSOCIATE + line + "\n")
    [ip] = [r for r in resources if isinstance(r, ReservedIp)]
    [deployment] = [r for r in resources if isinstance(r, Deployment) and r.name == "TestService"]
    vip = deployment.reserved_ip.name if deployment.reserved_ip is not None else None
    return ip.maybe_service, vip, deployment.reserved_ip_known


MAY_BE_TAKEN = {
    "passed-on": 'run_all(map(assoc, ["MyReservedIP"]))',
    "returned-by-a-function": 'def later():\n    return map(assoc, ["MyReservedIP"])\nlater()',
    "in-a-generator": 'gen = (r for r in map(assoc, ["MyReservedIP"]))\nrun_all(gen)',
}


@pytest.mark.parametrize("line", MAY_BE_TAKEN.values(), ids=MAY_BE_TAKEN.keys())
def test_a_map_that_may_be_taken_may_call_the_function(line: str) -> None:
    assert _association(line) == ("TestService", None, False)


SURELY_OR_NEVER = {
    "first-item-of-any": ('any(map(assoc, ["MyReservedIP"]))', ("", "MyReservedIP", True)),
    "dropped": ('map(assoc, ["MyReservedIP"])', ("", None, True)),
    "taken": ('list(map(assoc, ["MyReservedIP"]))', ("", "MyReservedIP", True)),
}


@pytest.mark.parametrize(("line", "expected"), SURELY_OR_NEVER.values(), ids=SURELY_OR_NEVER.keys())
def test_a_map_surely_taken_or_never_calls_the_function_surely_or_never(
    line: str, expected: tuple[str, str | None, bool]
) -> None:
    assert _association(line) == expected


POOL = "from multiprocessing import Pool\n"
ITEMS = {
    "a-string": ('with Pool(2) as p:\n    p.map(mk, "ab")', ["a", "b"]),
    "a-string-by-name": ('NAMES = "ab"\nlist(map(mk, NAMES))', ["a", "b"]),
    "dict-keys": ('with Pool(2) as p:\n    p.map(mk, {"svc1": 1, "svc2": 2, "svc1": 3})', ["svc1", "svc2"]),
    "a-list-default": (
        'def run(names=["svc1"]):\n    with Pool(2) as p:\n        p.map(mk, names)\nrun()\nrun(["svc2"])',
        ["svc1", "svc2"],
    ),
    "a-list-read-again-after-a-map": (
        'NAMES = ["svc1"]\nwith Pool(2) as p:\n    p.map(print, NAMES)\nfor n in NAMES:\n    mk(n)',
        ["svc1"],
    ),
}


@pytest.mark.parametrize(("script", "names"), ITEMS.values(), ids=ITEMS.keys())
def test_a_map_calls_the_function_once_for_each_item_of_what_it_goes_over(
    script: str, names: list[str]
) -> None:
    assert _deployments(POOL + script) == sorted([("svc0", "n1"), *((name, "n1") for name in names)])


def test_a_string_longer_than_the_turns_followed_is_one_unknown_item() -> None:
    assert _deployments(f'list(map(mk, "{"x" * 100}"))') == [("?", "n1"), ("svc0", "n1")]


def test_a_script_written_for_python_2_runs_a_map_nothing_takes(tmp_path, monkeypatch) -> None:
    from tests.lint_support import lint_files

    script = (
        "from azure.servicemanagement import ServiceManagementService\n"
        "sms = ServiceManagementService('sub', 'cert.pem')\n"
        "def mk(name):\n"
        "    sms.create_virtual_machine_deployment(name, name, 'production', name, name, None, None,\n"
        "                                          virtual_network_name='nonet')\n"
        "print 'creating'\n"
        "map(mk, ['svc1'])\n"
    )
    found = lint_files(tmp_path, monkeypatch, {"deploy.py": script}, "MIG203").findings
    assert [f.resource_name for f in found] == ["svc1"]
    py3 = script.replace("print 'creating'", "print('creating')")
    assert lint_files(tmp_path, monkeypatch, {"deploy.py": py3}, "MIG203").findings == []
