"""MIG601 replaced `Add-AzureEndpoint` with "New-AzLoadBalancer rules or New-AzNetworkSecurityRuleConfig": no
cmdlet is called "New-AzLoadBalancer rules", and a rule made with New-AzNetworkSecurityRuleConfig is on no
security group until it is added. Adding, changing and removing an endpoint are replaced alike, by the
load balancer's and the security group's rule cmdlets of the same verb."""

from __future__ import annotations

import pytest

from migcheck.automation import POWERSHELL


@pytest.mark.parametrize("verb", ["Add", "Set", "Remove"])
def test_an_endpoint_cmdlet_is_replaced_by_the_rule_cmdlets_of_its_verb(verb):
    assert POWERSHELL[f"{verb}-AzureEndpoint"] == (
        f"{verb}-AzLoadBalancerRuleConfig or {verb}-AzNetworkSecurityRuleConfig"
    )
