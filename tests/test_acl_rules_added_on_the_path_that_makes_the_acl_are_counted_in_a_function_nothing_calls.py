"""An ACL made and given its rules in one function the file never calls (an Azure Automation workflow whose
InlineScript names its cloud service by `$Using:`, a function another script runs) holds exactly those
rules whenever it is made: MIG201 says how many, as for the same code at the top of a script, where the
count was dropped because the function may not run. A rule added on a path the ACL's making may run without
(an `if`, a loop) still leaves the count unknown."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import Deployment

BODY = """\
$acl = New-AzureAclConfig
{add}
$vm = New-AzureVMConfig -Name "dc01" -InstanceSize Small -ImageName "img" |
    Add-AzureProvisioningConfig -Windows -AdminUsername "a" -Password "p" |
    Add-AzureEndpoint -Name RDP -Protocol tcp -LocalPort 3389 -PublicPort 3389 -ACL $acl |
    Set-AzureSubnet -SubnetNames "Sub1"
New-AzureVM -ServiceName {service} -VMs $vm -VNetName "LabVNet" -Location "West US"
"""
ADD = 'Set-AzureAclConfig -AddRule -ACL $acl -Action Permit -RemoteSubnet "10.0.0.0/8" -Order 1'
HOLDERS = {
    "the script itself": ("{body}", '"labsvc01"'),
    "a workflow's InlineScript": (
        'workflow New-Lab {\n    param($S = "labsvc01")\n    InlineScript {\n{body}    }\n}\n',
        "$Using:S",
    ),
    "a function": ('function New-Lab {\n    param($S = "labsvc01")\n{body}}\n', "$S"),
}


def rdp_acl(holder: str, add: str = ADD):
    written, service = HOLDERS[holder]
    text = written.replace("{body}", BODY.replace("{add}", add).replace("{service}", service))
    deployments = [d for d in script_resources(text, "lab.ps1") if isinstance(d, Deployment)]
    return next(e.acl for d in deployments for r in d.roles for e in r.endpoints if e.name == "RDP")


@pytest.mark.parametrize("holder", sorted(HOLDERS))
def test_the_rules_added_where_the_acl_is_made_are_all_its_rules(holder):
    acl = rdp_acl(holder)
    assert acl.all_rules_known
    assert [rule.remote_subnet for rule in acl.rules] == ["10.0.0.0/8"]


@pytest.mark.parametrize("holder", sorted(HOLDERS))
@pytest.mark.parametrize(
    "add",
    [f"if ($Open) {{ {ADD} }}", f"foreach ($n in $Nets) {{ {ADD} }}"],
    ids=["in an if", "in a loop"],
)
def test_a_rule_added_on_a_path_of_its_own_leaves_the_count_unknown(holder, add):
    assert not rdp_acl(holder, add).all_rules_known


def test_an_acl_made_in_one_if_and_given_a_rule_in_another_is_not_counted():
    add = f"}}\nif ($Open) {{ {ADD}"
    text = "function New-Lab {\nif ($Make) {\n" + BODY.replace("{add}", add).replace(
        "{service}", '"labsvc01"'
    )
    text += "}\n}\n"
    deployments = [d for d in script_resources(text, "lab.ps1") if isinstance(d, Deployment)]
    acls = [e.acl for d in deployments for r in d.roles for e in r.endpoints if e.name == "RDP"]
    assert acls and not any(acl.all_rules_known for acl in acls if acl is not None)
