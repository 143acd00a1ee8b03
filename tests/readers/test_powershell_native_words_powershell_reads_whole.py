"""Words PowerShell passes to a native command whole where the grammar splits them: a parameter glued to
its value by `=` (`--subnet-names=front`), and a bare word with an escaped comma (`front`,back`, the one
word "front,back"). A parameter glued by `=` to a list is a parse error: PowerShell runs no line."""

from __future__ import annotations

from tests.lint_support import lint_files, where
from tests.readers.test_reader_shell_classic_cli import NETCFG

_VM = "azure vm create web-svc img user pass -w corpnet "


def test_a_value_glued_by_equals_is_the_option_s_value(tmp_path, monkeypatch):
    # One subnet, stated: the VM is in a subnet (no MIG203), and only the subnet that is defined counts.
    files = {"deploy.ps1": _VM + "--subnet-names=front\n", "NetworkConfig.netcfg": NETCFG}
    found = lint_files(tmp_path, monkeypatch, files, "MIG202", "MIG203").findings
    assert found == []


def test_an_escaped_comma_makes_one_word_of_two_subnets(tmp_path, monkeypatch):
    files = {"deploy.ps1": _VM + "-b front`,back\n", "NetworkConfig.netcfg": NETCFG}
    found = lint_files(tmp_path, monkeypatch, files, "MIG202").findings
    assert where(found) == ["MIG202 deploy.ps1:1:53"]
    assert "(front, back)" in found[0].message


def test_a_list_glued_by_equals_stops_powershell(tmp_path, monkeypatch):
    files = {"deploy.ps1": _VM + "--subnet-names=front,back\n", "NetworkConfig.netcfg": NETCFG}
    found = lint_files(tmp_path, monkeypatch, files, "MIG001", "MIG202", "MIG203").findings
    assert where(found) == ["MIG001 deploy.ps1:1:70"]
    assert "Missing argument in parameter list" in found[0].message


def test_a_quoted_list_after_equals_is_one_argument(tmp_path, monkeypatch):
    files = {"deploy.ps1": _VM + "'--subnet-names=front,back'\n", "NetworkConfig.netcfg": NETCFG}
    found = lint_files(tmp_path, monkeypatch, files, "MIG001", "MIG202").findings
    assert [f.code for f in found] == ["MIG202"]
