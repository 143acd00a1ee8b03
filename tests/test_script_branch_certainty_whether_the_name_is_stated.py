"""What a script's two branches say of one deployment is as certain whether it states the deployment's name
(`name = 'svc1'`) or takes it from its caller (`sys.argv[1]`, `$args[0]`).

A stated name joins the branches' calls in the reader; a name the script does not state is a stand-in for
where it writes the value, and the calls are joined when the link reads them (one deployment however many
calls describe it). Both joins must say the same: a deployment created in a network the script does not
name on one path and in none on the other may be in a network, so a VM there with no subnet is MIG203's
warning that it may be in one without a subnet, not the error that it is (vm-migration-overview: "Virtual
machines that belong to a virtual network but don't have an explicit subnet assigned" applies on the path
into a network only), and the plan migrates it as a cloud service whose network is not known."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.plan import StepKind, build_plan

PY_HEAD = """\
import sys
from azure.servicemanagement import ConfigurationSet, LinuxConfigurationSet, OSVirtualHardDisk
from azure.servicemanagement import ConfigurationSetInputEndpoint, ServiceManagementService

sms = ServiceManagementService('sub', 'cert.pem')
name = {name}
cfg = LinuxConfigurationSet('h', 'u', 'p', True)
none = ConfigurationSet()
in_a = ConfigurationSet()
in_a.subnet_names.append('a')
in_a_and_b = ConfigurationSet()
in_a_and_b.subnet_names.append('a')
in_a_and_b.subnet_names.append('b')
web = ConfigurationSet()
web.input_endpoints.input_endpoints.append(ConfigurationSetInputEndpoint('web', 'tcp', '80', '80'))


def disk(vm):
    return OSVirtualHardDisk('img', 'https://store.blob.core.windows.net/vhds/' + vm + '.vhd')


"""

PY_BRANCHES = {
    "network not named, or none": (
        "if len(sys.argv) > 2:\n    create(none, virtual_network_name=sys.argv[2])\nelse:\n    create(none)\n"
    ),
    "network named, or none": (
        "if len(sys.argv) > 2:\n    create(in_a, virtual_network_name='net1')\nelse:\n    create(none)\n"
    ),
    "a VM in an availability set on one path": (
        "if len(sys.argv) > 2:\n"
        "    create(in_a, virtual_network_name='net1', availability_set_name='as1')\n"
        "else:\n"
        "    create(in_a, virtual_network_name='net1')\n"
        "add(in_a, role_size='Small')\n"
    ),
    "two subnets on one path": (
        "if len(sys.argv) > 2:\n"
        "    create(in_a_and_b, virtual_network_name='net1')\n"
        "else:\n"
        "    create(in_a, virtual_network_name='net1')\n"
    ),
    "a subnet on one path": (
        "if len(sys.argv) > 2:\n"
        "    create(in_a, virtual_network_name='net1')\n"
        "else:\n"
        "    create(none, virtual_network_name='net1')\n"
    ),
    "a reserved IP on one path, no input endpoint": (
        "if len(sys.argv) > 2:\n    create(none, reserved_ip_name='rip1')\nelse:\n    create(none)\n"
    ),
    "a reserved IP, an input endpoint on one path": (
        "if len(sys.argv) > 2:\n"
        "    create(web, reserved_ip_name='rip1')\n"
        "else:\n"
        "    create(none, reserved_ip_name='rip1')\n"
    ),
}

PS_VM = 'New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img" {more}| ' + (
    'Add-AzureProvisioningConfig -Windows -AdminUsername "u" -Password "p"'
)

PS_BRANCHES = {
    "network not named, or none": (
        f"    {PS_VM} | New-AzureVM -ServiceName $svc -Location 'West Europe' -VNetName $args[1]\n",
        f"    {PS_VM} | New-AzureVM -ServiceName $svc -Location 'West Europe'\n",
    ),
    "network named, or none": (
        f"    {PS_VM} | Set-AzureSubnet -SubnetNames 'a' | "
        "New-AzureVM -ServiceName $svc -Location 'West Europe' -VNetName 'net1'\n",
        f"    {PS_VM} | New-AzureVM -ServiceName $svc -Location 'West Europe'\n",
    ),
    "two subnets on one path": (
        f"    {PS_VM} | Set-AzureSubnet -SubnetNames 'a','b' | "
        "New-AzureVM -ServiceName $svc -Location 'West Europe' -VNetName 'net1'\n",
        f"    {PS_VM} | Set-AzureSubnet -SubnetNames 'a' | "
        "New-AzureVM -ServiceName $svc -Location 'West Europe' -VNetName 'net1'\n",
    ),
    "a subnet on one path": (
        f"    {PS_VM} | Set-AzureSubnet -SubnetNames 'a' | "
        "New-AzureVM -ServiceName $svc -Location 'West Europe' -VNetName 'net1'\n",
        f"    {PS_VM} | New-AzureVM -ServiceName $svc -Location 'West Europe' -VNetName 'net1'\n",
    ),
    "a reserved IP, an input endpoint on one path": (
        f"    {PS_VM} | Add-AzureEndpoint -Name 'web' -Protocol tcp -LocalPort 80 -PublicPort 80 | "
        "New-AzureVM -ServiceName $svc -Location 'West Europe' -ReservedIPName 'rip1'\n",
        f"    {PS_VM} | New-AzureVM -ServiceName $svc -Location 'West Europe' -ReservedIPName 'rip1'\n",
    ),
}


# The deployment's names written in the call, or in a dict the calls unpack (`**record`): the reader joins
# the calls of the first in a name it does not state, the link those of the second.
PY_CALLS = {
    "written": "sms.create_virtual_machine_deployment(name, name, 'production', 'l', 'vm1', cfg, disk('vm1'), ",
    "unpacked": (
        "sms.create_virtual_machine_deployment(**record, deployment_slot='production', label='l', role_name="
        "'vm1', system_config=cfg, os_virtual_hard_disk=disk('vm1'), network_config="
    ),
}


# The call in a function of the script's own, given the network and what else differs, reading the name
# from the module: each call of the function is read on its own.
PY_HELPER = """

