"""A cloud service's address says the cloud it is in, as a disk's blob address does: a REST deployment
body's `Url` (`http://shop.chinacloudapp.cn/`), the `DNSName` of the classic CLI's VM views
(`azure vm show --json`) and of a Get-AzureVM export (`http://shop.usgovcloudapp.net/`). Step 0 of the plan
signs in to that cloud, where it signed in to none and the subscription's commands looked in the global
cloud."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan

REST = 'xmlns="http://schemas.microsoft.com/windowsazure"'
ROLE = "<RoleList><Role><RoleName>web1</RoleName><RoleType>PersistentVMRole</RoleType></Role></RoleList>"


def rest_body(host: str) -> dict[str, str]:
    body = f"<Deployment {REST}><Name>shop</Name><Url>http://shop.{host}/</Url>{ROLE}</Deployment>"
    return {"shop-deployment.xml": body}


def cli_view(host: str) -> dict[str, str]:
    view = {
        "DNSName": f"shop.{host}",
        "VMName": "web1",
        "InstanceStatus": "ReadyRole",
        "InstanceSize": "Small",
    }
    return {"vms.json": json.dumps([view], indent=2)}


def get_azure_vm(host: str) -> dict[str, str]:
    context = {
        "ServiceName": "shop",
        "DeploymentName": "shop",
        "Name": "web1",
        "InstanceStatus": "ReadyRole",
        "DNSName": f"http://shop.{host}/",
        "VM": {"RoleName": "web1", "RoleType": "PersistentVMRole"},
    }
    return {"get-azurevm.json": json.dumps([context], indent=2)}


FILES = {
    "rest deployment body": rest_body,
    "classic cli vm view": cli_view,
    "get-azurevm export": get_azure_vm,
}


def before(tmp_path, monkeypatch, files: dict[str, str]) -> dict:
    plan = json.loads(render_plan(build_plan(lint_files(tmp_path, monkeypatch, files, dedent=False)), "json"))
    (subscription,) = plan["subscriptions"]
    return subscription["before"]


@pytest.mark.parametrize("case", FILES)
@pytest.mark.parametrize(
    ("host", "cloud"), [("chinacloudapp.cn", "AzureChinaCloud"), ("usgovcloudapp.net", "AzureUSGovernment")]
)
def test_a_cloud_service_s_address_signs_in_to_its_cloud(tmp_path, monkeypatch, case, host, cloud):
    said = before(tmp_path, monkeypatch, FILES[case](host))
    assert said["cloud"] == cloud
    assert f"Connect-AzAccount -Environment '{cloud}'" in said["powershell"]


@pytest.mark.parametrize("case", FILES)
def test_an_address_in_the_global_cloud_beside_a_china_one_leaves_the_cloud_to_choose(
    tmp_path, monkeypatch, case
):
    files = {**FILES[case]("cloudapp.net"), "china.ps1": "Add-AzureAccount -Environment AzureChinaCloud\n"}
    said = before(tmp_path, monkeypatch, files)
    assert said["cloud"] == ""
    assert {c.split(" ")[0] for c in said["clouds_apart"]} == {"AzureCloud", "AzureChinaCloud"}
