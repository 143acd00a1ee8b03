"""The migration steps of a Python or shell function no call of the script runs (a module's `def start():`
that whatever imports it calls, a sourced library's `abort_it() { ...; }`) are checked (MIG602) as one run
of that function, a stage of the runbook of its own, as a PowerShell module's are: it runs after the
script's own code, and never in one invocation with another such function, so an `abort()` helper written
before a `start()` that validates and prepares is no Abort before the Prepare. A step a function runs is
shown at its command, and the message names the call that runs it."""

from __future__ import annotations

from lint_support import lint_files, where

PY_HEAD = (
    "from azure.servicemanagement import ServiceManagementService\n"
    'sms = ServiceManagementService("sub", "cert.pem")\n'
    'BASE = "/sub/services/networking/virtualnetwork/app-vnet/migration?comp="\n'
)


def _py(step: str, indent: str = "    ") -> str:
    return f'{indent}sms.perform_post(BASE + "{step.lower()}", "")\n'


def _sh(step: str, indent: str = "  ") -> str:
    return f"{indent}azure network vnet {step.lower()}-migration app-vnet\n"


def _def(name: str, body: str) -> str:
    return f"def {name}():\n{body}\n"


def _function(name: str, body: str) -> str:
    return f"{name}() {{\n{body}}}\n"


def _mig602(tmp_path, monkeypatch, name: str, text: str) -> list[str]:
    """The MIG602 findings of one file, linted in a folder of its own."""
    folder = tmp_path / name.replace(".", "-")
    return where(lint_files(folder, monkeypatch, {name: text}, "MIG602", dedent=False).findings)


def _messages(tmp_path, monkeypatch, name: str, text: str) -> list[str]:
    folder = tmp_path / name.replace(".", "-")
    return [f.message for f in lint_files(folder, monkeypatch, {name: text}, "MIG602", dedent=False).findings]


def test_a_python_abort_helper_written_before_the_function_that_prepares(tmp_path, monkeypatch):
    module = PY_HEAD + _def("abort", _py("Abort")) + _def("start", _py("Validate") + _py("Prepare"))
    assert _mig602(tmp_path, monkeypatch, "migrate.py", module) == []
    # Near miss: one function that aborts before it prepares runs both in one invocation.
    together = PY_HEAD + _def("start", _py("Abort") + _py("Validate") + _py("Prepare"))
    assert _mig602(tmp_path, monkeypatch, "together.py", together) == ["MIG602 together.py:5:9"]


def test_a_shell_abort_helper_written_before_the_function_that_prepares(tmp_path, monkeypatch):
    library = (
        "#!/bin/bash\n"
        + _function("abort_it", _sh("Abort"))
        + _function("start", _sh("Validate") + _sh("Prepare"))
    )
    assert _mig602(tmp_path, monkeypatch, "migrate.sh", library) == []
    together = "#!/bin/bash\n" + _function("start", _sh("Abort") + _sh("Validate") + _sh("Prepare"))
    assert _mig602(tmp_path, monkeypatch, "together.sh", together) == ["MIG602 together.sh:3:3"]


def test_a_function_no_call_runs_that_commits_before_it_prepares(tmp_path, monkeypatch):
    module = PY_HEAD + _def("migrate", _py("Validate") + _py("Commit") + _py("Prepare"))
    assert _mig602(tmp_path, monkeypatch, "migrate.py", module) == ["MIG602 migrate.py:6:9"]
    library = "#!/bin/bash\n" + _function("migrate", _sh("Validate") + _sh("Commit") + _sh("Prepare"))
    assert _mig602(tmp_path, monkeypatch, "migrate.sh", library) == ["MIG602 migrate.sh:4:3"]
    in_order = PY_HEAD + _def("migrate", _py("Validate") + _py("Prepare") + _py("Commit"))
    assert _mig602(tmp_path, monkeypatch, "in_order.py", in_order) == []


def test_the_scripts_own_code_runs_before_a_function_no_call_runs(tmp_path, monkeypatch):
    """Written first, the function's Commit still runs after the Prepare of the script's own code."""
    module = PY_HEAD + _def("finish", _py("Commit")) + _py("Validate", "") + _py("Prepare", "")
    assert _mig602(tmp_path, monkeypatch, "migrate.py", module) == []
    library = "#!/bin/bash\n" + _function("finish", _sh("Commit")) + _sh("Validate", "") + _sh("Prepare", "")
    assert _mig602(tmp_path, monkeypatch, "migrate.sh", library) == []
    # Near miss: called where it is written, the function commits before the Prepare.
    called = library.replace("}\n", "}\nfinish\n", 1)
    assert _mig602(tmp_path, monkeypatch, "called.sh", called) == ["MIG602 called.sh:3:3"]


def test_the_choices_inside_a_python_function_no_call_runs_are_told_apart(tmp_path, monkeypatch):
    body = "    if STEP == 'finish':\n" + _py("Commit", "        ") + "    else:\n"
    body += _py("Validate", "        ") + _py("Prepare", "        ")
    assert _mig602(tmp_path, monkeypatch, "migrate.py", PY_HEAD + _def("run", body)) == []
    before = _py("Commit") + body
    assert _mig602(tmp_path, monkeypatch, "before.py", PY_HEAD + _def("run", before)) == [
        "MIG602 before.py:5:9"
    ]


def test_a_change_between_prepare_and_commit_in_a_python_function_no_call_runs(tmp_path, monkeypatch):
    change = '    sms.regenerate_storage_account_keys("acct", "Primary")\n'
    steps = [
        f'    sms.perform_post("/sub/services/storageservices/acct/migration?comp={s}", "")\n'
        for s in ("validate", "prepare", "commit")
    ]
    locked = PY_HEAD + _def("migrate", steps[0] + steps[1] + change + steps[2])
    assert _mig602(tmp_path, monkeypatch, "migrate.py", locked) == ["MIG602 migrate.py:7:9"]
    # Near miss: the change is made in another function, which never runs in the same invocation.
    apart = PY_HEAD + _def("migrate", steps[0] + steps[1] + steps[2]) + _def("rotate", change)
    assert _mig602(tmp_path, monkeypatch, "apart.py", apart) == []


def test_a_shell_step_a_function_runs_names_the_call_that_runs_it(tmp_path, monkeypatch):
    library = "#!/bin/bash\n" + _function("step", "  azure network vnet $1-migration app-vnet\n")
    script = library + "step commit\nstep prepare\n"
    assert _messages(tmp_path, monkeypatch, "callsite.sh", script) == [
        "callsite.sh: azure network vnet commit-migration comes before any Prepare of virtual network 'app-vnet' in this "
        "script (run by the call at line 5)"
    ]
    # One call that runs both steps names none: the command's line tells the step.
    whole = "#!/bin/bash\n" + _function("migrate", _sh("Commit") + _sh("Prepare")) + "migrate\n"
    assert _messages(tmp_path, monkeypatch, "whole.sh", whole) == [
        "whole.sh: azure network vnet commit-migration comes before any Prepare of virtual network 'app-vnet' in this "
        "script"
    ]
