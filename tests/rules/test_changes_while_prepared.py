"""MIG602: a runbook that changes a cloud service, virtual network or storage account after preparing it and
before its Commit or Abort, which the platform refuses (the resource is locked in the Prepare state), in
PowerShell and in Python, by cmdlet, SDK method or a request of the script's own."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from lint_support import lint_files

_folders = itertools.count()


def _found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str]
) -> list[tuple[str, int, int, str]]:
    """(file, line, column, message) of the MIG602 findings of some files, linted in a folder of their own."""
    folder = tmp_path / f"case{next(_folders)}"
    folder.mkdir()
    result = lint_files(folder, monkeypatch, files, "MIG602")
    return [
        (Path(f.location.path).name, f.location.line, f.location.column, f.message)
        for f in result.findings
        if f.location
    ]


_VALIDATE = (
    'Move-AzureService -Validate -ServiceName "jump" -DeploymentName "jump" -CreateNewVirtualNetwork\n'
)
_PREPARE = 'Move-AzureService -Prepare -ServiceName "jump" -DeploymentName "jump" -CreateNewVirtualNetwork\n'
_COMMIT = 'Move-AzureService -Commit -ServiceName "jump" -DeploymentName "jump"\n'
_ABORT = 'Move-AzureService -Abort -ServiceName "jump" -DeploymentName "jump"\n'
_BGINFO = 'Get-AzureVM -ServiceName $svc -Name "jump01" | Remove-AzureVMBGInfoExtension | Update-AzureVM\n'


def test_a_vm_of_the_prepared_service_changed_before_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = '$svc = "jump"\n' + _VALIDATE + _PREPARE + _BGINFO + _COMMIT
    found = _found(tmp_path, monkeypatch, {"migrate.ps1": text})
    assert [(line, column) for _, line, column, _ in found] == [(4, 80)]
    message = found[0][3]
    assert "Update-AzureVM changes cloud service 'jump'" in message
    assert "Move-AzureService -Prepare at line 3" in message
    assert "in the process of being migrated" in message


@pytest.mark.parametrize(
    "text",
    [
        '$svc = "jump"\n' + _BGINFO + _VALIDATE + _PREPARE + _COMMIT,  # before the Prepare
        '$svc = "jump"\n' + _VALIDATE + _PREPARE + _ABORT + _BGINFO,  # after the Abort
        '$svc = "other"\n' + _VALIDATE + _PREPARE + _BGINFO + _COMMIT,  # another service
        _VALIDATE + _PREPARE + _BGINFO + _COMMIT,  # a service the script does not state
        _VALIDATE + _PREPARE + 'Get-AzureVM -ServiceName "jump" -Name "jump01"\n' + _COMMIT,  # a read
    ],
)
def test_changes_outside_the_lock_or_of_unstated_resources_are_not_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    assert _found(tmp_path, monkeypatch, {"migrate.ps1": text}) == []


def test_a_change_on_the_other_branch_of_the_prepare_is_not_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (
        "param([switch]$Finish)\n"
        "if ($Finish) {\n"
        + _COMMIT
        + '    Stop-AzureVM -ServiceName "jump" -Name "jump01" -Force\n'
        + "} else {\n"
        + _VALIDATE
        + _PREPARE
        + '    Start-AzureVM -ServiceName "jump" -Name "jump01"\n'
        + "}\n"
    )
    found = _found(tmp_path, monkeypatch, {"migrate.ps1": text})
    # The Stop after the Commit on its own branch fails too, the VM being no longer classic.
    assert [(line, message.split(" changes")[0]) for _, line, _, message in found] == [
        (4, "migrate.ps1: Stop-AzureVM"),
        (8, "migrate.ps1: Start-AzureVM"),
    ]
    assert "the Commit completed" in found[0][3] and "the Commit completed" not in found[1][3]


def test_network_changes_while_the_network_is_prepared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (
        'Move-AzureVirtualNetwork -Validate -VirtualNetworkName "prod-vnet"\n'
        'Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "prod-vnet"\n'
        'Set-AzureVNetConfig -ConfigurationPath "network.xml"\n'
        'Set-AzureSubnetRouteTable -VirtualNetworkName "prod-vnet" -SubnetName "app" -RouteTableName "rt"\n'
        'Set-AzureSubnetRouteTable -VirtualNetworkName "test-vnet" -SubnetName "app" -RouteTableName "rt"\n'
        'Invoke-RestMethod -Method Put -Uri "https://management.core.windows.net/$sub/services/networking/media" '
        "-Body $xml\n"
        'Move-AzureVirtualNetwork -Commit -VirtualNetworkName "prod-vnet"\n'
    )
    found = _found(tmp_path, monkeypatch, {"migrate.ps1": text})
    assert [line for _, line, _, _ in found] == [3, 4, 6]
    assert "Set-AzureVNetConfig changes the network configuration of the subscription" in found[0][3]
    assert "locks virtual network 'prod-vnet'" in found[0][3]


def test_a_vm_of_a_service_the_files_place_in_the_prepared_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runbook = (
        "from azure.servicemanagement import ServiceManagementService\n"
        'sms = ServiceManagementService(SUB, "mgmt.pem")\n'
        'base = SUB + "/services/networking/virtualnetwork/prod-vnet/migration"\n'
        'sms.perform_post(base + "?comp=validate", "")\n'
        'sms.perform_post(base + "?comp=prepare", "")\n'
        'sms.delete_role("contoso-app", "contoso-app", "app02")\n'
        'sms.delete_role("elsewhere", "elsewhere", "app02")\n'
        'sms.perform_post(base + "?comp=commit", "")\n'
    )
    deploy = (
        'New-AzureQuickVM -Windows -ServiceName "contoso-app" -Name "app02" -ImageName $image '
        '-AdminUsername $user -Password $password -VNetName "prod-vnet" -SubnetNames "app"\n'
    )
    found = _found(tmp_path, monkeypatch, {"migrate_vnet.py": runbook, "deploy.ps1": deploy})
    assert [(name, line, column) for name, line, column, _ in found] == [("migrate_vnet.py", 6, 5)]
    assert (
        "delete_role deletes a VM of cloud service 'contoso-app', in virtual network 'prod-vnet',"
        in found[0][3]
    )
    # Without a file that places the service in the network, which network it is in is not known.
    assert _found(tmp_path, monkeypatch, {"migrate_vnet.py": runbook}) == []


def test_python_changes_in_functions_and_loops(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "from azure.servicemanagement import ServiceManagementService\n"
        'sms = ServiceManagementService(SUB, "mgmt.pem")\n'
        "\n"
        "def step(name, comp):\n"
        '    sms.perform_post(SUB + "/services/hostedservices/" + name + "/deployments/" + name'
        ' + "/migration?comp=" + comp, "")\n'
        "\n"
        "def resize(name):\n"
        '    sms.update_role(name, name, name + "01", role_size="Large")\n'
        "\n"
        'resize("web")\n'
        'for name in ("web", "db"):\n'
        '    step(name, "Validate")\n'
        '    step(name, "Prepare")\n'
        "    resize(name)\n"
        '    step(name, "Commit")\n'
        'resize("db")\n'
        'sms.perform_post(SUB + "/services/storageservices/acct/migration?comp=validate", "")\n'
        'sms.perform_post(SUB + "/services/storageservices/acct/migration?comp=prepare", "")\n'
        'sms.regenerate_storage_account_keys("acct", "Primary")\n'
        'sms.perform_post(SUB + "/services/storageservices/acct/migration?comp=commit", "")\n'
    )
    found = _found(tmp_path, monkeypatch, {"migrate.py": text})
    assert sorted((line, message.split(" after")[0]) for _, line, _, message in found) == [
        (8, "migrate.py: update_role changes cloud service 'db'"),
        (8, "migrate.py: update_role changes cloud service 'web'"),
        (19, "migrate.py: regenerate_storage_account_keys changes storage account 'acct'"),
    ]
