"""A function an executor or a pool maps over several iterables (`ex.map(deploy, names, nets)`) is called
with one item of each, zipped as Python zips them; a map, a starmap or a call whose items or arguments the
reader does not know calls the function once with what it does not know, and leaves the function's other
calls (in threads, in pools, or plain) read as they are written."""

from __future__ import annotations

import textwrap

import pytest

from migcheck.model import Deployment
from migcheck.readers import read_document

HEAD = """\
import sys, threading
from concurrent.futures import ThreadPoolExecutor
from multiprocessing import Pool
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService("sub", "c.pem")
def mk(name, net, slot="production"):
    sms.create_virtual_machine_deployment(name, name, slot, name, name, None, None, virtual_network_name=net)
"""


def _deployments(script: str) -> list[tuple[str, str]]:
    """Each deployment the script describes, by its name, with its network's name ("?" when not stated)."""
    text = HEAD + textwrap.dedent(script).lstrip("\n")
    document = read_document("deploy.py", text.encode(), explicit=True)
    assert document is not None and document.problem is None
    found = []
    for deployment in document.resources:
        if isinstance(deployment, Deployment):
            network = deployment.virtual_network
            name = deployment.name if not deployment.name.startswith("<") else "?"
            found.append((name, network.name if network and not network.name.startswith("<") else "?"))
    return sorted(found)


ZIPPED = {
    "executor-two-lists": 'with ThreadPoolExecutor() as ex:\n    list(ex.map(mk, ["svc1", "svc2"], ["n1", "n2"]))',
    "lists-by-name": (
        'NAMES = ["svc1", "svc2"]\nNETS = ("n1", "n2")\nwith ThreadPoolExecutor() as ex:\n    ex.map(mk, NAMES, NETS)'
    ),
    "shortest-wins": 'with ThreadPoolExecutor() as ex:\n    ex.map(mk, ["svc1", "svc2", "svc3"], ["n1", "n2"])',
    "with-timeout": 'with ThreadPoolExecutor() as ex:\n    ex.map(mk, ["svc1", "svc2"], ["n1", "n2"], timeout=60)',
    "in-a-function": (
        "def main():\n"
        '    names, nets = ["svc1", "svc2"], ["n1", "n2"]\n'
        "    with ThreadPoolExecutor() as ex:\n"
        "        ex.map(mk, names, nets)\n"
        "main()"
    ),
}


@pytest.mark.parametrize("script", ZIPPED.values(), ids=ZIPPED.keys())
def test_a_map_over_several_iterables_calls_the_function_with_one_item_of_each(script: str) -> None:
    assert _deployments(script) == [("svc1", "n1"), ("svc2", "n2")]


def test_three_written_lists_are_zipped() -> None:
    script = 'with ThreadPoolExecutor() as ex:\n    ex.map(mk, ["svc1", "svc2"], ("n1", "n2"), ["staging", "production"])'
    assert _deployments(script) == [("svc1", "n1"), ("svc2", "n2")]


def test_a_pool_s_map_takes_one_iterable_and_a_chunk_size() -> None:
    script = 'def one(name):\n    mk(name, "n1")\nwith Pool(2) as p:\n    p.map(one, ["svc1", "svc2"], 4)'
    assert _deployments(script) == [("svc1", "n1"), ("svc2", "n1")]


def test_a_pool_s_items_passed_by_keyword_are_mapped() -> None:
    script = 'def one(name):\n    mk(name, "n1")\nwith Pool(2) as p:\n    p.map(one, iterable=["svc1", "svc2"], chunksize=1)'
    assert _deployments(script) == [("svc1", "n1"), ("svc2", "n1")]


THREAD_AND_POOL = """\
t = threading.Thread(target=mk, args=("svc1",), kwargs={"net": "n1"})
t.start()
with ThreadPoolExecutor() as ex:
    ex.submit(mk, net="n1", name="svc2")
    {line}
"""
UNREAD = {
    "map-of-unknown-lists": "list(ex.map(mk, sys.argv[1:], sys.argv[2:]))",
    "map-of-spread-columns": "list(ex.map(mk, *COLUMNS))",
    "starmap-of-unknown-items": "Pool(2).starmap(mk, ROWS)",
    "submit-of-unknown-arguments": "ex.submit(mk, *sys.argv[1:])",
    "submit-of-unknown-keywords": "ex.submit(mk, **OPTIONS)",
    "plain-call-of-unknown-arguments": "mk(*sys.argv[1:])",
    "unknown-arguments-beside-a-keyword": 'mk(*sys.argv[1:2], net="n1")',
}


@pytest.mark.parametrize("line", UNREAD.values(), ids=UNREAD.keys())
def test_a_call_of_unknown_arguments_keeps_the_function_s_other_calls(line: str) -> None:
    names = "COLUMNS = load()\nROWS = load()\nOPTIONS = dict(load())\n"
    found = _deployments(names + THREAD_AND_POOL.replace("{line}", line))
    assert found[1:] == [("svc1", "n1"), ("svc2", "n1")]
    assert found[0][0] == "?"


def test_a_keyword_beside_unknown_arguments_is_still_read() -> None:
    found = _deployments('mk("svc1", "n1")\nmk(*sys.argv[1:2], net="n2")')
    assert found == [("?", "n2"), ("svc1", "n1")]


def test_a_map_of_one_unknown_list_reads_the_function_s_other_arguments() -> None:
    script = 'def one(name, net="n1"):\n    mk(name, net)\nmk("svc1", "n1")\nwith Pool(2) as p:\n    p.map(one, sys.argv[1:])'
    assert _deployments(script) == [("?", "n1"), ("svc1", "n1")]


def test_a_map_over_no_items_calls_nothing_and_keeps_the_other_calls() -> None:
    script = 'mk("svc1", "n1")\nwith Pool(2) as p:\n    p.starmap(mk, [])\n    p.map(mk, (), ())'
    assert _deployments(script) == [("svc1", "n1")]


READ_WHERE_CALLED = {
    "a-parameter-given-a-written-list": (
        "def deploy_all(names, nets):\n    with ThreadPoolExecutor() as ex:\n        ex.map(mk, names, nets)\n"
        'deploy_all(["svc1", "svc2"], ["n1", "n2"])'
    ),
    "a-parameter-s-default": (
        'def deploy_all(names=("svc1", "svc2"), nets=("n1", "n2")):\n    with Pool(2) as p:\n'
        "        p.map(mk, names, nets)\ndeploy_all()"
    ),
    "a-list-built-by-appends": (
        'NAMES = []\nNAMES.append("svc1")\nNAMES.append("svc2")\n'
        'with ThreadPoolExecutor() as ex:\n    ex.map(mk, NAMES, ["n1", "n2"])'
    ),
    "a-list-comprehension": (
        'NAMES = ["svc%d" % i for i in (1, 2)]\nwith ThreadPoolExecutor() as ex:\n    ex.map(mk, NAMES, ["n1", "n2"])'
    ),
}


@pytest.mark.parametrize("script", READ_WHERE_CALLED.values(), ids=READ_WHERE_CALLED.keys())
def test_a_map_over_lists_known_in_full_where_it_runs_calls_the_function_with_each_item(script: str) -> None:
    assert _deployments(script) == [("svc1", "n1"), ("svc2", "n2")]
