"""Step 0 of the plan selects a subscription a Visual Studio publish profile names (`<AzureCredentials>`
of `Profiles/*.azurePubxml`) by that name, and says the profile names it: a profile selects nothing, and
the text said "the scripts select it by this name" of a project with no script. Where a script selects it
too, both are said. The JSON plan's `before` gives the name alone, as it did."""

from __future__ import annotations

import json

from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan

DEFINITION = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceDefinition name="simple" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WorkerRole name="Worker" vmsize="Small" />
</ServiceDefinition>
"""
CONFIGURATION = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="simple" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Worker"><Instances count="1" /></Role>
</ServiceConfiguration>
"""
PROFILE = """\
<?xml version="1.0" encoding="utf-8"?>
<Project ToolsVersion="4.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup>
    <AzureCredentials>Internal - Calling</AzureCredentials>
    <AzureHostedServiceName>simpleservice</AzureHostedServiceName>
    <AzureSlot>Production</AzureSlot>
    <AzureStorageAccountName>simplestore</AzureStorageAccountName>
    <AzureServiceConfiguration>Cloud</AzureServiceConfiguration>
  </PropertyGroup>
</Project>
"""
PROJECT = {
    "Simple/ServiceDefinition.csdef": DEFINITION,
    "Simple/ServiceConfiguration.Cloud.cscfg": CONFIGURATION,
    "Simple/Profiles/xProduction.azurePubxml": PROFILE,
}
SELECTING = 'Select-AzureSubscription -SubscriptionName "Internal - Calling"\nGet-AzureService\n'


def _plan(tmp_path, monkeypatch, files: dict[str, str], form: str = "text") -> str:
    return render_plan(build_plan(lint_files(tmp_path, monkeypatch, files, dedent=False)), form)


def test_a_subscription_only_a_publish_profile_names_is_said_to_be_named_by_it(tmp_path, monkeypatch):
    text = _plan(tmp_path, monkeypatch, PROJECT)
    assert (
        "Select subscription 'Internal - Calling' (the publish profile Simple/Profiles/xProduction.azurePubxml "
        "names it; no file states its id)"
    ) in text
    assert "the scripts select it" not in text
    assert "Select-AzureSubscription -SubscriptionName 'Internal - Calling'" in text


def test_a_script_that_selects_it_too_is_said_as_well(tmp_path, monkeypatch):
    text = _plan(tmp_path, monkeypatch, {**PROJECT, "deploy.ps1": SELECTING})
    assert (
        "(the scripts select it by this name, and the publish profile Simple/Profiles/xProduction.azurePubxml "
        "names it; no file states its id)"
    ) in text


def test_the_json_plan_gives_the_name_alone(tmp_path, monkeypatch):
    [subscription] = json.loads(_plan(tmp_path, monkeypatch, PROJECT, "json"))["subscriptions"]
    assert subscription["before"]["subscription_name"] == "Internal - Calling"
    assert "subscription_named_in" not in subscription["before"]
