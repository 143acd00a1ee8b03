"""One script that selects subscription A, creates the cloud service 'web' with a VM, then selects B and
creates a cloud service 'web' there with another VM, creates two services: a cloud service's name is unique
within its subscription only. Each is its own subscription's, with its own VM and availability set, where
the second VM was added to the first service (in A, the VMs of one service in two availability sets:
MIG102; one in a set and one in none: MIG103), or was lost (the classic CLI). The same holds for
`Select-AzureSubscription -SubscriptionName`, `azure account set <name>` and for the calls of a Python
classic client made for each subscription."""

from __future__ import annotations

import pytest
from lint_support import lint_files

A = "aaaaaaaa-0000-0000-0000-000000000001"
B = "bbbbbbbb-0000-0000-0000-000000000002"


def ps_vm(vm: str, availability_set: str) -> str:
    in_set = f" -AvailabilitySetName '{availability_set}'" if availability_set else ""
    return (
        f"$vm = New-AzureVMConfig -Name '{vm}' -InstanceSize Small -ImageName 'img'{in_set} |\n"
        "    Add-AzureProvisioningConfig -Windows -AdminUsername 'ops' -Password 'x'\n"
        "New-AzureVM -ServiceName 'web' -Location 'West Europe' -VMs $vm\n"
    )


def sh_vm(vm: str, availability_set: str) -> str:
    in_set = f" --availability-set {availability_set}" if availability_set else ""
    return f"azure vm create web img ops 'P@ss1' --location 'West Europe' --vm-name {vm}{in_set}\n"


def py_vm(client: str, vm: str, availability_set: str) -> str:
    return (
        f"{client}.create_virtual_machine_deployment('web', 'web', 'production', 'web', '{vm}', linux,\n"
        f"    OSVirtualHardDisk('img', 'https://{client}std.blob.core.windows.net/vhds/{vm}.vhd'),\n"
        f"    availability_set_name={availability_set!r})\n"
    )


def powershell(first: str, second: str, by: str = "SubscriptionId") -> dict[str, str]:
    return {
        "build.ps1": (
            f"Select-AzureSubscription -{by} '{first}'\n{ps_vm('web01', 'front')}"
            f"Select-AzureSubscription -{by} '{second}'\n{ps_vm('web02', 'back')}"
        )
    }


def classic_cli(first: str, second: str) -> dict[str, str]:
    return {
        "build.sh": (
            f"#!/bin/bash\nazure config mode asm\nazure account set {first}\n{sh_vm('web01', 'front')}"
            f"azure account set {second}\n{sh_vm('web02', 'back')}"
        )
    }


def python_clients() -> dict[str, str]:
    return {
        "build.py": (
            "from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, "
            "OSVirtualHardDisk\n\n"
            f"prod = ServiceManagementService('{A}', 'prod.pem')\n"
            f"dev = ServiceManagementService('{B}', 'dev.pem')\n"
            "linux = LinuxConfigurationSet('host', 'azureuser', 'pw', True)\n"
            f"{py_vm('prod', 'web01', 'front')}{py_vm('dev', 'web02', 'back')}"
        )
    }


CASES = {
    "powershell by id": (powershell(A, B), A, B),
    "powershell by name": (powershell("Prod", "Dev", "SubscriptionName"), "Prod", "Dev"),
    "classic cli by id": (classic_cli(A, B), A, B),
    "classic cli by name": (classic_cli("Prod", "Dev"), "Prod", "Dev"),
    "python clients": (python_clients(), A, B),
}


def vms_by_subscription(result) -> dict[str, list[tuple[str, list[str]]]]:
    return {
        e.subscription: [
            (s.name, sorted(r.name for p in s.placements for r in p.roles)) for s in e.cloud_services
        ]
        for e in result.estates
        if e.cloud_services
    }


@pytest.mark.parametrize("case", CASES)
def test_a_service_of_one_name_in_two_selected_subscriptions_is_one_in_each(tmp_path, monkeypatch, case):
    files, first, second = CASES[case]
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert vms_by_subscription(result) == {first: [("web", ["web01"])], second: [("web", ["web02"])]}
    assert not {"MIG102", "MIG103"} & {f.code for f in result.findings}, [f.message for f in result.findings]


def test_a_service_created_again_in_the_first_subscription_after_the_second_is_the_first_s(
    tmp_path, monkeypatch
):
    script = (
        f"Select-AzureSubscription -SubscriptionId '{A}'\n{ps_vm('web01', 'front')}"
        f"Select-AzureSubscription -SubscriptionId '{B}'\n{ps_vm('web02', 'back')}"
        f"Select-AzureSubscription -SubscriptionId '{A}'\n{ps_vm('web03', '')}"
    )
    result = lint_files(tmp_path, monkeypatch, {"build.ps1": script}, dedent=False)
    vms = vms_by_subscription(result)
    assert vms[B] == [("web", ["web02"])]
    assert vms[A] == [("web", ["web01", "web03"])]  # one service: web03 joins web01's deployment
    assert "MIG103" in {f.code for f in result.findings}  # web01 in 'front', web03 in none


# A function written above the selections that creates the service, called once after each.
FUNCTION_CALLED_AFTER_EACH = {
    "powershell": {
        "build.ps1": (
            "function Deploy($name) {\n"
            "    $vm = New-AzureVMConfig -Name $name -InstanceSize Small -ImageName 'img' |\n"
            "        Add-AzureProvisioningConfig -Windows -AdminUsername 'ops' -Password 'x'\n"
            "    New-AzureVM -ServiceName 'web' -Location 'West Europe' -VMs $vm\n"
            "}\n"
            f"Select-AzureSubscription -SubscriptionId '{A}'\nDeploy 'web01'\n"
            f"Select-AzureSubscription -SubscriptionId '{B}'\nDeploy 'web02'\n"
        )
    },
    "classic cli": {
        "build.sh": (
            "#!/bin/bash\n"
            "deploy() {\n"
            "  azure vm create web img ops 'P@ss1' --location 'West Europe' --vm-name \"$1\"\n"
            "}\n"
            f"azure config mode asm\nazure account set {A}\ndeploy web01\n"
            f"azure account set {B}\ndeploy web02\n"
        )
    },
}


@pytest.mark.parametrize("case", FUNCTION_CALLED_AFTER_EACH)
def test_what_a_function_creates_is_the_subscription_s_selected_where_it_is_called(
    tmp_path, monkeypatch, case
):
    result = lint_files(tmp_path, monkeypatch, FUNCTION_CALLED_AFTER_EACH[case], dedent=False)
    assert vms_by_subscription(result) == {A: [("web", ["web01"])], B: [("web", ["web02"])]}
