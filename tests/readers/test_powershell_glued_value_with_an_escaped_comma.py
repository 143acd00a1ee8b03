"""A native command's parameter glued by `=` to a word with an escaped comma (`--subnet-names=front`,back`)
is the one argument "--subnet-names=front,back": the backtick keeps the comma in the word, so PowerShell
neither splits it nor stops at it, and the VM is in both subnets."""

from __future__ import annotations

from tests.lint_support import lint_files, where
from tests.readers.test_reader_shell_classic_cli import NETCFG

_VM = "azure vm create web-svc img user pass -w corpnet "


def test_an_escaped_comma_after_a_value_glued_by_equals_stays_in_the_word(tmp_path, monkeypatch):
    files = {"deploy.ps1": _VM + "--subnet-names=front`,back\n", "NetworkConfig.netcfg": NETCFG}
    found = lint_files(tmp_path, monkeypatch, files, "MIG001", "MIG202", "MIG203").findings
    assert where(found) == ["MIG202 deploy.ps1:1:50"]
    assert "(front, back)" in found[0].message
