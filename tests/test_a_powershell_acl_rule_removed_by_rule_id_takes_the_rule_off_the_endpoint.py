"""PowerShell's way to delete one rule of an endpoint's ACL: `$acl = Get-AzureAclConfig -EndpointName RDP -VM
$vm`, `Set-AzureAclConfig -RemoveRule -ACL $acl -RuleId 0`, then `Set-AzureEndpoint -Name RDP -ACL $acl |
Update-AzureVM`. Get-AzureAclConfig numbers the VM's rules from 0 in the order the VM lists them, and a
removal does not renumber the others (NetworkAclObject.RemoveRule). The endpoint keeps the rules the other
files describe without the removed ones, and one left with no rule has no ACL (the cmdlet sets none), so
MIG201 no longer reports it, as after Remove-AzureAclConfig. The ACL read and set back as it was, a RuleId
the ACL does not hold, and a removal that may not run leave it as it was. Each with the VM described by a
classic CLI export and by a REST body."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import acl_rules, lint_files, rest_vm_deployment, vm_list_with_rdp_acl, where


def _service(orders: tuple[int, ...]) -> str:
    """Get Hosted Service Properties (embed-detail) of cloud service svc: VM web1, whose RDP endpoint has
    one ACL rule of each order in `orders`."""
    rules = "".join(
        f"<Rule><Order>{r['Order']}</Order><Action>permit</Action><RemoteSubnet>{r['RemoteSubnet']}"
        "</RemoteSubnet></Rule>"
        for r in acl_rules(orders)
    )
    endpoint = (
        "<InputEndpoint><Name>RDP</Name><Port>3389</Port><Protocol>tcp</Protocol><LocalPort>3389</LocalPort>"
        f"<EndpointAcl><Rules>{rules}</Rules></EndpointAcl></InputEndpoint>"
    )
    return (
        '<HostedService xmlns="http://schemas.microsoft.com/windowsazure">\n'
        "  <ServiceName>svc</ServiceName>\n  <Deployments>\n"
        + rest_vm_deployment("svc", "Production", "web1", endpoint, "")
        + "  </Deployments>\n</HostedService>\n"
    )


DESCRIPTIONS = {"azure-vm-list.json": vm_list_with_rdp_acl, "svc.xml": _service}

READ = """\
$vm = Get-AzureVM -ServiceName svc -Name web1
$acl = Get-AzureAclConfig -EndpointName RDP -VM $vm
"""

SET_BACK = (
    "Get-AzureVM -ServiceName svc -Name web1 | Set-AzureEndpoint -Name RDP -ACL $acl | Update-AzureVM\n"
)


def _lint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, description: str, script: str, *orders: int
) -> list:
    files = {description: DESCRIPTIONS[description](orders), "fix.ps1": script}
    return lint_files(tmp_path, monkeypatch, files, "MIG201").findings


@pytest.mark.parametrize("description", DESCRIPTIONS)
@pytest.mark.parametrize(
    "remove",
    [
        "Set-AzureAclConfig -RemoveRule -ACL $acl -RuleId 0\n",
        "Set-AzureAclConfig -RemoveRule 0 -ACL $acl\n",
        "$acl | Set-AzureAclConfig -RemoveRule -RuleId 0\n",
    ],
    ids=["named", "positional", "piped"],
)
def test_removing_the_only_rule_of_the_vm_leaves_no_acl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, description: str, remove: str
) -> None:
    assert _lint(tmp_path, monkeypatch, description, READ + remove + SET_BACK, 100) == []


@pytest.mark.parametrize("description", DESCRIPTIONS)
@pytest.mark.parametrize(
    "script",
    [
        READ + SET_BACK,
        READ + "Set-AzureAclConfig -RemoveRule -ACL $acl -RuleId 1\n" + SET_BACK,
        READ + "if ($fix) { Set-AzureAclConfig -RemoveRule -ACL $acl -RuleId 0 }\n" + SET_BACK,
        READ + "Set-AzureAclConfig -RemoveRule -ACL $acl -RuleId $id\n" + SET_BACK,
    ],
    ids=["set-back-as-read", "other-rule-id", "may-not-run", "unstated-rule-id"],
)
def test_the_acl_without_a_removal_of_its_rule_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, description: str, script: str
) -> None:
    findings = _lint(tmp_path, monkeypatch, description, script, 100)
    assert [f.code for f in findings] == ["MIG201"]
    assert "(1 rule)" in findings[0].message
    assert where(findings)[0].startswith(f"MIG201 {description}:")


@pytest.mark.parametrize("description", DESCRIPTIONS)
def test_removing_one_of_two_rules_leaves_the_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, description: str
) -> None:
    script = READ + "Set-AzureAclConfig -RemoveRule -ACL $acl -RuleId 0\n" + SET_BACK
    findings = _lint(tmp_path, monkeypatch, description, script, 100, 200)
    assert [f.code for f in findings] == ["MIG201"]
    assert "(1 rule)" in findings[0].message


@pytest.mark.parametrize("description", DESCRIPTIONS)
def test_removing_each_rule_by_its_first_rule_id_leaves_no_acl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, description: str
) -> None:
    """RuleIds are not renumbered: the second rule is still RuleId 1 once RuleId 0 is gone."""
    remove = "Set-AzureAclConfig -RemoveRule -ACL $acl -RuleId 0\nSet-AzureAclConfig -RemoveRule -ACL $acl -RuleId 1\n"
    set_endpoint = (
        "Get-AzureVM -ServiceName svc -Name web1 |\n"
        "    Set-AzureEndpoint -Name RDP -Protocol tcp -PublicPort 3389 -LocalPort 3389 -ACL $acl |\n"
        "    Update-AzureVM\n"
    )
    assert _lint(tmp_path, monkeypatch, description, READ + remove + set_endpoint, 100, 200) == []
