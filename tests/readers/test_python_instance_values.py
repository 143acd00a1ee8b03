"""Python scripts: values held in the attributes of the script's own instances and classes, in list
comprehensions and in named tuples, and reserved IPs associated and disassociated by the SDK.

An attribute an instance of one of the script's classes is set to in its `__init__` (`self.subnets =
['app', 'data']`, `self.subnets = subnets or []`) has that value where a method reads it, read with the
arguments of the call of the class that made the instance the method is called on; a constant a class's
body binds is read on the class (`Settings.SUBNETS`), on a parameter whose default is the class, and on
an instance. A list an attribute holds is unknown once the script changes it, or lets it go, anywhere; so
is one the call of the class passes by a name the caller changes afterwards. A list comprehension over
items the script writes out is read item by item, and a named tuple (`collections.namedtuple`) is read
field by field. `associate_reserved_ip_address` puts the reserved IP in use by the deployment it names,
as Set-AzureReservedIPAssociation does, and `disassociate_reserved_ip_address` takes it off again, as
Remove-AzureReservedIPAssociation does. Each behaviour is checked at its line and column, with the near
misses that must stay silent."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import TypeVar

import pytest
from growth import assert_linear
from lint_support import lint_files, where

from migcheck.model import Deployment, ReservedIp, Role, Script
from migcheck.readers import read_document

T = TypeVar("T")

HEADER = """\
import collections
from azure.servicemanagement import (ServiceManagementService, ConfigurationSet, LinuxConfigurationSet,
    OSVirtualHardDisk, ResourceExtensionReference)

sms = ServiceManagementService("3f2a9c1e-5b7d-4e8f-9a01-2b3c4d5e6f70", "/etc/fabrikam/mgmt.pem")
SUB = "3f2a9c1e-5b7d-4e8f-9a01-2b3c4d5e6f70"
"""


def script(body: str) -> str:
    """A script of the SDK's era: the header, then `body`, dedented."""
    return HEADER + textwrap.dedent(body).lstrip("\n")


def findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], code: str) -> list[str]:
    """`CODE path:line:column` of the findings of rule `code` on the files, written as they are."""
    return where(lint_files(tmp_path, monkeypatch, files, code, dedent=False).findings)


def vms(text: str) -> dict[str, tuple[str, Role]]:
    """The VMs the script describes, by name, with the cloud service of each."""
    document = read_document("t.py", text.encode(), explicit=True)
    assert document is not None and document.problem is None
    return {
        role.name: (deployment.service_name, role)
        for deployment in document.resources
        if isinstance(deployment, Deployment)
        for role in deployment.roles
    }


def subnets(text: str) -> dict[str, tuple[str, ...] | None]:
    """The subnets of each VM the script describes, by name; None for subnets it does not know."""
    return {
        name: None if "subnets" in role.unknown else tuple(ref.name for ref in role.subnets)
        for name, (_, role) in vms(text).items()
    }


def steps(text: str) -> list[tuple[str, str]]:
    """(step, target) of each migration step the script runs, in the order read."""
    document = read_document("m.py", text.encode(), explicit=True)
    assert document is not None and document.problem is None
    (found,) = [r for r in document.resources if isinstance(r, Script)]
    return [(step.step, step.target) for step in found.migration]


def records(text: str, kind: type[T]) -> list[T]:
    """The resources of `kind` the script describes."""
    document = read_document("rip.py", text.encode(), explicit=True)
    assert document is not None and document.problem is None
    return [r for r in document.resources if isinstance(r, kind)]


def position(text: str, needle: str) -> str:
    """`line:column` (1-based) of the first occurrence of `needle` in `text`."""
    at = text.index(needle)
    line_start = text.rfind("\n", 0, at) + 1
    line = text.count("\n", 0, at) + 1
    return f"{line}:{at - line_start + 1}"


# --- 1. attributes an instance is set to in its `__init__` --------------------------------------------------

