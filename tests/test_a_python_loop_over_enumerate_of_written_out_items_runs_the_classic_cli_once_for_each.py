"""A Python loop over `enumerate` of items the script writes out (`for i, size in enumerate(["Small",
"Medium"], start=1):`) runs the classic CLI command in its body once for each item, with the item and its
count, as a loop over the items themselves does: two VMs, `app1-Small` and `app2-Medium`. Before, the loop's
items were read as words the script does not state, and its one VM was named by a stand-in. A loop over
`enumerate` of a list the script does not write out still runs with values not stated."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

SCRIPT = """\
import os
import sys

sizes = sys.argv[1:]
for {loop}:
    name = {name}
    os.system("azure vm create svc img azureuser Secret123! --vm-name %s -w vnet -b front,back --connect" % name)
"""


def _vms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loop: str, name: str) -> list[str]:
    """The VMs MIG202 (a VM in two subnets) names."""
    script = SCRIPT.format(loop=loop, name=name)
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": script}, "MIG202", dedent=False)
    return sorted(f.message.split("VM ", 1)[1].split(" of cloud service", 1)[0] for f in result.findings)


@pytest.mark.parametrize(
    ("loop", "name", "vms"),
    [
        ('i, size in enumerate(["Small", "Medium"])', '"app%s" % size', ["'appMedium'", "'appSmall'"]),
        (
            'i, size in enumerate(["Small", "Medium"], start=1)',
            '"app%d-%s" % (i, size)',
            ["'app1-Small'", "'app2-Medium'"],
        ),
        ('i, size in enumerate(("Small", "Medium"), 5)', '"app%d" % i', ["'app5'", "'app6'"]),
    ],
    ids=["the-items", "counted-from-a-start-keyword", "counted-from-a-start"],
)
def test_each_item_runs_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loop: str, name: str, vms: list[str]
) -> None:
    assert _vms(tmp_path, monkeypatch, loop, name) == vms


def test_enumerate_of_items_not_written_out_runs_with_values_not_stated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _vms(tmp_path, monkeypatch, "i, size in enumerate(sizes)", '"app%s" % size') == [
        "'<VM name, deploy.py:7>'"
    ]
