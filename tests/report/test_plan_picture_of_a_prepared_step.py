"""The plan's pictures (Markdown's Mermaid flowchart, the HTML plan's boxes) give a step the files say is
prepared already (an export's `VM.MigrationState` Prepared) a look of its own: Commit or Abort is what it has
left, not the whole migration a ready step has ahead of it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from migcheck.cli import main


def _export(state: object) -> str:
    vm = {
        "ServiceName": "svc1",
        "Name": "vm1",
        "DeploymentName": "svc1",
        "VM": {
            "RoleName": "vm1",
            "ConfigurationSets": [{"ConfigurationSetType": "NetworkConfiguration", "SubnetNames": ["Sub1"]}],
            "OSVirtualHardDisk": {
                "DiskName": "vm1-os",
                "MediaLink": "https://acct1.blob.core.windows.net/vhds/vm1.vhd",
            },
            "MigrationState": state,
        },
        "VirtualNetworkName": "vnet1",
    }
    return json.dumps([vm], indent=1)


# The network the VM is in, defined (a network no file defines is not decided, so not ready).
NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="vnet1" Location="West Europe">
      <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
      <Subnets><Subnet name="Sub1"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet></Subnets>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def _plan(tmp_path: Path, capsys: pytest.CaptureFixture[str], state: object, form: str) -> str:
    (tmp_path / "vms.json").write_text(_export(state))
    (tmp_path / "net.netcfg").write_text(NETCFG)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        main(["plan", "--format", form, "vms.json", "net.netcfg"])
    return capsys.readouterr().out


def _mermaid(markdown: str) -> list[str]:
    return markdown.split("```mermaid\n", 1)[1].split("```", 1)[0].splitlines()


def test_a_prepared_step_has_its_own_class_and_says_so(tmp_path, capsys):
    lines = _mermaid(_plan(tmp_path, capsys, "Prepared", "markdown"))
    assert '  s1["network: vnet1 (prepared already)"]:::prepared' in lines
    assert "  classDef prepared fill:#cfe2ff,stroke:#0d6efd" in lines
    assert any(line.endswith(":::ready") for line in lines)  # the storage account after it


def test_a_step_in_no_migration_is_ready_and_no_prepared_class_is_defined(tmp_path, capsys):
    lines = _mermaid(_plan(tmp_path, capsys, None, "markdown"))
    assert '  s1["network: vnet1"]:::ready' in lines
    assert not any("prepared" in line for line in lines)


def test_a_state_the_documents_do_not_describe_is_named_in_the_label(tmp_path, capsys):
    lines = _mermaid(_plan(tmp_path, capsys, "Preparing", "markdown"))
    assert '  s1["network: vnet1 (MigrationState Preparing)"]:::ready' in lines


def test_the_html_picture_and_legend_show_a_prepared_step_apart(tmp_path, capsys):
    page = _plan(tmp_path, capsys, "Prepared", "html")
    assert '<g class="step prepared" data-step="network:vnet1">' in page
    assert 'fill="#cfe2ff" stroke="#0d6efd"' in page
    assert '<span class="prepared">prepared already: Commit or Abort next</span>' in page
    assert '<span class="prepared">' not in _plan(tmp_path, capsys, None, "html")
