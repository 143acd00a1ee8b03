"""The XML reader looks for suppression directives only where a comment starts with migcheck, where a
directive is written, and hands the filter those comments: the filter reads no text, so a file with
directives has its text dropped like any other once it is read."""

from __future__ import annotations

import pytest

from migcheck.readers import read_document
from migcheck.suppress import xml_directive_opener
from migcheck.texts import shed_check

SERVICE = '<ServiceConfiguration serviceName="migcheck-ignore"><Role name="Web"/></ServiceConfiguration>'


@pytest.mark.parametrize(
    "text",
    [
        SERVICE,  # a value that names migcheck
        "<!-- checked by migcheck -->" + SERVICE,  # a comment that names it further on
        "<!-- no directive here -->" + SERVICE,
    ],
)
def test_an_xml_file_whose_comments_do_not_start_with_migcheck_holds_no_directive(text: str) -> None:
    assert not xml_directive_opener(text)
    document = read_document("ServiceConfiguration.Cloud.cscfg", text.encode(), explicit=True)
    assert document.text and not document.directive_comments and not document.suppressions


@pytest.mark.parametrize(
    "opener", ["<!-- migcheck: ignore[MIG201] -->", "<!--\n  MIGCHECK ignore MIG201 -->"]
)
def test_a_comment_that_starts_with_migcheck_in_any_case_may_be_a_directive(opener: str) -> None:
    assert xml_directive_opener(opener + SERVICE)
    document = read_document("ServiceConfiguration.Cloud.cscfg", (opener + SERVICE).encode(), explicit=True)
    assert document.directive_comments


@pytest.mark.parametrize(
    ("path", "data"),
    [
        (
            "ServiceConfiguration.Cloud.cscfg",
            b"<!-- migcheck: ignore-file[MIG101] rebuilt next -->" + SERVICE.encode(),
        ),
        ("provision.py", b"import azure.servicemanagement  # migcheck: ignore[MIG601] moved next sprint\n"),
        (
            "provision.ps1",
            b"New-AzureService -ServiceName shop  # migcheck: ignore[MIG601] moved next sprint\n",
        ),
        ("provision.sh", b"azure service create shop  # migcheck: ignore[MIG601] moved next sprint\n"),
    ],
)
def test_a_file_with_a_suppression_comment_has_its_text_dropped_like_any_other(
    path: str, data: bytes
) -> None:
    document = read_document(path, data, explicit=True)
    assert document.text and document.suppressions
    assert shed_check(document, data) is not None
