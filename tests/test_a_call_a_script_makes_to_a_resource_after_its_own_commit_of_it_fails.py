"""A call that changes or deletes a resource after the script's own Commit of it fails (MIG602): the Commit
completed the migration, and the Service Management API no longer finds the resource. So does one to a cloud
service after the Commit of the virtual network the files place it in. Judged as the other steps after a
Commit are: a Prepare of it since, or a Commit on a branch the call is outside of, leaves it unsaid. Python's
`perform_delete` of a resource's path is said to delete it, as a DELETE request of the script's own is, where
it was worded as a change."""

from __future__ import annotations

import pytest
from lint_support import lint_files

PS = """\
Move-AzureService -Validate -ServiceName "websvc" -DeploymentName "websvc" -CreateNewVirtualNetwork
Move-AzureService -Prepare -ServiceName "websvc" -DeploymentName "websvc" -CreateNewVirtualNetwork
{commit}
Set-AzureService -ServiceName "websvc" -Label "x"
"""
SH = """\
#!/bin/bash
azure config mode asm
azure service deployment prepare-migration websvc websvc new "" "" ""
azure service deployment commit-migration websvc websvc
azure vm start vm1 -d websvc
"""
PY = """\
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService("sub", "cert.pem")
base = "/sub/services/hostedservices/websvc"
sms.perform_post(base + "/deployments/websvc/migration?comp=prepare", "")
sms.perform_post(base + "/deployments/websvc/migration?comp=commit", "")
sms.perform_delete(base)
"""
NETWORK = """\
Move-AzureVirtualNetwork -Validate -VirtualNetworkName "hub-vnet"
Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "hub-vnet"
Move-AzureVirtualNetwork -Commit -VirtualNetworkName "hub-vnet"
Remove-AzureService -ServiceName "websvc" -Force
"""
CREATE = """\
$vm = New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img" | Set-AzureSubnet -SubnetNames "front"
New-AzureVM -ServiceName "websvc" -VMs $vm -VNetName "hub-vnet" -Location "West Europe"
"""
COMMIT = 'Move-AzureService -Commit -ServiceName "websvc" -DeploymentName "websvc"'


def _after_commit(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False)
    return [
        f"{f.location.path}:{f.location.line} {f.message.partition(': ')[2].partition(' after ')[0]}"
        for f in result.findings
        if f.location and "the Commit completed" in f.message
    ]


@pytest.mark.parametrize(
    ("files", "said"),
    [
        (
            {"migrate.ps1": PS.format(commit=COMMIT)},
            ["migrate.ps1:4 Set-AzureService changes cloud service 'websvc'"],
        ),
        ({"move.sh": SH}, ["move.sh:5 azure vm start changes cloud service 'websvc'"]),
        (
            {"move.py": PY},
            [
                "move.py:6 DELETE management.core.<...>/<subscription-id>/services/hostedservices/websvc "
                "deletes cloud service 'websvc'"
            ],
        ),
        (
            {"migrate.ps1": NETWORK, "create.ps1": CREATE},
            [
                "migrate.ps1:4 Remove-AzureService deletes cloud service 'websvc', in virtual network 'hub-vnet',"
            ],
        ),
    ],
    ids=["powershell", "classic-cli", "python", "through-its-network"],
)
def test_the_call_after_the_commit_is_said_to_fail(tmp_path, monkeypatch, files, said):
    assert _after_commit(tmp_path, monkeypatch, files) == said


@pytest.mark.parametrize(
    "commit",
    [
        f"if ($Finish) {{ {COMMIT} }}",  # a Commit that may not have run
        'Move-AzureService -Abort -ServiceName "websvc" -DeploymentName "websvc"',  # no Commit at all
    ],
    ids=["commit-on-a-branch", "abort"],
)
def test_a_call_after_no_commit_that_surely_ran_is_not_said(tmp_path, monkeypatch, commit):
    script = "param([switch] $Finish)\n" + PS.format(commit=commit)
    assert _after_commit(tmp_path, monkeypatch, {"migrate.ps1": script}) == []
