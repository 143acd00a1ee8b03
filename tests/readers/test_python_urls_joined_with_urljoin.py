"""Service Management URLs a Python script builds with the standard library's `urljoin` (`urllib.parse`,
Python 2's `urlparse`, `requests.compat`): read as the joined URL, so a request to the API's host is
MIG601 and its migration requests and bodies are read as any other's."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.automation import url_joined

HOST = "https://management.core.windows.net/"
REQUEST = 'requests.get({url}, cert=cert, headers={{"x-ms-version": "2014-10-01"}})'


def _check(tmp_path, monkeypatch, script):
    return lint_files(tmp_path, monkeypatch, {"inventory.py": script}, "MIG601").findings


@pytest.mark.parametrize(
    ("imports", "url"),
    [
        ("from urllib.parse import urljoin", 'urljoin(host, "services/hostedservices")'),
        ("import urllib.parse", 'urllib.parse.urljoin(host, "services/hostedservices")'),
        ("from urllib import parse", 'parse.urljoin(host, "services/hostedservices")'),
        ("import urlparse", 'urlparse.urljoin(host, "services/hostedservices")'),
        ("", 'requests.compat.urljoin(HOST, sub + "/services/hostedservices")'),
        ("", 'requests.compat.urljoin(host + "ignored", "/" + sub + "/services/hostedservices")'),
    ],
)
def test_a_url_joined_on_the_api_host_is_a_service_management_request(tmp_path, monkeypatch, imports, url):
    script = (
        f"import requests\n{imports}\nHOST = {HOST!r}\n"
        "def cloud_services(sub, cert):\n"
        '    host = HOST + "%s/" % sub\n'
        f"    return {REQUEST.format(url=url)}\n"
    )
    findings = _check(tmp_path, monkeypatch, script)
    assert where(findings) == ["MIG601 inventory.py:6:21"]  # at `get`
    assert (
        "(GET management.core.windows.net/<subscription-id>/services/hostedservices)" in findings[0].message
    )


def test_a_function_of_the_script_named_urljoin_is_its_own(tmp_path, monkeypatch):
    # Near miss: the script's own urljoin may build anything; the URL is not known to be on the API's host.
    call = REQUEST.format(url=f"urljoin({HOST!r}, 'services')")
    script = (
        "import requests\n"
        "def urljoin(base, path):\n"
        "    return 'https://example.com/' + path\n"
        f"def cloud_services(cert):\n    return {call}\n"
    )
    assert _check(tmp_path, monkeypatch, script) == []


@pytest.mark.parametrize(
    ("base", "url"),
    [
        ("https://h/a/b", "c"),
        ("https://h/a/b/", "c/d"),
        ("https://h", "c"),
        ("https://h/a", "/x"),
        ("https://h/a", "http://o/x"),
        ("https://h/a/b", ""),
    ],
)
def test_joined_as_the_standard_library_joins(base, url):
    from urllib.parse import urljoin

    assert url_joined(base, url) == urljoin(base, url)


@pytest.mark.parametrize("url", ["../x", "./x", "//other/x", "?comp=media", "#top"])
def test_a_reference_the_join_resolves_further_is_not_guessed(url):
    assert url_joined("https://h/a/b", url) is None
