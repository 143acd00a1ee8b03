"""Python scripts: blockers the SDK's VM calls do not show (data disks attached on their own, REST bodies
and XML the script writes itself), names the script does not state, and modules that only build the SDK's
models. Each is checked through the engine, as `migcheck check` and `migcheck plan` report it."""

from __future__ import annotations

import textwrap

import pytest
from growth import assert_linear

from migcheck.config import Config
from migcheck.engine import LintResult, lint
from migcheck.model import Deployment, Disk, Document, Mark, Role, Script
from migcheck.plan import build_plan
from migcheck.plugins import load_rules
from migcheck.readers import read_document

PATH = "ops/deploy.py"
HEADER = "from azure.servicemanagement import *\nsms = ServiceManagementService('sub', 'cert.pem')\n"
ACCOUNT = "https://contoso.blob.core.windows.net"


def source(text: str, header: bool = True) -> str:
    return (HEADER if header else "") + textwrap.dedent(text).lstrip("\n")


def read(text: str, header: bool = True) -> Document:
    document = read_document(PATH, source(text, header).encode("utf-8"), explicit=True)
    assert document is not None and document.problem is None
    return document


def deployments(text: str) -> list[Deployment]:
    return [r for r in read(text).resources if isinstance(r, Deployment)]


def check(tmp_path, monkeypatch, text: str, header: bool = True) -> LintResult:
    (tmp_path / "deploy.py").write_text(source(text, header), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return lint(["."], Config(), load_rules(entry_points=False))


def found(result: LintResult, code: str) -> list[tuple[int, int, str]]:
    """(line, column, message) of the findings of one rule."""
    return [(f.location.line, f.location.column, f.message) for f in result.findings if f.code == code]


# --- data disks attached on their own --------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        f"sms.add_data_disk('shop', 'prod', 'web01', 0, media_link='{ACCOUNT}/vhds/data/d0.vhd')",
        f"sms.add_data_disk('shop', 'prod', 'web01', 0, None, '{ACCOUNT}/vhds/data/d0.vhd')",
        f"sms.update_data_disk('shop', 'prod', 'web01', 0, media_link='{ACCOUNT}/vhds/data/d0.vhd')",
    ],
)
def test_a_data_disk_attached_by_its_own_call_is_a_disk_of_the_vm_it_names(tmp_path, monkeypatch, call):
    result = check(tmp_path, monkeypatch, call)
    assert found(result, "MIG401") == [
        (
            3,
            call.index(f"'{ACCOUNT}") + 1,  # where the blob is named
            # The call names no disk: the blob's file name is not the disk's name.
            f"VM 'web01' in cloud service 'shop' has its data disk at LUN 0 ({ACCOUNT}/vhds/data/d0.vhd) whose "
            "blob name 'data/d0.vhd' contains '/', which Resource Manager does not support",
        )
    ]


def test_a_data_disk_in_the_list_a_vm_is_created_with(tmp_path, monkeypatch):
    text = f"""
    disks = [DataVirtualHardDisk('{ACCOUNT}/vhds/data/d0.vhd', lun=0)]
    sms.add_role('shop', 'prod', 'web01', None, None, data_virtual_hard_disks=disks)
    """
    assert [(line, column) for line, column, _ in found(check(tmp_path, monkeypatch, text), "MIG401")] == [
        (3, 30)  # the blob's URL
    ]


def test_a_data_disk_whose_blob_name_has_no_slash_is_not_reported(tmp_path, monkeypatch):
    text = f"sms.add_data_disk('shop', 'prod', 'web01', 0, media_link='{ACCOUNT}/vhds/d0.vhd')"
    assert found(check(tmp_path, monkeypatch, text), "MIG401") == []
    (deployment,) = deployments(text)
    assert deployment.roles[0].disks == (
        Disk("d0.vhd", f"{ACCOUNT}/vhds/d0.vhd", "", "web01", Mark(PATH, 3, column=text.index("'h") + 1)),
    )


