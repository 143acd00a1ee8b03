"""A project's configuration that a script or pipeline deploys into a slot of the service its files name
(`New-AzureDeployment -ServiceName shop -Slot Staging -Configuration ...Test.cscfg`, the classic cloud
deployment task's `CsCfg` and `slotName`, AppVeyor's AzureCS provider, the legacy SDK's
`create_deployment`) is that slot's deployment of the one service, beside the project's other
configuration: each role is reported once, and the readiness summary and the plan hold the service once."""

from __future__ import annotations

import pytest
from lint_support import lint_files

CSDEF = """\
<ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Storefront" vmsize="Small"><Endpoints><InputEndpoint name="Http" protocol="http" port="80" /></Endpoints></WebRole>
  <WorkerRole name="Jobs" vmsize="Small" />
</ServiceDefinition>
"""
CSCFG = """\
<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Storefront"><Instances count="2" /></Role>
  <Role name="Jobs"><Instances count="2" /></Role>
</ServiceConfiguration>
"""
DEPLOYMENTS = {
    "powershell": (
        "deploy.ps1",
        "New-AzureDeployment -ServiceName shop -Slot {slot} -Package .\\bin\\Shop.cspkg "
        "-Configuration .\\Shop\\ServiceConfiguration.Test.cscfg -Label build\n",
    ),
    "azure pipelines task": (
        "azure-pipelines.yml",
        """\
steps:
- task: AzureCloudPowerShellDeployment@1
  inputs:
    azureClassicSubscription: classic-conn
    ServiceName: shop
    CsPkg: $(Build.ArtifactStagingDirectory)/Shop.cspkg
    CsCfg: Shop/ServiceConfiguration.Test.cscfg
    slotName: {slot}
""",
    ),
    "python sdk": (
        "deploy.py",
        """\
import base64
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
configuration = base64.b64encode(open("Shop/ServiceConfiguration.Test.cscfg").read())
sms.create_deployment("shop", "{lower}", "shop1", "https://a.blob.core.windows.net/p/Shop.cspkg", "shop", configuration)
""",
    ),
}


def _lint(tmp_path, monkeypatch, case: str, slot: str):
    path, text = DEPLOYMENTS[case]
    files = {
        "Shop/ServiceDefinition.csdef": CSDEF,
        "Shop/ServiceConfiguration.Cloud.cscfg": CSCFG,
        "Shop/ServiceConfiguration.Test.cscfg": CSCFG,
        path: text.format(slot=slot, lower=slot.lower()),
    }
    return lint_files(tmp_path, monkeypatch, files, "MIG101", dedent=False)


@pytest.mark.parametrize("case", sorted(DEPLOYMENTS))
@pytest.mark.parametrize("slot", ["Staging", "Production"])
def test_each_role_of_the_service_is_reported_once(tmp_path, monkeypatch, case, slot):
    result = _lint(tmp_path, monkeypatch, case, slot)
    assert [(f.location.line, f.code) for f in result.findings] == [(2, "MIG101"), (3, "MIG101")]
    assert [s.name for e in result.estates for s in e.cloud_services] == ["shop"]


def test_the_staging_deployment_and_the_project_s_other_configuration_are_the_service_s_two_slots(plan_of):
    path, text = DEPLOYMENTS["powershell"]
    plan = plan_of(
        {
            "Shop/ServiceDefinition.csdef": CSDEF,
            "Shop/ServiceConfiguration.Cloud.cscfg": CSCFG,
            "Shop/ServiceConfiguration.Test.cscfg": CSCFG,
            path: text.format(slot="Staging"),
        }
    )
    notes = [n for step in plan.steps for n in step.notes if n.startswith("Not moved")]
    assert notes == [
        "Not moved: cloud service 'shop': web/worker roles Storefront, Jobs, deployed to its Production and "
        "Staging slots."
    ]


def test_a_service_the_script_deploys_in_both_slots_holds_no_third_configuration(tmp_path, monkeypatch):
    path, text = DEPLOYMENTS["powershell"]
    both = text.format(slot="Staging") + text.format(slot="Production").replace("Test", "Cloud")
    files = {
        "Shop/ServiceDefinition.csdef": CSDEF,
        "Shop/ServiceConfiguration.Cloud.cscfg": CSCFG,
        "Shop/ServiceConfiguration.Test.cscfg": CSCFG,
        "Shop/ServiceConfiguration.Qa.cscfg": CSCFG,
        path: both,
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG101", dedent=False)
    (service,) = [s for e in result.estates for s in e.cloud_services]
    configured = [p for p in service.placements if p.mark.path.endswith(".cscfg")]
    assert sorted((p.mark.path, p.slot) for p in configured) == [
        ("Shop/ServiceConfiguration.Cloud.cscfg", "Production"),
        ("Shop/ServiceConfiguration.Test.cscfg", "Staging"),
    ]
