"""The variables a sourced file's top-level commands read and it does not set (which decide whether it runs
in the script that sources it) are found in time linear in the file, however deep its commands nest: a chain
of `echo "$W0" && echo "$W1" && …` is a list within a list as deep as it is long, and asking tree-sitter for
each node's parent, as the search did, walked down from the root each time (20,000 links: 45 s)."""

from __future__ import annotations

from collections.abc import Callable

from growth import assert_linear

from migcheck.readers import beside, shell


def _chain(links: int) -> beside.Settings:
    text = " && ".join(f'echo "$W{i}"' for i in range(links)) + '\nazure vm create "$SERVICE" img u p\n'
    return beside.Settings(f"common{links}.sh", text.encode())


def _finding_reads(links: int) -> Callable[[], object]:
    settings = _chain(links)
    return lambda: shell._top_level_reads(settings)


def test_the_reads_of_a_long_chain_are_each_of_its_variables():
    assert shell._top_level_reads(_chain(3)) == frozenset({"W0", "W1", "W2", "SERVICE"})


def test_the_search_grows_linearly_with_the_chain():
    assert_linear(_finding_reads, 3000)
