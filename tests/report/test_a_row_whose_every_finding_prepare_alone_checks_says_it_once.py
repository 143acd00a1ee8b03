"""A readiness row whose every finding is one only Prepare checks said its count twice: `Validation passed
with warnings: 1 warning (1 warning checked only at Prepare)`. It now says `(checked only at Prepare)`
after the count (`(all checked only at Prepare)` for more than one); a row where only some are keeps
naming how many (`2 errors (1 error checked only at Prepare)`, see test_readiness_prepare_blockers)."""

from __future__ import annotations

from lint_support import run_cli

HUB_NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="hub" Location="West Europe">
      <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
      <Subnets>
        <Subnet name="a"><AddressPrefix>10.1.1.0/24</AddressPrefix></Subnet>
        <Subnet name="GatewaySubnet"><AddressPrefix>10.1.255.0/27</AddressPrefix></Subnet>
      </Subnets>
      <Gateway />
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def _row(tmp_path, monkeypatch, capsys, script: str) -> str:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "NetworkConfig.netcfg").write_text(HUB_NETCFG, encoding="utf-8")
    (tmp_path / "link.ps1").write_text(script, encoding="utf-8")
    out = run_cli(capsys, "check", ".")[1]
    [row] = [line for line in out.splitlines() if line.lstrip().startswith("hub (")]
    return row[row.index("Validation") :].strip()


def test_one_warning_prepare_alone_checks_is_counted_once(tmp_path, monkeypatch, capsys):
    link = "New-AzureDedicatedCircuitLink -ServiceKey 'aaaa-bbbb' -VNetName 'hub'\n"
    assert _row(tmp_path, monkeypatch, capsys, link) == (
        "Validation passed with 1 warning (checked only at Prepare)"
    )
