"""A module of a Python package that imports another of the package by the package's name (`from
pyazure.util import RequestWithMethod` in `pyazure/hostedservices.py`, run as `python -m
pyazure.hostedservices`) takes it as Python does: its urllib `Request` subclass that takes the method first
sends that method, so a Create Hosted Service, Create Deployment or Create Storage Account request is said
to fail today, where the request was read as one of unknown method that only stops working once migrated.
So does one that imports the module whole (`import pyazure.util`, then `pyazure.util.RequestWithMethod(...)`;
`from pyazure import endpoints`, then `class HostedServices(endpoints.ServiceManagementEndpoint)`).
A `Request` subclass whose `get_method` returns a method it states (`return "POST"`) sends that method,
where its requests were not read at all."""

from __future__ import annotations

from lint_support import lint_files, where

CREATE = "POST management.core.windows.net/<subscription-id>/services/hostedservices"
DEPLOY = f"{CREATE}/<...>/deploymentslots/<...>"
CREATE_ACCOUNT = "POST management.core.windows.net/<subscription-id>/services/storageservices"

UTIL = """\
\"\"\"Python wrapper around the Windows Azure storage and management APIs.\"\"\"
from urllib2 import Request, urlopen


class RequestWithMethod(Request):
    def __init__(self, method, *args, **kwargs):
        self._method = method
        Request.__init__(self, *args, **kwargs)

    def get_method(self):
        return self._method
"""

PACKAGE = """\
import urllib2

MANAGEMENT_HOST = 'management.core.windows.net'


class ServiceManagementEndpoint(object):
    def __init__(self, subscription_id):
        self.sub_id = subscription_id

    @property
    def base_url(self):
        return 'https://%s/%s' % (MANAGEMENT_HOST, self.sub_id)

    def urlopen(self, request):
        return urllib2.urlopen(request)
"""

HOSTED_SERVICES = """\
from pyazure import ServiceManagementEndpoint
from pyazure.util import RequestWithMethod


class HostedServices(ServiceManagementEndpoint):
    @property
    def base_url(self):
        return super(HostedServices, self).base_url + '/services/hostedservices'

    def create_service(self, name):
        req = RequestWithMethod('POST', self.base_url)
        return self.urlopen(req)

    def create_deployment(self, service_name, deployment_slot):
        req = RequestWithMethod('POST', '%s/%s/deploymentslots/%s' % (self.base_url, service_name, deployment_slot))
        return self.urlopen(req)
"""

STORAGE_ACCOUNTS = """\
from pyazure import ServiceManagementEndpoint
from pyazure.util import RequestWithMethod


class StorageAccounts(ServiceManagementEndpoint):
    @property
    def base_url(self):
        return super(StorageAccounts, self).base_url + '/services/storageservices'

    def create_storage_account(self, name):
        return self.urlopen(RequestWithMethod('POST', self.base_url))
"""


def _found(tmp_path, monkeypatch):
    files = {
        "pyazure/__init__.py": PACKAGE,
        "pyazure/util.py": UTIL,
        "pyazure/hostedservices.py": HOSTED_SERVICES,
        "pyazure/storageaccounts.py": STORAGE_ACCOUNTS,
    }
    findings = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False).findings
    return {f.location.path.rpartition("/")[2]: f for f in findings if f.location}


def test_the_package_s_request_class_sends_the_method_it_is_given_and_a_create_fails_today(
    tmp_path, monkeypatch
):
    found = _found(tmp_path, monkeypatch)
    hosted = found["hostedservices.py"].message
    assert f"its calls that create classic cloud services ({CREATE}, {DEPLOY}) fail today" in hosted
    accounts = found["storageaccounts.py"].message
    assert f"its calls that create classic storage accounts ({CREATE_ACCOUNT}) fail today" in accounts


def test_the_finding_points_at_the_request_not_at_the_property_that_builds_its_url(tmp_path, monkeypatch):
    found = _found(tmp_path, monkeypatch)
    assert where([found["hostedservices.py"]]) == ["MIG601 pyazure/hostedservices.py:11:15"]


def test_a_module_named_by_another_package_s_name_is_not_looked_for_above(tmp_path, monkeypatch):
    files = {
        "other/util.py": UTIL,
        "pyazure/__init__.py": PACKAGE,
        "pyazure/hostedservices.py": HOSTED_SERVICES.replace("pyazure.util", "other.util"),
    }
    findings = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False).findings
    [hosted] = [f for f in findings if f.location and f.location.path.endswith("hostedservices.py")]
    assert "fail today" not in hosted.message


