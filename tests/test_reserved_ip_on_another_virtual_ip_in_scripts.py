"""A reserved IP a script gives another virtual IP of a deployment than its default one
(`Set-AzureReservedIPAssociation -VirtualIPName`, `New-AzureReservedIP -ServiceName -VirtualIPName`,
`associate_reserved_ip_address(..., virtual_ip_name=)`) is that VIP's, as a REST body's `VirtualIPs` say: the
default VIP is not reserved and changes, and with no input endpoint on that VIP the reserved IP cannot be
migrated with the deployment (MIG106; deep dive: "A virtual IP can only be migrated if there is an input
endpoint assigned to it"). A VIP the script does not name may be the default one: nothing is said kept."""

from __future__ import annotations

import pytest
from lint_support import lint_files

PS_HEAD = """\
New-AzureReservedIP -ReservedIPName 'rip5' -Location 'West US'
New-AzureVMConfig -ImageName 'img' -Name 'vm1' -InstanceSize 'Small' |
    Add-AzureProvisioningConfig -Windows -AdminUsername 'u' -Password 'p' |{endpoint}
    New-AzureVM -ServiceName 'svc2' -Location 'West US'
Add-AzureVirtualIP -ServiceName 'svc2' -VirtualIPName 'vip2'
"""
PS_SET = "Set-AzureReservedIPAssociation -ReservedIPName 'rip5' -ServiceName 'svc2' -VirtualIPName {vip}\n"
PS_NEW = "New-AzureReservedIP -ReservedIPName 'rip6' -Location 'West US' -ServiceName 'svc2' -VirtualIPName {vip}\n"
PS_REMOVE = "Remove-AzureReservedIPAssociation -ReservedIPName 'rip5' -ServiceName 'svc2' -VirtualIPName 'vip2' -Force\n"
ON_VIP2 = (
    "\n    Add-AzureEndpoint -Name 'web' -Protocol tcp -LocalPort 80 -PublicPort 80 -VirtualIPName 'vip2' |"
)

PY = """\
import sys
from azure.servicemanagement import (
    ConfigurationSet, ConfigurationSetInputEndpoint, LinuxConfigurationSet, OSVirtualHardDisk,
    ServiceManagementService,
)

sms = ServiceManagementService('sub', 'cert.pem')
net = ConfigurationSet()
net.input_endpoints.input_endpoints.append(ConfigurationSetInputEndpoint('ssh', 'tcp', '22', '22'))
sms.create_virtual_machine_deployment(
    service_name='svc4', deployment_name='svc4', deployment_slot='production', label='svc4',
    role_name='vm4', system_config=LinuxConfigurationSet('vm4', 'u', 'p', True),
    os_virtual_hard_disk=OSVirtualHardDisk('img', 'https://acct.blob.core.windows.net/vhds/vm4.vhd'),
    network_config=net, role_size='Small')
sms.create_reserved_ip_address('rip4', location='West US')
sms.associate_reserved_ip_address('rip4', 'svc4', 'svc4', virtual_ip_name={vip})
"""
PY_REMOVE = "sms.disassociate_reserved_ip_address('rip4', 'svc4', 'svc4', virtual_ip_name='vip2')\n"

KEPT = "is kept"
STRANDED = "cannot be migrated with it, as no input endpoint is on its virtual IP 'vip2' (MIG106)"
UNSAID = (
    "its VIP changes unless it is reserved IP '{ip}', which the script associates with a virtual IP of the "
    "deployment it does not name, the default one or another ({at})"
)
NOT_RESERVED = "its VIP is not reserved and will change"


def _findings(tmp_path, monkeypatch, name: str, text: str) -> dict[str, list[str]]:
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG105", "MIG106", dedent=False)
    found: dict[str, list[str]] = {}
    for f in result.findings:
        found.setdefault(f.code, []).append(f.message)
    return found


STRANDED_CASES = {
    "Set-AzureReservedIPAssociation": (
        "deploy.ps1",
        PS_HEAD.format(endpoint="") + PS_SET.format(vip="'vip2'"),
    ),
    "New-AzureReservedIP -ServiceName": (
        "deploy.ps1",
        PS_HEAD.format(endpoint="") + PS_NEW.format(vip="'vip2'"),
    ),
    "associate_reserved_ip_address": ("deploy.py", PY.format(vip="'vip2'")),
}


@pytest.mark.parametrize("case", STRANDED_CASES)
def test_a_reserved_ip_on_another_vip_without_an_endpoint_is_stranded(tmp_path, monkeypatch, case):
    name, text = STRANDED_CASES[case]
    found = _findings(tmp_path, monkeypatch, name, text)
    assert len(found["MIG105"]) == 1
    assert STRANDED in found["MIG105"][0] and KEPT not in found["MIG105"][0]
    assert len(found["MIG106"]) == 1
    assert "is on virtual IP 'vip2', and no input endpoint is on that VIP" in found["MIG106"][0]


