"""A Python request sent on a connection opened to a host the script does not state (`conn =
http.client.HTTPSConnection(MGMT_HOST)`, `MGMT_HOST = sys.argv[2]`, then `conn.request("DELETE",
"/sub/services/hostedservices/shop")`) may go to the Service Management API as `requests.delete(MGMT_URL +
...)` may: it is said not read (`request-url-undecided`) with the same causes, the name of the API that holds
the host, or the certificate the connection sends (`cert_file=`) in a file that names the API. A path that is
none of the API's, a host held by a name that says nothing of the API, or a connection to a host the script
states, is no part not read."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.report.unread import data, unread_parts

CONNECTION = """\
import http.client
import sys

{host} = sys.argv[2]
conn = http.client.HTTPSConnection({host}{cert})
conn.request("DELETE", "{path}")
"""
API_PATH = "/sub/services/hostedservices/shop"


def _unread(tmp_path, monkeypatch, text: str) -> list[dict]:
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": text}, dedent=False)
    return data(unread_parts([r for estate in result.estates for d in estate.documents for r in d.resources]))


def test_a_request_on_a_connection_to_a_host_a_name_of_the_api_holds_is_not_read(tmp_path, monkeypatch):
    text = CONNECTION.format(host="MGMT_HOST", cert="", path=API_PATH)
    (part,) = _unread(tmp_path, monkeypatch, text)
    assert (part["line"], part["why"], part["cause"]) == (6, "request-url-undecided", "url-name")
    assert part["cause_message"] == "its URL is held by `MGMT_HOST`, a name of the API"


def test_a_request_on_a_connection_sending_a_certificate_in_a_file_naming_the_api_is_not_read(
    tmp_path, monkeypatch
):
    text = "from azure.servicemanagement import ServiceManagementService\n" + CONNECTION.format(
        host="HOST", cert=', cert_file="mgmt.pem"', path=API_PATH
    )
    (part,) = _unread(tmp_path, monkeypatch, text)
    assert (part["why"], part["cause"]) == ("request-url-undecided", "certificate")
    assert "mgmt.pem" in part["cause_message"]


@pytest.mark.parametrize(
    "text",
    [
        CONNECTION.format(host="HOST", cert="", path=API_PATH),
        CONNECTION.format(host="MGMT_HOST", cert="", path="/v1/status"),
        CONNECTION.format(host="MGMT_HOST", cert="", path=API_PATH).replace(
            "MGMT_HOST = sys.argv[2]", 'MGMT_HOST = "management.core.windows.net"'
        ),
    ],
    ids=["host-named-otherwise", "path-of-another-service", "api-host-stated"],
)
def test_a_request_nothing_ties_to_an_unstated_api_host_is_no_part_not_read(tmp_path, monkeypatch, text):
    assert _unread(tmp_path, monkeypatch, text) == []
