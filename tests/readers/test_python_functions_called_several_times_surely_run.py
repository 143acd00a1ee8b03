"""A call in one of the script's functions surely runs when every call of the function that leads to it
does: two calls of the function one after the other (at module level, or in a `main()` called once), or a
call in a `for` loop over items the script writes out, each turn running the whole body. So a deployment
such a function creates surely exists when a later `add_role` adds to it, and a reserved IP such a function
associates with a deployment is surely that deployment's, as the PowerShell reader runs a function at each
of its calls and a `foreach` over a list the script writes out item by item. A loop over items the script
does not state may run no turn, and a call under a test it does not decide may not run: both still leave
it open.

A function that creates a deployment and associates a reserved IP with it, called once per item of a loop,
gives each deployment its own reserved IP; over items the script does not state, the one deployment the
reader describes for all of them has the reserved IP the association names, unstated, as in PowerShell."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import ReservedIp
from migcheck.plan import build_plan

HEAD = """\
import os
import sys
from azure.servicemanagement import LinuxConfigurationSet, OSVirtualHardDisk, ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")


def create(service):
    sms.create_virtual_machine_deployment(
        service, service, "production", service, "web",
        LinuxConfigurationSet("web", "user", "pw", True),
        OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/" + service + ".vhd"),
        role_size="Small",
    )


