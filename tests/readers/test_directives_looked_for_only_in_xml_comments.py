"""The filter looks for suppression directives in an XML file only when it holds a comment, where a
directive is written; a script's text is looked at wherever it mentions migcheck, and an inventory
export's (JSON, which has no comments) nowhere."""

from __future__ import annotations

import pytest

from migcheck.formats import FORMATS
from migcheck.model import Document, FileKind
from migcheck.readers import read_document
from migcheck.suppress import may_hold_directive
from migcheck.texts import shed_check
from tests.lint_support import graph_page, graph_vm

XML_KINDS = sorted({f.kind for f in FORMATS if f.xml}, key=str)


@pytest.mark.parametrize("kind", XML_KINDS)
def test_an_xml_file_without_a_comment_may_hold_no_directive_whatever_it_mentions(kind: FileKind) -> None:
    text = '<ServiceConfiguration serviceName="migcheck-ignore"/>'
    assert not may_hold_directive(Document("a", kind, "", text=text))
    assert may_hold_directive(Document("a", kind, "", text="<!-- MigCheck: ignore[MIG201] -->" + text))


def test_a_script_may_hold_a_directive_wherever_it_mentions_migcheck() -> None:
    assert may_hold_directive(
        Document("a.py", FileKind.PYTHON, "", text="x = 1  # migcheck: ignore[MIG401]\n")
    )
    assert not may_hold_directive(Document("a.py", FileKind.PYTHON, "", text="x = 1  # <!-- -->\n"))


def test_an_xml_text_that_names_migcheck_outside_any_comment_is_shed() -> None:
    data = b'<ServiceConfiguration serviceName="migcheck"><Role name="Web"/></ServiceConfiguration>'
    document = read_document("ServiceConfiguration.Cloud.cscfg", data, explicit=True)
    assert document.text and not document.suppressions
    assert shed_check(document, data) is not None


@pytest.mark.parametrize("kind", XML_KINDS)
def test_an_xml_file_whose_comments_do_not_start_with_migcheck_may_hold_no_directive(kind: FileKind) -> None:
    """The filter finds directives only where a comment starts with migcheck (`_XML_OPENER`): a comment
    that names it further on, or a value that does, is no directive, and the text is shed."""
    text = '<!-- checked by migcheck --><ServiceConfiguration serviceName="migcheck-ignore"/>'
    assert not may_hold_directive(Document("a", kind, "", text=text))
    assert may_hold_directive(Document("a", kind, "", text="<!--\n  MIGCHECK ignore MIG201 -->" + text))


def test_an_inventory_export_that_names_migcheck_may_hold_no_directive_and_is_shed() -> None:
    """A VM named after the tool, in a cloud service named as a directive, is a value: JSON has no
    comments, so the export's text is not kept for the filter."""
    vm = graph_vm("00000000-0000-0000-0000-000000000001", "migcheck-ignore", "migcheck")
    data = graph_page(vm, indent=2).encode()
    document = read_document("inventory/classic.json", data, explicit=True)
    assert document.kind is FileKind.INVENTORY and document.resources
    assert not may_hold_directive(document)
    assert shed_check(document, data) is not None
