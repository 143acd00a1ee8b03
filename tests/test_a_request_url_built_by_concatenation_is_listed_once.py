"""A script that builds a request's URL with `+` (`"https://management.core.windows.net/" + subscription_id +
"/services/hostedservices/" + cs_name + …`) sends one request: MIG601 lists it once, by its method and URL,
where it listed a second, garbled one (`a request to management.core.<...>/<subscription-id>/services/
hostedservices/`) for the piece of the URL that reads as a request path. A path written without the host
is still listed as a request of its own, in Python and PowerShell alike."""

from __future__ import annotations

import pytest
from lint_support import lint_files

ROLE_URL = "/deployments/<...>/roles/<...>"

PYTHON = """\
from requests import Request, Session

def get_role(subscription_id, cs_name, deployment_name, role_name):
    url = "https://management.core.windows.net/" + subscription_id + "/services/hostedservices/" + cs_name + "/deployments/" + deployment_name + "/roles/" + role_name
    req = Request(method="GET", url=url, headers={"x-ms-version": "2014-06-01"})
    return Session().send(req.prepare(), cert=("c.pem", "k.pem"))
"""
POWERSHELL = """\
param($sub, $cs, $deployment, $role)
$url = "https://management.core.windows.net/" + $sub + "/services/hostedservices/" + $cs + "/deployments/" + $deployment + "/roles/" + $role
Invoke-RestMethod -Uri $url -Method GET -Certificate $cert -Headers @{ "x-ms-version" = "2014-06-01" }
"""


def _message(tmp_path, monkeypatch, name: str, script: str) -> str:
    (finding,) = lint_files(tmp_path, monkeypatch, {name: script}, "MIG601", dedent=False).findings
    return finding.message


@pytest.mark.parametrize(("name", "script"), [("azure_http.py", PYTHON), ("azure_http.ps1", POWERSHELL)])
def test_the_request_is_listed_once_by_its_url(tmp_path, monkeypatch, name, script):
    message = _message(tmp_path, monkeypatch, name, script)
    listed = f"(GET management.core.windows.net/<subscription-id>/services/hostedservices/<...>{ROLE_URL})"
    assert listed in message
    assert "a request to" not in message


@pytest.mark.parametrize(
    ("name", "script"),
    [
        (
            "client.py",
            'def services(client, sub):\n    return client.call("/" + sub + "/services/hostedservices")\n',
        ),
        (
            "client.py",
            'def upload(client, base):\n    return client.put(base + "services/networking/media")\n',
        ),
        ("client.ps1", 'param($client, $sub)\n$client.Call("/" + $sub + "/services/hostedservices")\n'),
    ],
)
def test_a_path_written_without_the_host_is_still_a_request(tmp_path, monkeypatch, name, script):
    message = _message(tmp_path, monkeypatch, name, script)
    assert "(a request to management.core.<...>/" in message
