"""A Service Management `<Error>` response is not a resource, whole or cut short; and a file that does not
parse is reported on a column of its line, never one past its end (where a parser stops at the end of a
line or of the file)."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import FileKind
from migcheck.readers import read_document

ERROR = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<Error xmlns="http://schemas.microsoft.com/windowsazure" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">'
    "<Code>ResourceNotFound</Code><Message>The hosted service does not exist.</Message></Error>\n"
)


@pytest.mark.parametrize("cut", [0, 3, 40], ids=["whole", "end-tag-cut", "message-cut"])
@pytest.mark.parametrize("explicit", [False, True])
def test_an_error_response_whole_or_cut_short_has_nothing_to_report(cut, explicit):
    data = ERROR[: len(ERROR) - cut] if cut else ERROR
    document = read_document("responses/get-service.xml", data.encode(), explicit=explicit)
    assert document is not None
    assert (document.kind, document.problem, document.resources) == (FileKind.REST, None, ())


def test_a_folder_with_a_cut_short_error_response_is_clear(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"responses/err.xml": ERROR[:-10]}, dedent=False)
    assert result.findings == []


def test_an_error_of_another_namespace_is_not_taken_for_a_response():
    xml = b'<Error xmlns="urn:example"><Code>x</Code></Err'
    assert read_document("err.xml", xml, explicit=False) is None
    document = read_document("err.xml", xml, explicit=True)
    assert document is not None and document.problem is not None and document.problem.kind == "syntax"


def test_a_classic_body_cut_at_the_end_of_its_line_is_reported_on_its_last_character():
    body = '<ServiceConfiguration serviceName="éééé"><Role name="x"></Rol'
    document = read_document("svc/ServiceConfiguration.Cloud.cscfg", body.encode(), explicit=False)
    assert document is not None and document.problem is not None
    assert (document.problem.mark.line, document.problem.mark.column) == (1, len(body))
    assert document.problem.message == (
        "not well-formed XML: the file ends before <Role> (line 1) and <ServiceConfiguration> (line 1) are "
        f"closed (line 1, column {len(body)})"
    )


def test_a_syntax_error_inside_a_line_keeps_its_column():
    body = "<NetworkConfiguration>\n  <a & b/>\n</NetworkConfiguration>\n"
    document = read_document("net.netcfg", body.encode(), explicit=False)
    assert document is not None and document.problem is not None
    assert (document.problem.mark.line, document.problem.mark.column) == (2, 6)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "inventory/vms.json",
            '{"data": [{"id": "/subscriptions/x/resourceGroups/r", "type": "microsoft.classiccompute/virtualmachines"',
        ),
        (
            "network/NetworkConfig.xml",
            "<NetworkConfiguration>\r\n  <VirtualNetworkConfiguration>\r\n  </Virtual",
        ),
    ],
)
def test_no_syntax_finding_points_past_the_end_of_its_line(tmp_path, monkeypatch, name, text):
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG001", dedent=False)
    (finding,) = result.findings
    assert finding.location is not None
    line = text.replace("\r\n", "\n").split("\n")[finding.location.line - 1]
    assert 1 <= finding.location.column <= len(line), where([finding])
