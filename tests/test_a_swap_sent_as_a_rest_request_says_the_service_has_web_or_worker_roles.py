"""A Swap Deployment request a script sends to the API itself (POST `.../services/hostedservices/<service>`,
with its `<Swap>` body or none the script writes) was only MIG601, where Move-AzureDeployment and
swap_deployment say the service has web or worker roles: only a package's deployment is ever in the staging
slot. The request is now read as they are, by curl or wget, Invoke-RestMethod and Python's requests alike:
MIG101 says the service has such roles, and a Prepare of the service after it is refused (MIG602)."""

from __future__ import annotations

import pytest
from lint_support import lint_files

URL = "https://management.core.windows.net/sub1/services/hostedservices/shop"
BODY = (
    '<Swap xmlns="http://schemas.microsoft.com/windowsazure"><Production>prod</Production>'
    "<SourceDeployment>stage</SourceDeployment></Swap>"
)
SHELL = f"curl -X POST --cert cert.pem -H 'x-ms-version: 2015-04-01' {{data}}{URL}\n"
POWERSHELL = (
    f'Invoke-RestMethod -Method Post -Uri "{URL}" -Certificate $cert '
    '-Headers @{{"x-ms-version" = "2015-04-01"}}{body}\n'
)
PYTHON = (
    "import requests\n"
    f'requests.post("{URL}", cert=("c.pem", "k.pem"), headers={{{{"x-ms-version": "2015-04-01"}}}}{{data}})\n'
)
PREPARES = {
    "sh": "azure service deployment prepare-migration shop shopdep new\n",
    "ps1": "Move-AzureService -Prepare -ServiceName shop -DeploymentName shopdep -CreateNewVirtualNetwork\n",
    "py": "",
}
SCRIPTS = {
    "curl with its body": ("sh", SHELL.format(data=f"-d '{BODY}' ")),
    "curl with no body": ("sh", SHELL.format(data="")),
    "curl with a body file": ("sh", SHELL.format(data="-d @swap.xml ")),
    "Invoke-RestMethod with its body": ("ps1", POWERSHELL.format(body=f" -Body '{BODY}'")),
    "Invoke-RestMethod with a body not stated": ("ps1", POWERSHELL.format(body=" -Body $body")),
    "requests with its body": ("py", PYTHON.format(data=f", data='{BODY}'")),
    "requests with no body": ("py", PYTHON.format(data="")),
}


@pytest.mark.parametrize("script", SCRIPTS)
def test_the_swapped_service_has_web_or_worker_roles(tmp_path, monkeypatch, script):
    suffix, text = SCRIPTS[script]
    result = lint_files(tmp_path, monkeypatch, {f"swap.{suffix}": text}, "MIG101", dedent=False)
    [finding] = result.findings
    assert finding.message.startswith("cloud service 'shop' has web or worker roles the files do not name")
    assert "swapped by a Swap Deployment request" in finding.message


@pytest.mark.parametrize("script", [name for name in SCRIPTS if SCRIPTS[name][0] != "py"])
def test_a_prepare_of_the_swapped_service_is_refused(tmp_path, monkeypatch, script):
    suffix, text = SCRIPTS[script]
    files = {f"swap.{suffix}": text + PREPARES[suffix]}
    found = lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False).findings
    assert [f.mark.line for f in found] == [2]
    assert "which has web or worker roles" in found[0].message


def test_a_create_deployment_request_is_no_swap(tmp_path, monkeypatch):
    text = SHELL.format(data="").replace("/shop", "/shop/deploymentslots/staging")
    assert not lint_files(tmp_path, monkeypatch, {"create.sh": text}, "MIG101", dedent=False).findings
