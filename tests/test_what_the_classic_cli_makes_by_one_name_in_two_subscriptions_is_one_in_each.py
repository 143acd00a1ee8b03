"""The classic CLI makes a network security group, a route table, a disk and an image in the subscription it
works in (`azure account set`), where its name is unique: one made of one name after selecting A and again
after selecting B is one in each, and one deleted in B leaves A's, as networks and reserved IPs are, where
each was keyed by its name alone, B's dropped and B's delete taking A's away."""

from __future__ import annotations

import pytest

from migcheck.readers import read_document
from migcheck.subscriptions import split_subscriptions

A = "aaaaaaaa-0000-0000-0000-000000000001"
B = "bbbbbbbb-0000-0000-0000-000000000002"

MADE = {
    "NetworkSecurityGroup": "azure network nsg create web-nsg 'West Europe'\n",
    "RouteTable": "azure network route-table create web-routes 'West Europe'\n",
    "Disk": "azure vm disk create web-disk https://store.blob.core.windows.net/vhds/web.vhd -l 'West Europe'\n",
    "Image": (
        "azure vm image create web-image https://store.blob.core.windows.net/vhds/img.vhd "
        "-o linux -l 'West Europe'\n"
    ),
}
DELETED = {
    "NetworkSecurityGroup": "azure network nsg delete web-nsg --quiet\n",
    "RouteTable": "azure network route-table delete web-routes --quiet\n",
    "Disk": "azure vm disk delete web-disk\n",
    "Image": "azure vm image delete web-image\n",
}


def made_by_subscription(kind: str, script: str) -> dict[str, int]:
    """How many of `kind` each subscription the script selects holds."""
    document = read_document("build.sh", script.encode(), explicit=True)
    assert document is not None
    found = {
        name: sum(type(r).__name__ == kind for d in docs for r in d.resources)
        for name, docs in split_subscriptions((document,), {})
    }
    return {name: found.get(name, 0) for name in (A, B)}


def selecting(subscription: str) -> str:
    return f"azure account set {subscription}\n"


@pytest.mark.parametrize("kind", MADE)
def test_one_made_of_one_name_in_each_of_two_subscriptions_is_one_in_each(kind):
    script = f"#!/bin/bash\nazure config mode asm\n{selecting(A)}{MADE[kind]}{selecting(B)}{MADE[kind]}"
    assert made_by_subscription(kind, script) == {A: 1, B: 1}


@pytest.mark.parametrize("kind", MADE)
def test_one_deleted_in_b_leaves_a_s_of_that_name(kind):
    script = (
        f"#!/bin/bash\nazure config mode asm\n{selecting(A)}{MADE[kind]}"
        f"{selecting(B)}{MADE[kind]}{DELETED[kind]}"
    )
    assert made_by_subscription(kind, script) == {A: 1, B: 0}


@pytest.mark.parametrize("kind", MADE)
def test_one_made_in_a_function_called_after_each_selection_is_one_in_each(kind):
    script = (
        f"#!/bin/bash\nazure config mode asm\nmake() {{\n  {MADE[kind]}}}\n"
        f"{selecting(A)}make\n{selecting(B)}make\n"
    )
    assert made_by_subscription(kind, script) == {A: 1, B: 1}
