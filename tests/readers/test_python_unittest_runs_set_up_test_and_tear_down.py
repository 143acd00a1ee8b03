"""A Python test module's TestCase classes are read as unittest runs them: for each test method, a new
instance, setUp, the test, tearDown, then the cleanups the test added, the last added first; setUpClass
before the class's first test and tearDownClass after its last. So a reserved IP a test creates and
tearDown (or a cleanup, or tearDownClass) deletes is not left to migrate, and one only created is."""

from __future__ import annotations

import textwrap

from lint_support import script_resources

from migcheck.model import ReservedIp

HEAD = """\
import unittest
from azure.servicemanagement import ServiceManagementService

SUB = "11111111-2222-3333-4444-555555555555"
"""


def _reserved(body: str, head: str = HEAD) -> list[str]:
    resources = script_resources(head + textwrap.dedent(body), "test_ips.py")
    return sorted(r.name for r in resources if isinstance(r, ReservedIp))


SET_UP_AND_TEAR_DOWN = """
class ReservedIpTest(unittest.TestCase):
    def setUp(self):
        self.sms = ServiceManagementService(SUB, "mgmt.pem")
        self.name = "tmp-ip"

    def tearDown(self):
        self.sms.delete_reserved_ip_address(self.name)

    def test_create(self):
        self.sms.create_reserved_ip_address(self.name, "ip", "West Europe")
"""


def test_what_a_test_creates_and_tear_down_deletes_is_gone():
    assert _reserved(SET_UP_AND_TEAR_DOWN) == []


def test_a_test_case_imported_by_name_is_run_alike():
    head = HEAD.replace("import unittest\n", "from unittest import TestCase\n")
    body = SET_UP_AND_TEAR_DOWN.replace("unittest.TestCase", "TestCase")
    assert _reserved(body, head) == []


def test_cleanups_and_the_class_s_set_up_and_tear_down():
    body = """
    class NetworkTest(unittest.TestCase):
        @classmethod
        def setUpClass(cls):
            cls.sms = ServiceManagementService(SUB, "mgmt.pem")
            cls.sms.create_reserved_ip_address("class-ip", "ip", "West Europe")

        @classmethod
        def tearDownClass(cls):
            cls.sms.delete_reserved_ip_address("class-ip")

        def setUp(self):
            self.sms = ServiceManagementService(SUB, "mgmt.pem")

        def test_cleanup(self):
            self.addCleanup(self.sms.delete_reserved_ip_address, "clean-ip")
            self.sms.create_reserved_ip_address("clean-ip", "ip", "West Europe")
            self.assertTrue(True)

        def test_kept(self):
            self.sms.create_reserved_ip_address("kept-ip", "ip", "West Europe")
    """
    assert _reserved(body) == ["kept-ip"]


def test_a_class_that_is_no_test_case_keeps_what_it_creates():
    # Nothing runs its methods: what they create is listed, what they delete is not taken away.
    body = SET_UP_AND_TEAR_DOWN.replace("unittest.TestCase", "object")
    assert _reserved(body) != []
