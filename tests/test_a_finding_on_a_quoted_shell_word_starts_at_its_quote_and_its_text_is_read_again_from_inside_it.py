"""A finding on a word a shell script or CI step writes in quotes (`-w "app-vnet"`, `VNET='app-vnet'`) starts
at its opening quote and ends past its closing one, as a quoted value's does in every other format, where it
started inside the quotes. A word only partly in quotes (`app"-vnet"`, `"app"-vnet`) starts where the word
does, and ends where the word does. Where the word's text is read again, each part of it is still where its text writes it: a subnet of a
list in quotes (`-b "front,back"`), the command line ssh is given (`ssh jump 'azure …'`)."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

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

CREATE = "azure vm create svc ubuntu ops Pa55w.rd! -l 'West Europe' -b front -w "


def _shown(tmp_path, monkeypatch, script: str, code: str) -> list[str]:
    """What each finding of `code` in create.sh underlines, its one line as the file writes it."""
    files = {"create.sh": script, "NetworkConfig.netcfg": NETCFG}
    result = lint_files(tmp_path, monkeypatch, files, code)
    lines = (tmp_path / "create.sh").read_text(encoding="utf-8").splitlines()
    return [
        lines[f.location.line - 1][f.location.column - 1 : f.location.end_column - 1]
        for f in result.findings
        if f.location and f.location.end_line == f.location.line
    ]


@pytest.mark.parametrize(
    ("script", "shown"),
    [
        (CREATE + '"app-vnet"\n', '"app-vnet"'),
        (CREATE + "'app-vnet'\n", "'app-vnet'"),
        ('VNET="app-vnet"\n' + CREATE + '"$VNET"\n', '"app-vnet"'),
        (CREATE + 'app"-vnet"\n', 'app"-vnet"'),
        (CREATE + '"app"-vnet\n', '"app"-vnet'),
        (CREATE + "app-vnet\n", "app-vnet"),
    ],
    ids=["double quotes", "single quotes", "a variable's", "quoted after", "quoted before", "bare"],
)
def test_a_network_name_is_shown_as_the_whole_word(tmp_path, monkeypatch, script, shown):
    assert _shown(tmp_path, monkeypatch, script, "MIG003") == [shown]


def test_a_quoted_list_of_one_subnet_is_shown_with_its_quotes_and_one_of_several_at_itself(
    tmp_path, monkeypatch
):
    script = (
        "azure vm create svc ubuntu ops Pa55w.rd! -l 'West Europe' -w other-vnet -b \"front,back\"\n"
        "azure vm create svc2 ubuntu ops Pa55w.rd! -l 'West Europe' -w other-vnet -b \"gone\"\n"
    )
    assert _shown(tmp_path, monkeypatch, script, "MIG003") == ["back", '"gone"']


def test_the_command_line_ssh_is_given_in_quotes_is_still_read_from_inside_them(tmp_path, monkeypatch):
    result = lint_files(
        tmp_path, monkeypatch, {"run.sh": "ssh jump 'azure vm shutdown web1'\n"}, "MIG601", dedent=False
    )
    assert where(result.findings) == ["MIG601 run.sh:1:11"]
