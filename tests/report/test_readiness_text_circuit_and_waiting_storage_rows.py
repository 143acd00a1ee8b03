"""The readiness summary's text rows for an ExpressRoute circuit (its move has no Validate: its findings
pass or fail it, as a file's do) and for a storage account holding a disk of a VM no file describes (it
migrates after that VM, which the row names with its cloud service where the file states it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import run_cli

DISKS = """\
<Disks xmlns="http://schemas.microsoft.com/windowsazure">
  <Disk>
    <AttachedTo><HostedServiceName>other-svc</HostedServiceName><DeploymentName>other-svc</DeploymentName><RoleName>other01</RoleName></AttachedTo>
    <MediaLink>https://fabdata.blob.core.windows.net/vhds/other01-os.vhd</MediaLink>
    <Name>other01-os</Name>
  </Disk>
</Disks>
"""


def _summary(out: str) -> list[str]:
    return out[out.index("Readiness by migration scope:") :].splitlines()


def test_a_circuit_row_fails_or_passes_without_claiming_a_validate(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run_cli(capsys, "check", "examples/contoso")
    rows = _summary(out)
    at = rows.index("  ExpressRoute circuits")
    assert rows[at + 1].split() == ["<circuit", "linked", "to", "contoso-er-vnet>", "Fails:", "1", "error"]


def test_a_storage_account_of_a_disk_of_an_undescribed_vm_names_the_vm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "disks.xml").write_text(DISKS)
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".")
    (row,) = [r for r in _summary(out) if r.strip().startswith("fabdata ")]
    assert (
        "fabdata (1 disk; after VM other01 of cloud service other-svc, which no file checked describes)"
        in row
    )


def test_a_vm_the_file_states_no_cloud_service_of_is_named_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    unstated = DISKS.replace("<HostedServiceName>other-svc</HostedServiceName>", "").replace(
        "<DeploymentName>other-svc</DeploymentName>", ""
    )
    (tmp_path / "disks.xml").write_text(unstated)
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".")
    (row,) = [r for r in _summary(out) if r.strip().startswith("fabdata ")]
    assert "fabdata (1 disk; after VM other01, which no file checked describes)" in row
