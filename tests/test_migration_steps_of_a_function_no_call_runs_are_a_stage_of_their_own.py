"""The migration steps of a PowerShell function no call runs (a module's exported function, every function
of a `.psm1` without `Export-ModuleMember`, a function of a `.ps1` that others dot-source) are read as its
other calls are, once, with the values the script states: their order is checked (MIG602) as one run of the
function, a stage of the runbook of its own. Such a function runs after the script's own code, when whatever
imports the module calls it, and never in one invocation with another such function: a `Complete-Migration`
that commits what a `Start-Migration` prepared is two stages, as two scripts would be, and an `-Abort`
helper is no Abort of another function's Prepare. The choices inside one are told apart as the script's are
(a `-Step` switch runs one clause)."""

from __future__ import annotations

from lint_support import lint_files, where

EXPORT = "Export-ModuleMember -Function Invoke-Migration\n"


def _move(step: str, vnet: str = "app-vnet", indent: str = "    ") -> str:
    return f'{indent}Move-AzureVirtualNetwork -{step} -VirtualNetworkName "{vnet}"\n'


def _function(body: str, name: str = "Invoke-Migration") -> str:
    return f"function {name} {{\n{body}}}\n"


def _mig602(tmp_path, monkeypatch, name: str, text: str) -> list[str]:
    """The MIG602 findings of one file, linted in a folder of its own."""
    folder = tmp_path / name.replace(".", "-")
    return where(lint_files(folder, monkeypatch, {name: text}, "MIG602", dedent=False).findings)


def test_an_exported_function_that_commits_before_it_prepares(tmp_path, monkeypatch):
    module = _function(_move("Validate") + _move("Commit") + _move("Prepare")) + EXPORT
    assert _mig602(tmp_path, monkeypatch, "Migrate.psm1", module) == ["MIG602 Migrate.psm1:3:5"]


def test_an_exported_function_that_runs_the_steps_in_order(tmp_path, monkeypatch):
    module = _function(_move("Validate") + _move("Prepare") + _move("Commit")) + EXPORT
    assert _mig602(tmp_path, monkeypatch, "Migrate.psm1", module) == []


def test_a_module_function_without_export_and_a_script_function_nothing_calls(tmp_path, monkeypatch):
    out_of_order = _function(_move("Validate") + _move("Commit") + _move("Prepare"))
    assert _mig602(tmp_path, monkeypatch, "Migrate.psm1", out_of_order) == ["MIG602 Migrate.psm1:3:5"]
    assert _mig602(tmp_path, monkeypatch, "Migrate.ps1", out_of_order) == ["MIG602 Migrate.ps1:3:5"]


def test_a_prepare_without_its_validate_in_an_exported_function(tmp_path, monkeypatch):
    module = _function(_move("Validate", "other-vnet") + _move("Prepare") + _move("Commit")) + EXPORT
    assert _mig602(tmp_path, monkeypatch, "Migrate.psm1", module) == ["MIG602 Migrate.psm1:3:5"]


def test_functions_that_prepare_and_commit_are_two_stages(tmp_path, monkeypatch):
    """The Abort helper is written first: it is still no Abort before the Prepare of the other function."""
    module = (
        _function(_move("Abort"), "Undo-Migration")
        + _function(_move("Validate") + _move("Prepare"), "Start-Migration")
        + _function(_move("Commit"), "Complete-Migration")
    )
    assert _mig602(tmp_path, monkeypatch, "Migrate.psm1", module) == []


def test_a_step_switch_in_an_exported_function_runs_one_clause(tmp_path, monkeypatch):
    body = (
        "    param([ValidateSet('Start', 'Finish')][string]$Step)\n"
        "    if ($Step -eq 'Finish') {\n"
        + _move("Commit", indent="        ")
        + "    } else {\n"
        + _move("Validate", indent="        ")
        + _move("Prepare", indent="        ")
        + "    }\n"
    )
    assert _mig602(tmp_path, monkeypatch, "Migrate.psm1", _function(body) + EXPORT) == []
    # Near miss: the Commit runs whichever clause the call picks, before the Prepare.
    before = body.replace("    if ($Step", _move("Commit") + "    if ($Step")
    assert _mig602(tmp_path, monkeypatch, "Again.psm1", _function(before) + EXPORT) == [
        "MIG602 Again.psm1:3:5"
    ]


def test_the_scripts_own_code_runs_before_a_function_no_call_runs(tmp_path, monkeypatch):
    """The module's top level prepares when it is imported; the function commits when it is called."""
    module = _function(_move("Commit")) + _move("Validate", indent="") + _move("Prepare", indent="") + EXPORT
    assert _mig602(tmp_path, monkeypatch, "Migrate.psm1", module) == []


def test_a_change_between_prepare_and_commit_in_an_exported_function(tmp_path, monkeypatch):
    service = '"app-svc"'
    change = f"    Set-AzureService -ServiceName {service} -Label 'moved'\n"
    locked = (
        f"    Move-AzureService -Validate -ServiceName {service} -DeploymentName {service} -CreateNewVirtualNetwork\n"
        f"    Move-AzureService -Prepare -ServiceName {service} -DeploymentName {service} -CreateNewVirtualNetwork\n"
        + change
        + f"    Move-AzureService -Commit -ServiceName {service} -DeploymentName {service}\n"
    )
    assert _mig602(tmp_path, monkeypatch, "Migrate.psm1", _function(locked) + EXPORT) == [
        "MIG602 Migrate.psm1:4:5"
    ]
    # Near miss: the change is made in another function, which never runs in the same invocation.
    apart = _function(locked.replace(change, "")) + _function(change, "Set-Label") + EXPORT
    assert _mig602(tmp_path, monkeypatch, "Apart.psm1", apart) == []
