"""The name of a document's root element is one string for every document of that kind: each file's
document keeps it, and a copy per file was 2.6 MB of a 40,000-file check's peak."""

from __future__ import annotations

from migcheck.readers import read_document


def test_two_definitions_keep_one_root_name() -> None:
    first = read_document("a/ServiceDefinition.csdef", b'<ServiceDefinition name="a"/>', explicit=True)
    second = read_document("b/ServiceDefinition.csdef", b'<ServiceDefinition name="b"/>', explicit=True)
    assert first is not None and second is not None
    assert first.root == "ServiceDefinition" and first.root is second.root
