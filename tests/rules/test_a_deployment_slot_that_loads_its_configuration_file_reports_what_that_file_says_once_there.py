"""A deployment slot a Bicep file declares whose `configuration` is `loadTextContent` of a .cscfg the run
checks deploys that file: the file is read as the deployment's configuration beside its service's definition,
so what it says (endpoint ACLs, instance addresses) is reported once, where the file writes it,
as for a script's `New-AzureDeployment -Configuration` of the same file; not again at the template."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

CONFIGURATION = """\
<?xml version="1.0"?>
<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="2" /></Role>
  <NetworkConfiguration>
    <AccessControls>
      <AccessControl name="corp"><Rule order="100" action="permit" remoteSubnet="10.0.0.0/8" description="corp" /></AccessControl>
    </AccessControls>
    <EndpointAcls><EndpointAcl role="Web" endpoint="http" accessControl="corp" /></EndpointAcls>
    <VirtualNetworkSite name="vnet1" />
    <AddressAssignments>
      <InstanceAddress roleName="Web"><Subnets><Subnet name="web" /><Subnet name="data" /></Subnets></InstanceAddress>
      <ReservedIPs><ReservedIP name="rip1" /></ReservedIPs>
    </AddressAssignments>
  </NetworkConfiguration>
</ServiceConfiguration>
"""

DEFINITION = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Web" vmsize="Small">
    <Endpoints><{kind}Endpoint name="http" protocol="http" port="80" /></Endpoints>
  </WebRole>
</ServiceDefinition>
"""

SLOT = """\
resource slot 'Microsoft.ClassicCompute/domainNames/slots@2016-11-01' = {
  name: 'shop/Production'
  properties: {
    packageLink: { uri: 'https://acct.blob.core.windows.net/pkg/shop.cspkg' }
    configuration: loadTextContent('ServiceConfiguration.Cloud.cscfg')
  }
}
"""

DEFINED = {"with its definition": {"ServiceDefinition.csdef": DEFINITION.format(kind="Input")}, "alone": {}}


@pytest.mark.parametrize("beside", DEFINED.values(), ids=DEFINED.keys())
@pytest.mark.parametrize(("code", "line"), [("MIG201", 8), ("MIG202", 11)])
def test_the_finding_is_reported_once_at_the_configuration_file(tmp_path, monkeypatch, beside, code, line):
    files = {"ServiceConfiguration.Cloud.cscfg": CONFIGURATION, "main.bicep": SLOT, **beside}
    result = lint_files(tmp_path, monkeypatch, files, code, dedent=False)
    assert [w.rsplit(":", 1)[0] for w in where(result.findings)] == [
        f"{code} ServiceConfiguration.Cloud.cscfg:{line}"
    ]
