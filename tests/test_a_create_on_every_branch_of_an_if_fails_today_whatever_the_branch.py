"""MIG601 said the creates of a script whose `if` and `else` both create (a publish function that creates the
deployment whether or not one was there, each branch calling the same function or the same cmdlet) "fail today
whenever they run (they may not …)": whichever branch runs, the create does, so it fails today, as one outside
the `if` does. An `if` without an `else` may run neither, and a loop over rows a file may not hold may run no
turn: their creates still fail whenever they run, and the message says a loop is one of those paths.

Its advice for a deployment query (Get-AzureDeployment, `get_deployment_by_name`) in a script that deploys a
service package is the platform the package's web/worker roles are rebuilt on, not a VM query; and a script
that only manages resources says they are the classic resources it manages, whether or not it names them."""

from __future__ import annotations

import pytest
from lint_support import lint_files

_PS_FUNCTION_ON_BOTH = """\
function CreateNewDeployment() {
  New-AzureDeployment -Slot $slot -Package $package -Configuration $configuration -ServiceName $service
}
function Publish() {
  $deployment = Get-AzureDeployment -ServiceName $service -Slot $slot -ErrorVariable a -ErrorAction silentlycontinue
  if ($a[0] -ne $null) { CreateNewDeployment } else { Remove-AzureDeployment -ServiceName $service -Slot $slot -Force; CreateNewDeployment }
}
Publish
"""

_PS_CMDLET_ON_BOTH = """\
param([string]$Size)
if ($Size -eq "big") {
    New-AzureService -ServiceName "contoso-big" -Location "West Europe"
} else {
    New-AzureService -ServiceName "contoso-small" -Location "West Europe"
}
"""

_SH_FUNCTION_ON_BOTH = """\
#!/bin/bash
create_vm() {
  azure vm create "$1" "$IMAGE" azureuser "$PASSWORD" --location "West Europe"
}
if [ "$1" = "big" ]; then
  create_vm contoso-big
else
  create_vm contoso-small
fi
"""

_SH_COMMAND_IN_EACH_CASE = """\
#!/bin/bash
case "$1" in
  big) azure vm create contoso-big "$IMAGE" azureuser "$PASSWORD" --location "West Europe" ;;
  *) azure vm create contoso-small "$IMAGE" azureuser "$PASSWORD" --location "West Europe" ;;
esac
"""

_PY_CLI_ON_BOTH = """\
import subprocess
import sys

if sys.argv[1] == "big":
    subprocess.call(["azure", "vm", "create", "contoso-big", "img", "u", "p", "--location", "West Europe"])
else:
    subprocess.call(["azure", "vm", "create", "contoso-small", "img", "u", "p", "--location", "West Europe"])
"""

# `test && a || b`, the shell's `if test; then a; else b; fi`
_SH_EITHER_OR = """\
#!/bin/bash
[ "$1" = "big" ] && azure vm create contoso-big img u p --location "West Europe" || azure vm create contoso-small img u p --location "West Europe"
"""

ON_EVERY_BRANCH = {
    "make-vm-either-or.sh": _SH_EITHER_OR,
    "DeployToAzure.ps1": _PS_FUNCTION_ON_BOTH,
    "new-service.ps1": _PS_CMDLET_ON_BOTH,
    "make-vm.sh": _SH_FUNCTION_ON_BOTH,
    "make-vm-case.sh": _SH_COMMAND_IN_EACH_CASE,
    "make_vm.py": _PY_CLI_ON_BOTH,
}

# Each script with its `else` taken out (and the `case`'s catch-all): the create may not run.
ON_ONE_BRANCH = {
    "DeployToAzure.ps1": _PS_FUNCTION_ON_BOTH.replace(
        " else { Remove-AzureDeployment -ServiceName $service -Slot $slot -Force; CreateNewDeployment }", ""
    ),
    "new-service.ps1": _PS_CMDLET_ON_BOTH.replace(
        '} else {\n    New-AzureService -ServiceName "contoso-small" -Location "West Europe"\n', ""
    ),
    "make-vm.sh": _SH_FUNCTION_ON_BOTH.replace("else\n  create_vm contoso-small\n", ""),
    "make-vm-case.sh": _SH_COMMAND_IN_EACH_CASE.replace("  *)", "  small)"),
    "make_vm.py": _PY_CLI_ON_BOTH.split("else:")[0],
    # `test && cmd` is `if test; then cmd; fi`
    "make-vm-either-or.sh": _SH_EITHER_OR.split(" ||")[0] + "\n",
}


