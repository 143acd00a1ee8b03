"""A cloud service project is published to a staging subscription and a production one (a publish profile
of each, or a script that selects each before it deploys the project's configuration). The project's
.csdef and .cscfg hold no subscription: each subscription has the service its deployment names, of the
project's roles, reported at the project's files, and the project's own name is no service anywhere."""

from __future__ import annotations

import json

from lint_support import lint_files, run_cli, where
from test_a_cloud_service_project_s_publish_profile_names_the_service_and_subscription_it_publishes_to import (
    CSCFG,
    CSDEF,
    OTHER_SUBSCRIPTION,
    SUBSCRIPTION,
    profile,
)

# A configuration that names a role the definition lacks, and puts an access control list on the web role.
CSCFG_WITH_ACL_AND_GHOST = CSCFG.replace(
    '<Role name="PoolWeb"><Instances count="1" /></Role>',
    '<Role name="PoolWeb"><Instances count="1" /></Role>\n'
    '  <Role name="Ghost"><Instances count="1" /></Role>\n'
    "  <NetworkConfiguration>\n"
    '    <AccessControls><AccessControl name="office">'
    '<Rule action="permit" description="office" order="1" remoteSubnet="10.0.0.0/8" />'
    "</AccessControl></AccessControls>\n"
    '    <EndpointAcls><EndpointAcl role="PoolWeb" endPoint="Http" accessControl="office" /></EndpointAcls>\n'
    "  </NetworkConfiguration>",
)
CSDEF_WITH_ENDPOINT = CSDEF.replace(
    '<WebRole name="PoolWeb" vmsize="Small" />',
    '<WebRole name="PoolWeb" vmsize="Small"><Endpoints>'
    '<InputEndpoint name="Http" protocol="http" port="80" /></Endpoints></WebRole>',
)


def _steps_by_subscription(capsys) -> dict[str, list[str]]:
    plan = json.loads(run_cli(capsys, "plan", ".", "--format", "json")[1])
    return {
        s["subscription"]: sorted(step["name"] for step in s["steps"] if step["kind"] == "web_worker")
        for s in plan["subscriptions"]
    }


def _blockers_by_step(capsys) -> dict[str, list[str]]:
    plan = json.loads(run_cli(capsys, "plan", ".", "--format", "json")[1])
    return {
        step["name"]: sorted(b["message"].split("'")[-2] for b in step["blockers"])
        for s in plan["subscriptions"]
        for step in s["steps"]
    }


def test_profiles_of_two_subscriptions_each_publish_the_project_s_roles(tmp_path, monkeypatch, capsys):
    files = {
        "Pool/ServiceDefinition.csdef": CSDEF,
        "Pool/ServiceConfiguration.Cloud.cscfg": CSCFG,
        "Pool/Profiles/poolProd.azurePubxml": profile("pool-prod"),
        "Pool/Profiles/poolStaging.azurePubxml": profile("pool-stage", subscription=OTHER_SUBSCRIPTION),
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert where(result.findings) == ["MIG101 Pool/ServiceDefinition.csdef:3:3"] * 2
    assert sorted(f.message.split("'")[1] for f in result.findings) == ["pool-prod", "pool-stage"]
    assert _steps_by_subscription(capsys) == {SUBSCRIPTION: ["pool-prod"], OTHER_SUBSCRIPTION: ["pool-stage"]}


def test_scripts_that_deploy_the_project_in_two_subscriptions_each_deploy_its_roles(
    tmp_path, monkeypatch, capsys
):
    deploy = (
        "Select-AzureSubscription -SubscriptionId '{subscription}'\n"
        "New-AzureDeployment -ServiceName '{service}' -Slot Production -Package 'Pool.cspkg' "
        "-Configuration '..\\Pool\\ServiceConfiguration.Cloud.cscfg'\n"
    )
    files = {
        "Pool/ServiceDefinition.csdef": CSDEF,
        "Pool/ServiceConfiguration.Cloud.cscfg": CSCFG,
        "deploy/prod.ps1": deploy.format(subscription=SUBSCRIPTION, service="pool-prod"),
        "deploy/stage.ps1": deploy.format(subscription=OTHER_SUBSCRIPTION, service="pool-stage"),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG101", dedent=False)
    assert where(result.findings) == ["MIG101 Pool/ServiceDefinition.csdef:3:3"] * 2
    assert _steps_by_subscription(capsys) == {SUBSCRIPTION: ["pool-prod"], OTHER_SUBSCRIPTION: ["pool-stage"]}


def test_what_the_project_s_files_alone_say_is_reported_once_and_a_service_s_in_its_step(
    tmp_path, monkeypatch, capsys
):
    files = {
        "Pool/ServiceDefinition.csdef": CSDEF_WITH_ENDPOINT,
        "Pool/ServiceConfiguration.Cloud.cscfg": CSCFG_WITH_ACL_AND_GHOST,
        "Pool/Profiles/poolProd.azurePubxml": profile("pool-prod"),
        "Pool/Profiles/poolStaging.azurePubxml": profile("pool-stage", subscription=OTHER_SUBSCRIPTION),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG003", "MIG201", dedent=False)
    assert [f.code for f in result.findings].count("MIG003") == 1
    acls = sorted(f.message.split("'")[5] for f in result.findings if f.code == "MIG201")
    assert acls == ["pool-prod", "pool-stage"]
    blockers = _blockers_by_step(capsys)
    assert blockers["pool-prod"].count("office") == 1
    assert blockers["pool-stage"].count("office") == 1
