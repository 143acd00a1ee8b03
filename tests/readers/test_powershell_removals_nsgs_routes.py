"""A second script's removals, made to what another file describes, and the network security groups and
route tables scripts create.

A change to a VM that exists (`Get-AzureVM … | Remove-AzureEndpoint -Name n | Update-AzureVM`) takes the
endpoint of that name off the VM another file describes, with its ACL (MIG201), as `Remove-AzureDataDisk -LUN`
takes a data disk; `Remove-AzureNetworkInterfaceConfig -Name n` takes that interface and its subnet (MIG202).
`Remove-AzureReservedIPAssociation` frees the reserved IP of the service it names (MIG106), `Remove-AzureVM` and
`Remove-AzureService` delete what they name (MIG203). A removal that may not run, or of something else, or in
another service, leaves what it would remove.

`New-AzureNetworkSecurityGroup` and `New-AzureRouteTable` create resources of their own, which `migcheck plan`
moves on their own unless the script associates them with a subnet (`Set-AzureNetworkSecurityGroupToSubnet`,
`Set-AzureSubnetRouteTable`): then they are cloned with the network. Moving an associated one on its own is a
runbook error (MIG602)."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, where

from migcheck.model import Deployment, NetworkSecurityGroup, ReservedIp, RouteTable
from migcheck.plan import Plan
from migcheck.readers import read_document

HEADER = 'Import-Module Azure\nSelect-AzureSubscription -SubscriptionName "Fabrikam-Prod"\n'


def _findings(tmp_path, monkeypatch, files: dict[str, str], code: str) -> list[str]:
    return where(lint_files(tmp_path, monkeypatch, files, code, dedent=False).findings)


def _read(path: str, text: str) -> list[object]:
    doc = read_document(path, text.encode(), explicit=True)
    assert doc is not None
    return list(doc.resources)


def _may_not_run(statement: str) -> str:
    return "if ($cleanup) {\n" + statement + "}\n"


# --- an endpoint removed from a VM an export describes -------------------------------------------------

ACL = {"Rules": [{"Order": 100, "Action": "permit", "RemoteSubnet": "203.0.113.0/24"}]}


def _jump_vms() -> str:
    """`Get-AzureVM | ConvertTo-Json` of VM jump01 of fab-jump: RemoteDesktop has an ACL, PowerShell none."""
    endpoints = [
        {
            "LocalPort": 3389,
            "Name": "RemoteDesktop",
            "Port": 53389,
            "Protocol": "tcp",
            "EndpointAccessControlList": ACL,
        },
        {
            "LocalPort": 5986,
            "Name": "PowerShell",
            "Port": 5986,
            "Protocol": "tcp",
            "EndpointAccessControlList": None,
        },
    ]
    network = {
        "ConfigurationSetType": "NetworkConfiguration",
        "InputEndpoints": endpoints,
        "SubnetNames": ["mgmt"],
    }
    vm = {
        "ConfigurationSets": [network],
        "RoleName": "jump01",
        "RoleSize": "Medium",
        "RoleType": "PersistentVMRole",
    }
    context = {"DeploymentName": "fab-jump", "Name": "jump01", "ServiceName": "fab-jump", "VM": vm}
    context["VirtualNetworkName"] = "fab-vnet"
    return json.dumps([context], indent=4)


AT_ACL = "MIG201 jump-vms.json:16:29"
REMOVE_ENDPOINT = 'Get-AzureVM -ServiceName "{service}" -Name "jump01" | Remove-AzureEndpoint -Name "{name}" | Update-AzureVM\n'


def _mig201(tmp_path, monkeypatch, script: str) -> list[str]:
    files = {"jump-vms.json": _jump_vms(), "close-rdp.ps1": HEADER + script}
    return _findings(tmp_path, monkeypatch, files, "MIG201")


def test_the_export_alone_reports_the_acl(tmp_path, monkeypatch):
    assert _mig201(tmp_path, monkeypatch, "") == [AT_ACL]


def test_the_endpoint_that_carries_the_acl_removed_takes_it_along(tmp_path, monkeypatch):
    script = REMOVE_ENDPOINT.format(service="fab-jump", name="RemoteDesktop")
    assert _mig201(tmp_path, monkeypatch, script) == []


def test_the_endpoint_name_is_compared_as_the_platform_compares_names(tmp_path, monkeypatch):
    script = REMOVE_ENDPOINT.format(service="fab-jump", name="remotedesktop")
    assert _mig201(tmp_path, monkeypatch, script) == []


def test_another_endpoint_removed_leaves_the_acl(tmp_path, monkeypatch):
    script = REMOVE_ENDPOINT.format(service="fab-jump", name="PowerShell")
    assert _mig201(tmp_path, monkeypatch, script) == [AT_ACL]


def test_the_endpoint_removed_in_another_service_leaves_the_acl(tmp_path, monkeypatch):
    script = REMOVE_ENDPOINT.format(service="fab-other", name="RemoteDesktop")
    assert _mig201(tmp_path, monkeypatch, script) == [AT_ACL]


def test_a_removal_that_may_not_run_leaves_the_acl(tmp_path, monkeypatch):
    script = _may_not_run(REMOVE_ENDPOINT.format(service="fab-jump", name="RemoteDesktop"))
    assert _mig201(tmp_path, monkeypatch, script) == [AT_ACL]


def test_a_removal_of_an_endpoint_the_script_does_not_name_leaves_the_acl(tmp_path, monkeypatch):
    script = REMOVE_ENDPOINT.format(service="fab-jump", name="RemoteDesktop").replace(
        '"RemoteDesktop"', "$name"
    )
    assert _mig201(tmp_path, monkeypatch, script) == [AT_ACL]


def test_an_endpoint_added_again_with_an_acl_after_its_removal_is_reported_where_the_change_sets_it(
    tmp_path, monkeypatch
):
    script = (
        "$acl = New-AzureAclConfig\n"
        'Set-AzureAclConfig -AddRule -ACL $acl -Order 100 -Action permit -RemoteSubnet "198.51.100.0/24"\n'
        'Get-AzureVM -ServiceName "fab-jump" -Name "jump01" | Remove-AzureEndpoint -Name "RemoteDesktop" |\n'
        '    Add-AzureEndpoint -Name "RemoteDesktop" -Protocol tcp -LocalPort 3389 -PublicPort 53389 -ACL $acl |\n'
        "    Update-AzureVM\n"
    )
    assert _mig201(tmp_path, monkeypatch, script) == ["MIG201 close-rdp.ps1:6:98"]


def test_the_change_records_the_endpoints_it_removes():
    script = (
        'Get-AzureVM -ServiceName "fab-jump" -Name "jump01" | Remove-AzureEndpoint -Name "RemoteDesktop" |\n'
        '    Remove-AzureEndpoint "PowerShell" | Remove-AzureEndpoint -Name "remotedesktop" | Update-AzureVM\n'
    )
    (change,) = [r for d in _read("close.ps1", script) if isinstance(d, Deployment) for r in d.roles]
    assert change.changes_existing and change.removed_endpoints == ("RemoteDesktop", "PowerShell")


def test_an_endpoint_removed_from_a_vm_another_script_creates_takes_its_acl(tmp_path, monkeypatch):
    create = HEADER + (
        "$acl = New-AzureAclConfig\n"
        'Set-AzureAclConfig -AddRule -ACL $acl -Order 100 -Action permit -RemoteSubnet "203.0.113.0/24"\n'
        '$vm = New-AzureVMConfig -Name "jump01" -InstanceSize Medium -ImageName $img |\n'
        '    Add-AzureProvisioningConfig -Windows -AdminUsername "ops" -Password $pw -NoRDPEndpoint |\n'
        '    Set-AzureSubnet -SubnetNames "mgmt" |\n'
        '    Add-AzureEndpoint -Name "rdp" -Protocol tcp -LocalPort 3389 -PublicPort 53389 -ACL $acl\n'
        'New-AzureVM -ServiceName "fab-jump" -VNetName "fab-vnet" -Location "West Europe" -VMs $vm\n'
    )
    removal = HEADER + REMOVE_ENDPOINT.format(service="fab-jump", name="rdp")
    files = {"01-create.ps1": create}
    assert _findings(tmp_path, monkeypatch, files, "MIG201") == ["MIG201 01-create.ps1:8:88"]
    files["02-close.ps1"] = removal
    assert _findings(tmp_path, monkeypatch, files, "MIG201") == []


# --- a network interface removed from a VM another script creates ----------------------------------------

DEPLOY_FW = HEADER + (
    '$img = "a699494373c04fc0bc8f2bb1389d6106__Windows-Server-2012-R2-201505.01-en.us-127GB.vhd"\n'
    '$vm = New-AzureVMConfig -Name "fw01" -InstanceSize "Large" -ImageName $img\n'
    '$vm = Add-AzureProvisioningConfig -VM $vm -Windows -AdminUsername "ops" -Password $pw\n'
    '$vm = Set-AzureSubnet -VM $vm -SubnetNames "dmz"\n'
    '$vm = Set-AzureStaticVNetIP -VM $vm -IPAddress "10.20.1.4"\n'
    '$vm = Add-AzureNetworkInterfaceConfig -VM $vm -Name "nic-inside" -SubnetName "inside" '
    '-StaticVNetIPAddress "10.20.2.4"\n'
    'New-AzureVM -ServiceName "fab-fw" -VNetName "fab-vnet" -Location "West Europe" -VMs $vm\n'
)
DETACH_NIC = (
    'Get-AzureVM -ServiceName "{service}" -Name "fw01" |\n'
    '    Remove-AzureNetworkInterfaceConfig -Name "{name}" |\n'
    "    Update-AzureVM\n"
)
AT_SECOND_SUBNET = "MIG202 01-deploy.ps1:8:78"


def _mig202(tmp_path, monkeypatch, detach: str) -> list[str]:
    files = {"01-deploy.ps1": DEPLOY_FW, "02-detach-nic.ps1": HEADER + detach}
    return _findings(tmp_path, monkeypatch, files, "MIG202")


def test_the_second_interface_removed_leaves_one_subnet(tmp_path, monkeypatch):
    assert _mig202(tmp_path, monkeypatch, DETACH_NIC.format(service="fab-fw", name="nic-inside")) == []


def test_an_interface_the_vm_does_not_have_removed_leaves_two_subnets(tmp_path, monkeypatch):
    detach = DETACH_NIC.format(service="fab-fw", name="nic-outside")
    assert _mig202(tmp_path, monkeypatch, detach) == [AT_SECOND_SUBNET]


def test_an_interface_removal_that_may_not_run_leaves_two_subnets(tmp_path, monkeypatch):
    detach = _may_not_run(DETACH_NIC.format(service="fab-fw", name="nic-inside"))
    assert _mig202(tmp_path, monkeypatch, detach) == [AT_SECOND_SUBNET]


def test_an_interface_removed_in_another_service_leaves_two_subnets(tmp_path, monkeypatch):
    detach = DETACH_NIC.format(service="fab-other", name="nic-inside")
    assert _mig202(tmp_path, monkeypatch, detach) == [AT_SECOND_SUBNET]


def test_an_interface_removed_and_added_again_in_another_subnet_is_reported_there(tmp_path, monkeypatch):
    detach = DETACH_NIC.format(service="fab-fw", name="nic-inside").replace(
        "    Update-AzureVM",
        '    Add-AzureNetworkInterfaceConfig -Name "nic-inside" -SubnetName "back" |\n    Update-AzureVM',
    )
    assert _mig202(tmp_path, monkeypatch, detach) == ["MIG202 02-detach-nic.ps1:5:68"]


def test_the_vm_records_its_interfaces_and_the_change_those_it_removes():
    (vm,) = [r for d in _read("01-deploy.ps1", DEPLOY_FW) if isinstance(d, Deployment) for r in d.roles]
    assert [(name, [s.name for s in subnets]) for name, subnets, _ in vm.interfaces] == [
        ("nic-inside", ["inside"])
    ]
    detach = DETACH_NIC.format(service="fab-fw", name="nic-inside")
    (change,) = [r for d in _read("02.ps1", detach) if isinstance(d, Deployment) for r in d.roles]
    assert change.removed_interfaces == ("nic-inside",)


# --- a reserved IP a second script disassociates -----------------------------------------------------------

DEPLOY_BATCH = HEADER + (
    'New-AzureReservedIP -ReservedIPName "fab-batch-ip" -Location "West Europe" -Label "batch outbound"\n'
    '$img = "b39f27a8b8c64d52b05eac6a62ebad85__Ubuntu-14_04_5-LTS-amd64-server-20170110-en-us-30GB"\n'
    '$vm = New-AzureVMConfig -Name "batch01" -InstanceSize "Medium" -ImageName $img\n'
    '$vm = Add-AzureProvisioningConfig -VM $vm -Linux -LinuxUser "ops" -Password $pw -NoSSHEndpoint\n'
    '$vm = Set-AzureSubnet -VM $vm -SubnetNames "batch"\n'
    'New-AzureVM -ServiceName "fab-batch" -VNetName "fab-vnet" -Location "West Europe" '
    '-ReservedIPName "fab-batch-ip" -VMs $vm\n'
)
RELEASE = 'Remove-AzureReservedIPAssociation -ReservedIPName "{ip}" -ServiceName "{service}" -Force\n'
AT_RESERVED = "MIG106 01-deploy.ps1:8:99"


def _mig106(tmp_path, monkeypatch, release: str) -> list[str]:
    files = {"01-deploy.ps1": DEPLOY_BATCH, "02-release-ip.ps1": HEADER + release}
    return _findings(tmp_path, monkeypatch, files, "MIG106")


def test_the_deployment_alone_is_reported(tmp_path, monkeypatch):
    assert _mig106(tmp_path, monkeypatch, "") == [AT_RESERVED]


def test_a_reserved_ip_disassociated_by_another_script_is_no_longer_the_vip(tmp_path, monkeypatch):
    assert _mig106(tmp_path, monkeypatch, RELEASE.format(ip="fab-batch-ip", service="fab-batch")) == []


def test_a_disassociation_from_another_service_leaves_it(tmp_path, monkeypatch):
    release = RELEASE.format(ip="fab-batch-ip", service="fab-report")
    assert _mig106(tmp_path, monkeypatch, release) == [AT_RESERVED]


def test_a_disassociation_of_another_reserved_ip_leaves_it(tmp_path, monkeypatch):
    release = RELEASE.format(ip="fab-other-ip", service="fab-batch")
    assert _mig106(tmp_path, monkeypatch, release) == [AT_RESERVED]


def test_a_disassociation_that_may_not_run_leaves_it(tmp_path, monkeypatch):
    release = _may_not_run(RELEASE.format(ip="fab-batch-ip", service="fab-batch"))
    assert _mig106(tmp_path, monkeypatch, release) == [AT_RESERVED]


def test_a_disassociation_from_another_virtual_ip_leaves_it(tmp_path, monkeypatch):
    release = RELEASE.format(ip="fab-batch-ip", service="fab-batch").replace(
        " -Force", " -VirtualIPName vip2"
    )
    assert _mig106(tmp_path, monkeypatch, release) == [AT_RESERVED]


def test_the_disassociation_is_recorded_as_the_reserved_ip_freed_from_the_service():
    (ip,) = [
        r
        for r in _read("02.ps1", RELEASE.format(ip="fab-batch-ip", service="fab-batch"))
        if isinstance(r, ReservedIp)
    ]
    assert (ip.name, ip.service_name, ip.released_from) == ("fab-batch-ip", "", "fab-batch")


# --- a VM or a cloud service a second script deletes ------------------------------------------------------

DEPLOY_TOOLS = HEADER + (
    '$img = "b39f27a8b8c64d52b05eac6a62ebad85__Ubuntu-14_04_5-LTS-amd64-server-20170110-en-us-30GB"\n'
    '$names = @("tool01", "scratch01")\n'
    "foreach ($n in $names) {\n"
    '    $vm = New-AzureVMConfig -Name $n -InstanceSize "Small" -ImageName $img -AvailabilitySetName "tools-as"\n'
    '    $vm = Add-AzureProvisioningConfig -VM $vm -Linux -LinuxUser "ops" -Password $pw\n'
    '    if ($n -ne "scratch01") {\n'
    '        $vm = Set-AzureSubnet -VM $vm -SubnetNames "tools"\n'
    "    }\n"
    '    New-AzureVM -ServiceName "fab-tools" -VNetName "fab-vnet" -Location "West Europe" -VMs $vm\n'
    "}\n"
)
DELETE_VM = 'Remove-AzureVM -ServiceName "{service}" -Name "{name}" -DeleteVHD\n'
AT_NO_SUBNET = "MIG203 01-deploy.ps1:6:11"


def _mig203(tmp_path, monkeypatch, cleanup: str) -> list[str]:
    files = {"01-deploy.ps1": DEPLOY_TOOLS, "02-cleanup.ps1": HEADER + cleanup}
    return _findings(tmp_path, monkeypatch, files, "MIG203")


def test_the_vm_without_a_subnet_alone_is_reported(tmp_path, monkeypatch):
    assert _mig203(tmp_path, monkeypatch, "") == [AT_NO_SUBNET]


def test_a_vm_another_script_creates_stays_whatever_a_teardown_script_deletes(tmp_path, monkeypatch):
    """Nothing says which of two scripts runs last: a repository's cleanup script does not mean that
    what its deploy script creates is gone."""
    assert _mig203(tmp_path, monkeypatch, DELETE_VM.format(service="fab-tools", name="scratch01")) == [
        AT_NO_SUBNET
    ]
    cleanup = 'Get-AzureVM -ServiceName "fab-tools" -Name "scratch01" | Remove-AzureVM -DeleteVHD\n'
    assert _mig203(tmp_path, monkeypatch, cleanup) == [AT_NO_SUBNET]


DEPLOYED_TOOLS = """\
<HostedService xmlns="http://schemas.microsoft.com/windowsazure">
  <ServiceName>fab-tools</ServiceName>
  <Deployments><Deployment>
    <Name>fab-tools</Name>
    <RoleList><Role>
      <RoleName>scratch01</RoleName>
      <RoleType>PersistentVMRole</RoleType>
    </Role></RoleList>
    <VirtualNetworkName>fab-vnet</VirtualNetworkName>
  </Deployment></Deployments>
