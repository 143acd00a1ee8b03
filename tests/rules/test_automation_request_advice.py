"""MIG602's advice names the request the script's own API would send."""

from __future__ import annotations

from lint_support import lint_files

DEPLOY = """\
from azure.servicemanagement import ServiceManagementService, ConfigurationSet
sms = ServiceManagementService("sub", "cert.pem")
net = ConfigurationSet()
net.subnet_names.append("front")
sms.create_virtual_machine_deployment(
    "app", "app-dep", "production", "app", "app01", None, None, net, virtual_network_name="prod"
)
"""

MIGRATE = """\
import requests
SUB = "0000-sub"
BASE = "https://management.core.windows.net/%s/services/hostedservices/app/deployments/app-dep/migration" % SUB
for op in ("validate", "prepare", "commit"):
    requests.post(BASE + "?comp=" + op, data="", cert=("c", "k"))
"""


def test_a_service_in_a_network_moved_alone_is_told_the_network_migration_request(tmp_path, monkeypatch):
    files = {"deploy.py": DEPLOY, "migrate.py": MIGRATE}
    findings = lint_files(tmp_path, monkeypatch, files, "MIG602").findings
    assert findings, "the cloud service in network 'prod' is moved on its own"
    for finding in findings:
        said = f"{finding.message} {finding.fix}"
        assert "POST .../services/networking/virtualnetwork/prod/migration?comp=Validate" in said
        assert "networking/prod/" not in said


def _mig601(tmp_path, monkeypatch, name: str, text: str):
    [finding] = lint_files(tmp_path, monkeypatch, {name: text}, "MIG601").findings
    return finding


def test_a_script_managing_only_services_the_migration_does_not_move_is_told_their_modules(
    tmp_path, monkeypatch
):
    finding = _mig601(
        tmp_path,
        monkeypatch,
        "misc.ps1",
        """
        Add-AzureAccount
        Select-AzureSubscription -SubscriptionName "prod"
        New-AzureSqlDatabaseServer -Location "West Europe" -AdministratorLogin a -AdministratorLoginPassword p
        New-AzureWebsite -Name "shop" -Location "West Europe"
        New-AzureSBNamespace -Name "bus" -Location "West Europe"
        """,
    )
    assert "for SQL Database, App Service (websites) and Service Bus, which the migration" in finding.message
    assert "once the classic resources it manages are migrated" not in finding.message
    assert finding.fix.endswith("for the other calls, the Az module (Az.Sql, Az.Websites, Az.ServiceBus).")
    assert "Az.Compute" not in finding.fix


def test_a_script_managing_vms_and_a_database_is_told_both_modules(tmp_path, monkeypatch):
    finding = _mig601(
        tmp_path,
        monkeypatch,
        "misc.ps1",
        """
        Get-AzureVM -ServiceName "svc" | Stop-AzureVM -Force
        Get-AzureSqlDatabaseServer
        """,
    )
    assert "once the classic resources it manages are migrated" in finding.message
    assert "Az.Compute, Az.Network, Az.Storage, Az.Resources, Az.Sql)" in finding.fix


def test_a_python_script_of_the_sql_database_client_is_told_its_package(tmp_path, monkeypatch):
    finding = _mig601(
        tmp_path,
        monkeypatch,
        "db.py",
        """
        from azure.servicemanagement import SqlDatabaseManagementService
        sql = SqlDatabaseManagementService("sub", "cert.pem")
        sql.create_server("admin", "pw", "West Europe")
        """,
    )
    assert "for SQL Database, which the migration of IaaS resources does not move" in finding.message
    assert finding.fix == "Rewrite it for Resource Manager, with the azure-mgmt-sql client."


def test_a_python_script_of_both_clients_is_told_every_package(tmp_path, monkeypatch):
    finding = _mig601(
        tmp_path,
        monkeypatch,
        "both.py",
        """
        from azure.servicemanagement import ServiceManagementService, SqlDatabaseManagementService
        sms = ServiceManagementService("sub", "cert.pem")
        sms.list_hosted_services()
        sql = SqlDatabaseManagementService("sub", "cert.pem")
        sql.create_server("admin", "pw", "West Europe")
        """,
    )
    assert "once the classic resources it manages are migrated" in finding.message
    assert "azure-mgmt-resource and azure-mgmt-sql clients" in finding.fix


