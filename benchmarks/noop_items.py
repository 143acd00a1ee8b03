"""The floor for ``pytest --migcheck``: a pytest plugin that collects the same items and does nothing.

``benchmarks/run.py`` lists the node ids that ``pytest --migcheck --collect-only -q`` gives, writes them
to a file, and runs pytest with this plugin (``-p noop_items``) and ``MIGCHECK_NOOP_ITEMS`` naming that
file. Each classic file becomes a collector with one passing item per node id: what pytest itself costs
for that many files and items, with no lint at all. The plugin's time over this floor is its own.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

_ITEMS: dict[str, list[str]] = defaultdict(list)


def pytest_configure(config: pytest.Config) -> None:
    listing = os.environ.get("MIGCHECK_NOOP_ITEMS")
    if not listing:
        raise pytest.UsageError("noop_items: set MIGCHECK_NOOP_ITEMS to the file of node ids to collect")
    for line in Path(listing).read_text(encoding="utf-8").splitlines():
        path, sep, name = line.rpartition("::")
        if sep:
            _ITEMS[path].append(name)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> NoopFile | None:
    relative = os.path.relpath(file_path, parent.config.rootpath).replace(os.sep, "/")
    names = _ITEMS.get(relative)
    return NoopFile.from_parent(parent, path=file_path, names=names) if names else None


class NoopFile(pytest.File):
    def __init__(self, *, names: list[str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.names = names

    def collect(self) -> Iterator[NoopItem]:
        for name in self.names:
            yield NoopItem.from_parent(self, name=name)


class NoopItem(pytest.Item):
    def runtest(self) -> None:
        return None

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, self.name


if __name__ == "__main__":  # a pytest plugin, not a script: say how `run.py` runs it
    import sys

    print(
        "usage (in the estate): MIGCHECK_NOOP_ITEMS=FILE PYTHONPATH=BENCHMARKS python -m pytest -p noop_items -q\n\n"
        + __doc__.strip()
    )
    sys.exit(0 if {"-h", "--help"} & set(sys.argv[1:]) else 2)
