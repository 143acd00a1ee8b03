"""A Visual Studio cloud service project keeps the profile it publishes with (`Profiles/*.azurePubxml`)
beside its .csdef and .cscfg. The profile names the cloud service the package is published to
(`AzureHostedServiceName`), which the project's own names (`ServiceDefinition@name`) are not, the
subscription (`AzureCredentials`' `SubscriptionId`), the slot and the configuration it publishes, and the
storage account the package is uploaded to (`AzureStorageAccountName`), a storage account of it. The plan
names the service as the profile does, with the project's roles; the subscription is selected as a
script's `Select-AzureSubscription` selects one; two profiles naming two services are two services of the
project's roles."""

from __future__ import annotations

import json

from lint_support import lint_files, run_cli, where

from migcheck.model import Deployment, FileKind, SubscriptionSelection
from migcheck.readers import read_document

SUBSCRIPTION = "a3942dfc-71f5-481d-a38d-4ffd19acc663"
OTHER_SUBSCRIPTION = "5b0c9a1e-2f4d-4c3b-9a8e-7d6f5e4c3b2a"

CSDEF = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceDefinition name="PoolMonitoring" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="PoolWeb" vmsize="Small" />
</ServiceDefinition>
"""
CSCFG = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="PoolMonitoring" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="PoolWeb"><Instances count="1" /></Role>
</ServiceConfiguration>
"""
# As the project keeps it before its settings are filled in: not well-formed.
CSCFG_WITH_PLACEHOLDERS = CSCFG.replace(
    '<Instances count="1" />',
    '<Instances count="1" /><ConfigurationSettings><Setting name="c" value="<your_key>" />',
)


def profile(service: str, subscription: str = SUBSCRIPTION, slot: str = "Production") -> str:
    credentials = (
        '{"ServiceManagementEndpoint":"https:\\/\\/management.core.windows.net\\/",'
        f'"SubscriptionId":"{subscription}"}}'
    )
    return f"""\
<?xml version="1.0" encoding="utf-8"?>
<Project ToolsVersion="12.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup>
    <AzureCredentials>{credentials}</AzureCredentials>
    <AzureDeploymentLabel>PoolMonitoring</AzureDeploymentLabel>
    <AzureSlot>{slot}</AzureSlot>
    <AzureHostedServiceName>{service}</AzureHostedServiceName>
    <AzureServiceConfiguration>Cloud</AzureServiceConfiguration>
    <AzureStorageAccountName>poolstore</AzureStorageAccountName>
  </PropertyGroup>
</Project>
"""


# A VM beside the project: its step makes the plan's step 0, which selects the subscription.
VM_SCRIPT = (
    "New-AzureQuickVM -Windows -ServiceName poolvm -Name vm1 -ImageName img -Location 'West Europe' "
    "-Password p -AdminUsername a\n"
)


def _plan(capsys) -> dict:
    return json.loads(run_cli(capsys, "plan", ".", "--format", "json")[1])


def _web_worker_steps(subscription: dict) -> list[str]:
    return [step["name"] for step in subscription["steps"] if step["kind"] == "web_worker"]