</HostedService>
"""


def test_a_vm_a_rest_body_describes_is_gone_once_a_script_deletes_it(tmp_path, monkeypatch):
    for n, (cleanup, expected) in enumerate(
        (
            ("", ["MIG203 fab-tools.xml:5:15"]),
            (DELETE_VM.format(service="fab-tools", name="scratch01"), []),
            ('Get-AzureVM -ServiceName "fab-tools" -Name "scratch01" | Remove-AzureVM -DeleteVHD\n', []),
            ('Remove-AzureService -ServiceName "fab-tools" -Force\n', []),
            (
                _may_not_run('Remove-AzureService -ServiceName "fab-tools" -Force\n'),
                ["MIG203 fab-tools.xml:5:15"],
            ),
        )
    ):
        files = {"fab-tools.xml": DEPLOYED_TOOLS, "02-cleanup.ps1": HEADER + cleanup}
        assert _findings(tmp_path / str(n), monkeypatch, files, "MIG203") == expected, cleanup


def test_another_vm_deleted_leaves_it(tmp_path, monkeypatch):
    cleanup = DELETE_VM.format(service="fab-tools", name="tool01")
    assert _mig203(tmp_path, monkeypatch, cleanup) == [AT_NO_SUBNET]


def test_a_vm_of_the_name_deleted_in_another_service_leaves_it(tmp_path, monkeypatch):
    cleanup = DELETE_VM.format(service="fab-other", name="scratch01")
    assert _mig203(tmp_path, monkeypatch, cleanup) == [AT_NO_SUBNET]


def test_a_deletion_that_may_not_run_leaves_it(tmp_path, monkeypatch):
    cleanup = _may_not_run(DELETE_VM.format(service="fab-tools", name="scratch01"))
    assert _mig203(tmp_path, monkeypatch, cleanup) == [AT_NO_SUBNET]


def test_a_cloud_service_another_script_creates_stays_whatever_a_teardown_script_deletes(
    tmp_path, monkeypatch
):
    assert _mig203(tmp_path, monkeypatch, 'Remove-AzureService -ServiceName "fab-tools" -Force\n') == [
        AT_NO_SUBNET
    ]


def test_a_script_that_only_deletes_describes_no_deployment(tmp_path, monkeypatch):
    files = {"02-cleanup.ps1": HEADER + DELETE_VM.format(service="fab-tools", name="scratch01")}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert [f.code for f in result.findings] == ["MIG601"]
    assert all(not s.placements for s in result.estates[0].cloud_services)


# --- network security groups and route tables --------------------------------------------------------------


def _unattached(plan: Plan) -> list[str]:
    return [step.id for step in plan.steps if step.id.startswith("unattached:")]


NSG = 'New-AzureNetworkSecurityGroup -Name "fab-nsg" -Location "West Europe" -Label "x"\n'
ROUTES = 'New-AzureRouteTable -Name "fab-rt" -Location "West Europe" -Label "x"\n'
NETCFG = """<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="fab-vnet" Location="West Europe">
      <AddressSpace><AddressPrefix>10.20.0.0/16</AddressPrefix></AddressSpace>
      <Subnets>
        <Subnet name="app"><AddressPrefix>10.20.1.0/24</AddressPrefix></Subnet>
        <Subnet name="data"><AddressPrefix>10.20.2.0/24</AddressPrefix></Subnet>
      </Subnets>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
