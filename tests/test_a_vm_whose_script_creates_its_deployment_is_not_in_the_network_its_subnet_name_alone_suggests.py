"""A script's VM was placed in a network of a .netcfg only because its subnet is named like one there
(`Set-AzureSubnet -SubnetNames "web" | New-AzureVM -ServiceName $s -Location $l`, with no -VNetName). A call
that creates the deployment (-Location or -AffinityGroup; the classic CLI's `vm create --location`; the SDK's
`create_virtual_machine_deployment`) puts it in the network it names, and in none where it names none: the
platform refuses a subnet without its network, so which network the VM is in is not known, and is not
inferred from the subnet's name. A VM
that joins a deployment that may exist (New-AzureVM without -Location, `vm create --connect`, `add_role`)
still is in the one network of the files that defines its subnet, unless the subnet's name is the one a
network gets where its maker names none (`Subnet-1`, `default`), which many networks have."""

from __future__ import annotations

import pytest
from lint_support import APP_VNET_NETCFG, lint_files

CREATES = {
    "deploy.ps1": """\
    $vm = New-AzureVMConfig -Name "web01" -InstanceSize Small -ImageName "img" |
      Add-AzureProvisioningConfig -Windows -AdminUsername "ops" -Password "Passw0rd!" |
      Set-AzureSubnet -SubnetNames "web"
    $vm | New-AzureVM -ServiceName "contoso-web" -Location "North Europe"
    """,
    "deploy.sh": """\
    #!/bin/bash
    azure vm create contoso-web img ops 'Passw0rd!' --vm-name web01 --location "North Europe" --subnet-names web
    """,
    "deploy.py": """    from azure.servicemanagement import ConfigurationSet, OSVirtualHardDisk, ServiceManagementService

    sms = ServiceManagementService("sub", "cert.pem")
    net = ConfigurationSet()
    net.configuration_set_type = "NetworkConfiguration"
    net.subnet_names.append("web")
    disk = OSVirtualHardDisk("img", "https://a.blob.core.windows.net/v/a.vhd")
    sms.create_virtual_machine_deployment(
        "contoso-web", "contoso-web", "production", "contoso-web", "web01", None, disk, network_config=net
    )
    """,
}

JOINS = {
    "deploy.ps1": CREATES["deploy.ps1"].replace(' -Location "North Europe"', ""),
    "deploy.sh": CREATES["deploy.sh"].replace('--location "North Europe"', "--connect"),
    "deploy.py": CREATES["deploy.py"]
    .replace("create_virtual_machine_deployment(", "add_role(")
    .replace(
        '"contoso-web", "production", "contoso-web", "web01", None, disk',
        '"contoso-web", "web01", None, disk',
    ),
}


def _lint(tmp_path, monkeypatch, name: str, text: str):
    return lint_files(tmp_path, monkeypatch, {name: text, "network.netcfg": APP_VNET_NETCFG}, "MIG105")


def _network_of_web01(result) -> str | None:
    (service,) = [s for s in result.estates[0].cloud_services if s.name == "contoso-web"]
    (placement,) = service.placements
    return placement.virtual_network.name if placement.virtual_network is not None else None


@pytest.mark.parametrize("name", sorted(CREATES))
def test_a_vm_that_creates_its_deployment_is_not_in_the_network_its_subnet_is_named_like(
    tmp_path, monkeypatch, name
):
    result = _lint(tmp_path, monkeypatch, name, CREATES[name])
    assert _network_of_web01(result) is None
    assert not result.findings  # not in none either: the call is refused, its VM's network not known


@pytest.mark.parametrize("name", sorted(JOINS))
def test_a_vm_that_joins_a_deployment_is_in_the_one_network_that_defines_its_subnet(
    tmp_path, monkeypatch, name
):
    result = _lint(tmp_path, monkeypatch, name, JOINS[name])
    assert _network_of_web01(result) == "app-vnet"
    assert not result.findings


@pytest.mark.parametrize("subnet", ["Subnet-1", "default"])
@pytest.mark.parametrize("name", sorted(JOINS))
def test_a_vm_that_joins_a_deployment_is_not_placed_by_a_default_subnet_name(
    tmp_path, monkeypatch, name, subnet
):
    netcfg = APP_VNET_NETCFG.replace('<Subnet name="web">', f'<Subnet name="{subnet}">')
    script = (
        JOINS[name].replace('"web"', f'"{subnet}"').replace("--subnet-names web", f"--subnet-names {subnet}")
    )
    result = lint_files(tmp_path, monkeypatch, {name: script, "network.netcfg": netcfg}, "MIG105")
    assert _network_of_web01(result) is None
    assert not result.findings
