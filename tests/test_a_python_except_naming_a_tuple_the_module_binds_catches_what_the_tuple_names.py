"""An `except` that names a tuple the script binds once at its top level (`ERRORS = (AzureHttpError,
ValueError)` then `except ERRORS:`) catches what the tuple names, as `except (AzureHttpError, ValueError):`
does: what the SDK raises when it refuses a call in the `try` body is caught there, and the script goes on
past the `try`. Before, the name was read as no class of the SDK's errors, the refused call ended the
script, and the VM created after the `try` was missing (no MIG105)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

SCRIPT = """\
from azure.common import AzureHttpError
from azure.servicemanagement import LinuxConfigurationSet, OSVirtualHardDisk, ServiceManagementService

{errors}
sms = ServiceManagementService("sub", "cert.pem")
try:
    sms.create_hosted_service("svc1", "svc1")
except {caught}:
    print("could not create svc1")
disk = OSVirtualHardDisk("img", "https://acct1.blob.core.windows.net/vhds/web1.vhd")
system = LinuxConfigurationSet("web1", "azureuser", "secret", False)
sms.create_virtual_machine_deployment("svc1", "svc1", "production", "web1", "web1", system, disk)
"""


def _deployments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, errors: str, caught: str) -> list[str]:
    script = SCRIPT.format(errors=errors, caught=caught)
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": script}, "MIG105", dedent=False)
    return [f"{f.location.line}" for f in result.findings if f.location]


@pytest.mark.parametrize(
    ("errors", "caught"),
    [
        ("", "(AzureHttpError, ValueError)"),
        ("ERRORS = (AzureHttpError, ValueError)", "ERRORS"),
        ("AZURE = (AzureHttpError,)\nERRORS = AZURE + (ValueError, TypeError)", "ERRORS"),
        ("AZURE = (AzureHttpError,)\nERRORS = AZURE + (ValueError, TypeError)", "(ERRORS, KeyError)"),
    ],
    ids=["written-out", "a-tuple-name", "tuples-added", "a-name-in-a-tuple"],
)
def test_a_refusal_the_handler_catches_lets_the_script_go_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, errors: str, caught: str
) -> None:
    assert _deployments(tmp_path, monkeypatch, errors, caught) != []


@pytest.mark.parametrize(
    "errors",
    [
        "ERRORS = (AzureHttpError, KeyError)",
        "ERRORS = (ValueError,)\nERRORS = (AzureHttpError,)",
        "ERRORS = [ValueError, TypeError]",
    ],
    ids=["no-refusal-error", "bound-twice", "a-list-which-catches-nothing"],
)
def test_a_tuple_that_names_no_error_of_a_refusal_lets_it_end_the_script(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, errors: str
) -> None:
    assert _deployments(tmp_path, monkeypatch, errors, "ERRORS") == []
