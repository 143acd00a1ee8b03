"""Python scripts that call their own functions inside loops, and methods of their own classes.

A call of one of the script's functions inside a loop over items the script writes out runs once for each
item, as a call of the SDK written in the loop's body does: `for vnet in ['a', 'b']: step(vnet, 'Commit')`
commits both networks. The steps keep the order the script runs them in, a loop's whole body for one item
before the next. A method of a class the script defines, called on an instance the script makes (`d =
Deployer(...)`, `self` in the class), has its parameters after `self` bound to what the call passes, as a
function's are; a call on anything else leaves them unknown. So is an instance held in an attribute the
script sets once, to a call of one of its classes (`self.deployer = Deployer(...)` then
`self.deployer.add_vm(...)`), and a method a class inherits from another class of the script, or
overrides, or calls on `super()`. Each behaviour is checked at its line and column, with the near misses
that must stay silent."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from growth import assert_linear
from lint_support import lint_files, where

from migcheck.model import Deployment, Role, Script
from migcheck.readers import read_document

SUB = "11111111-2222-3333-4444-555555555555"
MIGRATION = f"""\
from azure.servicemanagement import ServiceManagementService
SUB = "{SUB}"
sms = ServiceManagementService(SUB, "mgmt.pem")
"""
CLASSES = """\
import azure.servicemanagement as asm
"""


def findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str, code: str) -> list[str]:
    """`CODE name:line:column` of the findings of rule `code` on the script."""
    result = lint_files(tmp_path, monkeypatch, {name: textwrap.dedent(text).lstrip("\n")}, code, dedent=False)
    return where(result.findings)


def steps(text: str) -> list[tuple[str, str]]:
    """(step, target) of each migration step the script runs, in the order read."""
    document = read_document("mig.py", textwrap.dedent(text).lstrip("\n").encode(), explicit=True)
    assert document is not None and document.problem is None
    (script,) = [r for r in document.resources if isinstance(r, Script)]
    return [(step.step, step.target) for step in script.migration]


def networks(text: str) -> list[str]:
    """The virtual network of each deployment the script describes ("" for none or one not known)."""
    document = read_document("k8s.py", textwrap.dedent(text).lstrip("\n").encode(), explicit=True)
    assert document is not None and document.problem is None
    return [
        deployment.virtual_network.name if deployment.virtual_network else ""
        for deployment in document.resources
        if isinstance(deployment, Deployment)
    ]


def vms(text: str) -> dict[str, Role]:
    """The VMs the script describes, by name."""
    document = read_document("k8s.py", textwrap.dedent(text).lstrip("\n").encode(), explicit=True)
    assert document is not None and document.problem is None
    return {
        role.name: role
        for deployment in document.resources
        if isinstance(deployment, Deployment)
        for role in deployment.roles
    }


# --- 1. calls of the script's functions inside loops over written-out items ---------------------------------

VNET_STEP = (
    MIGRATION
    + """

def step(vnet, comp):
    return sms.perform_post("/%s/services/networking/virtualnetwork/%s/migration?comp=%s" % (SUB, vnet, comp), "")


for vnet in ["fab-vnet", "fab-dmz"]:
    step(vnet, "Validate")
    step(vnet, "{second}")
    step(vnet, "{third}")
"""
)


def test_a_function_called_in_a_loop_over_networks_commits_each_before_its_prepare(tmp_path, monkeypatch):
    text = VNET_STEP.format(second="Commit", third="Prepare")
    # At the function's request (run by the call on line 12 in each turn).
    assert findings(tmp_path, monkeypatch, "mig.py", text, "MIG602") == ["MIG602 mig.py:7:16"] * 2


def test_a_function_called_in_a_loop_over_networks_in_the_right_order_is_silent(tmp_path, monkeypatch):
    text = VNET_STEP.format(second="Prepare", third="Commit")
    assert findings(tmp_path, monkeypatch, "mig.py", text, "MIG602") == []
    assert steps(text) == [
        ("validate", "fab-vnet"),
        ("prepare", "fab-vnet"),
        ("commit", "fab-vnet"),
        ("validate", "fab-dmz"),
        ("prepare", "fab-dmz"),
        ("commit", "fab-dmz"),
    ]


SERVICE_STEP = (
    MIGRATION
    + """PREPARE_BODY = (
    '<PrepareDeploymentMigration xmlns="http://schemas.microsoft.com/windowsazure">'
    "<DestinationVirtualNetwork>New</DestinationVirtualNetwork>"
    "</PrepareDeploymentMigration>"
)


