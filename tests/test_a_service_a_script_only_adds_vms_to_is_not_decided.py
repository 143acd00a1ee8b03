"""A script that adds VM web02 to cloud service shop (New-AzureVM without -Location, -AffinityGroup or
-VNetName; add_role; the classic CLI's vm create --connect) or changes a VM of it, where no file checked
creates the deployment or describes it whole, describes the service only in part: it has VMs no file shows,
and Validate takes them in (their availability sets, the VIP, their addresses). Nothing the files show
stops it, but the readiness summary does not say "Validation passed": it says "Not decided", the plan's step
is not ready and says what to add, and the badge never reads "ready". A blocker still fails it. Where
another file creates the deployment (a script, in any format) or describes it whole (a REST body), the
service is described whole, and passes as before."""

from __future__ import annotations

import json

import pytest
from lint_support import graph_page, graph_vm, lint_files

from migcheck.engine import LintResult
from migcheck.model import Finding, Mark, Severity
from migcheck.plan import build_plan
from migcheck.report import badge
from migcheck.report.plan_format import render_plan
from migcheck.report.readiness import ScopeItem, Verdict, readiness

PY = "from azure.servicemanagement import ServiceManagementService\nsms = ServiceManagementService('s', 'c.pem')\n"
PS_VM = (
    "$vm = New-AzureVMConfig -Name {vm} -InstanceSize Small -ImageName img |\n"
    "  Add-AzureProvisioningConfig -Windows -AdminUsername u -Password p\n"
)

# Descriptions that create deployment shop with VM web01 in no network, by the extension of their file.
CREATES = {
    "py": PY
    + "sms.create_virtual_machine_deployment('shop', 'shop', 'production', 'shop', 'web01', None, None)\n",
    "ps1": PS_VM.format(vm="web01") + "New-AzureVM -ServiceName shop -Location 'West Europe' -VMs $vm\n",
    "sh": "azure config mode asm\nazure vm create shop img u p -l 'West Europe' -n web01\n",
    "xml": """\
<HostedService xmlns="http://schemas.microsoft.com/windowsazure">
  <ServiceName>shop</ServiceName>
  <Deployments>
    <Deployment>
      <Name>shop</Name>
      <RoleList>
        <Role><RoleName>web01</RoleName><RoleType>PersistentVMRole</RoleType></Role>
      </RoleList>
    </Deployment>
  </Deployments>
</HostedService>
""",
}

# Descriptions that add a VM to deployment shop, or change one of its VMs, without creating it.
ADDS = {
    "ps-new-vm-in-the-deployment": (
        "ps1",
        PS_VM.format(vm="web02") + "New-AzureVM -ServiceName shop -VMs $vm\n",
    ),
    "ps-update-vm": (
        "ps1",
        "Get-AzureVM -ServiceName shop -Name web01 | Set-AzureVMSize -InstanceSize Medium | Update-AzureVM\n",
    ),
    "py-add-role": ("py", PY + "sms.add_role('shop', 'shop', 'web02', None, None, role_size='Small')\n"),
    "py-update-role": ("py", PY + "sms.update_role('shop', 'shop', 'web01', role_size='Medium')\n"),
    "sh-vm-create-connect": ("sh", "azure config mode asm\nazure vm create shop img u p -n web02 -c\n"),
}


def _shop(result: LintResult) -> ScopeItem:
    (summary,) = readiness(result)
    (item,) = [i for i in summary.items if i.type == "CloudService" and i.name == "shop"]
    return item


def _shop_step(result: LintResult) -> dict:
    data = json.loads(render_plan(build_plan(result), "json"))
    (step,) = [
        s
        for sub in data["subscriptions"]
        for s in sub["steps"]
        if s["id"].startswith("service:") and "shop" in s["id"]
    ]
    return step


