"""`migcheck plan` against Microsoft's migration documents: what an ExpressRoute network must do before
Validate, what becomes of VNet-to-VNet and transit connections, the resources that migrate on their own
(storage accounts without disks, unattached reserved IPs), what becomes of a deployment's VIP, one fix per
note, the provider registration before the first step, and web/worker roles that do not move."""

from __future__ import annotations

import json

from migcheck.cli import main
from migcheck.plan import Plan, StepKind

REST = 'xmlns="http://schemas.microsoft.com/windowsazure"'
SUBSCRIPTION = "11111111-2222-3333-4444-555555555555"


def steps_by_id(plan: Plan) -> dict:
    return {step.id: step for step in plan.steps}


def netcfg(sites: str, networks: str) -> str:
    return (
        "<NetworkConfiguration><VirtualNetworkConfiguration>"
        f"<LocalNetworkSites>{sites}</LocalNetworkSites><VirtualNetworkSites>{networks}</VirtualNetworkSites>"
        "</VirtualNetworkConfiguration></NetworkConfiguration>\n"
    )


def site(name: str, *prefixes: str) -> str:
    space = "".join(f"<AddressPrefix>{p}</AddressPrefix>" for p in prefixes)
    return (
        f'<LocalNetworkSite name="{name}"><AddressSpace>{space}</AddressSpace>'
        "<VPNGatewayAddress>198.51.100.1</VPNGatewayAddress></LocalNetworkSite>"
    )


def network(name: str, prefix: str, *connections: tuple[str, str]) -> str:
    refs = "".join(
        f'<LocalNetworkSiteRef name="{s}"><Connection type="{kind}"/></LocalNetworkSiteRef>'
        for s, kind in connections
    )
    gateway = (
        f"<Gateway><ConnectionsToLocalNetwork>{refs}</ConnectionsToLocalNetwork></Gateway>" if refs else ""
    )
    return (
        f'<VirtualNetworkSite name="{name}" Location="West Europe">'
        f"<AddressSpace><AddressPrefix>{prefix}</AddressPrefix></AddressSpace>"
        f'<Subnets><Subnet name="App"><AddressPrefix>{prefix}</AddressPrefix></Subnet></Subnets>{gateway}'
        "</VirtualNetworkSite>"
    )


def deployment(
    service: str,
    vm: str,
    *,
    endpoint: bool = True,
    reserved_ip: str = "",
    vnet: str = "",
    instances: str = "",
) -> str:
    endpoints = (
        "<InputEndpoint><LocalPort>443</LocalPort><Name>HTTPS</Name><Port>443</Port><Protocol>tcp</Protocol>"
        "</InputEndpoint>"
        if endpoint
        else ""
    )
    subnet = "<SubnetName>App</SubnetName>" if vnet else ""
    return f"""\
        <HostedService {REST}>
          <ServiceName>{service}</ServiceName>
          <Deployments><Deployment>
            <Name>{service}-dep</Name>
            {instances}
            <RoleList><Role>
              <RoleName>{vm}</RoleName><RoleType>PersistentVMRole</RoleType>
              <ConfigurationSets><ConfigurationSet>
                <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
                <InputEndpoints>{endpoints}</InputEndpoints><SubnetNames>{subnet}</SubnetNames>
              </ConfigurationSet></ConfigurationSets>
              <OSVirtualHardDisk><DiskName>{vm}-os</DiskName>
                <MediaLink>https://{service}disks.blob.core.windows.net/vhds/{vm}-os.vhd</MediaLink>
              </OSVirtualHardDisk>
            </Role></RoleList>
            {f"<VirtualNetworkName>{vnet}</VirtualNetworkName>" if vnet else ""}
            {f"<ReservedIPName>{reserved_ip}</ReservedIPName>" if reserved_ip else ""}
          </Deployment></Deployments>
        </HostedService>
        """


def inventory(*rows: dict) -> str:
    return json.dumps({"count": len(rows), "data": list(rows)})