"""
ADD = (
    'sms.add_role("front", "front", "web2", LinuxConfigurationSet("web2", "user", "pw", True), '
    'OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/w2.vhd"), role_size="Small")\n'
)


def _main(body: str) -> str:
    """`body` in a `main()` the script calls once."""
    inner = "".join(f"    {line}\n" for line in body.splitlines())
    return f"def main():\n{inner}\n\nmain()\n"


CREATED_SURELY = {
    "two calls": 'create("front")\ncreate("back")\n' + ADD,
    "a loop over a list": 'for name in ["front", "back"]:\n    create(name)\n' + ADD,
    "a loop over a tuple of one": 'for name in ("front",):\n    create(name)\n' + ADD,
    "two calls in main": _main('create("front")\ncreate("back")\n' + ADD),
    "a loop in main": _main('for name in ["back", "front"]:\n    create(name)\n' + ADD),
}
CREATED_MAYBE = {
    "a call under a test": 'if len(sys.argv) > 1:\n    create("front")\ncreate("back")\n' + ADD,
    "a loop that may skip a turn": (
        'for name in ["front", "back"]:\n    if os.environ.get(name):\n        continue\n    create(name)\n'
        + ADD
    ),
    "a loop after a return that may run": _main(
        'if os.environ.get("DRY"):\n    return\nfor name in ["front", "back"]:\n    create(name)\n'
    )
    + ADD,
}


def _lint(tmp_path, monkeypatch, files: dict[str, str], *codes: str):
    return lint_files(tmp_path, monkeypatch, files, *codes, dedent=False)


def _placements(result, service: str):
    """The placements (deployments) of the cloud service `service`."""
    return next(s for s in result.estate.cloud_services if s.name == service).placements


def _in_none(result, service: str) -> str:
    """What MIG105 says of the deployment of `service`: whether it is, or may be, in no virtual network."""
    [message] = [
        f.message
        for f in result.findings
        if f.code == "MIG105" and f.message.startswith(f"deployment '{service}' ")
    ]
    return message.split(": ", 1)[0].split("' ")[-1]


@pytest.mark.parametrize("calls", CREATED_SURELY.values(), ids=CREATED_SURELY.keys())
def test_a_deployment_every_call_of_its_function_surely_creates_is_the_one_add_role_adds_to(
    tmp_path, monkeypatch, calls
) -> None:
    result = _lint(tmp_path, monkeypatch, {"deploy.py": HEAD + calls}, "MIG105")
    assert _in_none(result, "front") == "is in no virtual network"
    [placement] = _placements(result, "front")
    assert placement.network_known and {vm.name for vm in placement.vms} == {"web", "web2"}


@pytest.mark.parametrize("calls", CREATED_MAYBE.values(), ids=CREATED_MAYBE.keys())
def test_a_deployment_a_call_of_its_function_may_not_create_may_exist_before_add_role(
    tmp_path, monkeypatch, calls
) -> None:
    result = _lint(tmp_path, monkeypatch, {"deploy.py": HEAD + calls}, "MIG105")
    assert _in_none(result, "front") == "may be in no virtual network"


def test_a_loop_over_items_the_script_does_not_state_may_create_no_deployment(tmp_path, monkeypatch) -> None:
    script = HEAD + "for name in sys.argv[1:]:\n    create(name)\n" + ADD
    result = _lint(tmp_path, monkeypatch, {"deploy.py": script}, "MIG105")
    # The deployment the loop creates is not named; `add_role` alone says nothing of the network of 'front'.
    [finding] = result.findings
    assert finding.message.startswith("cloud service '<cloud service name, deploy.py:")


POWERSHELL_HEAD = """\
function Create($svc) {
    $vm = New-AzureVMConfig -Name 'web' -InstanceSize Small -ImageName 'img'
    New-AzureVM -ServiceName $svc -Location 'West Europe' -VMs $vm
}
"""
POWERSHELL_ADD = """\
$vm2 = New-AzureVMConfig -Name 'web2' -InstanceSize Small -ImageName 'img'
New-AzureVM -ServiceName 'front' -VMs $vm2
"""
ALIKE = {
    "two calls": ('create("front")\ncreate("back")\n', "Create 'front'\nCreate 'back'\n"),
    "a loop over a list": (
        'for name in ["front", "back"]:\n    create(name)\n',
        "foreach ($name in 'front', 'back') {\n    Create $name\n}\n",
    ),
}


@pytest.mark.parametrize(("python", "powershell"), ALIKE.values(), ids=ALIKE.keys())
def test_the_powershell_form_reads_alike(tmp_path, monkeypatch, python, powershell) -> None:
    read = []
    for name, script in (
        ("deploy.py", HEAD + python + ADD),
        ("deploy.ps1", POWERSHELL_HEAD + powershell + POWERSHELL_ADD),
    ):
        result = _lint(tmp_path / name, monkeypatch, {name: script}, "MIG105")
        [placement] = _placements(result, "front")
        read.append((_in_none(result, "front"), placement.network_known))
    assert read[0] == read[1]


# --- reserved IP associations --------------------------------------------------------------------------

CREATED = """\
import os
import sys
from azure.servicemanagement import LinuxConfigurationSet, OSVirtualHardDisk, ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
for service in ("front", "back"):
    sms.create_reserved_ip_address(service + "-ip", location="Central US")
    sms.create_virtual_machine_deployment(
        service, service, "production", service, "web",
        LinuxConfigurationSet("web", "user", "pw", True),
        OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/" + service + ".vhd"),
        role_size="Small",
    )


def reserve(service):
    sms.associate_reserved_ip_address(service + "-ip", service, service)


