"""How a classic network security group's rules decide a VM's outbound HTTPS to the Internet, which its
extensions need to be migrated (MIG210): by priority, first match wins, the default rules allow it."""

from __future__ import annotations

import pytest

from migcheck.model import Mark, SecurityRule
from migcheck.rules.reach import Outbound, outbound_internet


def _rule(rule_name: str = "r", /, **values: str | None) -> SecurityRule:
    stated: dict[str, str | None] = {"direction": "Outbound", "priority": "200", "action": "Deny"}
    stated.update(values)
    return SecurityRule("nsg", rule_name, Mark("nsg.ps1", 1), **stated)


def test_no_rules_allow_the_internet() -> None:
    assert outbound_internet([]) == (Outbound.ALLOWED, None)


@pytest.mark.parametrize("destination", ["*", "INTERNET", "Internet", "0.0.0.0/0"])
def test_a_deny_of_the_internet_denies(destination: str) -> None:
    rule = _rule(destination=destination)
    assert outbound_internet([rule]) == (Outbound.DENIED, rule)


@pytest.mark.parametrize(
    "values",
    [
        {"direction": "Inbound"},
        {"destination": "VIRTUAL_NETWORK"},
        {"destination": "10.0.0.0/8"},
        {"destination": "40.1.2.0/24"},  # some addresses on the Internet, not all of it
        {"destination_ports": "80"},
        {"destination_ports": "1000-2000"},
        {"protocol": "UDP"},
        {"source": "INTERNET"},
        {"action": "Allow"},
    ],
)
def test_a_rule_that_does_not_cover_https_to_the_internet_denies_nothing(values: dict[str, str]) -> None:
    assert outbound_internet([_rule(**values)]) == (Outbound.ALLOWED, None)


@pytest.mark.parametrize("ports", ["443", "400-500", "*"])
def test_a_deny_of_https_ports_denies(ports: str) -> None:
    assert outbound_internet([_rule(destination_ports=ports)])[0] is Outbound.DENIED


def test_an_allow_of_lower_number_wins() -> None:
    allow = _rule(
        "allow-https", priority="100", action="Allow", destination="INTERNET", destination_ports="443"
    )
    assert outbound_internet([_rule(), allow]) == (Outbound.ALLOWED, None)


def test_an_allow_of_higher_number_comes_too_late() -> None:
    deny, allow = _rule(priority="300"), _rule("allow", priority="400", action="Allow")
    assert outbound_internet([allow, deny]) == (Outbound.DENIED, deny)


def test_an_allow_of_other_ports_does_not_help() -> None:
    deny, allow = _rule(), _rule("allow-web", priority="100", action="Allow", destination_ports="80")
    assert outbound_internet([allow, deny]) == (Outbound.DENIED, deny)


def test_an_allow_of_some_public_addresses_first_may_be_azure_storage() -> None:
    deny = _rule()
    allow = _rule("storage", priority="100", action="Allow", destination="52.239.0.0/16")
    assert outbound_internet([allow, deny]) == (Outbound.MAYBE_DENIED, deny)


def test_the_default_deny_all_comes_after_the_default_allow_of_the_internet() -> None:
    deny_all = _rule("DENY ALL OUTBOUND", priority="65500")
    vnet = _rule("ALLOW VNET OUTBOUND", priority="65000", action="Allow", destination="VIRTUAL_NETWORK")
    assert outbound_internet([vnet, deny_all]) == (Outbound.ALLOWED, None)


@pytest.mark.parametrize(
    "unstated",
    ["direction", "action", "destination", "destination_ports", "protocol", "source", "priority"],
)
def test_a_value_not_stated_may_deny(unstated: str) -> None:
    rule = _rule(**{unstated: None})
    assert outbound_internet([rule]) == (Outbound.MAYBE_DENIED, rule)


def test_a_source_range_may_hold_the_vm() -> None:
    rule = _rule(source="10.1.0.0/24")
    assert outbound_internet([rule]) == (Outbound.MAYBE_DENIED, rule)


def test_an_allow_whose_priority_is_not_stated_may_come_first() -> None:
    deny, allow = _rule(), _rule("allow", priority=None, action="Allow")
    assert outbound_internet([deny, allow]) == (Outbound.MAYBE_DENIED, deny)


def test_an_allow_whose_action_is_not_stated_may_come_first() -> None:
    deny, maybe = _rule(priority="300"), _rule("either", priority="100", action=None, destination_ports="80")
    assert outbound_internet([deny, maybe]) == (Outbound.DENIED, deny)
    maybe_https = _rule("either", priority="100", action=None)
    assert outbound_internet([deny, maybe_https]) == (Outbound.MAYBE_DENIED, maybe_https)
