"""The tables of what each reader produces (`migcheck.produced`), the only place the sets are written,
against what the readers give on real files: the rules' file kinds and documentation are read from the
tables, so a type a reader gives that its entry leaves out is a type whose rules skip the reader's files."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.formats import FORMATS
from migcheck.model import Document, FileKind
from migcheck.plugins import load_rules
from migcheck.produced import CARRIES, PRODUCES

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
FOLDERS = [
    EXAMPLES,
    pytest.param(
        CORPUS, marks=pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
    ),
]
INVENTORY = "migcheck.readers.inventory"
# Every type some reader is said to produce or carry: the records of the model the rules look at.
RECORDS = frozenset().union(*PRODUCES.values(), *CARRIES.values())


def _module_of(document: Document) -> str:
    """The reader module that read `document`: its kind's, or for inventory documents (two readers) the
    one whose extension its path has; so for any other kind several readers give, where one has it."""
    formats = [f for f in FORMATS if f.kind is document.kind]
    by_suffix = [f for f in formats if document.path.lower().endswith(f.suffixes)]
    if document.kind is FileKind.INVENTORY or (len(formats) > 1 and by_suffix):
        formats = by_suffix  # graphical runbooks are PowerShell documents of a reader of their own
    assert len(formats) == 1, document.path
    return formats[0].module


def _documents(folder: Path, monkeypatch, request: pytest.FixtureRequest) -> tuple[Document, ...]:
    monkeypatch.chdir(folder)
    # The corpus's check is the session's (`corpus_lint`): the same check, run once for every test of it.
    if folder == CORPUS:
        documents = request.getfixturevalue("corpus_lint").documents
    else:
        documents = lint(["."], Config(), load_rules(entry_points=False)).documents
    assert documents
    return documents


def _inside(record: object) -> Iterator[object]:
    """The records of the model held anywhere inside `record`'s fields, not `record` itself."""
    values = [getattr(record, f.name) for f in dataclasses.fields(record)]  # type: ignore[arg-type]
    while values:
        value = values.pop()
        if isinstance(value, tuple | list | frozenset | set):
            values.extend(value)
        elif isinstance(value, dict):
            values.extend(value.values())
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            if type(value) in RECORDS:
                yield value
            values.extend(getattr(value, f.name) for f in dataclasses.fields(value))


@pytest.mark.parametrize("folder", FOLDERS, ids=["examples", "corpus"])
def test_every_record_a_reader_gives_is_of_a_type_its_entry_names(folder, monkeypatch, request):
    unlisted = {
        (d.path, type(r).__name__)
        for d in _documents(folder, monkeypatch, request)
        for r in d.resources
        if type(r) not in PRODUCES[_module_of(d)]
    }
    assert not unlisted


@pytest.mark.parametrize("folder", FOLDERS, ids=["examples", "corpus"])
def test_every_record_an_inventory_record_holds_is_of_a_type_its_entry_names(folder, monkeypatch, request):
    inventories = [d for d in _documents(folder, monkeypatch, request) if _module_of(d) == INVENTORY]
    described = PRODUCES[INVENTORY] | CARRIES[INVENTORY]
    unlisted = {
        (d.path, type(inner).__name__)
        for d in inventories
        for r in d.resources
        for inner in _inside(r)
        if type(inner) not in described
    }
    assert inventories or folder == CORPUS
    assert not unlisted


def test_the_tables_name_no_module_that_reads_no_format() -> None:
    assert set(PRODUCES) | set(CARRIES) <= {f.module for f in FORMATS}


def test_a_rules_documentation_imports_no_reader_of_a_format_other_than_xml() -> None:
    """Documenting every rule (`migcheck rule`, a SARIF report) imports the XML readers only, which every
    check imports: not the script or inventory readers, whose set-up is most of their cost."""
    code = (
        "import sys\n"
        "from migcheck.rules import builtin_rules\n"
        "for rule in builtin_rules(): rule().documentation()\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('migcheck.readers.'))))\n"
    )
    imported = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    others = {f.module for f in FORMATS if not f.xml}
    assert others.isdisjoint(imported.split())