TO_SUBNET = 'Set-AzureNetworkSecurityGroupToSubnet -Name "fab-nsg" -VirtualNetworkName "fab-vnet" -SubnetName "{subnet}"\n'
RT_TO_SUBNET = 'Set-AzureSubnetRouteTable -VirtualNetworkName "fab-vnet" -SubnetName "{subnet}" -RouteTableName "fab-rt"\n'


def test_a_script_creates_network_security_groups_and_route_tables():
    resources = _read("nsg.ps1", NSG + ROUTES)
    assert [
        (type(r).__name__, r.name) for r in resources if isinstance(r, (NetworkSecurityGroup, RouteTable))
    ] == [
        ("NetworkSecurityGroup", "fab-nsg"),
        ("RouteTable", "fab-rt"),
    ]


def test_an_unattached_security_group_and_route_table_get_steps_of_their_own(plan_of):
    plan = plan_of(
        {
            "nsg.ps1": NSG
            + ROUTES
            + 'New-AzureReservedIP -ReservedIPName "fab-spare-ip" -Location "West Europe"\n'
        }
    )
    assert _unattached(plan) == [
        "unattached:NetworkSecurityGroup:fab-nsg",
        "unattached:RouteTable:fab-rt",
        "unattached:ReservedIP:fab-spare-ip",
    ]