VM_METHOD = """
    def vm(self, name):
        net = ConfigurationSet()
        net.subnet_names.extend(self.subnets)
        cfg = LinuxConfigurationSet(name, "ops", "S3cret!pass", True)
        disk = OSVirtualHardDisk("img", "https://fabdisks.blob.core.windows.net/vhds/%s.vhd" % name)
        sms.create_virtual_machine_deployment(self.service, self.service, "production", self.service, name,
                                              cfg, disk, network_config=net, virtual_network_name=self.vnet)
"""
LITERAL_TIER = (
    HEADER
    + """
class Tier(object):
    def __init__(self, service):
        self.service = service
        self.vnet = "fab-vnet"
        self.subnets = ["app", "data"]
"""
    + VM_METHOD
    + """

t = Tier("fab-app")
t.vm("app01")
"""
)
TIER = (
    HEADER
    + """
class Tier(object):
    def __init__(self, service, vnet="fab-vnet", subnets=None):
        self.service = service
        self.vnet = vnet
        self.subnets = subnets or []
"""
    + VM_METHOD
    + "\n\n"
)
ARGUMENT_TIER = (
    TIER
    + """Tier("fab-app", subnets={app}).vm("app01")
Tier("fab-ops"{ops}).vm("ops01")
"""
)


def test_a_list_an_init_sets_is_the_subnets_a_method_gives_its_vm(tmp_path, monkeypatch):
    assert findings(tmp_path, monkeypatch, {"t.py": LITERAL_TIER}, "MIG202") == [
        "MIG202 t.py:" + position(LITERAL_TIER, '"data"]')  # at its second subnet
    ]
    # The call's arguments bind now that the service is known: the VM is app01, not a stand-in.
    assert vms(LITERAL_TIER)["app01"][0] == "fab-app"


def test_subnets_passed_to_the_constructor_are_the_vms_of_that_instance(tmp_path, monkeypatch):
    text = ARGUMENT_TIER.format(app='["app", "data"]', ops=', subnets=["mgmt"]')
    assert findings(tmp_path, monkeypatch, {"tiers.py": text}, "MIG202") == [
        "MIG202 tiers.py:" + position(text, '"data"]')
    ]
    assert subnets(text) == {"app01": ("app", "data"), "ops01": ("mgmt",)}
    assert {name: service for name, (service, _) in vms(text).items()} == {
        "app01": "fab-app",
        "ops01": "fab-ops",
    }


def test_subnets_or_an_empty_list_leaves_the_vm_of_an_instance_given_none_without_a_subnet(
    tmp_path, monkeypatch
):
    text = ARGUMENT_TIER.format(app='["app"]', ops="")
    assert findings(tmp_path, monkeypatch, {"tiers.py": text}, "MIG203") == [
        "MIG203 tiers.py:" + position(text, "create_virtual_machine_deployment")  # at the VM call
    ]
    assert subnets(text) == {"app01": ("app",), "ops01": ()}


def test_every_instance_given_its_subnets_is_silent(tmp_path, monkeypatch):
    text = ARGUMENT_TIER.format(app='["app"]', ops=', subnets=["mgmt"]')
    assert findings(tmp_path, monkeypatch, {"tiers.py": text}, "MIG203") == []
    assert findings(tmp_path, monkeypatch, {"tiers.py": text}, "MIG202") == []


@pytest.mark.parametrize(
    ("in_class", "before_call"),
    [
        pytest.param('    def widen(self):\n        self.subnets.append("web")\n', "", id="appended"),
        pytest.param("", 't.subnets = ["app"]\n', id="set again"),
        pytest.param("", "keep(t.subnets)\n", id="let go"),
        pytest.param("", 'setattr(t, "subnets", [])\n', id="set by name"),
    ],
)
def test_an_attribute_the_script_may_change_elsewhere_is_unknown(in_class, before_call):
    text = LITERAL_TIER.replace("    def vm(self, name):", in_class + "    def vm(self, name):").replace(
        't.vm("app01")', before_call + 't.vm("app01")'
    )
    assert list(subnets(text).values()) == [None]  # unknown: neither MIG202 nor MIG203


def test_a_class_attribute_the_init_replaces_on_every_path_is_the_init_s():
    """`__init__` sets `self.subnets` before anything reads it, whatever path it takes: no instance holds
    the class's `subnets = ["app"]`."""
    text = LITERAL_TIER.replace("    def vm(self, name):", '    subnets = ["app"]\n    def vm(self, name):')
    assert list(subnets(text).values()) == [("app", "data")]


