"""MIG202 (multiple-subnets) has a case, a pytest item and a JUnit case, on a configuration only where it
names two subnets or more for one role: a web/worker role's subnets come from its configuration alone.
A VM's may come from other files (a second description of it, a script's Set-AzureSubnet), so every file
of a VM or a script keeps its case."""

from __future__ import annotations

from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plugins import load_rules
from migcheck.rules.virtual_machines import MultipleSubnets

RULES = load_rules(entry_points=False)
CSCFG = "shop/ServiceConfiguration.Cloud.cscfg"


def _configuration(addresses: str) -> str:
    return f"""\
<ServiceConfiguration serviceName="shop">
  <Role name="Web"><Instances count="2"/></Role>
  <Role name="Jobs"><Instances count="2"/></Role>
  <NetworkConfiguration>
    <VirtualNetworkSite name="app-vnet"/>
    <AddressAssignments>
{addresses}
    </AddressAssignments>
  </NetworkConfiguration>
</ServiceConfiguration>
"""


def _address(role: str, *subnets: str) -> str:
    names = "".join(f'<Subnet name="{s}"/>' for s in subnets)
    return f'      <InstanceAddress roleName="{role}"><Subnets>{names}</Subnets></InstanceAddress>'


def _cases_and_findings(tmp_path: Path, files: dict[str, str]) -> tuple[set[str], set[str]]:
    for path, text in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    result = lint([str(tmp_path)], Config(), RULES)
    cases = {d.path for d in result.documents if MultipleSubnets.has_case(result.held(d))}
    return {Path(p).relative_to(tmp_path).as_posix() for p in cases}, {
        Path(f.mark.path).relative_to(tmp_path).as_posix() for f in result.findings if f.code == "MIG202"
    }


@pytest.mark.parametrize(
    "addresses",
    [
        _address("Web", "FrontEnd"),
        _address("Web", "FrontEnd") + "\n" + _address("Jobs", "BackEnd"),  # two roles, a subnet each
    ],
    ids=["one role", "a subnet per role"],
)
def test_a_configuration_that_places_each_role_in_one_subnet_is_no_case(tmp_path, addresses):
    cases, findings = _cases_and_findings(tmp_path, {CSCFG: _configuration(addresses)})
    assert cases == set() and findings == set()


@pytest.mark.parametrize(
    "addresses",
    [
        _address("Web", "FrontEnd", "BackEnd"),
        _address("Web", "FrontEnd") + "\n" + _address("web", "BackEnd"),  # one role, named twice
    ],
    ids=["two subnets in one address", "two addresses of one role"],
)
def test_a_configuration_that_places_a_role_in_two_subnets_is_a_case(tmp_path, addresses):
    cases, findings = _cases_and_findings(tmp_path, {CSCFG: _configuration(addresses)})
    assert cases == findings == {CSCFG}


def test_a_configuration_that_names_one_subnet_twice_is_a_case_that_passes(tmp_path):
    """Subnet names compare without regard to case: it could have failed, and did not."""
    cases, findings = _cases_and_findings(
        tmp_path, {CSCFG: _configuration(_address("Web", "FrontEnd", "frontend"))}
    )
    assert cases == {CSCFG} and findings == set()


def test_a_vm_in_one_subnet_keeps_its_case_and_a_script_gives_it_a_second(tmp_path):
    vm = """\
<PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure">
  <RoleName>jump01</RoleName>
  <RoleType>PersistentVMRole</RoleType>
  <ConfigurationSets>
    <ConfigurationSet>
      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
      <SubnetNames><SubnetName>FrontEnd</SubnetName></SubnetNames>
    </ConfigurationSet>
  </ConfigurationSets>
</PersistentVMRole>
"""
    script = """\
Get-AzureVM -ServiceName shop -Name jump01 |
  Add-AzureNetworkInterfaceConfig -Name nic2 -SubnetName BackEnd |
  Update-AzureVM
"""
    alone, _ = _cases_and_findings(tmp_path / "alone", {"shop/jump01.xml": vm})
    assert alone == {"shop/jump01.xml"}
    cases, findings = _cases_and_findings(
        tmp_path / "changed", {"shop/jump01.xml": vm, "ops/nic.ps1": script}
    )
    assert findings == {"ops/nic.ps1"} and findings <= cases  # the second subnet is the script's