def test_a_data_disk_joins_the_vm_the_file_creates_in_whatever_order_they_are_written():
    (deployment,) = deployments(
        f"""
        def grow():
            sms.add_data_disk('shop', 'prod', 'web01', 1, media_link='{ACCOUNT}/vhds/web01-data.vhd',
                              disk_name='web01-data')

        def create():
            disk = OSVirtualHardDisk('image', '{ACCOUNT}/vhds/web01.vhd')
            sms.create_virtual_machine_deployment('shop', 'prod', 'production', 'l', 'web01', None, disk,
                                                  virtual_network_name='net')
        """
    )
    (vm,) = deployment.roles
    assert [d.name for d in vm.disks] == ["web01.vhd", "web01-data"]
    assert vm.unknown == frozenset()  # what the creating call states stays known


def test_a_data_disk_the_platform_names_or_the_script_does_not_state_is_no_disk():
    assert (
        deployments(
            """
            def grow(url):
                sms.add_data_disk('shop', 'prod', 'web01', 0, logical_disk_size_in_gb=128)
                sms.add_data_disk('shop', 'prod', 'web01', 1, media_link=url)
            """
        )
        == []
    )


# --- names the script does not state ----------------------------------------------------------------

PARAMETERS = """
class Tool:
    def create(self, service_name, deployment_name, role_name):
        sms.create_virtual_machine_deployment(service_name, deployment_name, 'production', 'l',
                                              role_name, None, None)
        sms.add_role(self.service, self.deployment, self.name, None, None)
"""


def test_parameters_and_attributes_are_never_taken_for_the_names_they_hold():
    found_names = [(d.service_name, d.name, [r.name for r in d.roles]) for d in deployments(PARAMETERS)]
    assert found_names == [
        ("", "<deployment name, deploy.py:5>", ["<VM name, deploy.py:6>"]),
        ("", "<deployment name, deploy.py:7>", ["<VM name, deploy.py:7>"]),
    ]


def test_findings_and_plan_commands_say_the_name_is_not_stated(tmp_path, monkeypatch):
    result = check(tmp_path, monkeypatch, PARAMETERS)
    (message,) = [m for _, _, m in found(result, "MIG105")]
    assert message.startswith(
        "cloud service '<cloud service name, deploy.py:5>' is in no virtual network: migration stops, deallocates "
        "and restarts '<VM name, deploy.py:6>'"
    )
    commands = [c for s in build_plan(result).steps if s.powershell for c in s.powershell.prepare]
    assert commands and all("deployment_name" not in c for c in commands)
    assert "-DeploymentName '<deployment name, deploy.py:5>'" in commands[0]


def test_a_reserved_ip_associated_by_a_name_the_script_does_not_state():
    (deployment,) = deployments(
        """
        def reserve(vip):
            sms.create_virtual_machine_deployment('shop', 'prod', 'production', 'l', 'vm', None, None)
            sms.associate_reserved_ip_address(vip, 'shop', 'prod')
        """
    )
    assert deployment.reserved_ip is not None
    assert deployment.reserved_ip.name == "<reserved IP name, deploy.py:5>"


def test_a_package_deployment_with_no_name_stated_has_a_role_of_no_stated_name():
    (deployment,) = deployments(
        "def deploy(name, config):\n    sms.change_deployment_configuration('s', name, config)\n"
    )
    assert [r.name for r in deployment.roles] == ["<role name, deploy.py:4>"]


# --- REST bodies the script writes ----------------------------------------------------------------------

