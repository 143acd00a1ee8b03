"""A classic deployment that names its virtual network by a Resource Manager id (a configuration written for
Cloud Services (extended support) that a script deploys with New-AzureDeployment, a New-AzureVM given such an
id as -VNetName) stays classic, but a classic deployment joins only a classic network: MIG003 where the id is
written, and the plan makes no classic network of the id (no Move-AzureVirtualNetwork step for it), where it
made one no one could follow."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.plan import StepKind, build_plan

NETWORK = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-cs/providers/Microsoft.Network/virtualNetworks/vnet-cs"
CSCFG = f"""\
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="Contoso" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration" osFamily="6" osVersion="*">
  <Role name="WebRole1">
    <Instances count="2" />
  </Role>
  <NetworkConfiguration>
    <VirtualNetworkSite name="{NETWORK}" />
    <AddressAssignments>
      <InstanceAddress roleName="WebRole1">
        <Subnets><Subnet name="WebTier" /></Subnets>
      </InstanceAddress>
    </AddressAssignments>
  </NetworkConfiguration>
</ServiceConfiguration>
"""
CSDEF = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceDefinition name="Contoso" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="WebRole1" vmsize="Standard_D1_v2">
    <Endpoints><InputEndpoint name="Endpoint1" protocol="http" port="80" /></Endpoints>
  </WebRole>
</ServiceDefinition>
"""
DEPLOY = (
    "New-AzureDeployment -ServiceName 'contoso' -Slot Production -Package 'contoso.cspkg' "
    "-Configuration 'ServiceConfiguration.Cloud.cscfg'\n"
)
NEW_VM = f"""\
New-AzureVMConfig -Name 'web01' -InstanceSize Small -ImageName 'img' |
  Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password 'p' |
  Set-AzureSubnet -SubnetNames 'FrontEnd' |
  New-AzureVM -ServiceName 'shop' -Location 'West Europe' -VNetName '{NETWORK}'
"""
CASES = {
    "ServiceConfiguration.Cloud.cscfg": {
        "ServiceConfiguration.Cloud.cscfg": CSCFG,
        "ServiceDefinition.csdef": CSDEF,
        "deploy.ps1": DEPLOY,
    },
    "vm.ps1": {"vm.ps1": NEW_VM},
}


@pytest.mark.parametrize("written_in", CASES)
def test_the_id_is_mig003_and_no_network_step(tmp_path, monkeypatch, written_in) -> None:
    result = lint_files(tmp_path, monkeypatch, CASES[written_in], dedent=False)
    (dangling,) = [f for f in result.findings if f.code == "MIG003"]
    assert dangling.location is not None and dangling.location.path == written_in
    assert f"names virtual network '{NETWORK}' by its Resource Manager id" in dangling.message
    assert "a classic deployment joins only a classic virtual network" in dangling.message
    assert "Get-AzureDeployment" in (dangling.fix or "")
    steps = build_plan(result).steps
    assert not [step.id for step in steps if step.kind is StepKind.NETWORK]


def test_a_configuration_deployed_as_extended_support_is_not_said_to_be_classic(
    tmp_path, monkeypatch
) -> None:
    files = {"ServiceConfiguration.Cloud.cscfg": CSCFG, "ServiceDefinition.csdef": CSDEF}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert not [f for f in result.findings if f.code == "MIG003"]
