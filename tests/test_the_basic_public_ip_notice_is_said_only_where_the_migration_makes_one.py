"""The plan's notice that Basic SKU public IPs were retired (2025-09-30) was said of every estate with a VM,
also of VMs with no input endpoint, no public IP of their own and no reserved IP, of which the migration makes
no public IP (a VIP is migrated only with an input endpoint on it). It is now said where the migration makes
one (an input endpoint's VIP, a VM's own public IP, a reserved IP, a gateway), in words that say so only
conditionally where the files do not list the VMs' endpoints, and not at all otherwise."""

from __future__ import annotations

from lint_support import graph_page, graph_vm, lint_files

from migcheck.plan import BASIC_SKU_IF_ENDPOINTS, RETIREMENTS, build_plan

SUB = "11111111-2222-3333-4444-555555555555"
BASIC = RETIREMENTS[3]


def _notices(tmp_path, monkeypatch, vm: dict) -> tuple[str, ...]:
    result = lint_files(tmp_path, monkeypatch, {"classic.json": graph_page(vm)}, dedent=False)
    return build_plan(result).retirements


def _vm(endpoints: object) -> dict:
    vm = graph_vm(SUB, "shop", "web01")
    if endpoints is not None:
        vm["properties"]["networkProfile"]["inputEndpoints"] = endpoints
    return vm


def test_a_vm_with_no_input_endpoint_and_no_reserved_ip_gets_no_notice(tmp_path, monkeypatch):
    notices = _notices(tmp_path, monkeypatch, _vm([]))
    assert not any("Basic SKU" in notice for notice in notices)
    assert any(notice.startswith("IaaS VMs (classic)") for notice in notices)


def test_a_vm_with_an_input_endpoint_gets_the_notice(tmp_path, monkeypatch):
    endpoint = {"endpointName": "https", "privatePort": 443, "publicPort": 443, "protocol": "tcp"}
    assert BASIC in _notices(tmp_path, monkeypatch, _vm([endpoint]))


def test_a_vm_whose_endpoints_the_export_leaves_out_gets_the_notice_conditionally(tmp_path, monkeypatch):
    notices = _notices(tmp_path, monkeypatch, _vm(None))
    assert BASIC not in notices
    assert BASIC_SKU_IF_ENDPOINTS in notices
    assert "if any has one" in BASIC_SKU_IF_ENDPOINTS
