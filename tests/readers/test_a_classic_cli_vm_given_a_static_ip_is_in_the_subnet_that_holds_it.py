"""`azure vm create -w <vnet> -S <ip>` (asm mode): the classic CLI ignores `-b` and puts the VM in the subnet
of the network that holds the address. That subnet when the script made the network with its prefix, a
subnet the script does not state otherwise: never a VM in the network with no subnet (MIG203)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from lint_support import lint_files, where

from migcheck.model import Deployment
from migcheck.readers import shell

NETWORK = "azure network vnet create coreos -l 'West US' -e 10.0.0.0 -i 16 -n static -p 10.0.20.0 -r 24\n"


def _subnets(text: str) -> tuple[list[str], bool]:
    """The VM's subnets, and whether they are not known."""
    doc = shell.read("deploy.sh", textwrap.dedent(text).encode())
    (deployment,) = [r for r in doc.resources if isinstance(r, Deployment)]
    (role,) = deployment.roles
    return [s.name for s in role.subnets], "subnets" in role.unknown


def test_the_subnet_of_the_network_the_script_made_is_the_one_holding_the_address():
    script = (
        NETWORK
        + "azure vm create etcd img core -l 'West US' --virtual-network-name=coreos --static-ip=10.0.20.11\n"
    )
    assert _subnets(script) == (["static"], False)


def test_a_subnet_the_script_names_is_ignored_for_the_one_holding_the_address():
    script = NETWORK + "azure vm create etcd img core -l 'West US' -w coreos -b other -S 10.0.20.11\n"
    assert _subnets(script) == (["static"], False)


def test_in_a_network_the_script_does_not_make_the_subnet_is_not_stated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    script = (
        "azure config mode asm\nazure vm create etcd img core -l 'West US' -w coreos -S 10.0.20.11 -e 22\n"
    )
    assert _subnets(script) == ([], True)
    assert where(lint_files(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG203").findings) == []