def migrate(service, comp, body=""):
    path = "/%s/services/hostedservices/%s/deployments/%s/migration?comp=%s" % (SUB, service, service, comp)
    return sms.perform_post(path, body)


for svc in ["fab-batch", "fab-report"]:
    migrate(svc, "Validate", PREPARE_BODY)
    migrate(svc, {second})
    migrate(svc, {third})
"""
)


def test_a_function_with_a_default_called_in_a_loop_over_services_commits_first(tmp_path, monkeypatch):
    text = SERVICE_STEP.format(second='"Commit"', third='"Prepare", PREPARE_BODY')
    assert findings(tmp_path, monkeypatch, "migrate.py", text, "MIG602") == ["MIG602 migrate.py:13:16"] * 2


def test_a_function_with_a_default_called_in_a_loop_over_services_in_order_is_silent(tmp_path, monkeypatch):
    text = SERVICE_STEP.format(second='"Prepare", PREPARE_BODY', third='"Commit"')
    assert findings(tmp_path, monkeypatch, "migrate.py", text, "MIG602") == []
    assert [target for _, target in steps(text)] == ["fab-batch"] * 3 + ["fab-report"] * 3


LOOP_OVER_STEPS = (
    MIGRATION
    + """

def vnet_step(vnet, comp):
    path = "/%s/services/networking/virtualnetwork/%s/migration?comp=%s" % (SUB, vnet, comp)
    return sms.perform_post(path, "")


for comp in {steps}:
    vnet_step("fab-vnet", comp)
"""
)


def test_a_function_called_in_a_loop_over_the_steps_commits_before_it_prepares(tmp_path, monkeypatch):
    text = LOOP_OVER_STEPS.format(steps='["Validate", "Commit", "Prepare"]')
    assert findings(tmp_path, monkeypatch, "mig.py", text, "MIG602") == ["MIG602 mig.py:8:16"]


def test_a_function_called_in_a_loop_over_the_steps_in_order_is_silent(tmp_path, monkeypatch):
    text = LOOP_OVER_STEPS.format(steps='["Validate", "Prepare", "Commit"]')
    assert findings(tmp_path, monkeypatch, "mig.py", text, "MIG602") == []
    assert steps(text) == [("validate", "fab-vnet"), ("prepare", "fab-vnet"), ("commit", "fab-vnet")]


def test_a_function_called_in_a_loop_over_items_the_script_does_not_state_is_not_followed(
    tmp_path, monkeypatch
):
    text = LOOP_OVER_STEPS.format(steps="sys.argv[1:]").replace("from azure", "import sys\nfrom azure")
    assert findings(tmp_path, monkeypatch, "mig.py", text, "MIG602") == []
    assert steps(text) == []  # the step is not stated


def test_a_function_called_in_a_loop_over_no_items_runs_no_step(tmp_path, monkeypatch):
    text = LOOP_OVER_STEPS.format(steps="[]") + 'vnet_step("fab-vnet", "Commit")\n'
    assert steps(text) == [("commit", "fab-vnet")]


STORAGE_AND_NETWORK = (
    MIGRATION
    + """

def move(kind, name, comp):
    return sms.perform_post("/%s/services/%s/%s/migration?comp=%s" % (SUB, kind, name, comp), "")


for vnet, account in [("fab-vnet", "fabdisks"), ("fab-dmz", "dmzdisks")]:
    move("networking/virtualnetwork", vnet, "Validate")
    move("networking/virtualnetwork", vnet, "Prepare")
    move("networking/virtualnetwork", vnet, "Commit")
    move("storageservices", account, "Validate")
    move("storageservices", account, "Prepare")
    move("storageservices", account, "Commit")
"""
)


def test_a_loop_runs_its_whole_body_for_one_item_before_the_next(tmp_path, monkeypatch):
    # The first account is prepared before the second network: the storage-first warning, at the request
    # (run by the call on line 15).
    assert findings(tmp_path, monkeypatch, "mig.py", STORAGE_AND_NETWORK, "MIG602") == ["MIG602 mig.py:7:16"]
    assert [target for _, target in steps(STORAGE_AND_NETWORK)] == [
        *["fab-vnet"] * 3,
        *["fabdisks"] * 3,
        *["fab-dmz"] * 3,
        *["dmzdisks"] * 3,
    ]


def test_accounts_moved_in_a_loop_after_every_network_are_silent(tmp_path, monkeypatch):
    text = (
        MIGRATION
        + """

def move(kind, name, comp):
    return sms.perform_post("/%s/services/%s/%s/migration?comp=%s" % (SUB, kind, name, comp), "")


