"""The readiness summary's row of a network no file defines says it has a gateway when a script creates one
(`New-AzureVNetGateway`), as a defined network's row does: the plan's step moves that gateway."""

from __future__ import annotations

from pathlib import Path

import pytest

from migcheck.cli import main


def _check(tmp_path: Path, capsys: pytest.CaptureFixture[str], script: str) -> list[str]:
    (tmp_path / "vnet.ps1").write_text(script)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        main(["check", "vnet.ps1"])
    return capsys.readouterr().out.splitlines()


def test_a_gateway_a_script_creates_is_in_its_network_s_row(tmp_path, capsys):
    lines = _check(tmp_path, capsys, 'New-AzureVNetGateway -VNetName "AzureVnet"\n')
    assert any(
        line.startswith("    AzureVnet (not defined in the files checked; gateway) ") for line in lines
    )


def test_a_network_without_a_gateway_says_none(tmp_path, capsys):
    script = 'Get-AzureVNetGateway -VNetName "AzureVnet"\nNew-AzureVM -ServiceName "svc" -VNetName "AzureVnet" -VMs $vm\n'
    assert not any("gateway" in line for line in _check(tmp_path, capsys, script) if "AzureVnet (" in line)
