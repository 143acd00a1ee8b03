"""Python scripts that call their own functions inside loops, and methods of their own classes.

A call of one of the script's functions inside a loop over items the script writes out runs once for each
item, as a call of the SDK written in the loop's body does: `for vnet in ['a', 'b']: step(vnet, 'Commit')`
commits both networks. The steps keep the order the script runs them in, a loop's whole body for one item
before the next. A method of a class the script defines, called on an instance the script makes (`d =
Deployer(...)`, `self` in the class), has its parameters after `self` bound to what the call passes, as a
function's are; a call on anything else leaves them unknown. Each behaviour is checked at its line and
column, with the near misses that must stay silent."""

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
    assert findings(tmp_path, monkeypatch, "mig.py", text, "MIG602") == ["MIG602 mig.py:12:5"] * 2


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
    assert findings(tmp_path, monkeypatch, "migrate.py", text, "MIG602") == ["MIG602 migrate.py:18:5"] * 2


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
    assert findings(tmp_path, monkeypatch, "mig.py", text, "MIG602") == ["MIG602 mig.py:12:5"]


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
    # The first account is prepared before the second network: the storage-first warning, at its call.
    assert findings(tmp_path, monkeypatch, "mig.py", STORAGE_AND_NETWORK, "MIG602") == ["MIG602 mig.py:15:5"]
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
    "kept-on-an-object": 'class Holder(object):\n    pass\n\n\nh = Holder()\nh.d = Deployer("s", "c")\nh.'
    + CALLED,
    "imported-class": "from tools import Other\nd = Other()\n" + CALLED,
    "derived-from": 'class Edge(Deployer):\n    pass\n\n\nd = Deployer("s", "c")\n' + CALLED,
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
