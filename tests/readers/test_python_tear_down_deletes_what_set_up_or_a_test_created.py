"""unittest runs tearDown after each test whose setUp ended, a failing test too: what setUp or the test
created and tearDown surely deletes (a reserved IP, a deployment by delete_deployment or by
delete_hosted_service with `complete`) is gone, and no plan step moves it. A delete that may not run (under
an `if`, in a `try`), or after a setUp that may end before tearDown can run, leaves it."""

from __future__ import annotations

import textwrap

from lint_support import script_resources

from migcheck.model import Deployment, ReservedIp

HEAD = """\
import unittest
from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk

SUB = "11111111-2222-3333-4444-555555555555"
"""


def _names(body: str) -> list[str]:
    resources = script_resources(HEAD + textwrap.dedent(body), "test_things.py")
    found = [r.name for r in resources if isinstance(r, ReservedIp)]
    found += [d.service_name for d in resources if isinstance(d, Deployment)]
    return sorted(found)


RESERVED_IN_SET_UP = """
class ReservedIpTest(unittest.TestCase):
    def setUp(self):
        self.sms = ServiceManagementService(SUB, "mgmt.pem")
        self.name = "tmp-ip"
        self.sms.create_reserved_ip_address(self.name, "ip", "West Europe")

    def test_one(self):
        pass

    def test_two(self):
        pass

    def tearDown(self):
        self.sms.delete_reserved_ip_address(self.name)
"""


def test_a_reserved_ip_set_up_creates_and_tear_down_deletes_is_gone():
    assert _names(RESERVED_IN_SET_UP) == []


def test_pytest_s_setup_method_and_teardown_method_alike():
    body = RESERVED_IN_SET_UP.replace("(unittest.TestCase)", "").replace("ReservedIpTest", "TestReservedIp")
    body = body.replace("def setUp(self)", "def setup_method(self, method)")
    assert _names(body.replace("def tearDown(self)", "def teardown_method(self, method)")) == []


def test_a_delete_under_an_if_leaves_it():
    body = RESERVED_IN_SET_UP.replace(
        "        self.sms.delete_reserved_ip_address(self.name)",
        "        if self.name:\n            self.sms.delete_reserved_ip_address(self.name)",
    )
    assert _names(body) == ["tmp-ip"]


def test_a_set_up_that_may_fail_after_the_creation_leaves_it():
    body = RESERVED_IN_SET_UP.replace(
        '"West Europe")\n',
        '"West Europe")\n        if not self.sms:\n            raise RuntimeError("no client")\n',
    )
    assert _names(body) == ["tmp-ip"]


def test_a_subclass_with_no_tear_down_leaves_what_the_shared_set_up_creates():
    body = RESERVED_IN_SET_UP + textwrap.dedent(
        """
        class Other(ReservedIpTest):
            def tearDown(self):
                pass
        """
    )
    assert len(_names(body)) == 1  # the subclass runs the setUp and no delete


DEPLOYED_IN_THE_TEST = """
class VmTest(unittest.TestCase):
    def setUp(self):
        self.sms = ServiceManagementService(SUB, "mgmt.pem")
        self.name = "svc-under-test"

    def test_vm(self):
        self.sms.create_hosted_service(self.name, "label", location="West Europe")
        disk = OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/os.vhd")
        config = LinuxConfigurationSet("vm", "azureuser", "Secret123!", True)
        self.sms.create_virtual_machine_deployment(
            self.name, self.name, "production", "label", "vm", config, disk, role_size="Small"
        )

    def tearDown(self):
        self.sms.delete_hosted_service(self.name, complete=True)
"""


def test_a_deployment_tear_down_deletes_with_its_cloud_service_is_gone():
    assert _names(DEPLOYED_IN_THE_TEST) == []


def test_a_deployment_tear_down_deletes_before_its_cloud_service_is_gone():
    body = DEPLOYED_IN_THE_TEST.replace(
        "        self.sms.delete_hosted_service(self.name, complete=True)",
        "        self.sms.delete_deployment(self.name, self.name)\n        self.sms.delete_hosted_service(self.name)",
    )
    assert _names(body) == []


def test_a_cloud_service_delete_without_complete_or_in_a_try_leaves_the_deployment():
    incomplete = DEPLOYED_IN_THE_TEST.replace(", complete=True)", ")")
    tried = DEPLOYED_IN_THE_TEST.replace(
        "        self.sms.delete_hosted_service(self.name, complete=True)",
        "        try:\n            self.sms.delete_hosted_service(self.name, complete=True)\n"
        "        except Exception:\n            pass",
    )
    assert _names(incomplete) == ["svc-under-test"]
    assert _names(tried) == ["svc-under-test"]
