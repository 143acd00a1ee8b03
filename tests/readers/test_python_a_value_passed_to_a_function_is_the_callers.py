"""A value a Python script does not state (`sys.argv[1]`, `os.environ['SERVICE']`, a variable bound to
`input()`, a parameter, an f-string of those) that a call passes to one of the script's own functions is, in
the function, the caller's value: the deployment a function creates for the cloud service it is given is the
one its caller adds a VM to (`add_role`) or gives a reserved IP under the same value, and the network it
places the deployment in is the one the caller names so. Whether the value is passed by position or keyword,
into `*args` or `**kwargs`, to a method or to the `__init__` that keeps it in an attribute, and through
another function. A value of no identity (what a call gives, passed as it is) stays the parameter's own, as
do two values that may differ."""

from __future__ import annotations

import textwrap

import pytest
from lint_support import lint_files, where

from migcheck.model import Deployment
from migcheck.readers import read_document

HEAD = """\
import os
import sys
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("subscription-id", "management.pem")
"""
FIRST = HEAD.count("\n") + 1  # the line of the script's first statement after HEAD


def _create(service: str, vm: str = "vm1", extra: str = "") -> str:
    return (
        f'sms.create_virtual_machine_deployment({service}, {service}, "production", "{vm}", "{vm}", None, None,'
        f' role_size="Small"{extra})'
    )


def _add(service: str) -> str:
    return f'sms.add_role({service}, {service}, "vm2", None, None, role_size="Small")'


def _deployments(script: str) -> list[Deployment]:
    text = HEAD + textwrap.dedent(script).lstrip("\n")
    document = read_document("deploy.py", text.encode(), explicit=True)
    assert document is not None and document.problem is None
    return [r for r in document.resources if isinstance(r, Deployment)]


def _vms(script: str) -> list[list[str]]:
    """The VMs of each deployment the script describes."""
    return [[role.name for role in deployment.roles] for deployment in _deployments(script)]


ENV = "os.environ['SERVICE']"
KW = "kw['service']"
PASSED_F = "f'{prefix}-svc'"
ARG_F = "f'{sys.argv[1]}-svc'"
ARG_A, ARG_B = "f'{sys.argv[1]}-a'", "f'{sys.argv[1]}-b'"
ITEM = "cfg['a']['name']"


def _in_function(params: str, creation: str, rest: str) -> str:
    """A function `deploy(params)` that creates the deployment, then `rest`, at the module's level."""
    return f"def deploy({params}):\n    {creation}\n{rest}"


@pytest.mark.parametrize(
    "script",
    [
        _in_function("service", _create("service"), "deploy(sys.argv[1])\n" + _add("sys.argv[1]")),
        _in_function(
            "net, service", _create("service"), "deploy(service=sys.argv[1], net='x')\n" + _add("sys.argv[1]")
        ),
        _in_function("service", _create("service"), f"deploy({ENV})\n" + _add(ENV)),
        "name = input()\n" + _in_function("service", _create("service"), "deploy(name)\n" + _add("name")),
        _in_function("*names", _create("names[0]"), "deploy(sys.argv[1])\n" + _add("sys.argv[1]")),
        _in_function("**kw", _create(KW), "deploy(service=sys.argv[1])\n" + _add("sys.argv[1]")),
        "class Deployer:\n    def deploy(self, service):\n        "
        + _create("service")
        + "\nd = Deployer()\nd.deploy(sys.argv[1])\n"
        + _add("sys.argv[1]"),
        "class Deployer:\n    def __init__(self, service):\n        self.service = service\n"
        + "    def deploy(self):\n        "
        + _create("self.service")
        + "\nDeployer(sys.argv[1]).deploy()\n"
        + _add("sys.argv[1]"),
        _in_function(
            "service",
            _create("service"),
            "def main(name):\n    deploy(name)\n    " + _add("name") + "\nmain(sys.argv[1])",
        ),
        _in_function(
            "service",
            _create("service"),
            "def main(name):\n    deploy(name)\nmain(sys.argv[1])\n" + _add("sys.argv[1]"),
        ),
        "prefix = sys.argv[1]\n"
        + _in_function("service", _create("service"), f"deploy({PASSED_F})\n" + _add(PASSED_F)),
        _in_function("prefix", _create("prefix + '-svc'"), "deploy(sys.argv[1])\n" + _add(ARG_F)),
    ],
    ids=[
        "positional",
        "keyword",
        "environment",
        "input-held",
        "star-args",
        "star-star-kwargs",
        "method",
        "init-attribute",
        "nested-call-adds",
        "nested-caller-adds",
        "f-string-passed",
        "built-in-the-function",
    ],
)
def test_the_vm_the_caller_adds_is_in_the_deployment_the_function_creates(script):
    assert _vms(script) == [["vm1", "vm2"]]


