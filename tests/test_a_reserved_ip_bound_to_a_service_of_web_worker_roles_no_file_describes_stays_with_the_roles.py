"""A reserved IP bound to a cloud service no file describes, where a script shows that service holds
web/worker roles (it deploys a service package there and removes the deployment again, or sets a service
extension on it), does not move with the service: no migration moves such roles. Its plan step says so, by
the call that shows them, and how to keep its address (free it, then move it on its own), where it spoke of
the VMs Prepare stops. A service the files show nothing of keeps the wording of VMs."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.plan import build_plan

RESERVE = 'New-AzureReservedIP -ReservedIPName ip1 -Location "West US" -ServiceName svcX\n'

DEPLOY_AND_REMOVE = (
    'New-AzureDeployment -ServiceName svcX -Slot Staging -Package "https://a.blob.core.windows.net/p/app.cspkg" '
    '-Configuration "$PSScriptRoot\\ServiceConfiguration.Cloud.cscfg"\n'
    "Move-AzureDeployment -ServiceName svcX\n"
    "Remove-AzureDeployment -ServiceName svcX -Slot Staging -Force\n"
    "Remove-AzureDeployment -ServiceName svcX -Slot Production -Force\n"
)

EXTENSION = (
    "$x = [xml](Get-Content .\\antimalware.xml)\n"
    "Set-AzureServiceAntimalwareExtension -ServiceName svcX -AntimalwareConfiguration $x\n"
)


def _step(tmp_path, monkeypatch, files: dict[str, str]):
    result = lint_files(tmp_path, monkeypatch, {"reserve.ps1": RESERVE, **files}, dedent=False)
    return {step.id: step for step in build_plan(result).steps}["reserved-ip:ip1"]


def test_a_service_a_script_deploys_a_package_to_has_roles_that_keep_the_reserved_ip(tmp_path, monkeypatch):
    step = _step(tmp_path, monkeypatch, {"deploy.ps1": DEPLOY_AND_REMOVE})
    assert "holds web/worker roles (New-AzureDeployment, deploy.ps1:1)" in step.downtime
    assert "VMs" not in step.downtime and "during Prepare" not in step.downtime
    # Freed and moved on its own in the words of the step of a service the files describe.
    assert step.downtime.endswith(
        "To keep its address, free it (Remove-AzureReservedIPAssociation) when the service rebuilt from the "
        "roles is ready to take the traffic (the roles are reached at another address from then), then move "
        "it on its own (Move-AzureReservedIP -Validate, -Prepare, -Commit -ReservedIPName 'ip1')."
    )
    assert "whose web/worker roles (New-AzureDeployment, deploy.ps1:1) do not move" in step.moves[0]


def test_a_service_extension_shows_the_roles_too(tmp_path, monkeypatch):
    step = _step(tmp_path, monkeypatch, {"ext.ps1": EXTENSION})
    assert "holds web/worker roles (Set-AzureServiceAntimalwareExtension, ext.ps1:2)" in step.downtime


def test_a_service_the_files_show_nothing_of_is_said_as_vms(tmp_path, monkeypatch):
    step = _step(tmp_path, monkeypatch, {})
    assert step.downtime.startswith("As the migration of cloud service 'svcX' has it")
    assert "VMs in none are stopped, deallocated and started again during Prepare" in step.downtime
    assert "with cloud service 'svcX'" in step.moves[0]
