"""A network, cloud service, deployment or reserved IP named by a token the build or deployment tool replaces (`#{Environment}#-vnet`,
`__Env__-vnet`, `$(Env)-vnet`, `${ENV}-vnet`, `{{ env }}-vnet`: `estate.is_pipeline_token`), in a .netcfg, a
.cscfg or a script, has a step that says so first, whose commands hold a placeholder in the form of a
stand-in (`<virtual network name, #{Environment}#-vnet filled in>`), never the token, and which is NOT READY
(fill in the virtual network's name first) in the text, markdown, HTML and JSON plans alike, where it read
ready with `Move-AzureVirtualNetwork -VirtualNetworkName '#{Environment}#-vnet'`: no command runs as written."""

from __future__ import annotations

import html
import json

import pytest
from lint_support import lint_files, run_cli

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

CSCFG = """\
<ServiceConfiguration serviceName="web" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="WebRole"><Instances count="2" /></Role>
  <NetworkConfiguration>
    <VirtualNetworkSite name="{name}" />
    <AddressAssignments>
      <InstanceAddress roleName="WebRole"><Subnets><Subnet name="web" /></Subnets></InstanceAddress>
    </AddressAssignments>
  </NetworkConfiguration>
</ServiceConfiguration>
"""

SCRIPT = """\
Import-Module Azure
$vm = New-AzureVMConfig -Name 'vm1' -InstanceSize 'Small' -ImageName 'img' -MediaLocation 'https://acct.blob.core.windows.net/vhds/vm1.vhd'
New-AzureVM -ServiceName '{name}' -Location 'West US' -VMs $vm
"""

RESERVED_IP_SCRIPT = "Import-Module Azure\nNew-AzureReservedIP -ReservedIPName '{name}' -Location 'West US'\n"
DEPLOYMENT_SCRIPT = SCRIPT.replace("-ServiceName '{name}'", "-ServiceName 'svc1' -DeploymentName '{name}'")

NETWORK, SERVICE, DEPLOYMENT, RESERVED_IP = "virtual network", "cloud service", "deployment", "reserved IP"
TOKENS = {
    "netcfg, replace-tokens": ("NetworkConfig.netcfg", NETCFG, "#{Environment}#-vnet", NETWORK),
    "netcfg, double underscores": ("NetworkConfig.netcfg", NETCFG, "__Env__-vnet", NETWORK),
    "netcfg, a macro": ("NetworkConfig.netcfg", NETCFG, "$(Env)-vnet", NETWORK),
    "netcfg, shell substitution": ("NetworkConfig.netcfg", NETCFG, "${ENV}-vnet", NETWORK),
    "netcfg, a template": ("NetworkConfig.netcfg", NETCFG, "{{ env }}-vnet", NETWORK),
    "cscfg, double underscores": ("ServiceConfiguration.Cloud.cscfg", CSCFG, "__Env__-vnet", NETWORK),
    "script, a macro": ("deploy.ps1", SCRIPT, "$(Env)-svc", SERVICE),
    "script, replace-tokens": ("deploy.ps1", SCRIPT, "#{Service}#", SERVICE),
    "script, a deployment's": ("deploy.ps1", DEPLOYMENT_SCRIPT, "#{Slot}#-dep", DEPLOYMENT),
    "script, a reserved IP's": ("ip.ps1", RESERVED_IP_SCRIPT, "#{Ip}#", RESERVED_IP),
}


def _plan(tmp_path, monkeypatch, capsys, path: str, text: str, name: str, form: str) -> str:
    lint_files(tmp_path, monkeypatch, {path: text.replace("{name}", name)}, dedent=False)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", form)
    return out


def _step(out: str) -> dict:
    (subscription,) = json.loads(out)["subscriptions"]
    (step,) = [s for s in subscription["steps"] if s["kind"] in ("network", "service", "unattached")]
    return step


def _command_lines(step: dict) -> list[str]:
    return [
        line for shell in ("powershell", "cli") for part in step["commands"][shell].values() for line in part
    ]