ROLE_PATH = "/sub/services/hostedservices/shop/deployments/prod/roles/web01"
ACL_ENDPOINT = (
    "<InputEndpoint><LocalPort>3389</LocalPort><Name>RDP</Name><Port>3389</Port><Protocol>tcp</Protocol>"
    "<EndpointAcl><Rules><Rule><Order>1</Order><Action>permit</Action><RemoteSubnet>10.0.0.0/8</RemoteSubnet>"
    "</Rule></Rules></EndpointAcl></InputEndpoint>"
)
ROLE_BODY = (
    '<PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure"><RoleName>web01</RoleName>'
    "<ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>"
    f"<InputEndpoints>{ACL_ENDPOINT}</InputEndpoints></ConfigurationSet></ConfigurationSets></PersistentVMRole>"
)
ACL_MESSAGE = "endpoint 'RDP' of VM 'web01' in cloud service 'shop' has an access control list (1 rule)"


def test_an_endpoint_acl_in_a_body_written_out_is_reported_at_its_element(tmp_path, monkeypatch):
    text = f'body = """{ROLE_BODY}"""\nsms.perform_put("{ROLE_PATH}", body)\n'
    result = check(tmp_path, monkeypatch, text)
    column = len('body = """') + ROLE_BODY.index("<EndpointAcl>") + 1
    assert found(result, "MIG201") == [(3, column, ACL_MESSAGE)]


def test_a_body_over_several_lines_keeps_each_elements_line(tmp_path, monkeypatch):
    body = ROLE_BODY.replace("<EndpointAcl>", "\n    <EndpointAcl>")
    text = f"body = '''{body}'''\nsms.perform_put('{ROLE_PATH}', body.encode('utf-8'))\n"
    assert found(check(tmp_path, monkeypatch, text), "MIG201") == [(4, 5, ACL_MESSAGE)]


@pytest.mark.parametrize(
    "build",
    [
        f"body = '{ROLE_BODY.replace(ACL_ENDPOINT, '%s')}' % '{ACL_ENDPOINT}'",
        f"body = '{ROLE_BODY.replace(ACL_ENDPOINT, '{0}')}'.format('{ACL_ENDPOINT}')",
        f"body = '{ROLE_BODY.replace(ACL_ENDPOINT, '@E@')}'.replace('@E@', '{ACL_ENDPOINT}')",
        f"body = '{ROLE_BODY.replace(ACL_ENDPOINT, '%(e)s')}' % {{'e': '{ACL_ENDPOINT}'}}",
        f"endpoint = '{ACL_ENDPOINT}'\nbody = f'{ROLE_BODY.replace(ACL_ENDPOINT, '{endpoint}')}'",
    ],
)
def test_a_body_built_from_pieces_is_reported_where_a_literal_writes_the_element(
    tmp_path, monkeypatch, build
):
    """The ACL is written in the value filled into the template: the finding is at its `<EndpointAcl>`."""
    text = f"{build}\nsms.perform_put('{ROLE_PATH}', body)\n"
    before = text.partition("<EndpointAcl>")[0]
    line = HEADER.count("\n") + before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    assert found(check(tmp_path, monkeypatch, text), "MIG201") == [(line, column, ACL_MESSAGE)]


def test_a_body_of_literals_written_side_by_side_is_reported_in_the_literal_that_writes_the_element(
    tmp_path, monkeypatch
):
    text = (
        f"body = ('{ROLE_BODY[:200]}'\n        '{ROLE_BODY[200:]}')\nsms.perform_put('{ROLE_PATH}', body)\n"
    )
    before = text.partition("<EndpointAcl>")[0]
    line = HEADER.count("\n") + before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    assert found(check(tmp_path, monkeypatch, text), "MIG201") == [(line, column, ACL_MESSAGE)]


def test_a_body_built_by_a_method_the_reader_does_not_follow_is_not_known(tmp_path, monkeypatch):
    template = ROLE_BODY.replace(ACL_ENDPOINT, "")
    text = (
        f"body = re.sub('<InputEndpoints>', '<InputEndpoints>{ACL_ENDPOINT}', '{template}')\n"
        f"sms.perform_put('{ROLE_PATH}', body)\n"
    )
    assert found(check(tmp_path, monkeypatch, text), "MIG201") == []


