"""A script that associates a reserved IP with a deployment by sending the request itself (Associate Reserved
IP: a POST to `.../services/networking/reservedips/<name>/operations/associate` whose `ReservedIPAssociation`
body names the cloud service and deployment) gives the deployment that reserved IP, as
associate_reserved_ip_address and Set-AzureReservedIPAssociation do; one that sends Disassociate Reserved IP
(`.../operations/disassociate`) takes it off, as disassociate_reserved_ip_address and
Remove-AzureReservedIPAssociation do. From Python (requests, perform_post) and PowerShell (Invoke-RestMethod).
Reference, vm-migration-deep-dive: "A virtual IP can only be migrated if there is an input endpoint assigned
to it"."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

SUB = "https://management.core.windows.net/sub1"
DEPLOYMENT = (
    '<Deployment xmlns="http://schemas.microsoft.com/windowsazure"><Name>app-svc</Name>'
    "<DeploymentSlot>Production</DeploymentSlot><RoleList><Role><RoleName>app01</RoleName>"
    "<RoleType>PersistentVMRole</RoleType>{endpoints}</Role></RoleList>{reserved}</Deployment>"
)
ENDPOINT = (
    "<ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>"
    "<InputEndpoints><InputEndpoint><Name>web</Name><LocalPort>80</LocalPort><Port>80</Port>"
    "<Protocol>tcp</Protocol></InputEndpoint></InputEndpoints></ConfigurationSet></ConfigurationSets>"
)
RESERVED = "<ReservedIPName>app-rip</ReservedIPName>"
ASSOCIATION = (
    '<ReservedIPAssociation xmlns="http://schemas.microsoft.com/windowsazure"><ServiceName>app-svc</ServiceName>'
    "<DeploymentName>app-svc</DeploymentName></ReservedIPAssociation>"
)


def python(operation: str, endpoints: str = "", reserved: str = "", guard: str = "") -> str:
    request = (
        f'requests.post("{SUB}/services/networking/reservedips/app-rip/operations/{operation}", '
        f"data='{ASSOCIATION}', headers=H, cert=\"m.pem\")"
    )
    deployment = DEPLOYMENT.format(endpoints=endpoints, reserved=reserved)
    return (
        "import requests\n"
        'H = {"x-ms-version": "2015-04-01"}\n'
        f'requests.post("{SUB}/services/hostedservices/app-svc/deployments", data=\'{deployment}\', headers=H, cert="m.pem")\n'
        + (f"if {guard}:\n    {request}\n" if guard else f"{request}\n")
    )


def powershell(operation: str, endpoints: str = "", reserved: str = "", guard: str = "") -> str:
    request = (
        f'Invoke-RestMethod -Method Post -Uri "{SUB}/services/networking/reservedips/app-rip/operations/{operation}" '
        f"-Body '{ASSOCIATION}' -Headers $h -Certificate $c"
    )
    deployment = DEPLOYMENT.format(endpoints=endpoints, reserved=reserved)
    return (
        '$h = @{"x-ms-version"="2015-04-01"}\n'
        f"Invoke-RestMethod -Method Post -Uri \"{SUB}/services/hostedservices/app-svc/deployments\" -Body '{deployment}' -Headers $h -Certificate $c\n"
        + (f"if ({guard}) {{ {request} }}\n" if guard else f"{request}\n")
    )


SDK_ASSOCIATE = (
    "from azure.servicemanagement import ServiceManagementService\n"
    'sms = ServiceManagementService("sub1", "m.pem")\n'
    f"sms.perform_post(\"/sub1/services/hostedservices/app-svc/deployments\", '{DEPLOYMENT.format(endpoints='', reserved='')}')\n"
    f"sms.perform_post(\"/sub1/services/networking/reservedips/app-rip/operations/associate\", '{ASSOCIATION}')\n"
)


@pytest.mark.parametrize(
    ("name", "script", "line"),
    [
        ("rip.py", python("associate"), 4),
        ("rip.ps1", powershell("associate"), 3),
        ("rip.py", SDK_ASSOCIATE, 4),
    ],
    ids=["py-requests", "ps1-irm", "py-perform-post"],
)
def test_a_reserved_ip_associated_with_a_deployment_without_endpoints_is_mig106(
    tmp_path, monkeypatch, name, script, line
):
    result = lint_files(tmp_path, monkeypatch, {name: script}, "MIG106")
    assert [w.rsplit(":", 1)[0] for w in where(result.findings)] == [f"MIG106 {name}:{line}"]
    assert "reserved IP 'app-rip' of cloud service 'app-svc'" in result.findings[0].message


@pytest.mark.parametrize(
    ("name", "script"),
    [("rip.py", python("associate", ENDPOINT)), ("rip.ps1", powershell("associate", ENDPOINT))],
    ids=["py", "ps1"],
)
def test_a_reserved_ip_associated_with_a_deployment_with_an_endpoint_is_fine(
    tmp_path, monkeypatch, name, script
):
    assert lint_files(tmp_path, monkeypatch, {name: script}, "MIG106").findings == []


@pytest.mark.parametrize(
    ("name", "script"),
    [
        ("rip.py", python("disassociate", reserved=RESERVED)),
        ("rip.ps1", powershell("disassociate", reserved=RESERVED)),
    ],
    ids=["py", "ps1"],
)
def test_a_reserved_ip_disassociated_from_the_deployment_is_no_longer_its(
    tmp_path, monkeypatch, name, script
):
    assert lint_files(tmp_path, monkeypatch, {name: script}, "MIG106").findings == []


@pytest.mark.parametrize(
    ("name", "script"),
    [
        ("rip.py", python("disassociate", reserved=RESERVED, guard="release")),
        ("rip.ps1", powershell("disassociate", reserved=RESERVED, guard="$release")),
    ],
    ids=["py", "ps1"],
)
def test_a_disassociation_that_may_not_run_leaves_the_reserved_ip(tmp_path, monkeypatch, name, script):
    assert [f.code for f in lint_files(tmp_path, monkeypatch, {name: script}, "MIG106").findings] == [
        "MIG106"
    ]
