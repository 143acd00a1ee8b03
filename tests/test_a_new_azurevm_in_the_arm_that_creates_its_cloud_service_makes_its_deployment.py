"""`New-AzureService -ServiceName shop` then `New-AzureVM -ServiceName shop` (no -Location, no -VNetName)
inside one arm of an `if ($action -eq 'deploy')`: the New-AzureVM runs only where the service was just
created empty, so it makes the service's deployment (in no virtual network) rather than adding to one that
may exist. It read as a service that may already have VMs in a network the files do not state: "Not decided",
NOT READY. A New-AzureVM that may run where the creation did not (after the `if`, in its `else`, in another
`if`, in a loop with the creation) still leaves it not decided."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files

from migcheck.engine import LintResult
from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan
from migcheck.report.readiness import ScopeItem, Verdict, readiness

SERVICE = "New-AzureService -ServiceName shop -Location 'West US'"
VM = "New-AzureVMConfig -Name web1 -InstanceSize Small -ImageName img | New-AzureVM -ServiceName shop"

DECIDED = {
    "in one arm": f"if ($action -eq 'deploy') {{\n    {SERVICE}\n    {VM}\n}}\n",
    "in an if within that arm": f"if ($action -eq 'deploy') {{\n    {SERVICE}\n    if ($Web) {{ {VM} }}\n}}\n",
    "in the elseif arm": f"if ($action -eq 'x') {{ exit }}\nelseif ($action -eq 'deploy') {{\n    {SERVICE}\n    {VM}\n}}\n",
    "in a function nothing calls": f"function Deploy {{\n    {SERVICE}\n    {VM}\n}}\n",
}
NOT_DECIDED = {
    "after the if": f"if ($New) {{ {SERVICE} }}\n{VM}\n",
    "in its else": f"if ($New) {{ {SERVICE} }} else {{ {VM} }}\n",
    "in another if": f"if ($New) {{ {SERVICE} }}\nif ($New) {{ {VM} }}\n",
    "in a loop with it": f"foreach ($n in $Names) {{\n    {SERVICE}\n    {VM}\n}}\n",
}


def _service(result: LintResult) -> ScopeItem:
    (summary,) = readiness(result)
    (item,) = [i for i in summary.items if i.type == "CloudService" and i.name == "shop"]
    return item


def _step(result: LintResult) -> dict:
    data = json.loads(render_plan(build_plan(result), "json"))
    (step,) = [s for sub in data["subscriptions"] for s in sub["steps"] if s["kind"] != "storage"]
    return step


@pytest.mark.parametrize("where", DECIDED)
def test_the_vm_makes_the_deployment_of_the_service_created_on_its_path(tmp_path, monkeypatch, where):
    text = "param([string]$action, [switch]$Web)\n" + DECIDED[where]
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": text}, dedent=False)
    assert _service(result).verdict in (Verdict.PASSED, Verdict.WARNINGS)
    assert "partly_described" not in _step(result)
    assert "VMs not in a virtual network" in render_plan(build_plan(result), "text")


@pytest.mark.parametrize("where", NOT_DECIDED)
def test_a_vm_that_may_run_where_the_service_was_not_created_is_not_decided(tmp_path, monkeypatch, where):
    text = "param([switch]$New, [string[]]$Names)\n" + NOT_DECIDED[where]
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": text}, dedent=False)
    assert _service(result).verdict == Verdict.NOT_DECIDED
    assert _step(result)["partly_described"] is True
