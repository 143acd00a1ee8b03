"""MIG306 and a placeholder a script writes for the static address it leaves its user to fill in
(`Set-AzureStaticVNetIP -IPAddress "<ip address in that subnet>"`, as samples do): that is no address, so two
scripts (or two lines) that each write it ask for two values still to choose, not for one address twice. A
placeholder one variable gives several VMs is one value they share once it is filled in: still a conflict, said
where the value is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

VM = """\
$vm = New-AzureVMConfig -Name {vm} -InstanceSize Small -ImageName img |
    Add-AzureProvisioningConfig -Windows -AdminUsername u -Password p |
    Set-AzureSubnet -SubnetNames s1 |
    Set-AzureStaticVNetIP -IPAddress "{ip}"
New-AzureVM -ServiceName {service} -VMs $vm -VNetName net1 -Location "West Europe"
"""

SHARED = """\
$ip = "<ip address in that subnet>"
$vm1 = New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img |
    Set-AzureSubnet -SubnetNames s1 |
    Set-AzureStaticVNetIP -IPAddress $ip
$vm2 = New-AzureVMConfig -Name vm2 -InstanceSize Small -ImageName img |
    Set-AzureSubnet -SubnetNames s1 |
    Set-AzureStaticVNetIP -IPAddress $ip
New-AzureVM -ServiceName svc1 -VMs $vm1,$vm2 -VNetName net1 -Location "West Europe"
"""


@pytest.mark.parametrize("ip", ["<ip address in that subnet>", "[STATIC IP]"])
def test_two_scripts_writing_one_placeholder_address_ask_for_no_address_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ip: str
) -> None:
    files = {
        "vm1.ps1": VM.format(vm="vm1", service="svc1", ip=ip),
        "vm2.ps1": VM.format(vm="vm2", service="svc2", ip=ip),
    }
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG306").findings) == []


def test_one_script_writing_a_placeholder_address_twice_asks_for_two_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = VM.format(vm="vm1", service="svc1", ip="<ip>") + VM.format(vm="vm2", service="svc1", ip="<ip>")
    assert where(lint_files(tmp_path, monkeypatch, {"vms.ps1": script}, "MIG306").findings) == []


def test_a_placeholder_address_one_variable_gives_two_vms_is_one_they_share(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"two.ps1": SHARED}, "MIG306")
    assert where(result.findings) == ["MIG306 two.ps1:1:7"]


def test_one_stated_address_in_two_scripts_is_still_a_conflict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        "vm1.ps1": VM.format(vm="vm1", service="svc1", ip="10.0.1.4"),
        "vm2.ps1": VM.format(vm="vm2", service="svc2", ip="10.0.1.4"),
    }
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG306").findings) == ["MIG306 vm2.ps1:4:38"]
