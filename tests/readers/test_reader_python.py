"""Python scripts that use the classic Service Management SDK: the classic calls they make, and the
deployments, VMs, roles and reserved IPs they create, with their data flow, at exact lines and columns."""

from __future__ import annotations

import textwrap

import pytest
from growth import assert_linear

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import (
    ClassicCall,
    Deployment,
    Disk,
    Document,
    Extension,
    FileKind,
    InputEndpoint,
    Mark,
    NameRef,
    ReservedIp,
    Role,
    RoleType,
    Script,
    is_stand_in,
)
from migcheck.plugins import load_rules
from migcheck.readers import python_script, read_document

PATH = "ops/deploy.py"
HEADER = "from azure.servicemanagement import *\nsms = ServiceManagementService('sub', 'cert.pem')\n"


def read(source: str, *, path: str = PATH, header: bool = True) -> Document:
    text = (HEADER if header else "") + textwrap.dedent(source).lstrip("\n")
    document = read_document(path, text.encode("utf-8"), explicit=True)
    assert document is not None
    return document


def at(line: int, column: int) -> Mark:
    return Mark(PATH, line, column=column)


def where(document: Document, needle: str) -> Mark:
    """Where `needle`, which the text holds once, starts: 1-based line and column."""
    assert document.text.count(needle) == 1, needle
    before = document.text[: document.text.index(needle)]
    return at(before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1)


def deployments(document: Document) -> list[Deployment]:
    assert document.problem is None, document.problem
    return [r for r in document.resources if isinstance(r, Deployment)]


def only_deployment(source: str) -> Deployment:
    found = deployments(read(source))
    assert len(found) == 1, found
    return found[0]


def only_vm(source: str) -> Role:
    (vm,) = only_deployment(source).roles
    return vm


def script(document: Document) -> Script:
    (found,) = [r for r in document.resources if isinstance(r, Script)]
    return found


# --- which files are read ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("imports", "constructor"),
    [
        ("from azure.servicemanagement import *", "ServiceManagementService"),
        ("from azure.servicemanagement import ServiceManagementService as SMS", "SMS"),
        ("import azure.servicemanagement", "azure.servicemanagement.ServiceManagementService"),
        ("import azure.servicemanagement as asm", "asm.ServiceManagementService"),
        (
            "from azure.servicemanagement.servicemanagementservice import ServiceManagementService",
            "ServiceManagementService",
        ),
        ("from azure import *", "ServiceManagementService"),
        ("from azure import servicemanagement", "servicemanagement.ServiceManagementService"),
    ],
)
def test_every_import_form_finds_the_service_constructor(imports, constructor):
    document = read(
        f"{imports}\nsms = {constructor}('sub', 'cert.pem')\nsms.list_hosted_services()\n", header=False
    )
    assert document.kind is FileKind.PYTHON and document.root == ""
    constructed = at(2, 7 + constructor.rfind(".") + 1)  # at the class's name, after its module's
    assert script(document) == Script(
        "deploy.py",
        "Python",
        (ClassicCall("ServiceManagementService", constructed), ClassicCall("list_hosted_services", at(3, 5))),
        (),
        constructed,
    )


def test_a_python_file_named_on_the_command_line_that_does_not_use_the_sdk_describes_nothing():
    # As a PowerShell script that calls no classic cmdlet: nothing to report, not a file of the wrong kind.
    document = read_document(PATH, b"import os\nprint(os.getcwd())\n", explicit=True)
    assert document is not None and document.kind is FileKind.PYTHON
    assert (document.problem, document.resources) == (None, ())


def test_a_file_that_does_not_import_the_sdk_describes_nothing():
    # `add_role` is a name other libraries have too: without the SDK's import, it is not the SDK's.
    document = read(
        """
        # servicemanagement is mentioned, but never imported
        client.add_role('svc', 'dep', 'vm01', None, None)
        """,
        header=False,
    )
    assert (document.kind, document.problem, document.resources) == (FileKind.PYTHON, None, ())


def test_a_folder_walk_skips_python_files_that_do_not_mention_the_sdk_without_parsing_them(monkeypatch):
    def fail(*_args: object) -> None:
        raise AssertionError("a file that does not mention the SDK was read")

    monkeypatch.setattr(python_script, "read", fail)
    assert read_document("tools/build.py", b"import os\nprint(os.getcwd())\n", explicit=False) is None
    assert python_script.sniff(b"from azure.servicemanagement import *")
    assert python_script.sniff(b"x = ServiceManagementService(sub, cert)")
    assert not python_script.sniff(b"from azure.mgmt.compute import ComputeManagementClient")


