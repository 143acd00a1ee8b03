"""A classic create under a condition or in a loop of a function nothing in the script calls runs on some of
the function's paths only: shell, PowerShell and Python agree that it fails today whenever it runs (it may
not), where PowerShell and Python said it fails today as if it surely ran whenever the function does. One
at the function's own level still fails today. In a runbook that migrates (MIG602 checks its steps) such a
create is dead code and left out, in shell too, where shell counted it as one that may run."""

from __future__ import annotations

import pytest
from lint_support import lint_files

SOME_PATHS = {
    "lib.sh": """\
#!/bin/bash
{migrate}
start_all() {{
  for vm in $(cat vms.txt); do
    if [ -n "$vm" ]; then
      azure service create "$vm" --location "West US"
    fi
  done
}}
""",
    "Switch.ps1": """\
{migrate}
function Switch-All {{
    foreach ($vm in Get-AzureVM) {{
        if ($vm.Status -eq "StoppedDeallocated") {{
            New-AzureService -ServiceName $vm.Name -Location "West US"
        }}
    }}
}}
""",
    "toggle.py": """\
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
{migrate}


def toggle():
    for s in sms.list_hosted_services():
        if s.service_name.startswith("web"):
            sms.create_hosted_service(s.service_name + "2", "label", location="West US")
""",
}
MIGRATE = {
    "lib.sh": "azure network vnet prepare-migration app-vnet",
    "Switch.ps1": "Move-AzureVirtualNetwork -Prepare -VirtualNetworkName app-vnet",
    "toggle.py": 'sms.perform_post("/sub/services/networking/virtualnetwork/app-vnet/migration?comp=prepare", "")',
}


def _mig601(tmp_path, monkeypatch, name: str, text: str) -> list[str]:
    return [f.message for f in lint_files(tmp_path, monkeypatch, {name: text}, "MIG601").findings]


@pytest.mark.parametrize("name", sorted(SOME_PATHS))
def test_it_fails_today_whenever_it_runs(tmp_path, monkeypatch, name) -> None:
    (message,) = _mig601(tmp_path, monkeypatch, name, SOME_PATHS[name].format(migrate=""))
    assert "fail today whenever they run (they may not: they run only on some paths" in message


@pytest.mark.parametrize("name", sorted(SOME_PATHS))
def test_a_migrating_runbook_leaves_it_out(tmp_path, monkeypatch, name) -> None:
    messages = _mig601(tmp_path, monkeypatch, name, SOME_PATHS[name].format(migrate=MIGRATE[name]))
    assert not any("create classic" in message for message in messages)
