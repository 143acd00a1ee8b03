"""Two values a PowerShell script does not state, passed as the virtual network to one of its functions by
two calls (`Deploy "svc1" $A`, `Deploy "svc2" $B`), are two networks, the second named for its turn; a call
that passes the first value again is in the first network."""

from __future__ import annotations

from migcheck.model import Deployment
from migcheck.readers import read_document

SCRIPT = """\
param($A, $B)
function Deploy($svc, $net) {
  $vm = New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img" | Set-AzureSubnet -SubnetNames "S1"
  New-AzureVM -ServiceName $svc -VMs $vm -VNetName $net -Location "West Europe"
}
Deploy "svc1" $A
Deploy "svc2" $B
Deploy "svc3" $A
"""


def test_two_values_passed_by_two_calls_are_two_networks() -> None:
    document = read_document("d.ps1", SCRIPT.encode(), explicit=True)
    assert document is not None
    networks = {
        d.name: d.virtual_network.name
        for d in document.resources
        if isinstance(d, Deployment) and d.virtual_network is not None
    }
    assert networks == {
        "svc1": "<virtual network name, d.ps1:4:52>",
        "svc2": "<virtual network name, d.ps1:4:52, turn 2>",
        "svc3": "<virtual network name, d.ps1:4:52>",
    }
