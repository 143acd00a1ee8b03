"""A network security rule a file sets on a path that may not run (`Set-AzureNetworkSecurityRule` in an `if`
the reader cannot decide) may be in the group or not: MIG210 says at most that the group may deny outbound
Internet access, an Allow there no longer lets the extensions surely through a Deny after it, and a rule
it would replace, or that a removal that may not run takes away, may still be there."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from test_extensions_cut_off_by_security_group import NETCFG, VM

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import MAYBE_RUNS, Mark, SecurityRule
from migcheck.plugins import load_rules
from migcheck.readers import python_script
from migcheck.rules.reach import Outbound, outbound_internet

RULES = load_rules(entry_points=False)

GROUP = """
param([switch]$Lockdown)
New-AzureNetworkSecurityGroup -Name "web-nsg" -Location "West Europe"
$nsg = Get-AzureNetworkSecurityGroup -Name "web-nsg"
{rules}
$nsg | Set-AzureNetworkSecurityGroupToSubnet -VirtualNetworkName "app-vnet" -SubnetName "web"
"""
DENY = (
    'Set-AzureNetworkSecurityRule -NetworkSecurityGroup $nsg -Name "no-internet" -Type Outbound '
    '-Priority 200 -Action Deny -SourceAddressPrefix "*" -SourcePortRange "*" '
    '-DestinationAddressPrefix "INTERNET" -DestinationPortRange "443" -Protocol "TCP"'
)
ALLOW = DENY.replace("no-internet", "https-out").replace("200", "100").replace("Deny", "Allow")
REMOVE = 'Remove-AzureNetworkSecurityRule -NetworkSecurityGroup $nsg -Name "no-internet" -Force'


def _verdicts(tmp_path: Path, monkeypatch, rules: str) -> list[str]:
    """What MIG210 says of the group, for a group script whose rules are `rules`."""
    files = {"NetworkConfig.netcfg": NETCFG, "nsg.ps1": GROUP.format(rules=rules), "web.ps1": VM}
    for name, text in files.items():
        (tmp_path / name).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lint(["."], Config(select=("MIG210",)), RULES)
    return [
        words
        for f in result.findings
        for words in ("may deny", "denies")
        if f"'web-nsg' of its subnet 'web' {words} outbound Internet access" in f.message
    ]


@pytest.mark.parametrize(
    ("rules", "expected"),
    [
        (DENY, ["denies"]),
        ("if ($Lockdown) { " + DENY + " }", ["may deny"]),
        ("if ($Lockdown) { " + ALLOW + " }\n" + DENY, ["may deny"]),
        (ALLOW + "\n" + DENY, []),
        (DENY + "\nif ($Lockdown) { " + REMOVE + " }", ["may deny"]),
        (DENY + "\n" + REMOVE, []),
        (DENY + "\nif ($Lockdown) { " + DENY.replace("INTERNET", "VIRTUAL_NETWORK") + " }", ["may deny"]),
        ("if ($Lockdown) { " + DENY + " }\n" + DENY.replace("INTERNET", "VIRTUAL_NETWORK"), []),
    ],
    ids=[
        "deny-surely-set",
        "deny-in-an-if",
        "allow-in-an-if-before-a-deny",
        "allow-surely-before-a-deny",
        "deny-removed-in-an-if",
        "deny-surely-removed",
        "deny-replaced-in-an-if",
        "deny-in-an-if-surely-replaced",
    ],
)
def test_a_rule_that_may_not_run_may_deny_at_most(tmp_path, monkeypatch, rules, expected):
    assert _verdicts(tmp_path, monkeypatch, rules) == expected


def _rule(name: str, action: str, *, maybe: bool) -> SecurityRule:
    return SecurityRule(
        "nsg",
        name,
        Mark("nsg.ps1", 1),
        "Outbound",
        "100" if action == "Allow" else "200",
        action,
        runs=MAYBE_RUNS if maybe else "",
    )


def test_a_deny_that_may_not_be_there_may_deny():
    deny = _rule("deny", "Deny", maybe=True)
    assert outbound_internet([deny]) == (Outbound.MAYBE_DENIED, deny)


def test_an_allow_that_may_not_be_there_lets_nothing_surely_through():
    deny = _rule("deny", "Deny", maybe=False)
    assert outbound_internet([_rule("allow", "Allow", maybe=True), deny]) == (Outbound.MAYBE_DENIED, deny)


PYTHON_RULE = '''
import sys
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("subscription-id", "management.pem")
body = """<Rule xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>deny-out</Name><Type>Outbound</Type><Priority>100</Priority><Action>Deny</Action>
  <SourceAddressPrefix>*</SourceAddressPrefix><SourcePortRange>*</SourcePortRange>
  <DestinationAddressPrefix>*</DestinationAddressPrefix><DestinationPortRange>*</DestinationPortRange>
  <Protocol>*</Protocol>
</Rule>"""
{guard}sms.perform_put("/subscription-id/services/networking/networksecuritygroups/web-nsg/rules/deny-out", body)
'''


@pytest.mark.parametrize(
    ("guard", "runs"), [("", ""), ("if len(sys.argv) > 1:\n    ", MAYBE_RUNS)], ids=["surely", "in-an-if"]
)
def test_a_python_rule_sent_on_a_path_that_may_not_run_may_not_be_there(guard, runs):
    doc = python_script.read("nsg_rules.py", PYTHON_RULE.format(guard=guard).encode())
    [rule] = [r for r in doc.resources if isinstance(r, SecurityRule)]
    assert (rule.name, rule.runs) == ("deny-out", runs)
