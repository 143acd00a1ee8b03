"""Python scripts: a cloud service named by a value the script does not state, bound more than once, and
names a script sets twice before it passes them on to a function of its own.

Two calls that read one name the script binds on several paths (a name made up at random, drawn again in
a retry loop until it is free, or taken from a list on the other branch) read the same value when nothing
can bind the name again between them: `add_role` adds its VM to the deployment
`create_virtual_machine_deployment` creates, and rules on the whole cloud service (MIG103) see both. A
binding between the calls, or in a loop around one of them, keeps them apart, as two names do.

A name set to a placeholder and then to its value (`cs_name = " "` then `cs_name = "mysqlcs"`) holds the
value, as the script runs it, also where a function of the script's own receives it (by keyword) and
passes it on to the SDK; a name bound from another keeps the value the other held where it was bound.
Each behaviour is checked at its line and column, with the near misses that must not change."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from growth import assert_linear
from lint_support import lint_files, where

from migcheck.model import Deployment, is_stand_in
from migcheck.readers import read_document

HEADER = """\
import random
from azure.servicemanagement import *
sms = ServiceManagementService('sub', 'c.pem')
"""

# The shape of thu-mooc-vm/create_vms.py: the service's name is made up at random, drawn again until it
# is free (or taken from a list on the other branch); the first VM is created in an availability set, the
# others are added in a loop without one.
RANDOM_SERVICE = """\
def random_str():
    return str(random.randint(0, 10000))

if ready():
    serv_name = 'thu-mooc' + random_str()
    while not sms.check_hosted_service_name_availability(serv_name).result:
        serv_name = 'thu-mooc' + random_str()
    sms.create_hosted_service(serv_name, serv_name, 'desc', location='East Asia')
else:
    serv_name = sms.list_hosted_services()[0].service_name

dep_name = 'myvm'
sms.create_virtual_machine_deployment(service_name=serv_name, deployment_name=dep_name,
                                      deployment_slot='production', label='l', role_name='vm1',
                                      system_config=None, os_virtual_hard_disk=None,
                                      availability_set_name='as1')
{between}
for i in range(2, 4):
    {in_loop}
    sms.add_role(
        service_name=serv_name,
        deployment_name=dep_name,
        role_name='vm' + str(i),
        system_config=None,
        os_virtual_hard_disk=None,
    )
