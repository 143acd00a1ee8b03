"""`azure network import NetworkConfig.netcfg` after the script puts that file in place (`cp`, `mv`,
`install`, `ln`, `wget`, `curl`, `tee`, `sed -i`, a `>` redirection) uploads what the reader does not
follow, not the NetworkConfig.netcfg checked beside it: a network no file defines may be one it uploads."""

from __future__ import annotations

import pytest

from tests.lint_support import lint_files, where

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="myvnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="front"><AddressPrefix>10.0.0.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def _mig003(tmp_path, monkeypatch, placed: str) -> list[str]:
    script = f"""\
azure config mode asm
{placed}
azure network import NetworkConfig.netcfg
azure vm create svc1 img u p -w prodnet -b web
"""
    files = {"NetworkConfig.netcfg": NETCFG, "deploy.sh": script}
    return where(lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False).findings)


@pytest.mark.parametrize(
    "placed",
    [
        "cp configs/prod.netcfg NetworkConfig.netcfg",
        "cp -f configs/prod.netcfg ./NetworkConfig.netcfg",
        "cp configs/NetworkConfig.netcfg .",
        "cp -t . configs/NetworkConfig.netcfg",
        "mv /tmp/prod.netcfg NetworkConfig.netcfg",
        "install -m 644 configs/prod.netcfg NetworkConfig.netcfg",
        "ln -sf configs/prod.netcfg networkconfig.netcfg",
        "wget -O NetworkConfig.netcfg https://example.com/prod.netcfg",
        "wget -q --output-document=NetworkConfig.netcfg https://example.com/prod.netcfg",
        "wget https://example.com/configs/NetworkConfig.netcfg?sv=1",
        "curl -sSLo NetworkConfig.netcfg https://example.com/prod.netcfg",
        "curl --output NetworkConfig.netcfg https://example.com/prod.netcfg",
        "curl -O https://example.com/configs/NetworkConfig.netcfg",
        "envsubst < template.xml | tee NetworkConfig.netcfg",
        "sed -i 's/myvnet/prodnet/' NetworkConfig.netcfg",
        "sed s/myvnet/prodnet/ template.xml > NetworkConfig.netcfg",
        "{ echo '<NetworkConfiguration>'; cat body.xml; } >> NetworkConfig.netcfg",
        'cat template.xml > "$OUT"',
        "sudo cp configs/prod.netcfg NetworkConfig.netcfg",
    ],
)
def test_a_file_put_in_place_before_its_upload_is_not_the_one_checked(tmp_path, monkeypatch, placed):
    assert _mig003(tmp_path, monkeypatch, placed) == []


@pytest.mark.parametrize(
    "placed",
    [
        "echo checked",
        "cp configs/prod.netcfg other.netcfg",
        "curl https://example.com/NetworkConfig.netcfg",
        "wget -O - https://example.com/NetworkConfig.netcfg",
        "sed 's/a/b/' NetworkConfig.netcfg",
    ],
)
def test_the_upload_of_a_file_nothing_puts_in_place_is_the_one_checked(tmp_path, monkeypatch, placed):
    assert _mig003(tmp_path, monkeypatch, placed) == ["MIG003 deploy.sh:4:33"]