def test_a_group_and_table_associated_with_a_subnet_move_with_the_network(plan_of):
    script = NSG + ROUTES + TO_SUBNET.format(subnet="app") + RT_TO_SUBNET.format(subnet="data")
    plan = plan_of({"NetworkConfig.netcfg": NETCFG, "nsg.ps1": script})
    assert _unattached(plan) == []
    moves = {step.id: step.moves for step in plan.steps}["network:fab-vnet"]
    cloned = ", cloned: the classic one stays, to delete once nothing classic uses it"
    assert f"network security group 'fab-nsg' of subnet 'app'{cloned}" in moves
    assert f"route table 'fab-rt' of subnet 'data'{cloned}" in moves


def test_an_association_in_another_script_counts(plan_of):
    plan = plan_of({"NetworkConfig.netcfg": NETCFG, "01.ps1": NSG, "02.ps1": TO_SUBNET.format(subnet="app")})
    assert _unattached(plan) == []


def test_an_association_with_a_subnet_the_network_does_not_have_leaves_it_unattached(plan_of):
    plan = plan_of({"NetworkConfig.netcfg": NETCFG, "nsg.ps1": NSG + TO_SUBNET.format(subnet="nowhere")})
    assert _unattached(plan) == ["unattached:NetworkSecurityGroup:fab-nsg"]


