"""Migration steps a script runs at one call site for several targets (a loop, a function called twice), in
the order the script runs them; and disks a Python script registers while it gives a VM a disk by a name it
does not state, which that VM may have."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from lint_support import lint_files

_folders = itertools.count()


def _found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str, *codes: str
) -> list[tuple[str, int, int, str]]:
    """(code, line, column, message) of the findings of `codes` on one file, linted in a folder of its own."""
    folder = tmp_path / f"case{next(_folders)}"
    folder.mkdir()
    result = lint_files(folder, monkeypatch, {name: text}, *codes)
    return [(f.code, f.location.line, f.location.column, f.message) for f in result.findings if f.location]


def _steps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> list[tuple[int, int, str]]:
    return [
        (line, column, message)
        for _, line, column, message in _found(tmp_path, monkeypatch, "migrate.ps1", text, "MIG602")
    ]


def _move(step: str, service: str, indent: str = "") -> str:
    create = "" if step in ("Commit", "Abort") else " -CreateNewVirtualNetwork"
    return f'{indent}Move-AzureService -{step} -ServiceName {service} -DeploymentName "prod"{create}\n'


def _not_validated(target: str, why: str = ", although this script validates other resources") -> str:
    return f"migrate.ps1: Move-AzureService -Prepare is not preceded by a Validate of cloud service '{target}'{why}"


AFTER = ": this script validates it only after the Prepare"
LOOP = 'foreach ($svc in "contoso-web", "contoso-sql") {\n'


# --- PowerShell: one step per call site and target ---------------------------------------------------------


def test_a_loop_validates_each_service_it_goes_through(tmp_path, monkeypatch):
    script = LOOP + _move("Validate", "$svc", "    ") + "}\n" + _move("Prepare", '"contoso-sql"')
    assert _steps(tmp_path, monkeypatch, script) == []
    # Near miss: a loop that validates only the other service.
    other = 'foreach ($svc in "contoso-web") {\n' + _move("Validate", "$svc", "    ") + "}\n"
    assert _steps(tmp_path, monkeypatch, other + _move("Prepare", '"contoso-sql"')) == [
        (4, 1, _not_validated("contoso-sql"))
    ]


def test_steps_run_in_a_loop_are_ordered_per_service(tmp_path, monkeypatch):
    """Validate a, Prepare a, Validate b, Prepare b: each Prepare follows its own Validate."""
    body = (
        _move("Validate", "$svc", "    ") + _move("Prepare", "$svc", "    ") + _move("Commit", "$svc", "    ")
    )
    assert _steps(tmp_path, monkeypatch, LOOP + body + "}\n") == []
    # Near miss: a loop that prepares each service before validating it, reported once for each.
    swapped = _move("Prepare", "$svc", "    ") + _move("Validate", "$svc", "    ")
    assert _steps(tmp_path, monkeypatch, LOOP + swapped + "}\n") == [
        (2, 5, _not_validated("contoso-web", AFTER)),
        (2, 5, _not_validated("contoso-sql", AFTER)),
    ]


def test_a_function_called_for_two_services_takes_a_step_for_each(tmp_path, monkeypatch):
    function = "function Invoke-Prepare($name) {\n" + _move("Prepare", "$name", "    ") + "}\n"
    script = (
        function
        + _move("Validate", '"contoso-web"')
        + 'Invoke-Prepare "contoso-web"\nInvoke-Prepare "contoso-sql"\n'
    )
    # The function's step runs at its calls, after the Validate written below the function, and is shown
    # at its command, with the call that runs it.
    called = " (run by the call at line 6)"
    assert _steps(tmp_path, monkeypatch, script) == [(2, 5, _not_validated("contoso-sql") + called)]
    # Near miss: both services validated first.
    validated = function + _move("Validate", '"contoso-web"') + _move("Validate", '"contoso-sql"')
    assert (
        _steps(
            tmp_path, monkeypatch, validated + 'Invoke-Prepare "contoso-web"\nInvoke-Prepare "contoso-sql"\n'
        )
        == []
    )


def test_a_function_read_again_with_values_it_does_not_know_adds_no_step(tmp_path, monkeypatch):
    """A call that splats a table is not run with its values: the function is read once more, with values
    it does not know, which adds no step of an unknown account beside the one its call ran."""
    function = (
        "function Move-Account($account) {\n"
        "    Move-AzureStorageAccount -Validate -StorageAccountName $account\n"
        "    Move-AzureStorageAccount -Prepare -StorageAccountName $account\n"
        "}\n"
    )
    services = _move("Validate", '"contoso-web"') + _move("Prepare", '"contoso-web"')
    calls = 'Move-Account "contosovhds"\n$more = @{ account = "contosologs" }\nMove-Account @more\n'
    assert _steps(tmp_path, monkeypatch, function + services + calls) == []
    # Near miss: the account prepared before the service is reported at the function's command, with the
    # call that runs it.
    assert _steps(tmp_path, monkeypatch, function + 'Move-Account "contosovhds"\n' + services) == [
        (
            3,
            5,
            "migrate.ps1: Move-AzureStorageAccount -Prepare comes before the Prepare of cloud service "
            "'contoso-web': if storage account 'contosovhds' holds disks of VMs that are still classic, the "
            "platform refuses it; storage accounts migrate after the VMs whose disks they hold (run by the call at "
            "line 5)",
        )
    ]


def test_a_function_never_called_still_takes_its_step_where_it_is_written(tmp_path, monkeypatch):
    function = "function Invoke-Validate($name) {\n" + _move("Validate", "$name", "    ") + "}\n"
    assert _steps(tmp_path, monkeypatch, function + _move("Prepare", '"contoso-sql"')) == [
        (4, 1, _not_validated("contoso-sql"))
    ]


def test_the_classic_cli_in_a_loop_validates_each_service(tmp_path, monkeypatch):
    validate = '    azure service deployment validate-migration $svc "prod" new "" "" ""\n'
    prepare = 'azure service deployment prepare-migration "contoso-sql" "prod" new "" "" ""\n'
    assert _steps(tmp_path, monkeypatch, LOOP + validate + "}\n" + prepare) == []
    near = 'foreach ($svc in "contoso-web") {\n' + validate + "}\n" + prepare
    assert _steps(tmp_path, monkeypatch, near) == [
        (
            4,
            1,
            "migrate.ps1: azure service deployment prepare-migration is not preceded by a Validate of cloud service "
            "'contoso-sql', although this script validates other resources",
        )
    ]


# --- Python: a disk given by a name the script does not state ---------------------------------------------

HEADER = (
    "import sys\nfrom azure.servicemanagement import *\nsms = ServiceManagementService('sub', 'cert.pem')\n"
)
BLOB = "https://contosostd.blob.core.windows.net/vhds/2015/legacy-os.vhd"
REGISTER = f"sms.add_disk(False, 'legacy os', '{BLOB}', 'legacy-os', 'Windows')\n"
CREATE = (
    "sms.create_virtual_machine_deployment('contoso-legacy', 'contoso-legacy', 'production', 'legacy', "
    "'legacy01', None, os_disk, None)\n"
)
SLASH = "whose blob name '2015/legacy-os.vhd' contains '/', which Resource Manager does not support"
MAY_HAVE = "may have disk 'legacy-os' (it is given a disk by a name the files do not state)"


def _disks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> list[tuple[str, int, int, str]]:
    return _found(tmp_path, monkeypatch, "deploy.py", HEADER + text, "MIG401", "MIG402")


def test_a_registered_disk_may_be_the_one_a_vm_is_given_by_an_unstated_name(tmp_path, monkeypatch):
    text = REGISTER + "os_disk = OSVirtualHardDisk(disk_name=sys.argv[1])\n" + CREATE
    at = REGISTER.index("'https") + 1
    assert _disks(tmp_path, monkeypatch, text) == [
        ("MIG401", 4, at, f"VM 'legacy01' in cloud service 'contoso-legacy' {MAY_HAVE} {SLASH}")
    ]
    # A VM the script does not create, given a data disk so: named as the call names it.
    attach = "sms.add_data_disk('contoso-legacy', 'contoso-legacy', 'legacy02', 0, disk_name=sys.argv[1])\n"
    assert _disks(tmp_path, monkeypatch, REGISTER + attach) == [
        ("MIG401", 4, at, f"VM 'legacy02' {MAY_HAVE} {SLASH}")
    ]
    # Near miss: given by its name, the disk is surely that VM's.
    named = REGISTER + "os_disk = OSVirtualHardDisk(disk_name='legacy-os')\n" + CREATE
    assert _disks(tmp_path, monkeypatch, named) == [
        ("MIG401", 4, at, f"VM 'legacy01' in cloud service 'contoso-legacy' has disk 'legacy-os' {SLASH}")
    ]
    # Near miss: given by its name to one VM, it is that VM's whatever another is given.
    other = "sms.add_data_disk('contoso-legacy', 'contoso-legacy', 'legacy02', 0, disk_name=sys.argv[2])\n"
    assert _disks(tmp_path, monkeypatch, named + other) == [
        ("MIG401", 4, at, f"VM 'legacy01' in cloud service 'contoso-legacy' has disk 'legacy-os' {SLASH}")
    ]


def test_a_disk_model_built_for_no_vm_of_the_file_names_a_stand_in(tmp_path, monkeypatch):
    text = REGISTER + "def os_disk(name):\n    return OSVirtualHardDisk(disk_name=name)\n"
    assert _disks(tmp_path, monkeypatch, text) == [
        ("MIG401", 4, REGISTER.index("'https") + 1, f"VM '<VM name, deploy.py:6>' {MAY_HAVE} {SLASH}")
    ]
    # Near miss: no VM is given a disk, so the registered one is attached to none.
    ((code, line, _, message),) = _disks(tmp_path, monkeypatch, REGISTER)
    assert (code, line) == ("MIG402", 4) and message.startswith("disk 'legacy-os' is attached to no VM")
