"""A Python script that uses the Service Management SDK and also runs the classic CLI (`os.system("azure
...")`), or creates classic types through Resource Manager, is one script: one MIG601, at its first classic
call, naming both APIs and every call, as a PowerShell script that runs `azure` is ("the classic Azure
PowerShell module and the classic Azure CLI"). It was two scripts of one file, each with a MIG601."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, script_resources, where

from migcheck.model import Script

SDK = (
    "import os\n"
    "from azure.servicemanagement import ServiceManagementService\n"
    'sms = ServiceManagementService("sub", "cert.pem")\n'
    'sms.create_hosted_service("shop", "shop", location="West Europe")\n'
)
CLI = 'os.system("azure vm create shop img ops -n web1 -w appvnet -b web")\n'
TYPES = (
    "from azure.mgmt.resource import ResourceManagementClient\n"
    'ResourceManagementClient(c, s).resources.begin_create_or_update("rg", "Microsoft.ClassicStorage",'
    ' "", "storageAccounts", "shopdata", "2016-04-01", {})\n'
)


def test_the_sdk_and_the_cli_are_one_finding_naming_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": SDK + CLI}, "MIG601")
    (finding,) = result.findings
    assert where([finding]) == ["MIG601 deploy.py:3:7"]
    assert finding.message.startswith(
        "Python script 'deploy.py' uses the Service Management SDK and the classic Azure CLI in asm mode"
        " (ServiceManagementService, create_hosted_service, azure vm create): its calls that create classic"
        " VMs and cloud services (create_hosted_service, azure vm create) fail today"
    )
    assert "azure vm create → az vm create" in (finding.fix or "")


def test_the_cli_and_classic_types_are_one_finding_naming_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": "import os\n" + CLI + TYPES}, "MIG601")
    (finding,) = result.findings
    assert where([finding]) == ["MIG601 deploy.py:2:11"]
    assert (
        "uses the classic Azure CLI in asm mode and the classic resource types through Resource Manager"
        in (finding.message)
    )


def test_one_script_holds_every_call_in_the_order_written() -> None:
    (script,) = [r for r in script_resources(SDK + CLI + TYPES, "deploy.py") if isinstance(r, Script)]
    assert [(c.name, c.mark.line) for c in script.calls][1:] == [
        ("create_hosted_service", 4),
        ("azure vm create", 5),
        ("resources.begin_create_or_update Microsoft.ClassicStorage/storageAccounts", 7),
    ]


def test_a_command_line_not_read_before_the_sdk_s_calls_is_no_call_to_show_the_finding_at(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = 'import os\nos.system("azure vm create shop img ops -n \'web2")\n'
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": broken + SDK}, "MIG601")
    assert where(result.findings) == ["MIG601 deploy.py:5:7"]
