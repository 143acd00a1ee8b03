"""Microsoft stopped and deallocated the classic VMs not migrated when it retired them (2023-09-06), and such a
VM starts again only once migrated to Resource Manager: a script's calls that start or restart classic VMs
(Start-AzureVM, Restart-AzureVM; `azure vm start`, `azure vm restart`; `start_role`, `start_roles`,
`restart_role`) fail today, and MIG601 says so, in the words of the plan's notice of the retirement, where it
said they stop working once the VMs are migrated, as if they still worked until then."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.plan import RETIREMENTS
from migcheck.retirements import CLASSIC_VMS, VMS_START_ONLY_MIGRATED

PY_HEAD = (
    "from azure.servicemanagement import ServiceManagementService\n"
    'sms = ServiceManagementService("sub", "mgmt.pem")\n'
)


@pytest.mark.parametrize(
    ("name", "text", "calls"),
    [
        ("ops.ps1", 'Start-AzureVM -ServiceName "jump" -Name "jump01"\n', "(Start-AzureVM)"),
        ("ops.ps1", 'Restart-AzureVM -ServiceName "jump" -Name "jump01"\n', "(Restart-AzureVM)"),
        ("ops.sh", "#!/bin/bash\nazure vm start jump01\n", "(azure vm start)"),
        ("ops.py", PY_HEAD + 'sms.start_role("jump", "jump", "jump01")\n', "(start_role)"),
    ],
)
def test_a_call_that_starts_a_classic_vm_fails_today(tmp_path, monkeypatch, name, text, calls) -> None:
    [finding] = lint_files(tmp_path, monkeypatch, {name: text}, "MIG601").findings
    assert (
        f"its calls that start classic VMs {calls} fail today, since IaaS VMs (classic) were retired on "
        f"{CLASSIC_VMS} ({VMS_START_ONLY_MIGRATED})"
    ) in finding.message
    assert "stops working" not in finding.message


def test_beside_creating_calls_and_other_calls_on_vms_each_is_said_as_its_own(tmp_path, monkeypatch) -> None:
    script = (
        '$vm = New-AzureVMConfig -Name "web1" -InstanceSize Small -ImageName "img"\n'
        'New-AzureVM -ServiceName "web" -VMs $vm\n'
        'Start-AzureVM -ServiceName "jump" -Name "jump01"\n'
        'Stop-AzureVM -ServiceName "jump" -Name "jump02" -Force\n'
    )
    [finding] = lint_files(tmp_path, monkeypatch, {"ops.ps1": script}, "MIG601").findings
    assert (
        "its calls that create classic VMs (New-AzureVM) and those that start classic VMs (Start-AzureVM) fail "
        f"today, since IaaS VMs (classic) were retired on {CLASSIC_VMS} ({VMS_START_ONLY_MIGRATED}), and the "
        "others stop working once their resources are migrated"
    ) in finding.message


def test_the_plan_s_notice_says_it_in_the_same_words() -> None:
    assert any(VMS_START_ONLY_MIGRATED in notice for notice in RETIREMENTS)