def test_classic_calls_in_source_order_by_their_documented_names():
    document = read(
        """
        class Wrapper:
            def __init__(self, service):
                self.service = service

            def stop(self, name):
                return self.service.shutdown_role(name, name, name)

        sms.get_operation_status(sms.list_hosted_services())
        other = Wrapper(sms)
        other.stop('vm')
        other._private_helper()
        sms.some_later_method()
        create_virtual_machine_deployment('a', 'b')  # a function of the script, not a method
        """
    )
    calls = [(c.name, c.mark.line, c.mark.column) for c in script(document).calls]
    assert calls == [
        ("ServiceManagementService", 2, 7),
        ("shutdown_role", 8, 29),
        ("get_operation_status", 10, 5),
        ("list_hosted_services", 10, 30),
        ("some_later_method", 14, 5),
    ]


def test_a_file_that_imports_the_sdk_but_uses_nothing_of_it_has_no_script():
    source = "from azure.servicemanagement import ConfigurationSet\nprint(ConfigurationSet)\n"
    document = read(source, header=False)
    assert document.problem is None and document.resources == ()


def test_a_file_that_only_builds_the_sdks_models_uses_the_sdk():
    source = "from azure.servicemanagement import ConfigurationSet\nnet = ConfigurationSet()\n"
    document = read(source, header=False)
    assert script(document).calls == (ClassicCall("ConfigurationSet", at(2, 7)),)


# --- virtual machines -----------------------------------------------------------------------------


FULL_VM = """
net = ConfigurationSet()
net.input_endpoints.input_endpoints.append(ConfigurationSetInputEndpoint('RDP', 'tcp', '50001', '3389'))
net.subnet_names.append('FrontEnd')
net.subnet_names.append('Management')
extensions = [ResourceExtensionReference('BGInfo', 'Microsoft.Compute', 'BGInfo', '1.*')]
disk = OSVirtualHardDisk('image', 'https://contoso.blob.core.windows.net/vhds/web01.vhd')
sms.create_virtual_machine_deployment(
    'shop', 'prod', 'production', 'label', 'web01', None, disk, net,
    availability_set_name='web-as', role_size='Small', virtual_network_name='prod-vnet',
    resource_extension_references=extensions, reserved_ip_name='shop-vip')
"""


def test_a_vm_deployment_with_every_fact_and_its_marks():
    document = read(FULL_VM)
    (deployment,) = deployments(document)
    vm = Role(
        "web01",
        RoleType.PERSISTENT_VM,
        at(9, 5),
        size="Small",
        availability_set="web-as",
        endpoints=(InputEndpoint("RDP", "tcp", "50001", "3389", None, at(4, 44)),),
        subnets=(NameRef("FrontEnd", at(5, 25)), NameRef("Management", at(6, 25))),
        extensions=(
            Extension("Microsoft.Compute", "BGInfo", "1.*", "", at(7, 73), reference="BGInfo"),
        ),  # at its name
        disks=(
            # At its blob's URL, which findings about the disk are about, not at the model that holds it.
            Disk("web01.vhd", "https://contoso.blob.core.windows.net/vhds/web01.vhd", "", "web01", at(8, 35)),
        ),
    )
    assert deployment == Deployment(
        "shop",
        "prod",
        "production",
        (vm,),
        (),
        NameRef("prod-vnet", where(document, "'prod-vnet'")),
        NameRef("shop-vip", where(document, "'shop-vip'")),
        at(9, 5),
    )
    assert deployment.roles[0].availability_set_mark == where(document, "'web-as'")


def test_no_virtual_network_name_means_outside_any_network():
    deployment = only_deployment(
        "sms.create_virtual_machine_deployment('s', 'd', 'production', 'l', 'vm', None, None)"
    )
    assert (deployment.virtual_network, deployment.network_known) == (None, True)
    vm = deployment.roles[0]
    assert (vm.endpoints, vm.subnets, vm.extensions, vm.availability_set, vm.unknown) == (
        (),
        (),
        (),
        "",
        frozenset(),
    )


def test_a_virtual_network_from_a_parameter_is_one_it_does_not_name():
    deployment = only_deployment(
        """
        def create(vnet):
            sms.create_virtual_machine_deployment('s', 'd', 'production', 'l', 'vm', None, None,
                                                  virtual_network_name=vnet)
        """
    )
    assert deployment.virtual_network == NameRef("<virtual network name, deploy.py:5>", at(5, 64))
    assert deployment.network_known


def test_add_role_and_update_role_join_the_deployment_they_name():
    document = read(
        """
        sms.create_virtual_machine_deployment('Shop', 'Prod', 'production', 'l', 'web01', None, None,
                                              availability_set_name='web-as', virtual_network_name='net')
        sms.add_role('shop', 'prod', 'web02', None, None, availability_set_name='web-as')
        sms.update_role('SHOP', 'PROD', 'WEB01', availability_set_name='other-as')
        """
    )
    (deployment,) = deployments(document)
    assert (deployment.service_name, deployment.name, deployment.mark) == ("Shop", "Prod", at(3, 5))
    assert deployment.virtual_network == NameRef("net", where(document, "'net'"))
    web01, web02 = deployment.roles
    assert (web01.name, web01.mark, web01.availability_set, web01.availability_set_mark) == (
        "web01",
        at(3, 5),
        "other-as",
        where(document, "'other-as'"),
    )
    assert (web02.name, web02.mark, web02.unknown) == ("web02", at(5, 5), frozenset())


