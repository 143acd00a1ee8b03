"""A PowerShell script that sends a request to a URL it does not state (`$env:URL`, a parameter) with
Invoke-RestMethod, Invoke-WebRequest or curl is not known to go to the Service Management API, but may, as a
shell script's curl may: where it authenticates with a management certificate (`-Certificate`,
`-CertificateThumbprint`, curl's `--cert`), sends a classic REST body from a file checked with the script
(`-InFile body.xml`, `-d '@body.xml'`), or what holds its URL names the API (`$mgmtUrl`), it is said as a
part not read (`request-url-undecided`) at the command, never dropped in silence, though the script names
no classic cmdlet nor the API's host. A request nothing ties to the API is no part not read."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import Script, undecided_url

BODY = (
    '<CreateHostedService xmlns="http://schemas.microsoft.com/windowsazure">'
    "<ServiceName>shop</ServiceName><Label>c2hvcA==</Label><Location>West US</Location>"
    "</CreateHostedService>\n"
)


def undecided(tmp_path, monkeypatch, line: str) -> list[tuple[int, int]]:
    files = {
        "deploy.ps1": "param([string]$Url)  # the Service Management endpoint, management.core.windows.net\n"
        + line
        + "\n",
        "body.xml": BODY,
        "notes.xml": "<notes/>\n",
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    return [
        (m.line, m.column)
        for estate in result.estates
        for d in estate.documents
        for r in d.resources
        if isinstance(r, Script)
        for m in r.unread
        if undecided_url(m.tag)
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Invoke-RestMethod -Uri $Url -Method Post -Certificate $cert",
        "Invoke-WebRequest -Uri $Url -Method Post -CertificateThumbprint $thumbprint",
        "Invoke-RestMethod -Uri $Url -Method Post -InFile body.xml",
        'Invoke-RestMethod -Uri "$env:MGMT_URL/services/$name" -Method Delete',
        "curl.exe -X POST --cert mgmt.pem $Url",
        "curl -X POST -d '@body.xml' $Url",
        'curl.exe -X DELETE "$mgmtUrl/$name"',
    ],
    ids=[
        "certificate",
        "thumbprint",
        "classic-body-file",
        "api-name",
        "curl-cert",
        "curl-body",
        "curl-api-name",
    ],
)
def test_a_request_that_may_go_to_the_api_is_said_not_read(tmp_path, monkeypatch, line):
    assert undecided(tmp_path, monkeypatch, line) == [(2, 1)]


@pytest.mark.parametrize(
    "line",
    [
        "Invoke-WebRequest -Uri $Url -OutFile page.html",
        "Invoke-RestMethod -Uri $Url -Method Post -InFile notes.xml",
        "curl.exe -s $Url -o page.xml",
        'Invoke-RestMethod -Uri "https://management.azure.com/subscriptions/$sub/resourcegroups" -Certificate $c',
        'curl.exe --cert mgmt.pem "https://management.azure.com/subscriptions/$sub"',
    ],
    ids=["page", "other-body-file", "curl-page", "resource-manager", "curl-resource-manager"],
)
def test_a_request_nothing_ties_to_the_api_is_no_part_not_read(tmp_path, monkeypatch, line):
    assert undecided(tmp_path, monkeypatch, line) == []
