"""`--fix` cannot write standard input, and refuses a run that reads it: a check of standard input says
its fixes are shown with `--diff`, which that run can take, not with `--fix`."""

from __future__ import annotations

import io

import pytest
from lint_support import run_cli

# A subnet prefix with host bits set (MIG304), which --fix rewrites to the network address.
NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="app-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="web"><AddressPrefix>10.1.0.5/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode())))


def test_a_fix_for_standard_input_is_offered_with_diff(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    stdin(monkeypatch, NETCFG)
    _, out, _ = run_cli(capsys, "check", "-", "--select", "MIG304")
    assert "[*] 1 fixable with --diff." in out
    stdin(monkeypatch, NETCFG)
    code, diff, _ = run_cli(capsys, "check", "-", "--select", "MIG304", "--diff")
    assert code == 1 and "+" in diff and "10.1.0.0/24" in diff


def test_a_fix_for_a_file_is_offered_with_fix(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "NetworkConfig.netcfg").write_text(NETCFG)
    _, out, _ = run_cli(capsys, "check", ".", "--select", "MIG304")
    assert "[*] 1 fixable with --fix." in out
