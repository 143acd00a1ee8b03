"""MIG601: a call that manages the web/worker roles a classic cloud service runs (upgrade its package, change
its configuration or status, swap its slots, scale or reimage its roles) manages Cloud Services (classic),
retired on 2024-08-31: it fails today, as a call that creates a cloud service does, where the message said it
stops working once its resources are migrated. Calls on VMs, and those a deployment of VMs takes too, keep
the VMs' wording."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.retirements import CLOUD_SERVICES_CLASSIC

RETIRED = f"since Cloud Services (classic) was retired on {CLOUD_SERVICES_CLASSIC}"
MIGRATED = "stop working once their resources are migrated to Resource Manager"

PY_HEAD = (
    "from azure.servicemanagement import ServiceManagementService\n"
    'sms = ServiceManagementService("sub", "mgmt.pem")\n'
)


@pytest.mark.parametrize(
    ("name", "text", "calls"),
    [
        (
            "upgrade.ps1",
            'Set-AzureDeployment -Upgrade -ServiceName "shop" -Package "shop.cspkg" '
            '-Configuration "ServiceConfiguration.Cloud.cscfg" -Slot Production\n',
            "(Set-AzureDeployment)",
        ),
        ("swap.ps1", 'Move-AzureDeployment -ServiceName "shop"\n', "(Move-AzureDeployment)"),
        (
            "rdp.ps1",
            'Set-AzureServiceRemoteDesktopExtension -ServiceName "shop" -Credential $cred -Role "Web"\n',
            "(Set-AzureServiceRemoteDesktopExtension)",
        ),
        (
            "scale.ps1",
            'Set-AzureRole -ServiceName "shop" -Slot Production -RoleName "Web" -Count 4\n',
            "(Set-AzureRole)",
        ),
        (
            "swap.py",
            PY_HEAD + 'sms.swap_deployment("shop", "shop-prod", "shop-staging")\n',
            "(swap_deployment)",
        ),
        (
            "upgrade.py",
            PY_HEAD
            + 'sms.upgrade_deployment("shop", "shop-prod", "auto", "https://x/shop.cspkg", "cfg", "v2", False)\n',
            "(upgrade_deployment)",
        ),
    ],
)
def test_a_call_that_manages_a_cloud_service_s_roles_fails_today(
    tmp_path, monkeypatch, name, text, calls
) -> None:
    [finding] = lint_files(tmp_path, monkeypatch, {name: text}, "MIG601").findings
    assert (
        f"its calls that manage a classic cloud service's deployed roles {calls} fail today, {RETIRED}"
        in (finding.message)
    )


def test_beside_creating_calls_and_calls_on_vms_each_is_said_as_its_own(tmp_path, monkeypatch) -> None:
    script = (
        'New-AzureDeployment -ServiceName "shop" -Package "shop.cspkg" -Configuration "c.cscfg" -Slot Staging\n'
        'Move-AzureDeployment -ServiceName "shop"\n'
        'Stop-AzureVM -ServiceName "jump" -Name "jump01" -Force\n'
    )
    [finding] = lint_files(tmp_path, monkeypatch, {"release.ps1": script}, "MIG601").findings
    assert (
        "its calls that create classic cloud services (New-AzureDeployment) and those that manage a classic "
        f"cloud service's deployed roles (Move-AzureDeployment) fail today, {RETIRED}, and the others {MIGRATED}"
    ) in finding.message


@pytest.mark.parametrize(
    "text",
    [
        'Stop-AzureVM -ServiceName "jump" -Name "jump01" -Force\n',  # starting one fails today (MIG601)
        'Remove-AzureDeployment -ServiceName "jump" -Slot Production -Force\n',  # a deployment of VMs too
    ],
)
def test_a_call_a_deployment_of_vms_takes_keeps_the_vms_wording(tmp_path, monkeypatch, text) -> None:
    [finding] = lint_files(tmp_path, monkeypatch, {"ops.ps1": text}, "MIG601").findings
    assert "fail today" not in finding.message
    assert "stops working once the classic resources it manages are migrated" in finding.message