def test_an_attribute_the_init_sets_under_a_test_is_known_where_the_arguments_pass_it():
    text = LITERAL_TIER.replace(
        '    def __init__(self, service):\n        self.service = service\n        self.vnet = "fab-vnet"\n'
        '        self.subnets = ["app", "data"]',
        "    def __init__(self, service, wide=False):\n        self.service = service\n"
        '        self.vnet = "fab-vnet"\n        if wide:\n            self.subnets = ["app", "data"]',
    ).replace('t.vm("app01")', 't.vm("app01")\nTier("fab-web", wide=True).vm("web01")')
    # `t` is made without `wide`: its read raises, and states nothing.
    assert subnets(text) == {"app01": None, "web01": ("app", "data")}


def test_a_list_passed_by_a_name_the_caller_changes_afterwards_is_unknown():
    text = ARGUMENT_TIER.format(app="nets", ops=', subnets=["mgmt"]').replace(
        'Tier("fab-app"', 'nets = ["app"]\nTier("fab-app"'
    )
    assert subnets(text) == {"app01": ("app",), "ops01": ("mgmt",)}
    changed = text.replace('.vm("app01")', '.vm("app01")\nnets.append("data")')
    assert subnets(changed)["app01"] is None


def test_instances_made_in_a_loop_over_written_out_items_each_keep_their_own_subnets():
    text = TIER + textwrap.dedent(
        """
        for service, nets in [("fab-app", ["app"]), ("fab-db", ["db", "backup"])]:
            Tier(service, subnets=nets).vm(service + "-01")
        """
    )
    assert subnets(text) == {"fab-app-01": ("app",), "fab-db-01": ("db", "backup")}


def test_an_instance_held_in_an_attribute_is_read_with_the_arguments_its_holder_passes():
    text = TIER + textwrap.dedent(
        """
        class Deployer(object):
            def __init__(self, service):
                self.tier = Tier(service, subnets=["app", "data"])

            def go(self, name):
                self.tier.vm(name)


        Deployer("fab-app").go("app01")
        """
    )
    assert subnets(text) == {"app01": ("app", "data")}
    assert vms(text)["app01"][0] == "fab-app"


def test_an_init_a_derived_class_replaces_is_not_read_for_its_instances():
    text = LITERAL_TIER.replace(
        't = Tier("fab-app")',
        'class Wide(Tier):\n    def __init__(self, service):\n        self.service = service\n\n\nt = Wide("fab-app")',
    )
    assert list(subnets(text).values()) == [None]


MIGRATION_CLASS = script(
    """
    class Migration(object):
        def __init__(self, kind, name):
            self.path = "/%s/services/%s/%s/migration" % (SUB, kind, name)

        def run(self, step):
            sms.perform_post(self.path + "?comp=" + step, "")


    """
)


def test_a_path_an_init_builds_from_its_arguments_names_the_network_each_step_moves(tmp_path, monkeypatch):
    text = (
        MIGRATION_CLASS
        + 'm = Migration("networking/virtualnetwork", "fab-vnet")\n'
        + "".join(f'm.run("{step}")\n' for step in ("Validate", "Commit", "Prepare"))
    )
    assert steps(text) == [("validate", "fab-vnet"), ("commit", "fab-vnet"), ("prepare", "fab-vnet")]
    assert findings(tmp_path, monkeypatch, {"m.py": text}, "MIG602") == [
        "MIG602 m.py:" + position(text, "perform_post")  # the request the method sends
    ]


BUILD = script(
    """
    net = ConfigurationSet()
    net.subnet_names.append("app")
    cfg = LinuxConfigurationSet("app01", "ops", "S3cret!pass", True)
    disk = OSVirtualHardDisk("img", "https://fabdisks.blob.core.windows.net/vhds/app01.vhd")
    sms.create_virtual_machine_deployment("fab-app", "fab-app", "production", "fab-app", "app01", cfg, disk,
                                          network_config=net, virtual_network_name="fab-vnet")
    """
)