def test_an_association_with_a_network_no_file_defines_still_counts(plan_of):
    plan = plan_of({"rt.ps1": ROUTES + RT_TO_SUBNET.format(subnet="app")})
    assert _unattached(plan) == []


def test_an_association_that_may_run_is_one_as_the_table_it_names_is(plan_of):
    """The script creates the table whether or not a branch before returns, and may associate it too: a
    table it may associate is not called unattached (an early `return` left every group of a real script
    "unattached", with a step to move it on its own)."""
    plan = plan_of(
        {"NetworkConfig.netcfg": NETCFG, "rt.ps1": ROUTES + _may_not_run(RT_TO_SUBNET.format(subnet="app"))}
    )
    assert _unattached(plan) == []
    early_return = 'if (Test-AzureName -Storage -Name "fabstore") { return }\n'
    plan = plan_of(
        {"NetworkConfig.netcfg": NETCFG, "rt2.ps1": early_return + ROUTES + RT_TO_SUBNET.format(subnet="app")}
    )
    assert _unattached(plan) == []


def test_a_group_or_table_the_script_removes_is_gone(plan_of):
    script = (
        NSG
        + ROUTES
        + 'Remove-AzureNetworkSecurityGroup -Name "fab-nsg" -Force\nRemove-AzureRouteTable -Name "fab-rt"\n'
    )
    assert _unattached(plan_of({"nsg.ps1": script})) == []