def classic_row(kind: str, name: str, properties: dict) -> dict:
    providers = {"storageAccounts": "Microsoft.ClassicStorage", "reservedIps": "Microsoft.ClassicNetwork"}
    return {
        "id": f"/subscriptions/{SUBSCRIPTION}/resourceGroups/Default/providers/{providers[kind]}/{kind}/{name}",
        "name": name,
        "type": f"{providers[kind]}/{kind}".lower(),
        "location": "westeurope",
        "subscriptionId": SUBSCRIPTION,
        "properties": properties,
    }


# --- (1) a network connected to ExpressRoute ----------------------------------------------------------


def test_an_expressroute_network_empties_its_connections_before_validate(plan_of):
    plan = plan_of(
        {
            "NetworkConfig.netcfg": netcfg(
                site("dc", "172.16.0.0/12"), network("er-vnet", "10.0.0.0/16", ("dc", "Dedicated"))
            )
        }
    )
    step = steps_by_id(plan)["network:er-vnet"]
    assert step.after == ("circuit:dc",)
    before = step.powershell.before
    assert before[0] == "Get-AzureVNetConfig -ExportToFile 'C:\\virtualnetworkconfig.xml'"
    assert "<ConnectionsToLocalNetwork> of 'er-vnet'" in before[1]
    assert before[2] == "Set-AzureVNetConfig -ConfigurationPath 'C:\\virtualnetworkconfig.xml'"
    assert before[-1] == "Remove-AzureDedicatedCircuitLink -ServiceKey '<service key>' -VNetName 'er-vnet'"
    assert step.cli.before[0] == "azure network export 'virtualnetworkconfig.xml'"
    assert "keeps its connections" not in step.downtime
    assert "must already be in Resource Manager (step 1)" in step.downtime
    assert "another subscription than its circuit needs downtime" in step.downtime


def test_the_expressroute_preparation_comes_first_in_every_format(plan_of, capsys):
    plan_of(
        {
            "NetworkConfig.netcfg": netcfg(
                site("dc", "172.16.0.0/12"), network("er", "10.0.0.0/16", ("dc", "Dedicated"))
            )
        }
    )
    outputs = {}
    for fmt in ("text", "markdown", "html", "json"):
        assert main(["plan", ".", "--format", fmt]) == 0
        outputs[fmt] = capsys.readouterr().out
    for fmt in ("text", "markdown", "html"):
        out = outputs[fmt]
        assert out.index("Get-AzureVNetConfig -ExportToFile") < out.index(
            "Move-AzureVirtualNetwork -Validate"
        ), fmt
    [subscription] = json.loads(outputs["json"])["subscriptions"]
    er = next(s for s in subscription["steps"] if s["id"] == "network:er")
    assert er["commands"]["powershell"]["before"][0].startswith("Get-AzureVNetConfig -ExportToFile")


# --- (2) VNet-to-VNet and transit ---------------------------------------------------------------------


def test_vnet_to_vnet_connections_become_vnet2vnet_connections_without_local_sites(plan_of):
    plan = plan_of(
        {
            "NetworkConfig.netcfg": netcfg(
                site("west-site", "10.41.0.0/16") + site("east-site", "10.40.0.0/16"),
                network("east", "10.40.0.0/16", ("west-site", "IPsec"))
                + network("west", "10.41.0.0/16", ("east-site", "IPsec")),
            )
        }
    )
    east = steps_by_id(plan)["network:east"]
    assert (
        "its VNet-to-VNet connection to virtual network 'west' (local network site 'west-site')" in east.moves
    )
    assert any(
        b.startswith("a connection of type Vnet2Vnet to 'west', without a local network gateway")
        for b in east.becomes
    )
    assert (
        "keeps its connections" not in east.downtime
        and "local network sites it connects to" not in " ".join(east.moves)
    )


def test_a_transit_network_is_told_it_loses_on_premises(plan_of):
    plan = plan_of(
        {
            "NetworkConfig.netcfg": netcfg(
                site("hq", "192.168.0.0/16")
                + site("leaf-site", "10.141.0.0/16")
                + site("agg", "10.140.0.0/16", "192.168.0.0/16"),
                network("hub", "10.140.0.0/16", ("hq", "IPsec"), ("leaf-site", "IPsec"))
                + network("leaf", "10.141.0.0/16", ("agg", "IPsec")),
            )
        }
    )
    steps = steps_by_id(plan)
    hub, leaf = steps["network:hub"], steps["network:leaf"]
    assert "its site-to-site VPN connection to local network site 'hq'" in hub.moves
    assert "a local network gateway for 'hq', and a connection to it" in hub.becomes
    assert any("Vnet2Vnet to 'hub'" in b and "route to on-premises" in b for b in leaf.becomes)
    assert "route to on-premises through another network" in leaf.downtime


