"""A script that selects a subscription works in it from there on: `Select-AzureSubscription`, the classic
CLI's `azure account set` and a Python classic client made for an id (`ServiceManagementService('<id>',
...)`). Where the files select several subscriptions, what a script creates after it selects one is that
subscription's, by its id or name: a network of one name in two subscriptions is two networks, so a subnet
of one is never looked up in the other's network configuration (MIG003) and VMs of one never share a
network with roles of the other (MIG104). Files that select nothing, or one subscription only, are grouped
as ever."""

from __future__ import annotations

import pytest
from lint_support import RULES, lint_files

from migcheck.config import Config
from migcheck.engine import lint

A = "aaaaaaaa-0000-0000-0000-000000000001"
B = "bbbbbbbb-0000-0000-0000-000000000002"

# The network configuration subscription A uploads: `core` has the subnet App only.
CORE_NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="core" Location="West Europe">
      <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
      <Subnets><Subnet name="App"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet></Subnets>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def ps_vm(service: str, subnet: str) -> str:
    return (
        f"$vm = New-AzureVMConfig -Name '{service}01' -InstanceSize Small -ImageName 'img' |\n"
        "    Add-AzureProvisioningConfig -Windows -AdminUsername 'ops' -Password 'x' |\n"
        f"    Set-AzureSubnet -SubnetNames '{subnet}'\n"
        f"New-AzureVM -ServiceName '{service}' -Location 'West Europe' -VNetName 'core' -VMs $vm\n"
    )


def sh_vm(service: str, subnet: str) -> str:
    return (
        f"azure vm create {service} img ops 'P@ss1' --location 'West Europe' "
        f"--virtual-network-name core --subnet-names {subnet}\n"
    )


PY_TWO_CLIENTS = f"""\
from azure.servicemanagement import ServiceManagementService, ConfigurationSet, LinuxConfigurationSet, OSVirtualHardDisk

prod = ServiceManagementService('{A}', 'prod.pem')
dev = ServiceManagementService('{B}', 'dev.pem')


def net(subnet):
    cfg = ConfigurationSet()
    cfg.configuration_set_type = 'NetworkConfiguration'
    cfg.subnet_names.append(subnet)
    return cfg


linux = LinuxConfigurationSet('host', 'azureuser', 'pw', True)
prod.create_virtual_machine_deployment('a-app', 'a-app', 'production', 'a-app', 'a-app01', linux,
                                       OSVirtualHardDisk('img', 'https://pstd.blob.core.windows.net/vhds/p1.vhd'),
                                       network_config=net('App'), virtual_network_name='core')
dev.create_virtual_machine_deployment('b-db', 'b-db', 'production', 'b-db', 'b-db01', linux,
                                      OSVirtualHardDisk('img', 'https://dstd.blob.core.windows.net/vhds/d1.vhd'),
                                      network_config=net('Db'), virtual_network_name='core')
"""

# One script of each language that selects A, creates a VM in core/App, then selects B and creates one in
# its own core/Db.
TWO_SUBSCRIPTIONS = {
    "powershell": {
        "build.ps1": (
            f"Select-AzureSubscription -SubscriptionId '{A}'\n{ps_vm('a-app', 'App')}"
            f"Select-AzureSubscription -SubscriptionId '{B}'\n{ps_vm('b-db', 'Db')}"
        )
    },
    "classic cli": {
        "build.sh": (
            f"#!/bin/bash\nazure config mode asm\nazure account set {A}\n{sh_vm('a-app', 'App')}"
            f"azure account set {B}\n{sh_vm('b-db', 'Db')}"
        )
    },
    "python clients": {"build.py": PY_TWO_CLIENTS},
}


def services_by_subscription(result) -> dict[str, list[str]]:
    return {
        e.subscription: sorted(s.name for s in e.cloud_services) for e in result.estates if e.cloud_services
    }


def codes(result) -> list[str]:
    return sorted({f.code for f in result.findings})


@pytest.mark.parametrize("case", TWO_SUBSCRIPTIONS)
def test_the_vms_of_two_selected_subscriptions_are_each_in_their_own(tmp_path, monkeypatch, case):
    files = {**TWO_SUBSCRIPTIONS[case], "netcfg-a.xml": CORE_NETCFG}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    services = services_by_subscription(result)
    assert services[A] == ["a-app"] and services[B] == ["b-db"], services
    assert "MIG003" not in codes(result), [f.message for f in result.findings]


