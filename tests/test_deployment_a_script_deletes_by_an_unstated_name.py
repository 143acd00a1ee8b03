"""A deployment a script creates and then deletes (`Remove-AzureService -DeleteAll`, `Remove-AzureDeployment`,
`delete_hosted_service(name, complete=True)`, `delete_deployment`) is gone when the deletion names it by the
very value that named it at its creation (a variable, a parameter), as with literal names: nothing is said
of it (MIG105) and the plan has no step for it. A deletion of a service named by another value deletes
nothing the script creates."""

from __future__ import annotations

import pytest
from lint_support import lint_files

PS_CREATE = """\
New-AzureVMConfig -ImageName 'img' -Name 'vm1' -InstanceSize 'Small' |
        Add-AzureProvisioningConfig -Windows -AdminUsername 'azureuser' -Password 'x' |
        New-AzureVM -ServiceName $serviceName -Location 'West US'
"""


def _ps_function(delete: str) -> str:
    """A test function no call runs, as a test suite's are: it creates a deployment and deletes one."""
    return (
        "function Test-CreateAndRemove\n{\n    $serviceName = getAssetName\n    $otherName = getAssetName\n    "
        + PS_CREATE
        + f"    {delete}\n}}\n"
    )


def _ps_params(delete: str) -> str:
    return "param([string] $serviceName, [string] $otherName)\n" + PS_CREATE + delete + "\n"


PY = """\
from azure.servicemanagement import LinuxConfigurationSet, OSVirtualHardDisk, ServiceManagementService


def roundtrip(sms: ServiceManagementService, name, other):
    config = LinuxConfigurationSet(name, 'azureuser', 'x', True)
    disk = OSVirtualHardDisk('img', 'https://acct.blob.core.windows.net/vhds/' + name + '.vhd')
    sms.create_virtual_machine_deployment(
        service_name=name, deployment_name=name, deployment_slot='production',
        label=name, role_name=name, system_config=config, os_virtual_hard_disk=disk,
        role_size='Small')
    {delete}
"""

DELETED = {
    "Remove-AzureService in a function": (
        "test.ps1",
        _ps_function("Remove-AzureService -ServiceName $serviceName -Force -DeleteAll"),
    ),
    "Remove-AzureService of a parameter": (
        "test.ps1",
        _ps_params("Remove-AzureService -ServiceName $serviceName -Force -DeleteAll"),
    ),
    "Remove-AzureDeployment in a function": (
        "test.ps1",
        _ps_function("Remove-AzureDeployment -ServiceName $serviceName -Slot Production -Force"),
    ),
    "delete_hosted_service": ("test.py", PY.format(delete="sms.delete_hosted_service(name, complete=True)")),
    "delete_deployment": ("test.py", PY.format(delete="sms.delete_deployment(name, name, delete_vhd=True)")),
}
KEPT = {
    "Remove-AzureService of another variable": (
        "test.ps1",
        _ps_function("Remove-AzureService -ServiceName $otherName -Force -DeleteAll"),
    ),
    "Remove-AzureService of another parameter": (
        "test.ps1",
        _ps_params("Remove-AzureService -ServiceName $otherName -Force -DeleteAll"),
    ),
    "delete_hosted_service of another parameter": (
        "test.py",
        PY.format(delete="sms.delete_hosted_service(other, complete=True)"),
    ),
    "delete_hosted_service without complete": (
        "test.py",
        PY.format(delete="sms.delete_hosted_service(name)"),
    ),
    "delete_deployment of another deployment": (
        "test.py",
        PY.format(delete="sms.delete_deployment(name, other, delete_vhd=True)"),
    ),
}


def _mig105(tmp_path, monkeypatch, name: str, text: str) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG105", dedent=False)
    return [f.message for f in result.findings]


@pytest.mark.parametrize("case", DELETED)
def test_a_deployment_deleted_by_the_value_that_named_it_is_gone(tmp_path, monkeypatch, case):
    name, text = DELETED[case]
    assert _mig105(tmp_path, monkeypatch, name, text) == []


@pytest.mark.parametrize("case", KEPT)
def test_a_deletion_by_another_value_deletes_nothing_the_script_creates(tmp_path, monkeypatch, case):
    name, text = KEPT[case]
    assert len(_mig105(tmp_path, monkeypatch, name, text)) == 1


def test_the_plan_has_no_step_for_a_deleted_deployment(tmp_path, monkeypatch):
    from migcheck.plan import build_plan

    text = _ps_function("Remove-AzureService -ServiceName $serviceName -Force -DeleteAll")
    result = lint_files(tmp_path, monkeypatch, {"test.ps1": text}, dedent=False)
    assert [s.name for s in build_plan(result).steps if "test.ps1" in s.name] == []