# --- (3) what migrates on its own ---------------------------------------------------------------------


def test_a_storage_account_without_disks_and_a_free_reserved_ip_get_standalone_steps(plan_of):
    plan = plan_of(
        {
            "inventory/classic.json": inventory(
                classic_row("storageAccounts", "blobsonly", {"accountType": "Standard-LRS"}),
                classic_row("reservedIps", "spare-rip", {"ipAddress": "52.1.2.3", "inUse": False}),
            )
        }
    )
    steps = steps_by_id(plan)
    storage = steps["storage:blobsonly"]
    assert (storage.kind, storage.wave, storage.after) == (StepKind.STORAGE, 1, ())
    assert "without waiting for any other step" in storage.downtime
    errors = "# go on to Prepare only if no message's Category is Error"
    assert storage.powershell.validate == (
        "(Move-AzureStorageAccount -Validate -StorageAccountName 'blobsonly').ValidationMessages",
        errors,
    )
    ip = steps["unattached:ReservedIP:spare-rip"]
    assert ip.powershell.validate == (
        "(Move-AzureReservedIP -Validate -ReservedIPName 'spare-rip').ValidationMessages",
        errors,
    )


def test_a_storage_account_a_script_creates_gets_a_step(plan_of):
    plan = plan_of(
        {
            "make.ps1": 'New-AzureStorageAccount -StorageAccountName "bigblobs" -Location "West Europe" -Type "Standard_GRS"\n'
        }
    )
    assert steps_by_id(plan)["storage:bigblobs"].wave == 1


# --- (4) VIPs -----------------------------------------------------------------------------------------


def test_a_deployment_step_names_its_reserved_ip_and_says_its_address_is_kept(plan_of):
    step = steps_by_id(plan_of({"keep.xml": deployment("keep", "k01", reserved_ip="keep-rip")}))[
        "service:keep/keep-dep"
    ]
    assert "reserved IP 'keep-rip'" in step.moves
    assert any(
        b.startswith("reserved IP 'keep-rip': a public IP address with static allocation")
        for b in step.becomes
    )
    assert "Its VIP is reserved IP 'keep-rip' and is kept" in step.downtime


def test_a_deployment_without_reserved_ip_is_told_to_reserve_it_before_prepare(plan_of):
    step = steps_by_id(plan_of({"lonely.xml": deployment("lonely", "l01")}))["service:lonely/lonely-dep"]
    assert "not reserved and will change" in step.downtime
    assert (
        "New-AzureReservedIP -ReservedIPName '<name>' -Location '<region>' -ServiceName 'lonely'"
        in step.downtime
    )


def test_a_deployment_without_input_endpoint_gets_no_public_ip(plan_of):
    step = steps_by_id(plan_of({"quiet.xml": deployment("quiet", "q01", endpoint=False)}))[
        "service:quiet/quiet-dep"
    ]
    assert not any("DNS name on a public IP" in b for b in step.becomes)
    assert any(b.startswith("no public IP address") for b in step.becomes)
    assert "not migrated" in step.downtime


def test_a_network_step_names_the_reserved_ips_of_its_deployments(plan_of):
    plan = plan_of(
        {
            "NetworkConfig.netcfg": netcfg("", network("rip-vnet", "10.0.0.0/16")),
            "web.xml": deployment("web", "w01", reserved_ip="web-rip", vnet="rip-vnet"),
        }
    )
    assert "reserved IP 'web-rip' of cloud service 'web'" in steps_by_id(plan)["network:rip-vnet"].moves


# --- (5) one fix per note -----------------------------------------------------------------------------


