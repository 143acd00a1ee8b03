"""A deployment body file a shell script sends to create a deployment in a service is the file its path names
from the folder the script runs in (after `cd bodies`) or from a folder a word holds, one above the script's
too (`HERE=$(cd "$(dirname "$0")/.." && pwd)`, then `-d @"$HERE/deploy.xml"`), as a capture body file is: the
plan moves that body's deployment in the service, and another body of the same file name keeps its stand-in.
Before, the path was read from the script's folder whatever the `cd` or the folder: after a `cd` the other
file was taken for the one sent, and from a folder above the two were told apart by neither."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, run_cli

BODY = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>shop-prod</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <RoleList><Role>
    <RoleName>web1</RoleName><RoleType>PersistentVMRole</RoleType>
    <OSVirtualHardDisk><MediaLink>https://shopdisks.blob.core.windows.net/vhds/web1.vhd</MediaLink></OSVirtualHardDisk>
  </Role></RoleList>
</Deployment>
"""
OTHER = BODY.replace("shop-prod", "other-prod").replace("web1", "web2")
URL = "https://management.core.windows.net/sub/services/hostedservices/shop/deployments"
SENDS = {
    "after a cd": (
        f'cd bodies\ncurl -X POST --cert m.pem -d @deploy.xml "{URL}"\n',
        {"ops/bodies/deploy.xml": BODY, "ops/deploy.xml": OTHER},
    ),
    "from the folder above": (
        f'HERE=$(cd "$(dirname "$0")/.." && pwd)\ncurl -X POST --cert m.pem -d @"$HERE/deploy.xml" "{URL}"\n',
        {"deploy.xml": BODY, "other/deploy.xml": OTHER},
    ),
    "an upload from the script's folder": (
        f'curl -X POST --cert m.pem -T "$(dirname "$0")/deploy.xml" "{URL}"\n',
        {"ops/deploy.xml": BODY, "other/deploy.xml": OTHER},
    ),
}


@pytest.mark.parametrize("send", list(SENDS))
def test_the_file_sent_is_the_service_s_deployment_and_the_other_keeps_its_stand_in(
    tmp_path, monkeypatch, capsys, send
):
    script, bodies = SENDS[send]
    lint_files(tmp_path, monkeypatch, {"ops/deploy.sh": script, **bodies}, dedent=False)
    (subscription,) = json.loads(run_cli(capsys, "plan", ".", "--format", "json")[1])["subscriptions"]
    steps = sorted(
        (s["name"], s.get("name_unstated", False)) for s in subscription["steps"] if s["kind"] == "service"
    )
    assert steps == [
        ("<cloud service of deployment other-prod, deploy.xml>", True),
        ("shop/shop-prod", False),
    ]