def test_the_project_s_roles_are_of_the_service_the_profile_publishes_to(tmp_path, monkeypatch, capsys):
    files = {
        "Pool/ServiceDefinition.csdef": CSDEF,
        "Pool/ServiceConfiguration.Cloud.cscfg": CSCFG,
        "Pool/Profiles/poolProduction.azurePubxml": profile("pool-prod"),
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert where(result.findings) == ["MIG101 Pool/ServiceDefinition.csdef:3:3"]
    assert "cloud service 'pool-prod'" in result.findings[0].message
    (subscription,) = _plan(capsys)["subscriptions"]
    assert _web_worker_steps(subscription) == ["pool-prod"]


def test_a_configuration_that_cannot_be_read_leaves_the_project_s_folder_to_tie_them(
    tmp_path, monkeypatch, capsys
):
    files = {
        "ServiceDefinition.csdef": CSDEF,
        "ServiceConfiguration.Cloud.cscfg": CSCFG_WITH_PLACEHOLDERS,
        "Profiles/poolProduction.azurePubxml": profile("pool-prod"),
    }
    lint_files(tmp_path, monkeypatch, files, dedent=False)
    (subscription,) = _plan(capsys)["subscriptions"]
    assert _web_worker_steps(subscription) == ["pool-prod"]


def test_step_0_selects_the_subscription_the_profile_publishes_to(tmp_path, monkeypatch, capsys):
    files = {
        "Pool/ServiceDefinition.csdef": CSDEF,
        "Pool/ServiceConfiguration.Cloud.cscfg": CSCFG,
        "Pool/Profiles/poolProduction.azurePubxml": profile("pool-prod"),
        "vm.ps1": VM_SCRIPT,
    }
    lint_files(tmp_path, monkeypatch, files, dedent=False)
    _, out, _ = run_cli(capsys, "plan", ".")
    assert f"Select-AzSubscription -SubscriptionId '{SUBSCRIPTION}'" in out


def test_two_profiles_naming_two_services_are_two_services_of_the_project_s_roles(
    tmp_path, monkeypatch, capsys
):
    files = {
        "Pool/ServiceDefinition.csdef": CSDEF,
        "Pool/ServiceConfiguration.Cloud.cscfg": CSCFG,
        "Pool/Profiles/poolProduction.azurePubxml": profile("pool-prod"),
        "Pool/Profiles/poolTest.azurePubxml": profile("pool-test", slot="Staging"),
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    named = sorted(f.message.split("'")[1] for f in result.findings)
    assert named == ["pool-prod", "pool-test"]
    (subscription,) = _plan(capsys)["subscriptions"]
    assert sorted(_web_worker_steps(subscription)) == ["pool-prod", "pool-test"]


def test_profiles_of_two_subscriptions_split_the_plan_by_subscription(tmp_path, monkeypatch, capsys):
    files = {
        "Profiles/poolProduction.azurePubxml": profile("pool-prod"),
        "Profiles/poolOther.azurePubxml": profile("pool-other", subscription=OTHER_SUBSCRIPTION),
    }
    lint_files(tmp_path, monkeypatch, files, dedent=False)
    by_subscription = {s["subscription"]: _web_worker_steps(s) for s in _plan(capsys)["subscriptions"]}
    assert by_subscription == {SUBSCRIPTION: ["pool-prod"], OTHER_SUBSCRIPTION: ["pool-other"]}


def test_a_profile_alone_publishes_web_or_worker_roles_to_its_service(tmp_path, monkeypatch):
    files = {"Profiles/poolProduction.azurePubxml": profile("pool-prod")}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert where(result.findings) == ["MIG101 Profiles/poolProduction.azurePubxml:7:5"]
    assert (
        "cloud service 'pool-prod' has web or worker roles the files do not name"
        in result.findings[0].message
    )
    assert "publish profile" in result.findings[0].message


def test_the_profile_is_read_as_a_deployment_in_its_slot_of_the_configuration_it_names():
    data = profile("pool-test", slot="Staging").encode()
    document = read_document("Pool/Profiles/poolTest.azurePubxml", data, explicit=False)
    assert document is not None and document.kind is FileKind.PUBLISH_PROFILE
    (selection,) = [r for r in document.resources if isinstance(r, SubscriptionSelection)]
    (deployment,) = [r for r in document.resources if isinstance(r, Deployment)]
    assert (selection.id, selection.mark.line) == (SUBSCRIPTION, 4)
    assert (deployment.service_name, deployment.slot, deployment.configuration_file) == (
        "pool-test",
        "Staging",
        "../ServiceConfiguration.Cloud.cscfg",
    )


def test_an_older_profile_names_its_subscription_by_name():
    data = profile("pool-prod").replace(
        profile("pool-prod").split("<AzureCredentials>")[1].split("</AzureCredentials>")[0], "Contoso Prod"
    )
    document = read_document("Profiles/p.azurePubxml", data.encode(), explicit=False)
    assert document is not None
    (selection,) = [r for r in document.resources if isinstance(r, SubscriptionSelection)]
    assert (selection.id, selection.called) == ("", "Contoso Prod")


def test_a_walk_passes_over_a_profile_that_names_no_cloud_service(tmp_path, monkeypatch):
    web_project = profile("x").replace("<AzureHostedServiceName>x</AzureHostedServiceName>", "")
    files = {"Profiles/site.azurePubxml": web_project, "Properties/PublishProfiles/site.pubxml": profile("x")}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert result.findings == []


def test_a_profile_that_is_not_well_formed_or_declares_a_dtd_is_mig001(tmp_path, monkeypatch):
    broken = profile("pool-prod").replace("</AzureSlot>", "")
    with_dtd = (
        profile("pool-prod")
        .replace("<Project ", '<!DOCTYPE Project [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<Project ')
        .replace("pool-prod", "&e;")
    )
    files = {"Profiles/broken.azurePubxml": broken, "Profiles/dtd.azurePubxml": with_dtd}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert where(result.findings) == [
        "MIG001 Profiles/broken.azurePubxml:10:3",
        "MIG001 Profiles/dtd.azurePubxml:2:1",
    ]
    assert "never loads DTDs or expands entities" in result.findings[1].message


def test_a_comment_in_the_profile_suppresses_its_finding(tmp_path, monkeypatch):
    suppressed = profile("pool-prod").replace(
        "    <AzureHostedServiceName>",
        "    <!-- migcheck: ignore[MIG101] rebuilt on App Service in Q3 -->\n    <AzureHostedServiceName>",
    )
    result = lint_files(tmp_path, monkeypatch, {"Profiles/p.azurePubxml": suppressed}, dedent=False)
    assert result.findings == [] and [s.finding.code for s in result.suppressed] == ["MIG101"]


def test_the_account_the_package_is_uploaded_to_is_a_storage_account_of_the_subscription(
    tmp_path, monkeypatch, capsys
):
    """`AzureStorageAccountName`: a classic storage account publishing needs, migrated on its own in the
    subscription the profile publishes to; none for a placeholder."""
    placeholder = profile("pool-other").replace(">poolstore<", ">&lt;storage account&gt;<")
    files = {
        "Pool/Profiles/poolProduction.azurePubxml": profile("pool-prod"),
        "Other/Profiles/otherProduction.azurePubxml": placeholder,
    }
    lint_files(tmp_path, monkeypatch, files, dedent=False)
    (subscription,) = _plan(capsys)["subscriptions"]
    storage = [step["name"] for step in subscription["steps"] if step["kind"] == "storage"]
    assert storage == ["poolstore"]
    _, out, _ = run_cli(capsys, "plan", ".")
    assert f"Select subscription {SUBSCRIPTION}" in out
    assert "Move-AzureStorageAccount -Prepare -StorageAccountName 'poolstore'" in out
