"""MIG602: a Prepare of a resource whose name the script does not state (each storage account of a loop
over Get-AzureStorageAccount), of a kind the script never validates while it validates others, is the
mistake a Prepare of a named account without its Validate is."""

from __future__ import annotations

from lint_support import lint_files, where

NETWORK = (
    'Move-AzureVirtualNetwork -Validate -VirtualNetworkName "v1"\n'
    'Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "v1"\n'
    'Move-AzureVirtualNetwork -Commit -VirtualNetworkName "v1"\n'
)


def _loop(*steps: str) -> str:
    body = "".join(
        f"  Move-AzureStorageAccount -{step} -StorageAccountName $account.StorageAccountName\n"
        for step in steps
    )
    return "foreach ($account in Get-AzureStorageAccount) {\n" + body + "}\n"


def _mig602(tmp_path, monkeypatch, text: str) -> list[tuple[str, str]]:
    found = lint_files(tmp_path, monkeypatch, {"migrate.ps1": text}, "MIG602").findings
    return list(zip(where(found), (f.message for f in found), strict=True))


def test_accounts_prepared_in_a_loop_never_validated(tmp_path, monkeypatch):
    assert _mig602(tmp_path, monkeypatch, NETWORK + _loop("Prepare", "Commit")) == [
        (
            "MIG602 migrate.ps1:5:3",
            "migrate.ps1: Move-AzureStorageAccount -Prepare of a storage account this script does not name is "
            "not preceded by a Validate of any storage account, although this script validates other "
            "resources",
        )
    ]


def test_accounts_validated_in_the_loop(tmp_path, monkeypatch):
    assert _mig602(tmp_path, monkeypatch, NETWORK + _loop("Validate", "Prepare", "Commit")) == []


def test_a_script_that_validates_nothing_is_a_stage_of_a_runbook(tmp_path, monkeypatch):
    assert _mig602(tmp_path, monkeypatch, _loop("Prepare", "Commit")) == []


def test_a_validate_on_another_branch_does_not_count(tmp_path, monkeypatch):
    text = (
        "param([string]$Step)\n"
        'if ($Step -eq "validate") {\n'
        '  Move-AzureStorageAccount -Validate -StorageAccountName "st1"\n'
        "} else {\n"
        '  Move-AzureVirtualNetwork -Validate -VirtualNetworkName "v1"\n'
        "  Move-AzureStorageAccount -Prepare -StorageAccountName $env:ACCOUNT\n"
        "}\n"
    )
    assert [w for w, _ in _mig602(tmp_path, monkeypatch, text)] == ["MIG602 migrate.ps1:6:3"]
