"""Cost stays linear in the size of a Python script with many test classes (which setUp makes each
instance is decided once for the module, not by a walk of the module per class) and with many second
names of lists (`names = roles`, filed in one pass over the script's events, not one pass per name)."""

from __future__ import annotations

from growth import assert_linear

from migcheck.readers import read_document

HEAD = "import unittest\nfrom azure.servicemanagement import ServiceManagementService\n"


def _test_classes(count: int) -> bytes:
    one = (
        "class Case{n}(unittest.TestCase):\n"
        "    def setUp(self):\n"
        "        self.sms{n} = ServiceManagementService('sub', 'mgmt.pem')\n"
        "    def tearDown(self):\n"
        "        self.sms{n}.delete_reserved_ip_address('ip{n}')\n"
        "    def test_create(self):\n"
        "        self.sms{n}.create_reserved_ip_address('ip{n}', 'label', 'West Europe')\n"
    )
    return (HEAD + "".join(one.format(n=n) for n in range(count))).encode()


def _second_names(count: int) -> bytes:
    one = "roles{n} = []\nnames{n} = roles{n}\nnames{n}.append('r{n}')\n"
    return (HEAD + "".join(one.format(n=n) for n in range(count))).encode()


def test_many_test_classes():
    assert_linear(lambda n: lambda: read_document("test_ips.py", _test_classes(n), explicit=True), 150)


def test_many_second_names_of_lists():
    assert_linear(lambda n: lambda: read_document("names.py", _second_names(n), explicit=True), 1000)