@pytest.mark.parametrize(("first", "second"), [("disks", "net"), ("net", "disks")])
def test_each_instance_moves_what_its_own_constructor_names(tmp_path, monkeypatch, first, second):
    text = (
        MIGRATION_CLASS
        + 'net = Migration("networking/virtualnetwork", "fab-vnet")\n'
        + 'disks = Migration("storageservices", "fabdisks")\n'
        + f'for step in ("Validate", "Prepare", "Commit"):\n    {first}.run(step)\n'
        + f'for step in ("Validate", "Prepare", "Commit"):\n    {second}.run(step)\n'
    )
    found = findings(tmp_path, monkeypatch, {"build.py": BUILD, "migrate.py": text}, "MIG602")
    if first == "disks":  # the account holding the network's VMs' disks is prepared before the network
        assert found == ["MIG602 migrate.py:" + position(text, "perform_post")]  # the request run sends
    else:
        assert found == []
    assert [target for _, target in steps(text)] == (
        ["fabdisks"] * 3 + ["fab-vnet"] * 3 if first == "disks" else ["fab-vnet"] * 3 + ["fabdisks"] * 3
    )


# --- 2. constants a class's body binds -----------------------------------------------------------------------

SETTINGS = script(
    """
    class Settings:
        SERVICE = "fab-erp"
        VNET = "fab-vnet"
        SUBNETS = {subnets}


    def create(name{parameter}):
        net = ConfigurationSet()
        for s in {holder}.SUBNETS:
            net.subnet_names.append(s)
        cfg = LinuxConfigurationSet(name, "ops", "S3cret!pass", True)
        disk = OSVirtualHardDisk("img", "https://fabdisks.blob.core.windows.net/vhds/%s.vhd" % name)
        sms.create_virtual_machine_deployment({holder}.SERVICE, {holder}.SERVICE, "production", {holder}.SERVICE,
                                              name, cfg, disk, network_config=net,
                                              virtual_network_name={holder}.VNET)


    create("erp01")
    """
)


@pytest.mark.parametrize(
    ("parameter", "holder"),
    [
        pytest.param("", "Settings", id="on the class"),
        pytest.param(", settings=Settings", "settings", id="a parameter's default"),
    ],
)
def test_a_class_constant_gives_the_vm_its_subnets(tmp_path, monkeypatch, parameter, holder):
    text = SETTINGS.format(subnets='("app", "data")', parameter=parameter, holder=holder)
    assert findings(tmp_path, monkeypatch, {"erp.py": text}, "MIG202") == [
        "MIG202 erp.py:" + position(text, '"data")')
    ]
    assert vms(text)["erp01"][0] == "fab-erp"
    one = SETTINGS.format(subnets='("app",)', parameter=parameter, holder=holder)
    assert findings(tmp_path, monkeypatch, {"erp.py": one}, "MIG202") == []
    assert subnets(one) == {"erp01": ("app",)}


def test_a_constant_a_class_inherits_is_read_from_the_class_that_binds_it():
    text = SETTINGS.format(subnets='("app", "data")', parameter="", holder="Erp").replace(
        "\n\ndef create", "\n\nclass Erp(Settings):\n    pass\n\n\ndef create"
    )
    assert subnets(text) == {"erp01": ("app", "data")}


@pytest.mark.parametrize(
    "change",
    [
        pytest.param('Settings.SUBNETS = ("app",)', id="set again"),
        pytest.param('Settings.SUBNETS.remove("data")', id="changed"),
    ],
)
def test_a_class_constant_the_script_changes_is_unknown(change):
    text = SETTINGS.format(subnets='["app", "data"]', parameter="", holder="Settings").replace(
        'create("erp01")', change + '\ncreate("erp01")'
    )
    assert list(subnets(text).values()) == [None]


# --- 3. list comprehensions -------------------------------------------------------------------------------

FLEET = script(
    """
    SPECS = [
        {"name": "app01", "subnets": ["app"], "ext": []},
        {"name": "bkp01", "subnets": ["app", "backup"],
         "ext": [("VMSnapshotLinux", "Microsoft.Azure.RecoveryServices", "1.0")]},
    ]

    for spec in SPECS:
        net = ConfigurationSet()
        net.subnet_names.extend(spec["subnets"])
        refs = [ResourceExtensionReference(n, p, n, v) for n, p, v in spec["ext"]]
        cfg = LinuxConfigurationSet(spec["name"], "ops", "S3cret!pass", True)
        disk = OSVirtualHardDisk("img", "https://fabdisks.blob.core.windows.net/vhds/%s.vhd" % spec["name"])
        sms.create_virtual_machine_deployment("fab-" + spec["name"], "fab-" + spec["name"], "production",
                                              spec["name"], spec["name"], cfg, disk, network_config=net,
                                              virtual_network_name="fab-vnet", resource_extension_references=refs)
    """
)


