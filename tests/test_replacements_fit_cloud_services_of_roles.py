"""MIG601 names what replaces each classic call: a cloud service of web/worker roles is not a resource group,
and a call that changes a deployment that exists is not replaced by one that creates an app."""

from __future__ import annotations

from migcheck.automation import replacement


def test_a_new_cloud_service_names_the_platforms_web_and_worker_roles_move_to() -> None:
    advice = replacement("PowerShell", "New-AzureService")
    assert "New-AzResourceGroup for a cloud service of VMs" in advice
    assert "for web/worker roles New-AzWebApp (App Service)" in advice


def test_changing_a_deployment_is_replaced_by_commands_that_change_an_app() -> None:
    advice = replacement("PowerShell", "Set-AzureDeployment")
    assert advice.startswith("Set-AzWebApp, Start-AzWebApp or Stop-AzWebApp")
    assert "New-Az" not in advice


def test_creating_a_deployment_still_names_the_platforms_that_create_one() -> None:
    assert replacement("PowerShell", "New-AzureDeployment").startswith("New-AzWebApp (App Service)")
