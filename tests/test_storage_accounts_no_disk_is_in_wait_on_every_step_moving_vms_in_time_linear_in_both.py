"""A storage account the files show no disk in may hold disks of VMs they do not show, so its readiness item
waits on every item that moves VMs (`ScopeItem.after`). Each such account once built its own tuple of those
items, hashing every cloud service it held: an inventory estate of 48 exports took 145 s. Doubling both the
accounts and the cloud services of a VM each must only double the cost of the readiness summary."""

from __future__ import annotations

from growth import assert_linear
from lint_support import accounts_waiting_on_every_vm, lint_files

from migcheck.report.readiness import readiness


def test_each_account_no_disk_is_in_waits_on_every_cloud_service_of_vms(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, accounts_waiting_on_every_vm(3, 3), dedent=False)
    (summary,) = readiness(result)
    after = {item.name: [subject.name for subject in item.after] for item in summary.items}
    every_service = ["svc0", "svc1", "svc2"]
    assert after == {
        **{service: [] for service in every_service},
        **{account: every_service for account in ("disks", "spare0", "spare1", "spare2")},
    }


def test_the_readiness_summary_of_many_such_accounts_and_services(tmp_path, monkeypatch):
    def make(n: int):
        result = lint_files(tmp_path / f"n{n}", monkeypatch, accounts_waiting_on_every_vm(n, n), dedent=False)
        return lambda: readiness(result)

    assert_linear(make, 400)