def test_looking_up_regions_and_sizes_manages_no_iaas_resource(tmp_path, monkeypatch):
    finding = _mig601(
        tmp_path,
        monkeypatch,
        "bus.ps1",
        """
        $region = (Get-AzureLocation | Select-Object -First 1).Name
        New-AzureSBNamespace -Name "bus" -Location $region
        """,
    )
    assert "for Service Bus, which the migration of IaaS resources does not move" in finding.message
    assert "Az.Compute" not in finding.fix


def test_a_script_of_azure_scheduler_is_told_it_was_retired_and_what_replaced_it(tmp_path, monkeypatch):
    finding = _mig601(
        tmp_path,
        monkeypatch,
        "jobs.ps1",
        """
        New-AzureSchedulerJobCollection -JobCollectionName "jc" -Location "West US"
        New-AzureSchedulerHttpJob -JobCollectionName "jc" -JobName "ping" -Method GET -URI "http://x" -Location "West US"
        """,
    )
    assert "for Azure Scheduler, which the migration of IaaS resources does not move" in finding.message
    assert "retired on 2022-01-31, so its calls fail today (Azure Logic Apps replaces it)" in finding.message
    assert "the classic API is deprecated" not in finding.message
    assert finding.fix == "Rewrite it for Resource Manager, with the Az module (Az.LogicApp)."


def test_a_python_script_of_the_scheduler_client_is_told_the_same(tmp_path, monkeypatch):
    finding = _mig601(
        tmp_path,
        monkeypatch,
        "jobs.py",
        """
        from azure.servicemanagement import SchedulerManagementService
        jobs = SchedulerManagementService("sub", "cert.pem")
        jobs.create_job_collection("cs", "jc")
        """,
    )
    assert "for Azure Scheduler" in finding.message and "2022-01-31" in finding.message
    assert finding.fix == "Rewrite it for Resource Manager, with the azure-mgmt-logic client."


def test_a_script_of_a_service_retired_without_successor_is_told_to_remove_its_calls(tmp_path, monkeypatch):
    finding = _mig601(
        tmp_path,
        monkeypatch,
        "media.ps1",
        """
        Add-AzureAccount
        New-AzureMediaServicesAccount -Name "media" -StorageAccountName "st" -Location "West US"
        """,
    )
    assert "Azure Media Services was retired on 2024-06-30" in finding.message
    assert finding.fix == "Remove these calls: nothing in Azure replaces Azure Media Services."


def test_a_script_of_vms_and_a_retired_service_is_told_both(tmp_path, monkeypatch):
    finding = _mig601(
        tmp_path,
        monkeypatch,
        "mixed.ps1",
        """
        Get-AzureVM -ServiceName "svc" | Stop-AzureVM -Force
        New-AzureRemoteAppCollection -CollectionName "apps" -ImageName "img" -Plan "Basic" -Location "West US"
        New-AzureMediaServicesAccount -Name "media" -StorageAccountName "st" -Location "West US"
        """,
    )
    assert "once the classic resources it manages are migrated to Resource Manager; Azure RemoteApp" in (
        finding.message
    )
    assert "(Azure Virtual Desktop replaces Azure RemoteApp; nothing in Azure replaces" in finding.message
    assert "Az.DesktopVirtualization" in finding.fix
    assert finding.fix.endswith("Remove the calls of Azure Media Services: nothing in Azure replaces it.")


def test_automation_and_site_recovery_cmdlets_are_not_iaas(tmp_path, monkeypatch):
    finding = _mig601(
        tmp_path,
        monkeypatch,
        "ops.ps1",
        """
        Get-AzureAutomationAccount
        Get-AzureSiteRecoveryVM
        """,
    )
    assert "for Azure Automation and Azure Site Recovery, which the migration" in finding.message
    assert "Az.Automation" in finding.fix and "Az.RecoveryServices" in finding.fix
    assert "Az.Compute" not in finding.fix