def test_boot_diagnostics_on_premium_storage_in_a_body(tmp_path, monkeypatch):
    body = (
        "<PersistentVMRole xmlns='http://schemas.microsoft.com/windowsazure'><RoleName>vm1</RoleName>"
        "<OSVirtualHardDisk><IOType>Provisioned</IOType></OSVirtualHardDisk>"
        "<DebugSettings><BootDiagnosticsEnabled>true</BootDiagnosticsEnabled></DebugSettings></PersistentVMRole>"
    )
    text = f'body = "{body}"\nsms.perform_put("/sub/services/hostedservices/svc/deployments/svc/roles/vm1", body)\n'
    ((line, column, message),) = found(check(tmp_path, monkeypatch, text), "MIG205")
    assert (line, column) == (3, len('body = "') + body.index("<DebugSettings>") + 1)
    assert message.startswith("VM 'vm1' has boot diagnostics enabled and Premium storage disks")


def test_a_body_that_puts_a_role_replaces_what_the_file_said_of_it_and_a_post_adds_one():
    (deployment,) = deployments(
        f"""
        net = ConfigurationSet()
        net.input_endpoints.input_endpoints.append(ConfigurationSetInputEndpoint('RDP', 'tcp', '3389', '3389'))
        sms.create_virtual_machine_deployment('shop', 'prod', 'production', 'l', 'web01', None, None, net)
        sms.perform_put('{ROLE_PATH}', '{ROLE_BODY}')
        sms.perform_post('/sub/services/hostedservices/shop/deployments/prod/roles', '{ROLE_BODY.replace("web01", "web02")}')
        """
    )
    web01, web02 = deployment.roles
    assert [(r.name, r.endpoints[0].acl is not None) for r in (web01, web02)] == [
        ("web01", True),
        ("web02", True),
    ]


def test_bodies_that_are_not_roles_or_deployments_or_not_known_describe_nothing():
    assert (
        deployments(
            """
            def update(body):
                sms.perform_put('/sub/services/hostedservices/shop', '<UpdateHostedService xmlns="http://schemas.microsoft.com/windowsazure"/>')
                sms.perform_put('/sub/services/hostedservices/shop/deployments/prod/roles/vm', body)
                sms.perform_put('/sub/services/hostedservices/shop/deployments/prod/roles/vm', '<PersistentVMRole')
            """
        )
        == []
    )


def test_a_deployment_body_names_its_service_by_its_path():
    body = (
        '<Deployment xmlns="http://schemas.microsoft.com/windowsazure"><Name>prod</Name>'
        "<RoleList><Role><RoleName>web01</RoleName><RoleType>PersistentVMRole</RoleType></Role></RoleList>"
        "</Deployment>"
    )
    (deployment,) = deployments(
        f"""
        BODY = '{body}'
        sms.perform_post('/sub/services/hostedservices/shop/deployments', BODY)
        sms.perform_post('/sub/services/hostedservices/shop/deployments', BODY)
        """
    )
    assert (deployment.service_name, deployment.name, [r.name for r in deployment.roles]) == (
        "shop",
        "prod",
        ["web01"],
    )


def test_cost_stays_linear_when_many_calls_send_one_large_body():
    def make(n: int):
        endpoints = ACL_ENDPOINT.replace("RDP", "E{0}")
        body = ROLE_BODY.replace(ACL_ENDPOINT, "".join(endpoints.format(i) for i in range(n)))
        calls = f"sms.perform_put('{ROLE_PATH}', BODY)\n" * n
        data = (HEADER + f"BODY = '{body}'\n" + calls).encode()
        return lambda: read_document(PATH, data, explicit=True)

    assert_linear(make, 300)


# --- XML built element by element ------------------------------------------------------------------------

