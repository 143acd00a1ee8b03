"""A script that selects subscription A, does something to a cloud service by its name, then selects B and
does something by the same name does it to two services: a cloud service's name is unique within its
subscription only. A Create Deployment body it sends in A says nothing of the deployment an Add Role body
it sends in B adds a VM to; a service named by a value the script does not state is two services, one in
each subscription its clients work in; a reserved IP taken off the service in B is taken off B's, whatever
the service of that name in A holds; a VM the classic CLI names without its service is looked up in the
subscription in force only. A storage account, reserved IP or network a function creates is the
subscription's the script selected where the function is called, as a deployment it creates is. A
subscription selected by an argument with a default (`azure account set "${1:-Contoso Prod}"`, a Python
client made for `sys.argv[1] if len(sys.argv) > 1 else '<id>'`) is the default, which a run as written
selects, as a PowerShell parameter's default is."""

from __future__ import annotations

import pytest
from lint_support import APP_VNET_NETCFG, lint_files, script_resources

from migcheck.model import Deployment, ReservedIp, StorageAccountType, VirtualNetwork
from migcheck.readers import read_document
from migcheck.subscriptions import split_subscriptions

A = "aaaaaaaa-0000-0000-0000-000000000001"
B = "bbbbbbbb-0000-0000-0000-000000000002"
BASE = "https://management.core.windows.net/sub1/services/hostedservices/app-svc/deployments"
# A deployment in network app-vnet (APP_VNET_NETCFG), its VM in subnet web; a VM of no subnet.
DEPLOYMENT = (
    '<Deployment xmlns="http://schemas.microsoft.com/windowsazure"><Name>app-svc</Name>'
    "<DeploymentSlot>Production</DeploymentSlot><RoleList><Role><RoleName>app01</RoleName>"
    "<RoleType>PersistentVMRole</RoleType><ConfigurationSets><ConfigurationSet>"
    "<ConfigurationSetType>NetworkConfiguration</ConfigurationSetType><SubnetNames><SubnetName>web</SubnetName>"
    "</SubnetNames></ConfigurationSet></ConfigurationSets></Role></RoleList>"
    "<VirtualNetworkName>app-vnet</VirtualNetworkName></Deployment>"
)
ROLE = (
    '<PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure"><RoleName>app02</RoleName>'
    "<RoleType>PersistentVMRole</RoleType></PersistentVMRole>"
)
SDK = (
    "from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk\n"
)
CLIENTS = (
    f"prod = ServiceManagementService('{A}', 'prod.pem')\n"
    f"dev = ServiceManagementService('{B}', 'dev.pem')\n"
    "linux = LinuxConfigurationSet('host', 'azureuser', 'pw', True)\n"
)


def codes(result) -> list[str]:
    return sorted(f.code for f in result.findings if f.code != "MIG601")


def test_a_role_body_sent_in_b_is_not_in_the_network_of_a_deployment_body_sent_in_a(tmp_path, monkeypatch):
    irm = "Invoke-RestMethod -Method Post -Uri"
    script = (
        f"Select-AzureSubscription -SubscriptionId '{A}'\n"
        f"{irm} \"{BASE}\" -Body '{DEPLOYMENT}' -Headers $h -Certificate $c\n"
        f"Select-AzureSubscription -SubscriptionId '{B}'\n"
        f"{irm} \"{BASE}/app-svc/roles\" -Body '{ROLE}' -Headers $h -Certificate $c\n"
    )
    files = {"NetworkConfig.netcfg": APP_VNET_NETCFG, "vm.ps1": script}
    # In A's network without a subnet (MIG203), were it the deployment the body in A creates.
    assert codes(lint_files(tmp_path, monkeypatch, files, dedent=False)) == []


def test_a_role_body_sent_in_a_python_client_s_subscription_is_not_in_another_s_deployment(
    tmp_path, monkeypatch
):
    script = (
        f"import requests\n{SDK}{CLIENTS}"
        "prod.get_hosted_service_properties('app-svc')\n"
        f"requests.post('{BASE}', data='{DEPLOYMENT}', cert='m.pem')\n"
        "dev.add_role('app-svc', 'app-svc', 'app02', linux,\n"
        "    OSVirtualHardDisk('img', 'https://devstd.blob.core.windows.net/vhds/app02.vhd'))\n"
    )
    files = {"NetworkConfig.netcfg": APP_VNET_NETCFG, "vm.py": script}
    assert "MIG203" not in codes(lint_files(tmp_path, monkeypatch, files, dedent=False))