"""
RESERVED_SURELY = {
    "two calls": 'reserve("front")\nreserve("back")\n',
    "a loop over a list": 'for name in ["front", "back"]:\n    reserve(name)\n',
    "a loop in main": _main('for name in ["front", "back"]:\n    reserve(name)\n'),
}


def _reserved_ips(result) -> dict[str, tuple[str, ...]]:
    """The reserved IPs of each cloud service's deployments, by the service's name."""
    return {
        service.name: tuple(ip.name for placement in service.placements for ip in placement.reserved_ips)
        for service in result.estate.cloud_services
    }


@pytest.mark.parametrize("calls", RESERVED_SURELY.values(), ids=RESERVED_SURELY.keys())
def test_a_reserved_ip_every_call_of_its_function_associates_is_the_deployments(
    tmp_path, monkeypatch, calls
) -> None:
    result = _lint(tmp_path, monkeypatch, {"deploy.py": CREATED + calls})
    assert _reserved_ips(result) == {"front": ("front-ip",), "back": ("back-ip",)}
    assert sorted(f.message.split("'")[1] for f in result.findings if f.code == "MIG106") == [
        "back-ip",
        "front-ip",
    ]


def test_a_reserved_ip_a_call_of_its_function_may_not_associate_may_be_the_vip(tmp_path, monkeypatch) -> None:
    calls = 'reserve("back")\nif os.environ.get("KEEP"):\n    reserve("front")\n'
    result = _lint(tmp_path, monkeypatch, {"deploy.py": CREATED + calls})
    assert _reserved_ips(result) == {"front": (), "back": ("back-ip",)}
    [front] = _placements(result, "front")
    assert not front.reserved_ips_known
    ips = [r for doc in result.documents for r in doc.resources if isinstance(r, ReservedIp)]
    assert {(ip.name, ip.maybe_service) for ip in ips} == {("front-ip", "front"), ("back-ip", "")}


# --- a function that creates a deployment and associates a reserved IP with it, called in a loop -------

DEPLOY = """\
import sys
from azure.servicemanagement import LinuxConfigurationSet, OSVirtualHardDisk, ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")


def deploy(service, ip):
    sms.create_reserved_ip_address(ip, location="Central US")
    sms.create_virtual_machine_deployment(
        service_name=service,
        deployment_name=service,
        deployment_slot="production",
        label=service,
        role_name="web",
        system_config=LinuxConfigurationSet("web", "user", "pw", True),
        os_virtual_hard_disk=OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/a.vhd"),
        role_size="Small",
    )
    sms.associate_reserved_ip_address(ip, service, service)


"""


def test_each_turn_gives_its_own_deployment_its_own_reserved_ip(tmp_path, monkeypatch) -> None:
    calls = 'for service, ip in [("front", "front-ip"), ("back", "back-ip"), ("batch", "batch-ip")]:\n'
    result = _lint(tmp_path, monkeypatch, {"deploy.py": DEPLOY + calls + "    deploy(service, ip)\n"})
    assert _reserved_ips(result) == {"front": ("front-ip",), "back": ("back-ip",), "batch": ("batch-ip",)}
    assert all(len(service.placements) == 1 for service in result.estate.cloud_services)
    assert len([f for f in result.findings if f.code == "MIG106"]) == 3
    steps = [step.name for step in build_plan(result).steps if "-ip" in step.name]
    assert not steps  # each moves with its deployment, not on its own


POWERSHELL_DEPLOY = """\
function Deploy($svc) {
    New-AzureReservedIP -ReservedIPName "$svc-ip" -Location 'Central US'
    $vm = New-AzureVMConfig -Name 'web' -InstanceSize Small -ImageName 'img'
    New-AzureVM -ServiceName $svc -Location 'Central US' -VMs $vm
    Set-AzureReservedIPAssociation -ReservedIPName "$svc-ip" -ServiceName $svc
}
foreach ($name in $args) {
    Deploy $name
}
"""


def test_over_items_the_script_does_not_state_the_deployment_has_the_unstated_reserved_ip(
    tmp_path, monkeypatch
) -> None:
    calls = 'for service in sys.argv[1:]:\n    deploy(service, service + "-ip")\n'
    read = []
    for name, script in (("deploy.py", DEPLOY + calls), ("deploy.ps1", POWERSHELL_DEPLOY)):
        result = _lint(tmp_path / name, monkeypatch, {name: script})
        [service] = result.estate.cloud_services
        [placement] = service.placements
        [reserved] = placement.reserved_ips
        assert reserved.name.startswith("<reserved IP name, ") and placement.reserved_ips_known
        read.append(len([f for f in result.findings if f.code == "MIG106"]))
    assert read == [1, 1]
