"""A plan says, first (before its retirement banners, step 0 and the Markdown chart), how many steps
it has, how many are ready and why the others are not (their own blockers, a name or key to fill in, not decided,
only waiting on steps before them), then which to start with: the ready steps of the first wave, and the step
not ready that the most others wait on, with why; in text, Markdown, HTML and JSON (`overview`). Where it
said nothing of the kind, and a reader had to go through every step to find where to start.

Blockers outside the steps fail the migration however ready the steps are: the overview counts them and
says to fix them first, where it said "all ready" above a list of them; one in what a script does (a runbook
that migrates a network before its ExpressRoute circuit, MIG602) holds up no step, and is said apart."""

from __future__ import annotations

import json

from lint_support import lint_files, run_cli

TWO_NETWORKS = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="app-vnet" Location="North Europe">
      <AddressSpace><AddressPrefix>10.20.0.0/16</AddressPrefix></AddressSpace>
      <Subnets>
        <Subnet name="web"><AddressPrefix>10.20.1.0/24</AddressPrefix></Subnet>
        <Subnet name="data"><AddressPrefix>10.20.2.0/24</AddressPrefix></Subnet>
      </Subnets>
    </VirtualNetworkSite>
    <VirtualNetworkSite name="ops-vnet" Location="North Europe">
      <AddressSpace><AddressPrefix>10.30.0.0/16</AddressPrefix></AddressSpace>
      <Subnets><Subnet name="ops"><AddressPrefix>10.30.1.0/24</AddressPrefix></Subnet></Subnets>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
# A VM of app-vnet in two subnets (MIG202, a blocker), its disk in storage account shopdisks, which waits on it.
DEPLOY = (
    "azure vm create shop img ops 'P@ss' -n app1 -w app-vnet -b web,data "
    "-u https://shopdisks.blob.core.windows.net/vhds/app1.vhd -z Small\n"
)
COUNTS = "Overview: 3 steps: 1 ready, 1 with blockers, 1 only waiting on steps before them."
START = (
    "   Start with step 2 (ops-vnet): ready, in wave 1. Of the steps not ready, first fix step 1 (app-vnet, "
    "1 blocker): 1 step waits on it."
)


def _plan(capsys, *options: str) -> str:
    return run_cli(capsys, "plan", ".", *options)[1]


def test_the_text_says_it_first_before_the_banners_and_step_0(tmp_path, monkeypatch, capsys):
    lint_files(tmp_path, monkeypatch, {"net.netcfg": TWO_NETWORKS, "deploy.sh": DEPLOY}, dedent=False)
    lines = _plan(capsys).splitlines()
    at = lines.index(COUNTS)
    assert lines[at + 1] == START
    assert lines[: at - 1] == ["Migration plan"]  # the heading, then a blank line
    banners = [n for n, line in enumerate(lines) if line.startswith("  ! ")]
    assert banners and banners[0] == at + 3
    assert lines[banners[-1] + 2].startswith("0. Before the first step")


def test_markdown_and_html_say_it_before_the_chart_and_step_0(tmp_path, monkeypatch, capsys):
    lint_files(tmp_path, monkeypatch, {"net.netcfg": TWO_NETWORKS, "deploy.sh": DEPLOY}, dedent=False)
    said = f"{COUNTS.removeprefix('Overview: ')} {START.strip()}"
    out = _plan(capsys, "--format", "markdown")
    assert f"**Overview:** {said}" in out
    assert (
        out.index("**Overview:**") < out.index("> IaaS VMs") < out.index("```mermaid") < out.index("### 0. ")
    )
    out = _plan(capsys, "--format", "html")
    assert f'<p class="overview"><strong>Overview:</strong> {said}</p>' in out
    assert out.index('class="overview"') < out.index("<svg")


def test_json_gives_the_same_numbers_and_steps(tmp_path, monkeypatch, capsys):
    lint_files(tmp_path, monkeypatch, {"net.netcfg": TWO_NETWORKS, "deploy.sh": DEPLOY}, dedent=False)
    (subscription,) = json.loads(_plan(capsys, "--format", "json"))["subscriptions"]
    steps = subscription["steps"]
    assert subscription["overview"] == {
        "steps": len(steps),
        "ready": sum(step["ready"] for step in steps),
        "with_blockers": sum(bool(step["blockers"]) for step in steps),
        "name_unstated": 0,
        "not_decided": 0,
        "waiting": sum(not step["blockers"] and "waits_on" in step for step in steps),
        "not_migrated": 0,
        "waited_by": 1,
        "outside_blockers": 0,
        "outside_holding_steps": 0,
        "start_with": ["network:ops-vnet"],
        "fix_first": ["network:app-vnet"],
    }


def test_with_nothing_ready_it_names_the_step_the_most_others_wait_on(tmp_path, monkeypatch, capsys):
    # A VM with an endpoint ACL, its registered disk in an account no file states, and an account with no
    # disk the files show: both accounts wait on the VM's service.
    from test_a_step_that_only_waits_is_said_so_and_an_account_no_listed_disk_is_in_waits_on_nothing import (
        RUNBOOK,
    )

    lint_files(tmp_path, monkeypatch, {"Deploy.ps1": RUNBOOK}, dedent=False)
    out = run_cli(capsys, "plan", ".")[1].splitlines()
    at = next(n for n, line in enumerate(out) if line.startswith("Overview: "))
    assert out[at : at + 2] == [
        "Overview: 3 steps: none ready, 1 with blockers, 1 with a name or key to fill in, 1 only waiting on "
        "steps before them.",
        "   Nothing is ready: start with step 1 (shop/shop, 1 blocker): 2 steps wait on it.",
    ]