for vnet in ["fab-vnet", "fab-dmz"]:
    move("networking/virtualnetwork", vnet, "Validate")
    move("networking/virtualnetwork", vnet, "Prepare")
    move("networking/virtualnetwork", vnet, "Commit")
for account in ["fabdisks", "dmzdisks"]:
    move("storageservices", account, "Validate")
    move("storageservices", account, "Prepare")
    move("storageservices", account, "Commit")
"""
    )
    assert findings(tmp_path, monkeypatch, "mig.py", text, "MIG602") == []
    assert [target for _, target in steps(text)] == [
        *["fab-vnet"] * 3,
        *["fab-dmz"] * 3,
        *["fabdisks"] * 3,
        *["dmzdisks"] * 3,
    ]


DIRECT_LOOP = (
    MIGRATION
    + """
for vnet, account in [("fab-vnet", "fabdisks"), ("fab-dmz", "dmzdisks")]:
    sms.perform_post("/%s/services/networking/virtualnetwork/%s/migration?comp=Prepare" % (SUB, vnet), "")
    sms.perform_post("/%s/services/storageservices/%s/migration?comp=Prepare" % (SUB, account), "")
"""
)


def test_requests_written_in_a_loop_keep_the_order_the_loop_runs_them_in(tmp_path, monkeypatch):
    assert findings(tmp_path, monkeypatch, "mig.py", DIRECT_LOOP, "MIG602") == ["MIG602 mig.py:7:9"]
    assert steps(DIRECT_LOOP) == [
        ("prepare", "fab-vnet"),
        ("prepare", "fabdisks"),
        ("prepare", "fab-dmz"),
        ("prepare", "dmzdisks"),
    ]


def test_requests_written_in_a_loop_over_one_item_are_silent(tmp_path, monkeypatch):
    text = DIRECT_LOOP.replace(', ("fab-dmz", "dmzdisks")', "")
    assert findings(tmp_path, monkeypatch, "mig.py", text, "MIG602") == []
    assert steps(text) == [("prepare", "fab-vnet"), ("prepare", "fabdisks")]


# --- 2. methods of the script's own classes -------------------------------------------------------------

DEPLOYER = (
    CLASSES
    + """

class Deployer(object):
    def __init__(self, subscription, cert):
        self.sms = asm.ServiceManagementService(subscription, cert)

    def add_vm(self, name, subnets):
        net = asm.ConfigurationSet()
        for s in subnets:
            net.subnet_names.append(s)
        cfg = asm.LinuxConfigurationSet(name, "ops", "S3cret!pass", True)
        disk = asm.OSVirtualHardDisk("img", "https://fabdisks.blob.core.windows.net/vhds/%s.vhd" % name)
        self.sms.add_role("fab-k8s", "fab-k8s", name, cfg, disk, network_config=net, role_size="Medium")

"""
)
TWICE = (
    DEPLOYER
    + """
