"""The small classic estate of the plugin tests and what reads their outcomes, for the tests to import by
a name of their own: a test module that imported them from `conftest` got whichever folder's conftest was
imported last, and failed to collect when another folder's tests were collected with the plugin's
(`pytest tests/plugin tests/report`).

Its findings, by design: `shop/...cscfg` configures a web/worker role (MIG101, error, line 2: a .cscfg
configures only those, even without its .csdef), has an endpoint ACL (MIG201, error, line 10) and a subnet
that is not in the VNet `prod` defined in `net/` (MIG003, warning, line 15: a cross-file finding);
`broken/...cscfg` does not parse (MIG001, error, line 3); `net/` and `vms/` are clean; `pom.xml` is not a
classic file. Tests that assert exact outcomes select the rules they are about, so that rules added later
cannot change them."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="prod" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="FrontEnd"><AddressPrefix>10.0.0.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

ENDPOINT_ACL = '      <EndpointAcl role="Web" endPoint="HttpsIn" accessControl="office"/>\n'
SUPPRESSION = "      <!-- migcheck: ignore[MIG201] removed by the migration runbook -->\n"

CSCFG = (
    """\
<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="2"/></Role>
  <NetworkConfiguration>
    <AccessControls>
      <AccessControl name="office">
        <Rule order="100" action="permit" remoteSubnet="203.0.113.0/24" description="office"/>
      </AccessControl>
    </AccessControls>
    <EndpointAcls>
"""
    + ENDPOINT_ACL
    + """\
    </EndpointAcls>
    <VirtualNetworkSite name="prod"/>
    <AddressAssignments>
      <InstanceAddress roleName="Web">
        <Subnets><Subnet name="Backend"/></Subnets>
      </InstanceAddress>
    </AddressAssignments>
  </NetworkConfiguration>
</ServiceConfiguration>
"""
)

BROKEN = '<ServiceConfiguration serviceName="old">\n  <Role name="Web">\n</ServiceConfiguration>\n'

VM_EXPORT = """\
<PersistentVM xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <RoleName>app01</RoleName>
  <ConfigurationSets>
    <ConfigurationSet xsi:type="NetworkConfigurationSet">
      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
      <SubnetNames><string>FrontEnd</string></SubnetNames>
    </ConfigurationSet>
  </ConfigurationSets>
  <RoleSize>Standard_D2</RoleSize>
</PersistentVM>
"""

FILES = {
    "net/NetworkConfig.netcfg": NETCFG,
    "shop/ServiceConfiguration.Cloud.cscfg": CSCFG,
    "broken/ServiceConfiguration.Cloud.cscfg": BROKEN,
    "vms/app01.xml": VM_EXPORT,
    "pom.xml": "<project><modelVersion>4.0.0</modelVersion></project>\n",
    "test_unit.py": "def test_python_unit():\n    pass\n",
}

SHOP = "shop/ServiceConfiguration.Cloud.cscfg"
BROKEN_CSCFG = "broken/ServiceConfiguration.Cloud.cscfg"
NET = "net/NetworkConfig.netcfg"
VM = "vms/app01.xml"
SELECTED = ("--migcheck-select", "MIG001,MIG003,MIG201")
# The inner runs need neither the cache nor hypothesis's plugin (which imports all of hypothesis).
QUIET = ("-p", "no:cacheprovider", "-p", "no:hypothesispytest")


def outcomes(reprec: pytest.HookRecorder) -> dict[str, str]:
    """node id → outcome of its call phase, for every item that ran."""
    reports = reprec.getreports("pytest_runtest_logreport")
    return {r.nodeid: r.outcome for r in reports if r.when == "call"}


def summary_outcomes(lines: Iterable[str]) -> dict[str, str]:
    """node id → PASSED/FAILED from `-rA` short summary lines."""
    found = {}
    for line in lines:
        word, _, rest = line.partition(" ")
        if word in ("PASSED", "FAILED"):
            found[rest.split(" - ")[0]] = word
    return found
