"""A `Get-AzureReservedIP` export names no subscription; a Resource Graph row of the same reserved IP names
one. In one folder they were two reserved IPs, each reported and planned: the export is of the only
subscription whose rows bear its name, so the two are one reserved IP, and where they disagree (another
address) that is a conflict (MIG004), as two exports of one reserved IP are. Where rows of two subscriptions
bear the name, or the files are declared of another subscription, which one the export shows is unknown."""

from __future__ import annotations

import json

from lint_support import graph_reserved_ip, lint_files

SUB = "11111111-1111-1111-1111-111111111111"
OTHER = "22222222-2222-2222-2222-222222222222"


def _cmdlet_row(address: str = "40.113.9.9") -> dict:
    return {
        "ReservedIPName": "rip1",
        "Address": address,
        "Location": "West Europe",
        "State": "Created",
        "InUse": True,
        "ServiceName": "svc",
        "DeploymentName": "svc",
        "OperationDescription": "Get-AzureReservedIP",
    }


def _lint(tmp_path, monkeypatch, graph_rows: list[dict], cmdlet: dict, *extra: tuple[str, str]):
    files = {"graph.json": json.dumps(graph_rows), "reserved-ips.json": json.dumps([cmdlet]), **dict(extra)}
    return lint_files(tmp_path, monkeypatch, files, dedent=False)


def _reserved(result) -> list[tuple[str, str]]:
    return sorted((ip.name, ip.mark.path) for e in result.estates for ip in e.inventory.reserved_ips)


def test_the_export_and_the_row_are_one_reserved_ip(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, [graph_reserved_ip(SUB, "rip1", "svc")], _cmdlet_row())
    assert _reserved(result) == [("rip1", "graph.json")]
    assert [f.code for f in result.findings if f.code == "MIG004"] == []


def test_an_export_with_another_address_is_a_conflict(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, [graph_reserved_ip(SUB, "rip1", "svc")], _cmdlet_row("40.113.9.10"))
    assert _reserved(result) == [("rip1", "graph.json")]
    (conflict,) = [f for f in result.findings if f.code == "MIG004"]
    assert conflict.location.path == "reserved-ips.json"
    assert "reserved IP 'rip1'" in conflict.message and "address 40.113.9.10 / 40.113.9.9" in conflict.message


def test_rows_of_two_subscriptions_bearing_the_name_leave_the_export_apart(tmp_path, monkeypatch):
    rows = [graph_reserved_ip(SUB, "rip1", "svc"), graph_reserved_ip(OTHER, "rip1", "svc")]
    result = _lint(tmp_path, monkeypatch, rows, _cmdlet_row("40.113.9.10"))
    assert not [f for f in result.findings if f.code == "MIG004"]


def test_files_declared_of_another_subscription_keep_the_export_theirs(tmp_path, monkeypatch):
    declared = ("migcheck.toml", f'[inventory]\nsubscription = "{OTHER}"\n')
    rows = [graph_reserved_ip(SUB, "rip1", "svc"), graph_reserved_ip(OTHER, "rip2", "svc")]
    result = _lint(tmp_path, monkeypatch, rows, _cmdlet_row(), declared)
    assert ("rip1", "reserved-ips.json") in _reserved(result)
