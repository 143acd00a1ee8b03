"""A Python script that calls the methods of a classic client a module beside it makes at its top level
(helpers.py's `sms = ServiceManagementService(...)`; `from helpers import sms`, then `sms.add_role(...)`, or
`import helpers`, then `helpers.sms.add_role(...)`) calls the Service Management API, as one that calls a
function of the module making the client (`def client(): return ServiceManagementService(...)`) does: its
calls are read where it writes them. The client was the module's name to the script, a value it did not
state, so a method whose name other libraries share (`add_role`, `delete_deployment`) was no classic call."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

HELPERS = """\
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
"""
CALLS = """\
{client}.add_role("svc1", "dep1", "web2", None, None, None, role_size="Small")
{client}.delete_deployment("svc1", "dep9")
"""
# By the import: the script's path, the module's, and the name the script calls the client by.
IMPORTS = {
    "from helpers import sms": ("main.py", "helpers.py", "sms"),
    "import helpers": ("main.py", "helpers.py", "helpers.sms"),
    "from .helpers import sms": ("tools/main.py", "tools/helpers.py", "sms"),
    "from tools.helpers import sms": ("main.py", "tools/helpers.py", "sms"),
}


@pytest.mark.parametrize("statement", IMPORTS)
def test_the_script_s_calls_of_the_client_are_classic_calls(
    statement: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script, module, client = IMPORTS[statement]
    files = {
        "tools/__init__.py": "",
        module: HELPERS,
        script: f"{statement}\n\n{CALLS.format(client=client)}",
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False)
    method = len(client) + 2
    assert sorted(where(result.findings)) == sorted([f"MIG601 {module}:3:7", f"MIG601 {script}:3:{method}"])
    (called,) = [f.message for f in result.findings if f.location and f.location.path == script]
    assert "(add_role, delete_deployment)" in called
    changed = [
        role.name
        for d in result.estate.documents
        if d.path == script
        for r in d.resources
        for role in getattr(r, "roles", ())
    ]
    assert changed == ["web2"]
