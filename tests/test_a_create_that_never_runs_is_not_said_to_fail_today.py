"""MIG601 said a script's calls that create classic VMs "fail today" even when the only create is in code a
condition keeps from running (Ansible `when: false`, bash `if false`, Python `if False:` or `while False:`, PowerShell
`if ($false)`): such a create fails nothing, so it is left out of the creates the message names, as a
runbook's is. A create in a function nothing in the file calls is what another file calls in a library of
functions, so it still fails today; one under a condition the reader cannot decide fails whenever it runs."""

from __future__ import annotations

import pytest
from lint_support import lint_files

_CREATE = "azure vm create contoso-never img ops Passw0rd! -w app-vnet -b web"

NEVER_RUN = {
    "s.yml": f"""\
    - hosts: localhost
      tasks:
        - command: {_CREATE}
          when: false
    """,
    "a.sh": f"""\
    #!/bin/bash
    if false; then
      {_CREATE}
    fi
    """,
    "a.py": f"""\
    import subprocess
    if False:
        subprocess.check_call({_CREATE.split()!r})
    """,
    "sdk.py": """\
    from azure.servicemanagement import OSVirtualHardDisk, ServiceManagementService
    sms = ServiceManagementService("sub", "cert.pem")
    disk = OSVirtualHardDisk("img", "https://a.blob.core.windows.net/v/a.vhd")
    while False:
        sms.create_virtual_machine_deployment("contoso-never", "d", "production", "d", "vm1", None, disk)
    """,
    "a.ps1": """\
    if ($false) {
      New-AzureVMConfig -Name v -InstanceSize Small -ImageName img | New-AzureVM -ServiceName contoso-never
    }
    """,
}


def _message(tmp_path, monkeypatch, name: str, text: str) -> str:
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG601")
    (finding,) = result.findings
    return finding.message


@pytest.mark.parametrize("name", sorted(NEVER_RUN))
def test_a_create_that_never_runs_is_not_said_to_fail(tmp_path, monkeypatch, name):
    message = _message(tmp_path, monkeypatch, name, NEVER_RUN[name])
    assert "fail today" not in message
    assert "stops working once the classic resources it manages are migrated" in message


def test_a_create_beside_one_that_never_runs_still_fails_today(tmp_path, monkeypatch):
    script = NEVER_RUN["a.sh"] + "azure storage account create labsa -l 'West Europe'\n"
    message = _message(tmp_path, monkeypatch, "a.sh", script)
    assert "create classic storage accounts (azure storage account create) fail today, since" in message


def test_a_create_under_an_undecided_condition_fails_whenever_it_runs(tmp_path, monkeypatch):
    script = NEVER_RUN["a.sh"].replace("if false", 'if [ -z "$EXISTS" ]')
    message = _message(tmp_path, monkeypatch, "a.sh", script)
    assert "(azure vm create) fail today whenever they run (they may not" in message


def test_a_create_in_a_function_of_a_library_fails_today(tmp_path, monkeypatch):
    library = """\
    Import-Module Azure
    function New-LabVM($name) {
      New-AzureQuickVM -Windows -ServiceName $name -Name $name -ImageName img -Password p -AdminUsername a
    }
    """
    message = _message(tmp_path, monkeypatch, "lab.psm1", library)
    assert "create classic VMs (New-AzureQuickVM) fail today, since" in message


def test_a_call_on_a_cloud_service_s_roles_that_never_runs_is_not_said_to_fail(tmp_path, monkeypatch):
    script = """\
    if ($false) {
      Set-AzureDeployment -Upgrade -ServiceName "contoso-web" -Slot Production -Package $p -Configuration $c
    }
    Get-AzureDeployment -ServiceName "contoso-web" -Slot Production
    """
    message = _message(tmp_path, monkeypatch, "a.ps1", script)
    assert "fail today" not in message
    maybe = script.replace("$false", "$upgrade")
    assert "(Set-AzureDeployment) fail today whenever they run" in _message(
        tmp_path, monkeypatch, "a.ps1", maybe
    )
