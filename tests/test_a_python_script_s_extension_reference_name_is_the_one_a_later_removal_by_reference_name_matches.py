"""The reference name a Python script gives an extension (`ResourceExtensionReference`'s first argument, or
`reference_name=`) is the extension's: a later `Remove-AzureVMExtension -ReferenceName` of that name on the
VM removes it, and MIG206 goes; a removal of another name leaves it."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

DEPLOY = """\
from azure.servicemanagement import ServiceManagementService, ResourceExtensionReference, OSVirtualHardDisk

sms = ServiceManagementService("sub", "cert.pem")
disk = OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/app01.vhd")
snap = {reference}
sms.create_virtual_machine_deployment("app", "app", "production", "app", "app01", None, disk,
    resource_extension_references=[snap])
"""

POSITIONAL = 'ResourceExtensionReference("snap", "Microsoft.Azure.RecoveryServices", "VMSnapshot", "1.0")'
KEYWORD = (
    'ResourceExtensionReference(reference_name="snap", publisher="Microsoft.Azure.RecoveryServices",'
    ' name="VMSnapshot", version="1.0")'
)
REMOVE = "Get-AzureVM -ServiceName app -Name app01 | Remove-AzureVMExtension -ReferenceName {name} | Update-AzureVM\n"


@pytest.mark.parametrize("reference", [POSITIONAL, KEYWORD], ids=["positional", "keyword"])
@pytest.mark.parametrize(("removed", "expected"), [("snap", []), ("other", ["MIG206 deploy.py:5:"])])
def test_a_removal_by_the_reference_name_the_script_gives_removes_the_extension(
    tmp_path, monkeypatch, reference, removed, expected
):
    files = {"deploy.py": DEPLOY.format(reference=reference), "fix.ps1": REMOVE.format(name=removed)}
    result = lint_files(tmp_path, monkeypatch, files, "MIG206", dedent=False)
    assert [w.rsplit(":", 1)[0] + ":" for w in where(result.findings)] == expected
