"""tree-sitter's TOML grammar places what tomllib reads of a declarations file (and of settings, for where a
problem is), and its parse was unbounded: linear on every input tried, but at up to 1 µs a byte a file at the
16 MB limit parsed for 14 s. It is parsed within the CPU time its size allows (`grammars.parsed_within`), as
the other grammars are; a declarations file past it is MIG001 'takes longer to parse' at its start, and a
settings file's problem is placed at its start."""

from __future__ import annotations

import pytest

from migcheck.readers import declarations, grammars

DECLARED = (
    "[[inventory.vnet-peerings]]\n"
    'vnet = "contoso-prod-vnet"\n'
    'peer = "hub-vnet"\n' + "".join(f"[x{i}.{'a.' * 30}b]\nc = 1\n" for i in range(2000))
    # many dotted keys: the parse that looks for a key too long runs too
)

PLAIN = "".join(f"[[inventory.vnet-peerings]]\nvnet = 'v{i}'\npeer = 'hub'\n" for i in range(3000))


@pytest.fixture
def no_parse_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bound any parse reaches at once, as a file too slow for its size does."""
    monkeypatch.setattr(grammars, "PARSE_SECONDS", 0.0)
    monkeypatch.setattr(grammars, "PARSE_SECONDS_PER_BYTE", 0.0)
    declarations._load.cache_clear()


@pytest.mark.parametrize("text", [DECLARED, PLAIN], ids=["with long keys", "without"])
def test_a_declarations_file_past_the_bound_is_mig001_at_its_start(no_parse_time: None, text: str):
    problem = declarations.read("inventory.toml", text.encode()).problem
    assert problem is not None
    assert (problem.mark.line, problem.mark.column) == (1, 1)
    assert "takes longer to parse than a file of its size may" in problem.message


def test_a_declarations_file_is_placed_past_the_bound_at_its_start(no_parse_time: None):
    table = "[[inventory.vnet-peerings]]\nvnet = 5\npeer = 'hub'\n" * 3000
    wrong = declarations.first_problem({"vnet-peerings": [{"vnet": 5, "peer": "hub"}]})
    assert wrong is not None
    assert declarations.placed(table, wrong) == (1, 1)


def test_the_same_files_within_the_bound_are_read():
    declarations._load.cache_clear()
    document = declarations.read("inventory.toml", DECLARED.encode())
    assert document.problem is not None and "dotted names" in document.problem.message
    document = declarations.read("inventory.toml", PLAIN.encode())
    assert document.problem is None and len(document.resources) == 3000
