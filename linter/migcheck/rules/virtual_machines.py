"""Rules about VMs and role instances: endpoint ACLs, subnets, boot diagnostics, runtime state."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from migcheck.estate import CloudService, Estate, Placement, key
from migcheck.inventory_model import ClassicStorageAccount
from migcheck.model import (
    Disk,
    Edit,
    EndpointAcl,
    Extension,
    Finding,
    Fix,
    InstanceAddress,
    NameRef,
    Part,
    Role,
    RoleInstance,
    Script,
    SeveralSubnets,
    Severity,
    StorageAccountType,
    VirtualMachine,
    account_name,
    at_name,
    is_stand_in,
    session_sets,
    storage_account,
)
from migcheck.retirements import CLASSIC_VMS, CLOUD_SERVICES_CLASSIC
from migcheck.rule import Docs, Example, Rule, Scope, listed
from migcheck.wording import Tool, command_word


class EndpointAclRule(Rule):
    code = "MIG201"
    name = "endpoint-acl"
    severity = Severity.ERROR
    scope = Scope.CLOUD_SERVICES
    looks_at = frozenset({EndpointAcl})
    per_cloud_service = True
    summary = "An endpoint has an access control list, which blocks migration."
    fix_hint = (
        "Remove the endpoint ACL before migrating (Remove-AzureAclConfig, then Update-AzureVM); after "
        "migration, allow or deny the same addresses with network security group rules."
    )
    source = "Unsupported features — Network: Endpoint ACLs. Remove Endpoint ACLs and retry migration."
    docs = Docs(
        what="Access control lists on input endpoints: `EndpointAcl` bindings in a .cscfg's "
        "`NetworkConfiguration/EndpointAcls` (with the rules of the `AccessControl` they name), also in the "
        "base64 .cscfg that a Create Deployment, Upgrade Deployment or Change Deployment Configuration body, "
        "or a Get Deployment response, of web and worker roles carries (`Configuration`, where they are "
        "reported), `EndpointAcl/Rules` on a VM endpoint in a REST body and "
        "on the endpoints of a load-balanced set in "
        "an Update Load-Balanced Endpoint Set body (`LoadBalancedEndpointList`, as a file or sent by a Python "
        "script), and `EndpointAccessControlList/Rules` in an "
        "Export-AzureVM file or a `Get-AzureVM | ConvertTo-Json` export (every item of its `Rules` is a "
        "rule, whatever the serializer called it), and the ACL a PowerShell script sets on an endpoint "
        "(`Set-AzureAclConfig`, `Set-AzureEndpoint -ACL`, `Set-AzureLoadBalancedEndpoint -ACL`). An access "
        "control list with no rules permits and denies nothing, and is not "
        "reported in any format: an `AccessControl` with no `Rule`, an `EndpointAcl` or "
        "`EndpointAccessControlList` whose `Rules` is empty. A script's removal takes the ACL off the VM "
        "the other files describe: PowerShell's `Remove-AzureAclConfig`, and each rule the classic CLI's "
        "`vm endpoint acl-rule delete <vm> <endpoint> <order>` deletes or PowerShell's "
        "`Set-AzureAclConfig -RemoveRule -RuleId <n>` removes from the ACL `Get-AzureAclConfig` read, set "
        "back with `Set-AzureEndpoint -ACL` (the ACL goes with its last rule), where the removal surely runs. "
        "An ACL read and set back keeps the rules the other files describe.",
        why="Endpoint ACLs have no equivalent in Azure Resource Manager; validation fails until they are gone.",
        fix="On a VM, remove the ACL from the endpoint (`Remove-AzureAclConfig -EndpointName <name>`, then "
        "`Update-AzureVM`; with the classic CLI, `azure vm endpoint acl-rule delete <vm> <endpoint> <order>` "
        "for each rule), migrate, then recreate the same permit/deny rules as network security group "
        "rules on the subnet or network interface. `migcheck check --fix --unsafe-fixes` removes the ACL "
        "element of a VM endpoint from a REST body or an Export-AzureVM file. It is an unsafe fix: until "
        "the network security group rules exist, the endpoint is open to every address. ACLs of web/worker "
        "roles (.cscfg `EndpointAcls`) go with their roles, which cannot be migrated (MIG101) and can no "
        "longer be redeployed either, since Cloud Services (classic) was retired on "
        f"{CLOUD_SERVICES_CLASSIC}: write the same rules for the service the roles are rebuilt on (network "
        "security group rules, or its own access restrictions).",
    )
    invalid = (
        Example(
            {
                "shop/ServiceConfiguration.Cloud.cscfg": """
                <ServiceConfiguration serviceName="shop">
                  <Role name="Web"><Instances count="2"/></Role>
                  <NetworkConfiguration>
                    <AccessControls>
                      <AccessControl name="office">
                        <Rule order="100" action="permit" remoteSubnet="203.0.113.0/24" description="office"/>
                      </AccessControl>
                    </AccessControls>
                    <EndpointAcls>
                      <EndpointAcl role="Web" endPoint="HttpsIn" accessControl="office"/>
                    </EndpointAcls>
                  </NetworkConfiguration>
                </ServiceConfiguration>
                """
            },
            expect=("shop/ServiceConfiguration.Cloud.cscfg:10:7",),
        ),
        Example(
            {
                "vms/sql01.xml": """
                <PersistentVM xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <RoleName>sql01</RoleName>
                  <ConfigurationSets>
                    <ConfigurationSet xsi:type="NetworkConfigurationSet">
                      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
                      <InputEndpoints>
                        <InputEndpoint>
                          <Name>SQL</Name><Port>1433</Port><Protocol>tcp</Protocol><LocalPort>1433</LocalPort>
                          <EndpointAccessControlList>
                            <Rules>
                              <AccessControlListRule>
                                <Order>100</Order><Action>permit</Action><RemoteSubnet>10.0.0.0/8</RemoteSubnet>
                              </AccessControlListRule>
                            </Rules>
                          </EndpointAccessControlList>
                        </InputEndpoint>
                      </InputEndpoints>
                    </ConfigurationSet>
                  </ConfigurationSets>
                  <RoleSize>Standard_D2</RoleSize>
                </PersistentVM>
                """
            },
            expect=("vms/sql01.xml:9:11",),
        ),
        Example(
            {
                "ops/restrict.ps1": """
                $acl = New-AzureAclConfig
                Set-AzureAclConfig -AddRule -ACL $acl -Action Permit -RemoteSubnet "203.0.113.0/24" -Order 100 -Description "office"
                Get-AzureVM -ServiceName "shop" -Name "web01" |
                    Set-AzureEndpoint -Name "HTTPS" -ACL $acl |
                    Update-AzureVM
                """
            },
            expect=("ops/restrict.ps1:4:42",),
            note="A PowerShell script putting an ACL on an existing VM's endpoint; reported at the -ACL argument.",
        ),
        Example(
            {
                "ops/restrict.sh": """
                azure vm endpoint acl-rule create web01 HTTPS 100 permit 203.0.113.0/24 --dns-name shop
                """
            },
            expect=("ops/restrict.sh:1:41",),
            note="A shell script running the classic CLI: reported at the endpoint its rules are added to.",
        ),
    )
    valid = (
        Example(
            {
                "shop/ServiceConfiguration.Local.cscfg": """
                <ServiceConfiguration serviceName="shop">
                  <Role name="Web"><Instances count="1"/></Role>
                  <NetworkConfiguration>
                    <AccessControls><AccessControl name="office"/></AccessControls>
                    <EndpointAcls><EndpointAcl role="Web" endpoint="HttpsIn" accessControl="office"/></EndpointAcls>
                  </NetworkConfiguration>
                </ServiceConfiguration>
                """
            },
            note="The local emulator's configuration is never deployed.",
        ),
        Example(
            {
                "shop/ServiceConfiguration.Cloud.cscfg": """
                <ServiceConfiguration serviceName="shop">
                  <Role name="Web"><Instances count="2"/></Role>
                  <NetworkConfiguration>
                    <AccessControls><AccessControl name="open"></AccessControl></AccessControls>
                    <EndpointAcls><EndpointAcl role="Web" endPoint="HttpsIn" accessControl="open"/></EndpointAcls>
                  </NetworkConfiguration>
                </ServiceConfiguration>
                """,
                "vms/sql01.xml": """
                <PersistentVM>
                  <RoleName>sql01</RoleName>
                  <ConfigurationSets>
                    <ConfigurationSet>
                      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
                      <InputEndpoints>
                        <InputEndpoint>
                          <Name>SQL</Name><Port>1433</Port><Protocol>tcp</Protocol>
                          <EndpointAccessControlList><Rules /></EndpointAccessControlList>
                        </InputEndpoint>
                      </InputEndpoints>
                    </ConfigurationSet>
                  </ConfigurationSets>
                </PersistentVM>
                """,
            },
            note="An access control with no rules blocks nothing, in a .cscfg as in an Export-AzureVM file.",
        ),
        Example(
            {
                "ops/open.ps1": """
                Get-AzureVM -ServiceName "shop" -Name "web01" | Remove-AzureAclConfig -EndpointName "HTTPS" | Update-AzureVM
                """
            },
            note="Removing an endpoint ACL with PowerShell is the fix.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for service in estate.cloud_services:
            for placement in service.placements:
                for role in placement.roles:
                    for endpoint in role.endpoints:  # not a generator per role: most have no ACL
                        acl = endpoint.acl
                        if acl is not None and acl.rules:
                            yield self._acl(service, role, endpoint.name, acl, placement.slot)

    def _acl(self, service: CloudService, role: Role, endpoint: str, acl: EndpointAcl, slot: str) -> Finding:
        count = len(acl.rules)
        which = (
            f"access control list '{acl.access_control}'" if acl.access_control else "an access control list"
        )
        rules = f" ({count} rule{'s' if count != 1 else ''})" if acl.all_rules_known else ""
        subject = _endpoint_words(endpoint)
        # The endpoints of a load-balanced set a script changes are on VMs it does not name either.
        several = subject.startswith("the ")
        owner = "" if several and is_stand_in(role.name) else f" of {role.label}"
        has = "have" if several else "has"
        return self.finding(
            acl,
            f"{subject}{owner} in {_deployment_words(slot)}{service.label} {has} {which}{rules}",
            fix="" if role.is_vm else ROLE_ACL_FIX,
            autofix=_remove_acl(subject, acl) if role.is_vm else None,
            names=(("cloud service", service.name),),
            fix_in={Tool.CLASSIC_CLI: _cli_acl_fix(service.name, role.name, endpoint, acl)}
            if role.is_vm
            else None,
        )


def _cli_acl_fix(service: str, vm: str, endpoint: str, acl: EndpointAcl) -> str:
    """MIG201's fix for an ACL the classic CLI adds, naming the VM, the endpoint and the rules' orders the
    files state (placeholders for those they do not), so that the command can be run as it is."""
    delete = (
        f"azure vm endpoint acl-rule delete {command_word(vm, '<vm>')} {command_word(endpoint, '<endpoint>')}"
    )
    dns = f" --dns-name {command_word(service, '')}" if command_word(service, "") else ""
    orders = [order for order in (command_word(rule.order, "") for rule in acl.rules) if order]
    if len(orders) == 1:
        command = f"`{delete} {orders[0]}{dns}`"
    else:
        stated = f" ({', '.join(orders)})" if orders else ""
        command = f"`{delete} <order>{dns}` for each rule{stated}"
    if not acl.all_rules_known or len(orders) < len(acl.rules):
        command += ", and likewise for any other rule the endpoint has"
    return (
        "Remove this `azure vm endpoint acl-rule create` from the file (it adds the rule again each time it "
        f"runs), and delete the deployed {'rule' if len(acl.rules) == 1 else 'rules'} once before migrating: "
        f"{command}; after migration, allow or "
        "deny the same addresses with network security group rules."
    )


def _deployment_words(slot: str) -> str:
    """How a message names the deployment an endpoint is on, where the files deploy it to the Staging slot (a
    publish profile's `AzureSlot`, `-Slot Staging`): a user looks at the production deployment first."""
    return "the staging deployment of " if slot.strip().casefold() == "staging" else ""


def _endpoint_words(name: str) -> str:
    """How messages name an endpoint: by its name, or, for the endpoints a script changes by their set
    (`<endpoints of load-balanced set web>`), by what they are rather than as if that were a name."""
    return (
        f"the {name[1:-1]}"
        if is_stand_in(name) and name.startswith("<endpoints of ")
        else f"endpoint '{name}'"
    )


def _remove_acl(endpoint: str, acl: EndpointAcl) -> Fix:
    """Remove a VM endpoint's ACL element. Unsafe: the endpoint is then open to every address until
    network security group rules replace the ACL. Web/worker roles get none: they are not migrated."""
    edit = Edit(acl.mark, Part.ELEMENT, "")
    return Fix(f"Remove the access control list of {endpoint}", (edit,), safe=False)


# Web/worker roles are never migrated (MIG101), so their ACLs and subnets are not fixed in place.
ROLE_ACL_FIX = (
    "The role cannot be migrated (MIG101) nor redeployed (Cloud Services (classic) was retired on "
    f"{CLOUD_SERVICES_CLASSIC}): recreate these rules on the service the role is rebuilt on."
)
ROLE_SUBNETS_FIX = (
    "The role cannot be migrated (MIG101) nor redeployed (Cloud Services (classic) was retired on "
    f"{CLOUD_SERVICES_CLASSIC}): place the service it is rebuilt on in one subnet."
)


class MultipleSubnets(Rule):
    code = "MIG202"
    name = "multiple-subnets"
    severity = Severity.ERROR
    scope = Scope.CLOUD_SERVICES
    looks_at = frozenset({InstanceAddress, VirtualMachine})
    # A VM's subnets may come from several files (two descriptions of it, a script's change): any file of
    # a VM or a script may hold the second. A web/worker role's come from its own file alone, which must
    # name two or more (`SeveralSubnets`): most configurations place each role in one subnet.
    cases_in = frozenset({VirtualMachine, Script, SeveralSubnets})
    per_cloud_service = True
    summary = "A VM or role instance is bound to more than one subnet."
    fix_hint = (
        "Keep exactly one subnet per VM: one subnet in SubnetNames, and no secondary network interface in "
        "another subnet (remove it before migrating, add it back afterwards)."
    )
    source = (
        "Unsupported configurations — Compute: Multiple subnets associated with a VM. Update the subnet "
        "configuration to reference only one subnet. This may require you to remove a secondary NIC (that is "
        "referring to another subnet) from the VM and reattach it after migration has completed."
    )
    docs = Docs(
        what="A VM in more than one subnet, counting the subnets of its primary network interface "
        "(`SubnetNames`) and those of its secondary network interfaces "
        "(`NetworkInterfaces/NetworkInterface/IPConfigurations/IPConfiguration/SubnetName`), in REST bodies "
        "and Export-AzureVM files; and a cscfg `InstanceAddress` that places a role's instances in more than "
        "one subnet. The VMs scripts create or change are counted alike: PowerShell's `Set-AzureSubnet "
        "-SubnetNames` and `Add-AzureNetworkInterfaceConfig -SubnetName`, the classic CLI's `azure vm create "
        "-b` (`--subnet-names`) and the Python SDK's network `ConfigurationSet` (`subnet_names`), with the "
        "values their settings files give; and so are the VMs of inventory exports, with their secondary "
        "network interfaces (a `Get-AzureVM` export). Subnet names are compared without regard to case: "
        "`FrontEnd` and `frontend` are one subnet. The finding points at the second subnet's name, where it is "
        "written (an element's text, a `name` attribute's value, a script's argument). A VM a PowerShell "
        "script puts in a second subnet only by variables it assigns nowhere (`-SubnetNames $Sub1, $Sub2`) "
        "is a warning that says it is so if the session that runs the script sets them: run as written they "
        "are $null, and Set-AzureSubnet refuses a $null name.",
        why="Validation fails for a VM that is associated with several subnets: the platform accepts a VM "
        "whose network configuration references one subnet only.",
        fix="Choose the one subnet the VM should live in. Keep only it in the primary configuration "
        "(`Set-AzureSubnet -SubnetNames <one>`, then `Update-AzureVM`); remove a secondary network interface "
        "that is in another subnet (`Remove-AzureNetworkInterfaceConfig -Name <nic>`, then `Update-AzureVM`) "
        "and attach a network interface to the VM again once it is in Azure Resource Manager. "
        "`migcheck check --fix --unsafe-fixes` keeps the first subnet of `SubnetNames` in a REST body or an "
        "Export-AzureVM file and removes the others. It is an unsafe fix: the VM leaves those subnets, and "
        "what reached it there must reach it in the one kept. It is not offered when a secondary network "
        "interface is in another subnet. A web/worker role placed in several subnets cannot be migrated at "
        "all (MIG101): rebuild it as that rule says.",
    )
    invalid = (
        Example(
            {
                "jump.xml": """
                <PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure">
                  <RoleName>jump01</RoleName>
                  <RoleType>PersistentVMRole</RoleType>
                  <ConfigurationSets>
                    <ConfigurationSet>
                      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
                      <SubnetNames>
                        <SubnetName>FrontEnd</SubnetName>
                        <SubnetName>Management</SubnetName>
                      </SubnetNames>
                    </ConfigurationSet>
                  </ConfigurationSets>
                </PersistentVMRole>
                """
            },
            expect=("jump.xml:9:21",),
        ),
        Example(
            {
                "ServiceConfiguration.Cloud.cscfg": """
                <ServiceConfiguration serviceName="shop">
                  <Role name="Web"><Instances count="2"/></Role>
                  <NetworkConfiguration>
                    <VirtualNetworkSite name="prod"/>
                    <AddressAssignments>
                      <InstanceAddress roleName="Web">
                        <Subnets><Subnet name="FrontEnd"/><Subnet name="BackEnd"/></Subnets>
                      </InstanceAddress>
                    </AddressAssignments>
                  </NetworkConfiguration>
                </ServiceConfiguration>
                """
            },
            expect=("ServiceConfiguration.Cloud.cscfg:7:57",),
        ),
        Example(
            {
                "vms/fw01.xml": """
                <PersistentVM>
                  <RoleName>fw01</RoleName>
                  <ConfigurationSets>
                    <ConfigurationSet>
                      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
                      <SubnetNames><string>FrontEnd</string></SubnetNames>
                      <NetworkInterfaces>
                        <AssignNetworkInterface>
                          <Name>nic-back</Name>
                          <IPConfigurations>
                            <AssignIPConfiguration><SubnetName>BackEnd</SubnetName></AssignIPConfiguration>
                          </IPConfigurations>
                        </AssignNetworkInterface>
                      </NetworkInterfaces>
                    </ConfigurationSet>
                  </ConfigurationSets>
                </PersistentVM>
                """
            },
            expect=("vms/fw01.xml:11:48",),
            note="A secondary network interface in another subnet puts the VM in two.",
        ),
        Example(
            {
                "deploy/fw.ps1": """
                New-AzureVMConfig -Name "fw01" -InstanceSize Medium -ImageName $image |
                    Add-AzureProvisioningConfig -Linux -LinuxUser $user -Password $password |
                    Set-AzureSubnet -SubnetNames "FrontEnd", "BackEnd" |
                    New-AzureVM -ServiceName "fw" -Location "West Europe" -VNetName "prod-vnet"
                """
            },
            expect=("deploy/fw.ps1:3:46",),
            note="PowerShell: Set-AzureSubnet takes a list, and two names put the VM in two subnets.",
        ),
        Example(
            {
                "create_jump.py": """
                from azure.servicemanagement import ConfigurationSet, ServiceManagementService

                sms = ServiceManagementService("subscription-id", "management.pem")
                network = ConfigurationSet()
                network.subnet_names.append("FrontEnd")
                network.subnet_names.append("Management")
                sms.create_virtual_machine_deployment(
                    "jump", "jump", "production", "jump", "jump01", None, None, network,
                    virtual_network_name="prod-vnet",
                )
                """
            },
            expect=("create_jump.py:6:29",),
            note="A Python script: the second subnet is reported where the script appends it.",
        ),
        Example(
            {
                "deploy/jump.sh": """
                SUBNETS=FrontEnd,Management
                azure vm create jump ubuntu azureuser --vm-name jump01 \\
                  --virtual-network-name prod-vnet --subnet-names "$SUBNETS"
                """
            },
            expect=("deploy/jump.sh:1:18",),
            note="A shell script running the classic CLI: `--subnet-names` takes a comma list, reported at the "
            "second name.",
        ),
    )
    valid = (
        Example(
            {
                "vms/app01.xml": """
                <PersistentVM>
                  <RoleName>app01</RoleName>
                  <ConfigurationSets>
                    <ConfigurationSet>
                      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
                      <SubnetNames><string>FrontEnd</string></SubnetNames>
                    </ConfigurationSet>
                  </ConfigurationSets>
                </PersistentVM>
                """
            }
        ),
        Example(
            {
                "fw.xml": """
                <PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure">
                  <RoleName>fw01</RoleName>
                  <RoleType>PersistentVMRole</RoleType>
                  <ConfigurationSets>
                    <ConfigurationSet>
                      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
                      <SubnetNames><SubnetName>FrontEnd</SubnetName></SubnetNames>
                      <NetworkInterfaces>
                        <NetworkInterface>
                          <Name>nic-mgmt</Name>
                          <IPConfigurations>
                            <IPConfiguration><SubnetName>frontend</SubnetName></IPConfiguration>
                          </IPConfigurations>
                        </NetworkInterface>
                      </NetworkInterfaces>
                    </ConfigurationSet>
                  </ConfigurationSets>
                </PersistentVMRole>
                """
            },
            note="A secondary network interface in the same subnet (names compare without regard to case).",
        ),
        Example(
            {
                "deploy/app.ps1": """
                param([string[]] $Subnets)
                New-AzureVMConfig -Name "app01" -InstanceSize Small -ImageName $image |
                    Add-AzureProvisioningConfig -Linux -LinuxUser $user -Password $password |
                    Set-AzureSubnet -SubnetNames $Subnets |
                    New-AzureVM -ServiceName "app" -Location "West Europe" -VNetName "prod-vnet"
                """
            },
            note="Subnets given as a script parameter are not known from the script: silent.",
        ),
        Example(
            {
                "create_jump.py": """
                from azure.servicemanagement import ConfigurationSet, ServiceManagementService

                def create(sms: ServiceManagementService, extra_subnet: str) -> None:
                    network = ConfigurationSet()
                    network.subnet_names.append("FrontEnd")
                    if extra_subnet:
                        network.subnet_names.append(extra_subnet)
                    sms.create_virtual_machine_deployment(
                        "jump", "jump", "production", "jump", "jump01", None, None, network,
                        virtual_network_name="prod-vnet",
                    )
                """
            },
            note="A Python script whose second subnet comes from a parameter, under a condition: not known, silent.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for service in estate.cloud_services:
            for placement in service.placements:
                for role in placement.roles:
                    if len(role.subnets) < 2:  # most roles: no second subnet to tell apart by name
                        continue
                    distinct = role.distinct_subnets
                    if len(distinct) > 1:
                        shape = (
                            f" ({role.interfaces_shape})" if role.interfaces_shape and role.interfaces else ""
                        )
                        unset = role.session_variable("several_subnets")
                        yield self.finding(
                            role,
                            f"{role.label} of {service.label} is in {len(distinct)} subnets "
                            f"({_names(distinct)}){shape}" + (f" if {session_sets(unset)}" if unset else ""),
                            at=at_name(distinct[1].mark),  # the name as written
                            fix="" if role.is_vm else ROLE_SUBNETS_FIX,
                            autofix=_keep_first_subnet(role) if role.is_vm else None,
                            severity=Severity.WARNING if unset else None,  # as the session decides
                        )


def _keep_first_subnet(vm: Role) -> Fix | None:
    """Remove every subnet of `SubnetNames` but the first. Unsafe: the VM's network interface moves out of
    the removed subnets. Offered only when every subnet is one `SubnetNames` of an XML file names: a
    secondary network interface in another subnet is removed with its interface, which is not a text edit
    this fix can make safely (its IP configurations, addresses and DNS would go with it)."""
    primary = vm.primary_subnets
    if not primary or set(vm.subnets) != set(primary):
        return None
    if not all(
        ref.mark.path == primary[0].mark.path and ref.mark.path.lower().endswith(".xml") for ref in primary
    ):
        return None
    kept = primary[0].name.strip().casefold()
    edits = tuple(Edit(ref.mark, Part.ELEMENT, "") for ref in primary if ref.name.strip().casefold() != kept)
    return Fix(f"Keep only subnet '{primary[0].name}' for {vm.label}", edits, safe=False)


def _names(refs: Iterable[NameRef | Disk | Extension]) -> str:
    return listed((r.name for r in refs), quote="")


def _disk_names(disks: Iterable[Disk]) -> str:
    """Disks by name, each once (the paths a script may take each describe the disk); one that has none by
    its blob, or as unnamed (a role body may state neither)."""
    return listed(dict.fromkeys(d.name or d.blob_name or "an unnamed disk" for d in disks), quote="")


_CLI_SUBNET = "`-b <subnet>` (`--subnet-names`) on `azure vm create`, beside its `-w <network>` (`--virtual-network-name`)"
_SDK_SUBNET = (
    "the subnet's name in `subnet_names` of the VM's NetworkConfiguration `ConfigurationSet`, "
    "`network.subnet_names.append('<subnet>')`"
)


def _no_subnet_fix(how: str) -> str:
    """MIG203's fix for a VM a script makes in a network without a subnet, `how` being the way the script's
    tool gives a VM its subnet: the script makes it so again on its next run."""
    return (
        f"Give the VM a subnet in the script ({how}), so that it is not made without one again. The VM "
        "made cannot migrate as it is: delete it keeping its disks (the one way out the migration documents "
        "offer) and rebuild it in Azure Resource Manager from its VHDs, in an explicit subnet, once their "
        "storage account is migrated."
    )


def _no_subnet_on_some_paths_fix(how: str) -> str:
    """MIG203's fix for a VM a script may put in a network without a subnet, `how` being the way the
    script's tool gives a VM its subnet."""
    return (
        f"Give the VM a subnet wherever the script puts its deployment in a network ({how}). If a VM the "
        "script made is in a network with no subnet, delete it keeping its disks (the one way out the migration "
        "documents offer) and rebuild it in Azure Resource Manager from its VHDs, in an explicit subnet, once "
        "their storage account is migrated."
    )


_NO_SUBNET_ON_SOME_PATHS_FIX = _no_subnet_on_some_paths_fix(
    "Set-AzureSubnet, a network configuration's subnet names"
)


def _ansible_no_subnet_fix(surely: bool) -> str:
    """MIG203's fix for a VM a task of Ansible's classic `azure` module puts in a network (`surely`), or may:
    the module has no way to give it a subnet, so the task is replaced, not given one."""
    puts, made = (
        ("puts", "The VM made cannot migrate as it is:")
        if surely
        else (
            "may put",
            "If a VM the playbook made is in a network with no subnet, it cannot migrate as it is:",
        )
    )
    return (
        "The classic `azure` module of Ansible cannot give a VM a subnet (it has no option for one, and "
        f"Ansible refuses a task that names one), so a VM its task {puts} in a network (`virtual_network_name`) "
        "has none: replace the task with one of Azure Resource Manager (`azure.azcollection.azure_rm_"
        f"virtualmachine`, in an explicit subnet). {made} delete it keeping its disks (the one way out the "
        "migration documents offer) and rebuild it in Azure Resource Manager from its VHDs, in an explicit "
        "subnet, once their storage account is migrated."
    )


class MissingSubnet(Rule):
    code = "MIG203"
    name = "missing-subnet"
    severity = Severity.ERROR
    scope = Scope.CLOUD_SERVICES
    looks_at = frozenset({VirtualMachine})
    per_cloud_service = True
    summary = "A VM is in a virtual network but has no subnet of its own."
    fix_hint = (
        "Delete the VM keeping its disks (the one way out the migration documents offer: it cannot migrate as it "
        "is); rebuild it in Azure Resource Manager from its VHDs, in an explicit subnet, once their storage "
        "account is migrated."
    )
    fix_in = {
        fix_hint: {
            Tool.CLASSIC_CLI: _no_subnet_fix(_CLI_SUBNET),
            Tool.PYTHON_SDK: _no_subnet_fix(_SDK_SUBNET),
            Tool.ANSIBLE_MODULE: _ansible_no_subnet_fix(surely=True),
        },
        _NO_SUBNET_ON_SOME_PATHS_FIX: {
            Tool.CLASSIC_CLI: _no_subnet_on_some_paths_fix(_CLI_SUBNET),
            Tool.PYTHON_SDK: _no_subnet_on_some_paths_fix(_SDK_SUBNET),
            Tool.ANSIBLE_MODULE: _ansible_no_subnet_fix(surely=False),
        },
    }
    source = (
        "Unsupported configurations — Compute: Virtual machines that belong to a virtual network but don't "
        "have an explicit subnet assigned. You can optionally delete the VM."
    )
    docs = Docs(
        what="A VM of a REST deployment that names a `VirtualNetworkName` when the VM's network configuration "
        "lists no `SubnetNames`; a VM a script puts in a subnet on some of its paths only (one branch of an `if` it "
        "cannot decide) is a warning that it may have none, and so is one a script gives no subnet in a "
        "deployment it may create in a network it does not state or in none (`virtual_network_name="
        "module.params.get('vnet')`, as MIG105 says). A network a PowerShell script names by a variable it "
        "assigns nowhere (`-VNetName $VNet`, no parameter, set by nothing it loads) is a warning that the VM "
        "joins it without a subnet if the session that runs the script sets the variable: run as written, "
        "in a session of its own, it is $null; so is one it names by an environment variable it sets nowhere "
        "(`-VNetName $env:VNET`, if the environment that runs the script sets `VNET`); so is one a shell script, CI step or Makefile recipe names by "
        'a variable no line of it assigns (`azure vm create -w "$VNET"`), and one whose subnet is such a '
        'variable (`-b "$SUBNET"`) has none unless the session sets it; and one a Python script reads alone '
        "from an option the caller may leave out (`args.vnet` of `add_argument('--vnet')`, if the caller gives "
        "`--vnet`) or from an environment variable with no default (`os.environ.get('VNET')`). A VM a script "
        "creates only on branches apart from every one that puts its deployment in a network (the `else` of "
        '`if [ "$VNET" ]`, of PowerShell\'s `if ($VNet) { New-AzureQuickVM … -VNetName $VNet }`, an `elseif` or a '
        "`switch` arm) is not in that network. A VM the classic CLI creates with a static address "
        "(`azure vm create -w <vnet> -S <ip>`) is in the subnet that holds the address, which the CLI looks "
        "up in the network and uses in place of any `-b`: the subnet the script's `network vnet create` gives "
        "that prefix, or that the network's definition in another file (a network configuration) gives it, "
        "or else one the files do not state, never none. Export-AzureVM files and bare role bodies never say whether "
        "the VM is in a "
        "virtual network, so a VM without subnets there is not reported. Web/worker roles of a .cscfg without "
        "an `InstanceAddress` are not reported either: the platform rule is about virtual machines, and "
        "web/worker roles cannot be migrated at all (MIG101).",
        why="In Azure Resource Manager a VM's network interface must sit in a subnet. The platform does not "
        "choose one for a VM that has none, and validation fails.",
        fix="The platform's one recommendation for such a VM is to delete it. Delete it keeping its disks "
        "(`Remove-AzureVM` without `-DeleteVHD`): the disks stay in their storage account, unattached, and "
        f"their VHD blobs migrate with it. IaaS VMs (classic) were retired on {CLASSIC_VMS} and no classic "
        "VM can be created any more, so do not recreate it in the classic model: once the storage account "
        "is migrated, build the VM again in Azure Resource Manager from its VHDs, in the subnet it belongs "
        "in. If the VM is no longer needed, delete it with its disks.",
    )
    invalid = (
        Example(
            {
                "jump.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>jump</Name>
                  <RoleList>
                    <Role>
                      <RoleName>jump01</RoleName><RoleType>PersistentVMRole</RoleType>
                      <ConfigurationSets>
                        <ConfigurationSet>
                          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
                          <SubnetNames/>
                        </ConfigurationSet>
                      </ConfigurationSets>
                    </Role>
                  </RoleList>
                  <VirtualNetworkName>prod-vnet</VirtualNetworkName>
                </Deployment>
                """
            },
            expect=("jump.deployment.xml:4:5",),
        ),
        Example(
            {
                "deploy/jump.ps1": """
                New-AzureVMConfig -Name "jump01" -InstanceSize Small -ImageName $image |
                    Add-AzureProvisioningConfig -Windows -AdminUsername $user -Password $password |
                    New-AzureVM -ServiceName "jump" -Location "West Europe" -VNetName "prod-vnet"
                """
            },
            expect=("deploy/jump.ps1:1:1",),
            note="A PowerShell pipeline with -VNetName and no Set-AzureSubnet.",
        ),
        Example(
            {
                "create_jump.py": """
                from azure.servicemanagement import ConfigurationSet, ServiceManagementService

                sms = ServiceManagementService("subscription-id", "management.pem")
                network = ConfigurationSet()
                sms.create_virtual_machine_deployment(
                    "jump", "jump", "production", "jump", "jump01", None, None, network,
                    virtual_network_name="prod-vnet",
                )
                """
            },
            expect=("create_jump.py:5:5",),
            note="A Python script: a network configuration with no subnet_names, in a virtual network.",
        ),
    )
    valid = (
        Example(
            {
                "jump.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>jump</Name>
                  <RoleList>
                    <Role>
                      <RoleName>jump01</RoleName><RoleType>PersistentVMRole</RoleType>
                      <ConfigurationSets>
                        <ConfigurationSet>
                          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
                          <SubnetNames><SubnetName>FrontEnd</SubnetName></SubnetNames>
                        </ConfigurationSet>
                      </ConfigurationSets>
                    </Role>
                  </RoleList>
                  <VirtualNetworkName>prod-vnet</VirtualNetworkName>
                </Deployment>
                """
            }
        ),
        Example(
            {"vms/app01.xml": "<PersistentVM>\n  <RoleName>app01</RoleName>\n</PersistentVM>\n"},
            note="An Export-AzureVM file does not say whether the VM is in a virtual network: silent.",
        ),
        Example(
            {
                "deploy/jump.ps1": """
                New-AzureQuickVM -Linux -ServiceName "jump" -Name "jump01" -ImageName $image -LinuxUser $user `
                    -Password $password -Location "West Europe" -VNetName "prod-vnet" -SubnetNames "mgmt"
                """
            },
            note="New-AzureQuickVM names the subnet with -SubnetNames.",
        ),
        Example(
            {
                "create_jump.py": """
                from azure.servicemanagement import ServiceManagementService

                def create(sms: ServiceManagementService, network) -> None:
                    sms.create_virtual_machine_deployment(
                        "jump", "jump", "production", "jump", "jump01", None, None, network,
                        virtual_network_name="prod-vnet",
                    )
                """
            },
            note="A Python script whose network configuration is a parameter: its subnets are unknown, silent.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for service in estate.cloud_services:
            for placement in service.placements:
                network = placement.virtual_network
                if network is None:
                    yield from self._maybe_in_a_network(service, placement)
                    continue
                for vm in placement.vms:
                    if vm.made_in_none:  # created only where the network's path is not taken
                        continue
                    subnet_on_some_paths = vm.absent_on_some_path("subnets")
                    # Of a network each path names one of, those names (`'a', 'b' or 'c'`).
                    named = vm.candidate_networks_said or f"'{network.name}'"
                    if not vm.subnets and "subnets" not in vm.unknown:
                        yield self.finding(
                            vm,
                            f"VM '{vm.name}' of {service.label} is in virtual network {named} but has no subnet",
                            at=vm.subnets_mark,
                        )
                    elif subnet_on_some_paths is not None:
                        yield self.finding(
                            vm,
                            f"VM '{vm.name}' of {service.label} is in virtual network {named} "
                            f"{_maybe_no_subnet(vm, subnet_on_some_paths.line)}",
                            severity=Severity.WARNING,  # the path that ran decides: the files do not say
                        )

    def _maybe_in_a_network(self, service: CloudService, placement: Placement) -> Iterator[Finding]:
        """VMs a script states no subnet for, in a deployment it creates in a virtual network it does not
        state on one path and in none on another (`Role.absent_on_some_paths`, as MIG105 says): on the path
        into a network, each is in it without a subnet."""
        for vm in placement.vms:
            at = vm.absent_on_some_path("virtual_network")
            if at is None or vm.made_in_none or vm.subnets or "subnets" in vm.unknown:
                continue
            variable = vm.session_variable("virtual_network")
            yield self.finding(
                vm,
                f"VM '{vm.name}' of {service.label} joins a virtual network without a subnet if "
                f"{session_sets(variable)} (line {at.line})"
                if variable
                else f"VM '{vm.name}' of {service.label} has no subnet and may be in a virtual network: the "
                f"script puts its deployment in {_networks_or_none(vm)} (line {at.line}); in a "
                "network, the VM has no subnet there",
                severity=Severity.WARNING,  # the path that ran decides: the files do not say
                at=vm.subnets_mark,
                fix=_NO_SUBNET_ON_SOME_PATHS_FIX,
            )


def _networks_or_none(vm: Role) -> str:
    """Where the paths of a script put a VM's deployment that may be in no network: the networks those
    into one name, where it states each (`Role.candidate_networks`), else one it does not state; or none."""
    named = vm.candidate_networks_said
    return f"{named}, or in none" if named else "one it does not state or in none"


def _maybe_no_subnet(vm: Role, line: int) -> str:
    """Why a VM in a virtual network may have no subnet, the script's subnet names absent at `line`: on
    the paths that give none, or in a session that does not set the variable assigned nowhere they are."""
    variable = vm.session_variable("subnets")
    if variable:
        return f"and has no subnet unless {session_sets(variable)} (line {line})"
    return (
        "but may have no subnet: the script puts it in one only on some of its paths "
        f"(line {line}), and in none on the others"
    )


def _cli_boot_diagnostics_off(vm: str) -> str:
    """MIG205's fix in the classic CLI's words: `vm create` turns boot diagnostics on unless given
    `--disable-boot-diagnostics`, and `vm set` turns them off on a VM deployed."""
    return (
        f"Disable boot diagnostics on the VM before migrating (`azure vm set {command_word(vm, '<vm>')} "
        "--disable-boot-diagnostics`, and `--disable-boot-diagnostics` on the `azure vm create` that makes it), "
        "delete its screenshot and serial log blobs, and enable it again in Resource Manager."
    )


class BootDiagnosticsPremiumStorage(Rule):
    code = "MIG205"
    name = "boot-diagnostics-premium-storage"
    severity = Severity.ERROR
    scope = Scope.CLOUD_SERVICES
    looks_at = frozenset({VirtualMachine})
    per_cloud_service = True
    summary = (
        "A VM with boot diagnostics enabled has Premium storage disks, or writes its boot diagnostics to a "
        "Premium storage account."
    )
    fix_hint = (
        "Disable boot diagnostics on the VM before migrating, delete its screenshot and serial log blobs, and "
        "enable it again in Resource Manager."
    )
    source = (
        "Unsupported configurations — Compute: Boot diagnostics with Premium storage. Disable Boot Diagnostics "
        "feature for the VMs before continuing with migration."
    )
    docs = Docs(
        what="A VM whose boot diagnostics are on (`DebugSettings/BootDiagnosticsEnabled`, "
        "`Set-AzureVMBootDiagnostics -Enable`, `debugProfile.bootDiagnosticsEnabled` in an inventory export) "
        "while its OS disk or a data disk is on Premium storage (a Premium SSD disk in today's terms). Two "
        "things prove Premium storage: a disk's `IOType` `Provisioned`, in REST bodies, Export-AzureVM files "
        "and inventory exports (`ioType` on the disks of a classic VM's `storageProfile`, `IOType` in a "
        "`Get-AzureVM` or `Get-AzureDisk` export through ConvertTo-Json); and a disk whose blob (`MediaLink`, "
        "`vhdUri`) is in a storage account that an inventory export of classic storage accounts shows as "
        "Premium (`accountType` `Premium-LRS`, or the `AccountType` `Premium_LRS` of a `Get-AzureStorageAccount | "
        "ConvertTo-Json` export), or that a script creates as Premium (Python `create_storage_account(..., account_type='Premium_LRS')`, "
        "PowerShell `New-AzureStorageAccount -Type Premium_LRS`), or that a REST body states is Premium (a "
        "Get Storage Account Properties response, `StorageService` or `StorageServices`, whose "
        "`StorageServiceProperties/AccountType` is `Premium_LRS`, or a Create Storage Account body, "
        "`CreateStorageServiceInput`), for the disks any file places in it. The "
        "account wins "
        "over the `IOType` a file or the export states, since a Premium account holds only Premium disks. "
        "Nothing else is taken as evidence: the "
        "size of the VM (DS, GS series) allows Premium disks but does not prove them, and without an export "
        "or such a script or body a `MediaLink` does not say what kind of account it points at. The finding points "
        "at `DebugSettings` (or wherever boot diagnostics are turned on). A VM a script creates with a command that "
        "turns boot diagnostics on unless told not to is a warning that it may have them on, at that command, "
        "where no file states the setting: the classic CLI's `azure vm create` without "
        "`--disable-boot-diagnostics`, and `New-AzureVMConfig` without `-DisableBootDiagnostics` (its later "
        "revisions); which version created the VM, the files do not say.\n\n"
        "A VM on Standard disks is found too when its boot diagnostics write to Premium storage: an "
        "inventory export's `debugProfile.serialOutputBlobUri` or `consoleScreenshotBlobUri` with its blob in "
        "an account shown as Premium by the same means as a disk's.",
        why="The platform cannot migrate boot diagnostics of a VM on Premium storage: validation fails until "
        "the feature is off.",
        fix="Turn boot diagnostics off (`Set-AzureVMBootDiagnostics -Disable`, then `Update-AzureVM`), "
        "migrate, and turn it on again in Azure Resource Manager. Delete the old screenshot and serial log "
        "blobs so they stop being billed. `migcheck check --fix --unsafe-fixes` sets "
        "`BootDiagnosticsEnabled` to `false` in a REST body or an Export-AzureVM file. It is an unsafe fix: "
        "the VM keeps no screenshot or serial log until boot diagnostics is on again.",
    )
    invalid = (
        Example(
            {
                "ops.xml": """
                <PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure">
                  <RoleName>ops01</RoleName>
                  <RoleType>PersistentVMRole</RoleType>
                  <OSVirtualHardDisk>
                    <DiskName>ops01-os</DiskName>
                    <IOType>Provisioned</IOType>
                  </OSVirtualHardDisk>
                  <RoleSize>Standard_DS2_v2</RoleSize>
                  <DebugSettings>
                    <BootDiagnosticsEnabled>true</BootDiagnosticsEnabled>
                  </DebugSettings>
                </PersistentVMRole>
                """
            },
            expect=("ops.xml:9:3",),
        ),
        Example(
            {
                "vms/db01.xml": """
                <PersistentVM>
                  <DataVirtualHardDisks>
                    <DataVirtualHardDisk><DiskName>db01-data</DiskName><IOType>Provisioned</IOType></DataVirtualHardDisk>
                  </DataVirtualHardDisks>
                  <DebugSettings><BootDiagnosticsEnabled>true</BootDiagnosticsEnabled></DebugSettings>
                  <OSVirtualHardDisk><DiskName>db01-os</DiskName><IOType>Standard</IOType></OSVirtualHardDisk>
                  <RoleName>db01</RoleName>
                </PersistentVM>
                """
            },
            expect=("vms/db01.xml:5:3",),
        ),
        Example(
            {
                "ops/diagnostics.ps1": """
                Get-AzureVM -ServiceName "ops" -Name "ops01" | Set-AzureVMBootDiagnostics -Enable | Update-AzureVM
                """,
                "vms/ops01.xml": """
                <PersistentVM>
                  <RoleName>ops01</RoleName>
                  <OSVirtualHardDisk><DiskName>ops01-os</DiskName><IOType>Provisioned</IOType></OSVirtualHardDisk>
                </PersistentVM>
                """,
            },
            expect=("ops/diagnostics.ps1:1:48",),
            note="A PowerShell script turns boot diagnostics on for a VM whose Export-AzureVM file shows a Premium "
            "disk: the two descriptions of one VM are joined.",
        ),
        Example(
            {
                "rest/ops.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>ops</Name>
                  <RoleList>
                    <Role>
                      <RoleName>ops01</RoleName>
                      <RoleType>PersistentVMRole</RoleType>
                      <OSVirtualHardDisk>
                        <DiskName>ops01-os</DiskName>
                        <IOType>Standard</IOType>
                        <MediaLink>https://opsprem.blob.core.windows.net/vhds/ops01-os.vhd</MediaLink>
                      </OSVirtualHardDisk>
                      <DebugSettings><BootDiagnosticsEnabled>true</BootDiagnosticsEnabled></DebugSettings>
                    </Role>
                  </RoleList>
                </Deployment>
                """,
                "inventory/storage.json": """
                [
                  {
                    "id": "/subscriptions/3f1d2c4b-8a7e-4c1d-9b2a-5e6f7a8b9c0d/resourceGroups/Default-Storage-WestEurope/providers/Microsoft.ClassicStorage/storageAccounts/opsprem",
                    "name": "opsprem",
                    "type": "microsoft.classicstorage/storageaccounts",
                    "properties": {"accountType": "Premium-LRS"}
                  }
                ]
                """,
            },
            expect=("rest/ops.xml:12:7",),
            note="An inventory export shows that the disk's storage account is a Premium one: that wins over "
            "the `IOType` the body states.",
        ),
    )
    valid = (
        Example(
            {
                "ops.xml": """
                <PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure">
                  <RoleName>ops01</RoleName>
                  <RoleType>PersistentVMRole</RoleType>
                  <OSVirtualHardDisk><DiskName>ops01-os</DiskName><IOType>Standard</IOType></OSVirtualHardDisk>
                  <RoleSize>Standard_DS2_v2</RoleSize>
                  <DebugSettings><BootDiagnosticsEnabled>true</BootDiagnosticsEnabled></DebugSettings>
                </PersistentVMRole>
                """
            },
            note="A DS-series size allows Premium disks, but these are Standard.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        premium_accounts = _premium_accounts(estate)
        for service in estate.cloud_services:
            for vm in service.vms:
                premium = vm.premium_disks
                if vm.boot_diagnostics and premium:
                    yield self.finding(
                        vm,
                        f"VM '{vm.name}' has boot diagnostics enabled and Premium storage disks "
                        f"({_disk_names(premium)}): the platform does not migrate a VM with both",
                        at=vm.boot_diagnostics_mark,
                        autofix=_disable_boot_diagnostics(vm),
                        fix_in={Tool.CLASSIC_CLI: _cli_boot_diagnostics_off(vm.name)},
                    )
                elif vm.boot_diagnostics and (blobs := _on_premium(vm, premium_accounts)):
                    yield self.finding(
                        vm,
                        f"VM '{vm.name}' has boot diagnostics enabled, and writes its serial log and screenshot "
                        f"to Premium storage account {listed(blobs)}: the platform does not migrate boot "
                        "diagnostics on Premium storage",
                        at=vm.boot_diagnostics_mark,
                        fix=f"{self.fix_hint.removesuffix('.')}, with a Standard storage account for its logs.",
                        autofix=_disable_boot_diagnostics(vm),
                        fix_in={Tool.CLASSIC_CLI: _cli_boot_diagnostics_off(vm.name)},
                    )
                elif vm.boot_diagnostics is None and vm.boot_diagnostics_default and premium:
                    yield self.finding(
                        vm,
                        f"VM '{vm.name}' may have boot diagnostics enabled, and has Premium storage disks "
                        f"({_disk_names(premium)}): {vm.boot_diagnostics_default} turns it on unless told "
                        "not to, in the versions that have the setting, and no file checked turns it off: the "
                        "platform does not migrate a VM with both",
                        fix=f"Check the VM's DebugSettings (Get-AzureVM); if boot diagnostics is on: {self.fix_hint}",
                        fix_in={
                            Tool.CLASSIC_CLI: f"Check the VM's DebugSettings (`azure vm show {command_word(vm.name, '<vm>')}"
                            f"`); if boot diagnostics is on: {_cli_boot_diagnostics_off(vm.name)}"
                        },
                        at=vm.boot_diagnostics_mark,
                        severity=Severity.WARNING,  # which version created the VM, the files do not say
                    )


def _premium_accounts(estate: Estate) -> frozenset[str]:
    """The storage accounts the files show as Premium, by name as the platform compares them: an inventory
    export's (`accountType` `Premium-LRS`), or one a script creates or a REST body states as Premium."""
    accounts: Iterable[ClassicStorageAccount | StorageAccountType] = (
        *estate.resources(ClassicStorageAccount),
        *estate.resources(StorageAccountType),
    )
    return frozenset(account_name(a.name) for a in accounts if a.premium)


def _on_premium(vm: Role, premium: frozenset[str]) -> list[str]:
    """The Premium storage accounts boot diagnostics writes a VM's serial log and screenshot to, as an
    inventory export states its blobs."""
    accounts = (storage_account(blob) for blob in vm.boot_diagnostics_blobs) if premium else ()
    return list(dict.fromkeys(account for account in accounts if account in premium))


def _disable_boot_diagnostics(vm: Role) -> Fix | None:
    """Set `DebugSettings/BootDiagnosticsEnabled` to false. Unsafe: the VM keeps no screenshot or serial
    log until boot diagnostics is turned on again in Resource Manager."""
    if vm.boot_diagnostics_mark is None:
        return None
    edit = Edit(vm.boot_diagnostics_mark, Part.TEXT, "false", child="BootDiagnosticsEnabled")
    return Fix(f"Disable boot diagnostics on VM '{vm.name}'", (edit,), safe=False)


class VmNotReady(Rule):
    code = "MIG208"
    name = "vm-not-ready"
    severity = Severity.WARNING
    scope = Scope.CLOUD_SERVICES
    looks_at = frozenset({RoleInstance})
    per_cloud_service = True
    summary = (
        "A VM's runtime state fails validation: neither running nor stopped (RoleStateUnknown, "
        "ProvisioningTimeout, an operation in progress, a role that failed to start), an extension whose "
        "handler is not ready or reports no status, or a guest agent that is not ready (or was never provisioned) "
        "on a VM with extensions."
    )
    fix_hint = (
        "Let the operation in progress finish (or restart the VM) and read the state again before migrating; "
        "for a VM Agent that is not ready, repair it or uninstall the VM's extensions."
    )
    source = (
        "Validation errors: Migration isn't allowed for HostedService {hosted-service-name} because it has VM "
        "{vm-name} in State: RoleStateUnknown — allowed only in Running, Stopped, Stopped Deallocated; VM "
        "Agent for VM {vm-name} ... is reporting the overall agent status as Not Ready. Hence, the VM may not "
        "be migrated, if it has a migratable extension; VM {vm-name} ... contains Extension {extension-name} "
        "whose Status isn't being reported from the VM (errors 2023)."
    )
    docs = Docs(
        what="Role instances of VMs in a REST GET response (`RoleInstanceList/RoleInstance`) whose "
        "`InstanceStatus` (or an export's instance status) is the platform's name of a state other than running "
        "(`ReadyRole`) and stopped: `RoleStateUnknown`, `ProvisioningTimeout`, an operation in progress "
        "(`StartingVM`, `StoppingVM`, `CreatingVM`, `DeletingVM`, `RestartingRole`, `BusyRole`, `Preparing`, "
        "...), a role that does not run (`UnresponsiveRole`, `CyclingRole`, `FailedStartingVM`, "
        "`FailedStartingRole`), or any other state but running and stopped (the portal's `Running` and "
        "`Stopped (deallocated)` count as such); running VMs with an extension whose "
        "handler reports a status other than `Ready` (`ResourceExtensionStatusList/ResourceExtensionStatus/"
        "Status`: `NotReady`, `Unresponsive`, `Installing`); running VMs whose "
        "`GuestAgentStatus/Status` is anything but `Ready` while the VM has an extension that migrates (any "
        "extension but the XML and backup extensions, which MIG204 and MIG206 ask to remove), reported at "
        "the agent's status; running VMs provisioned without the VM Agent (`ProvisionGuestAgent` false, "
        "Resource Graph's `hardwareProfile.platformGuestAgent` false) that report neither an agent status nor "
        "an extension status while they have an enabled extension that migrates, reported where the file "
        "says so; and running VMs with an enabled extension that migrates whose handler "
        "(`<publisher>.<name>`) reports no status: every such extension when the instance's status list is "
        "written and empty (a GET response's `<ResourceExtensionStatusList />`, or `[]` or null in a "
        "`Get-AzureVM | ConvertTo-Json` export, which writes every property: the platform's own answer), "
        "reported at the list, and one missing from a list that reports others. A status list a REST body "
        "does not write is not read as empty: the platform leaves it out when no handler reports, but so "
        "does a body trimmed by hand, and an export cut short (`Select-Object`, `-Depth`) says nothing "
        "either; a list whose handlers match none of the extensions may name them otherwise. "
        "`StoppedDeallocated` and `StoppedVM` are states the platform accepts, and a stopped VM's agent is not "
        "asked for extension status, so neither is reported. A guest agent that is not ready on a VM without "
        "extensions is not reported either: the agent only has to work to report extension status.",
        why="The platform migrates a VM only when it is Running, Stopped or Stopped (deallocated); an "
        "instance caught in an unknown or timed-out state fails validation. A VM with extensions needs a "
        "working Azure VM Agent (the guest agent), which reports the extensions' status through the VM's "
        "storage account; without it the VM cannot be migrated. The rule warns rather than fails the "
        "check, since a state may have changed since the files were read; the readiness summary and "
        "`migcheck plan` still count it as failing Validate, which it does for as long as it lasts.",
        fix="For RoleStateUnknown, wait for the update in progress on the cloud service (reboot, extension "
        "install) to finish, or restart the VM, then read the state again; so for an operation in progress. "
        "A role that does not run needs a restart that brings it to ReadyRole (its boot diagnostics say why "
        "it fails), or stopping and deallocating it. ProvisioningTimeout does not clear by itself: the "
        "documented way out is to delete the VM keeping its disks and recreate it, and since IaaS VMs "
        f"(classic) were retired on {CLASSIC_VMS} it can only be recreated in Azure Resource Manager, from "
        "its VHDs once their storage account is migrated. For a VM Agent that is not ready, repair or "
        "update the agent and check that the VM has outbound internet access and working DNS; or uninstall "
        "the extensions before migrating and add them back afterwards. A VM provisioned without the agent "
        "needs it installed in the VM and `ProvisionGuestAgent` set (`$vm.VM.ProvisionGuestAgent = $true`, "
        "then `Update-AzureVM`). Stopping and deallocating the VM also avoids the agent check, at the cost "
        "of its VIP unless reserved.",
    )
    invalid = (
        Example(
            {
                "jump.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>jump</Name>
                  <RoleInstanceList>
                    <RoleInstance>
                      <RoleName>ops01</RoleName>
                      <InstanceName>ops01</InstanceName>
                      <InstanceStatus>RoleStateUnknown</InstanceStatus>
                    </RoleInstance>
                  </RoleInstanceList>
                  <RoleList>
                    <Role><RoleName>ops01</RoleName><RoleType>PersistentVMRole</RoleType></Role>
                  </RoleList>
                </Deployment>
                """
            },
            expect=("jump.deployment.xml:4:5",),
        ),
        Example(
            {
                "batch.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>batch</Name>
                  <RoleInstanceList>
                    <RoleInstance>
                      <RoleName>batch01</RoleName>
                      <InstanceName>batch01</InstanceName>
                      <InstanceStatus>UnresponsiveRole</InstanceStatus>
                    </RoleInstance>
                  </RoleInstanceList>
                  <RoleList>
                    <Role><RoleName>batch01</RoleName><RoleType>PersistentVMRole</RoleType></Role>
                  </RoleList>
                </Deployment>
                """
            },
            expect=("batch.deployment.xml:4:5",),
            note="A VM that stopped answering does not recover by itself: restart it, or stop (deallocate) it.",
        ),
        Example(
            {
                "app.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>app</Name>
                  <RoleInstanceList>
                    <RoleInstance>
                      <RoleName>app01</RoleName>
                      <InstanceName>app01</InstanceName>
                      <InstanceStatus>ReadyRole</InstanceStatus>
                      <GuestAgentStatus><Status>NotReady</Status></GuestAgentStatus>
                    </RoleInstance>
                  </RoleInstanceList>
                  <RoleList>
                    <Role>
                      <RoleName>app01</RoleName><RoleType>PersistentVMRole</RoleType>
                      <ResourceExtensionReferences>
                        <ResourceExtensionReference>
                          <Publisher>Microsoft.OSTCExtensions</Publisher>
                          <Name>CustomScriptForLinux</Name>
                          <Version>1.*</Version>
                        </ResourceExtensionReference>
                      </ResourceExtensionReferences>
                    </Role>
                  </RoleList>
                </Deployment>
                """
            },
            expect=("app.deployment.xml:8:7",),
            note="A guest agent that is not ready is reported where its status is written.",
        ),
        Example(
            {
                "web.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>web</Name>
                  <RoleInstanceList>
                    <RoleInstance>
                      <RoleName>web01</RoleName>
                      <InstanceName>web01</InstanceName>
                      <InstanceStatus>ReadyRole</InstanceStatus>
                      <ResourceExtensionStatusList>
                        <ResourceExtensionStatus>
                          <HandlerName>Microsoft.Compute.CustomScriptExtension</HandlerName>
                          <Status>NotReady</Status>
                        </ResourceExtensionStatus>
                      </ResourceExtensionStatusList>
                    </RoleInstance>
                  </RoleInstanceList>
                  <RoleList><Role><RoleName>web01</RoleName><RoleType>PersistentVMRole</RoleType></Role></RoleList>
                </Deployment>
                """
            },
            expect=("web.deployment.xml:9:9",),
            note="An extension handler that is not ready is reported where its status is written.",
        ),
        Example(
            {
                "app.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>app</Name>
                  <RoleInstanceList>
                    <RoleInstance>
                      <RoleName>app01</RoleName>
                      <InstanceName>app01</InstanceName>
                      <InstanceStatus>ReadyRole</InstanceStatus>
                      <GuestAgentStatus><Status>Ready</Status></GuestAgentStatus>
                      <ResourceExtensionStatusList>
                        <ResourceExtensionStatus>
                          <HandlerName>Microsoft.Compute.BGInfo</HandlerName>
                          <Status>Ready</Status>
                        </ResourceExtensionStatus>
                      </ResourceExtensionStatusList>
                    </RoleInstance>
                  </RoleInstanceList>
                  <RoleList>
                    <Role>
                      <RoleName>app01</RoleName><RoleType>PersistentVMRole</RoleType>
                      <ResourceExtensionReferences>
                        <ResourceExtensionReference>
                          <Publisher>Microsoft.Compute</Publisher><Name>BGInfo</Name><Version>2.1</Version>
                        </ResourceExtensionReference>
                        <ResourceExtensionReference>
                          <Publisher>Microsoft.Azure.Security</Publisher><Name>IaaSAntimalware</Name>
                          <Version>1.*</Version>
                        </ResourceExtensionReference>
                      </ResourceExtensionReferences>
                    </Role>
                  </RoleList>
                </Deployment>
                """
            },
            expect=("app.deployment.xml:4:5",),
            note="IaaSAntimalware reports no status, while BGInfo does.",
        ),
        Example(
            {
                "app.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>app</Name>
                  <RoleInstanceList>
                    <RoleInstance>
                      <RoleName>app01</RoleName>
                      <InstanceName>app01</InstanceName>
                      <InstanceStatus>ReadyRole</InstanceStatus>
                      <GuestAgentStatus><Status>Ready</Status></GuestAgentStatus>
                      <ResourceExtensionStatusList />
                    </RoleInstance>
                  </RoleInstanceList>
                  <RoleList>
                    <Role>
                      <RoleName>app01</RoleName><RoleType>PersistentVMRole</RoleType>
                      <ResourceExtensionReferences>
                        <ResourceExtensionReference>
                          <Publisher>Microsoft.Compute</Publisher><Name>CustomScriptExtension</Name>
                          <Version>1.*</Version>
                        </ResourceExtensionReference>
                      </ResourceExtensionReferences>
                    </Role>
                  </RoleList>
                </Deployment>
                """
            },
            expect=("app.deployment.xml:9:7",),
            note="The response lists the extensions' status, and the list is empty: no handler reports.",
        ),
        Example(
            {
                "app.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>app</Name>
                  <RoleInstanceList>
                    <RoleInstance>
                      <RoleName>app01</RoleName>
                      <InstanceName>app01</InstanceName>
                      <InstanceStatus>ReadyRole</InstanceStatus>
                    </RoleInstance>
                  </RoleInstanceList>
                  <RoleList>
                    <Role>
                      <RoleName>app01</RoleName><RoleType>PersistentVMRole</RoleType>
                      <ResourceExtensionReferences>
                        <ResourceExtensionReference>
                          <Publisher>Microsoft.Compute</Publisher><Name>CustomScriptExtension</Name>
                          <Version>1.*</Version>
                        </ResourceExtensionReference>
                      </ResourceExtensionReferences>
                      <ProvisionGuestAgent>false</ProvisionGuestAgent>
                    </Role>
                  </RoleList>
                </Deployment>
                """
            },
            expect=("app.deployment.xml:19:7",),
            note="A VM provisioned without the VM Agent has nothing to report its extensions' status.",
        ),
    )
    valid = (
        Example(
            {
                "app.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>app</Name>
                  <RoleInstanceList>
                    <RoleInstance>
                      <RoleName>app01</RoleName>
                      <InstanceName>app01</InstanceName>
                      <InstanceStatus>StoppedDeallocated</InstanceStatus>
                    </RoleInstance>
                    <RoleInstance>
                      <RoleName>app02</RoleName>
                      <InstanceName>app02</InstanceName>
                      <InstanceStatus>ReadyRole</InstanceStatus>
                      <GuestAgentStatus><Status>NotReady</Status></GuestAgentStatus>
                    </RoleInstance>
                  </RoleInstanceList>
                  <RoleList>
                    <Role><RoleName>app01</RoleName><RoleType>PersistentVMRole</RoleType></Role>
                    <Role><RoleName>app02</RoleName><RoleType>PersistentVMRole</RoleType></Role>
                  </RoleList>
                </Deployment>
                """
            },
            note="Stopped (deallocated) is an accepted state, and app02 has no extension needing its agent.",
        ),
        Example(
            {
                "app.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>app</Name>
                  <RoleInstanceList>
                    <RoleInstance>
                      <RoleName>app01</RoleName>
                      <InstanceName>app01</InstanceName>
                      <InstanceStatus>ReadyRole</InstanceStatus>
                      <GuestAgentStatus><Status>Ready</Status></GuestAgentStatus>
                    </RoleInstance>
                  </RoleInstanceList>
                  <RoleList>
                    <Role>
                      <RoleName>app01</RoleName><RoleType>PersistentVMRole</RoleType>
                      <ResourceExtensionReferences>
                        <ResourceExtensionReference>
                          <Publisher>Microsoft.Azure.Security</Publisher><Name>IaaSAntimalware</Name>
                          <Version>1.*</Version>
                        </ResourceExtensionReference>
                      </ResourceExtensionReferences>
                    </Role>
                  </RoleList>
                </Deployment>
                """
            },
            note="A response that does not write the extensions' status list may have been trimmed of it: "
            "nothing is said.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for service in estate.cloud_services:
            for placement in service.placements:
                for vm, instance in placement.vm_instances:
                    found = _not_ready(instance, vm)
                    if found is not None:
                        problem, fix, at = found
                        yield self.finding(
                            instance, f"VM '{vm.name}' of {service.label} {problem}", fix=fix, at=at
                        )


# --- runtime state -----------------------------------------------------------------------------------

STOPPED_STATES = frozenset({"stoppedvm", "stoppeddeallocated"})
# The states in which a VM holds no public address (`StoppedDeallocated`, the portal's `Stopped
# (deallocated)`): a deployment with every VM so has released its VIP.
DEALLOCATED_STATES = frozenset({"stoppeddeallocated", "deallocated"})
# The states validation accepts: running and stopped, in the API's words and in the portal's (`Running`,
# `Stopped (deallocated)`), compared by their letters.
_ACCEPTED_STATES = frozenset({"readyrole", "running", "started", "stopped", "deallocated", *STOPPED_STATES})
# The Service Management API's other instance states than running (`ReadyRole`) and stopped: an operation
# in progress, which ends by itself, or a role that failed to start or stopped answering, which does not.
# Validation accepts neither, nor any other state ("Migration is allowed only when the VM is in one of the
# following states"): one not named here gets the general fix.
_IN_PROGRESS_STATES = frozenset(
    {
        "busyrole",
        "creatingrole",
        "creatingvm",
        "deletingvm",
        "preparing",
        "restartingrole",
        "startingrole",
        "startingvm",
        "stoppingrole",
        "stoppingvm",
    }
)
_FAILED_STATES = frozenset({"cyclingrole", "failedstartingrole", "failedstartingvm", "unresponsiverole"})
_OTHER_STATE_FIX = (
    "Bring the VM to a state the platform migrates: running (ReadyRole), or stopped (deallocated) at the "
    "cost of its VIP unless reserved; restart it if it does not get there, then read its state again."
)
_AGENT_FIX = (
    "Repair or update the VM Agent and check that the VM has outbound internet access to its storage "
    "account and working DNS; or uninstall the extensions before migrating and add them back afterwards."
)
_NO_AGENT_FIX = (
    "Install the VM Agent in the VM and tell the platform it has one ($vm.VM.ProvisionGuestAgent = $true, "
    "then Update-AzureVM), and check that the VM has outbound internet access to its storage account; or "
    "uninstall the extensions before migrating and add them back afterwards, or stop (deallocate) the VM."
)
_STATE_FIXES = {
    "rolestateunknown": "Wait for the operation in progress on the cloud service to finish, or restart the "
    "VM, then read its state again before migrating.",
    "provisioningtimeout": "ProvisioningTimeout does not clear by itself: delete the VM keeping its disks, "
    "and recreate it in Azure Resource Manager from its VHDs once their storage account is migrated (IaaS "
    f"VMs (classic) were retired on {CLASSIC_VMS}, so it cannot be recreated as a classic VM).",
    **dict.fromkeys(
        _IN_PROGRESS_STATES,
        "Wait for the operation in progress on the VM to finish, then read its state again before migrating.",
    ),
    **dict.fromkeys(
        _FAILED_STATES,
        "Restart the VM and read its boot diagnostics until it reports ReadyRole, or stop (deallocate) it: "
        "a stopped (deallocated) VM migrates, at the cost of its VIP unless reserved.",
    ),
}


def state_letters(status: str) -> str:
    """An instance state as the sets above hold it: its letters, casefolded (`Stopped (deallocated)` is
    `StoppedDeallocated`)."""
    folded = status.casefold()
    if folded.isalpha():  # as nearly every state is written: not walked letter by letter
        return folded
    return "".join(c for c in folded if c.isalpha())


def _not_ready(instance: RoleInstance, vm: Role) -> tuple[str, str, object] | None:
    """What keeps this VM instance from validating, with what to do and where it is written; None when
    nothing does."""
    letters = state_letters(instance.status)
    if letters and letters not in _ACCEPTED_STATES:
        problem = (
            f"is in state {listed([instance.status], quote='')}: the platform migrates VMs only when running, stopped or "
            "stopped (deallocated)"
        )
        return problem, _STATE_FIXES.get(letters, _OTHER_STATE_FIX), None
    if letters in STOPPED_STATES or letters in ("stopped", "deallocated"):
        return None  # a stopped VM's agent and extensions are not asked for their status
    handler = next(
        (e for e in instance.extension_statuses if e.status and e.status.casefold() != "ready"), None
    )
    if handler is not None:
        problem = (
            f"has extension {listed([handler.handler], quote='')} reporting handler status "
            f"{listed([handler.status], quote='')}: the platform "
            "migrates a VM only when its extensions report Ready"
        )
        return problem, _AGENT_FIX, handler
    agent = instance.guest_agent_status
    migrating = [e for e in vm.installed_extensions() if not e.is_xml and not e.is_backup]
    if agent and agent.casefold() != "ready" and migrating:
        problem = (
            f"reports guest agent status {listed([agent], quote='')} while it has extensions to migrate ({_names(migrating)}): "
            "the agent must be ready to report their status"
        )
        return problem, _AGENT_FIX, instance.guest_agent_mark
    return _without_agent(instance, migrating) or _unreported(instance, migrating)


def _enabled(extensions: list[Extension]) -> list[Extension]:
    """The extensions that must report a status: a disabled extension need not."""
    return [e for e in extensions if e.state.casefold() != "disable"]


def _without_agent(instance: RoleInstance, migrating: list[Extension]) -> tuple[str, str, object] | None:
    """A running VM given no guest agent (`ProvisionGuestAgent` false) that has enabled extensions to
    migrate, and reports neither an agent status nor an extension status (either would show an agent
    installed since): nothing can report their status."""
    enabled = _enabled(migrating)
    if instance.no_agent_mark is None or not enabled:
        return None
    if instance.guest_agent_status or instance.extension_statuses:
        return None
    problem = (
        f"was provisioned without the VM Agent (its guest agent) while it has extensions to migrate "
        f"({_names(enabled)}): nothing reports their status, and the platform migrates a running VM only "
        "when every extension reports one"
    )
    return problem, _NO_AGENT_FIX, instance.no_agent_mark


def _unreported(instance: RoleInstance, migrating: list[Extension]) -> tuple[str, str, object] | None:
    """Enabled extensions whose handler (`<publisher>.<name>`) reports no status: every one, when the
    instance's status list is written and empty (the platform's own answer); else those missing from a
    list that reports others of them. A list not written may have been left out of the body, and one whose
    handlers match none may name them otherwise: neither says that an extension is silent."""
    enabled = _enabled(migrating)
    if not enabled:
        return None
    if not instance.extension_statuses and instance.status_list_mark is not None:
        problem = (
            f"reports no status for its extension{'s' if len(enabled) > 1 else ''} {_names(enabled)} (its "
            "extension status list is empty): the platform migrates a running VM only when every extension "
            "reports one"
        )
        return problem, _AGENT_FIX, instance.status_list_mark
    reported = {e.handler.casefold() for e in instance.extension_statuses if e.handler}
    silent = [e for e in enabled if f"{e.publisher}.{e.name}".casefold() not in reported]
    if not silent or len(silent) == len(enabled):
        return None
    problem = (
        f"reports no status for its extension{'s' if len(silent) > 1 else ''} {_names(silent)}, while it "
        "reports the status of others: the platform migrates a VM only when every extension reports one"
    )
    return problem, _AGENT_FIX, None


# --- what Prepare does to VMs in no virtual network ----------------------------------------------------

# The states of a VM stopped but not deallocated (`StoppedVM`, the portal's `Stopped`): it still holds its
# place in the cloud service, and Prepare deallocates it.
_STOPPED_ALLOCATED = frozenset({"stoppedvm", "stopped"})


def prepare_fates(placement: Placement) -> tuple[list[str], list[str], list[str]]:
    """The names of a deployment's VMs, in no virtual network, by what Prepare does to them as it moves
    them into one (overview: the platform restarts them, Stop, Deallocate and Start; deep dive: they are
    stopped and deallocated in Prepare): those it stops, deallocates and starts again, running or in a
    state no file states (a script's VMs run once made); those stopped and not deallocated (`StoppedVM`),
    which it deallocates and leaves stopped; and those stopped (deallocated) already, which move so. The
    state is the one a REST body, a `Get-AzureVM | ConvertTo-Json` export or an inventory export states
    for the VM (`InstanceStatus`, `instanceView.status`); Export-AzureVM files state none."""
    states = {key(instance.role): state_letters(instance.status) for _, instance in placement.vm_instances}
    running: list[str] = []
    stopped: list[str] = []
    deallocated: list[str] = []
    for vm in placement.vms:
        state = states.get(key(vm.name), "")
        fate = (
            deallocated
            if state in DEALLOCATED_STATES
            else stopped
            if state in _STOPPED_ALLOCATED
            else running
        )
        fate.append(vm.name)
    return running, stopped, deallocated


def prepare_moves(placement: Placement) -> str:
    """What migration does to the VMs of a deployment in no virtual network, each by its state (see
    `prepare_fates`), as MIG105 says it after "migration"."""
    running, stopped, deallocated = prepare_fates(placement)
    if not stopped and not deallocated:
        return f"stops, deallocates and restarts {listed(running)}, whose internal IP addresses change"
    if not running and not stopped:
        return (
            f"moves {listed(deallocated)}, stopped (deallocated), into one and their internal IP addresses "
            "change"
        )
    said = []
    if running:
        said.append(f"stops, deallocates and restarts {listed(running)}")
    if stopped:
        said.append(f"deallocates {listed(stopped)}, stopped, without starting {_it(stopped)}")
    if deallocated:
        said.append(f"moves {listed(deallocated)}, stopped (deallocated) already, into one")
    one = len(running) + len(stopped) + len(deallocated) == 1
    changes = "the VM's internal IP address changes" if one else "the VMs' internal IP addresses change"
    return f"{'; '.join(said)}; {changes}"


def prepare_downtime(placement: Placement) -> str:
    """What Prepare does to the VMs of a deployment in no virtual network, each by its state (see
    `prepare_fates`), as a plan step's downtime says it, in sentences."""
    running, stopped, deallocated = prepare_fates(placement)
    if not running and not stopped:
        return (
            "The VMs are stopped (deallocated) already and move so: start them in Resource Manager after "
            "Commit; their private addresses change."
        )
    if not stopped and not deallocated:
        return "Running VMs are stopped, deallocated and started again during Prepare; their private addresses change."
    said = []
    if running:
        said.append(f"{listed(running)} {_is(running)} stopped, deallocated and started again during Prepare")
    if stopped:
        said.append(f"{listed(stopped)}, stopped, {_is(stopped)} deallocated during Prepare and not started")
    if deallocated:
        said.append(f"{listed(deallocated)}, stopped (deallocated) already, {_move(deallocated)} so")
    return (
        f"{'; '.join(said)}: start in Resource Manager after Commit those that should run; their private "
        "addresses change."
    )


def _it(names: list[str]) -> str:
    return "it" if len(names) == 1 else "them"


def _is(names: list[str]) -> str:
    return "is" if len(names) == 1 else "are"


def _move(names: list[str]) -> str:
    return "moves" if len(names) == 1 else "move"


# --- on-premises reach -------------------------------------------------------------------------------
