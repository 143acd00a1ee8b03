"""A network name a shell script or CI step joins by `=` to a long option (`--virtual-network-name="app-vnet"`,
`--virtual-network-name=$'app-vnet'`) is shown at the value, from its opening quote (or `$`) past its closing
one, as `-w "app-vnet"` is, where it was shown at the option's name."""

from __future__ import annotations

import pytest
from lint_support import lint_files

NETCFG = """\
    <NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
      <VirtualNetworkConfiguration>
        <VirtualNetworkSites>
          <VirtualNetworkSite name="other-vnet" Location="West Europe">
            <AddressSpace><AddressPrefix>10.8.0.0/16</AddressPrefix></AddressSpace>
            <Subnets><Subnet name="front"><AddressPrefix>10.8.0.0/24</AddressPrefix></Subnet></Subnets>
          </VirtualNetworkSite>
        </VirtualNetworkSites>
      </VirtualNetworkConfiguration>
    </NetworkConfiguration>
    """

CREATE = "azure vm create svc ubuntu ops Pa55w.rd! -l 'West Europe' -b front "


def _shown(tmp_path, monkeypatch, name: str, text: str) -> list[str]:
    """What each MIG003 in the file `name` underlines, its one line as the file writes it."""
    result = lint_files(tmp_path, monkeypatch, {name: text, "NetworkConfig.netcfg": NETCFG}, "MIG003")
    lines = (tmp_path / name).read_text(encoding="utf-8").splitlines()
    return [
        lines[f.location.line - 1][f.location.column - 1 : f.location.end_column - 1]
        for f in result.findings
        if f.location and f.location.end_line == f.location.line
    ]


@pytest.mark.parametrize(
    "written",
    [
        '--virtual-network-name="app-vnet"',
        "--virtual-network-name='app-vnet'",
        "--virtual-network-name=$'app-vnet'",
    ],
    ids=["double quotes", "single quotes", "ansi-c quotes"],
)
@pytest.mark.parametrize(
    ("name", "head"),
    [
        ("create.sh", ""),
        ("azure-pipelines.yml", "steps:\n- script: "),
    ],
    ids=["script", "pipeline"],
)
def test_the_network_name_is_shown_with_its_quotes(tmp_path, monkeypatch, written, name, head):
    shown = _shown(tmp_path, monkeypatch, name, head + CREATE + written + "\n")
    assert shown == [written.split("=", 1)[1]]


def test_a_subnet_of_a_list_joined_from_quoted_and_bare_parts_is_shown_at_itself(tmp_path, monkeypatch):
    script = "azure vm create svc ubuntu ops Pa55w.rd! -l 'West Europe' -w other-vnet -b front,\"gone\"\n"
    assert _shown(tmp_path, monkeypatch, "create.sh", script) == ['"gone"']
