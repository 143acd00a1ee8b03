"""A script that creates a storage account or a reserved IP and then surely deletes it leaves nothing to
migrate, whichever format it is written in: Remove-AzureStorageAccount and Remove-AzureReservedIP,
the SDK's delete_storage_account and delete_reserved_ip_address, the classic CLI's `storage account
delete` and `network reserved-ip delete` alike. A delete of another name, or one on a branch that may not
run, leaves the step; so does a classic CLI `vm delete`, `service delete` or `network vnet delete` that may
not run, as Remove-AzureVM's and Remove-AzureService's do."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.plan import build_plan

PY = "from azure.servicemanagement import ServiceManagementService\nsms = ServiceManagementService('sub', 'cert.pem')\n"

# The plan's step for what each kind's script creates.
STEP = {"storage": "storage:acct1", "reserved-ip": "unattached:ReservedIP:acct1"}
# Each kind's creation then deletion of one name, by format.
CREATED_THEN_DELETED = {
    ("storage", "deploy.ps1"): (
        "New-AzureStorageAccount -StorageAccountName acct1 -Location 'West US'\n"
        "Remove-AzureStorageAccount -StorageAccountName acct1\n"
    ),
    ("storage", "deploy.py"): (
        PY + "sms.create_storage_account('acct1', 'desc', 'label', location='West US')\n"
        "sms.delete_storage_account('acct1')\n"
    ),
    ("storage", "deploy.sh"): (
        "azure storage account create acct1 --location 'West US'\nazure storage account delete acct1 --quiet\n"
    ),
    ("reserved-ip", "deploy.ps1"): (
        "New-AzureReservedIP -ReservedIPName acct1 -Location 'West US'\n"
        "Remove-AzureReservedIP -ReservedIPName acct1 -Force\n"
    ),
    ("reserved-ip", "deploy.py"): (
        PY
        + "sms.create_reserved_ip_address('acct1', 'label', 'West US')\nsms.delete_reserved_ip_address('acct1')\n"
    ),
    ("reserved-ip", "deploy.sh"): (
        "azure network reserved-ip create acct1 'West US'\nazure network reserved-ip delete acct1 --quiet\n"
    ),
}


def _steps(tmp_path, monkeypatch, name: str, text: str) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, {name: text}, dedent=False)
    return [step.id for sub in build_plan(result).subscriptions for step in sub.steps]


def _steps_and_vms(tmp_path, monkeypatch, text: str) -> tuple[list[str], list[str]]:
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": text}, dedent=False)
    steps = [step.id for sub in build_plan(result).subscriptions for step in sub.steps]
    vms = [vm.name for service in result.estate.cloud_services for vm in service.vms]
    return steps, vms


def _another_name(name: str, text: str) -> str:
    """The script with its deletion given another name (the last line's, or the last call's)."""
    *kept, last = text.rstrip("\n").split("\n")
    return "\n".join([*kept, last.replace("acct1", "acct2")]) + "\n"


def _maybe(name: str, text: str) -> str:
    """The script with its deletion on a branch of a test the script does not decide."""
    *kept, last = text.rstrip("\n").split("\n")
    if name.endswith(".ps1"):
        return "\n".join([*kept, "if ($args[0]) { " + last + " }"]) + "\n"
    if name.endswith(".py"):
        return "\n".join(["import sys", *kept, "if sys.argv[1:]:", "    " + last]) + "\n"
    return "\n".join([*kept, 'if [ "$1" = yes ]; then', "  " + last, "fi"]) + "\n"


@pytest.mark.parametrize(("kind", "name"), sorted(CREATED_THEN_DELETED))
def test_what_the_script_surely_deletes_again_is_no_step(tmp_path, monkeypatch, kind, name) -> None:
    assert _steps(tmp_path, monkeypatch, name, CREATED_THEN_DELETED[kind, name]) == []


@pytest.mark.parametrize(("kind", "name"), sorted(CREATED_THEN_DELETED))
def test_a_delete_of_another_name_keeps_the_step(tmp_path, monkeypatch, kind, name) -> None:
    text = _another_name(name, CREATED_THEN_DELETED[kind, name])
    assert _steps(tmp_path, monkeypatch, name, text) == [STEP[kind]]


@pytest.mark.parametrize(("kind", "name"), sorted(CREATED_THEN_DELETED))
def test_a_delete_that_may_not_run_keeps_the_step(tmp_path, monkeypatch, kind, name) -> None:
    text = _maybe(name, CREATED_THEN_DELETED[kind, name])
    assert _steps(tmp_path, monkeypatch, name, text) == [STEP[kind]]


def test_a_python_delete_in_a_function_called_after_the_one_that_creates_takes_the_account(
    tmp_path, monkeypatch
) -> None:
    script = (
        PY + "def create_storage(sms):\n"
        "    sms.create_storage_account('acct1', 'desc', 'label', location='West US')\n"
        "def delete_storage(sms):\n"
        "    sms.delete_storage_account('acct1')\n"
    )
    called = script + "create_storage(sms)\ndelete_storage(sms)\n"
    assert _steps(tmp_path, monkeypatch, "deploy.py", called) == []
    # Called the other way round, or not at all (a test module's helpers), the account is still made.
    reversed_calls = script + "delete_storage(sms)\ncreate_storage(sms)\n"
    assert _steps(tmp_path, monkeypatch, "deploy.py", reversed_calls) == ["storage:acct1"]
    assert _steps(tmp_path, monkeypatch, "deploy.py", script) == ["storage:acct1"]


def test_a_reserved_ip_a_cli_vm_is_given_is_not_deleted(tmp_path, monkeypatch) -> None:
    # The platform refuses to delete a reserved IP in use.
    script = (
        "azure network reserved-ip create rip1 'West US'\n"
        "azure vm create svc1 img user pass -l 'West US' -R rip1\n"
        "azure network reserved-ip delete rip1 --quiet\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": script}, dedent=False)
    assert [ip.name for ip in result.estate.reserved_ips] == ["rip1"]


MAYBE_CLI_DELETES = {
    "vm": (
        "azure vm create svc1 img user pass -l 'West US'\n"
        "azure vm create svc1 img user pass -l 'West US' -c --vm-name vm2\n",
        "azure vm delete vm2 -d svc1 --quiet",
    ),
    "service": ("azure vm create svc1 img user pass -l 'West US'\n", "azure service delete svc1 --quiet"),
    "network": (
        "azure network vnet create vn1 -l 'West US'\n",
        "azure network vnet delete vn1 --quiet",
    ),
}


@pytest.mark.parametrize("kind", sorted(MAYBE_CLI_DELETES))
def test_a_classic_cli_delete_that_may_not_run_deletes_nothing(tmp_path, monkeypatch, kind) -> None:
    made, delete = MAYBE_CLI_DELETES[kind]
    surely = _steps_and_vms(tmp_path, monkeypatch, made + delete + "\n")
    maybe = _steps_and_vms(tmp_path, monkeypatch, made + f'if [ "$1" = yes ]; then\n  {delete}\nfi\n')
    assert maybe == _steps_and_vms(tmp_path, monkeypatch, made) != surely