def test_vms_in_states_validate_refuses_block_their_step_each_with_its_own_fix(plan_of):
    """MIG208 is a warning (the state may have changed since the export), yet Validate refuses the
    deployment while it lasts: the step is not ready, and each state keeps its own fix."""
    states = "".join(
        f"<RoleInstance><RoleName>{vm}</RoleName><InstanceName>{vm}</InstanceName>"
        f"<InstanceStatus>{state}</InstanceStatus></RoleInstance>"
        for vm, state in (("s01", "RoleStateUnknown"),)
    )
    body = deployment("st", "s01", vnet="st-vnet", instances=f"<RoleInstanceList>{states}</RoleInstanceList>")
    timed_out = (
        body.replace("s01", "s02")
        .replace("RoleStateUnknown", "ProvisioningTimeout")
        .replace("<ServiceName>st<", "<ServiceName>st<")
    )
    # Two VMs of one service in one body, in states whose fixes differ.
    roles = timed_out[timed_out.index("<Role>") : timed_out.index("</RoleList>")]
    instances = timed_out[timed_out.index("<RoleInstance>") : timed_out.index("</RoleInstanceList>")]
    both = body.replace("</RoleList>", roles + "</RoleList>").replace(
        "</RoleInstanceList>", instances + "</RoleInstanceList>"
    )
    plan = plan_of({"NetworkConfig.netcfg": netcfg("", network("st-vnet", "10.0.0.0/16")), "st.xml": both})
    step = steps_by_id(plan)["network:st-vnet"]
    assert not step.ready and not any(n.startswith("MIG208") for n in step.notes)
    fixes = [b.fix for b in step.blockers if b.code == "MIG208"]
    assert len(fixes) == 2
    assert "Wait for the operation" in fixes[0] and "ProvisioningTimeout does not clear" in fixes[1]


# --- (6) before the first step ------------------------------------------------------------------------


def test_each_subscription_starts_by_registering_the_migration_provider(plan_of, capsys):
    plan = plan_of(
        {
            "inventory/classic.json": inventory(
                classic_row("storageAccounts", "blobsonly", {"accountType": "Standard-LRS"})
            )
        }
    )
    [subscription] = plan.subscriptions
    preamble = subscription.preamble
    assert preamble.subscription_id == SUBSCRIPTION
    assert f"Select-AzureSubscription -SubscriptionId '{SUBSCRIPTION}'" in preamble.powershell
    assert (
        "Register-AzResourceProvider -ProviderNamespace Microsoft.ClassicInfrastructureMigrate"
        in preamble.powershell
    )
    assert "azure provider register Microsoft.ClassicInfrastructureMigrate" in preamble.cli
    for fmt in ("text", "markdown", "html"):
        assert main(["plan", ".", "--format", fmt]) == 0
        out = capsys.readouterr().out
        assert out.index("Register-AzResourceProvider") < out.index("Move-AzureStorageAccount -Validate"), fmt
    assert main(["plan", ".", "--format", "json"]) == 0
    [data] = json.loads(capsys.readouterr().out)["subscriptions"]
    assert data["before"]["subscription_id"] == SUBSCRIPTION


def test_a_subscription_whose_id_no_file_states_gets_a_placeholder(plan_of):
    [subscription] = plan_of({"lonely.xml": deployment("lonely", "l01")}).subscriptions
    assert subscription.preamble.subscription_id == ""
    assert "Select-AzureSubscription -SubscriptionId '<subscription id>'" in subscription.preamble.powershell


def test_the_quotas_of_each_region_of_the_networks_are_checked_before_the_first_prepare(plan_of, capsys):
    networks = network("weu-vnet", "10.1.0.0/16") + network("neu-vnet", "10.2.0.0/16").replace(
        "West Europe", "North Europe"
    )
    [subscription] = plan_of({"NetworkConfig.netcfg": netcfg("", networks)}).subscriptions
    preamble = subscription.preamble
    assert "Get-AzVMUsage -Location 'northeurope'; Get-AzNetworkUsage -Location 'northeurope'" in (
        preamble.powershell
    )
    assert "az vm list-usage -l 'westeurope' -o jsonc; az network list-usages -l 'westeurope' -o jsonc" in (
        preamble.cli
    )
    assert main(["plan", "."]) == 0
    assert "check that the Resource Manager quotas of each region" in capsys.readouterr().out


