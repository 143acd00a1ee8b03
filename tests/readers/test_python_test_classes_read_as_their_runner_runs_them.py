"""Test classes read as their runner runs them, beyond a lone `unittest.TestCase` subclass: a TestCase named
through an alias, beside a mixin, or imported from another module under a name ending in "TestCase" (the
base's own `super().setUp()` and `super().tearDown()` do nothing to the resources); the setUp and tearDown a
class takes from a test class of the module; cleanups added in setUp (run after the test), in a nested
block, by a lambda, or by `cls.addClassCleanup`; unittest's order of tests (by name); and pytest's classes
(Test..., setup_method/teardown_method, setup_class/teardown_class)."""

from __future__ import annotations

import textwrap

from tests.readers.test_python_unittest_runs_set_up_test_and_tear_down import HEAD, _reserved

TEAR_DOWN = """
    def setUp(self):
        self.sms = ServiceManagementService(SUB, "mgmt.pem")

    def tearDown(self):
        self.sms.delete_reserved_ip_address("tmp-ip")

    def test_create(self):
        self.sms.create_reserved_ip_address("tmp-ip", "ip", "West Europe")
"""


def _case(header: str, body: str = TEAR_DOWN) -> str:
    return header + "\n" + textwrap.indent(textwrap.dedent(body), "    ")


def test_set_up_and_tear_down_taken_from_a_test_class_of_the_module():
    body = """
    class Base(unittest.TestCase):
        def setUp(self):
            self.sms = ServiceManagementService(SUB, "mgmt.pem")
            self.name = "tmp-ip"

        def tearDown(self):
            self.sms.delete_reserved_ip_address(self.name)

    class ReservedIpTest(Base):
        def test_create(self):
            self.sms.create_reserved_ip_address(self.name, "ip", "West Europe")
    """
    assert _reserved(body) == []


def test_test_case_through_an_alias_or_beside_a_mixin():
    assert _reserved(_case("import unittest as ut\nclass IpTest(ut.TestCase):")) == []
    assert _reserved(_case("class Mixin(object):\n    pass\nclass IpTest(Mixin, unittest.TestCase):")) == []


def test_a_test_case_base_imported_from_another_module():
    # As in azure-servicemanagement-legacy's tests: `class LegacyMgmtMiscTest(LegacyMgmtTestCase)`.
    body = """
    from tests.legacy_mgmt_testcase import LegacyMgmtTestCase

    class IpTest(LegacyMgmtTestCase):
        def setUp(self):
            super(IpTest, self).setUp()
            self.sms = ServiceManagementService(SUB, "mgmt.pem")

        def tearDown(self):
            self.sms.delete_reserved_ip_address("tmp-ip")
            return super(IpTest, self).tearDown()

        def test_create(self):
            self.sms.create_reserved_ip_address("tmp-ip", "ip", "West Europe")
    """
    assert _reserved(body) == []


def test_a_base_of_another_name_is_no_test_case():
    body = _case("from tests.helpers import Deployer\nclass IpTest(Deployer):")
    assert _reserved(body) == ["tmp-ip"]


def test_a_cleanup_added_in_set_up_runs_after_the_test():
    body = """
    class IpTest(unittest.TestCase):
        def setUp(self):
            self.sms = ServiceManagementService(SUB, "mgmt.pem")
            self.addCleanup(self.sms.delete_reserved_ip_address, "tmp-ip")

        def test_create(self):
            self.sms.create_reserved_ip_address("tmp-ip", "ip", "West Europe")
    """
    assert _reserved(body) == []


def test_cleanups_in_a_block_by_a_lambda_and_for_the_class():
    body = """
    class IpTest(unittest.TestCase):
        @classmethod
        def setUpClass(cls):
            cls.sms = ServiceManagementService(SUB, "mgmt.pem")
            cls.sms.create_reserved_ip_address("class-ip", "ip", "West Europe")
            cls.addClassCleanup(cls.sms.delete_reserved_ip_address, "class-ip")

        def setUp(self):
            self.sms = ServiceManagementService(SUB, "mgmt.pem")

        def test_block(self):
            with open("ips.txt") as ips:
                self.sms.create_reserved_ip_address("block-ip", "ip", "West Europe")
                self.addCleanup(self.sms.delete_reserved_ip_address, "block-ip")

        def test_lambda(self):
            self.sms.create_reserved_ip_address("lambda-ip", "ip", "West Europe")
            self.addCleanup(lambda: self.sms.delete_reserved_ip_address("lambda-ip"))
    """
    assert _reserved(body) == []


def test_unittest_runs_the_tests_in_the_order_of_their_names():
    body = """
    class IpTest(unittest.TestCase):
        def setUp(self):
            self.sms = ServiceManagementService(SUB, "mgmt.pem")

        def test_b_create(self):
            self.sms.create_reserved_ip_address("order-ip", "ip", "West Europe")

        def test_a_delete(self):
            self.sms.delete_reserved_ip_address("order-ip")
    """
    assert _reserved(body) == ["order-ip"]


def test_a_pytest_class_runs_by_its_xunit_names():
    body = """
    class TestIps:
        @classmethod
        def setup_class(cls):
            cls.sms = ServiceManagementService(SUB, "mgmt.pem")
            cls.sms.create_reserved_ip_address("class-ip", "ip", "West Europe")

        @classmethod
        def teardown_class(cls):
            cls.sms.delete_reserved_ip_address("class-ip")

        def setup_method(self, method):
            self.sms = ServiceManagementService(SUB, "mgmt.pem")

        def teardown_method(self, method):
            self.sms.delete_reserved_ip_address("tmp-ip")

        def test_create(self):
            self.sms.create_reserved_ip_address("tmp-ip", "ip", "West Europe")
    """
    assert _reserved(body, HEAD) == []


def test_a_class_pytest_does_not_collect_keeps_what_it_creates():
    # pytest collects no class with an __init__, nor one not named Test...
    with_init = _case("class TestIps:\n    def __init__(self):\n        pass", TEAR_DOWN)
    assert _reserved(with_init) == ["tmp-ip"]
    assert _reserved(_case("class IpChecks:", TEAR_DOWN)) == ["tmp-ip"]


def test_a_test_a_decorator_may_skip_is_not_run():
    # A decorated test may not run (the reader follows no decorator): what it deletes stays listed.
    body = """
    class IpTest(unittest.TestCase):
        @classmethod
        def setUpClass(cls):
            cls.sms = ServiceManagementService(SUB, "mgmt.pem")
            cls.sms.create_reserved_ip_address("class-ip", "ip", "West Europe")

        def setUp(self):
            self.sms = ServiceManagementService(SUB, "mgmt.pem")

        @unittest.skipIf(True, "not on this subscription")
        def test_delete(self):
            self.sms.delete_reserved_ip_address("class-ip")

        def test_nothing(self):
            pass
    """
    assert _reserved(body) == ["class-ip"]
