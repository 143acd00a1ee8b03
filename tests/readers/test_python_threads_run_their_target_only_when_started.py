"""A `threading.Thread`, `multiprocessing.Process` or `threading.Timer` runs its target only once it is
started (`start()`, or `run()` in the caller's own thread). One the script starts where it makes it
(`Thread(...).start()`), by the name or attribute that keeps it, or item by item from the list that keeps
it (`for t in ts: t.start()`), surely after making it, runs its target there; one nothing starts (left
alone, or only joined and given attributes) runs nothing; one started only on some path, or let go where
the reader does not follow it, may run its target. A function called in a list comprehension over items
the script writes out (the threads' own list among them) is called once with each item."""

from __future__ import annotations

import textwrap

import pytest
from lint_support import PY_RESERVED_IP_DEPLOYMENT as CREATE

from migcheck.model import Deployment, ReservedIp
from migcheck.readers import read_document

HEAD = """\
import os, threading, multiprocessing
from threading import Thread, Timer
from multiprocessing import Process
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService("sub", "c.pem")
def mk(name, net="n1"):
    sms.create_virtual_machine_deployment(name, name, "production", name, name, None, None, virtual_network_name=net)
mk("svc0")
"""


def _read(script: str):
    document = read_document("deploy.py", script.encode(), explicit=True)
    assert document is not None and document.problem is None
    return document.resources


def _deployments(script: str) -> list[str]:
    text = HEAD + textwrap.dedent(script).lstrip("\n")
    return sorted(r.name for r in _read(text) if isinstance(r, Deployment))


NEVER_STARTED = {
    "left-alone": 'Thread(target=mk, args=("svc1",))',
    "process-left-alone": 'multiprocessing.Process(target=mk, args=("svc1",), daemon=True)',
    "timer-left-alone": 'Timer(5, mk, ["svc1"])',
    "kept-and-never-read": 't = Thread(target=mk, args=("svc1",))',
    "given-attributes-only": 't = Thread(target=mk, args=("svc1",))\nt.daemon = True\nprint(t.name)',
    "joined-not-started": 'Thread(target=mk, args=("svc1",)).join()',
    "list-never-started": 'ts = [Thread(target=mk, args=(n,)) for n in ("svc1", "svc2")]',
    "appended-never-started": 'threads = []\nthreads.append(Thread(target=mk, args=("svc1",)))',
}


@pytest.mark.parametrize("script", NEVER_STARTED.values(), ids=NEVER_STARTED.keys())
def test_a_thread_nothing_starts_runs_nothing(script: str) -> None:
    assert _deployments(script) == ["svc0"]


STARTED = {
    "where-made": 'Thread(target=mk, args=("svc1",)).start()',
    "run-here": 'threading.Thread(target=mk, args=("svc1",)).run()',
    "by-its-name": 't = Thread(target=mk, args=("svc1",))\nt.daemon = True\nt.start()\nt.join()',
    "process-by-its-name": 'p = Process(target=mk, args=("svc1",))\np.start()\np.join()',
    "timer-by-its-name": 't = Timer(1.0, mk, ["svc1"])\nt.start()',
    "in-a-function-in-a-try": (
        "def main():\n"
        '    t = Thread(target=mk, args=("svc1",))\n'
        "    try:\n"
        "        t.start()\n"
        "    finally:\n"
        "        t.join()\n"
        "main()"
    ),
    "by-an-attribute": (
        'class Runner:\n    def go(self):\n        self.t = Thread(target=mk, args=("svc1",))\n'
        "        self.t.start()\nRunner().go()"
    ),
}


@pytest.mark.parametrize("script", STARTED.values(), ids=STARTED.keys())
def test_a_started_thread_runs_its_target(script: str) -> None:
    assert _deployments(script) == ["svc0", "svc1"]


STARTED_FROM_A_LIST = {
    "comprehension-then-loop": (
        'ts = [Thread(target=mk, args=(n,)) for n in ("svc1", "svc2")]\nfor t in ts:\n    t.start()\n'
        "for t in ts:\n    t.join()"
    ),
    "written-list-then-loop": (
        'ts = [Thread(target=mk, args=("svc1",)), Thread(target=mk, args=("svc2",))]\nfor t in ts:\n    t.start()'
    ),
    "appended-then-loop": (
        'threads = []\nfor n in ("svc1", "svc2"):\n    threads.append(Thread(target=mk, args=(n,)))\n'
        "for t in threads:\n    t.start()"
    ),
    "started-in-a-comprehension": (
        'ts = [Thread(target=mk, args=(n,)) for n in ("svc1", "svc2")]\n[t.start() for t in ts]'
    ),
    "made-and-started-in-a-loop": 'for n in ("svc1", "svc2"):\n    t = Thread(target=mk, args=(n,))\n    t.start()',
}


@pytest.mark.parametrize("script", STARTED_FROM_A_LIST.values(), ids=STARTED_FROM_A_LIST.keys())
def test_threads_started_from_the_list_that_keeps_them_each_run_their_target(script: str) -> None:
    assert _deployments(script) == ["svc0", "svc1", "svc2"]


def test_a_function_called_in_a_comprehension_over_written_items_is_called_with_each() -> None:
    assert _deployments('[mk(n) for n in ("svc1", "svc2")]') == ["svc0", "svc1", "svc2"]


ASSOCIATE = "import threading\ndef assoc(name):\n    sms.associate_reserved_ip_address(name, 'TestService', 'TestService')\n"
THREAD = 't = threading.Thread(target=assoc, args=("MyReservedIP",))\n'
MAYBE_STARTED = {
    "started-on-one-branch": THREAD + 'if os.environ.get("GO"):\n    t.start()',
    "passed-on": THREAD + "run_all([t])",
    "started-in-another-function": THREAD + "def go():\n    t.start()\ngo()",
    "kept-in-a-table": 'ts = {"a": threading.Thread(target=assoc, args=("MyReservedIP",))}\nts["a"].start()',
}


def _association(script: str) -> tuple[str, str | None, bool]:
    """Who the reserved IP may be on, whether the deployment's VIP is it, and whether that is known."""
    resources = _read(CREATE + ASSOCIATE + script)
    [ip] = [r for r in resources if isinstance(r, ReservedIp)]
    [deployment] = [r for r in resources if isinstance(r, Deployment)]
    vip = deployment.reserved_ip.name if deployment.reserved_ip is not None else None
    return ip.maybe_service, vip, deployment.reserved_ip_known


@pytest.mark.parametrize("script", MAYBE_STARTED.values(), ids=MAYBE_STARTED.keys())
def test_a_thread_that_may_be_started_may_run_its_target(script: str) -> None:
    assert _association(script) == ("TestService", None, False)


def test_a_thread_surely_started_surely_runs_its_target() -> None:
    assert _association(THREAD + "t.start()\nt.join()") == ("", "MyReservedIP", True)


def test_a_thread_never_started_never_runs_its_target() -> None:
    assert _association(THREAD + "t.daemon = True") == ("", None, True)