FIXED_METHOD = """\
from urllib.request import Request, urlopen

API = "https://management.core.windows.net/sub"


class CreateRequest(Request):
    def get_method(self):
        return "POST"


class DeleteRequest(Request):
    def __init__(self, url, headers=None):
        super().__init__(url, headers=headers or {})

    def get_method(self):
        \"\"\"Always a DELETE.\"\"\"
        return "DELETE"


urlopen(CreateRequest(API + "/services/storageservices", b"<CreateStorageServiceInput/>"))
urlopen(DeleteRequest(API + "/services/hostedservices/shop"))
"""


def test_a_request_class_whose_get_method_states_the_method_sends_that_method(tmp_path, monkeypatch):
    [finding] = lint_files(tmp_path, monkeypatch, {"c.py": FIXED_METHOD}, "MIG601", dedent=False).findings
    assert f"its calls that create classic storage accounts ({CREATE_ACCOUNT}) fail today" in finding.message
    assert (
        "DELETE management.core.windows.net/<subscription-id>/services/hostedservices/shop" in finding.message
    )


def test_the_request_class_used_through_an_import_of_the_whole_module_is_taken_alike(tmp_path, monkeypatch):
    # `import pyazure.util` binds `pyazure`; the class is used by the module's dotted name.
    hosted = HOSTED_SERVICES.replace("from pyazure.util import RequestWithMethod", "import pyazure.util")
    hosted = hosted.replace("RequestWithMethod(", "pyazure.util.RequestWithMethod(")
    files = {"pyazure/__init__.py": PACKAGE, "pyazure/util.py": UTIL, "pyazure/hostedservices.py": hosted}
    findings = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False).findings
    [found] = [f for f in findings if f.location and f.location.path.endswith("hostedservices.py")]
    assert f"its calls that create classic cloud services ({CREATE}, {DEPLOY}) fail today" in found.message
    assert where([found]) == ["MIG601 pyazure/hostedservices.py:11:15"]


def test_a_base_class_taken_from_a_module_imported_whole_gives_its_properties(tmp_path, monkeypatch):
    # `class HostedServices(endpoints.ServiceManagementEndpoint)`: the base's `base_url` names the host.
    hosted = HOSTED_SERVICES.replace(
        "from pyazure import ServiceManagementEndpoint", "from pyazure import endpoints"
    )
    hosted = hosted.replace("(ServiceManagementEndpoint)", "(endpoints.ServiceManagementEndpoint)")
    files = {
        "pyazure/__init__.py": "",
        "pyazure/endpoints.py": PACKAGE,
        "pyazure/util.py": UTIL,
        "pyazure/hostedservices.py": hosted,
    }
    findings = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False).findings
    [found] = [f for f in findings if f.location and f.location.path.endswith("hostedservices.py")]
    assert f"its calls that create classic cloud services ({CREATE}, {DEPLOY}) fail today" in found.message


WHOLE = (
    HOSTED_SERVICES.replace("from pyazure import ServiceManagementEndpoint", "import pyazure")
    .replace("from pyazure.util import RequestWithMethod", "import pyazure.util")
    .replace("(ServiceManagementEndpoint)", "(pyazure.ServiceManagementEndpoint)")
    .replace("RequestWithMethod(", "pyazure.util.RequestWithMethod(")
)


def _hosted_services_message(tmp_path, monkeypatch, hosted: str) -> str:
    files = {"pyazure/__init__.py": PACKAGE, "pyazure/util.py": UTIL, "pyazure/hostedservices.py": hosted}
    findings = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False).findings
    [found] = [f for f in findings if f.location and f.location.path.endswith("hostedservices.py")]
    return found.message


def test_the_package_and_its_module_imported_whole_both_bind_the_package_s_name(tmp_path, monkeypatch):
    # `import pyazure` and `import pyazure.util` both bind `pyazure`, to the package: neither hides the other.
    message = _hosted_services_message(tmp_path, monkeypatch, WHOLE)
    assert f"its calls that create classic cloud services ({CREATE}, {DEPLOY}) fail today" in message


def test_the_package_s_name_bound_to_something_else_is_not_followed(tmp_path, monkeypatch):
    hosted = WHOLE.replace("import pyazure.util\n", "import pyazure.util\npyazure = None\n")
    message = _hosted_services_message(tmp_path, monkeypatch, hosted)
    assert "fail today" not in message
