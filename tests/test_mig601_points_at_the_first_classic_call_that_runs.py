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


# Modules of functions none of their own code calls, each function calling the other (`Get-Request` runs
# `Get-Client` after a call of its own; `Add-All` runs `Add-Disk`, written below it, before one): whatever
# the file's reader reads first, the one a caller may run first is the call written first.
MODULES = {
    "client.psm1": """\
        function Get-Client {
            Get-AzureSubscription -Current
        }
        function Get-Request {
            Get-AzureVM -ServiceName svc1
            Get-Client
        }
        """,
    "add.psm1": """\
        function Add-All {
            Add-Disk
            Remove-AzureVM -ServiceName svc1 -Name vm1
        }
        function Add-Disk {
            Get-AzureDisk -DiskName d1
        }
        """,
    "client.sh": """\
        get_client() {
          azure service show svc2
        }
        get_request() {
          azure vm show svc1 vm1
          get_client
        }
        """,
    "add.sh": """\
        add_all() {
          add_disk
          azure vm delete svc1 vm1 -q
        }
        add_disk() {
          azure vm disk show d1
        }
        """,
    "client.py": """\
        import azure.servicemanagement


        def get_client(sms):
            return sms.get_subscription()


        def get_request(sms):
            sms.get_hosted_service_properties("svc1")
            get_client(sms)
        """,
    "add.py": """\
        import azure.servicemanagement


        def add_all(sms):
            add_disk(sms)
            sms.delete_hosted_service("svc1")


        def add_disk(sms):
            sms.get_disk("d1")
        """,
}
FIRST_WRITTEN = {
    "client.psm1": "client.psm1:2:5",
    "add.psm1": "add.psm1:3:5",
    "client.sh": "client.sh:2:3",
    "add.sh": "add.sh:3:3",
    "client.py": "client.py:5:16",
    "add.py": "add.py:6:9",
}


@pytest.mark.parametrize("name", sorted(MODULES))
def test_a_module_whose_functions_call_each_other_is_shown_at_its_first_call_written(
    tmp_path, monkeypatch, name
) -> None:
    found = where(lint_files(tmp_path, monkeypatch, {name: MODULES[name]}, "MIG601").findings)
    assert found == [f"MIG601 {FIRST_WRITTEN[name]}"]
