"""Under --migcheck pytest's sort of the items by the parameters of the fixtures they share is passed over
where no item has parameters (the items keep their order, each once, as that sort leaves them), and made
by pytest where one has; pytest gets its own sort back as the run ends."""

from __future__ import annotations

import _pytest.fixtures
import pytest
from _pytest.fixtures import reorder_items
from plugin_support import QUIET, SELECTED

from pytest_migcheck.shortcuts import reordered

pytest_plugins = ["pytester"]

REPORTER = """
import _pytest.fixtures

def pytest_collection_finish(session):
    sort = _pytest.fixtures.reorder_items
    session.config.pluginmanager.get_plugin("terminalreporter").write_line(
        f"sorted by: {sort.__module__}.{sort.__name__}"
    )
"""

# pytest runs the tests of each parameter of a module-wide fixture together: a[1], b[1], a[2], b[2].
PARAMETRIZED = """
import pytest

@pytest.fixture(scope="module", params=[1, 2])
def number(request):
    return request.param

def test_a(number):
    pass

def test_b(number):
    pass
"""


class Plain:
    """An item without parameters, as the sort sees it."""


def test_items_without_parameters_are_in_pytest_s_order() -> None:
    items = [Plain() for _ in range(5)]
    items.insert(3, items[1])  # an item given twice is kept once, where it first is
    assert reordered(items) == reorder_items(items) == [items[0], items[1], items[2], items[4], items[5]]


def test_a_migcheck_run_sorts_with_its_own_and_pytest_sorts_parameters(estate: pytest.Pytester) -> None:
    estate.makeconftest(REPORTER)
    estate.makepyfile(test_numbers=PARAMETRIZED)
    result = estate.runpytest("--migcheck", *QUIET, *SELECTED, "--collect-only", "-q", "test_numbers.py")
    result.stdout.fnmatch_lines(
        [
            "test_numbers.py::test_a[1]",
            "test_numbers.py::test_b[1]",
            "test_numbers.py::test_a[2]",
            "test_numbers.py::test_b[2]",
            "sorted by: pytest_migcheck.shortcuts.reordered",
        ]
    )
    assert _pytest.fixtures.reorder_items is reorder_items
