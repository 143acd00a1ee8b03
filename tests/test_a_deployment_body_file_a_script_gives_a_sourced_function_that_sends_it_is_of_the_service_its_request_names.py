"""A deployment body file a script names to a function of a sourced file that sends it to a service's
deployments (`source ./lib.sh; deploy deploy.xml` with `deploy() { curl -X POST -d @"$1"
.../hostedservices/shop/deployments; }`) is that service's deployment, as one the script sends itself is:
the request is the sourced file's (its own check lists it), but the file it sends is the one the script
names, which that check cannot know. Before, the body was dropped with the request, and the plan asked for
the service's name."""

from __future__ import annotations

import json

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
URL = '"https://management.core.windows.net/sub/services/hostedservices/shop/deployments"'
LIBRARY = f'deploy() {{\n    curl -X POST --cert mgmt.pem -d @"$1" {URL}\n}}\n'


def test_the_body_is_the_deployment_of_the_service_the_sourced_request_names(tmp_path, monkeypatch, capsys):
    files = {"lib.sh": LIBRARY, "deploy.sh": "source ./lib.sh\ndeploy deploy.xml\n", "deploy.xml": BODY}
    lint_files(tmp_path, monkeypatch, files, dedent=False)
    (subscription,) = json.loads(run_cli(capsys, "plan", ".", "--format", "json")[1])["subscriptions"]
    (step,) = [step for step in subscription["steps"] if step["kind"] == "service"]
    assert (step["name"], step["moves"][0]) == (
        "shop/shop-prod",
        "cloud service 'shop', deployment 'shop-prod': VMs web1",
    )
    assert "name_unstated" not in step
