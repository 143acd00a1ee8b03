"""MIG602's storage-accounts-last check among the steps that can run in one invocation: a storage account
prepared on one branch of a choice is not before a Prepare of VMs on another branch (another stage of the
runbook), however the script is written; a Prepare of VMs that runs with it, after the choice or on its
own branch, still is, and an error when the files show the account holds those VMs' disks."""

from __future__ import annotations

from pathlib import Path

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plugins import load_rules

RULES = load_rules(entry_points=False)

HOSTED = """\
<HostedService xmlns="http://schemas.microsoft.com/windowsazure">
  <ServiceName>shop</ServiceName>
  <Deployments><Deployment>
    <Name>shop</Name>
    <RoleList><Role><RoleName>web01</RoleName><RoleType>PersistentVMRole</RoleType>
      <OSVirtualHardDisk><MediaLink>https://shopdisks.blob.core.windows.net/vhds/web01.vhd</MediaLink></OSVirtualHardDisk>
    </Role></RoleList>
  </Deployment></Deployments>
</HostedService>
"""
STORAGE = 'Move-AzureStorageAccount -{step} -StorageAccountName "shopdisks"\n'
SERVICE = (
    'Move-AzureService -{step} -ServiceName "{name}" -DeploymentName "{name}" -CreateNewVirtualNetwork\n'
)


def _storage() -> str:
    return "".join(f"    {STORAGE.format(step=step)}" for step in ("Validate", "Prepare"))


def _service(name: str = "shop", steps: tuple[str, ...] = ("Validate", "Prepare")) -> str:
    return "".join(f"    {SERVICE.format(step=step, name=name)}" for step in steps)


def _findings(
    tmp_path: Path, monkeypatch, name: str, script: str, disks: bool = True
) -> list[tuple[int, str]]:
    if disks:
        (tmp_path / "hosted.xml").write_text(HOSTED, encoding="utf-8")
    (tmp_path / name).write_text(script, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    findings = lint(["."], Config(select=("MIG602",)), RULES).findings
    return [(f.location.line, f.severity.name) for f in findings if f.location]


def test_storage_prepared_on_one_branch_and_the_vms_on_the_other_are_two_stages(tmp_path, monkeypatch):
    script = f"param([switch]$Storage)\nif ($Storage) {{\n{_storage()}}} else {{\n{_service()}}}\n"
    assert _findings(tmp_path, monkeypatch, "runbook.ps1", script) == []


def test_storage_prepared_last_on_the_branch_that_moves_the_vms_too(tmp_path, monkeypatch):
    # One branch moves the service and then the account; the other only the account (the VMs moved
    # already): neither prepares the account before the VMs.
    full = _service(steps=("Validate", "Prepare", "Commit")) + _storage()
    script = f"param([switch]$Full)\nif ($Full) {{\n{full}}} else {{\n{_storage()}}}\n"
    assert _findings(tmp_path, monkeypatch, "runbook.ps1", script) == []
    swapped = f"param([switch]$Full)\nif ($Full) {{\n{_storage()}}} else {{\n{full}}}\n"
    assert _findings(tmp_path, monkeypatch, "runbook.ps1", swapped) == []


def test_storage_prepared_first_on_its_branch_is_reported_there_only(tmp_path, monkeypatch):
    # Branch one: service, then account (right). Branch two: account, then service (wrong).
    right = _service(steps=("Validate", "Prepare", "Commit")) + _storage()
    wrong = _storage() + _service()
    script = f"param([switch]$Fast)\nif ($Fast) {{\n{right}}} else {{\n{wrong}}}\n"
    assert _findings(tmp_path, monkeypatch, "runbook.ps1", script) == [(10, "ERROR")]


def test_a_prepare_of_vms_after_the_choice_runs_with_either_branch(tmp_path, monkeypatch):
    script = (
        f"param([switch]$Storage)\nif ($Storage) {{\n{_storage()}}} else {{\n{_service('other', ('Validate',))}}}\n"
        + _service().replace("    ", "")
    )
    assert _findings(tmp_path, monkeypatch, "runbook.ps1", script) == [(4, "ERROR")]
    (tmp_path / "no-disks").mkdir()
    assert _findings(tmp_path / "no-disks", monkeypatch, "runbook.ps1", script, disks=False) == [
        (4, "WARNING")
    ]


PYTHON = """\
import sys
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("subscription-id", "cert.pem")
STORAGE = "/subscription-id/services/storageservices/shopdisks/migration?comp="
SERVICE = "/subscription-id/services/hostedservices/shop/deployments/shop/migration?comp="
if sys.argv[1] == "storage":
    sms.perform_post(STORAGE + "Validate", "")
    sms.perform_post(STORAGE + "Prepare", "")
else:
    sms.perform_post(SERVICE + "Validate", "")
    sms.perform_post(SERVICE + "Prepare", "")
"""


def test_python_storage_prepared_on_one_branch_and_the_vms_on_the_other(tmp_path, monkeypatch):
    assert _findings(tmp_path, monkeypatch, "migrate.py", PYTHON) == []
    together = PYTHON.replace("else:\n", "").replace(
        "\n    sms.perform_post(SERVICE", "\nsms.perform_post(SERVICE"
    )
    assert _findings(tmp_path, monkeypatch, "migrate.py", together) == [(9, "ERROR")]