def test_with_an_endpoint_on_that_vip_the_default_vip_still_changes(tmp_path, monkeypatch):
    text = PS_HEAD.format(endpoint=ON_VIP2) + PS_SET.format(vip="'vip2'")
    found = _findings(tmp_path, monkeypatch, "deploy.ps1", text)
    assert "MIG106" not in found
    (message,) = found["MIG105"]
    assert (
        "its default VIP is not reserved and will change (reserved IP 'rip5' of virtual IP 'vip2' is kept"
        in (message)
    )


UNSTATED_CASES = {
    "Set-AzureReservedIPAssociation": (
        "deploy.ps1",
        "param($Vip)\n" + PS_HEAD.format(endpoint="") + PS_SET.format(vip="$Vip"),
        UNSAID.format(ip="rip5", at="deploy.ps1:7"),
    ),
    "associate_reserved_ip_address": (
        "deploy.py",
        PY.format(vip="sys.argv[1]"),
        UNSAID.format(ip="rip4", at="deploy.py:16"),
    ),
}


@pytest.mark.parametrize("case", UNSTATED_CASES)
def test_a_vip_the_script_does_not_name_may_be_the_default_one(tmp_path, monkeypatch, case):
    name, text, said = UNSTATED_CASES[case]
    found = _findings(tmp_path, monkeypatch, name, text)
    assert "MIG106" not in found
    (message,) = found["MIG105"]
    assert message.endswith(said)


REMOVED_CASES = {
    "Remove-AzureReservedIPAssociation": (
        "deploy.ps1",
        PS_HEAD.format(endpoint="") + PS_SET.format(vip="'vip2'") + PS_REMOVE,
    ),
    "disassociate_reserved_ip_address": ("deploy.py", PY.format(vip="'vip2'") + PY_REMOVE),
}


@pytest.mark.parametrize("case", REMOVED_CASES)
def test_a_reserved_ip_taken_off_that_vip_leaves_nothing_stranded(tmp_path, monkeypatch, case):
    name, text = REMOVED_CASES[case]
    found = _findings(tmp_path, monkeypatch, name, text)
    assert "MIG106" not in found
    (message,) = found["MIG105"]
    assert NOT_RESERVED in message or "no input endpoint" in message
    assert KEPT not in message


def test_the_plan_does_not_say_the_default_vip_is_kept(tmp_path, monkeypatch):
    from migcheck.plan import build_plan

    text = PS_HEAD.format(endpoint=ON_VIP2) + PS_SET.format(vip="'vip2'")
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": text}, dedent=False)
    step = next(s for s in build_plan(result).steps if "svc2" in s.name)
    assert "Its VIP is reserved IP 'rip5' and is kept" not in step.downtime


CREATE_X = """\
New-AzureVMConfig -ImageName 'img' -Name 'vm1' -InstanceSize 'Small' |
    Add-AzureProvisioningConfig -Windows -AdminUsername 'u' -Password 'p' |
    New-AzureVM -ServiceName 'svcX' -Location 'West US'
"""
ELSEWHERE = {
    "New-AzureReservedIP -ServiceName": (
        "reserve.ps1",
        "New-AzureReservedIP -ReservedIPName 'ripX' -Location 'West US' -ServiceName 'svcX' -VirtualIPName 'vip2'\n",
    ),
    "Set-AzureReservedIPAssociation": (
        "reserve.ps1",
        "Set-AzureReservedIPAssociation -ReservedIPName 'ripX' -ServiceName 'svcX' -VirtualIPName 'vip2'\n",
    ),
    "associate_reserved_ip_address": (
        "reserve.py",
        "from azure.servicemanagement import ServiceManagementService\n\n"
        "sms = ServiceManagementService('sub', 'cert.pem')\n"
        "sms.associate_reserved_ip_address('ripX', 'svcX', 'svcX', virtual_ip_name='vip2')\n",
    ),
}


@pytest.mark.parametrize("case", ELSEWHERE)
def test_a_reservation_of_another_vip_in_a_file_of_its_own(tmp_path, monkeypatch, case):
    """The deployment another file creates: its default VIP is not the reserved IP's."""
    name, text = ELSEWHERE[case]
    result = lint_files(
        tmp_path, monkeypatch, {"create.ps1": CREATE_X, name: text}, "MIG105", "MIG106", dedent=False
    )
    messages = {f.code: f.message for f in result.findings}
    assert KEPT not in messages["MIG105"]
    assert "reserved IP 'ripX' of cloud service 'svcX' is on virtual IP 'vip2'" in messages["MIG106"]
