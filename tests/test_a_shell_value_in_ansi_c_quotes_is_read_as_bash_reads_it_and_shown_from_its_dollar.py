"""A network name a shell script or CI step writes in bash's ANSI-C quotes (`-w $'app-vnet'`) is read as
bash reads it, its escapes undone, and shown from its `$` past its closing quote, where it was read as a
value the script does not state and gave no finding."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.readers.shell import _ansi_c_text

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
        "-w $'app-vnet'",
        "-w $'app\\x2dvnet'",
    ],
    ids=["ansi-c", "ansi-c escape"],
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
    assert shown == [written[3:]]


def test_a_network_name_in_ansi_c_quotes_is_read_as_bash_reads_it(tmp_path, monkeypatch):
    result = lint_files(
        tmp_path,
        monkeypatch,
        {"create.sh": CREATE + "-w $'app\\x2dvnet'\n", "NetworkConfig.netcfg": NETCFG},
        "MIG003",
    )
    assert ["app-vnet" in f.message for f in result.findings] == [True]


@pytest.mark.parametrize(
    ("written", "text"),
    [
        ("app-vnet", "app-vnet"),
        ("a\\tb\\nc", "a\tb\nc"),
        ("it\\'s \\\\ here", "it's \\ here"),
        ("\\x41\\x4a2", "AJ2"),
        ("\\u00e9\\U0001F600", "\u00e9\U0001f600"),
        ("\\101\\0102\\0x", "A\b2"),
        ("\\cA\\q\\x", "\x01\\q\\x"),
        ("\\ud800", "\ufffd"),
    ],
    ids=[
        "plain",
        "blanks",
        "quote and backslash",
        "hex",
        "unicode",
        "octal and nul",
        "control and kept",
        "surrogate",
    ],
)
def test_ansi_c_escapes_are_undone_as_bash_undoes_them(written, text):
    assert _ansi_c_text(written) == text
