"""A network's gateway, a local network site and a subnet added to a network the script does not create
are each of the subscription the script works in where it makes them, as a network's name is unique
within its subscription only: what a script does with one name after it selects subscription B leaves
what it did with that name after it selected A, and a function that makes them, called after each
selection, makes one in each. A Python reserved IP made by one call through two subscriptions' clients
is one in each."""

from __future__ import annotations

from migcheck.model import LocalNetworkSite, ReservedIp, Subnet, VnetGatewayFact
from migcheck.readers import read_document
from migcheck.subscriptions import split_subscriptions

A = "aaaaaaaa-0000-0000-0000-000000000001"
B = "bbbbbbbb-0000-0000-0000-000000000002"

CLI = f"#!/bin/bash\nazure config mode asm\nazure account set {A}\n"
IN_B = f"azure account set {B}\n"
GATEWAY = "azure network vpn-gateway create net1 -t DynamicRouting -k Standard\n"


def split(path: str, script: str) -> dict[str, list[object]]:
    document = read_document(path, script.encode(), explicit=True)
    assert document is not None
    return {
        name: [r for d in docs for r in d.resources] for name, docs in split_subscriptions((document,), {})
    }


def named(path: str, script: str, kind: type) -> dict[str, list[str]]:
    """The names of the `kind` records of each subscription that holds any."""
    found = {
        name: [r.name for r in made if isinstance(r, kind)] for name, made in split(path, script).items()
    }
    return {name: names for name, names in found.items() if names}


def site(prefix: str) -> str:
    return f"azure network local-network create site1 {prefix} -w 203.0.113.7\n"


def sites(script: str) -> dict[str, list[tuple[str, ...]]]:
    """The address spaces of the local network sites of each subscription that holds any."""
    found = {
        name: [tuple(p.text for p in r.address_space) for r in made if isinstance(r, LocalNetworkSite)]
        for name, made in split("net.sh", script).items()
    }
    return {name: spaces for name, spaces in found.items() if spaces}


def test_a_gateway_deleted_in_b_leaves_a_s_gateway_of_that_network():
    script = f"{CLI}{GATEWAY}{IN_B}azure network vpn-gateway delete net1 --quiet\n"
    sides = {
        name: [(r.name, r.side) for r in made if isinstance(r, VnetGatewayFact)]
        for name, made in split("net.sh", script).items()
    }
    # B's net1 is named by the deletion alone: a network there, without a gateway.
    assert sides == {A: [("net1", "gateway")], B: [("net1", "removed")]}


def test_a_local_site_of_one_name_made_in_two_subscriptions_is_one_in_each():
    script = f"{CLI}{site('10.1.0.0/16')}{IN_B}{site('10.2.0.0/16')}"
    assert sites(script) == {A: [("10.1.0.0/16",)], B: [("10.2.0.0/16",)]}


def test_a_local_site_changed_or_deleted_in_b_leaves_a_s_site_of_that_name():
    script = (
        f"{CLI}{site('10.1.0.0/16')}{IN_B}{site('10.2.0.0/16')}"
        "azure network local-network set site1 -a 10.3.0.0/16\n"
        f"azure account set {A}\n{IN_B}azure network local-network delete site1 --quiet\n"
    )
    assert sites(script) == {A: [("10.1.0.0/16",)]}


def test_a_subnet_deleted_in_b_from_a_network_the_script_does_not_create_leaves_a_s():
    script = (
        f"{CLI}azure network vnet subnet create net1 data -a 10.0.3.0/24\n"
        f"{IN_B}azure network vnet subnet create net1 data -a 10.0.4.0/24\n"
        "azure network vnet subnet delete net1 data --quiet\n"
    )
    assert named("net.sh", script, Subnet) == {A: ["data"]}


