"""MIG106 of a reserved IP an inventory export binds to a cloud service of several deployments (production
and staging), not to one of them: whichever slot's VIP it is, it cannot be migrated with it when no
deployment has an input endpoint on its public VIP, so it is reported at the export's row; when one of them
has one, whether it can depends on the slot, which the export does not say, and nothing is reported."""

from __future__ import annotations

from lint_support import lint_files, where
from test_reserved_ip_bound_to_a_service_of_several_deployments import SLOTS, _export, _scope_items, _service

from migcheck.report.readiness import ScopeKind


def _mig106(tmp_path, monkeypatch, files: dict[str, str]):
    return lint_files(
        tmp_path, monkeypatch, {**files, "classic.json": _export("svc")}, "MIG106", dedent=False
    )


def test_reported_at_the_export_when_no_deployment_has_an_input_endpoint(tmp_path, monkeypatch):
    result = _mig106(tmp_path, monkeypatch, {"svc.xml": _service(endpoints="")})
    assert where(result.findings) == ["MIG106 classic.json:6:21"]  # the row's name
    assert "reserved IP 'svc-ip' of cloud service 'svc'" in result.findings[0].message
    [item] = _scope_items(result, ScopeKind.NO_VNET)
    assert [f.code for f in item.findings] == ["MIG106"]


def test_reported_for_web_worker_slots_with_the_roles_fix(tmp_path, monkeypatch):
    result = _mig106(tmp_path, monkeypatch, SLOTS)
    assert where(result.findings) == ["MIG106 classic.json:6:21"]  # the row's name
    assert "Remove-AzureReservedIPAssociation" in result.findings[0].fix
    [item] = _scope_items(result, ScopeKind.WEB_WORKER)
    assert [f.code for f in item.findings] == ["MIG106"]


def test_silent_when_a_deployment_has_an_input_endpoint(tmp_path, monkeypatch):
    https = "<InputEndpoint><Name>HTTPS</Name><Port>443</Port><Protocol>tcp</Protocol></InputEndpoint>"
    one = _service(endpoints="").replace(
        "<InputEndpoints></InputEndpoints>", f"<InputEndpoints>{https}</InputEndpoints>", 1
    )
    assert where(_mig106(tmp_path, monkeypatch, {"svc.xml": one}).findings) == []
