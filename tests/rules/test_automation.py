"""MIG601 beyond its examples: what the message says is true today, for scripts that create classic
resources (which fails since the retirements) and for scripts that only read or change them."""

from __future__ import annotations

from pathlib import Path

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plugins import load_rules

RULES = load_rules(entry_points=False)


def _messages(tmp_path: Path, monkeypatch, name: str, text: str) -> list[str]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return [f.message for f in lint(["."], Config(select=("MIG601",)), RULES).findings]


def test_a_script_that_creates_classic_vms_is_said_to_fail_today(tmp_path: Path, monkeypatch):
    (message,) = _messages(
        tmp_path,
        monkeypatch,
        "deploy.ps1",
        'Get-AzureVM -ServiceName "app"\nNew-AzureQuickVM -Windows -ServiceName "app" -Name "vm1" -ImageName $i\n',
    )
    assert "calls that create classic VMs (New-AzureQuickVM) fail today" in message
    assert "since IaaS VMs (classic) were retired on 2023-09-06, and the others" in message
    assert message.endswith(
        "and the others stop working once their resources are migrated to Resource Manager"
    )


def test_a_script_that_only_creates_names_no_others(tmp_path: Path, monkeypatch):
    script = 'New-AzureQuickVM -Windows -ServiceName "app" -Name "vm1" -ImageName $i -Location "East US"\n'
    (message,) = _messages(tmp_path, monkeypatch, "deploy.ps1", script)
    assert message.endswith("IaaS VMs (classic) were retired on 2023-09-06")


def test_the_message_names_what_the_failing_calls_create_and_when_that_was_retired(
    tmp_path: Path, monkeypatch
):
    script = (
        'New-AzureStorageAccount -StorageAccountName "store" -Location "East US"\n'
        'New-AzureService -ServiceName "app" -Location "East US"\n'
        'New-AzureQuickVM -Windows -ServiceName "app" -Name "vm1" -ImageName $i\n'
    )
    (message,) = _messages(tmp_path, monkeypatch, "deploy.ps1", script)
    assert message.endswith(
        "its calls that create classic VMs, cloud services and storage accounts (New-AzureStorageAccount, "
        "New-AzureService, New-AzureQuickVM) fail today, since IaaS VMs (classic) were retired on 2023-09-06 "
        "and Cloud Services (classic) and classic storage accounts on 2024-08-31"
    )


def test_a_reserved_ip_is_not_among_the_creates_that_fail(tmp_path: Path, monkeypatch):
    """Reserving a cloud service's VIP (`New-AzureReservedIP -ServiceName`) is what the plan asks before
    Prepare: no retirement ends it, nor a network configuration, gateway, affinity group or registered disk."""
    script = (
        'New-AzureReservedIP -ReservedIPName "ip1" -Location "East US"\n'
        'New-AzureAffinityGroup -Name "ag" -Location "East US"\n'
        'New-AzureVNetGateway -VNetName "net"\n'
        'Add-AzureDisk -DiskName "d1" -MediaLocation "https://store.blob.core.windows.net/vhds/d1.vhd"\n'
        'New-AzureVM -ServiceName "app" -VMs $vm -ReservedIPName "ip1"\n'
    )
    (message,) = _messages(tmp_path, monkeypatch, "deploy.ps1", script)
    assert "its calls that create classic VMs (New-AzureVM) fail today" in message
    alone = tmp_path / "alone"
    alone.mkdir()
    (only,) = _messages(alone, monkeypatch, "reserve.ps1", script.rpartition("New-AzureVM")[0])
    assert "fail today" not in only


def test_a_python_script_that_creates_a_deployment_is_said_to_fail_today(tmp_path: Path, monkeypatch):
    text = (
        "from azure.servicemanagement import ServiceManagementService\n"
        "sms = ServiceManagementService('sub', 'cert.pem')\n"
        "sms.create_hosted_service('app', 'app', location='West Europe')\n"
    )
    (message,) = _messages(tmp_path, monkeypatch, "provision.py", text)
    assert (
        "its calls that create classic cloud services (create_hosted_service) fail today, since Cloud Services "
        "(classic) was retired on 2024-08-31, and the others" in message
    )