def _message(tmp_path, monkeypatch, name: str, text: str) -> str:
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG601")
    (finding,) = result.findings
    return finding.message


@pytest.mark.parametrize("name", sorted(ON_EVERY_BRANCH))
def test_a_create_every_branch_makes_fails_today(tmp_path, monkeypatch, name):
    message = _message(tmp_path, monkeypatch, name, ON_EVERY_BRANCH[name])
    assert ") fail today, since" in message
    assert "whenever" not in message


@pytest.mark.parametrize("name", sorted(ON_ONE_BRANCH))
def test_a_create_one_branch_makes_fails_whenever_it_runs(tmp_path, monkeypatch, name):
    message = _message(tmp_path, monkeypatch, name, ON_ONE_BRANCH[name])
    assert ") fail today whenever they run (they may not: they run only on some paths" in message


def test_a_create_in_a_loop_over_rows_may_run_no_times(tmp_path, monkeypatch):
    script = """\
    $vmList = Import-Csv .\\virtualMachines.csv
    foreach ($vm in $vmList) {
        New-AzureQuickVM -Windows -ServiceName $vm.vmName -Name $vm.vmName -ImageName $image -Location $vm.vmlocation
    }
    """
    message = _message(tmp_path, monkeypatch, "Deploy-AzureVMs.ps1", script)
    assert "under a condition or in a loop that may run no times" in message


PACKAGE_QUERIES = {
    "publish.ps1": (
        """\
        Get-AzureDeployment -ServiceName "contoso-web" -Slot Production
        New-AzureDeployment -ServiceName "contoso-web" -Slot Production -Package $p -Configuration $c
        """,
        "Get-AzureDeployment → Get-AzWebApp (App Service), Get-AzContainerApp or Get-AzAksCluster",
    ),
    "publish.py": (
        """\
        from azure.servicemanagement import ServiceManagementService
        sms = ServiceManagementService("sub", "mgmt.pem")
        sms.get_deployment_by_name("contoso-web", "contoso-web")
        sms.create_deployment("contoso-web", "production", "contoso-web", "https://a/p.cspkg", "l", "<c/>")
        """,
        "get_deployment_by_name → WebSiteManagementClient.web_apps.get",
    ),
}


@pytest.mark.parametrize("name", sorted(PACKAGE_QUERIES))
def test_a_deployment_query_beside_a_package_deploy_moves_to_the_roles_new_platform(
    tmp_path, monkeypatch, name
):
    text, expected = PACKAGE_QUERIES[name]
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG601")
    (finding,) = result.findings
    assert expected in finding.fix
    assert "a migrated deployment's VMs" not in finding.fix


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("report.ps1", 'Get-AzureDeployment -ServiceName "contoso-app" -Slot Production\n', "Get-AzVM"),
        (
            "report.py",
            "from azure.servicemanagement import ServiceManagementService\n"
            'sms = ServiceManagementService("sub", "mgmt.pem")\n'
            'sms.get_deployment_by_name("contoso-app", "contoso-app")\n',
            "get_deployment_by_name → ComputeManagementClient.virtual_machines.list",
        ),
    ],
)
def test_a_deployment_query_alone_moves_to_its_vms(tmp_path, monkeypatch, name, text, expected):
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG601")
    (finding,) = result.findings
    assert expected in finding.fix
    assert "a migrated deployment's VMs are in its resource group" in finding.fix


def test_a_script_that_names_no_resource_stops_working_once_what_it_manages_is_migrated(
    tmp_path, monkeypatch
):
    script = """\
    param([string]$ServiceName)
    Get-AzureVM -ServiceName $ServiceName | Stop-AzureVM -Force
    """
    message = _message(tmp_path, monkeypatch, "Backup-AzureCloudServiceVMs.ps1", script)
    assert message.endswith(
        "it stops working once the classic resources it manages are migrated to Resource Manager"
    )
    assert "these resources" not in message
