"""The readiness summary (and JSON's `checked_at`, made from it) finds the items that own what a finding
points at through an index of the items' marks on the lines findings point at: a mark one item owns holds
that item, not a list of one, and the items let go of their marks and files once indexed (nothing else
reads them). The two were 7 MB of the peak of a 40,000-file check, held while the report was written."""

from __future__ import annotations

from lint_support import lint_files
from test_texts import ACL

from migcheck.report import readiness


def _drafted(tmp_path, monkeypatch):
    result = lint_files(
        tmp_path, monkeypatch, {"shop/ServiceConfiguration.Cloud.cscfg": ACL}, "MIG201", dedent=False
    )
    (finding,) = result.findings
    return result, finding


def test_a_mark_one_item_owns_is_indexed_as_that_item(tmp_path, monkeypatch):
    result, finding = _drafted(tmp_path, monkeypatch)
    pointed_at = readiness._pointed_at(result)
    files = frozenset(path for path, _ in pointed_at)
    drafts = [d.keep_pointed_at(pointed_at, files) for d in readiness._drafts(result.estate)]
    (owner,) = [d for d in drafts if finding.mark in d.marks]
    attacher = readiness._Attacher(drafts)
    assert attacher.by_mark[finding.mark] is owner
    assert attacher.owners(finding) == [owner]
    assert attacher.claims(finding)
    assert all(d.marks == () and d.files == () for d in drafts)


def test_the_items_hold_no_marks_once_findings_are_attached(tmp_path, monkeypatch):
    result, finding = _drafted(tmp_path, monkeypatch)
    ((_, drafts),) = readiness._attached(result)
    assert all(d.marks == () and d.files == () for d in drafts)
    assert any(finding in d.findings for d in drafts)
