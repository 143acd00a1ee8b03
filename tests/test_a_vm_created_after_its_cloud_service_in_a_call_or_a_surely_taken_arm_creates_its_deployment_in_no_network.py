"""A runbook that creates a cloud service and then its VMs with New-AzureVM, whose network the VMs take
from an optional parameter (`if ($VNetName) { New-AzureVM … -VNetName $VNetName } else { New-AzureVM … }`):
where the service was just created, New-AzureVM creates its deployment, and where the value the arm tests is
known (a parameter not passed is empty), the deployment is surely in no virtual network. That holds when the
VMs are created in a child runbook the parent starts or calls after creating the service, or in the arm of
an `if` the reader decides, in a workflow nothing in the files calls (read once, as a runbook is): MIG105
says the deployment is in no network, and no MIG203 says its VMs may be in one without a subnet."""

from __future__ import annotations

import pytest
from lint_support import lint_files

CHILD = """\
workflow New-Vms {
    param(
        [Parameter(Mandatory=$true)][string]$ServiceName,
        [Parameter(Mandatory=$false)][string]$VNetName
    )
    $vm = New-AzureVMConfig -Name "web1" -InstanceSize Small -ImageName "img"
    if ($VNetName) {
        New-AzureVM -ServiceName $ServiceName -VNetName $VNetName -VMs $vm
    } else {
        New-AzureVM -ServiceName $ServiceName -VMs $vm
    }
}
"""
CREATE = 'New-AzureService -ServiceName "svc1" -Location "West US"'
PARENTS = {
    "started": f"""workflow New-Estate {{
    {CREATE}
    Start-AzureAutomationRunbook -AutomationAccountName ops -Name New-Vms -Parameters @{{ServiceName = "svc1"}}
}}
""",
    "called inline": f"""workflow New-Estate {{
    {CREATE}
    New-Vms -ServiceName "svc1"
}}
""",
    "passed an empty network": f"""workflow New-Estate {{
    {CREATE}
    New-Vms -ServiceName "svc1" -VNetName ""
}}
""",
}
SAME_FUNCTION = f"""function New-Estate {{
    {CREATE}
    $vm = New-AzureVMConfig -Name "web1" -InstanceSize Small -ImageName "img"
    $net = ""
    if ($net) {{
        New-AzureVM -ServiceName "svc1" -VNetName $net -VMs $vm
    }} else {{
        New-AzureVM -ServiceName "svc1" -VMs $vm
    }}
}}
"""


def network_findings(tmp_path, monkeypatch, files: dict[str, str]) -> list[tuple[str, str]]:
    result = lint_files(tmp_path, monkeypatch, files, "MIG105", "MIG203", dedent=False)
    return sorted((f.code, f.message.split(":")[0]) for f in result.findings)


IN_NONE = [("MIG105", "deployment 'svc1' of cloud service 'svc1' is in no virtual network")]


@pytest.mark.parametrize("how", sorted(PARENTS))
def test_a_child_runbook_given_no_network_after_its_parent_created_the_service_is_in_none(
    tmp_path, monkeypatch, how
):
    files = {"New-Vms.ps1": CHILD, "New-Estate.ps1": PARENTS[how]}
    assert network_findings(tmp_path, monkeypatch, files) == IN_NONE


@pytest.mark.parametrize("how", ["called inline", "passed an empty network"])
def test_so_is_the_same_workflow_in_the_parent_s_file(tmp_path, monkeypatch, how):
    files = {"New-Estate.ps1": CHILD + PARENTS[how]}
    assert network_findings(tmp_path, monkeypatch, files) == IN_NONE


def test_an_else_arm_the_reader_decides_after_the_service_was_created_creates_the_deployment(
    tmp_path, monkeypatch
):
    assert network_findings(tmp_path, monkeypatch, {"New-Estate.ps1": SAME_FUNCTION}) == IN_NONE


def test_a_child_runbook_started_alone_may_still_be_in_a_network_its_input_names(tmp_path, monkeypatch):
    codes = [code for code, _ in network_findings(tmp_path, monkeypatch, {"New-Vms.ps1": CHILD})]
    assert codes == ["MIG105", "MIG203"]


def test_a_service_created_on_one_arm_only_leaves_the_child_s_deployment_undecided(tmp_path, monkeypatch):
    parent = f"""workflow New-Estate {{
    param([bool]$Fresh)
    if ($Fresh) {{ {CREATE} }}
    New-Vms -ServiceName "svc1"
}}
"""
    files = {"New-Vms.ps1": CHILD, "New-Estate.ps1": parent}
    assert [code for code, _ in network_findings(tmp_path, monkeypatch, files)] == ["MIG105", "MIG203"]
