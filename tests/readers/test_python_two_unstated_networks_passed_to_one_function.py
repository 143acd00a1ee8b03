"""Two values a Python script does not state, passed as the virtual network to one of its functions by two
calls (`deploy('svc1', sys.argv[1])`, `deploy('svc2', sys.argv[2])`), are two networks, each a stand-in of
its own, as two such values passed for the deployment are two deployments; a call that passes the first
value again is in the first network."""

from __future__ import annotations

import textwrap

from migcheck.model import Deployment
from migcheck.readers import read_document

SCRIPT = """\
import os, sys
from azure.servicemanagement import ConfigurationSet, ServiceManagementService
sms = ServiceManagementService("sub", "c.pem")

def deploy(svc, vnet):
    net = ConfigurationSet()
    net.subnet_names.append("front")
    sms.create_virtual_machine_deployment(svc, svc, "production", "l", "vm1", None, None, network_config=net,
                                          virtual_network_name=vnet)

"""
AT = "deploy.py:9"  # where the call in `deploy` passes the network


def _networks(calls: str) -> dict[str, str]:
    """The network of each deployment the script describes, by the deployment's name."""
    text = SCRIPT + textwrap.dedent(calls).lstrip("\n")
    document = read_document("deploy.py", text.encode(), explicit=True)
    assert document is not None and document.problem is None
    found = {}
    for deployment in document.resources:
        if isinstance(deployment, Deployment):
            assert deployment.virtual_network is not None
            found[deployment.name] = deployment.virtual_network.name
    return found


def test_two_values_passed_by_two_calls_are_two_networks() -> None:
    calls = """
        deploy("svc1", sys.argv[1])
        deploy("svc2", sys.argv[2])
        deploy("svc3", sys.argv[1])
        """
    assert _networks(calls) == {
        "svc1": f"<virtual network name, {AT}>",
        "svc2": f"<virtual network name, {AT}, turn 2>",
        "svc3": f"<virtual network name, {AT}>",
    }


def test_by_keyword_and_from_the_environment_alike() -> None:
    calls = """
        deploy(vnet=os.environ["FRONT"], svc="svc1")
        deploy("svc2", vnet=os.environ["BACK"])
        """
    assert _networks(calls) == {
        "svc1": f"<virtual network name, {AT}>",
        "svc2": f"<virtual network name, {AT}, turn 2>",
    }


def test_one_variable_passed_by_both_calls_is_one_network() -> None:
    calls = """
        vnet = sys.argv[1]
        deploy("svc1", vnet)
        deploy("svc2", vnet)
        """
    assert _networks(calls) == {
        "svc1": f"<virtual network name, {AT}>",
        "svc2": f"<virtual network name, {AT}>",
    }


def test_the_plan_moves_each_network_on_its_own(plan_of) -> None:
    calls = 'deploy("svc1", sys.argv[1])\ndeploy("svc2", sys.argv[2])\n'
    plan = plan_of({"deploy.py": SCRIPT + calls})
    steps = {
        step.name: [m.split("'")[1] for m in step.moves if m.startswith("cloud service")]
        for step in plan.steps
        if step.name.startswith("<virtual network name")
    }
    assert steps == {
        f"<virtual network name, {AT}>": ["svc1"],
        f"<virtual network name, {AT}, turn 2>": ["svc2"],
    }