def test_a_service_named_by_a_value_not_stated_is_one_in_each_client_s_subscription(tmp_path, monkeypatch):
    def create(client: str, vm: str, availability_set: str) -> str:
        return (
            f"{client}.create_virtual_machine_deployment(svc, svc, 'production', 'web', '{vm}', linux,\n"
            f"    OSVirtualHardDisk('img', 'https://{client}std.blob.core.windows.net/vhds/{vm}.vhd'),\n"
            f"    availability_set_name='{availability_set}')\n"
        )

    script = f"import sys\n{SDK}svc = sys.argv[1]\n{CLIENTS}{create('prod', 'web01', 'front')}"
    script += create("dev", "web02", "back")
    result = lint_files(tmp_path, monkeypatch, {"build.py": script}, dedent=False)
    # One service of VMs in two availability sets (MIG102), were the two one.
    assert codes(result) == ["MIG105", "MIG105"]
    roles = {
        e.subscription: sorted(r.name for s in e.cloud_services for p in s.placements for r in p.roles)
        for e in result.estates
        if e.cloud_services
    }
    assert roles == {A: ["web01"], B: ["web02"]}


def test_a_reserved_ip_taken_off_a_service_in_b_is_taken_off_whatever_a_s_service_holds():
    script = (
        f"{SDK}{CLIENTS}"
        "prod.create_reserved_ip_address('ip1', location='West Europe')\n"
        "prod.create_virtual_machine_deployment('web', 'web', 'production', 'web', 'web01', linux,\n"
        "    OSVirtualHardDisk('img', 'https://prodstd.blob.core.windows.net/vhds/web01.vhd'),\n"
        "    reserved_ip_name='ip1')\n"
        "dev.disassociate_reserved_ip_address('ip1', 'web', 'web')\n"
    )
    released = [ip for ip in script_resources(script, "ip.py") if isinstance(ip, ReservedIp)]
    assert [(ip.name, ip.released_from, ip.mark.line) for ip in released if ip.released_from] == [
        ("ip1", "web", 9)
    ]


def cli_deployments(script: str) -> list[tuple[str, bool, str, list[str]]]:
    found = script_resources(f"#!/bin/bash\nazure config mode asm\n{script}", "vm.sh")
    return [
        (d.service_name, d.service_by_vm_name, d.selected_in, [r.name for r in d.roles])
        for d in found
        if isinstance(d, Deployment)
    ]


def test_a_vm_the_classic_cli_names_alone_in_b_is_not_the_vm_of_that_name_it_created_in_a():
    script = (
        f"azure account set {A}\n"
        "azure vm create web img ops 'P@ss1' --location 'West Europe' --vm-name web01\n"
        f"azure account set {B}\n"
        "azure vm endpoint create web01 80 80\n"
    )
    assert cli_deployments(script) == [
        ("web", False, A, ["web01"]),
        ("<cloud service name, vm.sh:6>", True, B, ["web01"]),  # B's VM web01, in a service not stated
    ]


def test_a_vm_the_classic_cli_names_alone_in_each_subscription_is_one_in_each():
    script = (
        f"azure account set {A}\nazure vm endpoint create web01 80 80\n"
        f"azure account set {B}\nazure vm endpoint create web01 443 443\n"
    )
    services = [service for service, *_ in cli_deployments(script)]
    assert services == ["<cloud service name, vm.sh:4>", "<cloud service name, vm.sh:6>"]


# A function written above the selections that creates a storage account, a reserved IP (and, in the
# classic CLI, a network), called once, after the script selects B.
FUNCTION_CALLED_IN_B = {
    "build.ps1": (
        "function Build {\n"
        "    New-AzureStorageAccount -StorageAccountName 'shared' -Location 'West Europe' -Type Standard_LRS\n"
        "    New-AzureReservedIP -ReservedIPName 'ip1' -Location 'West Europe'\n"
        "}\n"
        f"Select-AzureSubscription -SubscriptionId '{A}'\n"
        "New-AzureService -ServiceName 'web' -Location 'West Europe'\n"
        f"Select-AzureSubscription -SubscriptionId '{B}'\n"
        "Build\n"
    ),
    "build.sh": (
        "#!/bin/bash\n"
        "build() {\n"
        "  azure storage account create shared --location 'West Europe' --type LRS\n"
        "  azure network reserved-ip create ip1 'West Europe'\n"
        "  azure network vnet create net1 --location 'West Europe' --address-space 10.0.0.0 --cidr 16\n"
        "}\n"
        f"azure config mode asm\nazure account set {A}\nazure service create web --location 'West Europe'\n"
        f"azure account set {B}\nbuild\n"
    ),
}


