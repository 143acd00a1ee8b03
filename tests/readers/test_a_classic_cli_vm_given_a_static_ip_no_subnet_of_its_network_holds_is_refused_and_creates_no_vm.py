"""`azure vm create -w net1 -S <ip>` where the script made net1 and no subnet of it holds the address: the
CLI looks for the subnet that holds the address and finds none, and the platform refuses a static address
outside the VM's subnets, so the command fails and creates no VM. MIG003 says so at the address; the VM was
read as created, in a subnet not stated. An address a subnet holds, or a network with a subnet whose prefix
the script does not state, is read as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

from migcheck.model import Deployment
from migcheck.readers import shell

NETWORK = "azure network vnet create net1 -l 'West US' -e 10.0.0.0 -i 16 -n static -p 10.0.20.0 -r 24\n"


def _vms(script: str) -> list[str]:
    document = shell.read("deploy.sh", script.encode())
    return [role.name for d in document.resources if isinstance(d, Deployment) for role in d.roles]


def test_an_address_in_no_subnet_of_the_network_the_script_made_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = NETWORK + "azure vm create etcd img core -l 'West US' -w net1 -S 10.0.99.5\n"
    assert _vms(script) == []
    (finding,) = lint_files(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG003").findings
    assert (finding.location.line, finding.location.column) == (2, 55)
    assert "do not hold 10.0.99.5" in finding.message
    assert "the platform refuses the command, which fails and creates no VM" in finding.message


@pytest.mark.parametrize(
    "script",
    [
        NETWORK + "azure vm create etcd img core -l 'West US' -w net1 -S 10.0.20.5\n",
        "azure network vnet create net1 -l 'West US' -e 10.0.0.0 -i 16 -n static -p $START -r 24\n"
        "azure vm create etcd img core -l 'West US' -w net1 -S 10.0.99.5\n",
        "azure vm create etcd img core -l 'West US' -w net1 -S 10.0.99.5\n",
    ],
)
def test_an_address_a_subnet_may_hold_makes_the_vm(script: str) -> None:
    assert _vms(script) == ["etcd"]