@pytest.mark.parametrize("change", ADDS)
def test_a_service_only_a_script_adds_to_is_not_decided(tmp_path, monkeypatch, change):
    extension, text = ADDS[change]
    result = lint_files(tmp_path, monkeypatch, {f"add.{extension}": text})
    item = _shop(result)
    assert item.verdict is Verdict.NOT_DECIDED
    assert str(item.verdict) == "Not decided: the service may have VMs the files do not describe"
    step = _shop_step(result)
    assert step["ready"] is False
    assert step["partly_described"] is True
    (note,) = [n for n in step["notes"] if n.startswith("The files may not hold every VM")]
    assert "Add the deployment's REST body (Get-AzureDeployment -ServiceName 'shop')" in note
    assert not badge.status(result).message.startswith("ready")
    assert "1 service not decided" in badge.status(result).message


@pytest.mark.parametrize("change", ADDS)
@pytest.mark.parametrize("made", CREATES)
def test_a_service_another_file_creates_or_describes_whole_passes(tmp_path, monkeypatch, made, change):
    extension, text = ADDS[change]
    result = lint_files(tmp_path, monkeypatch, {f"made.{made}": CREATES[made], f"add.{extension}": text})
    item = _shop(result)
    assert item.verdict in (Verdict.PASSED, Verdict.WARNINGS)
    step = _shop_step(result)
    assert "partly_described" not in step
    assert not any(n.startswith("The files may not hold every VM") for n in step["notes"])


@pytest.mark.parametrize(
    "script",
    [
        # The first call creates the deployment; the later ones add to it.
        PS_VM.format(vm="web01")
        + "New-AzureVM -ServiceName shop -Location 'West Europe' -VMs $vm\n"
        + PS_VM.format(vm="web02")
        + "New-AzureVM -ServiceName shop -VMs $vm\n",
        "azure config mode asm\n"
        "azure vm create shop img u p -l 'West Europe' -n web01\n"
        "azure vm create shop img u p -n web02 -c\n",
        PY
        + "sms.create_virtual_machine_deployment('shop', 'shop', 'production', 'shop', 'web01', None, None)\n"
        + "sms.add_role('shop', 'shop', 'web02', None, None, role_size='Small')\n",
    ],
    ids=["ps1", "sh", "py"],
)
def test_a_script_that_creates_the_deployment_before_adding_to_it_passes(tmp_path, monkeypatch, script):
    extension = {"$": "ps1", "a": "sh", "f": "py"}[script[0]]
    result = lint_files(tmp_path, monkeypatch, {f"deploy.{extension}": script})
    assert _shop(result).verdict in (Verdict.PASSED, Verdict.WARNINGS)
    assert _shop_step(result)["ready"] is True


def test_the_text_summary_and_plan_say_it(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"add.ps1": ADDS["ps-new-vm-in-the-deployment"][1]})
    plan = render_plan(build_plan(result), "text")
    # Its VMs name no network either: both reasons, after one "not decided".
    both = "not decided: the files do not say which virtual network it is in, and may not hold every VM"
    assert f"shop [wave 1] — NOT READY ({both})" in plan
    markdown = render_plan(build_plan(result), "markdown")
    assert f"⛔ not ready ({both})" in markdown


def test_a_blocker_still_fails_it():
    error = Finding("MIG203", "x", Severity.ERROR, "m", "f", Mark("a.ps1", 1, 1), "Role", "web02")
    warning = Finding("MIG105", "x", Severity.WARNING, "m", "f", Mark("a.ps1", 1, 1), "Role", "web02")
    assert ScopeItem("shop", "CloudService", {}, (error,), partly_described=True).verdict is Verdict.FAILED
    assert (
        ScopeItem("shop", "CloudService", {}, (warning,), partly_described=True).verdict
        is Verdict.NOT_DECIDED
    )
    assert ScopeItem("shop", "CloudService", {}, (warning,)).verdict is Verdict.WARNINGS


@pytest.mark.parametrize("change", ADDS)
def test_an_export_of_the_service_describes_it_whole(tmp_path, monkeypatch, change):
    extension, text = ADDS[change]
    export = graph_page(graph_vm("default", "shop", "web01", vnet="", subnet=""))
    result = lint_files(tmp_path, monkeypatch, {"classic.json": export, f"add.{extension}": text})
    assert _shop(result).verdict is not Verdict.NOT_DECIDED
    assert "partly_described" not in _shop_step(result)
