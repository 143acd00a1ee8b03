"""A network a script's uploaded configuration names in part by a value the script does not state
(`<VirtualNetworkSite name="$($Prefix)vNet1">` or `name="$Prefix-vNet1"` in a PowerShell here-string it writes
out and uploads, `name="{prefix}vNet1"` in a Python f-string it PUTs) is named in the plan by a stand-in where
the configuration names it, and its step is NOT READY until the name is filled in, as a network named wholly by
such a value is: never `'<not stated in the script>vNet1'`, which reads as a name the commands run with."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, run_cli

from migcheck.model import is_stand_in

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="{name}" Location="West US">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="Public"><AddressPrefix>10.0.0.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def _powershell(name: str) -> str:
    return (
        "Param([String]$Prefix)\n"
        f'$NetCfg = @"\n{NETCFG.format(name=name)}"@\n'
        'Set-Content -Value $NetCfg -Path "C:\\temp\\net.netcfg"\n'
        'Set-AzureVNetConfig -ConfigurationPath "C:\\temp\\net.netcfg"\n'
    )


PYTHON = (
    "import sys\n"
    "from azure.servicemanagement import ServiceManagementService\n"
    'sms = ServiceManagementService("subscription-id", "management.pem")\n'
    "prefix = sys.argv[1]\n"
    f'NETCFG = f"""{NETCFG.format(name="{prefix}vNet1")}"""\n'
    'sms.perform_put("/subscription-id/services/networking/media", NETCFG)\n'
)

SCRIPTS = {
    "a subexpression before the name": ("net.ps1", _powershell("$($Prefix)vNet1"), "net.ps1:6:7"),
    "a variable before a dash": ("net.ps1", _powershell("$Prefix-vNet1"), "net.ps1:6:7"),
    "a Python f-string": ("net.py", PYTHON, "net.py:8"),
}


@pytest.mark.parametrize(("path", "script", "where"), SCRIPTS.values(), ids=SCRIPTS)
def test_the_network_s_step_names_it_by_a_stand_in_and_is_not_ready(
    tmp_path, monkeypatch, capsys, path, script, where
):
    lint_files(tmp_path, monkeypatch, {path: script}, dedent=False)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    (subscription,) = json.loads(out)["subscriptions"]
    (step,) = subscription["steps"]
    assert step["name"] == f"<virtual network name, {where}>"
    assert (step["ready"], step.get("name_unstated")) == (False, True)
    assert "not stated in the script" not in out


def test_a_name_holding_the_text_read_for_an_unstated_value_is_no_name_to_run_commands_with():
    assert is_stand_in("<not stated in the script>vNet1")
    assert not is_stand_in("vNet1")