def test_a_subnet_set_in_b_leaves_a_s_subnet_of_that_name_as_it_is():
    script = (
        f"{CLI}azure network vnet subnet create net1 data -a 10.0.3.0/24\n"
        f"{IN_B}azure network vnet subnet set net1 data -a 10.0.4.0/24\n"
    )
    found = split("net.sh", script)
    prefixes = {
        name: [r.prefix.text for r in made if isinstance(r, Subnet) and r.prefix is not None]
        for name, made in found.items()
    }
    assert prefixes == {A: ["10.0.3.0/24"], B: ["10.0.4.0/24"]}


def test_a_function_that_makes_a_gateway_site_and_subnet_called_in_each_subscription_makes_one_in_each():
    script = (
        "#!/bin/bash\nazure config mode asm\n"
        "connect() {\n"
        f"  {GATEWAY}"
        f"  {site('10.1.0.0/16')}"
        "  azure network vnet subnet create net1 data -a 10.0.3.0/24\n"
        "}\n"
        f"azure account set {A}\nconnect\n{IN_B}connect\n"
    )
    found = split("net.sh", script)
    made = {
        name: sorted(
            type(r).__name__ for r in each if isinstance(r, (VnetGatewayFact, LocalNetworkSite, Subnet))
        )
        for name, each in found.items()
    }
    both = ["LocalNetworkSite", "Subnet", "VnetGatewayFact"]
    assert {name: kinds for name, kinds in made.items() if kinds} == {A: both, B: both}


def test_a_python_reserved_ip_one_call_makes_through_two_subscriptions_clients_is_one_in_each():
    script = (
        "from azure.servicemanagement import ServiceManagementService\n"
        "def reserve(sms):\n"
        "    sms.create_reserved_ip_address('ip1', location='West Europe')\n"
        f"prod = ServiceManagementService('{A}', 'prod.pem')\n"
        f"dev = ServiceManagementService('{B}', 'dev.pem')\n"
        "reserve(prod)\n"
        "reserve(dev)\n"
    )
    assert named("ip.py", script, ReservedIp) == {A: ["ip1"], B: ["ip1"]}


def test_a_python_reserved_ip_deleted_through_b_s_client_leaves_the_one_made_through_a_s():
    script = (
        "from azure.servicemanagement import ServiceManagementService\n"
        "def reserve(sms):\n"
        "    sms.create_reserved_ip_address('ip1', location='West Europe')\n"
        "def release(sms):\n"
        "    sms.delete_reserved_ip_address('ip1')\n"
        f"prod = ServiceManagementService('{A}', 'prod.pem')\n"
        f"dev = ServiceManagementService('{B}', 'dev.pem')\n"
        "reserve(prod)\n"
        "reserve(dev)\n"
        "release(dev)\n"
    )
    assert named("ip.py", script, ReservedIp) == {A: ["ip1"]}


PS = "Select-AzureSubscription -SubscriptionId '{}'\n"


def test_a_powershell_gateway_removed_in_b_leaves_a_s_gateway_and_circuit_link_of_that_network():
    script = (
        f"{PS.format(A)}New-AzureVNetGateway -VNetName 'net1' -GatewayType DynamicRouting\n"
        "New-AzureDedicatedCircuitLink -ServiceKey 'key-1' -VNetName 'net1'\n"
        f"{PS.format(B)}Remove-AzureVNetGateway -VNetName 'net1'\n"
        "Remove-AzureDedicatedCircuitLink -ServiceKey 'key-1' -VNetName 'net1' -Force\n"
    )
    found = split("net.ps1", script)
    kinds = {
        name: sorted(r.side for r in made if isinstance(r, VnetGatewayFact)) for name, made in found.items()
    }
    # B's net1 is named by the removal alone: a network there, without a gateway.
    assert {name: sides for name, sides in kinds.items() if sides} == {
        A: ["expressroute", "gateway"],
        B: ["removed"],
    }


def test_a_powershell_function_that_makes_a_gateway_called_in_each_subscription_makes_one_in_each():
    script = (
        "function Connect { New-AzureVNetGateway -VNetName 'net1' -GatewayType DynamicRouting }\n"
        f"{PS.format(A)}Connect\n{PS.format(B)}Connect\n"
    )
    assert named("net.ps1", script, VnetGatewayFact) == {A: ["net1"], B: ["net1"]}
