"""The step of a cloud service of web/worker roles says where the files deploy them to its Staging slot: a
Visual Studio publish profile's `AzureSlot`, a script's `-Slot Staging` or `create_deployment` of slot
`staging`. A staging deployment is not the one that serves the service's address, and is rebuilt too. The
profile's slot was read and never shown. A Production and a Staging profile of one project, or a script that
deploys one configuration file to both slots, make two deployments, one in each slot."""

from __future__ import annotations

from test_a_cloud_service_project_s_publish_profile_names_the_service_and_subscription_it_publishes_to import (
    CSCFG,
    CSDEF,
    profile,
)

PYTHON = """\
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService("3f1d2c4b-8a7e-4c1d-9b2a-5e6f7a8b9c0d", "cert.pem")
"""


def _deploy(slot: str, name: str) -> str:
    package = "https://poolstore.blob.core.windows.net/packages/pool.cspkg"
    return f'sms.create_deployment("pysvc", "{slot}", "{name}", "{package}", "Y29uZmln", "{name}")\n'


def _not_moved(plan: object) -> list[str]:
    return [n for step in plan.steps for n in step.notes if n.startswith("Not moved")]  # type: ignore[attr-defined]


def _project(slot: str) -> dict[str, str]:
    return {
        "Pool/ServiceDefinition.csdef": CSDEF,
        "Pool/ServiceConfiguration.Cloud.cscfg": CSCFG,
        f"Pool/Profiles/pool{slot}.azurePubxml": profile("pool-prod", slot=slot),
    }


def test_a_publish_profile_s_staging_slot(plan_of):
    assert _not_moved(plan_of(_project("Staging"))) == [
        "Not moved: cloud service 'pool-prod': web/worker roles PoolWeb, deployed to its Staging slot."
    ]


def test_a_publish_profile_s_production_slot_says_nothing_of_slots(plan_of):
    assert _not_moved(plan_of(_project("Production"))) == [
        "Not moved: cloud service 'pool-prod': web/worker roles PoolWeb."
    ]


def test_a_powershell_deployment_to_the_staging_slot(plan_of):
    script = "New-AzureDeployment -ServiceName websvc -Slot Staging -Package p.cspkg -Configuration c.cscfg\n"
    assert _not_moved(plan_of({"deploy.ps1": script})) == [
        "Not moved: cloud service 'websvc': web/worker roles the files do not name, deployed to its Staging slot."
    ]


def test_python_deployments_to_both_slots(plan_of):
    plan = plan_of({"deploy.py": PYTHON + _deploy("production", "live") + _deploy("staging", "next")})
    assert _not_moved(plan) == [
        "Not moved: cloud service 'pysvc': web/worker roles the files do not name, deployed to its Production "
        "and Staging slots."
    ]


def test_a_production_and_a_staging_publish_profile_of_one_project(plan_of):
    files = {**_project("Production"), **_project("Staging")}
    assert _not_moved(plan_of(files)) == [
        "Not moved: cloud service 'pool-prod': web/worker roles PoolWeb, deployed to its Production and "
        "Staging slots."
    ]


def test_a_powershell_deployment_of_one_configuration_file_to_both_slots(plan_of):
    deploy = "New-AzureDeployment -ServiceName pool-prod -Package p.cspkg -Configuration Pool/ServiceConfiguration.Cloud.cscfg"
    script = f"{deploy} -Slot Production\n{deploy} -Slot Staging\n"
    files = {
        "Pool/ServiceDefinition.csdef": CSDEF,
        "Pool/ServiceConfiguration.Cloud.cscfg": CSCFG,
        "deploy.ps1": script,
    }
    assert _not_moved(plan_of(files)) == [
        "Not moved: cloud service 'pool-prod': web/worker roles PoolWeb, deployed to its Production and "
        "Staging slots."
    ]