def test_quotas_of_a_region_no_file_names_are_left_to_fill_in(plan_of):
    [subscription] = plan_of({"lonely.xml": deployment("lonely", "l01")}).subscriptions
    assert "Get-AzVMUsage -Location '<region>'; Get-AzNetworkUsage -Location '<region>'" in (
        subscription.preamble.powershell
    )


# --- (7) web/worker roles -----------------------------------------------------------------------------


def test_a_web_worker_service_moves_nothing_and_says_what_stays(plan_of):
    plan = plan_of(
        {
            "svc/ServiceDefinition.csdef": '<ServiceDefinition name="shop" '
            'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">'
            '<WebRole name="Web" vmsize="Small"/></ServiceDefinition>\n'
        }
    )
    [step] = [s for s in plan.steps if s.kind is StepKind.WEB_WORKER]
    assert step.moves == ()
    assert "Not moved: cloud service 'shop': web/worker roles Web." in step.notes


def test_a_reserved_ip_a_web_worker_configuration_names_is_to_be_freed_and_moved_on_its_own(plan_of):
    plan = plan_of(
        {
            "svc/ServiceDefinition.csdef": '<ServiceDefinition name="shop" '
            'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">'
            '<WebRole name="Web" vmsize="Small"/></ServiceDefinition>\n',
            "svc/ServiceConfiguration.Cloud.cscfg": '<ServiceConfiguration serviceName="shop" '
            'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">'
            '<Role name="Web"><Instances count="2"/></Role><NetworkConfiguration><AddressAssignments>'
            '<ReservedIPs><ReservedIP name="shop-rip"/></ReservedIPs></AddressAssignments>'
            "</NetworkConfiguration></ServiceConfiguration>\n",
        }
    )
    [step] = [s for s in plan.steps if s.kind is StepKind.WEB_WORKER]
    assert (
        "Reserved IP 'shop-rip', the VIP of its deployment, does not move: the roles do not. "
        "To keep its address, free it (Remove-AzureReservedIPAssociation) when the service rebuilt from the "
        "roles is ready to take the traffic (the roles are reached at another address from then), then move "
        "it on its own (Move-AzureReservedIP -Validate, -Prepare, -Commit -ReservedIPName 'shop-rip')."
        in step.notes
    )


# --- (8) what the plan says agrees with the findings ----------------------------------------------------


def two_vips(default_reserved_ip: str = "") -> str:
    """A deployment with two VIPs, each with an input endpoint; the second one's address is reserved IP
    'rip2', the default one's only when `default_reserved_ip` names one."""
    endpoints = (
        "<InputEndpoint><Name>e0</Name><Port>8000</Port><Protocol>tcp</Protocol></InputEndpoint>"
        "<InputEndpoint><Name>e1</Name><Port>8001</Port><Protocol>tcp</Protocol>"
        "<VirtualIPName>vip2</VirtualIPName></InputEndpoint>"
    )
    default = f"<ReservedIPName>{default_reserved_ip}</ReservedIPName>" if default_reserved_ip else ""
    return f"""\
        <HostedService {REST}>
          <ServiceName>shop</ServiceName>
          <Deployments><Deployment>
            <Name>dep</Name>
            <RoleList><Role><RoleName>web01</RoleName><RoleType>PersistentVMRole</RoleType>
              <ConfigurationSets><ConfigurationSet>
                <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
                <InputEndpoints>{endpoints}</InputEndpoints>
              </ConfigurationSet></ConfigurationSets>
            </Role></RoleList>
            <VirtualIPs>
              <VirtualIP><Name>main</Name><IsDnsProgrammed>true</IsDnsProgrammed>{default}</VirtualIP>
              <VirtualIP><Name>vip2</Name><ReservedIPName>rip2</ReservedIPName></VirtualIP>
            </VirtualIPs>
          </Deployment></Deployments>
        </HostedService>
        """


def test_a_reserved_ip_on_a_second_vip_does_not_keep_the_default_one(plan_of):
    step = steps_by_id(plan_of({"shop.xml": two_vips()}))["service:shop/dep"]
    # As MIG105 says it: the default VIP changes, the second VIP's reserved IP is kept.
    assert "default VIP is not reserved and will change" in step.downtime
    assert "reserved IP 'rip2' of virtual IP 'vip2' is kept" in step.downtime
    assert "New-AzureReservedIP -ReservedIPName '<name>'" in step.downtime
    assert "Its public address is kept" not in step.downtime
    assert "reserved IP 'rip2'" in step.moves


