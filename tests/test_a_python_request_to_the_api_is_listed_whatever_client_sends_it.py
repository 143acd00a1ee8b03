"""A Python script that calls the Service Management API itself, with no SDK, is listed by MIG601 whatever
sends the request: requests, urllib, or the WinHttp.WinHttpRequest COM object, and whether the URL is written
at the request or passed to a helper that sends it (`send_cert_request(url, "POST", xml)`), built from a base
address a constructor parameter defaults to. A URL on the API's host (management.core.windows.net) is what
tells such a request."""

from __future__ import annotations

from lint_support import lint_files

DISKS = "POST management.core.windows.net/<subscription-id>/services/disks"

WINHTTP = """\
from win32com.client import Dispatch


def send_cert_request(url, verb, body, cert_selection=""):
    req = Dispatch("WinHttp.WinHttpRequest.5.1")
    req.Open(verb, url)
    req.SetRequestHeader("x-ms-version", "2012-03-01")
    req.Send(body)
    return req.Status


class VirtualMachine(object):
    def __init__(self, cert_selection, subscription_id, azure_url="https://management.core.windows.net"):
        self.__base_url = azure_url + "/" + subscription_id
        self.__cert_selection = cert_selection

    def add_disk(self, disk_label, media_link, disk_name, os_type="Windows"):
        url = self.__base_url + "/services/disks"
        xml = '<Disk xmlns="http://schemas.microsoft.com/windowsazure"><OS>' + os_type + "</OS></Disk>"
        return send_cert_request(url, "POST", xml, self.__cert_selection)
"""

HELPER = """\
{imports}

BASE = "https://management.core.windows.net"


def send(url, body):
    return {sends}


def add_disk(subscription):
    return send(BASE + "/" + subscription + "/services/disks", "<Disk/>")
"""


def _listed(tmp_path, monkeypatch, script):
    findings = lint_files(tmp_path, monkeypatch, {"disks.py": script}, "MIG601", dedent=False).findings
    return [finding.message for finding in findings]


def test_a_winhttp_request_a_helper_sends_for_its_caller(tmp_path, monkeypatch):
    [message] = _listed(tmp_path, monkeypatch, WINHTTP)
    assert f"uses the Service Management API ({DISKS})" in message


def test_a_requests_post_to_a_url_a_helper_is_given(tmp_path, monkeypatch):
    script = HELPER.format(imports="import requests", sends='requests.post(url, data=body, cert="c.pem")')
    [message] = _listed(tmp_path, monkeypatch, script)
    assert DISKS in message


def test_a_urllib_request_to_a_url_a_helper_is_given(tmp_path, monkeypatch):
    script = HELPER.format(
        imports="from urllib.request import Request, urlopen", sends="urlopen(Request(url, body.encode()))"
    )
    [message] = _listed(tmp_path, monkeypatch, script)
    assert DISKS in message


def test_a_base_address_a_constructor_parameter_defaults_to(tmp_path, monkeypatch):
    script = (
        "import requests\n\n\n"
        "class Disks:\n"
        '    def __init__(self, subscription, azure_url="https://management.core.windows.net"):\n'
        '        self.base = azure_url + "/" + subscription\n\n'
        "    def add(self, xml):\n"
        '        return requests.post(self.base + "/services/disks", data=xml)\n'
    )
    [message] = _listed(tmp_path, monkeypatch, script)
    assert DISKS in message


def test_a_helper_given_another_host_sends_no_request_to_the_api(tmp_path, monkeypatch):
    script = HELPER.format(
        imports="import requests", sends='requests.post(url, data=body, cert="c.pem")'
    ).replace('send(BASE + "/"', 'send("https://example.com/"')
    assert not any("services/disks" in message for message in _listed(tmp_path, monkeypatch, script))