d = Deployer("11111111-2222-3333-4444-555555555555", "mgmt.pem")
d.add_vm("node01", ["nodes"])
d.add_vm("gw01", {subnets})
"""
)


def subnets(text: str) -> dict[str, tuple[str, ...]]:
    """The subnets of each VM the script describes, by its name."""
    return {name: tuple(subnet.name for subnet in vm.subnets) for name, vm in vms(text).items()}


def test_a_method_called_twice_on_an_instance_binds_each_calls_arguments(tmp_path, monkeypatch):
    text = TWICE.format(subnets='["nodes", "edge"]')
    assert findings(tmp_path, monkeypatch, "k8s.py", text, "MIG202") == ["MIG202 k8s.py:19:28"]
    assert subnets(text) == {"node01": ("nodes",), "gw01": ("nodes", "edge")}


def test_a_method_called_twice_with_one_subnet_each_is_silent(tmp_path, monkeypatch):
    text = TWICE.format(subnets='["edge"]')
    assert findings(tmp_path, monkeypatch, "k8s.py", text, "MIG202") == []
    assert subnets(text) == {"node01": ("nodes",), "gw01": ("edge",)}


def test_a_vm_named_by_a_methods_parameter_is_named_by_each_call(tmp_path, monkeypatch):
    text = TWICE.format(subnets='["edge"]').replace(
        "        for s in subnets:\n            net.subnet_names.append(s)\n",
        '        net.subnet_names.append("nodes")\n        net.subnet_names.append("edge")\n',
    )
    assert findings(tmp_path, monkeypatch, "k8s.py", text, "MIG202") == ["MIG202 k8s.py:11:33"] * 2
    assert sorted(vms(text)) == ["gw01", "node01"]


def test_a_method_called_on_self_in_another_method_binds_its_arguments(tmp_path, monkeypatch):
    cluster = (
        "    def cluster(self):\n"
        '        self.add_vm("node01", ["nodes"])\n'
        '        self.add_vm("gw01", ["nodes", "edge"])\n\n'
    )
    text = DEPLOYER.replace("    def add_vm(self", cluster + "    def add_vm(self") + (
        'd = Deployer("s", "c")\nd.cluster()\n'
    )
    assert findings(tmp_path, monkeypatch, "k8s.py", text, "MIG202") == ["MIG202 k8s.py:10:39"]
    assert subnets(text) == {"node01": ("nodes",), "gw01": ("nodes", "edge")}


def test_a_network_a_method_returns_is_read_with_its_arguments(tmp_path, monkeypatch):
    network = (
        "    def network(self, subnets):\n"
        "        net = asm.ConfigurationSet()\n"
        "        for s in subnets:\n"
        "            net.subnet_names.append(s)\n"
        "        return net\n\n"
    )
    text = (
        TWICE.format(subnets='["nodes", "edge"]')
        .replace(
            "        net = asm.ConfigurationSet()\n        for s in subnets:\n            net.subnet_names.append(s)\n",
            "        net = self.network(subnets)\n",
        )
        .replace("    def add_vm(self", network + "    def add_vm(self")
    )
    assert findings(tmp_path, monkeypatch, "k8s.py", text, "MIG202") == ["MIG202 k8s.py:23:28"]
    assert subnets(text) == {"node01": ("nodes",), "gw01": ("nodes", "edge")}


def test_a_list_passed_to_a_method_that_only_reads_it_is_read_at_each_call(tmp_path, monkeypatch):
    text = DEPLOYER + (
        'd = Deployer("s", "c")\n'
        'names = ["nodes", "edge"]\n'
        'd.add_vm("node01", names)\n'
        'd.add_vm("gw01", names)\n'
    )
    assert findings(tmp_path, monkeypatch, "k8s.py", text, "MIG202") == ["MIG202 k8s.py:17:19"] * 2


def test_a_method_of_the_same_name_in_another_class_of_the_script_is_told_apart(tmp_path, monkeypatch):
    text = DEPLOYER + (
        "class Inventory(object):\n"
        "    def add_vm(self, name, subnets):\n"
        "        pass\n"
        "\n\n"
        'books = Inventory()\nbooks.add_vm("ledger", ["a", "b"])\n'
        'd = Deployer("s", "c")\nd.add_vm("gw01", ["nodes", "edge"])\n'
    )
    assert findings(tmp_path, monkeypatch, "k8s.py", text, "MIG202") == ["MIG202 k8s.py:24:28"]
    assert subnets(text) == {"gw01": ("nodes", "edge")}


CALLED = 'd.add_vm("gw01", ["nodes", "edge"])\n'
UNKNOWN_INSTANCES = {
    "passed-in": "def run(d):\n    " + CALLED,
    "returned": "d = make()\n" + CALLED,
    "kept-on-an-object-of-a-parameter": "def run(h):\n    h." + CALLED,
    "imported-class": "from tools import Other\nd = Other()\n" + CALLED,
    "replaced": 'd = Deployer("s", "c")\nd.add_vm = print\n' + CALLED,
    "passed-on": 'd = Deployer("s", "c")\nrun = d.add_vm\n' + CALLED,
    "bound-twice": 'd = Deployer("s", "c")\nd = make()\n' + CALLED,
}


@pytest.mark.parametrize("shape", UNKNOWN_INSTANCES)
def test_a_method_called_on_what_the_script_may_not_have_made_stays_unknown(tmp_path, monkeypatch, shape):
    """A call on an instance the script may not make (or of a method it may replace) leaves the method's
    parameters unknown: the VM is named by a stand-in, its subnets unknown, and no rule reports it."""
    text = DEPLOYER + UNKNOWN_INSTANCES[shape]
    assert findings(tmp_path, monkeypatch, "k8s.py", text, "MIG202") == []
    (vm,) = vms(text).values()
    assert vm.name == "<VM name, k8s.py:14>"
    assert "subnets" in vm.unknown


def test_a_method_of_a_class_others_derive_from_binds_its_arguments_on_an_instance_of_it(
    tmp_path, monkeypatch
):
    """A class deriving from `Deployer` changes nothing of an instance of `Deployer` itself."""
    text = DEPLOYER + 'class Edge(Deployer):\n    pass\n\n\nd = Deployer("s", "c")\n' + CALLED
    assert findings(tmp_path, monkeypatch, "k8s.py", text, "MIG202") == ["MIG202 k8s.py:21:28"]
    assert subnets(text) == {"gw01": ("nodes", "edge")}


# --- 3. instances held in attributes ------------------------------------------------------------------------

APP = (
    DEPLOYER
    + """