def test_an_association_the_script_removes_leaves_it_unattached(plan_of):
    script = (
        ROUTES
        + RT_TO_SUBNET.format(subnet="app")
        + 'Remove-AzureSubnetRouteTable -VirtualNetworkName "fab-vnet" -SubnetName "app"\n'
    )
    assert _unattached(plan_of({"NetworkConfig.netcfg": NETCFG, "rt.ps1": script})) == [
        "unattached:RouteTable:fab-rt"
    ]


@pytest.mark.parametrize(
    "on_vm",
    [
        'Get-AzureVM -ServiceName "fab-web" -Name "web01" | Set-AzureNetworkSecurityGroupConfig '
        '-NetworkSecurityGroupName "fab-nsg" | Update-AzureVM\n',
        'Get-AzureVM -ServiceName "fab-web" -Name "web01" | Set-AzureNetworkSecurityGroupAssociation -Name "fab-nsg" '
        '-ServiceName "fab-web"\n',
    ],
)
def test_a_group_the_script_sets_on_a_vm_moves_with_the_vm(plan_of, on_vm):
    assert _unattached(plan_of({"nsg.ps1": NSG + on_vm})) == []


# --- moving an associated route table or security group on its own ----------------------------------------

MOVE_RT = (
    'Move-AzureRouteTable -Validate -RouteTableName "fab-rt"\n'
    'Move-AzureRouteTable -Prepare -RouteTableName "fab-rt"\n'
    'Move-AzureRouteTable -Commit -RouteTableName "fab-rt"\n'
)