ELEMENTS = """
from xml.etree.ElementTree import Element, SubElement, tostring

def endpoints(rules_wanted):
    root = Element('InputEndpoints')
    ep = SubElement(root, 'InputEndpoint')
    acl = SubElement(ep, 'EndpointAcl')
    rules = SubElement(acl, 'Rules')
    for subnet in rules_wanted:
        rule = SubElement(rules, 'Rule')
        SubElement(rule, 'RemoteSubnet').text = subnet
    return tostring(root)
"""


def test_an_endpoint_acl_built_with_elementtree_is_reported_at_the_call_that_names_it(tmp_path, monkeypatch):
    ((line, column, message),) = found(check(tmp_path, monkeypatch, ELEMENTS), "MIG201")
    assert (line, column) == (8, 11)
    assert message == (
        "endpoint '<endpoint name, deploy.py:8>' of VM '<VM name, deploy.py:8>' in cloud service "
        "'<cloud service name, deploy.py:8>' has an access control list"
    )


def test_an_elementtree_acl_without_rules_or_in_a_file_that_is_not_classic_is_not_reported(
    tmp_path, monkeypatch
):
    no_rules = ELEMENTS.replace("rule = SubElement(rules, 'Rule')", "rule = make_rule(rules)")
    assert found(check(tmp_path, monkeypatch, no_rules), "MIG201") == []
    not_classic = "import azure.storage  # not the Service Management SDK\n" + ELEMENTS
    document = read_document(PATH, not_classic.encode(), explicit=False)
    assert document is None or not any(isinstance(r, Deployment) for r in document.resources)


# --- modules that only build the SDK's models ----------------------------------------------------------


def test_a_module_that_only_builds_the_sdks_models_uses_the_sdk(tmp_path, monkeypatch):
    text = """
    from azure.servicemanagement import WindowsConfigurationSet, OSVirtualHardDisk

    def system(name):
        return WindowsConfigurationSet(computer_name=name)

    def disk(image, url):
        return OSVirtualHardDisk(image, url)
    """
    document = read(text, header=False)
    (script,) = [r for r in document.resources if isinstance(r, Script)]
    assert [c.name for c in script.calls] == ["WindowsConfigurationSet", "OSVirtualHardDisk"]
    assert [
        (line, column) for line, column, _ in found(check(tmp_path, monkeypatch, text, False), "MIG601")
    ] == [(4, 12)]


def test_beside_calls_of_the_sdk_the_models_a_script_builds_are_not_listed():
    document = read("disk = OSVirtualHardDisk('image', 'url')\nsms.add_role('s', 'd', 'vm', None, disk)\n")
    (script,) = [r for r in document.resources if isinstance(r, Script)]
    assert [c.name for c in script.calls] == ["ServiceManagementService", "add_role"]


@pytest.mark.parametrize(
    "text",
    [
        "import azure.servicemanagement as asm\ncfg = asm.LinuxConfigurationSet('host', 'user')\n",
        "from azure.servicemanagement import *\ncfg = LinuxConfigurationSet('host', 'user')\n",
    ],
)
def test_models_reached_through_a_module_or_a_star_import(text):
    (script,) = [r for r in read(text, header=False).resources if isinstance(r, Script)]
    assert [c.name for c in script.calls] == ["LinuxConfigurationSet"]


def test_a_class_of_the_scripts_own_is_not_the_sdks():
    document = read(
        "from azure.servicemanagement import *\nclass Listener:\n    pass\nListener()\n", header=False
    )
    assert document.resources == ()


def test_roles_of_a_body_are_vms_with_their_own_marks():
    (deployment,) = deployments(f"sms.perform_put('{ROLE_PATH}', '{ROLE_BODY}')")
    (vm,) = deployment.roles
    assert isinstance(vm, Role) and vm.is_vm and vm.mark == Mark(PATH, 3, "PersistentVMRole")


# --- REST bodies filled in from a template with values the script does not state ----------------------

TEMPLATED = ROLE_BODY.replace("<Port>3389</Port>", "<Port>{port}</Port>")


