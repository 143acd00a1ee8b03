"""The readiness summary (and JSON's `checked_at`) indexes the marks of its items on the lines findings point
at, and a cloud service's configuration read from a .cscfg holds marks of that file only: the configuration
of a file no finding points into is not walked for its marks (two fifths of the walk at 4,000 files, where
most configurations hold no finding), and what the items hold is the same."""

from __future__ import annotations

import pytest

from migcheck.model import ServiceConfiguration
from migcheck.report import readiness


@pytest.fixture
def corpus_result(corpus_lint):
    """The session's check of the corpus (`corpus_lint`)."""
    return corpus_lint


def _configurations(result):
    return [
        r
        for estate in result.estates
        for document in estate.documents
        for r in document.resources
        if isinstance(r, ServiceConfiguration)
    ]


def test_a_configuration_holds_marks_of_its_own_file_only(corpus_result):
    configurations = _configurations(corpus_result)
    assert len(configurations) > 20
    for configuration in configurations:
        marks: list = []
        readiness._collect_marks(configuration, marks, {configuration.mark.path})
        assert marks
        assert {mark.path for mark in marks} == {configuration.mark.path}


def test_checked_at_walks_only_the_configurations_of_files_findings_point_into(corpus_result, monkeypatch):
    walked: list[str] = []
    parts = readiness._parts(ServiceConfiguration)
    assert parts is not None

    def recorded(configuration):
        walked.append(configuration.mark.path)
        return parts(configuration)

    monkeypatch.setitem(readiness._PARTS, ServiceConfiguration, recorded)
    pointed_into = {finding.mark.path for finding in corpus_result.uncapped}
    pointed_into |= {suppressed.finding.mark.path for suppressed in corpus_result.suppressed}
    unpointed = {c.mark.path for c in _configurations(corpus_result)} - pointed_into
    assert unpointed  # the corpus has configurations no finding points into
    steps = readiness.checked_at(corpus_result)
    assert walked
    assert not unpointed.intersection(walked)
    assert {steps(f) for f in corpus_result.findings} >= {"validate", None}
