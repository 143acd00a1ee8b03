"""Python scripts and virtual networks: the static private address a VM's network configuration asks for
(MIG306), and the network configuration a script uploads (PUT `<subscription>/services/networking/media`),
read as a .netcfg so the network rules see it, at the lines of the script. Each is checked through the
engine, as `migcheck check` reports it."""

from __future__ import annotations

import textwrap

from migcheck.config import Config
from migcheck.engine import LintResult, lint
from migcheck.model import Document, NetworkConfiguration, Role
from migcheck.plugins import load_rules
from migcheck.readers import read_document

PATH = "ops/deploy.py"
HEADER = "from azure.servicemanagement import *\nsms = ServiceManagementService('sub', 'cert.pem')\n"


def source(text: str) -> str:
    return HEADER + textwrap.dedent(text).lstrip("\n")


def read(text: str) -> Document:
    document = read_document(PATH, source(text).encode("utf-8"), explicit=True)
    assert document is not None and document.problem is None
    return document


def check(tmp_path, monkeypatch, text: str) -> LintResult:
    (tmp_path / "deploy.py").write_text(source(text), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return lint(["."], Config(), load_rules(entry_points=False))


def found(result: LintResult, code: str) -> list[tuple[int, int, str]]:
    """(line, column, message) of the findings of one rule."""
    return [(f.location.line, f.location.column, f.message) for f in result.findings if f.code == code]


def vm_roles(document: Document) -> dict[str, Role]:
    return {role.name: role for d in document.resources for role in getattr(d, "roles", ())}


# --- static private addresses ---------------------------------------------------------------------------

NETWORK = """
def network(address):
    config = ConfigurationSet()
    config.subnet_names.append('app')
    config.static_virtual_network_ip_address = address
    return config

web = ConfigurationSet()
web.subnet_names.append('app')
web.static_virtual_network_ip_address = '10.0.0.4'
sql = ConfigurationSet()
sql.subnet_names.append('app')
sql.static_virtual_network_ip_address = '{sql}'
sms.create_virtual_machine_deployment('shop', 'prod', 'production', 'l', 'web01', None, None, web,
                                      virtual_network_name='vnet1')
sms.add_role('shop', 'prod', 'sql01', None, None, sql)
sms.add_role('shop', 'prod', 'app01', None, None, network(os.environ['APP_IP']))
"""
CONFLICT = (
    "VM 'sql01' of cloud service 'shop' asks for private IP 10.0.0.4, which VM 'web01' of cloud service "
    "'shop' asks for too, in virtual network 'vnet1': Prepare fails on it, and Validate does not check it"
)


def test_two_vms_of_one_network_asking_for_one_static_address_are_reported_at_the_second(
    tmp_path, monkeypatch
):
    result = check(tmp_path, monkeypatch, NETWORK.format(sql="10.0.0.4"))
    assert found(result, "MIG306") == [(14, 41, CONFLICT)]


def test_different_static_addresses_and_an_address_the_script_does_not_state_are_not_reported(
    tmp_path, monkeypatch
):
    assert found(check(tmp_path, monkeypatch, NETWORK.format(sql="10.0.0.5")), "MIG306") == []
    roles = vm_roles(read(NETWORK.format(sql="10.0.0.5")))
    assert [(name, [ref.name for ref in role.static_ips]) for name, role in roles.items()] == [
        ("web01", ["10.0.0.4"]),
        ("sql01", ["10.0.0.5"]),
        ("app01", []),  # read from the environment: not stated
    ]


def test_update_role_with_a_network_configuration_replaces_the_address(tmp_path, monkeypatch):
    text = NETWORK.format(sql="10.0.0.4") + (
        "moved = ConfigurationSet()\n"
        "moved.static_virtual_network_ip_address = '10.0.0.9'\n"
        "sms.update_role('shop', 'prod', 'sql01', network_config=moved)\n"
        "sms.update_role('shop', 'prod', 'web01', role_size='Large')  # leaves the address as it is\n"
    )
    assert found(check(tmp_path, monkeypatch, text), "MIG306") == []
    roles = vm_roles(read(text))
    assert [ref.name for ref in roles["web01"].static_ips] == ["10.0.0.4"]


ROLE_PATH = "/sub/services/hostedservices/shop/deployments/prod/roles/sql01"
STATIC_BODY = (
    '<PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure"><RoleName>sql01</RoleName>'
    "<ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>"
    "<SubnetNames><SubnetName>app</SubnetName></SubnetNames>"
    "<StaticVirtualNetworkIPAddress>10.0.0.4</StaticVirtualNetworkIPAddress>"
    "</ConfigurationSet></ConfigurationSets></PersistentVMRole>"
)


def test_a_role_body_the_script_puts_asks_for_its_static_address(tmp_path, monkeypatch):
    text = NETWORK.format(sql="10.0.0.5") + f"sms.perform_put('{ROLE_PATH}', '{STATIC_BODY}')\n"
    column = len(f"sms.perform_put('{ROLE_PATH}', '") + STATIC_BODY.index("<StaticVirtual") + 1
    assert found(check(tmp_path, monkeypatch, text), "MIG306") == [(19, column, CONFLICT)]


# --- network configurations the script uploads -------------------------------------------------------------

NETCFG = """<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="vnet1" AffinityGroup="ag1">
        <AddressSpace><AddressPrefix>10.0.0.1/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="app"><AddressPrefix>10.0.0.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>"""
UPLOAD = f'''
NETCFG = """{NETCFG}"""
sms.perform_put('/' + sms.subscription_id + '/services/networking/media', NETCFG)
web = ConfigurationSet()
web.subnet_names.append('{{subnet}}')
sms.create_virtual_machine_deployment('shop', 'prod', 'production', 'l', 'web01', None, None, web,
                                      virtual_network_name='{{vnet}}')
'''


def test_an_uploaded_network_configuration_is_checked_at_its_lines_in_the_script(tmp_path, monkeypatch):
    result = check(tmp_path, monkeypatch, UPLOAD.format(subnet="app", vnet="vnet1"))
    assert [(line, column) for line, column, _ in found(result, "MIG303")] == [(6, 55)]
    ((line, column, message),) = found(result, "MIG304")
    assert (line, column) == (7, 23)
    assert message.startswith("'10.0.0.1/16', an address space prefix of virtual network 'vnet1'")
    assert found(result, "MIG003") == []


def test_an_uploaded_network_configuration_defines_the_networks_the_script_places_vms_in(
    tmp_path, monkeypatch
):
    result = check(tmp_path, monkeypatch, UPLOAD.format(subnet="data", vnet="vnet1"))
    assert found(result, "MIG003") == [(15, 25, "subnet 'data' is not a subnet of virtual network 'vnet1'")]
    result = check(tmp_path, monkeypatch, UPLOAD.format(subnet="app", vnet="vnet9"))
    assert [message for _, _, message in found(result, "MIG003")] == [
        "cloud service 'shop' is placed in virtual network 'vnet9', which no network configuration checked "
        "here defines"
    ]


def test_a_network_configuration_sent_otherwise_or_not_stated_is_not_read():
    path = "/sub/services/networking/media"
    for call in (
        f"sms.perform_post('{path}', NETCFG)",  # not the upload
        f"sms.perform_put('{path}', open('NetworkConfig.xml').read())",  # a file the script reads
    ):
        document = read(f'NETCFG = """{NETCFG}"""\n{call}\n')
        assert not any(isinstance(r, NetworkConfiguration) for r in document.resources)


def test_one_body_uploaded_by_several_calls_is_one_network_configuration():
    text = f'NETCFG = """{NETCFG}"""\n' + "sms.perform_put('/sub/services/networking/media', NETCFG)\n" * 2
    configs = [r for r in read(text).resources if isinstance(r, NetworkConfiguration)]
    assert [[v.name for v in c.virtual_networks] for c in configs] == [["vnet1"]]
