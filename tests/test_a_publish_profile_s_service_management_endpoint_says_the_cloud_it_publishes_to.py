"""A publish profile signs in where its `AzureCredentials` says: the `ServiceManagementEndpoint` of Azure
operated by 21Vianet (`management.core.chinacloudapi.cn`) or of Azure Government
(`management.core.usgovcloudapi.net`) says the cloud the subscription it publishes to is in, as a script's
`Add-AzureAccount -Environment AzureChinaCloud` does: step 0 of the plan signs in to that cloud, and the
check says the retirement dates it quotes are the global cloud's."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files
from test_a_cloud_service_project_s_publish_profile_names_the_service_and_subscription_it_publishes_to import (
    OTHER_SUBSCRIPTION,
    SUBSCRIPTION,
    profile,
)

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan


def published_from(host: str, service: str = "pool-prod", subscription: str = SUBSCRIPTION) -> str:
    return profile(service, subscription).replace("management.core.windows.net", host)


def _before(tmp_path, monkeypatch, files: dict[str, str]) -> dict[str, dict]:
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    plan = json.loads(render_plan(build_plan(result), "json"))
    return {s["subscription"]: s["before"] for s in plan["subscriptions"]}


@pytest.mark.parametrize(
    ("host", "cloud"),
    [
        ("management.core.chinacloudapi.cn", "AzureChinaCloud"),
        ("management.core.usgovcloudapi.net", "AzureUSGovernment"),
    ],
)
def test_the_profile_s_endpoint_signs_step_0_in_to_its_cloud(tmp_path, monkeypatch, host, cloud):
    files = {"Profiles/pool.azurePubxml": published_from(host)}
    (said,) = _before(tmp_path, monkeypatch, files).values()
    assert said["cloud"] == cloud
    assert f"Connect-AzAccount -Environment '{cloud}'" in said["powershell"]


def test_profiles_of_two_subscriptions_sign_in_each_to_its_own_cloud(tmp_path, monkeypatch):
    files = {
        "Profiles/china.azurePubxml": published_from("management.core.chinacloudapi.cn"),
        "Profiles/world.azurePubxml": published_from(
            "management.core.windows.net", "pool-world", OTHER_SUBSCRIPTION
        ),
    }
    said = _before(tmp_path, monkeypatch, files)
    assert said[SUBSCRIPTION]["cloud"] == "AzureChinaCloud"
    assert said[OTHER_SUBSCRIPTION]["cloud"] in ("", "AzureCloud")
    assert "AzureChinaCloud" not in said[OTHER_SUBSCRIPTION]["powershell"]


def test_a_profile_of_the_global_cloud_beside_a_china_sign_in_leaves_the_cloud_to_choose(
    tmp_path, monkeypatch
):
    files = {
        "Profiles/pool.azurePubxml": published_from("management.core.windows.net"),
        "china.ps1": "Add-AzureAccount -Environment AzureChinaCloud\n",
    }
    (said,) = _before(tmp_path, monkeypatch, files).values()
    assert said["cloud"] == ""
    assert {c.split(" ")[0] for c in said["clouds_apart"]} == {"AzureCloud", "AzureChinaCloud"}
