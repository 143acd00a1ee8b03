"""A request to a URL the script does not state is said as a part not read (`request-url-undecided`) where it
may go to the Service Management API for one of three causes: it sends a management certificate in a file that
names the API, it sends a classic REST body from a file checked with the script, or its URL is held by a name of
the API. Each report says the cause that applies to that request, naming what the script writes for it (the
certificate, the body file, the name), and none of the others; JSON keeps `"why": "request-url-undecided"`."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.report.unread import data, summary_line, unread_parts

BODY = (
    '<CreateHostedService xmlns="http://schemas.microsoft.com/windowsazure">'
    "<ServiceName>shop</ServiceName><Label>c2hvcA==</Label><Location>West US</Location>"
    "</CreateHostedService>\n"
)
CERTIFICATE = "it sends the management certificate `mgmt.pem`"
CLASSIC_BODY = "it sends the classic REST body `body.xml`"
CAUSES = ("management certificate", "classic REST body", "a name of the API")
SHELL = '#!/bin/bash\nURL="$1"  # the Service Management endpoint, management.core.windows.net\n'
POWERSHELL = "param([string]$Url)  # the Service Management endpoint, management.core.windows.net\n"
PYTHON = (
    "import os\nimport subprocess\nimport sys\n\nimport requests\n\n"
    "MGMT_URL = sys.argv[2]  # the Service Management endpoint, management.core.windows.net\n"
)
PLAYBOOK = (
    "- hosts: localhost\n  tasks:\n    - name: create the cloud service through management.core.windows.net\n"
)


def said(tmp_path, monkeypatch, name: str, text: str) -> str:
    files = {name: text, "body.xml": BODY, "notes.xml": "<notes/>\n"}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    resources = [r for estate in result.estates for d in estate.documents for r in d.resources]
    parts = unread_parts(resources)
    assert [part["why"] for part in data(parts)] == ["request-url-undecided"]
    return summary_line(parts)


def says_only(line: str, cause: str) -> None:
    assert cause in line
    assert [other for other in CAUSES if other in line] == [next(c for c in CAUSES if c in cause)]


@pytest.mark.parametrize(
    ("name", "text", "cause"),
    [
        ("deploy.sh", SHELL + 'curl -X POST "$URL" --cert mgmt.pem -d @notes.xml\n', CERTIFICATE),
        ("deploy.sh", SHELL + 'curl -sSE mgmt.pem:secret "$URL"\n', CERTIFICATE),
        ("deploy.sh", SHELL + 'wget --certificate=mgmt.pem --post-file notes.xml "$URL"\n', CERTIFICATE),
        ("deploy.sh", SHELL + 'curl -X POST "$URL" -d @body.xml\n', CLASSIC_BODY),
        (
            "deploy.sh",
            SHELL + 'curl -X DELETE "$MGMT_URL/services/hostedservices/shop"\n',
            "its URL is held by `$MGMT_URL`, a name of the API",
        ),
        (
            "deploy.ps1",
            POWERSHELL + "Invoke-RestMethod -Uri $Url -Method Post -Certificate $cert\n",
            "it sends the management certificate `$cert`",
        ),
        (
            "deploy.ps1",
            POWERSHELL + "Invoke-RestMethod -Uri $Url -Method Post -InFile body.xml\n",
            CLASSIC_BODY,
        ),
        (
            "deploy.ps1",
            POWERSHELL + 'Invoke-RestMethod -Uri "$env:MGMT_URL/services/$name" -Method Delete\n',
            "its URL is held by `$env:MGMT_URL`, a name of the API",
        ),
        ("deploy.ps1", POWERSHELL + "curl.exe -X POST --cert mgmt.pem $Url\n", CERTIFICATE),
        ("deploy.ps1", POWERSHELL + "curl -X POST -d '@body.xml' $Url\n", CLASSIC_BODY),
        (
            "deploy.ps1",
            POWERSHELL + 'curl.exe -X DELETE "$mgmtUrl/$name"\n',
            "its URL is held by `$mgmtUrl`, a name of the API",
        ),
        (
            "deploy.py",
            PYTHON + 'requests.post(sys.argv[1], cert=("mgmt.pem", "mgmt.key"), data="<notes/>")\n',
            CERTIFICATE,
        ),
        ("deploy.py", PYTHON + 'requests.post(sys.argv[1], data=open("body.xml").read())\n', CLASSIC_BODY),
        (
            "deploy.py",
            PYTHON + "requests.delete(MGMT_URL + '/services/hostedservices/shop')\n",
            "its URL is held by `MGMT_URL`, a name of the API",
        ),
        (
            "deploy.py",
            PYTHON + 'subprocess.run(["curl", "-X", "POST", sys.argv[1], "-d", "@body.xml"])\n',
            CLASSIC_BODY,
        ),
        (
            "site.yml",
            PLAYBOOK
            + '      uri:\n        url: "{{ service_url }}"\n        method: POST\n        client_cert: mgmt.pem\n',
            CERTIFICATE,
        ),
        (
            "site.yml",
            PLAYBOOK
            + '      uri:\n        url: "{{ service_url }}"\n        method: POST\n        src: body.xml\n',
            CLASSIC_BODY,
        ),
        (
            "site.yml",
            PLAYBOOK
            + '      uri:\n        url: "{{ mgmt_url }}/services/hostedservices"\n        method: POST\n',
            "a name of the API",
        ),
    ],
    ids=[
        "curl-cert",
        "curl-cert-password",
        "wget-cert",
        "curl-body",
        "curl-api-name",
        "irm-cert",
        "irm-body",
        "irm-api-name",
        "curl-exe-cert",
        "curl-exe-body",
        "curl-exe-api-name",
        "requests-cert",
        "requests-body",
        "requests-api-name",
        "subprocess-curl-body",
        "uri-cert",
        "uri-body",
        "uri-api-name",
    ],
)
def test_a_request_said_not_read_names_only_its_own_cause(tmp_path, monkeypatch, name, text, cause):
    line = said(tmp_path, monkeypatch, name, text)
    says_only(line, cause)


def test_the_password_curl_takes_after_the_certificate_is_never_repeated(tmp_path, monkeypatch):
    line = said(tmp_path, monkeypatch, "deploy.sh", SHELL + 'curl -sSE mgmt.pem:secret "$URL"\n')
    assert "secret" not in line
