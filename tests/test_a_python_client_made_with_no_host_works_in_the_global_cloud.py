"""A Python `ServiceManagementService` made with no host sends to the SDK's default, the global cloud's
`management.core.windows.net`: beside a client of Azure operated by 21Vianet in one subscription's files,
step 0 leaves the cloud to choose, where it signed in to Azure China as if no file worked elsewhere. A host
the script passes without stating it (a variable given it) says no cloud."""

from __future__ import annotations

import json

from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan

ID = "1b9dc417-cb58-4baa-b7d0-43d874612b78"
CLIENT = (
    "from azure.servicemanagement import ServiceManagementService\n"
    "sms = ServiceManagementService({args})\n"
    "sms.create_virtual_machine_deployment('{svc}', '{svc}', 'production', '{svc}', 'vm1', None, os)\n"
)
CHINA = CLIENT.format(args=f"'{ID}', 'cert.pem', 'management.core.chinacloudapi.cn'", svc="svc1")


def before(tmp_path, monkeypatch, other: str) -> dict:
    files = {"china.py": CHINA, "world.py": other}
    plan = json.loads(render_plan(build_plan(lint_files(tmp_path, monkeypatch, files, dedent=False)), "json"))
    (subscription,) = plan["subscriptions"]
    return subscription["before"]


def test_a_client_with_no_host_beside_a_china_client_leaves_the_cloud_to_choose(tmp_path, monkeypatch):
    said = before(tmp_path, monkeypatch, CLIENT.format(args=f"'{ID}', 'cert.pem'", svc="svc2"))
    assert said["cloud"] == ""
    assert said["clouds_apart"] == ["AzureChinaCloud (china.py:2)", "AzureCloud (world.py:2)"]


def test_a_client_given_its_subscription_by_keyword_alone_works_in_the_global_cloud(tmp_path, monkeypatch):
    said = before(tmp_path, monkeypatch, CLIENT.format(args=f"subscription_id='{ID}'", svc="svc2"))
    assert said["clouds_apart"] == ["AzureChinaCloud (china.py:2)", "AzureCloud (world.py:2)"]


def test_a_host_the_script_does_not_state_says_no_cloud(tmp_path, monkeypatch):
    said = before(tmp_path, monkeypatch, CLIENT.format(args=f"'{ID}', 'cert.pem', HOST", svc="svc2"))
    assert said["cloud"] == "AzureChinaCloud"
    assert said["clouds_apart"] == []


def test_a_client_given_keywords_it_cannot_see_into_says_no_cloud(tmp_path, monkeypatch):
    said = before(tmp_path, monkeypatch, CLIENT.format(args=f"'{ID}', **settings", svc="svc2"))
    assert said["cloud"] == "AzureChinaCloud"
