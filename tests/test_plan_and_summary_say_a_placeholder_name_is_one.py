"""A name a file leaves to fill in (`'<<CONFIGURE>>'`, `'[SPECIFY ...]'`: `model.is_placeholder`) is said to
be one wherever the plan and the readiness summary show it to a reader, as `estate.named` says it, and left
as it is in the commands, where it is what to fill in."""

from __future__ import annotations

from pathlib import Path

import pytest

from migcheck.cli import main

_SCRIPT = """\
$svc = "<<CONFIGURE>>"
$vnet = "<<CONFIGURE>>"
$sa = "[SPECIFY STORAGE ACCOUNT]"
$vm = New-AzureVMConfig -Name "vm1" -ImageName "img" -InstanceSize "Small" -MediaLocation "https://$sa.blob.core.windows.net/vhds/vm1.vhd" | Set-AzureSubnet -SubnetNames "Sub1"
New-AzureVM -ServiceName $svc -Location "West US" -VNetName $vnet -VMs $vm
"""

_SAID = "(a placeholder the file leaves to fill in)"


def _run(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    (tmp_path / "deploy.ps1").write_text(_SCRIPT)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        main([*args, "deploy.ps1"])
    return capsys.readouterr().out


def test_the_plan_says_what_a_network_becomes_is_a_placeholder(tmp_path, capsys):
    out = _run(tmp_path, capsys, "plan")
    assert (
        f"   becomes: virtual network '<<CONFIGURE>>' {_SAID} in resource group '<<CONFIGURE>>-Migrated'"
        in out
    )
    assert "     Move-AzureVirtualNetwork -Prepare -VirtualNetworkName '<<CONFIGURE>>'\n" in out


def test_the_readiness_summary_says_a_name_is_a_placeholder(tmp_path, capsys):
    lines = _run(tmp_path, capsys, "check").splitlines()
    assert (
        f"    <<CONFIGURE>> {_SAID} (not defined in the files checked; cloud services: <<CONFIGURE>> {_SAID} "
        "(1 VM))"
    ) in lines
    assert f"    [SPECIFY STORAGE ACCOUNT] {_SAID} (1 disk)" in lines
    assert any(line.startswith("    deploy.ps1 ") for line in lines)  # a file's row is its path
