"""A Python script that creates a storage account under a name it does not state and builds its VM's disk
address from the same variable with `str.format` (`"http://{}.blob.core.windows.net/{}/{}".format(storage_name,
...)`) puts the disk in the account it creates on that path: one account, as for an f-string or `+`, where the
plan had two steps, the disk's account and the created one "with no disk"."""

from __future__ import annotations

import json

import pytest
from lint_support import run_cli

SCRIPT = """\
from azure.servicemanagement import ServiceManagementService, OSVirtualHardDisk


def create(sms, service_name, image_id, storage_name=None):
    storage_account = None
    if storage_name is None:
        for azure_storage in sms.list_storage_accounts():
            storage_name = azure_storage.service_name
            storage_account = azure_storage
            break
    if storage_account is None:
        if storage_name is None:
            storage_name = service_name
        sms.create_storage_account(storage_name, service_name, service_name, location="West Europe")
    url = {address}
    os_hd = OSVirtualHardDisk(image_id, url)
    sms.create_hosted_service(service_name, service_name, location="West Europe")
    sms.create_virtual_machine_deployment(service_name, service_name, "production", service_name, service_name, None, os_hd)
"""

ADDRESSES = {
    "fields in turn": '"http://{}.blob.core.windows.net/vhds/{}.vhd".format(storage_name, service_name)',
    "numbered fields": '"http://{0}.blob.core.windows.net/vhds/{1}.vhd".format(storage_name, service_name)',
    "named fields": '"http://{a}.blob.core.windows.net/vhds/{s}.vhd".format(s=service_name, a=storage_name)',
    "an f-string": 'f"http://{storage_name}.blob.core.windows.net/vhds/{service_name}.vhd"',
}


def _storage_moves(tmp_path, monkeypatch, capsys, address: str) -> list[str]:
    (tmp_path / "deploy.py").write_text(SCRIPT.replace("{address}", address), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    steps = json.loads(out)["subscriptions"][0]["steps"]
    return [move for s in steps if s["kind"] == "storage" for move in s["moves"]]


@pytest.mark.parametrize("how", sorted(ADDRESSES))
def test_the_disk_is_in_the_account_the_script_creates(tmp_path, monkeypatch, capsys, how) -> None:
    moves = _storage_moves(tmp_path, monkeypatch, capsys, ADDRESSES[how])
    assert moves == ["storage account '<storage account name, deploy.py:14>' (1 disk)"]


def test_an_address_built_from_another_value_is_another_account(tmp_path, monkeypatch, capsys) -> None:
    address = '"http://{}.blob.core.windows.net/vhds/{}.vhd".format(image_id, service_name)'
    moves = _storage_moves(tmp_path, monkeypatch, capsys, address)
    assert len(moves) == 2
    assert "storage account '<storage account name, deploy.py:14>' (the files name no disk" in " ".join(moves)
