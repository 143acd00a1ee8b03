"""A Makefile's recipe that makes another (`$(MAKE) -C ../next V=1`) read that one with an expansion budget of
its own (four times its size and 50,000 characters), so a chain of sub-makes multiplied the work one
Makefile may cost: a chain of 10 Makefiles each making the next twice with other variables made it 2,046
times (5 s; 12 deep, 20 s), the work doubling with each Makefile added. A Makefile made now spends what the
Makefile read has left, and where the shared budget runs out in one it makes is said as the read's
(`make-expansion-spent`)."""

from __future__ import annotations

from pathlib import Path

from growth import assert_linear

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import MAKE_EXPANSION_SPENT
from migcheck.plugins import load_rules
from migcheck.report.unread import in_documents

RULES = load_rules()
# Each Makefile made costs the budget its size: 2 kB, so that the budget runs out a few Makefiles down the
# chain, and a longer chain adds Makefiles read alone, each bounded, rather than more of the one read.
PADDING = "# " + "x" * 2000 + "\n"


def _chain(top: Path, depth: int) -> Path:
    """Makefiles d0 … d`depth`, each making the next twice; the last creates a VM named by the variable."""
    for i in range(depth + 1):
        (top / f"d{i}").mkdir(parents=True)
        recipe = (
            f"\t$(MAKE) -C ../d{i + 1} V=1\n\t$(MAKE) -C ../d{i + 1} V=2\n"
            if i < depth
            else "\tazure vm create web$(V) img user pass\n"
        )
        (top / f"d{i}" / "Makefile").write_text(PADDING + "deploy:\n" + recipe, encoding="utf-8")
    return top


def _lint(top: Path):
    return lint([str(top)], Config(), RULES)


def test_the_budget_runs_out_in_a_sub_make_and_is_said_where(tmp_path: Path):
    result = _lint(_chain(tmp_path, 10))
    said = [
        (Path(mark.path).parent.name, mark.line)
        for part in in_documents(result.documents)
        for mark in part.marks
        if mark.tag == MAKE_EXPANSION_SPENT
    ]
    # at a recipe's make, in a Makefile some way down the chain, that the spent budget left unread
    assert said and {line for _, line in said} <= {3, 4}


def test_a_chain_twice_as_long_costs_about_twice_as_much(tmp_path: Path):
    def make(n: int):
        top = _chain(tmp_path / str(n), n)
        return lambda: _lint(top)

    assert_linear(make, 8)
