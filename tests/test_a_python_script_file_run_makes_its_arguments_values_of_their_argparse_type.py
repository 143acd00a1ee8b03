"""A Python script file run with words makes each argparse argument's value of its word as argparse does:
`type=int` (`float`, `str`) makes the number 3 of `--count 3`, so that `for i in range(args.count)` creates
three VMs, where the word's text was left (`range('3')`, a loop over values not known); a default written as
text is made so too. A word argparse refuses (not a number for `type=int`, not among `choices=`) ends the
script, which then binds nothing, as a version option given does."""

from __future__ import annotations

import pytest
from lint_support import lint_files

CREATE = """\
import argparse
from azure.servicemanagement import LinuxConfigurationSet, OSVirtualHardDisk, ServiceManagementService

parser = argparse.ArgumentParser()
parser.add_argument("service")
parser.add_argument("--count", type=int, default="1")
parser.add_argument("--size", choices=["Small", "Medium"], default="Small")
args = parser.parse_args()
sms = ServiceManagementService("sub", "cert.pem")
system = LinuxConfigurationSet("web", "azureuser", "secret", False)
for i in range(args.count):
    disk = OSVirtualHardDisk("img", f"https://acct1.blob.core.windows.net/vhds/web{i}.vhd")
    if i == 0:
        sms.create_virtual_machine_deployment(args.service, "dep", "production", "web0", "web0", system, disk)
    else:
        sms.add_role(args.service, "dep", f"web{i}", system, disk, role_size=args.size)
"""


def _found(tmp_path, monkeypatch, words: str) -> list[str]:
    """The messages of MIG105 (a deployment in no virtual network)."""
    files = {"deploy.sh": f"python tools/create.py {words}\n", "tools/create.py": CREATE}
    result = lint_files(tmp_path, monkeypatch, files, "MIG105", dedent=False)
    return [f.message for f in result.findings]


@pytest.mark.parametrize("words", ["websvc --count 3", "websvc --count=3 --size Medium", "--count 3 websvc"])
def test_a_number_of_vms_given_as_a_word_creates_that_many(tmp_path, monkeypatch, words):
    (found,) = _found(tmp_path, monkeypatch, words)
    assert "cloud service 'websvc'" in found
    assert "restarts 'web0', 'web1', 'web2', whose" in found


def test_a_default_written_as_text_is_made_a_number(tmp_path, monkeypatch):
    (found,) = _found(tmp_path, monkeypatch, "websvc")
    assert "restarts 'web0'," in found


@pytest.mark.parametrize("words", ["websvc --count three", "websvc --size Huge"])
def test_a_word_argparse_refuses_binds_nothing(tmp_path, monkeypatch, words):
    assert not any("'websvc'" in found for found in _found(tmp_path, monkeypatch, words))
