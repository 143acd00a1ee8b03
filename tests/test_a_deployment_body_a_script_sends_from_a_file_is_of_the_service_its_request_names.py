"""A deployment body file that names no cloud service (a Create Virtual Machine Deployment request kept in the
repository) that a script sends from that file to a service's deployments (PowerShell `Invoke-RestMethod
-Method Post -Uri .../hostedservices/$svc/deployments -InFile deploy.xml`, Python `requests.post(url,
data=open('deploy.xml').read())`, shell `curl -X POST -d @deploy.xml .../hostedservices/$SVC/deployments`,
`wget --post-file`) is that service's deployment, where the URL states the service or the
script sets the variable that names it: the plan moves `shop`, where it asked for the service's name.
A service the script gets only when it runs (a parameter, `sys.argv[1]`) may be any: the body keeps its
stand-in."""

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
URL = "https://management.core.windows.net/sub/services/hostedservices"
PS_STATED = (
    '$svc = "shop"\n'
    f'Invoke-RestMethod -Method Post -Uri "{URL}/$svc/deployments" -InFile deploy.xml -Certificate $cert '
    '-ContentType "application/xml"\n'
)
PS_IN_A_FOLDER = (
    f'Invoke-RestMethod -Method Post -Uri "{URL}/shop/deployments" -InFile "$PSScriptRoot\\bodies\\deploy.xml" '
    "-Certificate $cert\n"
)
PY_STATED = (
    "import requests\n"
    f'requests.post("{URL}/shop/deployments", data=open("deploy.xml").read(), cert="c.pem")\n'
)
SH_STATED = (
    "SVC=shop\n"
    f'curl --fail -X POST --cert mgmt.pem -H "x-ms-version: 2014-06-01" --data-binary @deploy.xml "{URL}/$SVC/deployments"\n'
)
SH_IN_A_FOLDER = f'wget --certificate=mgmt.pem --post-file=bodies/deploy.xml "{URL}/shop/deployments"\n'
SH_UPLOAD = f'curl -X POST --cert mgmt.pem -T "./deploy.xml" "{URL}/shop/deploymentslots/production"\n'
PS_CURL = (
    f'$svc = "shop"\ncurl.exe -X POST --cert mgmt.pem --data-binary "@deploy.xml" "{URL}/$svc/deployments"\n'
)
SH_PARAMETER = f'curl -X POST --cert mgmt.pem -d @deploy.xml "{URL}/$1/deployments"\n'
PS_PARAMETER = "param($svc)\n" + PS_STATED.partition("\n")[2]
PY_ARGUMENT = (
    "import sys\nimport requests\n"
    f'requests.post("{URL}/" + sys.argv[1] + "/deployments", data=open("deploy.xml").read(), cert="c.pem")\n'
)
STAND_IN = "<cloud service of deployment shop-prod, deploy.xml>"


def _service_step(capsys) -> dict:
    (subscription,) = json.loads(run_cli(capsys, "plan", ".", "--format", "json")[1])["subscriptions"]
    (step,) = [step for step in subscription["steps"] if step["kind"] == "service"]
    return step


@pytest.mark.parametrize(
    ("files"),
    [
        {"deploy.ps1": PS_STATED, "deploy.xml": BODY},
        {"deploy.ps1": PS_IN_A_FOLDER, "bodies/deploy.xml": BODY},
        {"deploy.py": PY_STATED, "deploy.xml": BODY},
        {"deploy.sh": SH_STATED, "deploy.xml": BODY},
        {"deploy.sh": SH_IN_A_FOLDER, "bodies/deploy.xml": BODY},
        {"deploy.sh": SH_UPLOAD, "deploy.xml": BODY},
        {"deploy.ps1": PS_CURL, "deploy.xml": BODY},
    ],
    ids=[
        "PowerShell, a variable it sets",
        "PowerShell, a body in a folder",
        "Python",
        "curl, a variable it sets",
        "wget, a body in a folder",
        "curl, an upload",
        "PowerShell, curl.exe",
    ],
)
def test_the_body_is_the_deployment_of_the_service_the_request_names(tmp_path, monkeypatch, capsys, files):
    lint_files(tmp_path, monkeypatch, files, dedent=False)
    step = _service_step(capsys)
    assert (step["name"], step["moves"][0]) == (
        "shop/shop-prod",
        "cloud service 'shop', deployment 'shop-prod': VMs web1",
    )
    assert "name_unstated" not in step


@pytest.mark.parametrize(
    ("name", "script"),
    [("deploy.ps1", PS_PARAMETER), ("deploy.py", PY_ARGUMENT), ("deploy.sh", SH_PARAMETER)],
    ids=["PowerShell", "Python", "shell"],
)
def test_a_service_the_script_gets_when_it_runs_leaves_the_stand_in(
    tmp_path, monkeypatch, capsys, name, script
):
    lint_files(tmp_path, monkeypatch, {name: script, "deploy.xml": BODY}, dedent=False)
    step = _service_step(capsys)
    assert (step["name"], step.get("name_unstated")) == (STAND_IN, True)


def test_a_body_sent_to_two_services_is_none_of_them_alone(tmp_path, monkeypatch, capsys):
    second = PY_STATED.replace("/shop/", "/shop-test/").partition("\n")[2]
    lint_files(tmp_path, monkeypatch, {"deploy.py": PY_STATED + second, "deploy.xml": BODY}, dedent=False)
    assert _service_step(capsys)["name"] == STAND_IN
