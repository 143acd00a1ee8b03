"""A Python REST client of the Service Management API whose URL a property builds (`@property def
base_url(self): return 'https://%s/%s' % (HOST, self.sub_id)`), in its own class or in a base class of a
module beside it (`from util import *`, `class HostedServices(ServiceManagementEndpoint)`), sends its
requests to the host that module states: the property is read as its getter's return, `super().base_url`
as the base class's, so MIG601 names each request by its method and URL, says that a create fails today,
and points at the call that sends it. A request made with urllib's `Request` subclassed to take the method
first (`RequestWithMethod('POST', url)`) is such a call. The base class's own requests that the script
never runs (`get_operation_status`) are the module's, reported once, in its own check."""

from __future__ import annotations

from lint_support import lint_files, where

CREATE = "POST management.core.windows.net/<subscription-id>/services/hostedservices"
CREATE_ACCOUNT = "POST management.core.windows.net/<subscription-id>/services/storageservices"

ONE_FILE = """\
import requests
from urllib.request import Request, urlopen

HOST = "management.core.windows.net"


class Endpoint:
    def __init__(self, subscription_id):
        self.subscription_id = subscription_id

    @property
    def base_url(self):
        return f"https://{HOST}/{self.subscription_id}"


class Services(Endpoint):
    @property
    def services(self):
        return self.base_url + "/services/hostedservices"

    def create(self, body):
        return requests.post(self.services, data=body, cert="c.pem")
"""


def test_a_property_of_the_script_s_own_class_is_its_getter_s_url(tmp_path, monkeypatch):
    [finding] = lint_files(tmp_path, monkeypatch, {"c.py": ONE_FILE}, "MIG601", dedent=False).findings
    assert f"its calls that create classic cloud services ({CREATE}) fail today" in finding.message
    assert where([finding]) == ["MIG601 c.py:22:25"]


REQUEST_WITH_METHOD = """\
from urllib.request import Request, urlopen

URL = "https://management.core.windows.net/sub/services/storageservices"


class MethodRequest(Request):
    def __init__(self, verb, url, data=None):
        self.verb = verb
        super().__init__(url, data)

    def get_method(self):
        return self.verb


urlopen(MethodRequest("POST", URL, b"<CreateStorageServiceInput/>"))
"""


def test_a_urllib_request_subclassed_to_take_the_method_first_sends_that_method(tmp_path, monkeypatch):
    files = {"c.py": REQUEST_WITH_METHOD}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False).findings
    assert f"its calls that create classic storage accounts ({CREATE_ACCOUNT}) fail today" in finding.message
