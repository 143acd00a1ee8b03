"""A PowerShell script that sends a request through .NET ([System.Net.WebRequest]::Create, an
HttpRequestMessage sent by SendAsync, a WebClient's UploadString) to a URL it does not state, built from a
variable that names the Service Management API (`$mgmtUrl = $args[0]`), may be calling the API: the part is
said not read, with `$mgmtUrl` as its cause, as Invoke-RestMethod's is. A URL held by a name that says
nothing of the API is not said."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

from migcheck.report.unread import data, summary_line, unread_parts

URL = '$u = "{}/services/hostedservices/shop"\n'
SENDS = {
    "WebRequest::Create": "$r = [System.Net.WebRequest]::Create($u)\n$r.Method = 'DELETE'\n$r.GetResponse()\n",
    "HttpRequestMessage::new": (
        "$m = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Delete, $u)\n"
        "(New-Object System.Net.Http.HttpClient).SendAsync($m).Result\n"
    ),
    "New-Object HttpRequestMessage": (
        "$m = New-Object System.Net.Http.HttpRequestMessage -ArgumentList ([System.Net.Http.HttpMethod]::Delete), $u\n"
        "(New-Object System.Net.Http.HttpClient).SendAsync($m).Result\n"
    ),
    "RequestUri set after": (
        "$m = New-Object System.Net.Http.HttpRequestMessage\n$m.RequestUri = $u\n"
        "(New-Object System.Net.Http.HttpClient).SendAsync($m).Result\n"
    ),
    "WebClient.UploadString": "$wc = New-Object System.Net.WebClient\n$wc.UploadString($u, 'DELETE', '')\n",
}


def _parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, holder: str, send: str) -> list[dict]:
    script = f"{holder} = $args[0]\n" + URL.format(holder) + send
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, dedent=False)
    resources = [r for estate in result.estates for d in estate.documents for r in d.resources]
    return unread_parts(resources)


@pytest.mark.parametrize("send", SENDS.values(), ids=SENDS.keys())
def test_a_dotnet_request_to_a_url_built_from_mgmt_url_is_said_not_read_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, send: str
) -> None:
    parts = _parts(tmp_path, monkeypatch, "$mgmtUrl", send)
    assert [part["why"] for part in data(parts)] == ["request-url-undecided"]
    assert "its URL is held by `$mgmtUrl`, a name of the API" in summary_line(parts)


@pytest.mark.parametrize("send", SENDS.values(), ids=SENDS.keys())
def test_a_dotnet_request_to_a_url_of_a_name_that_says_nothing_of_the_api_is_not_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, send: str
) -> None:
    assert _parts(tmp_path, monkeypatch, "$base", send) == []