class App(object):
    def __init__(self):
        self.deployer = Deployer("s", "c")

    def run(self):
        self.deployer.add_vm("gw01", {subnets})


"""
)


def test_a_method_called_on_an_instance_held_in_an_attribute_of_self_binds_its_arguments(
    tmp_path, monkeypatch
):
    text = APP.format(subnets='["nodes", "edge"]') + "App().run()\n"
    assert findings(tmp_path, monkeypatch, "k8s.py", text, "MIG202") == ["MIG202 k8s.py:22:48"]
    assert subnets(text) == {"gw01": ("nodes", "edge")}


def test_a_method_called_on_an_instance_held_in_an_attribute_with_one_subnet_is_silent(tmp_path, monkeypatch):
    text = APP.format(subnets='["edge"]') + "App().run()\n"
    assert findings(tmp_path, monkeypatch, "k8s.py", text, "MIG202") == []
    assert subnets(text) == {"gw01": ("edge",)}


def test_a_method_called_through_an_attribute_of_a_module_level_instance_binds_its_arguments(
    tmp_path, monkeypatch
):
    text = APP.format(subnets='["edge"]') + 'app = App()\napp.deployer.add_vm("web01", ["nodes", "edge"])\n'
    assert findings(tmp_path, monkeypatch, "k8s.py", text, "MIG202") == ["MIG202 k8s.py:26:40"]
    assert subnets(text) == {"gw01": ("edge",), "web01": ("nodes", "edge")}


def test_a_method_called_on_an_instance_the_call_makes_binds_its_arguments(tmp_path, monkeypatch):
    text = DEPLOYER + 'Deployer("s", "c").add_vm("gw01", ["nodes", "edge"])\n'
    assert findings(tmp_path, monkeypatch, "k8s.py", text, "MIG202") == ["MIG202 k8s.py:16:45"]
    assert subnets(text) == {"gw01": ("nodes", "edge")}


def test_a_method_called_through_an_attribute_set_on_a_module_level_object_binds_its_arguments(
    tmp_path, monkeypatch
):
    text = DEPLOYER + (
        'class Holder(object):\n    pass\n\n\nh = Holder()\nh.d = Deployer("s", "c")\nh.d.add_vm("gw01", ["nodes", "edge"])\n'
    )
    assert findings(tmp_path, monkeypatch, "k8s.py", text, "MIG202") == ["MIG202 k8s.py:22:30"]


SERVICE_ON_SELF = """\
from azure.servicemanagement import ConfigurationSet, ServiceManagementService


class Tool(object):
    def __init__(self, subscription):
        self.sms = ServiceManagementService(subscription, "mgmt.pem")

    def create(self, name, vnet):
        net = ConfigurationSet()
        self.sms.create_virtual_machine_deployment(
            name, name, "production", name, name, None, None, network_config=net, virtual_network_name=vnet
        )


"""


def test_a_service_held_in_an_attribute_of_self_creates_the_vm_its_method_is_called_for(
    tmp_path, monkeypatch
):
    """MIG203: in the network the call passes, with no subnet; shown where the VM is created."""
    text = SERVICE_ON_SELF + 'Tool("sub").create("web01", "fab-vnet")\n'
    assert findings(tmp_path, monkeypatch, "k8s.py", text, "MIG203") == ["MIG203 k8s.py:10:18"]
    assert sorted(vms(text)) == ["web01"]


def test_a_service_held_in_an_attribute_of_self_with_no_network_passed_is_silent(tmp_path, monkeypatch):
    text = SERVICE_ON_SELF + 'Tool("sub").create("web01", None)\n'
    assert findings(tmp_path, monkeypatch, "k8s.py", text, "MIG203") == []
    assert sorted(vms(text)) == ["web01"]


def test_a_service_held_in_an_attribute_of_self_is_the_sdks_where_the_network_is_written_out(
    tmp_path, monkeypatch
):
    """Already read before methods were followed through attributes: the service on `self` is the SDK's."""
    text = SERVICE_ON_SELF.replace("virtual_network_name=vnet", 'virtual_network_name="fab-vnet"')
    assert findings(tmp_path, monkeypatch, "k8s.py", text, "MIG203") == ["MIG203 k8s.py:10:18"]


