"""A package a script deploys from its path (New-AzureDeployment, Set-AzureDeployment -Upgrade,
Publish-AzureServiceProject) is uploaded to the subscription's current storage account
(`Set-AzureSubscription -CurrentStorageAccountName`), a classic account the deployment needs, which the plan
migrates on its own as a publish profile's `AzureStorageAccountName`; Publish-AzureServiceProject takes its
`-StorageAccountName` first. A package already in a blob (`-Package https://…`) is uploaded nowhere."""

from __future__ import annotations

import pytest

from migcheck.model import StorageAccountType
from tests.lint_support import script_resources

_CURRENT = "Set-AzureSubscription -SubscriptionName 'sub' -CurrentStorageAccountName 'pkgstore'\n"


def _accounts(text: str) -> list[str]:
    return [r.name for r in script_resources(text, "deploy.ps1") if isinstance(r, StorageAccountType)]


@pytest.mark.parametrize(
    "deploy",
    [
        "New-AzureDeployment -ServiceName 'web1' -Slot Production -Package app.cspkg -Configuration app.cscfg",
        "Set-AzureDeployment -Upgrade -ServiceName 'web1' -Package .\\app.cspkg -Configuration app.cscfg",
        "Publish-AzureServiceProject -ServiceName web1",
    ],
)
def test_the_current_storage_account_a_package_is_uploaded_to_is_a_storage_account(deploy):
    assert _accounts(_CURRENT + deploy + "\n") == ["pkgstore"]


def test_an_account_set_with_the_parameter_s_name_shortened_after_a_selection_is_it():
    selected = "Select-AzureSubscription -SubscriptionName 'sub'\n"
    current = "Set-AzureSubscription -SubscriptionName 'sub' -CurrentStorageAccount 'pkgstore'\n"
    deploy = "New-AzureDeployment -ServiceName 'web1' -Package app.cspkg -Configuration app.cscfg\n"
    assert _accounts(selected + current + deploy) == ["pkgstore"]


def test_the_account_publish_names_is_the_one_it_uploads_to():
    deploy = "Publish-AzureServiceProject -ServiceName web1 -StorageAccountName pubstore\n"
    assert _accounts(_CURRENT + deploy) == ["pubstore"]


def test_a_package_in_a_blob_is_uploaded_to_no_account():
    package = "https://other.blob.core.windows.net/packages/app.cspkg"
    deploy = f"New-AzureDeployment -ServiceName 'web1' -Package {package} -Configuration app.cscfg\n"
    assert _accounts(_CURRENT + deploy) == []


def test_a_deployment_configured_again_uploads_nothing():
    deploy = "Set-AzureDeployment -Config -ServiceName 'web1' -Slot Production -Configuration app.cscfg\n"
    assert _accounts(_CURRENT + deploy) == []
