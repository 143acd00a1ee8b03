"""A client certificate is no sign of the Service Management API by itself: mutual TLS to an artifact
repository, a vault or an inventory service sends one too. A request with one to a URL the file does not
state is said as a part not read (`request-url-undecided`) only where the file names Azure or the API; and a
URL whose stated path is none the API has (`$VAULT/v1/auth/cert/login`, `{{ inventory_url }}/hosts`: every
path of the API is `/<subscription-id>/services/...`, `/<subscription-id>/operations/...` and the like) is
never the API's, whatever names it. So a folder of such deployment scripts is not read as classic at all."""

from __future__ import annotations

import pytest
from lint_support import lint_files, run_cli

from migcheck.model import Script, undecided_url

# A release pipeline's helpers that never name Azure, each sending requests with a client certificate.
NEXUS_PS = (
    "param([string]$NexusUrl, [string]$Thumbprint)\n"
    '$cert = Get-Item "Cert:\\CurrentUser\\My\\$Thumbprint"\n'
    'Invoke-RestMethod -Uri "$NexusUrl/service/rest/v1/components" -Method Post -Certificate $cert'
    " -InFile .\\build\\app.zip\n"
    "Invoke-WebRequest -Uri $env:HEALTHCHECK_URL -CertificateThumbprint $Thumbprint -UseBasicParsing\n"
)
NOTIFY_SH = '#!/bin/bash\ncurl --cert /etc/ssl/client.pem -X POST "$WEBHOOK_URL" -d @payload.json\n'
CLIENT_PY = (
    "import sys\n\nimport requests\n\n"
    'requests.post(sys.argv[1], data=open(sys.argv[2], "rb"), cert="/etc/pki/client.pem")\n'
)
SITE_YML = (
    "- hosts: all\n  tasks:\n    - name: register with the inventory service\n      uri:\n"
    '        url: "{{ inventory_api_url }}/hosts"\n        method: POST\n'
    "        client_cert: /etc/pki/tls/certs/client.pem\n"
)
FILES = {"deploy.ps1": NEXUS_PS, "notify.sh": NOTIFY_SH, "client.py": CLIENT_PY, "site.yml": SITE_YML}

# The same requests where the file names Azure: a path the API has not is still no request to it.
VAULT = {
    "deploy.ps1": "# Azure deployment\n"
    'Invoke-RestMethod -Uri "https://$($env:VAULT_ADDR)/v1/auth/cert/login" -Method Post -Certificate $c\n',
    "notify.sh": '#!/bin/bash\n# Azure deployment\ncurl -s --cert "$CERT" "https://${VAULT_ADDR}/v1/sys/health"\n',
    "client.py": "# Azure deployment\nimport sys\n\nimport requests\n\n"
    'requests.post(sys.argv[1] + "/v1/auth/cert/login", cert="client.pem")\n',
    "site.yml": SITE_YML.replace("inventory service", "Azure inventory service"),
}
# And where it names Azure, a certificate to a URL not stated whose path may be the API's is said.
SAID = {
    "deploy.ps1": (
        "# the management certificate of prod.publishsettings\nInvoke-RestMethod -Uri $env:URL -Method Post -Certificate $c\n",
        2,
    ),
    "notify.sh": (
        '#!/bin/bash\n# the management certificate of prod.publishsettings\ncurl --cert mgmt.pem -X POST "$URL/services/x"\n',
        3,
    ),
    "client.py": (
        "# the management certificate of prod.publishsettings\nimport sys\n\nimport requests\n\nrequests.post(sys.argv[1], cert='mgmt.pem')\n",
        6,
    ),
    "site.yml": (
        SITE_YML.replace("inventory service", "prod.publishsettings service").replace("/hosts", "/services"),
        4,
    ),
}


def undecided(tmp_path, monkeypatch, files: dict[str, str]) -> list[tuple[str, int]]:
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    return [
        (d.path.rpartition("/")[2], m.line)
        for estate in result.estates
        for d in estate.documents
        for r in d.resources
        if isinstance(r, Script)
        for m in r.unread
        if undecided_url(m.tag)
    ]


def test_requests_with_a_client_certificate_in_files_that_never_name_azure_say_nothing(tmp_path, monkeypatch):
    assert undecided(tmp_path, monkeypatch, FILES) == []


@pytest.mark.parametrize("name", sorted(VAULT))
def test_a_stated_path_the_api_has_not_is_no_request_to_it(tmp_path, monkeypatch, name):
    assert undecided(tmp_path, monkeypatch, {name: VAULT[name]}) == []


@pytest.mark.parametrize("name", sorted(SAID))
def test_a_certificate_in_a_file_that_names_azure_is_still_said(tmp_path, monkeypatch, name):
    text, line = SAID[name]
    assert undecided(tmp_path, monkeypatch, {name: text}) == [(name, line)]


def test_the_line_said_names_only_the_cause_that_applies(tmp_path, monkeypatch, capsys):
    (tmp_path / "deploy.ps1").write_text(SAID["deploy.ps1"][0])
    code, out, _ = run_cli(capsys, "check", str(tmp_path))
    said = [line for line in out.splitlines() if "deploy.ps1:2" in line]
    assert code == 0 and len(said) == 1
    assert "to a URL the script does not state" in said[0]
    assert "attribute" not in said[0] and "class's body" not in said[0]


# Files that name Azure only through Resource Manager tools, which never send a management certificate.
RESOURCE_MANAGER_ONLY = {
    "azure-pipelines.yml": "steps:\n- task: AzureCLI@2\n  inputs:\n    azureSubscription: arm\n"
    "    scriptType: bash\n    scriptLocation: inlineScript\n    inlineScript: az group create -n rg1 -l westeurope\n"
    '- bash: curl -sf -X POST --cert client.pem --key client.key -d @payload.json "$(webhookUrl)"\n',
    "notify.sh": "#!/bin/bash\n# deploys to Azure (Resource Manager only)\naz group create -n rg1 -l westeurope\n"
    'curl -sf -X POST --cert client.pem -d @payload.json "$WEBHOOK_URL"\n',
    "deploy.ps1": "# AZURE_CREDENTIALS\nNew-AzResourceGroup -Name rg1 -Location westeurope\n"
    "Invoke-RestMethod -Uri $env:URL -Method Post -Certificate $c\n",
}


@pytest.mark.parametrize("name", sorted(RESOURCE_MANAGER_ONLY))
def test_a_certificate_in_a_file_of_resource_manager_tools_says_nothing(tmp_path, monkeypatch, name):
    assert undecided(tmp_path, monkeypatch, {name: RESOURCE_MANAGER_ONLY[name]}) == []
