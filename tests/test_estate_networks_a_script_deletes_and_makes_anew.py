"""A script that deletes a network it made and makes it anew (`azure network vnet create`, `vnet delete`,
`vnet create` again) shows every change it makes to the network configuration: the first creation is of the
network the later one replaces (`VirtualNetwork.replaced`), so it leaves the names checked (MIG003)."""

from __future__ import annotations

from migcheck.estate import _described_network_commands
from migcheck.model import EVERY_NETWORK, ClassicCall, Mark, Script, Subnet, VirtualNetwork

PATH = "deploy.sh"
EVERY = (("virtual-network", EVERY_NETWORK),)


def _call(name: str, line: int) -> ClassicCall:
    return ClassicCall(name, Mark(PATH, line, column=1), changes=EVERY)


def _network(line: int, subnet: str, replaced: tuple[VirtualNetwork, ...] = ()) -> VirtualNetwork:
    at = Mark(PATH, line, column=1)
    return VirtualNetwork(
        "myvnet", at, subnets=(Subnet(subnet, None, Mark(PATH, line, column=72)),), replaced=replaced
    )


CALLS = (
    _call("azure network vnet create", 3),
    _call("azure network vnet delete", 4),
    _call("azure network vnet create", 5),
)
SCRIPT = Script(PATH, "Shell", CALLS, (), CALLS[0].mark, changes=CALLS)


def test_the_creation_of_a_network_made_anew_is_described() -> None:
    anew = _network(5, "other", replaced=(_network(3, "front"),))
    assert _described_network_commands(SCRIPT, [anew]) == {call.mark for call in CALLS}


def test_without_what_it_replaced_the_first_creation_is_not_described() -> None:
    assert _described_network_commands(SCRIPT, [_network(5, "other")]) == {CALLS[1].mark, CALLS[2].mark}
