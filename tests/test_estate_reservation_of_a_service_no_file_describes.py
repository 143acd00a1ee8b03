"""A script that only reserves the VIP of a cloud service that exists (`New-AzureReservedIP -ServiceName`)
describes a reserved IP bound to that service, not a cloud service with nothing in it: the readiness
summary and the plan invent no service, and an export of the service takes the reservation."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.readiness import ScopeKind, readiness

RESERVE_WEB = """\
Import-Module Azure
New-AzureReservedIP -ReservedIPName "fab-web-rip" -Location "West Europe" -ServiceName "fab-web"
"""


def test_the_reservation_is_a_reserved_ip_bound_to_the_service(tmp_path, monkeypatch):
    estate = lint_files(tmp_path, monkeypatch, {"reserve.ps1": RESERVE_WEB}, dedent=False).estate
    assert estate.cloud_services == ()
    assert [(ip.name, ip.service_name) for ip in estate.reserved_ips] == [("fab-web-rip", "fab-web")]


def test_readiness_and_plan_show_no_empty_cloud_service(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"reserve.ps1": RESERVE_WEB}, dedent=False)
    [summary] = readiness(result)
    # The reserved IP is listed as one of a service the files do not describe; no service is invented.
    assert [s.scope for s in summary.scopes if s.items] == [
        ScopeKind.RESERVED_FOR_UNDESCRIBED,
        ScopeKind.FILES,
    ]
    steps = [step for sub in build_plan(result).subscriptions for step in sub.steps]
    assert [step.id for step in steps if step.id.startswith("service:")] == []


def test_a_reservation_that_may_not_run_binds_nothing_for_sure(tmp_path, monkeypatch):
    # Whether the VIP is reserved is then unknown, which only the script's deployment of the service says.
    maybe = RESERVE_WEB.replace("New-AzureReservedIP", "if ($Keep) { New-AzureReservedIP", 1) + "}\n"
    estate = lint_files(tmp_path, monkeypatch, {"reserve.ps1": "param([switch] $Keep)\n" + maybe}).estate
    assert [(ip.name, ip.service_name) for ip in estate.reserved_ips] == [("fab-web-rip", "")]
