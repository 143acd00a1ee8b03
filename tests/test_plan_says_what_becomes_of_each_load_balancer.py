"""What becomes of a cloud service's load balancers, as its step says it. The implicit one, behind the
endpoints on the VIP, becomes a load balancer resource whose rules are the load-balanced endpoint sets and
whose inbound NAT rules are the other input endpoints (deep dive, "Load-balanced endpoint set" and "Inbound
NAT rules"), in the Basic SKU retired on 2025-09-30. An internal load balancer an endpoint is on (REST
`LoadBalancerName`, `Add-AzureEndpoint -InternalLoadBalancerName`, Export-AzureVM and Get-AzureVM exports)
is named, with what the documents leave to check after Prepare; so is one no endpoint is on (a REST body's
`LoadBalancers`, `Add-AzureInternalLoadBalancer`), a load balancer resource with no rule, unless an endpoint
the files do not show may be on it: then which rules it gets is not decided, and it is no load balancer to
delete. One of a service
of web/worker roles (a .cscfg's `LoadBalancers`) does not move, as the roles do not: the step says so."""

from __future__ import annotations

import json

from migcheck.plan import Plan, Step, StepKind

PUBLIC = (
    "a load balancer resource, Basic SKU (retired on 2025-09-30: upgrade it to Standard after Commit); its "
    "load-balanced endpoint sets become load-balancing rules, its other input endpoints inbound NAT rules"
)


def internal(name: str, owner: str, group: str) -> str:
    return (
        f"internal load balancer '{name}' of {owner}: its load-balanced endpoint sets become load-balancing "
        "rules of a load balancer resource, as the cloud service's do; the documents say no more of an "
        "internal one. After Prepare, find it and its private frontend address (Get-AzLoadBalancer "
        f"-ResourceGroupName '{group}'); if it is Basic SKU (retired on 2025-09-30), upgrade it to Standard "
        "after Commit"
    )


def unused(name: str, owner: str, group: str, subnet: str = "BackEnd") -> str:
    frontend = f" (its frontend in subnet '{subnet}')" if subnet else ""
    return (
        f"internal load balancer '{name}' of {owner}{frontend}: a load balancer resource, as the cloud service's "
        "load balancers become, with no load-balancing rule, since no endpoint of the files checked is on it; "
        "the documents say no more of an internal one. After Prepare, find it (Get-AzLoadBalancer "
        f"-ResourceGroupName '{group}'): delete it if nothing is to use it, else, if it is Basic SKU (retired on "
        "2025-09-30), upgrade it to Standard after Commit"
    )


def endpoint(name: str, port: int, load_balancer: str = "") -> str:
    on = f"<LoadBalancedEndpointSetName>{name}-set</LoadBalancedEndpointSetName>" if load_balancer else ""
    on += f"<LoadBalancerName>{load_balancer}</LoadBalancerName>" if load_balancer else ""
    return (
        f"<InputEndpoint><LocalPort>{port}</LocalPort><Name>{name}</Name><Port>{port}</Port>"
        f"<Protocol>tcp</Protocol>{on}</InputEndpoint>"
    )


def deployment(*endpoints: str, network: str = "vnet1") -> str:
    """A REST deployment of a VM and an internal load balancer, in subnet BackEnd of `network`, or, for
    "", in no virtual network and so in no subnet."""
    placed = f"<VirtualNetworkName>{network}</VirtualNetworkName>" if network else ""
    subnets = "<SubnetNames><SubnetName>BackEnd</SubnetName></SubnetNames>" if network else ""
    frontend_subnet = "<SubnetName>BackEnd</SubnetName>" if network else ""
    return f"""\
        <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
          <Name>app-dep</Name>
          <DeploymentSlot>Production</DeploymentSlot>
          <Url>http://app-svc.cloudapp.net/</Url>
          <RoleList>
            <Role>
              <RoleName>app01</RoleName>
              <RoleType>PersistentVMRole</RoleType>
              <ConfigurationSets>
                <ConfigurationSet>
                  <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
                  <InputEndpoints>{"".join(endpoints)}</InputEndpoints>
                  {subnets}
                </ConfigurationSet>
              </ConfigurationSets>
              <RoleSize>Standard_D3</RoleSize>
            </Role>
          </RoleList>
          {placed}
          <LoadBalancers>
            <LoadBalancer>
              <Name>sql-ilb</Name>
              <FrontendIpConfiguration><Type>Private</Type>{frontend_subnet}</FrontendIpConfiguration>
            </LoadBalancer>
          </LoadBalancers>
        </Deployment>
        """