def test_extensions_a_comprehension_builds_are_the_vms_of_each_turn(tmp_path, monkeypatch):
    assert findings(tmp_path, monkeypatch, {"fleet.py": FLEET}, "MIG206") == [
        "MIG206 fleet.py:" + position(FLEET, '"VMSnapshotLinux"')  # where the name it is given is written
    ]
    found = vms(FLEET)
    assert [e.name for e in found["bkp01"][1].extensions] == ["VMSnapshotLinux"]
    assert found["app01"][1].extensions == ()


NAMES = script(
    """
    n = "unused"
    ALL = [("app", True), ("data", True), ("old", False)]
    net = ConfigurationSet()
    net.subnet_names.extend({comprehension})
    sms.create_virtual_machine_deployment("fab-app", "fab-app", "production", "fab-app", "app01", None, None,
                                          network_config=net, virtual_network_name="fab-vnet")
    """
)


@pytest.mark.parametrize(
    ("comprehension", "expected"),
    [
        pytest.param("[n for n, keep in ALL if keep]", ("app", "data"), id="an if"),
        pytest.param("[n for n, _ in ALL[:1]]", ("app",), id="a name bound elsewhere too"),
        pytest.param("[n for group in [ALL[:1], ALL[2:]] for n, _ in group]", ("app", "old"), id="nested"),
        pytest.param("[n for n, _ in ALL if os.environ.get(n)]", None, id="a test not stated"),
        pytest.param("[n for n in sys.argv]", None, id="items not stated"),
    ],
)
def test_a_comprehension_is_read_item_by_item(comprehension, expected):
    text = "import os, sys\n" + NAMES.format(comprehension=comprehension)
    assert subnets(text) == {"app01": expected}


# --- 4. named tuples --------------------------------------------------------------------------------------

K8S = script(
    """
    Vm = collections.namedtuple("Vm", {fields})
    FLEET = [
        Vm("k8s-m01", ["masters"], "10.70.1.4"),
        Vm(name="k8s-w01", subnets={workers}, ip="10.70.2.4"),
    ]

    for vm in FLEET:
        net = ConfigurationSet()
        net.subnet_names.extend(vm.subnets)
        net.static_virtual_network_ip_address = vm.ip
        cfg = LinuxConfigurationSet(vm.name, "ops", "S3cret!pass", True)
        disk = OSVirtualHardDisk("img", "https://fabdisks.blob.core.windows.net/vhds/%s.vhd" % vm.name)
        sms.add_role("fab-k8s", "fab-k8s", vm.name, cfg, disk, network_config=net)
    """
)


@pytest.mark.parametrize("fields", ['["name", "subnets", "ip"]', '"name, subnets ip"'])
def test_the_fields_of_a_named_tuple_are_the_vms(tmp_path, monkeypatch, fields):
    text = K8S.format(fields=fields, workers='["workers", "storage"]')
    assert findings(tmp_path, monkeypatch, {"k8s.py": text}, "MIG202") == [
        "MIG202 k8s.py:" + position(text, '"storage"]')
    ]
    found = vms(text)
    assert [ref.name for ref in found["k8s-w01"][1].static_ips] == ["10.70.2.4"]
    one = K8S.format(fields=fields, workers='["workers"]')
    assert findings(tmp_path, monkeypatch, {"k8s.py": one}, "MIG202") == []


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param('["name", "subnets"]', id="too few fields"),
        pytest.param('["name", "subnets", "_ip"]', id="a name Python refuses"),
        pytest.param("FIELDS", id="fields not stated"),
    ],
)
def test_a_named_tuple_the_reader_cannot_build_is_unknown(fields):
    text = "import sys\nFIELDS = sys.argv\n" + K8S.format(fields=fields, workers='["workers", "storage"]')
    assert set(subnets(text).values()) == {None}


