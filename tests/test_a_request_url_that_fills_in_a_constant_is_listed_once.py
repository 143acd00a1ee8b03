"""A script that sends a request whose URL fills in a constant of its own (`KEY = "aaaa-bbbb-cccc"`, then
`requests.put(f"{BASE}/services/networking/dedicatedcircuits/{KEY}/vnets/{vnet}")`) sends one request:
MIG601 lists it once, by its method and URL with the constant filled in, where it listed it a second time
as a request path written without the host, the constant left unstated (`a request to management.core.<...>/
<subscription-id>/services/networking/dedicatedcircuits/<...>/vnets/<...>`). So whether the URL is an
f-string, a `.format` or `%` template, a concatenation, or a variable given one; PowerShell alike."""

from __future__ import annotations

import pytest
from lint_support import lint_files

HEAD = """\
import requests

SUB = "11111111-2222-3333-4444-555555555555"
KEY = "aaaa-bbbb-cccc"
BASE = "https://management.core.windows.net/" + SUB

def link(vnet):
"""
URLS = {
    "f-string": '    r = requests.put(f"{BASE}/services/networking/dedicatedcircuits/{KEY}/vnets/{vnet}")\n',
    "variable": (
        '    url = f"{BASE}/services/networking/dedicatedcircuits/{KEY}/vnets/{vnet}"\n'
        "    r = requests.put(url)\n"
    ),
    "format": (
        '    r = requests.put("{}/services/networking/dedicatedcircuits/{}/vnets/{}".format(BASE, KEY, vnet))\n'
    ),
    "percent": (
        '    r = requests.put("%s/services/networking/dedicatedcircuits/%s/vnets/%s" % (BASE, KEY, vnet))\n'
    ),
    "concatenation": (
        '    r = requests.put(BASE + "/services/networking/dedicatedcircuits/" + KEY + "/vnets/" + vnet)\n'
    ),
}
POWERSHELL = """\
$sub = '11111111-2222-3333-4444-555555555555'
$key = 'aaaa-bbbb-cccc'
$base = "https://management.core.windows.net/$sub"
function Link($vnet) {
    Invoke-RestMethod -Method Put -Uri "$base/services/networking/dedicatedcircuits/$key/vnets/$vnet" -Certificate $cert
}
Link "hub"
"""
LINK = (
    "PUT management.core.windows.net/<subscription-id>/services/networking/dedicatedcircuits/aaaa-bbbb-cccc"
)


def _message(tmp_path, monkeypatch, name: str, script: str) -> str:
    (finding,) = lint_files(tmp_path, monkeypatch, {name: script}, "MIG601", dedent=False).findings
    return finding.message


@pytest.mark.parametrize("form", sorted(URLS))
def test_a_python_request_is_listed_once_with_its_constant(tmp_path, monkeypatch, form):
    script = HEAD + URLS[form] + "    r.raise_for_status()\n\nlink('hub')\n"
    message = _message(tmp_path, monkeypatch, "link_er.py", script)
    assert f"({LINK}/vnets/<...>)" in message
    assert "a request to" not in message


def test_a_powershell_request_is_listed_once_with_its_constant(tmp_path, monkeypatch):
    message = _message(tmp_path, monkeypatch, "link_er.ps1", POWERSHELL)
    assert f"({LINK}/vnets/hub)" in message
    assert "a request to" not in message
