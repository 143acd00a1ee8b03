"""Every real classic file of the shared corpus is read without a crash, as the kind it is, and the
deliberately broken ones give a clear syntax problem."""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from migcheck.model import Document, FileKind, Mark
from migcheck.readers import read_document

CORPUS = (Path(__file__).parents[2] / ".." / "shared" / "corpus").resolve()

pytestmark = pytest.mark.skipif(
    not (CORPUS / "PROVENANCE.tsv").is_file(), reason="the shared corpus is absent"
)

BROKEN = {
    "opsgility__automating-iaas-examples/Chapter 6/6-22.xml",
    "dtPaTh__Dynatrace-Azure-CloudServices/ServiceConfiguration.Cloud.cscfg",
    # `<WokerRole>` closed by `</WorkerRole>`
    "brectanus-sigsci__azure_cloud_service/ServiceConfiguration.csdef",
}


def _kind(provenance: str) -> FileKind:
    if provenance.startswith("cscfg"):
        return FileKind.SERVICE_CONFIGURATION
    if provenance == "csdef":
        return FileKind.SERVICE_DEFINITION
    if provenance == "netcfg":
        return FileKind.NETWORK_CONFIGURATION
    return FileKind.REST  # deployment-xml, role-xml, asm-rest-xml:*


def _corpus() -> dict[str, FileKind]:
    if not (CORPUS / "PROVENANCE.tsv").is_file():
        return {}
    with open(CORPUS / "PROVENANCE.tsv", newline="", encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {f"{r['owner/repo'].replace('/', '__')}/{r['path']}": _kind(r["kind"]) for r in rows}


FILES = _corpus()


def _read(relative: str) -> Document:
    doc = read_document(relative, (CORPUS / relative).read_bytes(), explicit=False)
    assert doc is not None, f"{relative} was skipped"
    return doc


def _marks(value: object) -> Iterator[Mark]:
    if isinstance(value, Mark):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _marks(item)
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from _marks(getattr(value, f.name))


def test_provenance_lists_every_file():
    on_disk = {
        p.relative_to(CORPUS).as_posix()
        for p in CORPUS.rglob("*")
        if p.is_file()
        and p.name not in {"PROVENANCE.tsv", "README.md"}
        # Automation scripts have a provenance list of their own, read by the script tests.
        and p.relative_to(CORPUS).parts[0] != "scripts"
    }
    assert on_disk == set(FILES)


@pytest.mark.parametrize("relative", sorted(FILES))
def test_corpus_file(relative):
    doc = _read(relative)
    assert doc.kind is FILES[relative]
    assert doc.path == relative
    if relative in BROKEN:
        assert doc.problem is not None and doc.problem.kind == "syntax"
        assert doc.problem.message.startswith("not well-formed XML: ")
        assert doc.problem.mark.line > 0 and doc.problem.mark.column > 0
        assert doc.resources == ()
        return
    assert doc.problem is None
    lines = doc.text.split("\n")
    for mark in _marks(doc.resources):
        assert mark.path == relative
        assert f"<{mark.tag}" in "\n".join(lines[: mark.line]), mark  # the start tag ends on mark.line


def test_broken_files_point_at_the_cause():
    problems = {r: _read(r).problem for r in sorted(BROKEN)}
    positions = {r: (p.mark.line, p.mark.column) for r, p in problems.items() if p}
    assert positions == {
        "brectanus-sigsci__azure_cloud_service/ServiceConfiguration.csdef": (18, 5),
        "dtPaTh__Dynatrace-Azure-CloudServices/ServiceConfiguration.Cloud.cscfg": (6, 54),
        "opsgility__automating-iaas-examples/Chapter 6/6-22.xml": (75, 3),
    }


def test_reading_is_deterministic():
    for relative in sorted(FILES)[::7]:
        assert _read(relative) == _read(relative)