@pytest.mark.parametrize("path", FUNCTION_CALLED_IN_B)
def test_what_a_function_creates_beside_deployments_is_the_subscription_s_selected_where_it_is_called(path):
    document = read_document(path, FUNCTION_CALLED_IN_B[path].encode(), explicit=True)
    assert document is not None
    made = {
        name: sorted(
            type(r).__name__
            for d in docs
            for r in d.resources
            if isinstance(r, (StorageAccountType, ReservedIp, VirtualNetwork))
        )
        for name, docs in split_subscriptions((document,), {})
    }
    expected = ["ReservedIp", "StorageAccountType"] + (["VirtualNetwork"] if path.endswith(".sh") else [])
    assert made.get(B) == expected
    assert not made.get(A) and not made.get("default")


def vms_by_subscription(result) -> dict[str, list[str]]:
    return {
        e.subscription: sorted(r.name for s in e.cloud_services for p in s.placements for r in p.roles)
        for e in result.estates
        if e.cloud_services
    }


def sh_vm(vm: str, availability_set: str) -> str:
    return (
        "azure vm create web img ops 'P@ss1' --location 'West Europe' "
        f"--vm-name {vm} --availability-set {availability_set}\n"
    )


# A script whose first subscription is an argument with a default, which a run as written (given no
# argument) selects, then B.
SELECTED_BY_DEFAULT = {
    "shell, a name": (
        "build.sh",
        '#!/bin/bash\nazure config mode asm\nazure account set "${1:-Contoso Prod}"\n'
        f"{sh_vm('web01', 'front')}azure account set {B}\n{sh_vm('web02', 'back')}",
        "Contoso Prod",
    ),
    "shell, an id in a variable": (
        "build.sh",
        f'#!/bin/bash\nazure config mode asm\nSUB=${{1:-{A}}}\nazure account set "$SUB"\n'
        f"{sh_vm('web01', 'front')}azure account set {B}\n{sh_vm('web02', 'back')}",
        A,
    ),
    "python": (
        "build.py",
        f"import sys\n{SDK}SUB = sys.argv[1] if len(sys.argv) > 1 else '{A}'\n"
        + CLIENTS.replace(f"'{A}'", "SUB")
        + "prod.create_virtual_machine_deployment('web', 'web', 'production', 'web', 'web01', linux,\n"
        "    OSVirtualHardDisk('img', 'https://prodstd.blob.core.windows.net/vhds/web01.vhd'),\n"
        "    availability_set_name='front')\n"
        "dev.create_virtual_machine_deployment('web', 'web', 'production', 'web', 'web02', linux,\n"
        "    OSVirtualHardDisk('img', 'https://devstd.blob.core.windows.net/vhds/web02.vhd'),\n"
        "    availability_set_name='back')\n",
        A,
    ),
}


@pytest.mark.parametrize("case", SELECTED_BY_DEFAULT)
def test_a_subscription_an_argument_selects_by_default_is_the_one_a_run_as_written_works_in(
    tmp_path, monkeypatch, case
):
    path, script, first = SELECTED_BY_DEFAULT[case]
    result = lint_files(tmp_path, monkeypatch, {path: script}, dedent=False)
    # One service 'web' of VMs in two availability sets (MIG102), were the default not read.
    assert vms_by_subscription(result) == {first: ["web01"], B: ["web02"]}
    assert "MIG102" not in codes(result)


def test_a_positional_default_is_a_value_the_script_does_not_state_elsewhere():
    script = "azure vm create \"${1:-web}\" img ops 'P@ss1' --location 'West Europe'\n"
    assert [service.startswith("<DNS name") for service, *_ in cli_deployments(script)] == [True]
