"""MIG601 points at the script's first classic call that runs, not the first written: a function written
above the script's own code runs where the code calls it, so the script's sign-in
(Import-AzurePublishSettingsFile, line 99 of a real CreateVNet.ps1) comes before the Get-AzureVNetConfig of
its `function AddVNet` (line 76). In PowerShell, Python and shell; a Python module whose calls the file does
not run itself (a library of functions) is still shown at its first call written."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

SCRIPTS = {
    "net.ps1": """\
        function Add-VNet {
            Get-AzureVNetConfig -ExportToFile c:\\temp\\net.xml
        }
        Import-AzurePublishSettingsFile c:\\temp\\sub.publishsettings
        Add-VNet
        """,
    "net.py": """\
        from azure.servicemanagement import ServiceManagementService


        def add(sms):
            sms.create_affinity_group("ag", "ag", "West Europe")


        def client():
            return ServiceManagementService("sub", "cert.pem")


        sms = client()
        add(sms)
        """,
    "net.sh": """\
        add_vnet() {
          azure network vnet create v1 -l "West Europe"
        }
        azure config mode asm
        azure service list
        add_vnet
        """,
}
FIRST_RUN = {"net.ps1": "net.ps1:4:1", "net.py": "net.py:9:12", "net.sh": "net.sh:5:1"}


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_the_first_call_that_runs_is_pointed_at(tmp_path, monkeypatch, name) -> None:
    found = where(lint_files(tmp_path, monkeypatch, {name: SCRIPTS[name]}, "MIG601").findings)
    assert found == [f"MIG601 {FIRST_RUN[name]}"]


def test_a_module_of_functions_no_code_of_its_own_runs_is_shown_at_its_first_call(
    tmp_path, monkeypatch
) -> None:
    library = SCRIPTS["net.py"].replace("        sms = client()\n        add(sms)\n", "")
    found = where(lint_files(tmp_path, monkeypatch, {"net.py": library}, "MIG601").findings)
    assert found == ["MIG601 net.py:5:9"]
