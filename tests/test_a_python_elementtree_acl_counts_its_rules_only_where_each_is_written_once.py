"""An endpoint ACL a Python script builds with ElementTree (`SubElement(rules, 'Rule')`) has as many rules as
it writes `Rule` elements only where each is written once, in the ACL's own block: MIG201 then counts them. A
`Rule` written in a loop (`for subnet in rules_wanted:`), or under a test, may be added any number of times, so
MIG201 says the ACL is there without a count. Before, each `Rule` written was counted once, and an ACL built
from a list the caller passes was said to have 1 rule."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

SCRIPT = """\
from xml.etree.ElementTree import Element, SubElement, tostring
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService('sub', 'c.pem')


def endpoints(rules_wanted):
    root = Element('InputEndpoints')
    ep = SubElement(root, 'InputEndpoint')
    acl = SubElement(ep, 'EndpointAcl')
    rules = SubElement(acl, 'Rules')
{rules}
    return tostring(root)
"""
SAID = (
    "endpoint '<endpoint name, deploy.py:9>' of VM '<VM name, deploy.py:9>' in cloud service"
    " '<cloud service name, deploy.py:9>' has an access control list"
)


@pytest.mark.parametrize(
    ("rules", "count"),
    [
        ("    SubElement(rules, 'Rule')", " (1 rule)"),
        ("    SubElement(rules, 'Rule')\n    SubElement(rules, 'Rule')", " (2 rules)"),
        ("    for subnet in rules_wanted:\n        SubElement(rules, 'Rule')", ""),
        ("    if rules_wanted:\n        SubElement(rules, 'Rule')", ""),
    ],
    ids=["one", "two", "in-a-loop", "under-a-test"],
)
def test_mig201_counts_the_rules_written_once(tmp_path, monkeypatch, rules, count) -> None:
    script = SCRIPT.format(rules=rules)
    (finding,) = lint_files(tmp_path, monkeypatch, {"deploy.py": script}, "MIG201", dedent=False).findings
    assert finding.message == SAID + count
    assert where([finding]) == ["MIG201 deploy.py:9:11"]
