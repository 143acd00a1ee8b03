"""A function of a Python script run in a thread, a process or a pool is read as called with the arguments
it is given there: `threading.Thread(target=deploy, args=(...), kwargs={...})`, `multiprocessing.Process`,
`threading.Timer`, an executor's `submit(deploy, ...)`, a pool's `apply`/`apply_async(deploy, args, kwds)`,
and, once for each item written out, `map(deploy, items)` and `starmap(deploy, [(...), ...])` of an
executor or a pool. So is a function that passes its `**kwargs` straight on to an SDK call, called with
keywords, however many times: what each call passes is its own."""

from __future__ import annotations

import textwrap

import pytest

from migcheck.model import Deployment
from migcheck.readers import read_document

HEAD = """\
import threading, multiprocessing
from concurrent.futures import ThreadPoolExecutor
from multiprocessing import Pool
from threading import Thread
from azure.servicemanagement import ConfigurationSet, ServiceManagementService
sms = ServiceManagementService("sub", "c.pem")
net = ConfigurationSet()
net.subnet_names.append("front")
net.subnet_names.append("back")
"""
DEPLOY = """def deploy(svc, vm="vm1"):
    sms.create_virtual_machine_deployment(svc, svc, "production", "l", vm, None, None, network_config=net,
                                          virtual_network_name="vnet1")
"""


def _deployments(script: str) -> list[tuple[str, list[str], list[str]]]:
    """Each deployment the script describes: its name, its VMs' names, and the subnets of the first."""
    text = HEAD + textwrap.dedent(script).lstrip("\n")
    document = read_document("deploy.py", text.encode(), explicit=True)
    assert document is not None and document.problem is None
    found = []
    for deployment in document.resources:
        if isinstance(deployment, Deployment):
            roles = deployment.roles
            found.append((deployment.name, [r.name for r in roles], [s.name for s in roles[0].subnets]))
    return sorted(found)


ONE = [("svc1", ["vm2"], ["front", "back"])]
RUN_ONCE = {
    "thread-args": 'threading.Thread(target=deploy, args=("svc1", "vm2")).start()',
    "thread-kwargs": 'Thread(target=deploy, kwargs={"svc": "svc1", "vm": "vm2"}).start()',
    "thread-both": 't = Thread(target=deploy, args=("svc1",), kwargs={"vm": "vm2"})\nt.start()\nt.join()',
    "thread-args-by-name": 'ARGS = ("svc1", "vm2")\nThread(target=deploy, args=ARGS).start()',
    "process": 'multiprocessing.Process(target=deploy, args=("svc1", "vm2")).start()',
    "timer": 'threading.Timer(5, deploy, ["svc1"], {"vm": "vm2"}).start()',
    "submit": 'with ThreadPoolExecutor() as ex:\n    ex.submit(deploy, "svc1", vm="vm2")',
    "apply-async": 'with Pool(2) as p:\n    p.apply_async(deploy, ("svc1",), {"vm": "vm2"}).get()',
    "method-as-target": (
        "class Ops:\n"
        "    def run(self, svc, vm):\n"
        "        deploy(svc, vm)\n"
        "    def start(self):\n"
        '        Thread(target=self.run, args=("svc1", "vm2")).start()\n'
        "Ops().start()"
    ),
}


@pytest.mark.parametrize("script", RUN_ONCE.values(), ids=RUN_ONCE.keys())
def test_a_function_run_once_elsewhere_is_called_with_what_it_is_given(script: str) -> None:
    assert _deployments(DEPLOY + script) == ONE


TWO = [("svc1", ["vm-svc1"], ["front", "back"]), ("svc2", ["vm-svc2"], ["front", "back"])]
RUN_EACH = {
    "executor-map": 'with ThreadPoolExecutor(4) as ex:\n    list(ex.map(deploy_named, ["svc1", "svc2"]))',
    "pool-map": 'if __name__ == "__main__":\n    with Pool(2) as p:\n        p.map(deploy_named, ("svc1", "svc2"))',
    "items-by-name": 'SERVICES = ["svc1", "svc2"]\nwith Pool(2) as p:\n    p.imap_unordered(deploy_named, SERVICES)',
    "starmap": 'with Pool(2) as p:\n    p.starmap(deploy, [("svc1", "vm-svc1"), ("svc2", "vm-svc2")])',
}


@pytest.mark.parametrize("script", RUN_EACH.values(), ids=RUN_EACH.keys())
def test_a_function_mapped_over_items_is_called_once_with_each(script: str) -> None:
    named = 'def deploy_named(svc):\n    deploy(svc, "vm-" + svc)\n' if "deploy_named" in script else ""
    assert _deployments(DEPLOY + named + script) == TWO


def test_items_the_script_appends_before_are_read_as_the_map_finds_them() -> None:
    script = (
        'def deploy_named(svc):\n    deploy(svc, "vm-" + svc)\n'
        'SERVICES = ["svc1"]\nSERVICES.append("svc2")\n'
        "with Pool(2) as p:\n    p.map(deploy_named, SERVICES)"
    )
    assert _deployments(DEPLOY + script) == TWO


def test_items_the_script_changes_unseen_before_are_not_known() -> None:
    script = (
        'def deploy_named(svc):\n    deploy(svc, "vm-" + svc)\n'
        'SERVICES = ["svc1"]\nSERVICES.extend(load())\n'
        "with Pool(2) as p:\n    p.map(deploy_named, SERVICES)"
    )
    [(name, vms, _)] = _deployments(DEPLOY + script)
    assert name.startswith("<deployment name") and vms[0].startswith("<VM name")


KWARGS = (
    "def make(**kw):\n"
    "    sms.create_virtual_machine_deployment(**kw)\n"
    'make(service_name="svc1", deployment_name="svc1", deployment_slot="production", label="l", '
    'role_name="vm1", system_config=None, os_virtual_hard_disk=None, network_config=net, '
    'virtual_network_name="vnet1")\n'
    'make(service_name="svc2", deployment_name="svc2", deployment_slot="production", label="l", '
    'role_name="vm2", system_config=None, os_virtual_hard_disk=None, network_config=net, '
    'virtual_network_name="vnet2")\n'
)


def test_keywords_passed_on_through_kwargs_are_each_call_s_own() -> None:
    assert _deployments(KWARGS) == [
        ("svc1", ["vm1"], ["front", "back"]),
        ("svc2", ["vm2"], ["front", "back"]),
    ]


@pytest.mark.parametrize(
    ("body", "subnets"),
    [("print(sorted(kw))", ["front", "back"]), ('kw["network_config"].subnet_names.append("x")', [])],
    ids=["only-read", "changed"],
)
def test_an_object_passed_into_kwargs_is_known_after_unless_the_function_changes_it(
    body: str, subnets: list[str]
) -> None:
    script = (
        f"def touch(**kw):\n    {body}\n"
        "touch(network_config=net)\n"
        'sms.create_virtual_machine_deployment("svc1", "svc1", "production", "l", "vm1", None, None, '
        'network_config=net, virtual_network_name="vnet1")\n'
    )
    assert _deployments(script) == [("svc1", ["vm1"], subnets)]