HELD = (
    DEPLOYER
    + """
class App(object):
{body}

    def run(self):
        self.deployer.add_vm("gw01", ["nodes", "edge"])


App().run()
"""
)
UNKNOWN_ATTRIBUTES = {
    "set-twice": "    def __init__(self):\n        self.deployer = None\n\n    def connect(self):\n"
    '        self.deployer = Deployer("s", "c")',
    "set-from-a-parameter": "    def __init__(self, deployer=None):\n        self.deployer = deployer",
    "set-to-an-imported-class": "    def __init__(self):\n        from tools import Other\n\n"
    "        self.deployer = Other()",
    "a-class-attribute-too": '    deployer = None\n\n    def __init__(self):\n        self.deployer = Deployer("s", "c")',
    "set-by-name": '    def __init__(self):\n        setattr(self, "deployer", Deployer("s", "c"))',
    "set-by-name-too": '    def __init__(self):\n        self.deployer = Deployer("s", "c")\n'
    '        setattr(self, "deployer", print)',
    "deleted": '    def __init__(self):\n        self.deployer = Deployer("s", "c")\n\n'
    "    def close(self):\n        del self.deployer",
    "set-in-a-loop-target": '    def __init__(self):\n        self.deployer = Deployer("s", "c")\n'
    "        for self.deployer in []:\n            pass",
}


@pytest.mark.parametrize("shape", UNKNOWN_ATTRIBUTES)
def test_a_method_called_on_an_attribute_the_script_may_set_otherwise_stays_unknown(
    tmp_path, monkeypatch, shape
):
    """An attribute set more than once, to what the script may not make, or that a class attribute of the
    same name may stand for, leaves the method's parameters unknown."""
    text = HELD.format(body=UNKNOWN_ATTRIBUTES[shape])
    assert findings(tmp_path, monkeypatch, "k8s.py", text, "MIG202") == []
    (vm,) = vms(text).values()
    assert vm.name == "<VM name, k8s.py:14>"
    assert "subnets" in vm.unknown


# --- 4. inherited methods ----------------------------------------------------------------------------------

BASE = """\
from azure.servicemanagement import ConfigurationSet, ServiceManagementService

sms = ServiceManagementService("sub", "mgmt.pem")


class Base(object):
    def create(self, name, vnet):
        net = ConfigurationSet()
        sms.create_virtual_machine_deployment(
            name, name, "production", name, name, None, None, network_config=net, virtual_network_name=vnet
        )


"""
WEB_ONLY = "class Web(Base):\n    pass\n\n\n"


def test_a_method_a_class_inherits_binds_its_arguments(tmp_path, monkeypatch):
    """MIG203: the VM `Web().create` makes through `Base.create` is in a network, with no subnet."""
    text = BASE + WEB_ONLY + 'Web().create("web01", "fab-vnet")\n'
    assert findings(tmp_path, monkeypatch, "k8s.py", text, "MIG203") == ["MIG203 k8s.py:9:13"]
    assert sorted(vms(text)) == ["web01"]


def test_a_method_a_class_inherits_called_with_no_network_is_silent(tmp_path, monkeypatch):
    text = BASE + WEB_ONLY + 'Web().create("web01", None)\n'
    assert findings(tmp_path, monkeypatch, "k8s.py", text, "MIG203") == []
    assert sorted(vms(text)) == ["web01"]


def test_a_method_inherited_through_a_chain_of_classes_binds_its_arguments(tmp_path, monkeypatch):
    text = BASE + "class Mid(Base):\n    pass\n\n\nclass Web(Mid):\n    pass\n\n\n"
    text += 'w = Web()\nw.create("web01", "fab-vnet")\nBase().create("db01", None)\n'
    assert findings(tmp_path, monkeypatch, "k8s.py", text, "MIG203") == ["MIG203 k8s.py:9:13"]
    assert sorted(vms(text)) == ["db01", "web01"]


OVERRIDE = """\
class Web(Base):
    def create(self, name, vnet):
        net = ConfigurationSet()
        net.subnet_names.append("web")
        sms.create_virtual_machine_deployment(
            name, name, "production", name, name, None, None, network_config=net, virtual_network_name=vnet
        )


"""


def test_the_override_of_a_method_runs_on_an_instance_of_the_deriving_class(tmp_path, monkeypatch):
    """`Web().create` runs Web's method, with a subnet: silent; `Base().create` runs Base's, without one."""
    text = BASE + OVERRIDE + 'Web().create("web01", "fab-vnet")\nBase().create("db01", "fab-vnet")\n'
    assert findings(tmp_path, monkeypatch, "k8s.py", text, "MIG203") == ["MIG203 k8s.py:9:13"]
    assert {name: tuple(s.name for s in vm.subnets) for name, vm in vms(text).items()} == {
        "web01": ("web",),
        "db01": (),
    }


