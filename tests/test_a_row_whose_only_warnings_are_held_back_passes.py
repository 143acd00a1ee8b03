"""A readiness row whose only warnings are held back (a suppression comment, the baseline) passes, and
says how many it holds back: `Validation passed (1 suppressed)`, where it read `Validation passed with
warnings (1 warning checked only at Prepare, 1 suppressed)` for the one warning suppressed, as if another
were left to read. The platform passes a warning whatever the report shows; held-back findings it refuses
still fail the row (see test_findings_held_back_beside_the_counts_shown_are_said_as_more)."""

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
LINK = "New-AzureDedicatedCircuitLink -ServiceKey 'aaaa-bbbb' -VNetName 'hub'\n"
SUPPRESSED = "# migcheck: ignore[MIG302] circuit moved to Resource Manager in 2024-05 (CHG-1182)\n"


def _row(out: str) -> str:
    """The verdict of hub's row."""
    [row] = [line for line in out.splitlines() if line.lstrip().startswith("hub (")]
    return row[row.index("Validation") :].strip()


def _check(tmp_path, monkeypatch, capsys, script: str, *argv: str) -> str:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "NetworkConfig.netcfg").write_text(HUB_NETCFG, encoding="utf-8")
    (tmp_path / "link.ps1").write_text(script, encoding="utf-8")
    return run_cli(capsys, "check", ".", *argv)[1]


def test_a_network_whose_only_warning_is_suppressed_passes(tmp_path, monkeypatch, capsys):
    out = _check(tmp_path, monkeypatch, capsys, SUPPRESSED + LINK)
    assert _row(out) == "Validation passed (1 suppressed)"


def test_a_network_whose_only_warning_the_baseline_knows_passes(tmp_path, monkeypatch, capsys):
    _check(tmp_path, monkeypatch, capsys, LINK, "--write-baseline", "baseline.json")
    out = _check(tmp_path, monkeypatch, capsys, LINK, "--baseline", "baseline.json")
    assert _row(out) == "Validation passed (1 known from baseline)"


def test_the_warning_reported_still_warns(tmp_path, monkeypatch, capsys):
    out = _check(tmp_path, monkeypatch, capsys, LINK)
    assert _row(out) == "Validation passed with 1 warning (checked only at Prepare)"


def test_the_script_row_counts_only_its_own_warning(tmp_path, monkeypatch, capsys):
    out = _check(tmp_path, monkeypatch, capsys, SUPPRESSED + LINK)
    summary = out[out.index("Readiness by migration scope") :]
    [row] = [line for line in summary.splitlines() if line.lstrip().startswith("link.ps1 ")]
    assert row.split(None, 1)[1] == "Passes with 1 warning"