def test_vms_and_roles_of_two_selected_subscriptions_share_no_network(tmp_path, monkeypatch):
    cscfg = (
        '<ServiceConfiguration serviceName="b-web" '
        'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">\n'
        '  <Role name="Web"><Instances count="2" /></Role>\n'
        '  <NetworkConfiguration><VirtualNetworkSite name="core" /></NetworkConfiguration>\n'
        "</ServiceConfiguration>\n"
    )
    script = (
        f"Select-AzureSubscription -SubscriptionId '{A}'\n{ps_vm('a-app', 'App')}"
        f"Select-AzureSubscription -SubscriptionId '{B}'\n"
        "New-AzureService -ServiceName 'b-web' -Location 'West Europe'\n"
        "New-AzureDeployment -ServiceName 'b-web' -Slot Production -Package b.cspkg "
        "-Configuration ServiceConfiguration.Cloud.cscfg\n"
    )
    files = {"build.ps1": script, "ServiceConfiguration.Cloud.cscfg": cscfg}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert "MIG104" not in codes(result)
    assert "MIG101" in codes(result)


def test_two_scripts_of_one_folder_that_select_two_ids_are_two_subscriptions(tmp_path, monkeypatch):
    files = {
        "a.ps1": f"Select-AzureSubscription -SubscriptionId '{A}'\n{ps_vm('a-app', 'App')}",
        "b.sh": f"#!/bin/bash\nazure account set {B}\n{sh_vm('b-db', 'Db')}",
        "NetworkConfig.netcfg": CORE_NETCFG,
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    services = services_by_subscription(result)
    assert services[A] == ["a-app"] and services[B] == ["b-db"], services
    assert "MIG003" not in codes(result)


def test_a_subscription_selected_by_name_is_the_subscription_of_that_name(tmp_path, monkeypatch):
    files = {
        "build.ps1": (
            f"Select-AzureSubscription -SubscriptionName 'Prod'\n{ps_vm('a-app', 'App')}"
            f"Select-AzureSubscription -SubscriptionName 'Dev'\n{ps_vm('b-db', 'Db')}"
        ),
        "deploy.sh": f"#!/bin/bash\nazure account set Dev\n{sh_vm('c-db', 'Db')}",
    }
    services = services_by_subscription(lint_files(tmp_path, monkeypatch, files, dedent=False))
    assert services == {"Prod": ["a-app"], "Dev": ["b-db", "c-db"]}


def test_a_selection_of_a_configured_subscription_s_name_is_of_that_subscription(tmp_path, monkeypatch):
    files = {
        "build.ps1": (
            f"Select-AzureSubscription -SubscriptionName 'Prod'\n{ps_vm('a-app', 'App')}"
            f"Select-AzureSubscription -SubscriptionName 'Dev'\n{ps_vm('b-db', 'Db')}"
        ),
        "prod/NetworkConfig.netcfg": CORE_NETCFG,
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    result = lint(["."], Config(subscriptions={"Prod": ("prod/**",)}), RULES)
    assert services_by_subscription(result) == {"Prod": ["a-app"], "Dev": ["b-db"]}
    prod = next(e for e in result.estates if e.subscription == "Prod")
    assert [n.name for n in prod.virtual_networks] == ["core"]


def test_a_file_the_settings_map_stays_in_its_subscription_whatever_it_selects(tmp_path, monkeypatch):
    files = {
        "ops/build.ps1": (
            f"Select-AzureSubscription -SubscriptionId '{A}'\n{ps_vm('a-app', 'App')}"
            f"Select-AzureSubscription -SubscriptionId '{B}'\n{ps_vm('b-db', 'Db')}"
        ),
        "ops/NetworkConfig.netcfg": CORE_NETCFG,
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    result = lint(["."], Config(subscriptions={"ops": ("ops/**",)}), RULES)
    assert services_by_subscription(result) == {"ops": ["a-app", "b-db"]}
    assert "MIG003" in codes(result)  # one subscription, as the settings say: Db is not a subnet of core


@pytest.mark.parametrize("selection", ["", f"Select-AzureSubscription -SubscriptionId '{A}'\n"])
def test_a_script_that_selects_no_subscription_or_one_is_linked_as_ever(tmp_path, monkeypatch, selection):
    files = {"build.ps1": f"{selection}{ps_vm('b-db', 'Db')}", "NetworkConfig.netcfg": CORE_NETCFG}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert [e.subscription for e in result.estates] == ["default"]
    assert "MIG003" in codes(result)  # Db is not a subnet of core
