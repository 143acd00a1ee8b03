"""A PowerShell script's deployment is in the slot New-AzureVM (Production) or `-Slot` puts it in, and a
swap (`Move-AzureDeployment`) that surely runs moves it to the other. A swap that may not run (under an
`if` the reader cannot decide, in a function the script never calls, after an `exit` on some path) leaves
it in either: its slot is "" (not known), as a .cscfg's is. So an exported reserved IP bound to one slot
of the service is not joined to that deployment by a slot the script does not know it is in."""

from __future__ import annotations

import textwrap

import pytest
from lint_support import graph_page, graph_reserved_ip, lint_files

from migcheck.model import Deployment
from migcheck.readers import read_document

SUBSCRIPTION = "11111111-2222-3333-4444-555555555555"

CREATE = """\
New-AzureVMConfig -Name "web01" -InstanceSize Small -ImageName $image |
    Add-AzureProvisioningConfig -Windows -AdminUsername $user -Password $password |
    New-AzureVM -ServiceName "svc" -Location "West Europe"
"""

SWAP = 'Move-AzureDeployment -ServiceName "svc"\n'

# A swap that may not run, in each way the reader knows one may not.
MAY_NOT_RUN = {
    "under an undecided if": f"if ($args[0]) {{\n    {SWAP}}}\n",
    "in a function never called": f"function Switch-Slots {{\n    {SWAP}}}\n",
    "after an exit on some path": f"if ($args[0]) {{ exit 1 }}\n{SWAP}",
    "in a loop": f"foreach ($round in $args) {{\n    {SWAP}}}\n",
}


def _deployment(script: str) -> Deployment:
    document = read_document("deploy/svc.ps1", textwrap.dedent(script).encode("utf-8"), explicit=False)
    assert document is not None
    # 'svc''s: a swap of another service describes that one too (its roles are a package's).
    [deployment] = [r for r in document.resources if isinstance(r, Deployment) and r.service_name == "svc"]
    return deployment


def _slot(script: str) -> str:
    return _deployment(script).slot


# --- the reader ------------------------------------------------------------------------------------------


def test_without_a_swap_new_azurevm_s_deployment_is_in_production():
    assert _slot(CREATE) == "Production"


def test_a_swap_that_surely_runs_moves_it_to_staging():
    assert _slot(CREATE + SWAP) == "Staging"


def test_two_swaps_that_surely_run_move_it_back():
    assert _slot(CREATE + SWAP + SWAP) == "Production"


@pytest.mark.parametrize("swap", MAY_NOT_RUN.values(), ids=MAY_NOT_RUN.keys())
def test_a_swap_that_may_not_run_leaves_the_slot_unknown(swap):
    assert _slot(CREATE + swap) == ""


def test_a_swap_that_surely_runs_after_one_that_may_not_still_leaves_it_unknown():
    assert _slot(CREATE + MAY_NOT_RUN["under an undecided if"] + SWAP) == ""


def test_a_swap_in_each_branch_of_an_if_is_read_as_two_that_may_not_run():
    # Not weighed together as one that surely runs: the slot is not known, which is not wrong.
    assert _slot(CREATE + f"if ($args[0]) {{ {SWAP} }} else {{ {SWAP} }}\n") == ""


def test_a_swap_of_another_service_keeps_the_slot():
    assert _slot(CREATE + 'if ($args[0]) { Move-AzureDeployment -ServiceName "other" }\n') == "Production"


# Run as written (on the parameters' defaults) the script swaps nothing and makes a VM in two subnets
# (MIG202); a caller may pass -Swap yes, and another tier. The two runs' VMs are joined all the same.
_TIERS = """\
param([string]$Tier = "backend", [string]$Swap = "no")
if ($Tier -eq "backend") { $subnets = @("be", "mgmt") } else { $subnets = @("fe") }
$vm = New-AzureVMConfig -Name "$Tier-01" -InstanceSize "Medium" -ImageName "img"
$vm = Set-AzureSubnet -VM $vm -SubnetNames $subnets
New-AzureVM -ServiceName "svc" -VNetName "contoso-vnet" -VMs $vm
if ($Swap -eq "yes") { Move-AzureDeployment -ServiceName "svc" }
"""


def test_a_blocker_of_the_defaults_run_is_reported_whatever_slot_each_run_finds(tmp_path, monkeypatch):
    assert _deployment(_TIERS).slot == ""
    result = lint_files(tmp_path, monkeypatch, {"tiers.ps1": _TIERS}, "MIG202", dedent=False)
    assert [(f.code, f.mark.line) for f in result.findings] == [("MIG202", 2)]


# --- the effect: an exported reserved IP bound to a slot --------------------------------------------------

# The service's production deployment, as a REST body states it: the script's is the other.
PRODUCTION = """\
<HostedService xmlns="http://schemas.microsoft.com/windowsazure">
  <ServiceName>svc</ServiceName>
  <Deployments>
    <Deployment>
      <Name>svc-prod</Name>
      <DeploymentSlot>Production</DeploymentSlot>
      <RoleList>
        <Role><RoleName>web02</RoleName><RoleType>PersistentVMRole</RoleType></Role>
      </RoleList>
    </Deployment>
  </Deployments>
</HostedService>
"""


def _held(tmp_path, monkeypatch, script: str) -> dict[str, list[str]]:
    """The reserved IPs each deployment of cloud service 'svc' holds, and those bound to the service
    (""), when an export attaches reserved IP 'svc-ip' to its staging slot."""
    export = graph_page(graph_reserved_ip(SUBSCRIPTION, "svc-ip", "svc", slot="Staging"), indent=4)
    files = {"vm.ps1": script, "prod.xml": PRODUCTION, "classic.json": export}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    [service] = result.estates[0].cloud_services
    held = {p.name: [ref.name for ref in p.reserved_ips] for p in service.placements}
    return {**held, "": [ref.name for ref in service.bound_reserved_ips]}


def test_an_ip_of_the_staging_slot_joins_the_deployment_a_sure_swap_moved_there(tmp_path, monkeypatch):
    held = _held(tmp_path, monkeypatch, CREATE + SWAP)
    assert held == {"svc": ["svc-ip"], "svc-prod": [], "": []}


def test_an_ip_of_the_staging_slot_does_not_join_a_deployment_a_swap_may_have_moved(tmp_path, monkeypatch):
    # Swapped to staging, then maybe back: the script does not say which slot it ends in.
    script = CREATE + SWAP + MAY_NOT_RUN["under an undecided if"]
    held = _held(tmp_path, monkeypatch, script)
    assert held == {"svc": [], "svc-prod": [], "": ["svc-ip"]}
