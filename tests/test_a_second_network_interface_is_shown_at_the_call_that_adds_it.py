"""A VM whose secondary network interface is in another subnet (MIG202) is shown at the
Add-AzureNetworkInterfaceConfig call that adds the interface, which is what the advice says to remove; it
was shown where a variable got the subnet's name (`$Subnet2Name = "AppNet"`), a line that names no
interface."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

SCRIPT = """\
$Subnet2Name = {second}
$vm = New-AzureVMConfig -Name "nicvm" -InstanceSize "ExtraLarge" -ImageName "img"
Set-AzureSubnet -SubnetNames "Web" -VM $vm
Add-AzureNetworkInterfaceConfig -Name "NIC2" -SubnetName {argument} -VM $vm
New-AzureVM -ServiceName "nicsvc" -VNetName "nicvnet" -VM $vm
"""


@pytest.mark.parametrize(
    ("second", "argument"),
    [('"AppNet"', "$Subnet2Name"), ('"AppNet"', '"AppNet"'), ("@{ Name = 'AppNet' }", "$Subnet2Name.Name")],
)
def test_the_finding_is_at_the_interface_call(tmp_path, monkeypatch, second, argument):
    text = SCRIPT.format(second=second, argument=argument)
    result = lint_files(tmp_path, monkeypatch, {"nic.ps1": text}, "MIG202", dedent=False)
    assert where(result.findings) == ["MIG202 nic.ps1:4:58"]
    assert "2 subnets (Web, AppNet)" in result.findings[0].message


def test_a_second_subnet_of_subnet_names_is_still_shown_where_its_name_is_written(tmp_path, monkeypatch):
    """Set-AzureSubnet's own list: the name written second is the one to take out."""
    text = '$names = "Web", "AppNet"\n' + SCRIPT.format(second='"x"', argument='"Web"').replace(
        '-SubnetNames "Web"', "-SubnetNames $names"
    )
    result = lint_files(tmp_path, monkeypatch, {"nic.ps1": text}, "MIG202", dedent=False)
    assert where(result.findings) == ["MIG202 nic.ps1:1:17"]
