"""The tables of what each reader produces (`migcheck.produced`) against the readers themselves: the rules'
file kinds and documentation are read from the tables, so that no reader is imported to say them."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

from migcheck.formats import FORMATS
from migcheck.produced import CARRIES, PRODUCES


@pytest.mark.parametrize("module", sorted({f.module for f in FORMATS}))
def test_the_tables_say_what_each_reader_produces_and_carries(module: str) -> None:
    reader = importlib.import_module(module)
    assert PRODUCES[module] == reader.PRODUCES
    assert CARRIES.get(module, frozenset()) == getattr(reader, "CARRIES", frozenset())


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
