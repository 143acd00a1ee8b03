"""MIG601 shows a Python script where it makes its Service Management client at its top level
(`sms = ServiceManagementService(...)`), not at its first call, which may be in a helper written above it
(`def wait(request_id): return sms.get_operation_status(request_id)`). A client made only in a function
(a test's, a tool's) leaves the finding at the first call."""

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


def test_the_finding_is_where_the_script_makes_its_client(tmp_path, monkeypatch):
    found = lint_files(tmp_path, monkeypatch, {"deploy.py": HELPER_FIRST}, "MIG601", dedent=False)
    assert where(found.findings) == ["MIG601 deploy.py:8:7"]


def test_a_client_made_in_a_function_leaves_it_at_the_first_call(tmp_path, monkeypatch):
    found = lint_files(tmp_path, monkeypatch, {"tool.py": MADE_IN_A_FUNCTION}, "MIG601", dedent=False)
    assert where(found.findings) == ["MIG601 tool.py:5:16"]
