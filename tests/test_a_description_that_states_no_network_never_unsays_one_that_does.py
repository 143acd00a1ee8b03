"""A deployment's virtual network is fixed when it is created. One file creates VM web01 of cloud service
shop in network prod without a subnet (MIG203); another changes web01 (a data disk, a new size) or adds VM
web02 to the deployment that exists, saying nothing of the network. Whichever of the two files is read
first, and whatever format each is written in, the deployment is in prod and web01 is reported."""

from __future__ import annotations

import pytest
from lint_support import lint_files

BLOB = "https://shopdisks.blob.core.windows.net/vhds"
PY = "from azure.servicemanagement import ServiceManagementService\nsms = ServiceManagementService('s', 'c.pem')\n"
PS_VM = (
    "$vm = New-AzureVMConfig -Name {vm} -InstanceSize Small -ImageName img |\n"
    "  Add-AzureProvisioningConfig -Windows -AdminUsername u -Password p\n"
)

# Descriptions that create web01 in network prod, by the extension of their file.
IN_PROD = {
    "py": PY
    + "sms.create_virtual_machine_deployment('shop', 'shop', 'production', 'shop', 'web01', None, None,\n"
    "    virtual_network_name='prod')\n",
    "ps1": PS_VM.format(vm="web01")
    + "New-AzureVM -ServiceName shop -Location 'West Europe' -VNetName prod -VMs $vm\n",
    "sh": "azure config mode asm\n"
    "azure vm create shop img u p -l 'West Europe' -n web01 -w prod --disable-boot-diagnostics\n",
    "xml": """\
<HostedService xmlns="http://schemas.microsoft.com/windowsazure">
  <ServiceName>shop</ServiceName>
  <Deployments>
    <Deployment>
      <Name>shop</Name>
      <RoleList>
        <Role><RoleName>web01</RoleName><RoleType>PersistentVMRole</RoleType></Role>
      </RoleList>
      <VirtualNetworkName>prod</VirtualNetworkName>
    </Deployment>
  </Deployments>
</HostedService>
""",
}

# Descriptions of the same deployment that state no network, by the extension of their file.
NO_NETWORK = {
    "py-add-data-disk": (
        "py",
        PY + f"sms.add_data_disk('shop', 'shop', 'web01', 1, media_link='{BLOB}/web01-d1.vhd')\n",
    ),
    "py-update-role": ("py", PY + "sms.update_role('shop', 'shop', 'web01', role_size='Medium')\n"),
    "py-add-role": ("py", PY + "sms.add_role('shop', 'shop', 'web02', None, None, role_size='Small')\n"),
    "ps-add-data-disk": (
        "ps1",
        "Get-AzureVM -ServiceName shop -Name web01 |\n"
        "  Add-AzureDataDisk -CreateNew -DiskSizeInGB 20 -DiskLabel d1 -LUN 1 | Update-AzureVM\n",
    ),
    "ps-new-vm-in-the-deployment": (
        "ps1",
        PS_VM.format(vm="web02") + "New-AzureVM -ServiceName shop -VMs $vm\n",
    ),
    "sh-vm-create-connect": ("sh", "azure config mode asm\nazure vm create shop img u p -n web02 -c\n"),
    "sh-attach-new": (
        "sh",
        f"azure config mode asm\nazure vm disk attach-new web01 20 {BLOB}/web01-d1.vhd -d shop\n",
    ),
}


def _cases() -> list:
    return [
        pytest.param(
            made, change, change_first, id=f"{made}-{change}-{'change' if change_first else 'creation'}-first"
        )
        for made in IN_PROD
        for change in NO_NETWORK
        for change_first in (True, False)
    ]


@pytest.mark.parametrize(("made", "change", "change_first"), _cases())
def test_the_deployment_stays_in_the_network_its_creation_states(
    tmp_path, monkeypatch, made, change, change_first
):
    extension, text = NO_NETWORK[change]
    # Files are read in the order of their names.
    change_file, creation_file = ("a_change", "b_create") if change_first else ("b_change", "a_create")
    files = {f"{creation_file}.{made}": IN_PROD[made], f"{change_file}.{extension}": text}
    result = lint_files(tmp_path, monkeypatch, files, "MIG203", dedent=False)
    [service] = [s for s in result.estate.cloud_services if s.name == "shop"]
    [placement] = service.placements
    assert placement.network_known and placement.virtual_network is not None
    assert placement.virtual_network.name == "prod"
    assert ("web01", f"{creation_file}.{made}") in {
        (f.message.split("'")[1], f.location.path) for f in result.findings if f.location
    }