@pytest.mark.parametrize(
    "fill",
    [
        "TEMPLATE.format(port=port)",
        "TEMPLATE.format(port=port).encode('utf-8')",
        "TEMPLATE.replace('{port}', str(port))",
        "TEMPLATE.replace('{port}', '%s') % port",
        "TEMPLATE.replace('{port}', '%d') % port",
        "TEMPLATE.replace('{port}', '%(port)s') % row",
        "TEMPLATE.replace('{port}', '%(port)s') % {'port': port}",
    ],
)
def test_a_template_filled_in_with_values_the_script_does_not_state_keeps_its_blockers(
    tmp_path, monkeypatch, fill
):
    text = f"TEMPLATE = '{TEMPLATED}'\ndef lock(port, row):\n    sms.perform_put('{ROLE_PATH}', {fill})\n"
    assert [message for *_, message in found(check(tmp_path, monkeypatch, text), "MIG201")] == [ACL_MESSAGE]


def test_a_template_sent_with_requests_names_what_it_does_not_state_by_stand_ins(tmp_path, monkeypatch):
    body = ROLE_BODY.replace("<RoleName>web01</RoleName>", "").replace(
        "<Name>RDP</Name>", "<Name>%(name)s</Name>"
    )
    text = (
        "import requests\n"
        f"TEMPLATE = '{body}'\n"
        "def lock(service, role, endpoint):\n"
        "    url = 'https://management.core.windows.net/sub/services/hostedservices/%s/deployments/%s/roles/%s' % (\n"
        "        service, service, role)\n"
        "    requests.put(url, data=TEMPLATE % endpoint)\n"
    )
    ((line, _, message),) = found(check(tmp_path, monkeypatch, text, header=False), "MIG201")
    assert line == 2  # where the template writes the `<EndpointAcl>`; the stand-ins name the request's line
    assert message == (
        "endpoint '<endpoint name, deploy.py:6>' of VM '<VM name, deploy.py:6>' in cloud service "
        "'<cloud service name, deploy.py:6>' has an access control list (1 rule)"
    )


def test_a_template_filled_in_where_the_subnets_are_leaves_them_unknown():
    body = ROLE_BODY.replace(
        "</InputEndpoints>", "</InputEndpoints><SubnetNames><SubnetName>{subnet}</SubnetName></SubnetNames>"
    )
    (deployment,) = deployments(
        f"TEMPLATE = '{body}'\ndef move(subnet):\n    sms.perform_post('{ROLE_PATH[:-6]}', TEMPLATE.format(subnet=subnet))\n"
    )
    (vm,) = deployment.roles
    assert (vm.name, vm.subnets, "subnets" in vm.unknown) == ("web01", (), True)


@pytest.mark.parametrize(
    "fill",
    [
        "TEMPLATE.replace('{port}', '%5s') % port",  # a width: not followed
        "TEMPLATE.replace('{port}', '{0!r}').format(port)",  # a conversion: not followed
        "TEMPLATE.replace('{port}', '{} {0}').format(port)",  # numbering mixed: Python refuses it
        "TEMPLATE.replace('{port}', '%(port)s %s') % port",  # a mapping and a tuple at once
        "TEMPLATE.replace('{port}', '%d') % 'x'",  # a string for a number: a TypeError
        "TEMPLATE.replace(old, '')",  # what is replaced is not stated
        "TEMPLATE.format(**row)",  # keys the reader cannot see
        "('x' * 9000 + TEMPLATE).format(port=port)",  # past the cap on templates
    ],
)
def test_a_template_the_reader_does_not_follow_describes_nothing(tmp_path, monkeypatch, fill):
    text = (
        f"TEMPLATE = '{TEMPLATED}'\ndef lock(port, row, old):\n    sms.perform_put('{ROLE_PATH}', {fill})\n"
    )
    assert found(check(tmp_path, monkeypatch, text), "MIG201") == []