def test_a_change_made_to_the_list_a_field_holds_is_read():
    text = K8S.format(fields='"name subnets ip"', workers='["workers"]').replace(
        "for vm in FLEET:\n",
        'w = Vm("k8s-w02", ["workers"], "10.70.2.5")\nw.subnets.append("edge")\nFLEET = [w]\nfor vm in FLEET:\n',
    )
    assert subnets(text) == {"k8s-w02": ("workers", "edge")}


# --- 5. reserved IPs associated and disassociated -------------------------------------------------------

MOVE = """\
Import-Module Azure
Move-AzureReservedIP -Validate -ReservedIPName "fab-web-rip"
Move-AzureReservedIP -Prepare -ReservedIPName "fab-web-rip"
Move-AzureReservedIP -Commit -ReservedIPName "fab-web-rip"
"""
WEB = script(
    """
    net = ConfigurationSet()
    net.subnet_names.append("web")
    sms.create_virtual_machine_deployment("fab-web", "fab-web", "production", "fab-web", "web01", None, None,
                                          network_config=net, virtual_network_name="fab-vnet")
    """
)
RESERVE = 'sms.create_reserved_ip_address("fab-web-rip", "web", "West Europe")\n'
ASSOCIATE = 'sms.associate_reserved_ip_address("fab-web-rip", "fab-web", "fab-web"{vip})\n'
DISASSOCIATE = 'sms.disassociate_reserved_ip_address("{rip}", "fab-web", "fab-web"{vip})\n'


def test_an_association_alone_puts_the_reserved_ip_in_use_by_the_service_it_names(tmp_path, monkeypatch):
    text = script("") + RESERVE + ASSOCIATE.format(vip="")
    assert findings(tmp_path, monkeypatch, {"rip.py": text, "m.ps1": MOVE}, "MIG602") == ["MIG602 m.ps1:2:1"]
    (deployment,) = records(text, Deployment)
    assert (deployment.service_name, deployment.name, deployment.roles) == ("fab-web", "fab-web", ())
    assert deployment.reserved_ip is not None and deployment.reserved_ip.name == "fab-web-rip"


@pytest.mark.parametrize(
    "association",
    [
        pytest.param("if len(sys.argv) > 1:\n    " + ASSOCIATE.format(vip=""), id="may not run"),
        pytest.param(ASSOCIATE.format(vip="").replace('"fab-web-rip"', "sys.argv[1]"), id="an IP not stated"),
    ],
)
def test_an_association_that_may_not_run_or_not_of_the_deployments_own_ip_describes_nothing(
    tmp_path, monkeypatch, association
):
    text = "import sys\n" + script("") + RESERVE + association
    assert findings(tmp_path, monkeypatch, {"rip.py": text, "m.ps1": MOVE}, "MIG602") == []


def test_an_association_with_another_virtual_ip_puts_the_reserved_ip_in_use_too(tmp_path, monkeypatch):
    """As Set-AzureReservedIPAssociation -VirtualIPName: a reserved IP on any VIP of the load balancer
    migrates with its cloud service (deep dive), so it does not move on its own."""
    text = script("") + RESERVE + ASSOCIATE.format(vip=', "vip2"')
    assert findings(tmp_path, monkeypatch, {"rip.py": text, "m.ps1": MOVE}, "MIG602") == ["MIG602 m.ps1:2:1"]
    (deployment,) = records(text, Deployment)
    assert deployment.reserved_ip is not None and deployment.reserved_ip.virtual_ip is not None
    assert deployment.reserved_ip.virtual_ip.name == "vip2"


def test_a_disassociation_frees_the_reserved_ip_of_the_deployment_the_file_describes(tmp_path, monkeypatch):
    text = WEB + RESERVE + ASSOCIATE.format(vip="") + DISASSOCIATE.format(rip="fab-web-rip", vip="")
    assert findings(tmp_path, monkeypatch, {"rip.py": text, "m.ps1": MOVE}, "MIG602") == []
    (deployment,) = records(text, Deployment)
    assert deployment.reserved_ip is None and deployment.reserved_ip_known


