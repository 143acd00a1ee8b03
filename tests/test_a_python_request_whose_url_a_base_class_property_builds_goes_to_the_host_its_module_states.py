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
OPERATION = "GET management.core.windows.net/<subscription-id>/operations/<...>"

# Python 2, as the SDK's era wrote it (`except urllib2.HTTPError, e:`).
UTIL = """\
import urllib2
import httplib

SERVICE_MANAGEMENT_HOST = "management.core.windows.net"


class RequestWithMethod(urllib2.Request):
    def __init__(self, method, *args, **kwargs):
        self._method = method
        urllib2.Request.__init__(self, *args, **kwargs)

    def get_method(self):
        return self._method


class ServiceManagementEndpoint(object):
    def __init__(self, cert_path, subscription_id):
        self.sub_id = subscription_id
        self._opener = urllib2.build_opener()

    @property
    def base_url(self):
        return 'https://%s/%s' % (SERVICE_MANAGEMENT_HOST, self.sub_id)

    def urlopen(self, request):
        try:
            return self._opener.open(request)
        except urllib2.HTTPError, e:
            raise

    def get_operation_status(self, request_id):
        req = RequestWithMethod('GET', 'https://%s/%s/operations/%s' %
            (SERVICE_MANAGEMENT_HOST, self.sub_id, request_id))
        return self.urlopen(req)
"""

HOSTED_SERVICES = """\
import httplib
from util import *


class HostedServices(ServiceManagementEndpoint):
    @property
    def base_url(self):
        return super(HostedServices, self).base_url \\
            + '/services/hostedservices'

    def create_service(self, service_name, label, location):
        req = RequestWithMethod('POST', self.base_url)
        req.add_data(build_body(service_name, label, location))
        res = self.urlopen(req)
        return res.code == httplib.CREATED
"""

STORAGE_ACCOUNTS = """\
from util import ServiceManagementEndpoint, RequestWithMethod


class StorageAccounts(ServiceManagementEndpoint):
    @property
    def base_url(self):
        return super().base_url + '/services/storageservices'

    def create_storage_account(self, name, label, location):
        req = RequestWithMethod('POST', self.base_url)
        req.add_data(build_body(name, label, location))
        return self.urlopen(req)
"""


def _client(tmp_path, monkeypatch):
    files = {"util.py": UTIL, "hostedservices.py": HOSTED_SERVICES, "storageaccounts.py": STORAGE_ACCOUNTS}
    findings = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False).findings
    return {f.location.path.rpartition("/")[2]: f for f in findings if f.location}


def test_a_create_through_a_base_class_property_names_the_host_the_module_states_and_fails_today(
    tmp_path, monkeypatch
):
    found = _client(tmp_path, monkeypatch)
    hosted = found["hostedservices.py"].message
    assert f"uses the Service Management API ({CREATE})" in hosted
    assert f"its calls that create classic cloud services ({CREATE}) fail today" in hosted
    assert "<...>/<subscription-id>" not in hosted
    accounts = found["storageaccounts.py"].message
    assert f"its calls that create classic storage accounts ({CREATE_ACCOUNT}) fail today" in accounts


def test_the_finding_points_at_the_request_not_at_the_property_that_builds_its_url(tmp_path, monkeypatch):
    found = _client(tmp_path, monkeypatch)
    assert [w.partition(":")[2] for w in where([found["hostedservices.py"]])] == ["12:15"]
    assert [w.partition(":")[2] for w in where([found["storageaccounts.py"]])] == ["10:15"]


def test_the_base_class_s_own_request_is_its_module_s_finding_once(tmp_path, monkeypatch):
    found = _client(tmp_path, monkeypatch)
    assert f"uses the Service Management API ({OPERATION})" in found["util.py"].message
    assert [w.partition(":")[2] for w in where([found["util.py"]])] == ["32:15"]
    assert "/operations/" not in found["hostedservices.py"].message
    assert "/operations/" not in found["storageaccounts.py"].message


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
