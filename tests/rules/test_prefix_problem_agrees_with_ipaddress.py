"""MIG304 tells a prefix's network with integers, not with `ipaddress` (asked of every prefix of every
network): what it reports must be what `ipaddress` says of the same text, for every length."""

from __future__ import annotations

import ipaddress

from hypothesis import given
from hypothesis import strategies as st

from migcheck.rules.networking import prefix_problem

octets = st.integers(min_value=0, max_value=255)


@given(st.tuples(octets, octets, octets, octets), st.integers(min_value=0, max_value=32))
def test_a_prefix_is_strict_exactly_when_ipaddress_takes_it_as_written(address, length):
    text = ".".join(map(str, address)) + f"/{length}"
    network = str(ipaddress.ip_network(text, strict=False))
    problem = prefix_problem(text)
    if network == text:
        assert problem is None
    else:
        assert problem is not None
        assert problem.corrected == network
        assert problem.reason == f"host bits are set: the network of {text} is {network}"


@given(
    st.tuples(st.integers(min_value=0, max_value=99), octets, octets, octets),
    st.integers(min_value=0, max_value=32),
)
def test_leading_zeros_are_corrected_to_the_network_ipaddress_gives(address, length):
    # Three digits each: the first octet, below 100, is written with a leading zero.
    padded = ".".join(f"{octet:03d}" for octet in address) + f"/{length}"
    plain = ".".join(map(str, address)) + f"/{length}"
    problem = prefix_problem(padded)
    assert problem is not None
    assert problem.corrected == str(ipaddress.ip_network(plain, strict=False))