def create_vm(network, **more):
    sms.create_virtual_machine_deployment(
        name, name, 'production', 'l', 'vm1', cfg, disk('vm1'), network, role_size='Small', **more
    )


def add_vm(network, **more):
    sms.add_role(name, name, 'vm2', cfg, disk('vm2'), network, **more)


"""

PY_ADDS = {
    "written": "sms.add_role(name, name, 'vm2', cfg, disk('vm2'), ",
    "unpacked": "sms.add_role(**record, role_name='vm2', system_config=cfg, os_virtual_hard_disk=disk('vm2'), "
    "network_config=",
}


def _python(stated: bool, branches: str, shape: str) -> dict[str, str]:
    """The script, each `create(...)` and `add(...)` written out as the SDK call, of VM 'vm1' and 'vm2'."""
    name = "'svc1'" if stated else "sys.argv[1]"
    head = PY_HEAD.replace("{name}", name) + "record = {'service_name': name, 'deployment_name': name}\n"
    if shape == "helper":
        return {
            "deploy.py": head
            + PY_HELPER
            + branches.replace("create(", "create_vm(").replace("add(", "add_vm(")
        }
    calls = branches.replace("create(", PY_CALLS[shape]).replace("add(", PY_ADDS[shape])
    return {"deploy.py": head + calls}


def _powershell(stated: bool, branches: tuple[str, str]) -> dict[str, str]:
    name = "'svc1'" if stated else "$args[0]"
    one, other = (b.replace("{more}", "") for b in branches)
    return {"deploy.ps1": f"$svc = {name}\nif ($args.Count -gt 1) {{\n{one}}} else {{\n{other}}}\n"}


def _read(tmp_path, monkeypatch, files: dict[str, str]) -> tuple[list[tuple[str, str]], list[str]]:
    """The findings' codes and severities, but MIG601's (the script uses the classic API), and the plan's
    steps."""
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    findings = sorted((f.code, str(f.severity)) for f in result.findings if f.code != "MIG601")
    steps = [str(step.kind) for sub in build_plan(result).subscriptions for step in sub.steps]
    return findings, steps


@pytest.mark.parametrize("shape", [*PY_CALLS, "helper"])
@pytest.mark.parametrize("case", list(PY_BRANCHES))
def test_python_branches_read_alike_whether_the_name_is_stated(tmp_path, monkeypatch, case, shape) -> None:
    stated = _read(tmp_path / "stated", monkeypatch, _python(True, PY_BRANCHES[case], shape))
    unstated = _read(tmp_path / "unstated", monkeypatch, _python(False, PY_BRANCHES[case], shape))
    assert stated == unstated


@pytest.mark.parametrize("case", list(PS_BRANCHES))
def test_powershell_branches_read_alike_whether_the_name_is_stated(tmp_path, monkeypatch, case) -> None:
    stated = _read(tmp_path / "stated", monkeypatch, _powershell(True, PS_BRANCHES[case]))
    unstated = _read(tmp_path / "unstated", monkeypatch, _powershell(False, PS_BRANCHES[case]))
    assert stated == unstated


@pytest.mark.parametrize("shape", list(PY_CALLS))
@pytest.mark.parametrize("stated", [True, False], ids=["stated", "unstated"])
def test_a_vm_in_a_network_not_named_or_in_none_may_be_in_one_without_a_subnet(
    tmp_path, monkeypatch, stated, shape
) -> None:
    files = _python(stated, PY_BRANCHES["network not named, or none"], shape)
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    (mig203,) = [f for f in result.findings if f.code == "MIG203"]
    assert str(mig203.severity) == "warning"
    assert "has no subnet and may be in a virtual network" in mig203.message
    (mig105,) = [f for f in result.findings if f.code == "MIG105"]
    assert "may be in a virtual network the script does not state" in mig105.message
    (service,) = result.estate.cloud_services
    (placement,) = service.placements
    assert placement.virtual_network is None and not placement.network_known
    kinds = [step.kind for sub in build_plan(result).subscriptions for step in sub.steps]
    assert StepKind.UNKNOWN_NETWORK in kinds and StepKind.NETWORK not in kinds


@pytest.mark.parametrize("stated", [True, False], ids=["stated", "unstated"])
@pytest.mark.parametrize("case", sorted(set(PY_BRANCHES) & set(PS_BRANCHES)))
def test_python_and_powershell_branches_read_alike(tmp_path, monkeypatch, case, stated) -> None:
    python, _ = _read(tmp_path / "py", monkeypatch, _python(stated, PY_BRANCHES[case], "unpacked"))
    powershell, _ = _read(tmp_path / "ps", monkeypatch, _powershell(stated, PS_BRANCHES[case]))
    assert python == powershell


@pytest.mark.parametrize("stated", [True, False], ids=["stated", "unstated"])
@pytest.mark.parametrize("language", ["python", "powershell"])
def test_a_vm_without_a_subnet_only_on_the_path_in_no_network_lacks_none(
    tmp_path, monkeypatch, language, stated
) -> None:
    # The path into 'net1' gives the VM subnet 'a'; the other creates the deployment in no network, where a
    # VM has no subnet to lack (vm-migration-overview: "Virtual machines that belong to a virtual network
    # but don't have an explicit subnet assigned").
    case = "network named, or none"
    files = (
        _python(stated, PY_BRANCHES[case], "unpacked")
        if language == "python"
        else _powershell(stated, PS_BRANCHES[case])
    )
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert [f.code for f in result.findings if f.code in ("MIG105", "MIG203")] == ["MIG105"]
    (vm,) = result.estate.cloud_services[0].vms
    assert [s.name for s in vm.subnets] == ["a"]


@pytest.mark.parametrize("language", ["python", "powershell"])
def test_a_vm_without_a_subnet_on_the_path_into_a_network_may_lack_one(
    tmp_path, monkeypatch, language
) -> None:
    py = "if len(sys.argv) > 2:\n    create(none, virtual_network_name='net1')\nelse:\n    create(in_a)\n"
    ps = (PS_BRANCHES["network named, or none"][0].replace("Set-AzureSubnet -SubnetNames 'a' | ", ""),)
    ps += (
        PS_BRANCHES["network named, or none"][1].replace(
            "| New-AzureVM", "| Set-AzureSubnet 'a' | New-AzureVM"
        ),
    )
    files = _python(True, py, "unpacked") if language == "python" else _powershell(True, ps)
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    (mig203,) = [f for f in result.findings if f.code == "MIG203"]
    assert str(mig203.severity) == "warning" and "may have no subnet" in mig203.message