def step_of(plan: Plan, kind: StepKind) -> Step:
    (step,) = [s for s in plan.steps if s.kind is kind]
    return step


def test_an_internal_load_balancer_of_a_deployment_body_is_named_in_its_network_s_step(plan_of):
    step = step_of(
        plan_of({"deployment.xml": deployment(endpoint("SQL", 1433, "sql-ilb"))}), StepKind.NETWORK
    )
    assert internal("sql-ilb", "cloud service 'app-svc'", "app-svc-Migrated") in step.becomes
    # Its only endpoint is on the internal one: nothing is on the VIP's load balancer.
    assert not any(line.startswith("the load balancer of") for line in step.becomes)


def test_endpoints_on_the_vip_say_what_the_cloud_service_s_load_balancer_becomes(plan_of):
    body = deployment(endpoint("SQL", 1433, "sql-ilb"), endpoint("RDP", 3389))
    step = step_of(plan_of({"deployment.xml": body}), StepKind.NETWORK)
    assert step.becomes[2:4] == (
        f"the load balancer of cloud service 'app-svc': {PUBLIC}",
        internal("sql-ilb", "cloud service 'app-svc'", "app-svc-Migrated"),
    )


def test_an_internal_load_balancer_no_endpoint_is_on_is_named_all_the_same(plan_of):
    step = step_of(plan_of({"deployment.xml": deployment()}), StepKind.NETWORK)
    # No input endpoint: nothing is on the VIP's load balancer, nor on the internal one.
    assert [line for line in step.becomes if "load balancer" in line] == [
        unused("sql-ilb", "cloud service 'app-svc'", "app-svc-Migrated")
    ]


def test_an_internal_load_balancer_on_the_vip_s_endpoints_only_is_named_beside_it(plan_of):
    step = step_of(plan_of({"deployment.xml": deployment(endpoint("RDP", 3389))}), StepKind.NETWORK)
    assert step.becomes[2:4] == (
        f"the load balancer of cloud service 'app-svc': {PUBLIC}",
        unused("sql-ilb", "cloud service 'app-svc'", "app-svc-Migrated"),
    )


def test_a_script_s_internal_load_balancer_no_endpoint_is_on(plan_of):
    plan = plan_of(
        {
            "deploy.ps1": """\
            $vm = New-AzureVMConfig -Name "sql01" -InstanceSize "Standard_D3" -ImageName "img" | Set-AzureSubnet -SubnetNames "BackEnd"
            New-AzureVM -ServiceName "sql-svc" -VMs $vm -VNetName "vnet1" -Location "West Europe"
            Add-AzureInternalLoadBalancer -ServiceName "sql-svc" -InternalLoadBalancerName "sql-ilb" -SubnetName "BackEnd"
            """
        }
    )
    step = step_of(plan, StepKind.NETWORK)
    assert unused("sql-ilb", "cloud service 'sql-svc'", "sql-svc-Migrated") in step.becomes


def undecided(name: str, owner: str, group: str) -> str:
    return (
        f"internal load balancer '{name}' of {owner} (its frontend in subnet 'BackEnd'): a load balancer "
        "resource, as the cloud service's load balancers become, whose load-balancing rules are the "
        "load-balanced endpoint sets on it; which those are is not decided, since the files do not show every "
        "endpoint of the deployment's VMs or which internal load balancer each is on, so it is no load balancer "
        "to delete; the documents say no more of an internal one. After Prepare, find it and its rules "
        f"(Get-AzLoadBalancer -ResourceGroupName '{group}'); if it is Basic SKU (retired on 2025-09-30), "
        "upgrade it to Standard after Commit"
    )


ILB_ADDED = 'Add-AzureInternalLoadBalancer -ServiceName "sql-svc" -InternalLoadBalancerName "sql-ilb" -SubnetName "BackEnd"\n'


