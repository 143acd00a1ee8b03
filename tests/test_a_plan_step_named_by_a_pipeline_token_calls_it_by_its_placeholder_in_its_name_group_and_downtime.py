"""A step whose resource a pipeline token names (`$(Env)-svc`, `#{Environment}#-vnet`: `estate.is_pipeline_token`)
calls it by the placeholder its commands hold (`<cloud service name, $(Env)-svc filled in>`) in its own name
(the header, the overview's "start with"), the resource group it becomes and the command its downtime gives
(`New-AzureReservedIP ... -ServiceName`), where those said the token as a name a user would type or copy; what
it moves still says the token as the file writes it. A service the classic CLI names its deployment after is
named by the placeholder once, not as `service/deployment` (`$(Env)-svc/$(Env)-svc`)."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, run_cli

POWERSHELL = """\
$vm = New-AzureVMConfig -Name 'vm1' -InstanceSize 'Small' -ImageName 'img' -MediaLocation 'https://acct.blob.core.windows.net/vhds/vm1.vhd' |
    Add-AzureEndpoint -Name 'http' -LocalPort 80 -Protocol tcp
New-AzureVM -ServiceName '{name}' -Location 'West US' -VMs $vm
"""
CLASSIC_CLI = (
    "azure vm create '{name}' img user 'P@ssw0rd!' --vm-name vm1 --location 'West US' "
    "--blob-url https://acct.blob.core.windows.net/vhds/vm1.vhd\n"
)
NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="{name}" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="web"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

CASES = {
    "powershell, a macro": ("deploy.ps1", POWERSHELL, "$(Env)-svc", "cloud service"),
    "classic cli, a replace-tokens token": ("deploy.sh", CLASSIC_CLI, "#{Env}#-svc", "cloud service"),
    "netcfg, double underscores": ("NetworkConfig.netcfg", NETCFG, "__Env__-vnet", "virtual network"),
}


def _step(tmp_path, monkeypatch, capsys, path: str, text: str, name: str) -> dict:
    lint_files(tmp_path, monkeypatch, {path: text.replace("{name}", name)}, dedent=False)
    (subscription,) = json.loads(run_cli(capsys, "plan", ".", "--format", "json")[1])["subscriptions"]
    (step,) = [s for s in subscription["steps"] if s["kind"] in ("network", "service")]
    return step


@pytest.mark.parametrize(("path", "text", "name", "words"), CASES.values(), ids=CASES)
def test_the_step_s_name_and_resource_group_hold_the_placeholder(
    tmp_path, monkeypatch, capsys, path, text, name, words
):
    step = _step(tmp_path, monkeypatch, capsys, path, text, name)
    placeholder = f"<{words} name, {name} filled in>"
    assert step["name"].startswith(placeholder)  # a network's, with the file that writes the token
    assert f"resource group '{placeholder}-Migrated'" in step["becomes"][0]
    assert name not in " ".join(step["becomes"]).replace(placeholder, "")
    assert name not in step["downtime"].replace(placeholder, "")
    assert f"'{name}' (a pipeline token)" in step["moves"][0]


def test_the_downtime_s_command_holds_the_placeholder(tmp_path, monkeypatch, capsys):
    step = _step(tmp_path, monkeypatch, capsys, "deploy.ps1", POWERSHELL, "$(Env)-svc")
    assert "-ServiceName '<cloud service name, $(Env)-svc filled in>')" in step["downtime"]


def test_the_text_plan_s_header_and_overview_say_the_placeholder(tmp_path, monkeypatch, capsys):
    lint_files(
        tmp_path, monkeypatch, {"deploy.sh": CLASSIC_CLI.replace("{name}", "${ENV}-svc")}, dedent=False
    )
    out = run_cli(capsys, "plan", ".")[1]
    assert (
        "1. Cloud service (VMs not in a virtual network): <cloud service name, ${ENV}-svc filled in> [wave 1]"
    ) in out
    assert "start with step 1 (<cloud service name, ${ENV}-svc filled in>, fill in" in out
    assert "${ENV}-svc/" not in out