def test_moving_an_associated_route_table_on_its_own_is_reported(tmp_path, monkeypatch):
    files = {
        "01-routes.ps1": HEADER + ROUTES + RT_TO_SUBNET.format(subnet="app"),
        "02-migrate.ps1": HEADER + MOVE_RT,
    }
    assert _findings(tmp_path, monkeypatch, files, "MIG602") == ["MIG602 02-migrate.ps1:3:1"]


def test_moving_an_unassociated_route_table_on_its_own_is_right(tmp_path, monkeypatch):
    files = {"01-routes.ps1": HEADER + ROUTES, "02-migrate.ps1": HEADER + MOVE_RT}
    assert _findings(tmp_path, monkeypatch, files, "MIG602") == []


def test_moving_an_associated_security_group_on_its_own_is_reported(tmp_path, monkeypatch):
    move = MOVE_RT.replace("RouteTable", "NetworkSecurityGroup").replace('"fab-rt"', '"fab-nsg"')
    move = move.replace("-RouteTableName", "-NetworkSecurityGroupName")
    files = {"01.ps1": HEADER + NSG + TO_SUBNET.format(subnet="app"), "02-migrate.ps1": HEADER + move}
    assert _findings(tmp_path, monkeypatch, files, "MIG602") == ["MIG602 02-migrate.ps1:3:1"]


