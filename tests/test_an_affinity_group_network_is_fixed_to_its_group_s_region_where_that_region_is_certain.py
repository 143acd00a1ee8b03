"""MIG303's fix: a network configuration's `VirtualNetworkSite` bound by `AffinityGroup="..."` to a group the
files create in one region is rewritten to `Location="<that region>"`, every other byte kept (encoding, byte
order mark, line endings, comments, quotes); never where the region is not certain, where the site states a
`Location` too, or where the network is bound in a REST body or a script."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from migcheck.cli import main

GROUP = 'New-AzureAffinityGroup -Name contoso-ag -Location "West Europe"\n'


def netcfg(site: str, newline: str = "\n") -> str:
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">',
        "  <VirtualNetworkConfiguration>",
        "    <VirtualNetworkSites>",
        '      <!-- AffinityGroup="contoso-ag" since 2013 -->',
        f"      {site}",
        "        <AddressSpace><AddressPrefix>10.3.0.0/16</AddressPrefix></AddressSpace>",
        "      </VirtualNetworkSite>",
        "    </VirtualNetworkSites>",
        "  </VirtualNetworkConfiguration>",
        "</NetworkConfiguration>",
        "",
    ]
    return newline.join(lines)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pyproject.toml").write_text("[tool.migcheck]\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def mig303(capsys: pytest.CaptureFixture[str]) -> list[dict]:
    main(["check", ".", "--format", "json"])
    return [f for f in json.loads(capsys.readouterr().out) if f["code"] == "MIG303"]


def fix(capsys: pytest.CaptureFixture[str]) -> str:
    main(["check", ".", "--fix"])
    return capsys.readouterr().err


def test_the_affinity_group_is_replaced_by_the_group_s_region_and_nothing_else_changes(project, capsys):
    (project / "groups.ps1").write_text(GROUP)
    path = project / "NetworkConfig.netcfg"
    path.write_bytes(netcfg('<VirtualNetworkSite name="legacy-vnet" AffinityGroup="contoso-ag">').encode())
    [finding] = mig303(capsys)
    assert finding["autofix"] == {
        "description": 'Replace AffinityGroup="contoso-ag" with Location="West Europe"',
        "safe": True,
    }

    assert "Fixed 1 finding in 1 file." in fix(capsys)

    expected = netcfg('<VirtualNetworkSite name="legacy-vnet" Location="West Europe">').encode()
    assert path.read_bytes() == expected
    assert mig303(capsys) == []


def test_the_encoding_byte_order_mark_line_endings_and_the_attribute_s_own_quotes_are_kept(project, capsys):
    (project / "groups.ps1").write_text(GROUP)
    path = project / "NetworkConfig.netcfg"
    site = "<VirtualNetworkSite name='legacy-vnet'\r\n        AffinityGroup = 'contoso-ag' >"
    path.write_bytes(netcfg(site, "\r\n").replace("utf-8", "utf-16").encode("utf-16"))

    assert "Fixed 1 finding in 1 file." in fix(capsys)

    fixed = "<VirtualNetworkSite name='legacy-vnet'\r\n        Location=\"West Europe\" >"
    assert path.read_bytes() == netcfg(fixed, "\r\n").replace("utf-8", "utf-16").encode("utf-16")


@pytest.mark.parametrize(
    ("groups", "site"),
    [
        pytest.param(
            GROUP + 'New-AzureAffinityGroup -Name contoso-ag -Location "North Europe"\n',
            '<VirtualNetworkSite name="legacy-vnet" AffinityGroup="contoso-ag">',
            id="the group created in two regions",
        ),
        pytest.param(
            "New-AzureAffinityGroup -Name contoso-ag -Location westeurope\n",
            '<VirtualNetworkSite name="legacy-vnet" AffinityGroup="contoso-ag">',
            id="a region in Resource Manager's spelling",
        ),
        pytest.param(
            "New-AzureAffinityGroup -Name contoso-ag -Location $region\n",
            '<VirtualNetworkSite name="legacy-vnet" AffinityGroup="contoso-ag">',
            id="a region the script does not state",
        ),
        pytest.param(
            GROUP,
            '<VirtualNetworkSite name="legacy-vnet" AffinityGroup="contoso-ag" Location="West Europe">',
            id="a site stating a Location of its own",
        ),
    ],
)
def test_no_fix_where_the_region_is_not_certain_or_the_site_has_one(project, capsys, groups: str, site: str):
    (project / "groups.ps1").write_text(groups)
    path = project / "NetworkConfig.netcfg"
    path.write_text(netcfg(site))
    [finding] = mig303(capsys)
    assert finding["autofix"] is None
    before = path.read_bytes()

    assert "Fixed 0 findings in 0 files." in fix(capsys)
    assert path.read_bytes() == before


def test_a_rest_body_binding_a_network_to_the_group_is_not_rewritten(project, capsys):
    (project / "groups.ps1").write_text(GROUP)
    body = project / "vnets.xml"
    body.write_text(
        '<VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure">\n'
        "  <VirtualNetworkSite>\n"
        "    <Name>legacy-vnet</Name>\n"
        "    <AffinityGroup>contoso-ag</AffinityGroup>\n"
        "  </VirtualNetworkSite>\n"
        "</VirtualNetworkSites>\n"
    )
    [finding] = mig303(capsys)
    assert finding["autofix"] is None


def test_a_network_configuration_reached_through_a_link_is_not_written(project, capsys, tmp_path_factory):
    (project / "groups.ps1").write_text(GROUP)
    outside = tmp_path_factory.mktemp("outside") / "NetworkConfig.netcfg"
    outside.write_text(netcfg('<VirtualNetworkSite name="legacy-vnet" AffinityGroup="contoso-ag">'))
    (project / "NetworkConfig.netcfg").symlink_to(outside)
    before = outside.read_bytes()

    main(["check", "groups.ps1", "NetworkConfig.netcfg", "--fix"])
    capsys.readouterr()

    assert outside.read_bytes() == before
