"""The pytest plugin entry point. Inert unless `--migcheck` is given."""

from __future__ import annotations


def pytest_addoption(parser) -> None:
    group = parser.getgroup("migcheck", "Azure classic migration checks")
    group.addoption("--migcheck", action="store_true", help="check classic Azure files with migcheck")