def test_an_internal_load_balancer_an_endpoint_not_shown_may_be_on_is_never_one_to_delete(plan_of):
    """VMs the script takes as a parameter (their endpoints not shown), or an endpoint put on an internal
    load balancer by a value the script does not state: the load balancer may well be in use."""
    vms_not_shown = (
        "param($vms)\n"
        '$ilb = New-AzureInternalLoadBalancerConfig -InternalLoadBalancerName "sql-ilb" -SubnetName "BackEnd"\n'
        'New-AzureVM -ServiceName "sql-svc" -VMs $vms -VNetName "vnet1" -InternalLoadBalancerConfig $ilb\n'
    )
    on_a_name_not_stated = (
        "param($ilbName)\n"
        '$vm = New-AzureVMConfig -Name "sql01" -InstanceSize "Standard_D3" -ImageName "img" | '
        'Set-AzureSubnet -SubnetNames "BackEnd" | Add-AzureEndpoint -Name sql -Protocol tcp -LocalPort 1433 '
        "-PublicPort 1433 -LBSetName sql -DefaultProbe -InternalLoadBalancerName $ilbName\n"
        'New-AzureVM -ServiceName "sql-svc" -VMs $vm -VNetName "vnet1" -Location "West Europe"\n' + ILB_ADDED
    )
    cli_on_a_name_not_stated = (
        "azure config mode asm\n"
        "azure vm create sql-svc img ops 'P@ss' --vm-name sql01 -w vnet1 -b BackEnd -l 'West Europe'\n"
        "azure service internal-load-balancer add sql-svc sql-ilb -t BackEnd\n"
        'azure vm endpoint create sql01 1433 1433 -b sql -i "$ILB"\n'
    )
    for name, script in (
        ("deploy.ps1", vms_not_shown),
        ("deploy.ps1", on_a_name_not_stated),
        ("deploy.sh", cli_on_a_name_not_stated),
    ):
        step = step_of(plan_of({name: script}), StepKind.NETWORK)
        assert undecided("sql-ilb", "cloud service 'sql-svc'", "sql-svc-Migrated") in step.becomes, script
        assert not any("delete it" in line for line in step.becomes)
        # The endpoint is on an internal load balancer, whichever: none is on the VIP.
        assert f"the load balancer of cloud service 'sql-svc': {PUBLIC}" not in step.becomes


def test_a_deployment_in_no_network_names_its_unused_internal_load_balancer_in_its_own_step(plan_of):
    step = step_of(plan_of({"deployment.xml": deployment(network="")}), StepKind.SERVICE)
    assert unused("sql-ilb", "the cloud service", "app-svc-Migrated", subnet="") in step.becomes


CSDEF = """\
<ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Web" vmsize="Small">
    <Endpoints><InputEndpoint name="HttpIn" protocol="http" port="80" loadBalancer="shop-ilb" /></Endpoints>
  </WebRole>
</ServiceDefinition>
"""


def cscfg(network: str = "vnet1") -> str:
    """A configuration of the web role with an internal load balancer: in subnet BackEnd of `network`, or,
    for "", in no virtual network (its frontend names the subnet all the same)."""
    placed = (
        f'<VirtualNetworkSite name="{network}" /><AddressAssignments><InstanceAddress roleName="Web">'
        '<Subnets><Subnet name="BackEnd" /></Subnets></InstanceAddress></AddressAssignments>'
        if network
        else ""
    )
    return f"""\
<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="2" /></Role>
  <NetworkConfiguration>
    {placed}
    <LoadBalancers>
      <LoadBalancer name="shop-ilb"><FrontendIPConfiguration type="private" subnet="BackEnd" /></LoadBalancer>
    </LoadBalancers>
  </NetworkConfiguration>
</ServiceConfiguration>
"""


ROLES_ILB = (
    "Internal load balancer 'shop-ilb' of cloud service 'shop' (its frontend in subnet 'BackEnd') does not "
    "move: the roles do not. Where the rebuilt service is to be reached at a private address too, give it an "
    "internal load balancer of its own in Resource Manager (Standard SKU)."
)


def test_a_service_configuration_s_internal_load_balancer_stays_with_the_roles(plan_of):
    files = {"shop/ServiceDefinition.csdef": CSDEF, "shop/ServiceConfiguration.Cloud.cscfg": cscfg()}
    network = step_of(plan_of(files), StepKind.NETWORK)
    assert ROLES_ILB in network.notes
    assert not any("load balancer" in line for line in network.becomes)
    alone = plan_of({**files, "shop/ServiceConfiguration.Cloud.cscfg": cscfg(network="")})
    assert ROLES_ILB in step_of(alone, StepKind.WEB_WORKER).notes


def test_a_deployment_in_no_network_says_both_in_its_own_step(plan_of):
    body = deployment(endpoint("SQL", 1433, "sql-ilb"), endpoint("RDP", 3389), network="")
    step = step_of(plan_of({"deployment.xml": body}), StepKind.SERVICE)
    assert f"the load balancer of the cloud service: {PUBLIC}" in step.becomes
    assert internal("sql-ilb", "the cloud service", "app-svc-Migrated") in step.becomes


