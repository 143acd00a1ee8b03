"""A network one subscription's VMs are placed in, defined in a file checked as another subscription's: the
readiness row and the plan's note advise grouping the files, naming the subscriptions table as the settings
file in use writes it (`[subscriptions]` at the top of a migcheck.toml, `[tool.migcheck.subscriptions]` in a
pyproject.toml), as findings' fixes do."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from lint_support import run_cli

PROD_VM = (
    "New-AzureQuickVM -Windows -ServiceName p1 -Name p1vm -ImageName img -AdminUsername ops -Password $pw "
    "-VNetName prod-vnet -SubnetNames web\n"
)
NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="prod-vnet" Location="West Europe">
      <AddressSpace><AddressPrefix>10.10.0.0/16</AddressPrefix></AddressSpace>
      <Subnets><Subnet name="web"><AddressPrefix>10.10.1.0/24</AddressPrefix></Subnet></Subnets>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
SUBSCRIPTIONS = """\
[{table}]
prod = ["prod/**"]
dev = ["network/**"]
"""


def _project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings_file: str, table: str) -> None:
    (tmp_path / "prod").mkdir()
    (tmp_path / "network").mkdir()
    (tmp_path / "prod" / "vm.ps1").write_text(PROD_VM, encoding="utf-8")
    (tmp_path / "network" / "NetworkConfig.netcfg").write_text(NETCFG, encoding="utf-8")
    settings = textwrap.dedent(SUBSCRIPTIONS).format(table=table)
    (tmp_path / settings_file).write_text(settings, encoding="utf-8")
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize("command", ["check", "plan"])
def test_a_migcheck_toml_is_told_its_own_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    _project(tmp_path, monkeypatch, "migcheck.toml", "subscriptions")
    _, out, _ = run_cli(capsys, command, ".")
    assert "group them with [subscriptions] of migcheck.toml" in out
    assert "tool.migcheck" not in out


@pytest.mark.parametrize("command", ["check", "plan"])
def test_a_pyproject_is_told_its_tool_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    _project(tmp_path, monkeypatch, "pyproject.toml", "tool.migcheck.subscriptions")
    _, out, _ = run_cli(capsys, command, ".")
    assert "group them with [tool.migcheck.subscriptions] of pyproject.toml" in out
