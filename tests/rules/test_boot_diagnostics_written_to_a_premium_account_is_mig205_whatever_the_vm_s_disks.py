"""MIG205 (boot diagnostics with Premium storage) looked only at a VM's disks: a VM on Standard disks whose
boot diagnostics write its serial log and screenshot to a Premium storage account passed, though that is
the configuration the migration docs list as unsupported (Premium storage for boot diagnostics, which an
inventory export states as `debugProfile.serialOutputBlobUri` and `consoleScreenshotBlobUri`, joined to the
account by the blob's host). It is now an error at `bootDiagnosticsEnabled`, naming the account."""

from __future__ import annotations

import pytest
from lint_support import graph_page, graph_vm, lint_files


def _storage(name: str, account_type: str) -> dict:
    return {
        "id": f"/subscriptions/s1/resourceGroups/Default-Storage/providers/Microsoft.ClassicStorage/"
        f"storageAccounts/{name}",
        "name": name,
        "type": "microsoft.classicstorage/storageaccounts",
        "subscriptionId": "s1",
        "properties": {"accountType": account_type},
    }


def _vm(logs: str, enabled: bool = True, key: str = "serialOutputBlobUri") -> dict:
    vm = graph_vm("s1", "svc1", "db01")
    vm["properties"]["storageProfile"] = {
        "operatingSystemDisk": {
            "diskName": "db01-os",
            "ioType": "Standard",
            "vhdUri": "https://stdacct.blob.core.windows.net/vhds/db01-os.vhd",
        },
        "dataDisks": [],
    }
    vm["properties"]["debugProfile"] = {
        "bootDiagnosticsEnabled": enabled,
        key: f"https://{logs}.blob.core.windows.net/bootdiagnostics/db01.log",
    }
    return vm


def _mig205(tmp_path, monkeypatch, *rows: dict):
    result = lint_files(tmp_path, monkeypatch, {"classic.json": graph_page(*rows, indent=2)}, "MIG205")
    return [f for f in result.findings if f.code == "MIG205"]


ACCOUNTS = (_storage("premacct", "Premium-LRS"), _storage("stdacct", "Standard-GRS"))


@pytest.mark.parametrize("key", ["serialOutputBlobUri", "consoleScreenshotBlobUri"])
def test_logs_on_a_premium_account_are_an_error_at_the_setting(tmp_path, monkeypatch, key):
    [finding] = _mig205(tmp_path, monkeypatch, _vm("premacct", key=key), *ACCOUNTS)
    assert "VM 'db01' has boot diagnostics enabled" in finding.message
    assert "Premium storage account 'premacct'" in finding.message
    assert finding.location is not None
    assert (
        '"bootDiagnosticsEnabled": true'
        in (tmp_path / "classic.json").read_text().splitlines()[finding.location.line - 1]
    )


def test_logs_on_a_standard_account_pass(tmp_path, monkeypatch):
    assert _mig205(tmp_path, monkeypatch, _vm("stdacct"), *ACCOUNTS) == []


def test_boot_diagnostics_turned_off_pass(tmp_path, monkeypatch):
    assert _mig205(tmp_path, monkeypatch, _vm("premacct", enabled=False), *ACCOUNTS) == []


def test_an_account_no_file_shows_as_premium_is_no_evidence(tmp_path, monkeypatch):
    assert _mig205(tmp_path, monkeypatch, _vm("premacct"), ACCOUNTS[1]) == []
