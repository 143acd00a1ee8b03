"""The classic CLI's `azure vm endpoint acl-rule delete <vm> <endpoint> <order>` (vm._js: `delete [vm-name]
[endpoint-name] [order]`, with `-n`, `-e`, `-o`, `-d` and `-q`) deletes the endpoint's ACL rule of that
order: from the ACL an export shows the VM with, and from the rules the script adds itself. An endpoint left
with no rule has no ACL, so MIG201 no longer reports it, as after PowerShell's Remove-AzureAclConfig. A
deletion that may not run, of another order, or of another endpoint leaves the ACL as it was. Each from a
shell script, and from a PowerShell script that runs the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, vm_list_with_rdp_acl, where

SCRIPTS = ["fix.sh", "fix.ps1"]


def _lint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, commands: str, *orders: int) -> list:
    files = {"azure-vm-list.json": vm_list_with_rdp_acl(orders), script: "azure config mode asm\n" + commands}
    return lint_files(tmp_path, monkeypatch, files, "MIG201").findings


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize(
    "delete",
    [
        "azure vm endpoint acl-rule delete web1 RDP 100\n",
        "azure vm endpoint acl-rule delete -n web1 -e RDP -o 100 -d svc -q\n",
        "azure vm endpoint acl-rule delete --vm-name web1 --endpoint-name rdp --order=100 --quiet\n",
    ],
    ids=["positional", "short-options", "long-options"],
)
def test_deleting_the_only_rule_of_an_exported_acl_leaves_no_acl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, delete: str
) -> None:
    assert _lint(tmp_path, monkeypatch, script, delete, 100) == []


@pytest.mark.parametrize("script", SCRIPTS)
def test_the_acl_without_the_deletion_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str
) -> None:
    findings = _lint(tmp_path, monkeypatch, script, "azure vm show web1\n", 100)
    assert where(findings) == ["MIG201 azure-vm-list.json:18:11"]


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize(
    "delete",
    [
        "azure vm endpoint acl-rule delete web1 RDP 200\n",
        "azure vm endpoint acl-rule delete web1 SSH 100\n",
        "azure vm endpoint acl-rule delete web1 RDP\n",
    ],
    ids=["other-order", "other-endpoint", "no-order"],
)
def test_a_deletion_of_no_rule_the_acl_has_leaves_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, delete: str
) -> None:
    findings = _lint(tmp_path, monkeypatch, script, delete, 100)
    assert [f.code for f in findings] == ["MIG201"]
    assert "(1 rule)" in findings[0].message


def test_a_deletion_that_may_not_run_leaves_the_acl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    delete = 'if [ "$1" = fix ]; then\n  azure vm endpoint acl-rule delete web1 RDP 100\nfi\n'
    assert [f.code for f in _lint(tmp_path, monkeypatch, "fix.sh", delete, 100)] == ["MIG201"]


@pytest.mark.parametrize("script", SCRIPTS)
def test_deleting_one_of_two_rules_leaves_the_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str
) -> None:
    findings = _lint(
        tmp_path, monkeypatch, script, "azure vm endpoint acl-rule delete web1 RDP 0100\n", 100, 200
    )
    assert [f.code for f in findings] == ["MIG201"]
    assert "(1 rule)" in findings[0].message


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize(
    ("delete", "reported"), [("azure vm endpoint acl-rule delete web1 RDP 100\n", []), ("", ["MIG201"])]
)
def test_a_rule_the_script_adds_then_deletes_leaves_no_acl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, delete: str, reported: list[str]
) -> None:
    commands = (
        "azure vm create svc img user Pa55w0rd! -n web1 -l 'West Europe'\n"
        "azure vm endpoint create web1 3389 3389 -n RDP\n"
        "azure vm endpoint acl-rule create web1 RDP 100 permit 10.0.0.0/8\n" + delete
    )
    files = {script: "azure config mode asm\n" + commands}
    assert [f.code for f in lint_files(tmp_path, monkeypatch, files, "MIG201").findings] == reported
