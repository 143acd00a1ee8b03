"""MIG601's fix for the classic cmdlets that manage a deployed package's web/worker roles (enable its
diagnostics or remote desktop, scale a role, reimage an instance, swap the slots, list its role instances):
each is mapped to what does that job on the platforms the roles are rebuilt on, where the fix sent the user to
"the Az module (Az.Compute, Az.Network, Az.Storage, Az.Resources)", none of which does it. A script that only
serves such roles is rewritten for their new platform, not kept "until they are migrated": no migration
moves them."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.automation import MANAGES_RETIRED_ROLES, replacement

GENERIC = "the Az module (Az.Compute"
UNTIL_MIGRATED = "until they are migrated"
ROLES_LEAD = "Rewrite it for the platform its web/worker roles are rebuilt on, since no migration moves them"


@pytest.mark.parametrize("cmdlet", sorted(MANAGES_RETIRED_ROLES["PowerShell"]))
def test_every_cmdlet_that_manages_a_package_s_roles_has_a_replacement(cmdlet: str) -> None:
    assert replacement("PowerShell", cmdlet)


def test_a_diagnostics_extension_set_on_a_service_is_replaced_by_the_new_platform_s_diagnostics(
    tmp_path, monkeypatch
) -> None:
    # In the shape of a lab's 04-ConfigureWAD.ps1: the storage key, then the service's diagnostics.
    script = (
        '$key = (Get-AzureStorageKey -StorageAccountName "illdemo").Primary\n'
        '$ctx = New-AzureStorageContext -StorageAccountName "illdemo" -StorageAccountKey $key\n'
        'Set-AzureServiceDiagnosticsExtension -StorageContext $ctx -DiagnosticsConfigurationPath "d.wadcfgx" '
        '-ServiceName "illdemo" -Slot Production\n'
    )
    [finding] = lint_files(tmp_path, monkeypatch, {"04-ConfigureWAD.ps1": script}, "MIG601").findings
    assert "Set-AzureServiceDiagnosticsExtension → New-AzDiagnosticSetting (Azure Monitor)" in finding.fix
    assert "Add-AzVmssDiagnosticsExtension (a scale set)" in finding.fix
    assert GENERIC not in finding.fix


@pytest.mark.parametrize(
    ("name", "text", "replaced"),
    [
        (
            "EnableWAD.ps1",
            '$ctx = New-AzureStorageContext -StorageAccountName "diag" -StorageAccountKey $key\n'
            'Set-AzureServiceDiagnosticsExtension -StorageContext $ctx -DiagnosticsConfigurationPath "d.wadcfgx" '
            '-ServiceName "ILL-demo" -Slot "Production"\n',
            "Set-AzureServiceDiagnosticsExtension → New-AzDiagnosticSetting",
        ),
        (
            "scale.ps1",
            "Add-AzureAccount\n"
            'Select-AzureSubscription -SubscriptionName "prod"\n'
            'Set-AzureRole -ServiceName "shop" -Slot Production -RoleName "Web" -Count 4\n',
            "Set-AzureRole → Set-AzAppServicePlan -NumberofWorkers (App Service)",
        ),
        (
            "rdp.ps1",
            '$rdp = New-AzureServiceRemoteDesktopExtensionConfig -Credential $cred -Role "Web"\n'
            'Set-AzureServiceRemoteDesktopExtension -ServiceName "shop" -Credential $cred -Role "Web"\n',
            "App Service, Container Apps and AKS give their instances no remote desktop",
        ),
        (
            # In the shape of a deploying script that waits for its roles to be ready.
            "deploy.ps1",
            'New-AzureDeployment -ServiceName "dash" -Slot Production -Package "https://x/d.cspkg" '
            '-Configuration "c.cscfg"\n'
            '$instances = Get-AzureRole -ServiceName "dash" -Slot Production -InstanceDetails\n',
            "Get-AzureRole → Get-AzWebApp",
        ),
        (
            "deploy.py",
            "from azure.servicemanagement import ServiceManagementService\n"
            'sms = ServiceManagementService("sub", "mgmt.pem")\n'
            'sms.create_deployment("shop", "production", "v2", "https://x/shop.cspkg", "v2", "cfg")\n'
            'deployment = sms.get_deployment_by_slot("shop", "production")\n',
            "get_deployment_by_slot → WebSiteManagementClient.web_apps.get",
        ),
        (
            "swap.py",
            "from azure.servicemanagement import ServiceManagementService\n"
            'sms = ServiceManagementService("sub", "mgmt.pem")\n'
            'sms.swap_deployment("shop", "shop-prod", "shop-staging")\n',
            "swap_deployment → azure-mgmt-web",
        ),
    ],
)
def test_a_script_that_only_serves_web_or_worker_roles_is_rewritten_for_their_new_platform(
    tmp_path, monkeypatch, name, text, replaced
) -> None:
    [finding] = lint_files(tmp_path, monkeypatch, {name: text}, "MIG601").findings
    assert finding.fix.startswith(ROLES_LEAD)
    assert UNTIL_MIGRATED not in finding.fix
    assert replaced in finding.fix


def test_a_script_that_may_serve_vms_too_may_still_be_kept_until_they_are_migrated(
    tmp_path, monkeypatch
) -> None:
    # A cloud service it creates may hold VMs, which migrate: the script may serve them until then.
    script = (
        'New-AzureService -ServiceName "shop" -Location "West US"\n'
        'Set-AzureRole -ServiceName "shop" -Slot Production -RoleName "Web" -Count 4\n'
    )
    [finding] = lint_files(tmp_path, monkeypatch, {"shop.ps1": script}, "MIG601").findings
    assert not finding.fix.startswith(ROLES_LEAD)
    assert UNTIL_MIGRATED in finding.fix


@pytest.mark.parametrize(
    ("text", "replaced"),
    [
        (
            # In the shape of a deploying script that waits for its roles to be ready.
            'New-AzureDeployment -ServiceName "dash" -Slot Production -Package "https://x/d.cspkg" '
            '-Configuration "c.cscfg" -Name "DashDeployment"\n'
            '$instances = Get-AzureRole -ServiceName "dash" -Slot Production -InstanceDetails\n',
            "Get-AzureRole → Get-AzWebApp (App Service), Get-AzContainerApp or Get-AzAksCluster",
        ),
        (
            'Stop-AzureVM -ServiceName "jump" -Name "jump01" -Force\n'
            '$roles = Get-AzureRole -ServiceName "jump" -Slot Production -InstanceDetails\n',
            "Get-AzureRole → Get-AzVM -ResourceGroupName",
        ),
    ],
)
def test_a_role_listing_is_replaced_for_the_roles_or_the_vms_the_script_serves(
    tmp_path, monkeypatch, text, replaced
) -> None:
    [finding] = lint_files(tmp_path, monkeypatch, {"wait.ps1": text}, "MIG601").findings
    assert replaced in finding.fix
    assert GENERIC not in finding.fix


@pytest.mark.parametrize(
    ("text", "replaced"),
    [
        (
            'Remove-AzureDeployment -ServiceName "shop" -Slot Staging -Force\n',
            "Remove-AzureDeployment → Remove-AzVM for a deployment of VMs",
        ),
        ('Remove-AzureService -ServiceName "shop" -Force\n', "Remove-AzureService → Remove-AzResourceGroup"),
        ('Start-AzureService -ServiceName "shop" -Slot Production\n', "Start-AzureService → Start-AzWebApp"),
        ('Stop-AzureService -ServiceName "shop" -Slot Production\n', "Stop-AzureService → Stop-AzWebApp"),
    ],
)
def test_the_cmdlets_of_the_sdk_s_mapped_cloud_service_calls_are_mapped_too(
    tmp_path, monkeypatch, text, replaced
) -> None:
    # The SDK's delete_deployment, delete_hosted_service and update_deployment_status each have a replacement.
    [finding] = lint_files(tmp_path, monkeypatch, {"teardown.ps1": text}, "MIG601").findings
    assert replaced in finding.fix
    assert GENERIC not in finding.fix