def test_an_override_without_a_subnet_is_reported_where_it_creates_the_vm(tmp_path, monkeypatch):
    text = BASE.replace(
        "        net = ConfigurationSet()\n",
        '        net = ConfigurationSet()\n        net.subnet_names.append("db")\n',
    )
    text += (
        OVERRIDE.replace('        net.subnet_names.append("web")\n', "")
        + 'Web().create("web01", "fab-vnet")\n'
    )
    assert findings(tmp_path, monkeypatch, "k8s.py", text, "MIG203") == ["MIG203 k8s.py:18:13"]


SUPER = """\
class Web(Base):
    def create(self, name, vnet):
        print("creating", name)
        {call}.create(name + "-vm", vnet)


Web().create("web01", {vnet})
"""


@pytest.mark.parametrize("call", ["super()", "super(Web, self)"])
def test_a_method_called_on_super_in_an_override_binds_its_arguments(tmp_path, monkeypatch, call):
    text = BASE + SUPER.format(call=call, vnet='"fab-vnet"')
    assert findings(tmp_path, monkeypatch, "k8s.py", text, "MIG203") == ["MIG203 k8s.py:9:13"]
    assert sorted(vms(text)) == ["web01-vm"]


def test_a_method_called_on_super_with_no_network_is_silent(tmp_path, monkeypatch):
    text = BASE + SUPER.format(call="super()", vnet="None")
    assert findings(tmp_path, monkeypatch, "k8s.py", text, "MIG203") == []
    assert sorted(vms(text)) == ["web01-vm"]


DEPLOY_ON_SELF = """\
    def deploy(self, name):
        self.create(name, "fab-vnet")

"""


def test_a_method_called_on_self_in_a_base_class_no_class_overrides_binds_its_arguments(
    tmp_path, monkeypatch
):
    text = BASE.replace("    def create(self", DEPLOY_ON_SELF + "    def create(self") + WEB_ONLY
    text += 'Web().deploy("web01")\n'
    assert findings(tmp_path, monkeypatch, "k8s.py", text, "MIG203") == ["MIG203 k8s.py:12:13"]
    assert sorted(vms(text)) == ["web01"]


ON_SELF = BASE.replace("    def create(self", DEPLOY_ON_SELF + "    def create(self")
IMPORTED = "from tools import Model\n"
UNKNOWN_INHERITANCE = {  # the script, and the line of the VM call whose method stays unknown
    # `self.create` in Base may run Web's override: neither method's calls are known.
    "overridden-below-self": (
        ON_SELF
        + "class Web(Base):\n    def create(self, name, vnet):\n        pass\n\n\n"
        + 'Base().deploy("db01")\n',
        13,
    ),
    # An instance of a class deriving from Base that the reader does not follow may be `self` in Base.
    "decorated-below-self": (ON_SELF + "@register\n" + WEB_ONLY + 'Base().deploy("db01")\n', 13),
    "decorated": (BASE + "@register\n" + WEB_ONLY + 'Web().create("web01", "fab-vnet")\n', 10),
    # An imported base before Base may supply `create`; two bases are not followed at all.
    "imported-base-first": (
        IMPORTED + BASE + "class Web(Model, Base):\n    pass\n\n\n" + 'Web().create("web01", "fab-vnet")\n',
        11,
    ),
    "two-bases": (
        BASE + "class Mixin(object):\n    pass\n\n\nclass Web(Mixin, Base):\n    pass\n\n\n"
        'Web().create("web01", "fab-vnet")\n',
        10,
    ),
    # Web derives from `dict`, bound to the name Base when its class statement runs.
    "base-bound-twice": (BASE + "Base = dict\n\n\n" + WEB_ONLY + 'Web().create("web01", "fab-vnet")\n', 10),
    # Past Base in the order Python looks methods up, no class of the script's supplies `create`.
    "super-of-another-class": (BASE + SUPER.format(call="super(Base, self)", vnet='"fab-vnet"'), 10),
}


@pytest.mark.parametrize("shape", UNKNOWN_INHERITANCE)
def test_a_method_the_reader_cannot_tell_the_class_of_stays_unknown(tmp_path, monkeypatch, shape):
    # Read once with values it does not know: its VM is in a network it does not name, never 'fab-vnet'.
    text, line = UNKNOWN_INHERITANCE[shape]
    assert networks(text) == [f"<virtual network name, k8s.py:{line}>"]
    assert sorted(vms(text)) == [f"<VM name, k8s.py:{line}>"]