def test_a_plan_all_ready_starts_with_its_first_wave(capsys):
    out = run_cli(capsys, "plan", "examples/ready")[1].splitlines()
    at = out.index("Overview: 3 steps: all ready.")
    assert out[at + 1] == "   Start with step 1 (northwind-app-vnet): ready, in wave 1."


def test_a_step_not_decided_or_with_a_name_to_fill_in_is_never_counted_ready(tmp_path, monkeypatch, capsys):
    lint_files(
        tmp_path,
        monkeypatch,
        {
            # hubnet: no file defines it, so whether Validate passes it is not decided.
            "deploy.sh": "azure vm create shop img ops 'P@ss' -n app1 -w hubnet -b web -z Small\n",
            "ip.ps1": 'param($ipName)\nNew-AzureReservedIP -ReservedIPName $ipName -Location "North Europe"\n',
        },
        dedent=False,
    )
    out = _plan(capsys).splitlines()
    # The storage account the CLI picks for app1's disks (no -u) has a name to fill in too, and waits on hubnet.
    at = out.index("Overview: 3 steps: none ready, 2 with a name or key to fill in, 1 not decided.")
    assert out[at + 1].startswith("   Nothing is ready: start with step 1 (hubnet, not decided: ")
    (subscription,) = json.loads(_plan(capsys, "--format", "json"))["subscriptions"]
    assert (subscription["overview"]["ready"], subscription["overview"]["start_with"]) == (0, [])


# A network behind a classic ExpressRoute circuit, and a runbook that migrates it before the circuit (MIG602,
# about no step): both steps are ready (the runbook states the circuit's service key), the migration fails all
# the same.
ER_NETWORK = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="dc-er"><AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
      </LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="corp" Location="West Europe">
        <AddressSpace><AddressPrefix>10.10.0.0/16</AddressPrefix></AddressSpace>
        <Subnets>
          <Subnet name="web"><AddressPrefix>10.10.1.0/24</AddressPrefix></Subnet>
          <Subnet name="GatewaySubnet"><AddressPrefix>10.10.255.0/27</AddressPrefix></Subnet>
        </Subnets>
        <Gateway><ConnectionsToLocalNetwork>
          <LocalNetworkSiteRef name="dc-er"><Connection type="Dedicated" /></LocalNetworkSiteRef>
        </ConnectionsToLocalNetwork></Gateway>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
NETWORK_BEFORE_CIRCUIT = """\
New-AzureDedicatedCircuitLink -ServiceKey "0000" -VNetName corp
Move-AzureVirtualNetwork -Validate -VirtualNetworkName corp
Move-AzureVirtualNetwork -Prepare -VirtualNetworkName corp
Move-AzureVirtualNetwork -Commit -VirtualNetworkName corp
Move-AzureRmExpressRouteCircuit -Name er -ResourceGroupName er-rg -Location "West Europe" -ServiceKey "0000"
"""
OUTSIDE_COUNTS = "Overview: 2 steps: all ready."
OUTSIDE_START = "   Start with step 1 (0000): ready, in wave 1."
APART = (
    "Also: 1 blocker outside the steps (listed after them) in what a script does: it holds up no step; fix it"
    " before the script runs."
)


def _runbook_before_circuit(tmp_path, monkeypatch) -> None:
    files = {"NetworkConfig.netcfg": ER_NETWORK, "migrate.ps1": NETWORK_BEFORE_CIRCUIT}
    lint_files(tmp_path, monkeypatch, files, dedent=False)


def test_ready_steps_beside_a_blocker_outside_them_are_not_all_said_ready(tmp_path, monkeypatch, capsys):
    _runbook_before_circuit(tmp_path, monkeypatch)
    out = _plan(capsys)
    lines = out.splitlines()
    at = lines.index(OUTSIDE_COUNTS)
    assert lines[at + 1 : at + 3] == [OUTSIDE_START, f"   {APART}"]
    assert "Blockers outside the steps (they fail the migration all the same):" in lines[at:]
    said = f"{OUTSIDE_COUNTS.removeprefix('Overview: ')} {OUTSIDE_START.strip()} {APART}"
    assert f"**Overview:** {said}".replace("<", "\\<").replace(">", "\\>") in _plan(
        capsys, "--format", "markdown"
    )
    html = _plan(capsys, "--format", "html")
    assert f"all ready. Start with step 1 (0000): ready, in wave 1. {APART}" in html


def test_json_counts_the_blockers_outside_the_steps_and_fixes_them_first(tmp_path, monkeypatch, capsys):
    _runbook_before_circuit(tmp_path, monkeypatch)
    (subscription,) = json.loads(_plan(capsys, "--format", "json"))["subscriptions"]
    overview = subscription["overview"]
    assert [blocker["code"] for blocker in subscription["other_blockers"]] == ["MIG602"]
    assert (overview["ready"], overview["steps"], overview["outside_blockers"]) == (2, 2, 1)
    assert overview["outside_blockers"] == 1 and overview["fix_first"] == []
    assert overview["outside_holding_steps"] == 0
