"""A request to the Service Management API that the script makes as an object, sets and sends later, is
read with the method and URL it holds when sent: PowerShell's `HttpRequestMessage` made by `New-Object`
(its arguments in parentheses or `-ArgumentList`, its method an `[HttpMethod]::Delete` or an
`HttpMethod('PATCH')` the script makes) or with no URL until `.RequestUri` is set, and sent by
`HttpClient.SendAsync`, as the scheduler module of a real repository sends its PATCH; a message's or a
WebRequest's `.Method` set after; Python's `requests.Request(method, url)` sent by a session, and
`http.client`'s `request(method, path)`."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import Script

URL = "https://management.core.windows.net/$subId/services/hostedservices/svc1"
LISTED = "management.core.windows.net/<subscription-id>/services/hostedservices/svc1"

SCRIPTS = {
    "new-object with the method's static property": f"""\
$request = New-Object System.Net.Http.HttpRequestMessage([System.Net.Http.HttpMethod]::Delete, "{URL}")
$task = $client.SendAsync($request)
""",
    "new-object with a method made of its name": f"""\
$method = New-Object System.Net.Http.HttpMethod('PATCH')
$uri = "{URL}"
$request = New-Object System.Net.Http.HttpRequestMessage($method, $uri)
$task = $client.SendAsync($request)
""",
    "new-object with -ArgumentList": f"""\
$uri = "{URL}"
$request = New-Object -TypeName System.Net.Http.HttpRequestMessage -ArgumentList ([System.Net.Http.HttpMethod]::Delete), $uri
$task = $client.SendAsync($request)
""",
    "a message given its method and URL after": f"""\
$request = New-Object System.Net.Http.HttpRequestMessage
$request.Method = [System.Net.Http.HttpMethod]::Delete
$request.RequestUri = "{URL}"
$task = $client.SendAsync($request)
""",
    "a message whose method is set again": f"""\
$request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Get, "{URL}")
$request.Method = 'PATCH'
$task = $client.SendAsync($request)
""",
    "a web request whose method is an HttpMethod": f"""\
$request = [System.Net.WebRequest]::Create("{URL}")
$request.Method = [System.Net.Http.HttpMethod]::Delete
$response = $request.GetResponse()
""",
}
EXPECTED = {
    "new-object with the method's static property": "DELETE",
    "new-object with a method made of its name": "PATCH",
    "new-object with -ArgumentList": "DELETE",
    "a message given its method and URL after": "DELETE",
    "a message whose method is set again": "PATCH",
    "a web request whose method is an HttpMethod": "DELETE",
}

PYTHON = {
    "requests.Request sent by a session": """\
import requests

session = requests.Session()
request = requests.Request("DELETE", "https://management.core.windows.net/sub/services/hostedservices/svc1")
session.send(request.prepare(), cert="management.pem")
""",
    "Request imported from requests": """\
from requests import Request, Session

request = Request("PATCH", "https://management.core.windows.net/sub/services/hostedservices/svc1", data="<x/>")
Session().send(request.prepare())
""",
    "http.client's request on a connection to the API": """\
import http.client

connection = http.client.HTTPSConnection("management.core.windows.net", cert_file="management.pem")
connection.request("DELETE", "/sub/services/hostedservices/svc1", headers={"x-ms-version": "2014-06-01"})
""",
}
PYTHON_EXPECTED = {
    "requests.Request sent by a session": "DELETE",
    "Request imported from requests": "PATCH",
    "http.client's request on a connection to the API": "DELETE",
}


def _calls(text: str, path: str) -> list[str]:
    return [c.name for r in script_resources(text, path) if isinstance(r, Script) for c in r.calls]


@pytest.mark.parametrize("case", sorted(SCRIPTS))
def test_a_powershell_request_sent_later_is_read_with_its_method(case) -> None:
    assert _calls(SCRIPTS[case], "scheduler.ps1") == [f"{EXPECTED[case]} {LISTED}"]


@pytest.mark.parametrize("case", sorted(PYTHON))
def test_a_python_request_sent_later_is_read_with_its_method(case) -> None:
    assert _calls(PYTHON[case], "scheduler.py") == [f"{PYTHON_EXPECTED[case]} {LISTED}"]
