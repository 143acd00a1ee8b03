"""A Python client of the Service Management API whose class gives an attribute a default in its body
(`url = ''`, `url = None`, `host = ''`) and sets it in `__init__` to an address on the API's host sends its
requests to the API: MIG601 lists them, whether sent with `requests`, `urllib` or on an `http.client`
connection. Where an instance may keep the default (`__init__` sets the attribute under an `if`, or after
calling a method of its own that may read it), which of the attribute's values a request goes to is not
decided, so what its path names is not read (no cloud service is said to change) and the part is said not
read, once for the script. Where `__init__` sets it first thing on every path, no instance keeps the
default: the request goes to the address `__init__` sets, read whole. An attribute set only to other
addresses, or set to the API's by another class, makes no request classic."""

from __future__ import annotations

import pytest
from lint_support import run_cli, script_resources

from migcheck.model import REQUEST_ATTRIBUTE_UNDECIDED, Script

REQUESTS_CLIENT = """\
import requests

class Client:
    url = DEFAULT

    def __init__(self, live=True):
        if live:
            self.url = 'https://management.core.windows.net/sub/services/hostedservices'

    def list(self):
        return requests.get(self.url, cert='c.pem')
"""

# The shape of a certificate rotation tool: the host is a parameter's default, kept in an attribute that
# has a default of its own, and the URL is built from it in `__init__`.
CERTIFICATES_CLIENT = """\
import requests

class rdfe_client:
    management_endpoint = ''
    subscription_id = ''
    url = ''

    def __init__(self, _subscription_id: str, _endpoint: str = "management.core.windows.net"):
        self.management_endpoint = _endpoint
        self.subscription_id = _subscription_id
        self.url = 'https://{0}/{1}/certificates'.format(self.management_endpoint, self.subscription_id)

    def delete_management_cert(self, thumbprint):
        session = requests.Session()
        return session.delete("{0}/{1}".format(self.url, thumbprint))
"""

URLLIB_CLIENT = """\
import urllib.request

class Client:
    base = None

    def __init__(self, sub):
        self.base = 'https://management.core.windows.net/%s/services/hostedservices' % sub

    def delete(self, name):
        return urllib.request.urlopen(urllib.request.Request(self.base + '/' + name, method='DELETE'))
"""

CONNECTION_CLIENT = """\
import http.client

class Client:
    conn = None
    host = ''

    def __init__(self, live=True):
        if live:
            self.host = 'management.core.windows.net'
        self.conn = http.client.HTTPSConnection(self.host)

    def list(self):
        self.conn.request('GET', '/sub/services/hostedservices')
        return self.conn.getresponse()
"""

DELETE_NAMED_SERVICE = """\
import requests

class Remover:
    url = ''

    def __init__(self, live=True):
        if live:
            self.url = 'https://management.core.windows.net/sub/services/hostedservices/websvc1'

    def remove(self):
        return requests.delete(self.url, cert='c.pem')
"""

SDK_CLIENT = """\
from azure.servicemanagement import ServiceManagementService

class Deployer:
    sms = None
    service_name = ''

    def __init__(self):
        self.service_name = 'websvc1'
        self.sms = ServiceManagementService('sub', 'c.pem')

    def create(self):
        self.sms.create_hosted_service(self.service_name, 'label', location='West US')
"""


def _scripts(text: str) -> list[Script]:
    return [r for r in script_resources(text, "client.py") if isinstance(r, Script)]


def _calls(text: str) -> list[str]:
    return [call.name for script in _scripts(text) for call in script.calls]


def _undecided(text: str) -> list[tuple[int, int]]:
    return [
        (m.line, m.column) for s in _scripts(text) for m in s.unread if m.tag == REQUEST_ATTRIBUTE_UNDECIDED
    ]


