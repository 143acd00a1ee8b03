"""The size a script sets on a VM after its configuration states one (`Set-AzureVMSize -InstanceSize` in
PowerShell, `azure vm set <vm> -z <size>` with the classic CLI) is the VM's size, for a VM it creates and
for one it updates, as New-AzureVMConfig's -InstanceSize, `azure vm create -z` and the SDK's
`update_role(role_size=...)` are. Set-AzureVMSize was passed over (the VM kept the size it was created with,
or none), and `azure vm set -z` too."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import Deployment

SCRIPTS = {
    "created.ps1": (
        "$vm = New-AzureVMConfig -Name web1 -InstanceSize Small -ImageName img"
        " | Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password x\n"
        "$vm = $vm | Set-AzureVMSize -InstanceSize Large\n"
        'New-AzureVM -ServiceName shop -VMs $vm -Location "West Europe"\n'
    ),
    "updated.ps1": "Get-AzureVM -ServiceName shop -Name web1 | Set-AzureVMSize -InstanceSize Large | Update-AzureVM\n",
    "created.sh": "azure vm create shop img ops -n web1 -z Small\nazure vm set web1 -d shop -z Large\n",
    "updated.sh": "azure vm set web1 --dns-name shop --vm-size Large\n",
    "updated.py": (
        "from azure.servicemanagement import ServiceManagementService\n"
        'sms = ServiceManagementService("sub", "cert.pem")\n'
        'sms.update_role("shop", "shop", "web1", role_size="Large")\n'
    ),
}


def _sizes(resources: tuple[object, ...]) -> list[tuple[str, str, str]]:
    return [(d.service_name, r.name, r.size) for d in resources if isinstance(d, Deployment) for r in d.roles]


@pytest.mark.parametrize("name", SCRIPTS)
def test_the_size_set_last_is_the_vm_s(name: str) -> None:
    assert _sizes(script_resources(SCRIPTS[name], name)) == [("shop", "web1", "Large")]


def test_a_size_the_classic_cli_may_not_set_is_not_known() -> None:
    text = 'azure vm create shop img ops -n web1 -z Small\nif [ -n "$BIG" ]; then azure vm set web1 -d shop -z Large; fi\n'
    assert _sizes(script_resources(text, "maybe.sh")) == [("shop", "web1", "")]