def test_update_role_on_its_own_states_only_what_it_passes():
    deployment = only_deployment("sms.update_role('s', 'd', 'vm01', role_size='Large')")
    assert (deployment.network_known, deployment.virtual_network) == (False, None)
    (vm,) = deployment.roles
    assert vm.size == "Large"
    assert vm.unknown == {"availability_set", "endpoints", "subnets", "extensions", "public_ips"}


def test_add_role_does_not_say_which_network_the_deployment_is_in():
    deployment = only_deployment("sms.add_role('s', 'd', 'vm02', None, None)")
    assert deployment.network_known is False


def test_calls_whose_service_or_deployment_is_not_written_stand_alone():
    """Unless they pass the same value the script does not state (see test_reader_python_same_names)."""
    found = deployments(
        read(
            """
            def create(service, other, vm_name):
                sms.create_virtual_machine_deployment(service, 'd', 'production', 'l', vm_name, None, None)
                sms.add_role(other, 'd', 'vm02', None, None)
            """
        )
    )
    assert [(d.service_name, d.name, [r.name for r in d.roles]) for d in found] == [
        ("", "d", ["<VM name, deploy.py:4>"]),
        ("", "d", ["vm02"]),
    ]


def test_a_call_that_passes_everything_through_star_args_describes_no_vm():
    document = read("def add(*args, **kwargs):\n    return sms.add_role(*args, **kwargs)\n")
    assert deployments(document) == []
    assert [c.name for c in script(document).calls] == ["ServiceManagementService", "add_role"]


def test_a_method_of_the_script_with_an_sdk_name_but_another_signature_describes_nothing():
    document = read("helper.add_role(vm='x', size='Small')\n")
    assert deployments(document) == []


# --- data flow -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("setup", "argument"),
    [
        ("vnet = 'prod-vnet'", "vnet"),
        ("VNET = 'prod' + '-vnet'", "VNET"),
        ("vnet = f'prod-vnet'", "vnet"),
        ("settings = {'vnet': 'prod-vnet'}", "settings['vnet']"),
    ],
)
def test_literal_values_reach_the_call(setup, argument):
    deployment = only_deployment(
        f"{setup}\nsms.create_virtual_machine_deployment('s', 'd', 'p', 'l', 'vm', None, None, "
        f"virtual_network_name={argument})\n"
    )
    assert deployment.virtual_network is not None and deployment.virtual_network.name == "prod-vnet"


@pytest.mark.parametrize(
    "setup",
    [
        "import os\nvnet = os.environ['VNET']",
        "vnet = load_settings()['vnet']",
        "vnet = f'{prefix}-vnet'",
        "vnet = prefix + '-vnet'",
        "for vnet in ('a', 'b'):\n    pass",
        "vnet, other = load_settings()",
        "vnet = 'a'\nvnet += '-x'",
    ],
)
def test_values_the_script_does_not_state_are_unknown(setup):
    # A network it does not name (never none): a stand-in, not a name read wrong.
    deployment = only_deployment(
        f"{setup}\nsms.create_virtual_machine_deployment('s', 'd', 'p', 'l', 'vm', None, None, "
        "virtual_network_name=vnet)\n"
    )
    assert deployment.virtual_network is not None and is_stand_in(deployment.virtual_network.name)
    assert deployment.network_known


def test_a_name_bound_twice_has_the_value_of_the_last_binding_before_the_call():
    deployment = only_deployment(
        "vnet = 'a'\nvnet = 'b'\nsms.create_virtual_machine_deployment('s', 'd', 'p', 'l', 'vm', None, None, "
        "virtual_network_name=vnet)\n"
    )
    assert deployment.virtual_network is not None and deployment.virtual_network.name == "b"


def test_a_module_constant_reaches_a_call_inside_a_function():
    deployment = only_deployment(
        """
        def create():
            sms.create_virtual_machine_deployment('s', 'd', 'p', 'l', 'vm', None, None, virtual_network_name=VNET)

        VNET = 'prod-vnet'
        """
    )
    assert deployment.virtual_network == NameRef("prod-vnet", at(6, 8))


def test_a_name_used_before_it_is_bound_in_the_same_function_is_unknown():
    deployment = only_deployment(
        """
        def create():
            sms.create_virtual_machine_deployment('s', 'd', 'p', 'l', 'vm', None, None, virtual_network_name=vnet)
            vnet = 'late'
        """
    )
    assert deployment.virtual_network is not None and is_stand_in(deployment.virtual_network.name)


def test_keyword_arguments_from_a_dict_built_up_in_the_function():
    deployment = only_deployment(
        """
        def create(vm_):
            kwargs = {'service_name': 'shop', 'deployment_name': 'prod', 'deployment_slot': 'production',
                      'label': 'x', 'role_name': 'web01', 'system_config': None, 'os_virtual_hard_disk': None}
            kwargs['virtual_network_name'] = 'prod-vnet'
            kwargs['availability_set_name'] = 'web-as'
            del kwargs['availability_set_name']
            log.debug('kwargs: {0}'.format(kwargs))
            sms.create_virtual_machine_deployment(**kwargs)
        """
    )
    assert (deployment.service_name, deployment.name, deployment.virtual_network) == (
        "shop",
        "prod",
        NameRef("prod-vnet", at(6, 38)),
    )
    assert deployment.roles[0].availability_set == ""