def test_a_script_that_only_reads_stops_working_once_migrated(tmp_path: Path, monkeypatch):
    (message,) = _messages(tmp_path, monkeypatch, "report.ps1", 'Get-AzureVM -ServiceName "app"\n')
    assert message.endswith(
        "it stops working once the classic resources it manages are migrated to Resource Manager"
    )
    assert "fail today" not in message


def test_a_cloud_service_in_a_virtual_network_moved_on_its_own(tmp_path: Path, monkeypatch):
    hosted = """\
<HostedService xmlns="http://schemas.microsoft.com/windowsazure">
  <ServiceName>svc1</ServiceName>
  <Deployments><Deployment>
    <Name>svc1-prod</Name>
    <RoleList><Role><RoleName>vm1</RoleName><RoleType>PersistentVMRole</RoleType></Role></RoleList>
    <VirtualNetworkName>prodvnet</VirtualNetworkName>
  </Deployment></Deployments>
</HostedService>
"""
    (tmp_path / "hosted.xml").write_text(hosted, encoding="utf-8")
    runbook = (
        'Move-AzureService -Validate -ServiceName "svc1" -DeploymentName "svc1-prod" -CreateNewVirtualNetwork\n'
        'Move-AzureService -Prepare -ServiceName "svc1" -DeploymentName "svc1-prod" -CreateNewVirtualNetwork\n'
        'Move-AzureService -Validate -ServiceName "other" -DeploymentName "other" -CreateNewVirtualNetwork\n'
    )
    (tmp_path / "runbook.ps1").write_text(runbook, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    findings = lint(["."], Config(select=("MIG602",)), RULES).findings
    assert [(f.location.line, f.severity.name) for f in findings] == [(1, "ERROR")]
    assert "in virtual network 'prodvnet'" in findings[0].message
    assert findings[0].fix.startswith(
        "Migrate virtual network 'prodvnet' instead (Move-AzureVirtualNetwork -VirtualNetworkName 'prodvnet'"
    )


def test_a_prepare_validated_only_afterwards_is_told_apart(tmp_path, monkeypatch):
    runbook = (
        'Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "vnet"\n'
        'Move-AzureVirtualNetwork -Validate -VirtualNetworkName "vnet"\n'
        'Move-AzureStorageAccount -Prepare -StorageAccountName "data"\n'
    )
    (tmp_path / "runbook.ps1").write_text(runbook, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    findings = lint(["."], Config(select=("MIG602",)), RULES).findings
    # The Prepare is told it runs unvalidated; the Validate after it, of a network, is refused on its own.
    assert [f.message.partition("'")[2].partition("'")[2] for f in findings] == [
        ": this script validates it only after the Prepare",
        " between: the Prepare left it prepared, locked until it is committed or aborted, and the platform "
        "refuses a Validate of a resource in the Prepared state",
        ", although this script validates other resources",
    ]


def test_a_storage_account_prepared_first_is_an_error_only_when_it_holds_disks_of_vms_moved_later(
    tmp_path, monkeypatch
):
    """An account without disks of the VMs that move later migrates on its own: the script may be right,
    so it is a warning that says what to check; with the files showing the disks there, an error."""
    hosted = """\
<HostedService xmlns="http://schemas.microsoft.com/windowsazure">
  <ServiceName>svc1</ServiceName>
  <Deployments><Deployment>
    <Name>svc1</Name>
    <RoleList><Role><RoleName>vm1</RoleName><RoleType>PersistentVMRole</RoleType>
      <OSVirtualHardDisk><MediaLink>https://vhds1.blob.core.windows.net/vhds/vm1.vhd</MediaLink></OSVirtualHardDisk>
    </Role></RoleList>
  </Deployment></Deployments>
</HostedService>
"""
    (tmp_path / "hosted.xml").write_text(hosted, encoding="utf-8")
    runbook = "".join(
        f'Move-AzureStorageAccount -{step} -StorageAccountName "{account}"\n'
        for account in ("Vhds1", "logs")
        for step in ("Validate", "Prepare")
    )
    runbook += (
        'Move-AzureService -Validate -ServiceName "svc1" -DeploymentName "svc1" -CreateNewVirtualNetwork\n'
    )
    runbook += (
        'Move-AzureService -Prepare -ServiceName "svc1" -DeploymentName "svc1" -CreateNewVirtualNetwork\n'
    )
    (tmp_path / "runbook.ps1").write_text(runbook, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    findings = lint(["."], Config(select=("MIG602",)), RULES).findings
    assert [(f.location.line, f.severity.name) for f in findings] == [(2, "ERROR"), (4, "WARNING")]
    assert "storage account 'Vhds1' holds disks of its VMs" in findings[0].message
    assert "if storage account 'logs' holds disks of VMs that are still classic" in findings[1].message


def test_the_classic_cli_s_storage_account_prepare_needs_no_validate(tmp_path, monkeypatch):
    """The classic CLI has no validate-migration for storage accounts: its prepare-migration validates."""
    runbook = (
        'azure network vnet validate-migration "vnet1"\n'
        'azure network vnet prepare-migration "vnet1"\n'
        'azure network vnet commit-migration "vnet1"\n'
        'azure storage account prepare-migration "vhds1"\n'
        'azure storage account commit-migration "vhds1"\n'
        'Move-AzureStorageAccount -Prepare -StorageAccountName "vhds2"\n'
    )
    (tmp_path / "runbook.ps1").write_text(runbook, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    findings = lint(["."], Config(select=("MIG602",)), RULES).findings
    assert [(f.location.line, f.severity.name) for f in findings] == [(6, "WARNING")]


def test_a_step_on_a_name_the_script_does_not_state_is_not_out_of_order(tmp_path, monkeypatch):
    """A parameter may name the very service the script prepared."""
    runbook = (
        "param([string]$Name, [string]$Account)\n"
        'Move-AzureService -Validate -ServiceName "web" -DeploymentName "web" -CreateNewVirtualNetwork\n'
        'Move-AzureService -Prepare -ServiceName "web" -DeploymentName "web" -CreateNewVirtualNetwork\n'
        "Move-AzureService -Commit -ServiceName $Name -DeploymentName $Name\n"
        "Move-AzureStorageAccount -Prepare -StorageAccountName $Account\n"
        'Move-AzureService -Prepare -ServiceName "sql" -DeploymentName "sql" -CreateNewVirtualNetwork\n'
    )
    (tmp_path / "runbook.ps1").write_text(runbook, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    findings = lint(["."], Config(select=("MIG602",)), RULES).findings
    # The Commit of $Name is not out of order; the Prepare of $Account is reported as one no Validate of a
    # storage account precedes, and as one before a later service's Prepare.
    assert [(f.location.line, f.severity.name) for f in findings] == [
        (5, "WARNING"),
        (5, "WARNING"),
        (6, "WARNING"),
    ]
    assert "not preceded by a Validate of any storage account" in findings[0].message
    assert "if the storage account it names holds disks" in findings[1].message


def test_a_storage_account_prepared_before_a_later_service_whose_disks_it_holds_names_that_one(
    tmp_path, monkeypatch
):
    hosted = (
        '<HostedService xmlns="http://schemas.microsoft.com/windowsazure"><ServiceName>sql</ServiceName>'
        "<Deployments><Deployment><Name>sql</Name><RoleList><Role><RoleName>sql01</RoleName>"
        "<RoleType>PersistentVMRole</RoleType><OSVirtualHardDisk>"
        "<MediaLink>https://data1.blob.core.windows.net/vhds/sql01.vhd</MediaLink></OSVirtualHardDisk>"
        "</Role></RoleList></Deployment></Deployments></HostedService>\n"
    )
    (tmp_path / "hosted.xml").write_text(hosted, encoding="utf-8")
    runbook = 'Move-AzureStorageAccount -Prepare -StorageAccountName "data1"\n' + "".join(
        f'Move-AzureService -Prepare -ServiceName "{s}" -DeploymentName "{s}" -CreateNewVirtualNetwork\n'
        for s in ("web", "sql")
    )
    (tmp_path / "runbook.ps1").write_text(runbook, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (finding,) = lint(["."], Config(select=("MIG602",)), RULES).findings
    assert finding.severity.name == "ERROR"
    assert "comes before the Prepare of cloud service 'sql'" in finding.message


def test_a_reserved_ip_a_deployment_uses_is_not_moved_on_its_own(tmp_path: Path, monkeypatch):
    """Deep dive: reserved IPs associated with a load balancer migrate with the cloud service; only the
    unassociated ones move with Move-AzureReservedIP."""
    deployment = (
        '<Deployment xmlns="http://schemas.microsoft.com/windowsazure">\n'
        "  <Name>ftp</Name>\n"
        "  <RoleList><Role><RoleName>ftp01</RoleName><RoleType>PersistentVMRole</RoleType></Role></RoleList>\n"
        "  <VirtualNetworkName>prod-vnet</VirtualNetworkName>\n"
        "  <ReservedIPName>ftp-ip</ReservedIPName>\n"
        "</Deployment>\n"
    )
    (tmp_path / "ftp.deployment.xml").write_text(deployment, encoding="utf-8")
    runbook = 'Move-AzureReservedIP -ReservedIPName "{ip}" -Validate\nMove-AzureReservedIP -ReservedIPName "{ip}" -Prepare\n'
    (tmp_path / "migrate.ps1").write_text(runbook.format(ip="ftp-ip"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    findings = lint(["."], Config(select=("MIG602",)), RULES).findings
    assert [(f.location.path, f.location.line) for f in findings if f.location] == [("migrate.ps1", 1)]
    assert "takes reserved IP 'ftp-ip' on its own, but deployment 'ftp' uses it" in findings[0].message
    assert findings[0].fix.startswith("Leave the reserved IP to its cloud service's migration")
    (tmp_path / "migrate.ps1").write_text(runbook.format(ip="spare-ip"), encoding="utf-8")
    assert lint(["."], Config(select=("MIG602",)), RULES).findings == []


def test_a_reserved_ip_freed_first_or_attached_by_an_export(tmp_path: Path, monkeypatch):
    """A runbook that disassociates first may move the IP; an inventory export's attachment counts."""
    export = (
        '[{"id": "/subscriptions/s/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/'
        'reservedIps/web-rip", "name": "web-rip", "type": "microsoft.classicnetwork/reservedips", '
        '"location": "westeurope", "subscriptionId": "s", "properties": {"ipAddress": "40.1.2.3", '
        '"attachedTo": {"id": "/subscriptions/s/resourceGroups/web-svc/providers/'
        'Microsoft.ClassicCompute/domainNames/web-svc"}}}]'
    )
    (tmp_path / "reservedips.json").write_text(export, encoding="utf-8")
    move = 'Move-AzureReservedIP -ReservedIPName "web-rip" -Validate\n'
    (tmp_path / "move.ps1").write_text(move, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    [finding] = lint(["."], Config(select=("MIG602",)), RULES).findings
    assert "but cloud service 'web-svc' uses it" in finding.message
    freed = (
        'Remove-AzureReservedIPAssociation -ReservedIPName "web-rip" -ServiceName "web-svc" -Force\n' + move
    )
    (tmp_path / "move.ps1").write_text(freed, encoding="utf-8")
    assert lint(["."], Config(select=("MIG602",)), RULES).findings == []


def _order(tmp_path: Path, monkeypatch, name: str, text: str) -> list[str]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return [f.message for f in lint(["."], Config(select=("MIG602",)), RULES).findings]


def test_python_steps_a_helper_sends_to_a_path_with_an_unknown_subscription(tmp_path: Path, monkeypatch):
    """The caller's path keeps its known pieces around the subscription the script does not state."""
    script = """\
import os
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService(os.environ["SUB"], "cert.pem")


def run(path):
    for step in ("Validate", "Prepare", "Commit"):
        sms.perform_post(path + "/migration?comp=" + step, "")


run("/{0}/services/storageservices/{1}".format(os.environ["SUB"], "appdata01"))
run("/{0}/services/networking/virtualnetwork/{1}".format(os.environ["SUB"], "prod-vnet"))
"""
    messages = _order(tmp_path, monkeypatch, "migrate.py", script)
    assert len(messages) == 1
    assert "Prepare comes before the Prepare of virtual network 'prod-vnet'" in messages[0]
    assert "storage account 'appdata01'" in messages[0]


def test_the_classic_modules_automation_cmdlets_name_their_az_automation_counterparts(
    tmp_path: Path, monkeypatch
):
    (tmp_path / "parent.ps1").write_text(
        'Get-AzureAutomationAccount -Name "ops"\n'
        '$job = Start-AzureAutomationRunbook -AutomationAccountName "ops" -Name "child"\n'
        'Get-AzureAutomationRunbookDefinition -AutomationAccountName "ops" -Name "child"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    (finding,) = lint(["."], Config(select=("MIG601",)), RULES).findings
    assert "for Azure Automation, which the migration of IaaS resources does not move" in finding.message
    assert finding.fix.startswith(
        "Rewrite it for Resource Manager: Get-AzureAutomationAccount → Get-AzAutomationAccount; Start-AzureAutomationRunbook → "
        "Start-AzAutomationRunbook; Get-AzureAutomationRunbookDefinition → Export-AzAutomationRunbook."
    )


def test_a_script_that_creates_a_classic_circuit_is_told_to_move_it_first(tmp_path: Path, monkeypatch):
    """Classic ExpressRoute circuits must be in Resource Manager before the IaaS migration begins."""
    (tmp_path / "circuit.ps1").write_text(
        'New-AzureDedicatedCircuit -CircuitName "er1" -ServiceProviderName "Equinix" -Bandwidth 200 '
        '-Location "Silicon Valley"\n'
        'New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName "prod-vnet"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    (finding,) = lint(["."], Config(select=("MIG601",)), RULES).findings
    assert "Move-AzExpressRouteCircuit, before the networks it links migrate" in finding.fix
    assert "New-AzureDedicatedCircuitLink → New-AzVirtualNetworkGatewayConnection" in finding.fix


def test_a_python_runbook_is_told_its_own_api_for_the_network(tmp_path: Path, monkeypatch):
    hosted = (
        '<Deployment xmlns="http://schemas.microsoft.com/windowsazure"><Name>app</Name>'
        "<Url>http://app.cloudapp.net/</Url><RoleList><Role><RoleName>vm1</RoleName>"
        "<RoleType>PersistentVMRole</RoleType></Role></RoleList><VirtualNetworkName>prod</VirtualNetworkName>"
        "</Deployment>\n"
    )
    runbook = (
        "from azure.servicemanagement import ServiceManagementService\n"
        "sms = ServiceManagementService('sub', 'cert.pem')\n"
        "sms.perform_post('/sub/services/hostedservices/app/deployments/app/migration?comp=Validate', '')\n"
    )
    (tmp_path / "app.xml").write_text(hosted, encoding="utf-8")
    (tmp_path / "migrate.py").write_text(runbook, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (finding,) = lint(["."], Config(select=("MIG602",)), RULES).findings
    assert (
        "Validate takes cloud service 'app' on its own, but it is in virtual network 'prod'"
        in finding.message
    )
    assert (
        "POST .../services/networking/virtualnetwork/prod/migration?comp=Validate, then Prepare and Commit"
        in finding.fix
    )


def test_a_reserved_ip_of_web_worker_roles_is_freed_before_it_moves(tmp_path: Path, monkeypatch):
    """No migration moves web/worker roles (MIG101): their reserved IP can only go alone, once freed."""
    files = {
        "ServiceDefinition.csdef": (
            '<ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/'
            'ServiceDefinition"><WebRole name="Web" vmsize="Small"><Endpoints><InputEndpoint name="http" '
            'protocol="http" port="80"/></Endpoints></WebRole></ServiceDefinition>\n'
        ),
        "ServiceConfiguration.Cloud.cscfg": (
            '<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/'
            '10/ServiceConfiguration"><Role name="Web"><Instances count="2"/></Role><NetworkConfiguration>'
            '<AddressAssignments><ReservedIPs><ReservedIP name="shop-ip"/></ReservedIPs></AddressAssignments>'
            "</NetworkConfiguration></ServiceConfiguration>\n"
        ),
        "migrate.ps1": 'Move-AzureReservedIP -ReservedIPName "shop-ip" -Validate\n',
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (finding,) = lint(["."], Config(select=("MIG602",)), RULES).findings
    assert finding.fix.startswith("Free the reserved IP first (Remove-AzureReservedIPAssociation)")
    assert finding.message.endswith("move on their own (disassociate it first)")
