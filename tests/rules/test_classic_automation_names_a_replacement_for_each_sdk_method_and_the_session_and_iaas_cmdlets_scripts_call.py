"""MIG601's fix names what replaces each classic call, where Resource Manager has one: every method of the
Service Management SDK's client, every cmdlet of the classic module for what the migration moves (VMs,
their disks and extensions, networks, gateways, storage accounts) or for signing in, and the classic CLI's
lookups. Those left out got only "for the other calls, the Az module (Az.Compute, ...)": a settings file
whose one classic call is `New-AzureDns` was told nothing it could act on, and an SDK script that polls
`get_operation_status` after each call was not told of the pollers that replace it."""

from __future__ import annotations

import re

import pytest
from lint_support import lint_files

from migcheck.automation import POWERSHELL, PYTHON, replacement
from migcheck.readers.powershell_cmdlets import CLASSIC
from migcheck.readers.python_flow import CLASSIC_METHODS

GENERIC = "for the other calls, the Az module"


def test_every_method_of_the_sdk_s_client_has_a_replacement():
    assert sorted(name for name in CLASSIC_METHODS if not replacement("Python", name)) == []
    assert all(PYTHON[name] for name in CLASSIC_METHODS)


# A deployment estate's own shapes: settings dot-sourced by its other scripts, an affinity group made if
# missing, the sign-in that clears old accounts first, a VM reached over WinRM.
SETTINGS = """\
function Settings()
{
    $dnsSettings = New-AzureDns -Name "BackDNS" -IPAddress "10.10.0.4"
}
"""
AFFINITY = """\
function AffinityGroup()
{
    $affinityGroup = Get-AzureAffinityGroup -Name $affinityGroupName
    if ($affinityGroup -eq $null)
    {
        New-AzureAffinityGroup -Name $affinityGroupName -Location $location
    }
}
"""
AUTH = """\
Get-AzureAccount | ForEach-Object { Remove-AzureAccount $_.Id -Force }
Get-AzurePublishSettingsFile
Import-AzurePublishSettingsFile -PublishSettingsFile $publishSettings
Get-AzureVM -ServiceName "app" -Name "vm1"
$uri = Get-AzureWinRMUri -ServiceName "app" -Name "vm1"
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (SETTINGS, ["New-AzureDns → the DNS servers of a network (New-AzVirtualNetwork -DnsServer)"]),
        (AFFINITY, ["Get-AzureAffinityGroup → Get-AzProximityPlacementGroup"]),
        (
            AUTH,
            [
                "Get-AzureAccount → Get-AzContext",
                "Remove-AzureAccount → Disconnect-AzAccount",
                "Get-AzurePublishSettingsFile → Connect-AzAccount (Resource Manager has no publish settings files)",
                "Get-AzureWinRMUri → Get-AzPublicIpAddress",
            ],
        ),
    ],
    ids=["dns-settings", "affinity-group", "sign-in"],
)
def test_a_script_s_session_dns_and_affinity_cmdlets_are_each_mapped(tmp_path, monkeypatch, text, expected):
    (finding,) = lint_files(tmp_path, monkeypatch, {"deploy.ps1": text}, "MIG601", dedent=False).findings
    for mapped in expected:
        assert mapped in finding.fix
    assert GENERIC not in finding.fix


def test_an_sdk_script_that_polls_each_operation_is_told_of_the_pollers(tmp_path, monkeypatch):
    text = (
        "from azure.servicemanagement import ServiceManagementService\n\n"
        'sms = ServiceManagementService("sub", "cert.pem")\n'
        'result = sms.create_storage_account("acct", "d", "l", location="West US")\n'
        "sms.wait_for_operation_status(result.request_id)\n"
        "for group in sms.list_affinity_groups():\n    print(group.name)\n"
    )
    (finding,) = lint_files(tmp_path, monkeypatch, {"deploy.py": text}, "MIG601", dedent=False).findings
    assert (
        "wait_for_operation_status → the poller a begin_* call of the azure-mgmt-* clients returns"
        in finding.fix
    )
    assert (
        "list_affinity_groups → ComputeManagementClient.proximity_placement_groups.list_by_subscription"
        in finding.fix
    )
    assert "for the other calls" not in finding.fix


def test_a_classic_cli_script_s_lookups_are_each_mapped(tmp_path, monkeypatch):
    text = (
        "#!/bin/bash\n"
        "azure config mode asm\n"
        "azure account affinity-group show myag\n"
        "azure vm image list\n"
        "azure vm location list\n"
        "azure network vnet show net1\n"
        "azure storage account keys list acct\n"
        "azure service cert create svc1 cert.pfx\n"
    )
    (finding,) = lint_files(tmp_path, monkeypatch, {"deploy.sh": text}, "MIG601", dedent=False).findings
    for mapped in (
        "azure account affinity-group show → az ppg show",
        "azure vm image list → az vm image list (Marketplace images) or az image list",
        "azure vm location list → az account list-locations",
        "azure network vnet show → az network vnet show",
        "azure storage account keys list → az storage account keys list",
        "azure service cert create → az keyvault certificate import",
    ):
        assert mapped in finding.fix
    assert "for the other calls" not in finding.fix


# The nouns of the classic module's cmdlets that manage what the migration moves (VMs, their disks,
# extensions and endpoints, networks and their gateways, storage accounts) or sign in to do so.
IAAS_NOUNS = re.compile(
    r"-Azure(VM|Disk|Endpoint|Acl|Subnet|StaticVNetIP|VNet|VirtualNetwork|LocalNetwork|ReservedIP|PublicIP"
    r"|VirtualIP|InternalLoadBalancer|NetworkSecurity|Route|IPForwarding|Dns|AvailabilitySet|NetworkInterface"
    r"|AffinityGroup|StorageAccount|StorageKey|Account|Subscription|Certificate|OSDisk|DataDisk|Vhd|SSHKey"
    r"|ProvisioningConfig|Quick)"
)
# Those left: the migration's own cmdlets, which no script keeps once it has run, and the few with no
# counterpart in Resource Manager (a gateway's diagnostics log, a reset of a local site or a connection).
NO_COUNTERPART = frozenset(
    {
        "Get-AzureVNetGatewayDiagnostics",
        "Get-AzureVirtualNetworkGatewayDiagnostics",
        "Reset-AzureLocalNetworkGateway",
        "Reset-AzureVirtualNetworkGatewayConnection",
    }
)


def test_every_cmdlet_of_what_the_migration_moves_has_a_replacement():
    unmapped = [
        name
        for name in CLASSIC.values()
        if IAAS_NOUNS.search(name)
        and not name.startswith("Move-")
        and name not in NO_COUNTERPART
        and not replacement("PowerShell", name)
    ]
    assert unmapped == []


def test_each_table_names_calls_the_readers_report():
    assert [name for name in POWERSHELL if name.casefold() not in CLASSIC] == []
    assert [name for name in PYTHON if name not in CLASSIC_METHODS | {"ServiceManagementService"}] == []