@pytest.mark.parametrize(("path", "text", "name", "words"), TOKENS.values(), ids=TOKENS)
def test_the_json_step_is_not_ready_and_its_commands_hold_a_placeholder(
    tmp_path, monkeypatch, capsys, path, text, name, words
):
    step = _step(_plan(tmp_path, monkeypatch, capsys, path, text, name, "json"))
    assert (step["ready"], step.get("name_unstated")) == (False, True)
    lines = _command_lines(step)
    placeholder = f"<{words} name, {name} filled in>"
    assert any(placeholder in line for line in lines)
    assert not any(name in line.replace(placeholder, "") for line in lines)
    assert step["notes"][0].startswith(
        f"Fill in first: the name of this {words} is '{name}', a pipeline token"
    )


@pytest.mark.parametrize(("path", "text", "name", "words"), TOKENS.values(), ids=TOKENS)
def test_the_text_plan_says_to_fill_in_the_name_first(tmp_path, monkeypatch, capsys, path, text, name, words):
    out = _plan(tmp_path, monkeypatch, capsys, path, text, name, "text")
    assert f"fill in the {words}'s name first)" in out
    assert f"'<{words} name, {name} filled in>'" in out
    assert "— ready" not in out


@pytest.mark.parametrize(("path", "text", "name", "words"), TOKENS.values(), ids=TOKENS)
def test_the_markdown_plan_says_to_fill_in_the_name_first(
    tmp_path, monkeypatch, capsys, path, text, name, words
):
    out = _plan(tmp_path, monkeypatch, capsys, path, text, name, "markdown")
    assert f"not ready ({'1 blocker; ' if path.endswith('.cscfg') else ''}" in out
    assert f"fill in the {words}'s name first)" in out
    assert f"'<{words} name, {name} filled in>'" in out


@pytest.mark.parametrize(("path", "text", "name", "words"), TOKENS.values(), ids=TOKENS)
def test_the_html_plan_says_to_fill_in_the_name_first(tmp_path, monkeypatch, capsys, path, text, name, words):
    out = html.unescape(_plan(tmp_path, monkeypatch, capsys, path, text, name, "html"))
    assert '<span class="verdict">not ready: ' in out
    assert f"fill in the {words}'s name first</span>" in out
    assert f"'<{words} name, {name} filled in>'" in out


STATED = {"a name": "prod-vnet", "double underscores inside a name": "prod__vnet__01"}


@pytest.mark.parametrize("name", STATED.values(), ids=STATED)
def test_a_stated_name_keeps_its_step_ready_and_in_its_commands(tmp_path, monkeypatch, capsys, name):
    out = _plan(tmp_path, monkeypatch, capsys, "NetworkConfig.netcfg", NETCFG, name, "json")
    step = _step(out)
    assert (step["ready"], "name_unstated" in step) == (True, False)
    assert f"-VirtualNetworkName '{name}'" in " ".join(_command_lines(step))


# The rows a token names that nothing else decides (a role's network fails with MIG101 first; a deployment
# is no row of its own).
ROWS = {k: v for k, v in TOKENS.items() if k not in ("cscfg, double underscores", "script, a deployment's")}


@pytest.mark.parametrize(("path", "text", "name", "words"), ROWS.values(), ids=ROWS)
def test_the_readiness_summary_row_is_not_decided_as_the_step_is_not_ready(
    tmp_path, monkeypatch, capsys, path, text, name, words
):
    """The check's summary agrees with the plan: the row the token names is not said to pass Validate."""
    lint_files(tmp_path, monkeypatch, {path: text.replace("{name}", name)}, dedent=False)
    _, out, _ = run_cli(capsys, "check", ".")
    (row,) = [line for line in out.splitlines() if line.strip().startswith(name)]
    assert "Not decided: its name is a pipeline token the build or deployment tool fills in" in row
    assert "Validation passed" not in row
