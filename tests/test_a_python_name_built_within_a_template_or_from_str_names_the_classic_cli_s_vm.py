"""A classic CLI command line whose VM name is built within it from parts the script states names that VM:
a template filled in within another (`"--vm-name %s" % ("app%s" % size)`), a number shown by `str`
(`"vm" + str(i)`, also as a word of a command list), or a constant joined to a loop's item (`PREFIX +
size`), each at each turn of a loop over items written out. Before, such a part was a value the script does
not state and the VM was named by a stand-in. Numbers added (`i + 1`), and `str` where the script binds the
name to something else, still are values not stated."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

SCRIPT = """\
import os
import subprocess

PREFIX = "web"
{binding}
for i, size in enumerate(["Small", "Medium"], start=1):
    {command}
"""
LINE = (
    'os.system("azure vm create svc img azureuser Secret123! " + {name} + " -w vnet -b front,back --connect")'
)
WORDS = (
    'subprocess.check_call(["azure", "vm", "create", "svc", "img", "azureuser", "Secret123!", "--vm-name", {name},'
    ' "-w", "vnet", "-b", "front,back", "--connect"])'
)


def _vms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, binding: str = "") -> list[str]:
    """The VMs MIG202 (a VM in two subnets) names."""
    script = SCRIPT.format(command=command, binding=binding)
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": script}, "MIG202", dedent=False)
    return sorted(f.message.split("VM ", 1)[1].split(" of cloud service", 1)[0] for f in result.findings)


@pytest.mark.parametrize(
    ("command", "vms"),
    [
        (LINE.format(name='"--vm-name %s" % ("app%s" % size)'), ["'appMedium'", "'appSmall'"]),
        (LINE.format(name='"--vm-name {}".format("app{}".format(size))'), ["'appMedium'", "'appSmall'"]),
        (LINE.format(name='"--vm-name " + "vm" + str(i)'), ["'vm1'", "'vm2'"]),
        (LINE.format(name='"--vm-name %s" % ("vm" + str(i))'), ["'vm1'", "'vm2'"]),
        (LINE.format(name='"--vm-name %s" % (PREFIX + size)'), ["'webMedium'", "'webSmall'"]),
        (LINE.format(name='f"--vm-name {PREFIX + str(i)}"'), ["'web1'", "'web2'"]),
        (WORDS.format(name='"vm" + str(i)'), ["'vm1'", "'vm2'"]),
        (WORDS.format(name='"%s-%s" % (PREFIX, "app%s" % size)'), ["'web-appMedium'", "'web-appSmall'"]),
    ],
    ids=[
        "nested-percent",
        "nested-format",
        "str-joined",
        "str-in-a-template",
        "constant-joined",
        "f-string",
        "str-a-word",
        "nested-a-word",
    ],
)
def test_each_turn_names_its_vm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, vms: list[str]
) -> None:
    assert _vms(tmp_path, monkeypatch, command) == vms


@pytest.mark.parametrize(
    ("command", "binding"),
    [
        (LINE.format(name='"--vm-name vm%s" % (i + 1)'), ""),
        (LINE.format(name='"--vm-name " + "vm" + str(i)'), "str = repr"),
    ],
    ids=["numbers-added", "str-bound-by-the-script"],
)
def test_a_part_not_stated_names_a_stand_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, binding: str
) -> None:
    assert _vms(tmp_path, monkeypatch, command, binding) == ["'<VM name, deploy.py:7>'"]
