"""A publish script that sets the cloud service and its configuration file on if/elseif branches
(`$service = "chalkablestaging"; $cscfg = Get-Item ".\\Chalkable.Azure\\ServiceConfiguration.Staging.cscfg"`,
or the QA pair) and upgrades the package of that project under each (`Set-AzureDeployment -Upgrade
-Configuration $cscfg`) deploys the project under both names. The file `Get-Item` names was not read as a path,
and only the first deployment could take the project: MIG101 said both services had "roles the files do not
name". Now each service is the project's, its roles are the .csdef's, and the readiness summary counts each
role's finding once per service."""

from __future__ import annotations

from lint_support import lint_files, run_cli
from test_a_package_deployed_by_its_configuration_file_is_the_service_the_script_names import (
    CONFIGURATION,
    DEFINITION,
)

PUBLISH = """\
param([string] $branch)
Function Upgrade-Deployment($package_url, $service, $slot, $config) {
    Set-AzureDeployment -Upgrade -Slot $slot -Package $package_url -Configuration $config -ServiceName $service -Force
}
$service = $null
$cscfg = $null
if ($branch -eq 'staging') {
    $service = "shopstaging"
    $cscfg = Get-Item ".\\Shop.Azure\\ServiceConfiguration.Staging.cscfg"
} elseif ($branch -eq 'qa') {
    $service = "shopqa"
    $cscfg = Get-Item ".\\Shop.Azure\\ServiceConfiguration.QA.cscfg"
}
if ($service -ne $null) {
    Upgrade-Deployment -package_url $url -service $service -slot "Production" -config $cscfg
}
"""


def _project() -> dict[str, str]:
    return {
        "Shop.Azure/ServiceDefinition.csdef": DEFINITION.format(name="Shop.Azure"),
        "Shop.Azure/ServiceConfiguration.Qa.cscfg": CONFIGURATION.format(name="Shop.Azure"),
    }


def _messages(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    return sorted(
        f.message for f in lint_files(tmp_path, monkeypatch, files, "MIG101", dedent=False).findings
    )


def test_each_service_of_the_branches_has_the_project_s_roles(tmp_path, monkeypatch, capsys):
    messages = _messages(tmp_path, monkeypatch, {**_project(), "publish.ps1": PUBLISH})
    assert [m.split(":")[0] for m in messages] == [
        "cloud service 'shopqa' has a WebRole 'DemoApplication'",
        "cloud service 'shopstaging' has a WebRole 'DemoApplication'",
    ]
    _, out, _ = run_cli(capsys, "check", ".", "--select", "MIG101")
    summary = {
        line.split()[0]: line.split(")")[-1].strip()
        for line in out.splitlines()
        if "web/worker role)" in line
    }
    assert summary == {"shopqa": "Validation failed: 1 error", "shopstaging": "Validation failed: 1 error"}


def test_a_configuration_file_get_item_names_links_the_project(tmp_path, monkeypatch):
    script = """\
$cscfg = Get-Item ".\\Shop.Azure\\ServiceConfiguration.Qa.cscfg"
New-AzureDeployment -ServiceName "shopweb" -Slot Production -Package $url -Configuration $cscfg
"""
    messages = _messages(tmp_path, monkeypatch, {**_project(), "deploy.ps1": script})
    assert [m.split(":")[0] for m in messages] == ["cloud service 'shopweb' has a WebRole 'DemoApplication'"]


def test_a_configuration_the_files_lack_in_the_project_s_folder_is_the_project_s(tmp_path, monkeypatch):
    script = """\
New-AzureDeployment -ServiceName "shopweb" -Slot Production -Package $url `
    -Configuration ".\\Shop.Azure\\ServiceConfiguration.Production.cscfg"
"""
    messages = _messages(tmp_path, monkeypatch, {**_project(), "deploy.ps1": script})
    assert [m.split(":")[0] for m in messages] == ["cloud service 'shopweb' has a WebRole 'DemoApplication'"]


def test_files_of_two_folders_on_the_branches_link_no_project(tmp_path, monkeypatch):
    script = PUBLISH.replace(".\\Shop.Azure\\ServiceConfiguration.QA", ".\\Other\\ServiceConfiguration.QA")
    messages = _messages(tmp_path, monkeypatch, {**_project(), "publish.ps1": script})
    assert "cloud service 'Shop.Azure' has a WebRole 'DemoApplication'" in messages[0]
    assert all("roles the files do not name" in m for m in messages[1:]) and len(messages) == 3


def test_a_python_upgrade_of_each_branch_s_service_and_configuration(tmp_path, monkeypatch):
    script = """\
import sys
from base64 import b64encode
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService(sys.argv[1], "cert.pem")
service = None
config = None
if sys.argv[2] == "staging":
    service = "shopstaging"
    config = "Shop.Azure/ServiceConfiguration.Staging.cscfg"
elif sys.argv[2] == "qa":
    service = "shopqa"
    config = "Shop.Azure/ServiceConfiguration.Qa.cscfg"
sms.upgrade_deployment(service, "production", "auto", url, b64encode(open(config).read()), "label", True)
"""
    messages = _messages(tmp_path, monkeypatch, {**_project(), "publish.py": script})
    assert [m.split(":")[0] for m in messages] == [
        "cloud service 'shopqa' has a WebRole 'DemoApplication'",
        "cloud service 'shopstaging' has a WebRole 'DemoApplication'",
    ]