def test_a_deployment_with_two_reserved_vips_names_its_own_vip_once(plan_of):
    step = steps_by_id(plan_of({"shop.xml": two_vips("rip1")}))["service:shop/dep"]
    assert "VIP is reserved IP 'rip1' and is kept" in step.downtime
    assert "'rip1', 'rip2'" not in step.downtime and "reserve it before Prepare" not in step.downtime
    assert step.moves[1:] == ("reserved IP 'rip1'", "reserved IP 'rip2'")


def test_the_vpn_beside_expressroute_is_not_moved_but_removed_first(plan_of):
    plan = plan_of(
        {
            "NetworkConfig.netcfg": netcfg(
                site("dc", "172.16.0.0/12") + site("hq", "192.168.0.0/16"),
                network("er-vnet", "10.0.0.0/16", ("dc", "Dedicated"), ("hq", "IPsec")),
            )
        }
    )
    step = steps_by_id(plan)["network:er-vnet"]
    assert not any("'hq'" in line for line in (*step.moves, *step.becomes))
    assert "Its site-to-site connections become" not in step.downtime
    [note] = [n for n in step.notes if "'hq'" in n]
    assert "MIG301" in note and "remove" in note and "recreate" in note
    assert "LocalNetworkSiteRef 'dc', 'hq'" in step.powershell.before[1]


def test_a_local_site_wider_than_the_network_it_holds_is_transit_as_mig305_says(plan_of):
    plan = plan_of(
        {
            "NetworkConfig.netcfg": netcfg(
                site("hq", "10.200.0.0/20") + site("corp", "10.0.0.0/8") + site("siteB", "10.2.0.0/16"),
                network("vnetA", "10.1.0.0/16", ("hq", "IPsec"), ("siteB", "IPsec"))
                + network("vnetB", "10.2.0.0/16", ("corp", "IPsec")),
            )
        }
    )
    vnet_b = steps_by_id(plan)["network:vnetB"]
    assert "MIG305" in " ".join(vnet_b.notes)
    assert (
        "its VPN connection to local network site 'corp', which holds the range of virtual network 'vnetA' "
        "and on-premises ranges (transit)" in vnet_b.moves
    )
    assert any("Vnet2Vnet to 'vnetA'" in b and "route to on-premises" in b for b in vnet_b.becomes)
    assert not any("local network gateway for 'corp', and a connection" in b for b in vnet_b.becomes)
    assert "Its site-to-site connections become" not in vnet_b.downtime


def test_a_storage_account_a_script_makes_current_waits_for_the_vms(plan_of):
    plan = plan_of(
        {
            "create.ps1": 'New-AzureStorageAccount -StorageAccountName "vmacct" -Location "West Europe"\n'
            'Set-AzureSubscription -SubscriptionName "x" -CurrentStorageAccountName "vmacct"\n'
            'New-AzureQuickVM -Windows -ServiceName "svc1" -Name "vm1" -ImageName "img" -AdminUsername a '
            '-Password p -Location "West Europe"\n'
        }
    )
    steps = steps_by_id(plan)
    storage, service = steps["storage:vmacct"], steps["service:svc1/svc1"]
    assert storage.wave == service.wave + 1
    assert storage.moves[0] == "storage account 'vmacct' (1 disk)"  # the VM's OS disk, put there
    assert [s.id for s in plan.steps].index("storage:vmacct") > [s.id for s in plan.steps].index(service.id)


def test_a_standalone_storage_account_shares_the_wave_of_the_storage_accounts_with_disks(plan_of):
    plan = plan_of(
        {
            "web.xml": deployment("web", "w01"),
            # The export lists every classic account of the subscription: the one the VM's disks are in too.
            "inventory/classic.json": inventory(
                classic_row("storageAccounts", "blobsonly", {"accountType": "Standard-LRS"}),
                classic_row("storageAccounts", "webdisks", {"accountType": "Standard-LRS"}),
            ),
        }
    )
    steps = steps_by_id(plan)
    assert steps["storage:blobsonly"].wave == steps["storage:webdisks"].wave == 2