@pytest.mark.parametrize(
    "disassociation",
    [
        pytest.param(DISASSOCIATE.format(rip="other-rip", vip=""), id="another reserved IP"),
        pytest.param(DISASSOCIATE.format(rip="fab-web-rip", vip=', "vip2"'), id="another virtual IP"),
    ],
)
def test_a_disassociation_of_another_ip_keeps_the_deployments(tmp_path, monkeypatch, disassociation):
    text = WEB + RESERVE + ASSOCIATE.format(vip="") + disassociation
    assert findings(tmp_path, monkeypatch, {"rip.py": text, "m.ps1": MOVE}, "MIG602") == ["MIG602 m.ps1:2:1"]


def test_a_disassociation_that_may_not_run_leaves_the_reservation_unknown():
    text = (
        "import sys\n"
        + WEB
        + RESERVE
        + ASSOCIATE.format(vip="")
        + "if sys.argv[1:]:\n    "
        + DISASSOCIATE.format(rip="fab-web-rip", vip="")
    )
    (deployment,) = records(text, Deployment)
    assert deployment.reserved_ip is None and not deployment.reserved_ip_known


def test_a_disassociation_of_a_service_another_file_describes_takes_the_ip_off_it(tmp_path, monkeypatch):
    other = WEB + RESERVE + ASSOCIATE.format(vip="")
    text = script("") + DISASSOCIATE.format(rip="fab-web-rip", vip="")
    files = {"deploy.py": other, "free.py": text, "m.ps1": MOVE}
    assert findings(tmp_path, monkeypatch, files, "MIG602") == []
    released = records(text, ReservedIp)
    assert [(ip.name, ip.released_from) for ip in released] == [("fab-web-rip", "fab-web")]
    again = text + ASSOCIATE.format(vip="")  # associated again afterwards: nothing is released
    assert records(again, ReservedIp) == []


# --- cost ---------------------------------------------------------------------------------------------------


def tiers(n: int, passed: str) -> bytes:
    """`n` classes, each with an attribute of its own set in its `__init__` to the list it is given, read by a
    method whose call describes a VM; each made once, given `passed` (`{i}` the class's number)."""
    lines = []
    for i in range(n):
        lines.append(
            f"class T{i}(object):\n"
            f"    def __init__(self, service, subnets=None):\n"
            f"        self.service{i} = service\n"
            f"        self.subnets{i} = subnets or []\n\n"
            f"    def vm(self, name):\n"
            f"        net = ConfigurationSet()\n"
            f"        net.subnet_names.extend(self.subnets{i})\n"
            f"        sms.add_role(self.service{i}, self.service{i}, name, None, None, network_config=net)\n\n\n"
            f'T{i}("svc{i}", {passed.format(i=i)}).vm("vm{i}")\n'
        )
    return (script('nets = ["a", "b"]\n') + "".join(lines)).encode()


def test_many_instances_reading_attributes_their_init_sets_cost_linear_time():
    """Each instance is made with its own subnets and read by a method: the frame of each `__init__` call is
    worked out once, however many attributes the method reads."""

    def make(n: int):
        data = tiers(n, '["a{i}", "b{i}"]')

        def work():
            return read_document("t.py", data, explicit=True)

        return work

    assert len(vms(tiers(3, '["a{i}", "b{i}"]').decode())) == 3  # each read with the subnets it is given
    assert_linear(make, 100)


def test_one_list_passed_to_many_constructors_costs_linear_time():
    """A name passed to many calls of classes: whether only the instance holds what it names is decided
    without going over every other call that passes it (none does: it is unknown)."""

    def make(n: int):
        data = tiers(n, "nets")

        def work():
            return read_document("t.py", data, explicit=True)

        return work

    assert set(subnets(tiers(3, "nets").decode()).values()) == {None}
    assert subnets(tiers(1, "nets").decode()) == {"vm0": ("a", "b")}
    assert_linear(make, 100)


def test_comprehensions_and_named_tuples_read_in_many_places_cost_linear_time():
    def make(n: int):
        body = "".join(
            f'v{i} = Vm("vm{i}", [s for s in ["a", "b"] if s])\n'
            f"net{i} = ConfigurationSet()\nnet{i}.subnet_names.extend(v{i}.subnets)\n"
            f'sms.add_role("svc", "svc", v{i}.name, None, None, network_config=net{i})\n'
            for i in range(n)
        )
        data = script('Vm = collections.namedtuple("Vm", "name subnets")\n') + body

        def work():
            return read_document("k8s.py", data.encode(), explicit=True)

        return work

    assert_linear(make, 150)
