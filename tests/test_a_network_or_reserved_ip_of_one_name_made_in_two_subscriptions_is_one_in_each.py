"""A virtual network's name, and a reserved IP's, is unique within its subscription only: a script that
makes a network of one name after it selects subscription A and again after it selects B makes two, each
with its own subnets, and so does one that reserves an IP of one name in each."""

from __future__ import annotations

import pytest

from migcheck.model import ReservedIp, VirtualNetwork
from migcheck.readers import read_document
from migcheck.subscriptions import split_subscriptions

A = "aaaaaaaa-0000-0000-0000-000000000001"
B = "bbbbbbbb-0000-0000-0000-000000000002"


def split(path: str, script: str) -> dict[str, list[object]]:
    document = read_document(path, script.encode(), explicit=True)
    assert document is not None
    return {
        name: [r for d in docs for r in d.resources] for name, docs in split_subscriptions((document,), {})
    }


def networks(path: str, script: str) -> dict[str, list[tuple[str, list[str]]]]:
    return {
        name: [(r.name, [s.name for s in r.subnets]) for r in found if isinstance(r, VirtualNetwork)]
        for name, found in split(path, script).items()
    }


def vnet(subnet: str, start: str) -> str:
    return (
        "azure network vnet create net1 --location 'West Europe' --address-space 10.0.0.0 --cidr 16 "
        f"--subnet-name {subnet} --subnet-start-ip {start} --subnet-cidr 24\n"
    )


CLI = f"#!/bin/bash\nazure config mode asm\nazure account set {A}\n"


def reserved_ips(path: str, script: str) -> dict[str, list[str]]:
    return {
        name: [r.name for r in found if isinstance(r, ReservedIp)]
        for name, found in split(path, script).items()
    }


PS = "Select-AzureSubscription -SubscriptionId '{}'\n"


def test_a_reserved_ip_made_in_each_subscription_by_one_value_not_stated_is_one_in_each():
    made = "New-AzureReservedIP -ReservedIPName $ip -Location 'West Europe'\n"
    script = f"$ip = Read-Host 'Reserved IP'\n{PS.format(A)}{made}{PS.format(B)}{made}"
    found = reserved_ips("ip.ps1", script)
    assert {name: len(ips) for name, ips in found.items()} == {A: 1, B: 1}


REMOVED_IN_B = {
    "ip.ps1": (
        f"{PS.format(A)}New-AzureReservedIP -ReservedIPName 'ip1' -Location 'West Europe'\n"
        f"{PS.format(B)}Remove-AzureReservedIP -ReservedIPName 'ip1' -Force\n"
    ),
    "ip.py": (
        "from azure.servicemanagement import ServiceManagementService\n"
        f"prod = ServiceManagementService('{A}', 'prod.pem')\n"
        f"dev = ServiceManagementService('{B}', 'dev.pem')\n"
        "prod.create_reserved_ip_address('ip1', location='West Europe')\n"
        "dev.delete_reserved_ip_address('ip1')\n"
    ),
    "ip.sh": (
        f"{CLI}azure network reserved-ip create ip1 'West Europe'\n"
        f"azure account set {B}\nazure network reserved-ip delete ip1 --quiet\n"
    ),
}


@pytest.mark.parametrize("path", REMOVED_IN_B)
def test_a_reserved_ip_removed_in_b_leaves_a_s_reserved_ip_of_that_name(path):
    assert reserved_ips(path, REMOVED_IN_B[path]).get(A) == ["ip1"]


def test_a_network_the_classic_cli_makes_of_one_name_in_two_subscriptions_is_one_in_each():
    script = f"{CLI}{vnet('front', '10.0.1.0')}azure account set {B}\n{vnet('back', '10.0.2.0')}"
    assert networks("net.sh", script) == {A: [("net1", ["front"])], B: [("net1", ["back"])]}


def test_a_subnet_added_to_a_network_of_one_name_in_b_is_added_to_b_s():
    script = (
        f"{CLI}{vnet('front', '10.0.1.0')}azure account set {B}\n{vnet('back', '10.0.2.0')}"
        f"azure account set {A}\nazure network vnet subnet create net1 data -a 10.0.3.0/24\n"
        f"azure account set {B}\nazure network vnet subnet delete net1 back --quiet\n"
    )
    assert networks("net.sh", script) == {A: [("net1", ["front", "data"])], B: [("net1", [])]}


def test_a_network_deleted_in_b_leaves_a_s_network_of_that_name():
    script = (
        f"{CLI}{vnet('front', '10.0.1.0')}azure account set {B}\nazure network vnet delete net1 --quiet\n"
    )
    assert networks("net.sh", script).get(A) == [("net1", ["front"])]
