"""The plan's overview said which step not ready to fix first as `fix step 3 (<cloud service name,
deploy.sh:1>..., fill in the cloud service's name first) first`: the step's own words end with "first", and
the sentence said it again after them. It now says `first fix step 3 (...)`, once, before the steps."""

from __future__ import annotations

from lint_support import lint_files, run_cli

NETWORK = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="ops-vnet" Location="North Europe">
      <AddressSpace><AddressPrefix>10.30.0.0/16</AddressPrefix></AddressSpace>
      <Subnets><Subnet name="ops"><AddressPrefix>10.30.1.0/24</AddressPrefix></Subnet></Subnets>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
# A VM in a cloud service the script names by a variable it never sets; its disk's account waits on it.
DEPLOY = (
    "azure vm create \"$SERVICE\" img ops 'P@ss' -n app1 "
    "-u https://shopdisks.blob.core.windows.net/vhds/app1.vhd -z Small\n"
)


def test_the_step_to_fix_first_is_said_first_once(tmp_path, monkeypatch, capsys):
    lint_files(tmp_path, monkeypatch, {"net.netcfg": NETWORK, "deploy.sh": DEPLOY}, dedent=False)
    start = run_cli(capsys, "plan", ".")[1].splitlines()[3]
    assert start.startswith(
        "   Start with step 1 (ops-vnet): ready, in wave 1. Of the steps not ready, first fix step 2 ("
    )
    assert start.endswith(", fill in the cloud service's name first): 1 step waits on it.")
    assert "first) first" not in start