def test_moving_a_table_associated_after_an_early_return_is_reported(tmp_path, monkeypatch):
    early_return = 'if (Test-AzureName -Storage -Name "fabstore") { return }\n'
    files = {
        "01-routes.ps1": HEADER + early_return + ROUTES + RT_TO_SUBNET.format(subnet="app"),
        "02-migrate.ps1": HEADER + MOVE_RT,
    }
    assert _findings(tmp_path, monkeypatch, files, "MIG602") == ["MIG602 02-migrate.ps1:3:1"]


@pytest.mark.parametrize(
    "association",
    [
        'Get-AzureNetworkSecurityGroup -Name "fab-nsg" | Set-AzureNetworkSecurityGroupToSubnet '
        '-VirtualNetworkName "fab-vnet" -SubnetName "app"\n',
        '$nsg = Get-AzureNetworkSecurityGroup -Name "fab-nsg"\n'
        '$nsg | Set-AzureNetworkSecurityGroupToSubnet -VirtualNetworkName "fab-vnet" -SubnetName "app"\n',
    ],
    ids=["piped", "through a variable"],
)
def test_a_group_piped_into_its_subnet_association_is_associated(plan_of, association):
    """The form Microsoft's documents use: the group is piped in, not named by -Name."""
    assert _unattached(plan_of({"NetworkConfig.netcfg": NETCFG, "nsg.ps1": NSG + association})) == []


def test_a_group_created_and_piped_into_its_association_is_associated(plan_of):
    script = (
        NSG.rstrip("\n")
        + ' | Set-AzureNetworkSecurityGroupToSubnet -VirtualNetworkName "fab-vnet" -SubnetName "app"\n'
    )
    assert _unattached(plan_of({"NetworkConfig.netcfg": NETCFG, "nsg.ps1": script})) == []
    # Another group piped in leaves this one unattached.
    other = (
        NSG
        + 'Get-AzureNetworkSecurityGroup -Name "other" | Set-AzureNetworkSecurityGroupToSubnet -VirtualNetworkName "fab-vnet" -SubnetName "app"\n'
    )
    assert _unattached(plan_of({"nsg.ps1": other})) == ["unattached:NetworkSecurityGroup:fab-nsg"]
