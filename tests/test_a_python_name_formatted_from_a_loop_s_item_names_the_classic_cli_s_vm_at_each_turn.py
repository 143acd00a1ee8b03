"""A name a Python loop's body binds to a word formatted from the loop's item (`name = "app%s" % size`,
`"app{}".format(size)`, `f"app{size}"`, or the item itself, `name = size`) and then gives the classic CLI
holds that word at each turn, as `name = "app" + size` did: the loop over two sizes creates `appSmall` and
`appMedium`. Before, such a name was a value the script does not state, and the VM was named by a stand-in.
A name bound to what the script does not state (`sys.argv[1]`) still is one."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

SCRIPT = """\
import os
import sys

for size in ["Small", "Medium"]:
    name = {value}
    os.system("azure vm create svc img azureuser Secret123! --vm-name %s -w vnet -b front,back --connect" % name)
"""


def _vms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str) -> list[str]:
    """The VMs MIG202 (a VM in two subnets) names."""
    result = lint_files(
        tmp_path, monkeypatch, {"deploy.py": SCRIPT.format(value=value)}, "MIG202", dedent=False
    )
    return sorted(f.message.split("VM ", 1)[1].split(" of cloud service", 1)[0] for f in result.findings)


@pytest.mark.parametrize(
    ("value", "vms"),
    [
        ('"app%s" % size', ["'appMedium'", "'appSmall'"]),
        ('"app{}".format(size)', ["'appMedium'", "'appSmall'"]),
        ('f"app{size}"', ["'appMedium'", "'appSmall'"]),
        ("size", ["'Medium'", "'Small'"]),
        ('"app" + size', ["'appMedium'", "'appSmall'"]),
    ],
    ids=["percent", "format", "f-string", "the-item", "joined"],
)
def test_each_turn_names_its_vm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str, vms: list[str]
) -> None:
    assert _vms(tmp_path, monkeypatch, value) == vms


def test_a_value_not_stated_names_a_stand_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _vms(tmp_path, monkeypatch, "sys.argv[1]") == ["'<VM name, deploy.py:6>'"]
