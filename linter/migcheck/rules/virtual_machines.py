"""Rules about VMs and role instances: endpoint ACLs, subnets, extensions, disks, runtime state."""

from __future__ import annotations

from collections.abc import Iterator

from migcheck.estate import CloudService, Estate
from migcheck.model import FileKind, Finding, Severity
from migcheck.rule import Docs, Example, Rule, Scope

VM_FILES = frozenset({FileKind.REST, FileKind.VM_EXPORT})


class EndpointAclRule(Rule):
    code = "MIG201"
    name = "endpoint-acl"
    severity = Severity.ERROR
    scope = Scope.CLOUD_SERVICES
    inspects = frozenset({FileKind.SERVICE_CONFIGURATION, *VM_FILES})
    summary = "An endpoint has an access control list, which blocks migration."
    fix_hint = (
        "Remove the endpoint ACL before migrating; after migration, allow or deny the same addresses with a "
        "network security group."
    )
    source = "Unsupported features — Network: Endpoint ACLs. Remove Endpoint ACLs and retry migration."
    docs = Docs(
        what="Access control lists on input endpoints: `EndpointAcl` bindings in a .cscfg's "
        "`NetworkConfiguration/EndpointAcls`, `EndpointAcl/Rules` on a VM endpoint in a REST body, and "
        "`EndpointAccessControlList/Rules` in an Export-AzureVM file. An ACL element with no rules is not "
        "reported.",
        why="Endpoint ACLs have no equivalent in Azure Resource Manager; validation fails until they are gone.",
        fix="Remove the ACLs (`Remove-AzureAclConfig`, or delete the `EndpointAcl` elements and redeploy), "
        "migrate, then recreate the same permit/deny rules as network security group rules on the subnet or "
        "network interface.",
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
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for service in estate.cloud_services:
            for cfg in service.deployed_configurations:
                for acl in cfg.endpoint_acls:
                    yield self.finding(
                        acl,
                        f"endpoint {acl.endpoint!r} of role {acl.role!r} in cloud service '{service.name}' has "
                        f"access control list '{acl.access_control}'",
                    )
            yield from self._vm_acls(service)

    def _vm_acls(self, service: CloudService) -> Iterator[Finding]:
        for vm in service.vms:
            for endpoint in vm.endpoints:
                if endpoint.acl is not None and endpoint.acl.rules:
                    count = len(endpoint.acl.rules)
                    yield self.finding(
                        endpoint.acl,
                        f"endpoint '{endpoint.name}' of VM '{vm.name}' has an access control list "
                        f"({count} rule{'s' if count != 1 else ''})",
                    )


class MultipleSubnets(Rule):
    code = "MIG202"
    name = "multiple-subnets"
    severity = Severity.ERROR
    scope = Scope.CLOUD_SERVICES
    inspects = frozenset({FileKind.SERVICE_CONFIGURATION, *VM_FILES})
    summary = "A VM or role instance is bound to more than one subnet."
    fix_hint = "Keep exactly one subnet per VM or role."
    source = (
        "Unsupported configurations — Compute: Multiple subnets associated with a VM. Update the subnet "
        "configuration to reference only one subnet."
    )
    docs = Docs(
        what="A VM whose `SubnetNames` lists more than one subnet (REST bodies and Export-AzureVM files), and a "
        "cscfg `InstanceAddress` that places a role's instances in more than one subnet. The finding points at "
        "the second subnet named.",
        why="In Azure Resource Manager a network interface lives in exactly one subnet; validation fails for a "
        "VM that is associated with several.",
        fix="Choose the one subnet the VM (or role) should live in and remove the others "
        "(`Set-AzureSubnet -SubnetNames <one>` then `Update-AzureVM`, or edit the `Subnets` of the "
        "`InstanceAddress`). Do it before migration: the VM keeps working in the remaining subnet.",
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
            expect=("jump.xml:9:9",),
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
            expect=("ServiceConfiguration.Cloud.cscfg:7:43",),
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
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for service in estate.cloud_services:
            for vm in service.vms:
                if len(vm.subnets) > 1:
                    yield self.finding(
                        vm,
                        f"VM '{vm.name}' is in {len(vm.subnets)} subnets ({_names(vm.subnets)})",
                        at=vm.subnets[1],
                    )
            for cfg in service.deployed_configurations:
                for address in cfg.instance_addresses:
                    if len(address.subnets) > 1:
                        yield self.finding(
                            address,
                            f"role '{address.role}' of cloud service '{service.name}' is placed in "
                            f"{len(address.subnets)} subnets ({_names(address.subnets)})",
                            at=address.subnets[1],
                        )


def _names(refs) -> str:
    return ", ".join(r.name for r in refs)