def test_a_script_s_internal_load_balancer_and_its_default_endpoints(plan_of):
    """Add-AzureProvisioningConfig gives a Windows VM its RDP and WinRM endpoints, on the VIP."""
    plan = plan_of(
        {
            "deploy.ps1": """\
            $ilb = New-AzureInternalLoadBalancerConfig -InternalLoadBalancerName "sql-ilb" -SubnetName "BackEnd"
            $vm = New-AzureVMConfig -Name "sql01" -InstanceSize "Standard_D3" -ImageName "img"
            $vm = Add-AzureProvisioningConfig -VM $vm -Windows -AdminUsername "a" -Password "p"
            $vm = Set-AzureSubnet -VM $vm -SubnetNames "BackEnd"
            $vm = Add-AzureEndpoint -VM $vm -Name "SQL" -Protocol tcp -LocalPort 1433 -PublicPort 1433 -LBSetName "sql" -DefaultProbe -InternalLoadBalancerName "sql-ilb"
            New-AzureVM -ServiceName "sql-svc" -VMs $vm -VNetName "vnet1" -InternalLoadBalancerConfig $ilb -Location "West Europe"
            """
        }
    )
    step = step_of(plan, StepKind.NETWORK)
    assert f"the load balancer of cloud service 'sql-svc': {PUBLIC}" in step.becomes
    assert internal("sql-ilb", "cloud service 'sql-svc'", "sql-svc-Migrated") in step.becomes


def test_an_export_azurevm_file_s_internal_load_balancer(plan_of):
    plan = plan_of(
        {
            "svc/sql01.xml": """\
            <PersistentVM xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <RoleName>sql01</RoleName>
              <RoleType>PersistentVMRole</RoleType>
              <ConfigurationSets>
                <ConfigurationSet xsi:type="NetworkConfigurationSet">
                  <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
                  <InputEndpoints>
                    <InputEndpoint>
                      <LoadBalancedEndpointSetName>sql</LoadBalancedEndpointSetName>
                      <LocalPort>1433</LocalPort><Name>SQL</Name><Port>1433</Port><Protocol>tcp</Protocol>
                      <LoadBalancerName>sql-ilb</LoadBalancerName>
                    </InputEndpoint>
                  </InputEndpoints>
                  <SubnetNames><string>BackEnd</string></SubnetNames>
                </ConfigurationSet>
              </ConfigurationSets>
              <RoleSize>Standard_D3</RoleSize>
            </PersistentVM>
            """
        }
    )
    step = step_of(plan, StepKind.UNKNOWN_NETWORK)
    assert internal("sql-ilb", "the cloud service", "svc-Migrated") in step.becomes
    assert not any(line.startswith("the load balancer of") for line in step.becomes)


def test_a_python_script_s_role_body_on_an_internal_load_balancer(plan_of):
    body = deployment(endpoint("SQL", 1433, "sql-ilb"))
    role = body[body.index("<Role>") : body.index("</Role>") + len("</Role>")]
    role = role.replace("<Role>", '<PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure">', 1)
    role = role.replace("</Role>", "</PersistentVMRole>")
    plan = plan_of(
        {
            "deploy.py": f'''\
            from azure.servicemanagement import ServiceManagementService
            sms = ServiceManagementService("sub", "cert.pem")
            body = """{role}"""
            sms.perform_post("/sub/services/hostedservices/sql-svc/deployments/sql-dep/roles", body)
            '''
        }
    )
    step = step_of(plan, StepKind.UNKNOWN_NETWORK)
    assert internal("sql-ilb", "the cloud service", "sql-svc-Migrated") in step.becomes


def test_a_get_azurevm_export_s_internal_load_balancer(plan_of):
    sql = {"LocalPort": 1433, "Name": "SQL", "Port": 1433, "Protocol": "tcp", "LoadBalancerName": "sql-ilb"}
    vm = {
        "DeploymentName": "sql-dep",
        "Name": "sql01",
        "ServiceName": "sql-svc",
        "VirtualNetworkName": "vnet1",
        "VM": {
            "ConfigurationSets": [
                {
                    "ConfigurationSetType": "NetworkConfiguration",
                    "InputEndpoints": [sql],
                    "SubnetNames": ["BackEnd"],
                }
            ],
            "RoleName": "sql01",
            "RoleType": "PersistentVMRole",
        },
    }
    step = step_of(plan_of({"vms.json": json.dumps([vm], indent=4)}), StepKind.NETWORK)
    assert internal("sql-ilb", "cloud service 'sql-svc'", "sql-svc-Migrated") in step.becomes
