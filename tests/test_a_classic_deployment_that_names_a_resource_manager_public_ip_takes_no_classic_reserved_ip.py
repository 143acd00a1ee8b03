"""A classic deployment that names its reserved IP by a Resource Manager id (`<ReservedIP name="/subscriptions/
.../publicIPAddresses/x"/>` in a configuration written for Cloud Services (extended support) that a script
deploys with New-AzureDeployment, a New-AzureVM given such an id as -ReservedIPName) takes only a classic
reserved IP, so the platform refuses it: the plan kept the classic reserved IP's move note for the id. MIG003
at the id now, as for a network named by its id, and no classic reserved IP is made of it."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.plan import build_plan

PUBLIC_IP = (
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-cs/providers/"
    "Microsoft.Network/publicIPAddresses/ip-cs"
)
CSCFG = f"""\
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="Contoso" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="WebRole1">
    <Instances count="2" />
  </Role>
  <NetworkConfiguration>
    <AddressAssignments>
      <ReservedIPs>
        <ReservedIP name="{PUBLIC_IP}" />
      </ReservedIPs>
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
  New-AzureVM -ServiceName 'shop' -Location 'West Europe' -ReservedIPName '{PUBLIC_IP}'
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
def test_the_id_is_mig003_and_no_classic_reserved_ip_note(tmp_path, monkeypatch, written_in) -> None:
    result = lint_files(tmp_path, monkeypatch, CASES[written_in], dedent=False)
    (dangling,) = [f for f in result.findings if f.code == "MIG003"]
    assert dangling.location is not None and dangling.location.path == written_in
    assert f"names reserved IP '{PUBLIC_IP}' by its Resource Manager id" in dangling.message
    assert "takes only a classic reserved IP" in dangling.message
    assert "Get-AzureDeployment" in (dangling.fix or "")
    notes = [note for step in build_plan(result).steps for note in step.notes]
    assert not [note for note in notes if note.startswith(f"Reserved IP '{PUBLIC_IP}'")]
