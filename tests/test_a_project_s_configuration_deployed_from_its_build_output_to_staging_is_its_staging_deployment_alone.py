"""A project's configuration a script or pipeline deploys to the Staging slot from the build's output, by a
path outside the files checked (`-Configuration "D:\\build\\Shop\\bin\\Release\\app.publish\\
ServiceConfiguration.Cloud.cscfg" -Slot Staging`, the project holding only its own
`Shop/ServiceConfiguration.Cloud.cscfg`), is that configuration: the service's Staging deployment, and no
Production deployment is made up beside it."""

from __future__ import annotations

import pytest
from test_a_configuration_a_script_deploys_to_a_slot_of_its_project_s_service_is_that_slot_s_deployment import (
    CSCFG,
    CSDEF,
)

_PUBLISHED = "D:\\build\\Shop\\bin\\Release\\app.publish"
DEPLOYMENTS = {
    "new deployment": (
        "deploy.ps1",
        f'New-AzureDeployment -ServiceName shop -Slot Staging -Package "{_PUBLISHED}\\Shop.cspkg" '
        f'-Configuration "{_PUBLISHED}\\ServiceConfiguration.Cloud.cscfg" -Label build\n',
    ),
    "upgrade through a variable": (
        "deploy.ps1",
        f'$config = "{_PUBLISHED}\\ServiceConfiguration.Cloud.cscfg"\n'
        f'Set-AzureDeployment -Upgrade -ServiceName shop -Slot "Staging" -Package "{_PUBLISHED}\\Shop.cspkg" '
        "-Configuration $config -Label build\n",
    ),
    "azure pipelines task": (
        "azure-pipelines.yml",
        """\
steps:
- task: AzureCloudPowerShellDeployment@1
  inputs:
    azureClassicSubscription: classic-conn
    ServiceName: shop
    CsPkg: D:/build/Shop/bin/Release/app.publish/Shop.cspkg
    CsCfg: D:/build/Shop/bin/Release/app.publish/ServiceConfiguration.Cloud.cscfg
    slotName: Staging
""",
    ),
    "python sdk": (
        "deploy.py",
        """\
import base64
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
configuration = base64.b64encode(open("D:/build/Shop/bin/Release/app.publish/ServiceConfiguration.Cloud.cscfg").read())
sms.create_deployment("shop", "staging", "shop1", "https://a.blob.core.windows.net/p/Shop.cspkg", "shop", configuration)
""",
    ),
}


@pytest.mark.parametrize("case", sorted(DEPLOYMENTS))
def test_the_service_is_deployed_to_its_staging_slot_alone(plan_of, case):
    path, text = DEPLOYMENTS[case]
    files = {
        "Shop/ServiceDefinition.csdef": CSDEF,
        "Shop/ServiceConfiguration.Cloud.cscfg": CSCFG,
        path: text,
    }
    plan = plan_of(files)
    notes = [n for step in plan.steps for n in step.notes if n.startswith("Not moved")]
    assert notes == [
        "Not moved: cloud service 'shop': web/worker roles Storefront, Jobs, deployed to its Staging slot."
    ]