@pytest.mark.parametrize("default", ["''", "None", "'https://example.com/'"])
def test_a_requests_get_of_an_attribute_with_a_class_default_is_a_request_to_the_api(default: str) -> None:
    text = REQUESTS_CLIENT.replace("DEFAULT", default)
    assert _calls(text) == ["GET management.core.windows.net/<subscription-id>/services/hostedservices"]
    assert _undecided(text) == [(11, 25)]


def test_a_url_built_from_a_host_a_parameter_defaults_to_is_a_request_to_the_api() -> None:
    assert _calls(CERTIFICATES_CLIENT) == [
        "DELETE management.core.windows.net/<subscription-id>/certificates/<...>"
    ]


def test_a_urllib_request_to_an_attribute_with_a_class_default_is_a_request_to_the_api() -> None:
    calls = _calls(URLLIB_CLIENT)
    assert calls == ["DELETE management.core.windows.net/<subscription-id>/services/hostedservices/<...>"]


def test_a_request_on_a_connection_to_a_host_an_attribute_may_hold_is_a_request_to_the_api() -> None:
    assert _calls(CONNECTION_CLIENT) == [
        "GET management.core.windows.net/<subscription-id>/services/hostedservices"
    ]
    assert _undecided(CONNECTION_CLIENT) == [(13, 19)]


def test_what_the_path_names_is_not_read_while_the_url_is_undecided() -> None:
    (script,) = _scripts(DELETE_NAMED_SERVICE)
    assert script.changes == ()
    (decided,) = _scripts(DELETE_NAMED_SERVICE.replace("    url = ''\n", ""))
    assert [call.changes for call in decided.changes] == [(("cloud-service", "websvc1"),)]
    assert _undecided(DELETE_NAMED_SERVICE.replace("    url = ''\n", "")) == []


def test_an_attribute_set_only_to_other_addresses_makes_no_request_to_the_api() -> None:
    text = REQUESTS_CLIENT.replace("DEFAULT", "''").replace(
        "https://management.core.windows.net/sub/services/hostedservices", "https://example.com/api"
    )
    assert _calls(text + "TOKEN_AUDIENCE = 'https://management.core.windows.net/'\n") == []


def test_another_class_setting_the_name_to_the_api_makes_no_request_of_this_one_classic() -> None:
    other = """
class Other:
    def __init__(self):
        self.url = 'https://management.core.windows.net/sub/services/hostedservices'
"""
    text = REQUESTS_CLIENT.replace("DEFAULT", "''").replace(
        "https://management.core.windows.net/sub/services/hostedservices", "https://example.com/api"
    )
    assert _calls(text + other) == []


def test_an_sdk_client_an_attribute_defaults_to_none_in_the_class_is_read() -> None:
    assert _calls(SDK_CLIENT) == ["ServiceManagementService", "create_hosted_service"]


def test_check_says_the_request_is_not_read_as_written(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "client.py").write_text(REQUESTS_CLIENT.replace("DEFAULT", "''"))
    _code, out, err = run_cli(capsys, "check", str(tmp_path), "--verbose")
    assert "client.py:11:25: MIG601" in out
    assert "this line sends a request to an address an attribute holds" in err


ALWAYS_SET = """\
import requests

class Rdfe:
    url = ''

    def __init__(self, sub):
        self.url = 'https://management.core.windows.net/{0}/services/hostedservices/websvc1'.format(sub)

    def remove(self):
        return requests.delete(self.url)
"""


def test_a_default_the_constructor_always_replaces_first_is_no_value_of_the_request() -> None:
    assert _calls(ALWAYS_SET) == [
        "DELETE management.core.windows.net/<subscription-id>/services/hostedservices/websvc1"
    ]
    assert _undecided(ALWAYS_SET) == []
    (script,) = _scripts(ALWAYS_SET)
    assert [call.changes for call in script.changes] == [(("cloud-service", "websvc1"),)]


def test_a_default_a_method_called_before_the_constructor_sets_it_may_read_is_still_a_value() -> None:
    text = ALWAYS_SET.replace("        self.url =", "        self.login()\n        self.url =")
    assert _undecided(text) == [(11, 25)]