def test_cost_stays_linear_when_many_calls_fill_in_one_template():
    def make(n: int):
        endpoints = ACL_ENDPOINT.replace("RDP", "E{0}")
        body = ROLE_BODY.replace(ACL_ENDPOINT, "".join(endpoints.format(i) for i in range(10)))
        body = body.replace("<Port>3389</Port>", "<Port>{port}</Port>")  # 10 fields, in 2,500 characters
        calls = f"    sms.perform_put('{ROLE_PATH}', BODY.format(port=port))\n" * n
        data = (HEADER + f"BODY = '{body}'\ndef lock(port):\n" + calls).encode()
        return lambda: read_document(PATH, data, explicit=True)

    assert_linear(make, 300)


def test_a_disk_is_reported_where_its_blob_is_named_in_a_helper(tmp_path, monkeypatch):
    text = f"""
    def os_disk(name):
        media_link = '{ACCOUNT}/vhds/web/%s-os.vhd' % name
        return OSVirtualHardDisk('image', media_link)
    sms.create_virtual_machine_deployment('shop', 'shop', 'production', 'l', 'web01', None, os_disk('web01'))
    """
    assert [(line, column) for line, column, _ in found(check(tmp_path, monkeypatch, text), "MIG401")] == [
        (4, 18)
    ]


# --- names a helper is given by its callers ------------------------------------------------------------

LOCK = f"""
def lock(service, role):
    path = '/sub/services/hostedservices/%s/deployments/%s/roles/%s' % (service, service, role)
    sms.perform_put(path, '{ROLE_BODY.replace("<RoleName>web01</RoleName>", "")}')
"""


def test_a_helper_sends_its_body_to_the_names_each_caller_passes(tmp_path, monkeypatch):
    text = LOCK + "def main():\n    lock('shop', 'web01')\n    lock('shop', 'web02')\nmain()\n"
    messages = [message for *_, message in found(check(tmp_path, monkeypatch, text), "MIG201")]
    assert messages == [ACL_MESSAGE, ACL_MESSAGE.replace("web01", "web02")]


@pytest.mark.parametrize(
    "callers",
    [
        "lock('shop', ROLE)",  # a value the script does not state
        "lock('shop', 'web01')\ncallbacks = [lock]",  # the function is used otherwise too
        "lock('shop')",  # a call its parameters cannot take
        "",  # never called
    ],
)
def test_a_helper_whose_callers_do_not_all_state_its_names_uses_stand_ins(tmp_path, monkeypatch, callers):
    text = LOCK + callers + "\n"
    ((*_, message),) = found(check(tmp_path, monkeypatch, text), "MIG201")
    assert "of VM '<VM name, deploy.py:" in message


def test_an_elementtree_acl_is_on_the_vm_the_request_that_sends_it_names(tmp_path, monkeypatch):
    text = (
        ELEMENTS
        + "path = '/%s/services/hostedservices/%s/deployments/%s/roles/%s' % (sms.subscription_id, 'shop', 'prod', 'web01')\n"
        + "sms.perform_put(path, endpoints(['10.0.0.0/8']))\n"
    )
    ((line, column, message),) = found(check(tmp_path, monkeypatch, text), "MIG201")
    assert (line, column) == (8, 11)
    assert (
        message
        == "endpoint '<endpoint name, deploy.py:8>' of VM 'web01' in cloud service 'shop' has an access control list"
    )


def test_cost_stays_linear_in_the_callers_of_helpers_that_send_bodies():
    """n helpers that each send a body to the role they are given, each called from 20 places, and one
    called from n places (past MAX_TURNS: read as written): each helper's callers are worked out once."""

    def make(n: int):
        helpers = "".join(LOCK.replace("def lock", f"def lock{i}") for i in range(n))
        calls = "".join(f"lock{i}('shop', 'web{j}')\n" for i in range(n) for j in range(20))
        data = (HEADER + LOCK + helpers + calls + "lock('shop', 'web')\n" * n).encode()
        return lambda: read_document(PATH, data, explicit=True)

    assert_linear(make, 100)
