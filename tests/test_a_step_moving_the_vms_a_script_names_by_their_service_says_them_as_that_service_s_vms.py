"""A script that changes every VM of a cloud service without naming one (`Get-AzureVM -ServiceName 'shop' |
... | Update-AzureVM`) gives the service a stand-in for its VMs (`<VMs of cloud service shop>`). The step that
moves them says their computer names are empty in Resource Manager for "the VMs of cloud service 'shop'",
where it said "for VM '<VMs of cloud service shop>'", a VM of that name."""

from __future__ import annotations

EVERY_VM = """\
Get-AzureVM -ServiceName 'shop' | Set-AzureEndpoint -Name 'http' -Protocol tcp -LocalPort 80 -PublicPort 80 | Update-AzureVM
"""


def test_the_computer_name_line_says_the_vms_of_the_service(plan_of):
    (subscription,) = plan_of({"every.ps1": EVERY_VM}).subscriptions
    said = [line for step in subscription.steps for line in step.becomes if "osProfile.computerName" in line]
    assert [line.split(" (osProfile")[0] for line in said] == [
        "no computer name in Resource Manager for the VMs of cloud service 'shop'"
    ]
