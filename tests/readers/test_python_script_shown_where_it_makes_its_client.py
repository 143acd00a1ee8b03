"""MIG601 shows a Python script where it makes its Service Management client at its top level
(`sms = ServiceManagementService(...)`), not at its first call, which may be in a helper written above it
(`def wait(request_id): return sms.get_operation_status(request_id)`). A client made only in a function
(a test's, a tool's) leaves the finding at the first call. A client a class's `__init__` makes
(`self.sms = ServiceManagementService(...)`) runs at the one call of the class that makes its instance,
before the methods called on it: the finding is there too, not at a method written above `__init__`."""

from __future__ import annotations

from lint_support import lint_files, where

HELPER_FIRST = """\
from azure.servicemanagement import ServiceManagementService


def wait(request_id):
    return sms.get_operation_status(request_id)


sms = ServiceManagementService('sub', 'cert.pem')
sms.create_hosted_service('svc', label='svc', location='West US')
"""

MADE_IN_A_FUNCTION = """\
from azure.servicemanagement import ServiceManagementService


def wait(sms, request_id):
    return sms.get_operation_status(request_id)


def connect():
    return ServiceManagementService('sub', 'cert.pem')
"""

MADE_IN_INIT = """\
from azure.servicemanagement import ServiceManagementService


class Deployer:
    def wait(self, request_id):
        return self.sms.get_operation_status(request_id)

    def __init__(self, subscription):
        self.sms = ServiceManagementService(subscription, 'cert.pem')

    def deploy(self):
        result = self.sms.create_hosted_service('shop', label='shop', location='West US')
        self.wait(result.request_id)


Deployer('sub').deploy()
"""


def test_the_finding_is_where_the_script_makes_its_client(tmp_path, monkeypatch):
    found = lint_files(tmp_path, monkeypatch, {"deploy.py": HELPER_FIRST}, "MIG601", dedent=False)
    assert where(found.findings) == ["MIG601 deploy.py:8:7"]


def test_a_client_made_in_a_function_leaves_it_at_the_first_call(tmp_path, monkeypatch):
    found = lint_files(tmp_path, monkeypatch, {"tool.py": MADE_IN_A_FUNCTION}, "MIG601", dedent=False)
    assert where(found.findings) == ["MIG601 tool.py:5:16"]


def test_the_finding_is_where_the_init_of_the_one_instance_makes_its_client(tmp_path, monkeypatch):
    found = lint_files(tmp_path, monkeypatch, {"deploy.py": MADE_IN_INIT}, "MIG601", dedent=False)
    assert where(found.findings) == ["MIG601 deploy.py:9:20"]
