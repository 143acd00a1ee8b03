"""MIG602: a delete of a VM, a deployment or a cloud service (or a storage account) between the script's
Prepare and its Commit or Abort, or of one an export says is prepared or locked, was told as any change ("...
changes cloud service 'x' ... cannot be changed"), with the help to "make the change" before the Prepare. The
errors page says what the platform does with a delete: a prepared VM is locked "for any update/delete
operation" ("Management operations on VM are disallowed because migration is in progress"), an Abort rolls the
Prepare back and unlocks it, and a Commit unlocks it too but in Resource Manager. The finding now says the
call deletes, quotes that refusal, and the help says to delete before the Prepare, or after an Abort, or in
Resource Manager after the Commit (a cloud service's resources are in its `<service>-Migrated` group). Told in
every language that deletes: cmdlets, the classic CLI, the legacy SDK and a DELETE request of the script's
own."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from lint_support import lint_files

from migcheck.automation import deleted_by
from migcheck.model import Severity

_folders = itertools.count()
_VM_REFUSED = '"Management operations on VM are disallowed because migration is in progress"'
_URL = "https://management.core.windows.net/sub/services/hostedservices/jump"

_POWERSHELL = (
    'Move-AzureService -Validate -ServiceName "jump" -DeploymentName "jump" -CreateNewVirtualNetwork\n'
    'Move-AzureService -Prepare -ServiceName "jump" -DeploymentName "jump" -CreateNewVirtualNetwork\n'
    "{delete}\n"
    'Move-AzureService -Commit -ServiceName "jump" -DeploymentName "jump"\n'
)
_CLI = (
    'azure service deployment validate-migration jump jump new "" "" ""\n'
    'azure service deployment prepare-migration jump jump new "" "" ""\n'
    "{delete}\n"
    "azure service deployment commit-migration jump jump\n"
)
_PYTHON = (
    "import requests\n"
    "from azure.servicemanagement import ServiceManagementService\n"
    "sms = ServiceManagementService('sub', 'cert.pem')\n"
    'base = "/sub/services/hostedservices/jump/deployments/jump/migration?comp="\n'
    'sms.perform_post(base + "validate", "")\n'
    'sms.perform_post(base + "prepare", "")\n'
    "{delete}\n"
    'sms.perform_post(base + "commit", "")\n'
)

DELETES = [
    (
        "m.ps1",
        _POWERSHELL,
        'Remove-AzureVM -ServiceName "jump" -Name "vm1"',
        3,
        "Remove-AzureVM deletes a VM of",
    ),
    (
        "m.ps1",
        _POWERSHELL,
        'Remove-AzureDeployment -ServiceName "jump" -Slot Production -Force',
        3,
        "Remove-AzureDeployment deletes the deployment of",
    ),
    ("m.ps1", _POWERSHELL, 'Remove-AzureService "jump" -Force', 3, "Remove-AzureService deletes"),
    (
        "m.ps1",
        _POWERSHELL,
        f'Invoke-RestMethod -Method Delete -Uri "{_URL}/deployments/jump/roles/vm1" -Certificate $cert',
        3,
        "DELETE management.core.windows.net/<subscription-id>/services/hostedservices/jump/deployments/jump/"
        "roles/vm1 deletes a VM of",
    ),
    ("m.sh", _CLI, "azure vm delete vm1 -d jump", 3, "azure vm delete deletes a VM of"),
    ("m.sh", _CLI, "azure service delete jump", 3, "azure service delete deletes"),
    (
        "m.sh",
        _CLI,
        f'curl -X DELETE --cert cert.pem -H "x-ms-version: 2015-04-01" "{_URL}/deployments/jump"',
        3,
        "DELETE management.core.windows.net/<subscription-id>/services/hostedservices/jump/deployments/jump "
        "deletes the deployment of",
    ),
    ("m.py", _PYTHON, "sms.delete_role('jump', 'jump', 'vm1')", 7, "delete_role deletes a VM of"),
    (
        "m.py",
        _PYTHON,
        "sms.delete_deployment('jump', 'jump')",
        7,
        "delete_deployment deletes the deployment of",
    ),
    ("m.py", _PYTHON, "sms.delete_hosted_service('jump')", 7, "delete_hosted_service deletes"),
    (
        "m.py",
        _PYTHON,
        f'requests.delete("{_URL}", cert="c.pem")',
        7,
        "DELETE management.core.windows.net/<subscription-id>/services/hostedservices/jump deletes",
    ),
]


def _found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str]
) -> list[tuple[str, int, Severity, str, str]]:
    """(file, line, severity, message, fix) of the MIG602 findings of some files, in a folder of their own."""
    folder = tmp_path / f"case{next(_folders)}"
    folder.mkdir()
    result = lint_files(folder, monkeypatch, files, "MIG602")
    return [
        (Path(f.location.path).name, f.location.line, f.severity, f.message, f.fix)
        for f in result.findings
        if f.location
    ]


@pytest.mark.parametrize(
    ("name", "script", "delete", "line", "said"), DELETES, ids=[d[4][:40] for d in DELETES]
)
def test_a_delete_between_prepare_and_commit_says_the_platform_refuses_the_delete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, script: str, delete: str, line: int, said: str
) -> None:
    found = _found(tmp_path, monkeypatch, {name: script.format(delete=delete)})
    assert [(file, at, severity) for file, at, severity, _, _ in found] == [(name, line, Severity.ERROR)]
    message, fix = found[0][3], found[0][4]
    assert f"{said} cloud service 'jump' after " in message
    assert "against any update or delete until then, and the platform refuses the delete" in message
    assert _VM_REFUSED in message
    assert fix.startswith("Delete it before the Prepare of cloud service 'jump' (and validate again)")
    assert "Abort the migration first, which rolls the Prepare back and unlocks it, then delete it" in fix
    assert "a Commit unlocks it too, but makes it a Resource Manager resource, to delete there" in fix


def test_the_help_names_the_group_a_deleted_cloud_service_is_in_after_its_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = _CLI.format(delete="azure service delete jump")
    fix = _found(tmp_path, monkeypatch, {"m.sh": script})[0][4]
    assert "to delete there, in resource group 'jump-Migrated' (az group delete)." in fix


def test_a_storage_account_deleted_while_prepared_quotes_the_refusal_of_a_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = (
        'Move-AzureStorageAccount -Validate -StorageAccountName "acct"\n'
        'Move-AzureStorageAccount -Prepare -StorageAccountName "acct"\n'
        'Remove-AzureStorageAccount -StorageAccountName "acct"\n'
        'Move-AzureStorageAccount -Commit -StorageAccountName "acct"\n'
    )
    found = _found(tmp_path, monkeypatch, {"m.ps1": script})
    assert [(file, at) for file, at, _, _, _ in found] == [("m.ps1", 3)]
    assert "Remove-AzureStorageAccount deletes storage account 'acct' after" in found[0][3]
    assert '"is in the process of being migrated and hence cannot be changed"' in found[0][3]


def test_a_change_that_deletes_nothing_whole_is_still_told_as_a_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = _POWERSHELL.format(delete='Stop-AzureVM -ServiceName "jump" -Name "vm1"')
    message = _found(tmp_path, monkeypatch, {"m.ps1": script})[0][3]
    assert "Stop-AzureVM changes cloud service 'jump' after" in message
    assert "refuses the call" in message


def _export(state: str) -> str:
    vm = {
        "ServiceName": "svc1",
        "Name": "vm1",
        "DeploymentName": "svc1",
        "InstanceStatus": "ReadyRole",
        "VM": {
            "RoleName": "vm1",
            "ConfigurationSets": [{"ConfigurationSetType": "NetworkConfiguration", "SubnetNames": []}],
            "OSVirtualHardDisk": {
                "DiskName": "vm1-os",
                "MediaLink": "https://acct1.blob.core.windows.net/vhds/vm1.vhd",
            },
            "DataVirtualHardDisks": [],
            "MigrationState": state,
        },
    }
    return json.dumps([vm], indent=1)


def _locked_deployment() -> str:
    context = {
        "ServiceName": "svc1",
        "Slot": "Production",
        "DeploymentName": "svc1",
        "Locked": True,
        "RoleInstanceList": [{"RoleName": "vm1", "InstanceName": "vm1", "InstanceStatus": "ReadyRole"}],
    }
    return json.dumps(context, indent=1)


@pytest.mark.parametrize(
    ("script", "text"),
    [
        ("delete.ps1", 'Remove-AzureVM -ServiceName "svc1" -Name "vm1"\n'),
        ("delete.sh", "azure vm delete vm1 -d svc1\n"),
        (
            "delete.py",
            "from azure.servicemanagement import ServiceManagementService\n"
            "sms = ServiceManagementService('sub', 'cert.pem')\n"
            "sms.delete_role('svc1', 'svc1', 'vm1')\n",
        ),
    ],
)
def test_a_delete_of_a_vm_an_export_says_is_prepared_says_to_abort_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, text: str
) -> None:
    found = _found(tmp_path, monkeypatch, {"vms.json": _export("Prepared"), script: text})
    assert [(file, severity) for file, _, severity, _, _ in found] == [(script, Severity.WARNING)]
    message, fix = found[0][3], found[0][4]
    assert (
        "deletes a VM of cloud service 'svc1', but an export says VM 'vm1' of cloud service 'svc1'" in message
    )
    assert "against any update or delete, and the platform refuses the delete" in message
    assert _VM_REFUSED in message
    assert fix.startswith("Abort the migration first (`migcheck plan` gives the commands), which rolls")
    assert "If the migration was committed or aborted since the export was taken, export again." in fix


@pytest.mark.parametrize(
    ("script", "text", "said"),
    [
        (
            "delete.ps1",
            'Remove-AzureDeployment -ServiceName "svc1" -Slot Production -Force\n',
            "Remove-AzureDeployment deletes the deployment of cloud service 'svc1'",
        ),
        (
            "delete.ps1",
            'Remove-AzureService -ServiceName "svc1" -Force\n',
            "Remove-AzureService deletes cloud service 'svc1'",
        ),
        ("delete.sh", "azure service delete svc1 -q\n", "azure service delete deletes cloud service 'svc1'"),
        (
            "delete.sh",
            "azure vm delete vm1 -d svc1 -q\n",
            "azure vm delete deletes a VM of cloud service 'svc1'",
        ),
    ],
)
def test_a_delete_of_a_deployment_an_export_says_is_locked_says_the_delete_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, text: str, said: str
) -> None:
    found = _found(tmp_path, monkeypatch, {"deployment.json": _locked_deployment(), script: text})
    assert [(file, severity) for file, _, severity, _, _ in found] == [(script, Severity.WARNING)]
    message = found[0][3]
    assert f"{said}, but an export says the deployment of" in message
    assert message.endswith("while it is locked, the platform refuses the delete")


@pytest.mark.parametrize(
    ("name", "deleted"),
    [
        ("remove-azurevm", "VM"),
        (
            "DELETE management.core.windows.net/<subscription-id>/services/hostedservices/a/deploymentslots/p",
            "deployment",
        ),
        (
            "DELETE management.core.windows.net/<subscription-id>/services/storageservices/acct",
            "storage account",
        ),
        (
            "DELETE management.core.windows.net/<subscription-id>/services/networking/routetables/rt",
            "route table",
        ),
        (
            "DELETE management.core.windows.net/<subscription-id>/services/networking/routetables/rt/routes/r",
            "",
        ),
        ("DELETE management.core.windows.net/<subscription-id>/services/hostedservices/a/certificates/x", ""),
        ("DELETE management.core.windows.net/<subscription-id>/services/<...>/a", ""),
        ("POST management.core.windows.net/<subscription-id>/services/hostedservices/a", ""),
        ("perform_delete", ""),
    ],
)
def test_what_a_call_deletes_is_read_from_its_name(name: str, deleted: str) -> None:
    assert deleted_by(name) == deleted