"""


def random_service(between: str = "", in_loop: str = "pass") -> str:
    return HEADER + RANDOM_SERVICE.format(between=between, in_loop=in_loop)


def deployments(text: str, path: str = "ops/deploy.py") -> list[tuple[str, str, list[str]]]:
    document = read_document(path, text.encode("utf-8"), explicit=True)
    assert document is not None and document.problem is None
    return [
        (d.service_name, d.name, [r.name for r in d.roles])
        for d in document.resources
        if isinstance(d, Deployment)
    ]


def findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, code: str) -> list[str]:
    """`CODE deploy.py:line:column` of the findings of rule `code` on the script `deploy.py`."""
    return where(lint_files(tmp_path, monkeypatch, {"deploy.py": text}, code, dedent=False).findings)


# --- 1. one cloud service named by a name bound on several paths --------------------------------------------


def test_calls_that_read_a_name_bound_on_several_paths_name_one_deployment():
    # `range(2, 4)` runs two turns, each adding a VM of its own to the one deployment.
    vms = ["vm1", "<VM name, deploy.py:26, turn 1>", "<VM name, deploy.py:26, turn 2>"]
    assert deployments(random_service()) == [("", "myvm", vms)]


def test_the_vm_added_outside_the_availability_set_is_reported_where_it_is_added(tmp_path, monkeypatch):
    text = random_service()
    assert text.splitlines()[22].startswith("    sms.add_role(")
    assert findings(tmp_path, monkeypatch, text, "MIG103") == ["MIG103 deploy.py:23:9"] * 2  # a VM each turn


def test_the_readiness_summary_lists_one_cloud_service_with_every_vm(tmp_path, monkeypatch, capsys):
    from migcheck.cli import main

    (tmp_path / "deploy.py").write_text(random_service(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", "."])
    summary = capsys.readouterr().out.split("Readiness by migration scope:")[1]
    # The script builds the service's name at run time: it is listed by its deployment's, as a stand-in.
    assert "<cloud service of deployment myvm, deploy.py:16> (3 VMs)" in summary
    assert "(1 VM)" not in summary


@pytest.mark.parametrize(
    "between, in_loop",
    [
        ("serv_name = sms.list_hosted_services()[1].service_name", "pass"),  # bound again between the calls
        ("", "serv_name = serv_name + str(i)"),  # bound again in the loop around the second call
        ("", "serv_name = sms.list_hosted_services()[i].service_name"),
    ],
)
def test_a_name_bound_again_between_the_calls_keeps_them_apart(between, in_loop):
    found = deployments(random_service(between, in_loop))
    assert len(found) == 2, found


def test_two_names_bound_alike_keep_their_calls_apart():
    text = random_service(between="other = 'thu-mooc' + random_str()")
    text = text.replace("        service_name=serv_name,", "        service_name=other,")
    assert len(deployments(text)) == 2


def test_a_name_drawn_again_until_it_is_free_names_one_deployment():
    text = HEADER + textwrap.dedent(
        """
        name = 'svc' + str(random.randint(0, 99))
        while not sms.check_hosted_service_name_availability(name).result:
            name = 'svc' + str(random.randint(0, 99))
        sms.create_virtual_machine_deployment(name, 'd', 'production', 'l', 'vm01', None, None)
        sms.add_role(name, 'd', 'vm02', None, None)
        """
    )
    assert deployments(text) == [("", "d", ["vm01", "vm02"])]


def test_a_name_bound_in_a_loop_that_ended_before_both_calls_names_one_deployment():
    text = HEADER + textwrap.dedent(
        """
        for row in rows():
            name = row.name
        sms.create_virtual_machine_deployment(name, 'd', 'production', 'l', 'vm01', None, None)
        sms.add_role(name, 'd', 'vm02', None, None)
        """
    )
    assert deployments(text) == [("", "d", ["vm01", "vm02"])]


def test_a_module_name_bound_on_several_paths_read_in_a_function_keeps_the_calls_apart():
    """The module may bind it again between two calls of the function."""
    text = HEADER + textwrap.dedent(
        """
        name = input()
        if not name:
            name = 'svc' + str(random.randint(0, 99))

        def deploy():
            sms.create_virtual_machine_deployment(name, 'd', 'production', 'l', 'vm01', None, None)
            sms.add_role(name, 'd', 'vm02', None, None)
        """
    )
    assert len(deployments(text)) == 2


def test_a_name_bound_in_a_loop_around_both_calls_keeps_them_apart():
    text = HEADER + textwrap.dedent(
        """
        name = input()
        for row in rows():
            sms.create_virtual_machine_deployment(name, 'd', 'production', 'l', 'vm01', None, None)
            sms.add_role(name, 'd', 'vm02', None, None)
            name = row.name
        """
    )
    assert len(deployments(text)) == 2


def test_a_name_bound_on_both_branches_in_a_function_names_one_deployment_there():
    text = HEADER + textwrap.dedent(
        """
        def create(settings):
            if settings.get('name'):
                service = settings['name']
            else:
                service = 'svc' + random_str()
            sms.create_virtual_machine_deployment(service, 'd', 'production', 'l', 'vm01', None, None)
            sms.add_role(service, 'd', 'vm02', None, None)
        """
    )
    assert deployments(text) == [("", "d", ["vm01", "vm02"])]


def test_a_name_read_before_it_is_bound_again_and_after_keeps_the_calls_apart():
    text = HEADER + textwrap.dedent(
        """
        def create(settings):
            if settings.get('name'):
                service = settings['name']
            else:
                service = 'svc' + random_str()
            sms.create_virtual_machine_deployment(service, 'd', 'production', 'l', 'vm01', None, None)
            if settings.get('other'):
                service = settings['other']
            sms.add_role(service, 'd', 'vm02', None, None)
        """
    )
    assert len(deployments(text)) == 2


# --- 2. names set to a placeholder, then to their value, passed on through a function of the script --------

# The shape of mysql-chef-vmcluster/VMClusterSetup.py: a helper that creates a VM, given its names and its
# network configuration by keyword; the caller sets the names to a placeholder first.
HELPER = """\
def create_single(cs_name, deployment_name, label, role_name, system_config=None, os_hd=None,
                  vnet_name=None, network_config=None, add_role=False):
    if add_role == False:
        return svc.create_virtual_machine_deployment(service_name=cs_name,
            deployment_name=deployment_name,
            deployment_slot='production',
            label=cs_name,
            role_name=role_name,
            system_config=system_config,
            os_virtual_hard_disk=os_hd,
            virtual_network_name=vnet_name,
            network_config=network_config)
    else:
        return svc.add_role(service_name=cs_name, deployment_name=deployment_name, role_name=role_name,
                            system_config=system_config, os_virtual_hard_disk=os_hd,
                            network_config=network_config)

def create_cluster():
    cs_name = " "
    vnet_name = " "

    cs_name = "mysqlcs"
    vnet_name = "myvnet"

    network = ConfigurationSet()
    network.configuration_set_type = "NetworkConfiguration"
    network.input_endpoints.input_endpoints.append(ConfigurationSetInputEndpoint('ssh', 'tcp', '22', '22'))
    network_02 = ConfigurationSet()
    network_02.input_endpoints.input_endpoints.append(ConfigurationSetInputEndpoint('ssh', 'tcp', '223', '22'))

    create_single(cs_name=cs_name + "01",
        deployment_name=cs_name + "01",
        label=cs_name + "01",
        role_name=cs_name + "01",
        vnet_name=vnet_name,
        network_config=network, add_role=False)
    create_single(cs_name=cs_name + "02",
        deployment_name=cs_name + "02",
        label=cs_name + "02",
        role_name=cs_name + "02",
        vnet_name=vnet_name,
        network_config=network_02, add_role=False)

if __name__ == "__main__":
    if input("Enter your choice") == "vm":
        create_cluster()