def test_an_argument_passed_on_elsewhere_still_names_one_deployment():
    """Passing `sys.argv[1]` to a function cannot change which string `sys.argv[1]` is."""
    script = (
        "def log(name):\n    print(name)\nlog(sys.argv[1])\n"
        + _create("sys.argv[1]")
        + "\n"
        + _add("sys.argv[1]")
    )
    assert _vms(script) == [["vm1", "vm2"]]


@pytest.mark.parametrize(
    "script",
    [
        _in_function("service", _create("service"), "deploy(input())\n" + _add("input()")),
        _in_function(
            "service",
            _create("service"),
            "name = sys.argv[1]\ndeploy(name)\nname = sys.argv[2]\n" + _add("name"),
        ),
        _in_function("service", _create("service"), f"deploy({ARG_A})\n" + _add(ARG_B)),
        "cfg = {'a': {'name': sys.argv[1]}}\ndef rename(part):\n    part['name'] = 'other'\n"
        + _create(ITEM)
        + "\nrename(cfg['a'])\n"
        + _add(ITEM),
    ],
    ids=["no-identity", "bound-again", "another-string", "changed-by-the-function"],
)
def test_values_that_may_differ_stay_apart(script):
    assert _vms(script) == [["vm1"], ["vm2"]]


def test_each_call_passing_its_own_value_creates_its_own_deployment():
    """Read once for each call, `deploy(sys.argv[1])` and `deploy(sys.argv[2])` each create a deployment of
    their own, and `add_role(sys.argv[1], ...)` adds its VM to the first."""
    script = _in_function(
        "service", _create("service"), "deploy(sys.argv[1])\ndeploy(sys.argv[2])\n" + _add("sys.argv[1]")
    )
    assert sorted(_vms(script)) == [["vm1"], ["vm1", "vm2"]]


@pytest.mark.parametrize(
    "script",
    [
        "def reserve(service):\n    sms.associate_reserved_ip_address('rip1', service, service)\n"
        + "svc = sys.argv[1]\n"
        + _create("svc")
        + "\nreserve(svc)",
        _in_function(
            "service",
            _create("service"),
            "deploy(sys.argv[1])\nsms.associate_reserved_ip_address('rip1', sys.argv[1], sys.argv[1])",
        ),
    ],
    ids=["associated-in-the-function", "created-in-the-function"],
)
def test_a_reserved_ip_associated_under_the_callers_name_is_the_deployments(script):
    [deployment] = _deployments(script)
    assert deployment.reserved_ip is not None and deployment.reserved_ip.name == "rip1"


def test_the_network_a_function_is_given_is_the_one_its_caller_names():
    line = FIRST + 1  # where the function passes the network it is given
    script = f"""
        def deploy(service, net):
            {_create("service", extra=", virtual_network_name=net")}
        net = os.environ["VNET"]
        deploy("svc1", net)
        {_create('"svc2"', "vm2", ", virtual_network_name=net")}
        """
    networks = [d.virtual_network.name if d.virtual_network else None for d in _deployments(script)]
    assert networks == [f"<virtual network name, deploy.py:{line}>"] * 2


def test_a_rule_on_the_whole_cloud_service_sees_the_vm_the_caller_adds(tmp_path, monkeypatch):
    """MIG103: the function creates its VM in an availability set, the caller adds one in none."""
    script = HEAD + textwrap.dedent(
        f"""\
        def deploy(service):
            {_create("service", extra=', availability_set_name="web-as"')}
        deploy(sys.argv[1])
        {_add("sys.argv[1]")}
        """
    )
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": script}, "MIG103", dedent=False)
    column = _add("sys.argv[1]").index("add_role") + 1
    assert where(result.findings) == [f"MIG103 deploy.py:{FIRST + 3}:{column}"]
