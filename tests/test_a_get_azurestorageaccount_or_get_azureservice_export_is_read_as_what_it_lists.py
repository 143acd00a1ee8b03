"""What `Get-AzureStorageAccount | ConvertTo-Json` and `Get-AzureService | ConvertTo-Json` write is read for
what the rules read of it, as a Resource Graph row's is: a storage account's type (a Premium account makes
the disks in it Premium, MIG205) and a step of the plan for it; a cloud service's region, which step 0's
quotas and the reserved IP's `-Location` name. Both exports used to be a note that migcheck does not read
them and that no rule reads their properties."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, run_cli
from test_plan_commands_follow_the_migration_walkthroughs import deployment

# A VM with boot diagnostics on, whose OS disk is in the account `fabrikamdisks`.
VM = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>db</Name>
  <RoleList>
    <Role>
      <RoleName>db01</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <OSVirtualHardDisk>
        <MediaLink>https://fabrikamdisks.blob.core.windows.net/vhds/db01-os.vhd</MediaLink>
      </OSVirtualHardDisk>
      <DebugSettings><BootDiagnosticsEnabled>true</BootDiagnosticsEnabled></DebugSettings>
    </Role>
  </RoleList>
</Deployment>
"""
AT_BOOT_DIAGNOSTICS = "MIG205 db.xml:10"


def _storage_account(name: str, account_type: str) -> dict:
    """A `StorageServicePropertiesOperationContext` as Windows PowerShell writes it."""
    return {
        "StorageAccountDescription": None,
        "AffinityGroup": None,
        "Location": "North Europe",
        "GeoPrimaryLocation": "North Europe",
        "GeoSecondaryLocation": "West Europe",
        "Label": name,
        "StorageAccountStatus": "Created",
        "StatusOfPrimary": "Available",
        "StatusOfSecondary": "Available",
        "Endpoints": [f"https://{name}.blob.core.windows.net/"],
        "AccountType": account_type,
        "LastGeoFailoverTime": None,
        "MigrationState": None,
        "StorageAccountName": name,
        "OperationDescription": "Get-AzureStorageAccount",
        "OperationId": "5e3b9d8c-7a61-4f1e-9c2d-0b4a6e8f1d3c",
        "OperationStatus": "Succeeded",
    }


def _service(name: str, location: str | None, affinity_group: str | None = None) -> dict:
    """A `HostedServiceDetailedContext` of Get-AzureService."""
    return {
        "ServiceName": name,
        "Url": f"https://management.core.windows.net/sub/services/hostedservices/{name}",
        "Label": name,
        "Description": None,
        "Location": location,
        "AffinityGroup": affinity_group,
        "Status": "Created",
        "DateModified": "2016-03-01T10:00:00Z",
        "DateCreated": "2015-06-01T10:00:00Z",
        "ExtendedProperties": {},
        "ReverseDnsFqdn": None,
        "WebWorkerRoleSizes": [],
        "VirtualMachineRoleSizes": [],
        "OperationDescription": "Get-AzureService",
        "OperationId": "7c6b5a49-3827-4615-a4b3-c2d1e0f9a8b7",
        "OperationStatus": "Succeeded",
    }


@pytest.mark.parametrize(
    ("account_type", "expected"), [("Premium_LRS", [AT_BOOT_DIAGNOSTICS]), ("Standard_GRS", []), (None, [])]
)
def test_a_premium_account_the_export_lists_makes_the_disks_in_it_premium(
    tmp_path, monkeypatch, account_type, expected
):
    accounts = [_storage_account("other", "Standard_LRS"), _storage_account("fabrikamdisks", account_type)]
    files = {"db.xml": VM, "exports/storage.json": json.dumps(accounts, indent=4)}
    found = lint_files(tmp_path, monkeypatch, files, "MIG205", dedent=False).findings
    assert [f"{f.code} {f.mark.path}:{f.mark.line}" for f in found] == expected


def test_the_export_is_checked_and_each_account_planned(tmp_path, monkeypatch, capsys):
    (tmp_path / "storage.json").write_text(json.dumps([_storage_account("s1", "Standard_GRS")], indent=2))
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(capsys, "check", ".")
    assert code == 0
    assert "does not read" not in out
    assert "s1 (the files name no disk or image in it)  Validation passed" in out
    code, out, _ = run_cli(capsys, "plan", ".")
    assert "1. Storage account: s1 [wave 1]" in out
    assert "Move-AzureStorageAccount -Prepare -StorageAccountName 's1'" in out


def test_a_cloud_service_the_export_lists_is_in_its_region(plan_of):
    services = [_service("svc1", "West Europe"), _service("svc2", None, "contoso-ag")]
    plan = plan_of({"svc1.xml": deployment("svc1", "vm1"), "exports/services.json": json.dumps(services)})
    [subscription] = plan.subscriptions  # type: ignore[attr-defined]
    assert "Get-AzVMUsage -Location 'westeurope'; Get-AzNetworkUsage -Location 'westeurope'" in (
        subscription.preamble.powershell
    )
    [step] = [s for s in plan.steps if s.name.startswith("svc1/")]  # type: ignore[attr-defined]
    assert "New-AzureReservedIP -ReservedIPName '<name>' -Location 'West Europe' -ServiceName 'svc1'" in (
        step.downtime
    )


def test_a_cloud_service_in_an_affinity_group_is_in_no_region_the_export_states(plan_of):
    plan = plan_of(
        {
            "svc2.xml": deployment("svc2", "vm2"),
            "exports/services.json": json.dumps(_service("svc2", None, "contoso-ag")),
        }
    )
    [step] = [s for s in plan.steps if s.name.startswith("svc2/")]  # type: ignore[attr-defined]
    assert "-Location '<region>' -ServiceName 'svc2'" in step.downtime