def test_a_key_set_only_under_a_condition_is_unknown():
    deployment = only_deployment(
        """
        def create(vm_):
            kwargs = {'service_name': 'shop', 'deployment_name': 'prod', 'deployment_slot': 'production',
                      'label': 'x', 'role_name': 'web01', 'system_config': None, 'os_virtual_hard_disk': None}
            if 'virtual_network_name' in vm_:
                kwargs['virtual_network_name'] = vm_['virtual_network_name']
            sms.create_virtual_machine_deployment(**kwargs)
        """
    )
    assert (deployment.virtual_network, deployment.network_known) == (None, False)


def findings(tmp_path, monkeypatch, source: str) -> list[tuple[str, int, int]]:
    """(rule, line, column) of what the engine reports on a script, past MIG601 (every script's)."""
    (tmp_path / "deploy.py").write_text(HEADER + textwrap.dedent(source).lstrip("\n"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lint(["."], Config(), load_rules(entry_points=False))
    return [(f.code, f.location.line, f.location.column) for f in result.findings if f.code != "MIG601"]


def test_keys_set_after_the_dict_literal_reach_the_call(tmp_path, monkeypatch):
    source = """
        net = ConfigurationSet()
        rec = {'service_name': 'shop', 'deployment_name': 'prod', 'deployment_slot': 'production',
               'label': 'l', 'role_name': 'web01', 'system_config': None, 'os_virtual_hard_disk': None}
        rec['network_config'] = net
        rec['virtual_network_name'] = 'vnet1'
        sms.create_virtual_machine_deployment(**rec)
        """
    # In a virtual network, with no subnet.
    assert findings(tmp_path, monkeypatch, source) == [("MIG203", 8, 5)]


VM_RECORD = """
    class Instance:
        def create(self, cloud_service_name, exists, group, label=None, reserved_ip_name=None):
            network_config = ConfigurationSet()
            record = {
                'service_name': 'shop', 'deployment_name': 'prod', 'role_name': 'web01',
                'network_config': network_config, 'role_size': 'Small',
                'system_config': None, 'os_virtual_hard_disk': None,
            }
            if network_config:
                record['network_config'] = network_config
            if exists:
                self.service.add_role(**record)
            else:
                record['deployment_slot'] = group
                {vnet}
                if reserved_ip_name:
                    record['reserved_ip_name'] = reserved_ip_name
                if label:
                    record['label'] = label
                else:
                    record['label'] = cloud_service_name
                self.service.create_virtual_machine_deployment(**record)
    """


def test_a_key_set_under_a_condition_to_the_value_it_holds_already_stays_known(tmp_path, monkeypatch):
    source = VM_RECORD.replace("{vnet}", "record['virtual_network_name'] = 'vnet1'")
    # Either way the dict holds the network configuration: a VM in a virtual network with no subnet,
    # reported where the file first describes the VM (add_role, in the other branch). The reserved IP a
    # run may pass is the deployment's, as a stated one would be, on a VIP with no input endpoint (MIG106).
    assert findings(tmp_path, monkeypatch, source) == [("MIG203", 14, 26), ("MIG106", 19, 46)]


def test_keys_a_condition_may_set_are_joined_as_two_paths(tmp_path, monkeypatch):
    source = """
        def create(group):
            record = {'service_name': 'shop', 'deployment_name': 'prod', 'deployment_slot': 'production',
                      'label': 'l', 'role_name': 'web01', 'system_config': None, 'os_virtual_hard_disk': None,
                      'network_config': ConfigurationSet(), 'availability_set_name': 'web'}
            if group:
                record['virtual_network_name'] = 'vnet1'
                record['availability_set_name'] = group
            sms.create_virtual_machine_deployment(**record)
        """
    deployment = only_deployment(source)
    # In virtual network 'vnet1' on one path, in none on the other: the network one path names is kept,
    # with the subnet a VM in it lacks (MIG203), and the VM may be in none (MIG105); in availability set
    # 'web' or another: not known.
    assert (deployment.network_known, deployment.virtual_network.name) == (True, "vnet1")
    (vm,) = deployment.roles
    assert (vm.availability_set, "availability_set" in vm.unknown) == ("", True)
    assert vm.absent_on_some_path("virtual_network") is not None
    assert sorted(code for code, *_ in findings(tmp_path, monkeypatch, source)) == ["MIG105", "MIG203"]


def test_keyword_arguments_from_a_parameter_leave_every_missing_fact_unknown():
    deployment = only_deployment(
        """
        def create(**extra):
            sms.create_virtual_machine_deployment('s', 'd', 'p', 'l', 'vm', None, None, **extra)
        """
    )
    assert deployment.network_known is False
    assert deployment.roles[0].unknown == {
        "availability_set",
        "endpoints",
        "subnets",
        "extensions",
        "public_ips",
    }


def test_positional_arguments_from_a_literal_list():
    deployment = only_deployment(
        """
        head = ['s', 'd', 'p', 'l', 'vm01']
        sms.create_virtual_machine_deployment(*head, None, None, virtual_network_name='net')
        """
    )
    assert (deployment.roles[0].name, deployment.virtual_network.name) == ("vm01", "net")


def test_a_subnet_appended_under_a_condition_is_unknown():
    vm = only_vm(
        """
        def create(vm_):
            net = ConfigurationSet()
            net.subnet_names.append('front')
            if 'subnet' in vm_:
                net.subnet_names.append(vm_['subnet'])
            sms.create_virtual_machine_deployment('s', 'd', 'p', 'l', 'vm', None, None, net,
                                                  virtual_network_name='vnet')
        """
    )
    assert ([s.name for s in vm.subnets], "subnets" in vm.unknown) == (["front"], True)


@pytest.mark.parametrize("empty", ["[]", "list()"])
def test_no_subnet_stated_outright_is_known_and_a_vm_in_a_network_with_it_has_none(
    tmp_path, monkeypatch, empty
):
    source = f"""
        def create(name, endpoints):
            network_config = ConfigurationSetInputEndpoints()
            network_config.configuration_set_type = 'NetworkConfiguration'
            network_config.subnet_names = {empty}
            for port in endpoints:
                network_config.input_endpoints.append(ConfigurationSetInputEndpoint('TCP', 'tcp', port, port))
            sms.create_virtual_machine_deployment(
                name, name, 'production', name, name, None, None, network_config,
                virtual_network_name='vnet1')
        """
    (vm,) = only_deployment(source).roles
    assert (vm.subnets, "subnets" in vm.unknown, "endpoints" in vm.unknown) == ((), False, True)
    assert findings(tmp_path, monkeypatch, source) == [("MIG203", 9, 9)]


def test_subnets_set_as_a_list_and_changes_made_after_the_call_do_not_count():
    vm = only_vm(
        """
        net = ConfigurationSet()
        net.subnet_names = ['front', 'back']
        sms.create_virtual_machine_deployment('s', 'd', 'p', 'l', 'vm', None, None, network_config=net)
        net.subnet_names.append('later')
        """
    )
    assert vm.subnets == (NameRef("front", at(4, 21)), NameRef("back", at(4, 30)))
    assert vm.unknown == frozenset()


def test_an_object_handed_to_a_function_of_the_script_is_no_longer_followed():
    vm = only_vm(
        """
        net = ConfigurationSet()
        add_default_subnet(net)
        sms.create_virtual_machine_deployment('s', 'd', 'p', 'l', 'vm', None, None, network_config=net)
        """
    )
    assert {"subnets", "endpoints"} <= vm.unknown and vm.subnets == ()


def test_an_object_stored_on_self_is_no_longer_followed():
    vm = only_vm(
        """
        class Tool:
            def run(self):
                net = ConfigurationSet()
                self.net = net
                sms.create_virtual_machine_deployment('s', 'd', 'p', 'l', 'vm', None, None, network_config=net)
        """
    )
    assert "subnets" in vm.unknown


def test_a_network_configuration_from_a_helper_is_unknown():
    vm = only_vm(
        """
        def create(name):
            system, os_hd, network = make_role(name)
            sms.create_virtual_machine_deployment('s', 'd', 'p', 'l', name, system, os_hd, network)
        """
    )
    assert vm.name == "<VM name, deploy.py:5>"  # a parameter: the script does not state the name
    assert vm.unknown == {"endpoints", "subnets", "public_ips", "disks"}  # its OS disk is the helper's too


def test_an_endpoint_on_an_unknown_port_still_counts_as_an_endpoint():
    vm = only_vm(
        """
        def create(port):
            net = ConfigurationSet()
            net.input_endpoints.input_endpoints.append(ConfigurationSetInputEndpoint(name='SSH', protocol='TCP', port=port, local_port=22))
            sms.create_virtual_machine_deployment('s', 'd', 'p', 'l', 'vm', None, None, net)
        """
    )
    assert vm.endpoints == (InputEndpoint("SSH", "TCP", "", "22", None, at(5, 48)),)
    assert vm.unknown == frozenset()


def test_extensions_in_a_wrapper_with_a_state_set_afterwards():
    vm = only_vm(
        """
        refs = ResourceExtensionReferences()
        bginfo = ResourceExtensionReference('BGInfo', 'Microsoft.Compute', 'BGInfo', '1.*')
        bginfo.state = 'Uninstall'
        refs.resource_extension_references.append(bginfo)
        refs.resource_extension_references.append(ResourceExtensionReference(version=VERSION, name='X', publisher='P'))
        sms.add_role('s', 'd', 'vm', None, None, resource_extension_references=refs)
        """
    )
    assert vm.extensions == (
        Extension("Microsoft.Compute", "BGInfo", "1.*", "Uninstall", at(4, 68), reference="BGInfo"),
    )
    assert vm.unknown == {"extensions"}


def test_data_disks_in_a_wrapper():
    vm = only_vm(
        """
        disks = DataVirtualHardDisks()
        disks.data_virtual_hard_disks.append(DataVirtualHardDisk(media_link='https://a.blob.core.windows.net/v/d1.vhd', disk_name='data1'))
        sms.add_role('s', 'd', 'vm', None, None, data_virtual_hard_disks=disks)
        """
    )
    assert vm.disks == (Disk("data1", "https://a.blob.core.windows.net/v/d1.vhd", "", "vm", at(4, 69)),)


def test_a_qualified_model_through_a_module_alias():
    document = read(
        """
        import azure.servicemanagement as asm
        sms = asm.ServiceManagementService('sub', 'cert')
        net = asm.ConfigurationSet()
        net.subnet_names.append('front')
        sms.create_virtual_machine_deployment('s', 'd', 'p', 'l', 'vm', None, None, net)
        """,
        header=False,
    )
    (deployment,) = deployments(document)
    assert deployment.roles[0].subnets == (NameRef("front", at(4, 25)),)


def test_cost_stays_linear_when_every_call_reads_a_long_list():
    def make(n: int):
        appends = "".join(f"net.subnet_names.append('s{i}')\n" for i in range(n))
        calls = "".join(
            f"sms.create_virtual_machine_deployment('s', 'd{i}', 'p', 'l', 'vm', None, None, net)\n"
            for i in range(n)
        )
        data = (HEADER + "net = ConfigurationSet()\n" + appends + calls).encode()
        return lambda: read_document(PATH, data, explicit=True)

    assert_linear(make, 300)


# --- web and worker roles, reserved IPs --------------------------------------------------------------


def test_a_package_deployment_names_the_roles_of_its_inline_configuration():
    deployment = only_deployment(
        """
        import base64
        CONFIG = '''<ServiceConfiguration serviceName="shop"
            xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
          <Role name="Storefront"><Instances count="2"/></Role>
          <Role name="Jobs"><Instances count="1"/></Role>
        </ServiceConfiguration>'''
        sms.create_deployment('shop', 'production', 'shop-prod', 'https://a.blob.core.windows.net/p/shop.cspkg',
                              'label', base64.b64encode(CONFIG.encode('utf-8')).decode())
        """
    )
    assert (deployment.service_name, deployment.name, deployment.slot) == ("shop", "shop-prod", "production")
    assert [(r.name, r.type, r.instances, r.mark) for r in deployment.roles] == [
        ("Storefront", RoleType.WEB_OR_WORKER, 2, at(9, 5)),
        ("Jobs", RoleType.WEB_OR_WORKER, 1, at(9, 5)),
    ]
    assert deployment.roles[0].kind_evidence.startswith(
        "deployed from a service package by create_deployment"
    )
    assert deployment.network_known is False


@pytest.mark.parametrize(
    ("call", "role"),
    [
        (
            "sms.create_deployment('s', 'production', 'd', 'https://a.blob.core.windows.net/p/shop.cspkg?sv=1', 'l', config)",
            "<role name, deploy.py:4>",
        ),
        ("sms.upgrade_deployment('s', 'd', 'Auto', package, config, 'l', True)", "<role name, deploy.py:4>"),
        (
            "sms.upgrade_deployment('s', 'd', 'Auto', package, config, 'l', True, role_to_upgrade='Web')",
            "Web",
        ),
        ("sms.change_deployment_configuration('s', 'd', config)", "<role name, deploy.py:4>"),
    ],
)
def test_a_package_deployment_without_a_written_configuration_has_a_stand_in_role(call, role):
    """Neither the package's file nor the deployment names a role: the roles it deploys are one stand-in,
    unless `role_to_upgrade` names the one the call changes."""
    deployment = only_deployment(f"def deploy(package, config):\n    {call}\n")
    assert [(r.name, r.type) for r in deployment.roles] == [(role, RoleType.WEB_OR_WORKER)]


def test_reserved_ips_created_and_associated():
    document = read(
        """
        sms.create_reserved_ip_address('shop-vip', 'label', 'West Europe')
        sms.create_virtual_machine_deployment('shop', 'prod', 'production', 'l', 'vm', None, None)
        sms.associate_reserved_ip_address('shop-vip', 'shop', 'prod')
        sms.associate_reserved_ip_address('other-vip', 'elsewhere', 'prod')
        """
    )
    assert [r for r in document.resources if isinstance(r, ReservedIp)] == [
        ReservedIp("shop-vip", "", "", at(3, 5))
    ]
    shop, elsewhere = deployments(document)
    assert shop.reserved_ip == NameRef("shop-vip", at(5, 35))
    # An association to a deployment the script does not describe holds the IP, as in PowerShell.
    assert (elsewhere.service_name, elsewhere.roles, elsewhere.reserved_ip.name) == (
        "elsewhere",
        (),
        "other-vip",
    )


# --- positions, encodings and broken files -----------------------------------------------------------


def test_columns_count_characters_not_bytes():
    deployment = only_deployment("note = 'é€'; sms.add_role('s', 'd', 'vm', None, None)\n")
    assert deployment.mark == at(3, 18)


def test_a_declared_cp1252_encoding_and_a_bom():
    body = (
        "# -*- coding: cp1252 -*-\nfrom azure import *\n# caf\xe9\nsms = ServiceManagementService('s', 'c')\n"
    )
    document = read_document(PATH, body.encode("cp1252"), explicit=True)
    assert document.problem is None and "café" in document.text
    bom = read_document(PATH, b"\xef\xbb\xbf" + HEADER.encode(), explicit=True)
    assert script(bom).mark == at(2, 7)


def test_bytes_that_are_not_utf8():
    document = read_document(PATH, b"from azure.servicemanagement import *\nx = '\xe9t\xe9'\n", explicit=True)
    assert document.problem is not None and document.problem.kind == "syntax"
    assert document.problem.mark == at(2, 6)
    assert "0xe9" in document.problem.message


@pytest.mark.parametrize(
    ("source", "position", "words"),
    [
        (
            "from azure import *\nsms = ServiceManagementService(\n",
            (2, 31),
            "Python syntax error: '(' was never closed",
        ),
        # Python 2, with a form the reader does not rewrite (`True` assigned to, a name in Python 2 only):
        # at Python 3's first error.
        (
            "from azure.servicemanagement import *\nprint 'created'\nTrue, False = 1, 0\n",
            (2, 1),
            "not Python 3 syntax",
        ),
        (
            "from azure.servicemanagement import *\ntry:\n    pass\nexcept ValueError, e:\n    pass\n"
            "True = 1\n",
            (4, 8),
            "not Python 3 syntax",
        ),
        ("from azure.servicemanagement import *\nx = 1\0\n", (2, 6), "a null byte"),
        ("from azure.servicemanagement import *\nx = " + "-" * 150 + "1\n", None, "nested more than"),
    ],
)
def test_a_file_that_does_not_parse_is_a_syntax_problem_at_its_position(source, position, words):
    document = read_document(PATH, source.encode(), explicit=True)
    assert document is not None and document.kind is FileKind.PYTHON
    problem = document.problem
    assert problem is not None and problem.kind == "syntax" and words in problem.message
    if position is not None:
        assert (problem.mark.line, problem.mark.column) == position


def test_async_and_await_as_names_still_parse_and_keep_their_positions():
    deployment = only_deployment(
        """
        class Tool:
            def __init__(self):
                self.async = False
            def create(self, async=None):
                await = 1
                sms.add_role('s', 'd', 'vm', None, None)
        async def later():
            await sms.list_hosted_services()
        """
    )
    assert deployment.mark == at(8, 13)


def test_the_engine_reports_a_syntax_error_as_mig001(tmp_path, monkeypatch):
    (tmp_path / "deploy.py").write_text(
        "from azure import *\nprint 'x'\nServiceManagementService(\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    result = lint(["."], Config(select=("MIG001",)), load_rules(entry_points=False))
    assert [(f.code, f.location.line, f.location.column) for f in result.findings] == [("MIG001", 2, 1)]


# --- suppression comments ------------------------------------------------------------------------------


def test_suppression_comments_cover_the_statement_they_name():
    document = read(
        """
        # migcheck: ignore[MIG105] built outside a network on purpose
        sms.create_virtual_machine_deployment(
            's', 'd', 'p', 'l', 'vm', None, None)
        sms.add_role('s', 'd', 'vm2', None, None)  # migcheck: ignore[MIG103] joins the set later
        sms.add_role(
            's', 'd', 'vm3',
            # migcheck: ignore[MIG203] inside the call
            None, None)
        # migcheck: ignore-file[MIG6] a deployment tool
        # migcheck: not a directive
        """
    )
    assert [(s.codes, s.first_line, s.last_line, s.mark) for s in document.suppressions] == [
        (("MIG105",), 4, 5, at(3, 1)),
        (("MIG103",), 6, 6, at(6, 44)),
        (("MIG203",), 7, 10, at(9, 5)),
        (("MIG6",), 0, 0, at(11, 1)),
    ]
    assert document.suppressions[0].reason == "built outside a network on purpose"


def test_a_suppression_comment_holds_back_the_finding_it_names(tmp_path, monkeypatch):
    body = HEADER + (
        "# migcheck: ignore[MIG105] a throwaway test VM\n"
        "sms.create_virtual_machine_deployment('s', 'd', 'p', 'l', 'vm', None, None)\n"
        "sms.create_virtual_machine_deployment('t', 'd', 'p', 'l', 'vm', None, None)\n"
    )
    (tmp_path / "deploy.py").write_text(body, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lint(["."], Config(select=("MIG105",)), load_rules(entry_points=False))
    assert [(f.location.line, f.location.column) for f in result.findings] == [(5, 5)]


def test_a_script_past_the_size_limit_is_a_problem_not_a_long_wait():
    data = HEADER.encode() + b"x = 1\n" * (512 * 1024 // 6 + 1)
    document = read_document(PATH, data, explicit=True)
    assert document is not None and document.problem is not None
    assert document.problem.mark == at(1, 1) and "larger than 512 KB" in document.problem.message


def test_cost_stays_linear_with_many_marks_on_one_long_line_of_non_ascii_text():
    def make(n: int):
        subnets = ", ".join(f"'sübnet{i}'" for i in range(n))
        data = (HEADER + f"net = ConfigurationSet()\nnet.subnet_names = [{subnets}]\n").encode()
        data += b"sms.add_role('s', 'd', 'vm', None, None, net)\n"
        return lambda: read_document(PATH, data, explicit=True)

    assert_linear(make, 2000)


def test_names_written_as_literals_stay_known_when_the_budget_for_following_values_is_spent():
    appends = "net.subnet_names.append('a')\n" * 3000
    calls = "sms.add_role('shop', 'prod', 'vm', None, None, net)\n" * 3000
    found = deployments(read("net = ConfigurationSet()\n" + appends + calls))
    assert [(d.service_name, d.name, [r.name for r in d.roles]) for d in found] == [("shop", "prod", ["vm"])]


@pytest.mark.parametrize("declaration", ["# coding: no-such-encoding", "# coding: rot13"])
def test_a_declared_encoding_python_cannot_read_source_in(declaration):
    document = read_document(PATH, f"{declaration}\n{HEADER}".encode(), explicit=True)
    assert document is not None and document.problem is not None
    assert document.problem.mark == at(1, 1) and "encoding" in document.problem.message


@pytest.mark.parametrize("old_names", [False, True], ids=["python 3", "async as a name"])
def test_a_script_reads_the_same_where_warnings_are_errors(old_names):
    """Python warns while it parses `"\\d"` or `x is "x"`; under `-W error` (pytest's `filterwarnings =
    error`) the warning was raised as a SyntaxError, and a file read otherwise under pytest than from the
    command line."""
    import warnings

    source = """
        pattern = "\\d+"
        ready = pattern is "x"
        async = None
        sms.create_virtual_machine_deployment(
            "shop", "dep", "production", "label", "vm", LinuxConfigurationSet("vm", "u", None, True),
            OSVirtualHardDisk("img", "https://a.blob.core.windows.net/v/vm.vhd"), role_size="Small")
    """
    if not old_names:
        source = source.replace("async = None", "done = None")
    expected = read(source)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert read(source) == expected
    assert expected.problem is None and [d.service_name for d in deployments(expected)] == ["shop"]


def test_a_long_chain_of_elif_is_not_nesting():
    """An `elif` is an `if` in the `else` of the one before: read as nesting, 300 of them were refused as
    nested past 100 levels (MIG001 on a flat script), and cost three frames of Python's stack each."""
    branches = "".join(f"elif mode == {i}:\n    size = 'Small'\n" for i in range(1, 300))
    document = read(
        f"""
        mode = 1
        if mode == 0:
            size = 'Small'
        {textwrap.indent(branches, "        ").strip()}
        else:
            size = 'Large'
        sms.create_virtual_machine_deployment(
            "shop", "dep", "production", "label", "vm", LinuxConfigurationSet("vm", "u", None, True),
            OSVirtualHardDisk("img", "https://a.blob.core.windows.net/v/vm.vhd"), role_size=size)
        """
    )
    assert document.problem is None
    (deployment,) = deployments(document)
    (vm,) = deployment.roles
    assert deployment.service_name == "shop" and vm.size == ""  # one of 300 branches: not stated


def test_a_call_in_an_elif_test_happens_before_its_body_and_not_in_the_other_branches():
    document = read(
        """
        if ready:
            pass
        elif (vm := LinuxConfigurationSet("vm", "u", None, True)):
            sms.create_virtual_machine_deployment(
                "shop", "dep", "production", "label", "vm", vm,
                OSVirtualHardDisk("img", "https://a.blob.core.windows.net/v/vm.vhd"), role_size="Small")
        """
    )
    assert document.problem is None
    (deployment,) = deployments(document)
    assert [vm.size for vm in deployment.roles] == ["Small"]


def test_a_long_concatenation_is_not_nesting():
    """`a + b + c` nests to the left, one level per `+`: a service configuration written as 150 strings
    added together was refused as nested past 100 levels (MIG001 on a flat script)."""
    parts = " +\n    ".join(f'"<Setting name=\\"s{i}\\" value=\\"v\\"/>"' for i in range(150))
    document = read(
        f'config = (\n    {parts}\n)\nsms.create_hosted_service("shop", "label", location="West Europe")\n'
    )
    assert document.problem is None
    assert "create_hosted_service" in _calls_of(document)


def _calls_of(document: Document) -> list[str]:
    return [call.name for call in script(document).calls]