"""
CLUSTER = "from azure.servicemanagement import *\nsvc = ServiceManagementService('sub', 'c.pem')\n" + HELPER


def test_names_set_twice_reach_the_sdk_through_a_function_of_the_script():
    assert deployments(CLUSTER) == [
        ("mysqlcs01", "mysqlcs01", ["mysqlcs01"]),
        ("mysqlcs02", "mysqlcs02", ["mysqlcs02"]),
    ]


def test_each_vm_the_function_creates_without_a_subnet_is_reported(tmp_path, monkeypatch):
    """MIG203: in virtual network 'myvnet', with no subnet; shown where the VM is created."""
    assert findings(tmp_path, monkeypatch, CLUSTER, "MIG203") == ["MIG203 deploy.py:6:20"] * 2


def test_a_subnet_in_the_network_configuration_keeps_it_silent(tmp_path, monkeypatch):
    text = CLUSTER.replace(
        "    network_02 = ConfigurationSet()\n",
        "    network.subnet_names.append('db')\n    network_02 = ConfigurationSet()\n"
        "    network_02.subnet_names.append('db')\n",
    )
    assert findings(tmp_path, monkeypatch, text, "MIG203") == []


CREATE_IN_VNET = (
    "sms.create_virtual_machine_deployment('s', 'd', 'p', 'l', 'vm', None, None, virtual_network_name=vnet)\n"
)


def vnet_of(text: str) -> str | None:
    """The virtual network of the one deployment of the script, None when it is not known, "<unstated>" for
    one it does not name (a stand-in: never none)."""
    document = read_document("deploy.py", text.encode("utf-8"), explicit=True)
    assert document is not None and document.problem is None
    (deployment,) = [r for r in document.resources if isinstance(r, Deployment)]
    network = deployment.virtual_network
    if network is not None and is_stand_in(network.name):
        return "<unstated>"
    return network.name if network is not None else None


@pytest.mark.parametrize(
    "setup, vnet",
    [
        ("vnet = ''\nvnet = 'prod-vnet'", "prod-vnet"),
        ("vnet = None\nvnet = 'prod-vnet'", "prod-vnet"),
        ("vnet = 'prod'\nvnet = vnet + '-vnet'", "prod-vnet"),
        # a name bound from another keeps the value the other held there, not the one it holds later
        ("name = 'prod-vnet'\nvnet = name\nname = 'test-vnet'", "prod-vnet"),
        ("if ready():\n    name = 'prod-vnet'\nvnet = name\nname = 'test-vnet'", None),
        ("if True:\n    name = 'prod-vnet'\nvnet = name\nname = 'test-vnet'", "prod-vnet"),
        # the last binding is one the script does not state
        ("vnet = 'prod-vnet'\nvnet = input()", "<unstated>"),
        ("vnet = 'prod-vnet'\nvnet += '-x'", "<unstated>"),
        # a binding that may not run before the read
        ("vnet = 'prod-vnet'\nif ready():\n    vnet = input()", None),
        ("vnet = 'prod-vnet'\nfor row in rows():\n    vnet = row", "<unstated>"),
        ("vnet = 'prod-vnet'\nwhile ready():\n    vnet = 'test-vnet'", "<unstated>"),
    ],
)
def test_a_name_bound_more_than_once_holds_the_last_value_bound_before_the_read(setup, vnet):
    assert vnet_of(HEADER + setup + "\n" + CREATE_IN_VNET) == vnet


def test_names_swapped_in_one_statement_hold_each_other_s_value():
    text = HEADER + textwrap.dedent(
        """
        a, b = 'web01', 'web02'
        a, b = b, a
        sms.create_virtual_machine_deployment('shop', 'shop', 'production', 'l', a, None, None)
        sms.add_role('shop', 'shop', b, None, None)
        """
    )
    assert deployments(text) == [("shop", "shop", ["web02", "web01"])]


def test_a_name_bound_again_after_the_call_is_not_what_the_call_reads():
    text = HEADER + "vnet = 'a'\nvnet = 'prod-vnet'\n" + CREATE_IN_VNET + "vnet = 'test-vnet'\n"
    assert vnet_of(text) == "prod-vnet"


# --- cost ---------------------------------------------------------------------------------------------------


def test_many_names_bound_on_several_paths_and_read_twice_cost_linear_time():
    """Each read finds the binding it sees by position, and the loops that bind a name are worked out once
    per name, however many bindings and reads it has."""

    def make(n: int):
        block = (
            "if ready():\n    name = input()\nelse:\n    name = 'svc' + str(random.randint(0, 99))\n"
            "sms.create_virtual_machine_deployment(name, 'd', 'production', 'l', 'a{i}', None, None)\n"
            "sms.add_role(name, 'd', 'b{i}', None, None)\n"
        )
        data = (HEADER + "".join(block.format(i=i) for i in range(n))).encode("utf-8")

        def work() -> None:
            document = read_document("deploy.py", data, explicit=True)
            assert document is not None
            found = [r for r in document.resources if isinstance(r, Deployment)]
            assert len(found) == n and all(len(d.roles) == 2 for d in found)

        return work

    assert_linear(make, 300)