def test_a_method_of_the_scripts_class_is_followed_past_a_base_it_imports(tmp_path, monkeypatch):
    """As a class's own methods are when it derives from an imported class: Python finds `create` in Base
    before it looks in `Model`."""
    text = IMPORTED + BASE.replace("class Base(object)", "class Base(Model)") + WEB_ONLY
    text += 'Web().create("web01", "fab-vnet")\n'
    assert findings(tmp_path, monkeypatch, "k8s.py", text, "MIG203") == ["MIG203 k8s.py:10:13"]
    assert sorted(vms(text)) == ["web01"]


def test_a_constructor_called_on_super_leaves_the_base_constructors_parameters_unknown(tmp_path, monkeypatch):
    """`Base(...)` runs `Base.__init__` too, without a call the reader sees: `super().__init__(...)` is
    not every call of it."""
    text = (
        "from azure.servicemanagement import ConfigurationSet, ServiceManagementService\n\n"
        'sms = ServiceManagementService("sub", "mgmt.pem")\n\n\n'
        "class Base(object):\n"
        "    def __init__(self, name, vnet):\n"
        "        sms.create_virtual_machine_deployment(\n"
        '            name, name, "production", name, name, None, None, network_config=ConfigurationSet(),\n'
        "            virtual_network_name=vnet\n"
        "        )\n\n\n"
        "class Web(Base):\n"
        "    def __init__(self):\n"
        '        super().__init__("web01", None)\n\n\n'
        'Web()\nBase("db01", "fab-vnet")\n'
    )
    assert sorted(vms(text)) == ["<VM name, k8s.py:9>"]


# --- cost --------------------------------------------------------------------------------------------------


def test_many_calls_of_methods_and_of_functions_in_loops_cost_linear_time():
    """Each method read resolves its calls once; each loop around a function's call is gone over once per
    call, within the budget."""

    def make(n: int):
        lines = [DEPLOYER, 'd = Deployer("s", "c")']
        lines += [f'd.add_vm("vm{i}", ["a", "b"])' for i in range(n)]
        lines += [f'for name in ["x{i}", "y{i}"]:\n    d.add_vm(name, ["a"])' for i in range(n)]
        data = "\n".join(lines).encode()

        def work():
            return read_document("k8s.py", data, explicit=True)

        return work

    assert_linear(make, 200)


def test_a_long_chain_of_classes_costs_linear_time():
    """Each class of a chain calls a method the first one defines, on `self` and on an instance of its own:
    the class that supplies a method is looked up once for each class and name, and the classes deriving
    from one are not gone over again for each call on `self`. Classes the reader does not follow that
    derive from the last class of another chain mark the classes of that chain once, not once each."""

    def make(n: int):
        lines = [
            DEPLOYER.replace("class Deployer(object)", "class C0(object)"),
            "class B0(object):\n    pass\n",
        ]
        for i in range(1, n):
            lines.append(
                f"class C{i}(C{i - 1}):\n    def deploy{i}(self, name):\n        self.add_vm(name, ['a'])\n"
            )
            lines.append(f"class B{i}(B{i - 1}):\n    pass\n")
        lines += [f"@register\nclass D{i}(B{n - 1}):\n    pass\n" for i in range(n)]
        lines += [f'C{i}("s", "c").deploy{i}("vm{i}")' for i in range(1, n)]
        data = "\n".join(lines).encode()

        def work():
            return read_document("k8s.py", data, explicit=True)

        return work

    assert_linear(make, 150)


def test_a_long_chain_of_instances_held_in_attributes_costs_linear_time():
    """Each class holds an instance of the next in an attribute and calls a method on it: each attribute
    is looked up once, however many calls go through it."""

    def make(n: int):
        lines = [DEPLOYER.replace("class Deployer(object)", f"class H{n}(object)")]
        for i in range(n):
            lines.append(
                f"class H{i}(object):\n"
                f"    def __init__(self):\n        self.h{i + 1} = H{i + 1}('s', 'c')\n\n"
                f"    def step{i}(self, name, subnets):\n"
                f"        self.h{i + 1}.{'add_vm' if i == n - 1 else f'step{i + 1}'}(name, subnets)\n"
            )
        lines += [f"H{i}().step{i}('vm{i}', ['a'])" for i in range(n)]
        data = "\n".join(lines).encode()

        def work():
            return read_document("k8s.py", data, explicit=True)

        return work

    assert_linear(make, 150)
