"""Rules about what a cloud service holds: web/worker roles, availability sets, reserved IPs."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence

from migcheck.estate import UNNAMED_BY_ROLE, CloudService, Estate, ExtendedSupport, Placement, key, named
from migcheck.formats import is_script
from migcheck.inventory_model import ClassicReservedIp, ClassicVm
from migcheck.model import (
    Deployment,
    ExtendedSupportService,
    Finding,
    InputEndpoint,
    NameRef,
    PaasRole,
    ReservedIp,
    Role,
    RolesInNetwork,
    RolesUndefined,
    ServiceConfiguration,
    ServiceDefinition,
    Severity,
    Together,
    VirtualIp,
    VirtualMachine,
    WithReservedIp,
    at_name,
    is_package_roles,
    is_unnamed_role,
    session_sets,
)
from migcheck.quoting import ps_quoted
from migcheck.retirements import (
    BASIC_SKU,
    CLASSIC_VMS,
    CLOUD_SERVICES_CLASSIC,
    EXTENDED_SUPPORT_DEPRECATED,
    EXTENDED_SUPPORT_RETIRES,
)
from migcheck.rule import Docs, Example, Rule, Scope, listed
from migcheck.rules.virtual_machines import DEALLOCATED_STATES, prepare_moves, state_letters
from migcheck.wording import Tool

# A deployment template of Cloud Services (extended support), for the examples: its resource's type is line 11.
_BILLING_TEMPLATE = """
                {
                  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                  "contentVersion": "1.0.0.0",
                  "parameters": {
                    "cloudServiceName": {"type": "string"},
                    "packageSasUri": {"type": "securestring"},
                    "configurationSasUri": {"type": "securestring"}
                  },
                  "resources": [
                    {
                      "type": "Microsoft.Compute/cloudServices",
                      "apiVersion": "2022-09-04",
                      "name": "billing",
                      "location": "[resourceGroup().location]",
                      "properties": {
                        "packageUrl": "[parameters('packageSasUri')]",
                        "configurationUrl": "[parameters('configurationSasUri')]"
                      }
                    }
                  ]
                }
                """


class WebWorkerRole(Rule):
    code = "MIG101"
    name = "web-worker-role"
    severity = Severity.ERROR
    scope = Scope.CLOUD_SERVICES
    looks_at = frozenset({ServiceDefinition, ServiceConfiguration, Deployment, ExtendedSupportService})
    # A .cscfg's roles are reported only when no .csdef defines them: the .cscfg of a defined service
    # cannot fail, and gets no test case.
    cases_in = frozenset({PaasRole, RolesUndefined, ExtendedSupportService})
    # One cloud service at a time; the services of extended support, which are not among the estate's cloud
    # services, are checked in an estate of their own (`engine`).
    per_cloud_service = True
    summary = (
        "A cloud service has web or worker roles: the VM migration does not move them, and Cloud Services "
        f"(extended support), the one platform they could migrate to in place, was deprecated on {EXTENDED_SUPPORT_DEPRECATED} "
        f"and retires on {EXTENDED_SUPPORT_RETIRES}."
    )
    fix_hint = (
        "Rebuild the role's code for Azure App Service, Azure Container Apps, Azure Kubernetes Service (AKS) "
        "or Virtual Machine Scale Sets. Not for Cloud Services (extended support): it retires on "
        f"{EXTENDED_SUPPORT_RETIRES}."
    )
    source = (
        "Unsupported configurations — Compute: Cloud services that contain web/worker roles (2017 and 2018 "
        "tables); the 2023 overview sent Cloud Services with web/worker roles to their own in-place "
        "migration, to Cloud Services (extended support)."
    )
    docs = Docs(
        what="Every web role, worker role and legacy VM role of a cloud service: `WebRole`, `WorkerRole` and "
        "`VirtualMachineRole` in a .csdef, roles of a .cscfg whose .csdef is not among the files checked "
        "(but for the configuration of a VM deployment, which the platform keeps for every deployment: one "
        "that names a role a REST body, an inventory export or a script of the same cloud service shows to "
        "be a VM is that VM's deployment's, and its roles are its VMs), roles of a REST deployment whose "
        "`RoleType` is not `PersistentVMRole`, and those a Create Deployment or Upgrade Deployment body "
        "deploys from its package or a Change Deployment Configuration body configures (named by the base64 "
        "`Configuration` each carries), and those of a deployment slot a deployment template or Bicep file "
        "declares (`Microsoft.ClassicCompute/domainNames/slots`: the roles its `configuration`, a .cscfg "
        "written as a string or loaded by Bicep's `loadTextContent`, names; a `.../slots/roles` resource is "
        "one). A package a script deploys "
        "(`New-AzureDeployment`, `create_deployment`, a Create Deployment body) holds the roles of its "
        "service's .csdef when that is among the files checked (of the name the script gives the service, or the "
        "project whose checked configuration file it deploys with, which is then that service under the script's "
        "name), and they are reported there, once. A REST role that does "
        "not state its `RoleType` is a VM when it carries something only a VM has (an OS or data disk, a VM "
        "image, a Windows or Linux provisioning configuration, a load-balanced endpoint set or a load "
        "balancer probe); a role of a deployment's `RoleList` that carries none of these is a web or worker "
        "role, and the message says that it was inferred and from what. A role whose kind nothing tells (a "
        "role body on its own with no `RoleType`, or a `RoleType` no role has) is reported too, saying so. A "
        "service that a deployment template or a script deploys as Cloud Services (extended support) is "
        "reported once instead, at its first role, as a warning (it blocks no migration: there is none to "
        "do, only the retirement), saying so and naming the file that says it: a template "
        "(`$schema` naming `deploymentTemplate.json`) that declares a resource of type "
        "`Microsoft.Compute/cloudServices` (nested resources and inline nested deployments included), or an "
        "Az PowerShell script that runs `New-AzCloudService`, or `Update-AzCloudService` on the service "
        "`Get-AzCloudService` names (piped in, or given as `-Parameter`), or a shell or PowerShell script (or a CI "
        "pipeline's step) that runs the Azure CLI's `az cloud-service create`, or a Python script that "
        "creates it with azure-mgmt-compute (`cloud_services.begin_create_or_update`), or a Visual Studio "
        "project's Resource Manager publish profile (`Profiles/*.azureRMPubxml`, naming the configuration "
        "it publishes) or project file (a `.ccproj` with `<ARMDeployment>True</ARMDeployment>`, naming the "
        "definition it packages), or a service configuration that names its virtual network "
        "(`VirtualNetworkSite`) or a reserved IP by its Resource Manager id (a `Microsoft.Network/virtualNetworks` "
        "or `publicIPAddresses` id: no classic name holds a `/`), unless another deployed configuration of the "
        "same service (not the local emulator's) is a classic one. Such evidence names "
        "the service whose configuration or definition a script's `-ConfigurationFile` or `-DefinitionFile` "
        "names (or the configuration file `--configuration @<file>` reads, from the folder the command runs "
        "in: a CI job's from the repository's root); else the "
        'service its literal name names (`"name": "shop"`, `-Name shop`, `-n shop`); else the one service in the '
        "template's or script's folder or below it (the resource's name need not be the definition's, and "
        "may be an expression such as `[parameters('cloudServiceName')]`). Evidence that may be about any of "
        "several services names none: taking a classic service for extended support would hide its "
        "blockers. Evidence that states the names of the roles it deploys (a template's "
        "`properties.roleProfile.roles[].name`, a script's `New-AzCloudServiceRoleProfilePropertiesObject "
        "-Name` or `--roles Web:Standard_D1_v2:2:Standard`) names no service none of whose roles it names (compared without regard to case). "
        "Evidence that names no service whose definition or configuration is among the files checked (a "
        "Bicep module library, a script kept apart from its project) is of a service of extended support all "
        "the same: it is reported once, as a warning, at the evidence (the resource's `type`, the command, "
        "the property), saying that the service runs on Cloud Services (extended support) and when that "
        "was deprecated and retires; evidence of one literal name is of one service, and evidence that "
        "states no name is of the one named service whose evidence is in its folder (or the folder of the "
        "file it names), else of one service of that folder. "
        "Such a service is not a classic resource: no other rule checks it, and the readiness "
        "summary lists it apart and the plan leaves it out.",
        why="The platform-supported migration of IaaS virtual machines leaves web/worker roles out: "
        "validation of a deployment with web/worker roles fails as a PaaS deployment, and a virtual network "
        "that holds one cannot be migrated either (MIG104). The roles had their own in-place migration, to "
        "Cloud Services (extended support) (the 2023 overview lists it), but their platform, Cloud Services "
        f"(classic), was retired on {CLOUD_SERVICES_CLASSIC}, and Cloud Services (extended support) was "
        f"deprecated on {EXTENDED_SUPPORT_DEPRECATED} and retires on {EXTENDED_SUPPORT_RETIRES}: it is not a "
        "destination any more. A file of a cloud service that already runs on Cloud Services (extended "
        "support) looks the same, but nothing of the classic migration applies to it: it is an Azure "
        f"Resource Manager resource already, and it retires on {EXTENDED_SUPPORT_RETIRES} all the same.",
        fix=f"Rebuild each role's code for a service that remains after {EXTENDED_SUPPORT_RETIRES[:4]}: Azure "
        "App Service for web roles, Azure Container Apps or Azure Kubernetes Service (AKS) for web and worker "
        "roles packaged as containers, or Virtual Machine Scale Sets for code that needs a whole VM. Whatever relies on the "
        "Cloud Services runtime (the role entry point, `RoleEnvironment`, startup tasks and local storage "
        "declared in the .csdef) has to be replaced on the way. Do not move the service to Cloud Services "
        "(extended support). If VMs share the roles' virtual network, take the roles out of it first, so "
        "that the network and its VMs can be migrated (MIG104). A service deployed as Cloud Services "
        "(extended support) has nothing to migrate: rebuild it the same way before "
        f"{EXTENDED_SUPPORT_RETIRES}, and delete its `Microsoft.Compute/cloudServices` resource once its "
        "traffic has moved.",
    )
    invalid = (
        Example(
            {
                "ServiceDefinition.csdef": """
                <ServiceDefinition name="shop"
                    xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
                  <WebRole name="Storefront" vmsize="Small">
                    <Endpoints><InputEndpoint name="HttpIn" protocol="http" port="80"/></Endpoints>
                  </WebRole>
                </ServiceDefinition>
                """
            },
            expect=("ServiceDefinition.csdef:3:3",),
        ),
        Example(
            {
                "deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>shop-prod</Name>
                  <RoleList>
                    <Role><RoleName>Jobs</RoleName><RoleType>WorkerRole</RoleType></Role>
                  </RoleList>
                </Deployment>
                """
            },
            expect=("deployment.xml:4:5",),
        ),
        Example(
            {
                "shop.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>shop-prod</Name>
                  <RoleList>
                    <Role>
                      <RoleName>Storefront</RoleName>
                      <OsVersion>WA-GUEST-OS-6.62_202310-01</OsVersion>
                      <ConfigurationSets>
                        <ConfigurationSet>
                          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
                          <InputEndpoints>
                            <InputEndpoint><Name>HttpIn</Name><Port>80</Port><Protocol>tcp</Protocol></InputEndpoint>
                          </InputEndpoints>
                        </ConfigurationSet>
                      </ConfigurationSets>
                    </Role>
                  </RoleList>
                </Deployment>
                """
            },
            expect=("shop.deployment.xml:4:5",),
            note="No `RoleType` and nothing only a VM has: a web or worker role, and the message says so.",
        ),
        Example(
            {
                "deploy/shop.ps1": """
                New-AzureService -ServiceName "shop" -Location "West Europe"
                New-AzureDeployment -ServiceName "shop" -Slot Production -Package "./pkg/Shop.cspkg" `
                    -Configuration "./pkg/ServiceConfiguration.Cloud.cscfg"
                """
            },
            expect=("deploy/shop.ps1:2:1",),
            note="A PowerShell deployment from a service package: packages hold web and worker roles only, so the "
            "role is named after the package.",
        ),
        Example(
            {
                "deploy_shop.py": '''
                import base64

                from azure.servicemanagement import ServiceManagementService

                CONFIGURATION = """<ServiceConfiguration serviceName="shop">
                  <Role name="Storefront"><Instances count="2"/></Role>
                </ServiceConfiguration>"""

                sms = ServiceManagementService("subscription-id", "management.pem")
                sms.create_deployment(
                    "shop", "production", "shop-prod",
                    "https://contoso.blob.core.windows.net/packages/shop.cspkg", "shop-prod",
                    base64.b64encode(CONFIGURATION.encode()).decode(),
                )
                '''
            },
            expect=("deploy_shop.py:10:5",),
            note="A Python script that deploys a service package: the inline configuration names the role.",
        ),
        Example(
            {
                "ServiceDefinition.csdef": """
                <ServiceDefinition name="shop"
                    xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
                  <WebRole name="Storefront" vmsize="Small">
                    <Endpoints><InputEndpoint name="HttpIn" protocol="http" port="80"/></Endpoints>
                  </WebRole>
                </ServiceDefinition>
                """,
                "ServiceConfiguration.Cloud.cscfg": """
                <ServiceConfiguration serviceName="shop"
                    xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
                  <Role name="Storefront"><Instances count="2"/></Role>
                </ServiceConfiguration>
                """,
                "shop.template.json": """
                {
                  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                  "contentVersion": "1.0.0.0",
                  "parameters": {
                    "cloudServiceName": {"type": "string"},
                    "packageSasUri": {"type": "securestring"},
                    "configurationSasUri": {"type": "securestring"}
                  },
                  "resources": [
                    {
                      "type": "Microsoft.Compute/cloudServices",
                      "apiVersion": "2022-09-04",
                      "name": "[parameters('cloudServiceName')]",
                      "location": "[resourceGroup().location]",
                      "properties": {
                        "packageUrl": "[parameters('packageSasUri')]",
                        "configurationUrl": "[parameters('configurationSasUri')]"
                      }
                    }
                  ]
                }
                """,
            },
            expect=("ServiceDefinition.csdef:3:3",),
            note="A deployment template beside the package deploys it as Cloud Services (extended support): the "
            "service is reported once, as such, and no rule about the classic migration checks it.",
        ),
        Example(
            {
                "pkg/ServiceDefinition.csdef": """
                <ServiceDefinition name="shop"
                    xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
                  <WebRole name="Storefront" vmsize="Small">
                    <Endpoints><InputEndpoint name="HttpIn" protocol="http" port="80"/></Endpoints>
                  </WebRole>
                </ServiceDefinition>
                """,
                "deploy/shop.ps1": """
                New-AzCloudService -Name "shop" -ResourceGroupName "shop-rg" -Location "West Europe" `
                    -ConfigurationFile "../pkg/ServiceConfiguration.Cloud.cscfg" `
                    -DefinitionFile "../pkg/ServiceDefinition.csdef" -PackageFile "../pkg/Shop.cspkg"
                """,
            },
            expect=("pkg/ServiceDefinition.csdef:3:3",),
            note="An Az PowerShell script creates the service as Cloud Services (extended support).",
        ),
        Example(
            {
                "shop/ServiceDefinition.csdef": """
                <ServiceDefinition name="shop"
                    xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
                  <WebRole name="Storefront" vmsize="Small">
                    <Endpoints><InputEndpoint name="HttpIn" protocol="http" port="80"/></Endpoints>
                  </WebRole>
                </ServiceDefinition>
                """,
                "billing/billing.template.json": _BILLING_TEMPLATE,
            },
            expect=("billing/billing.template.json:11:15", "shop/ServiceDefinition.csdef:3:3"),
            note="The template, in a folder of its own, declares cloud service 'billing', not 'shop': 'shop' is a "
            "classic cloud service, and its role is reported as one; 'billing' is one of extended support, "
            "reported at the template.",
        ),
        Example(
            {
                "billing.template.json": _BILLING_TEMPLATE,
            },
            expect=("billing.template.json:11:15",),
            note="A template of a cloud service whose package is not among the files checked: it is reported "
            "at the resource's type, as a service of extended support.",
        ),
    )
    valid = (
        Example(
            {
                "deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>jump</Name>
                  <RoleList>
                    <Role><RoleName>jump01</RoleName><RoleType>PersistentVMRole</RoleType></Role>
                  </RoleList>
                </Deployment>
                """
            }
        ),
        Example(
            {
                "jump.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>jump</Name>
                  <RoleList>
                    <Role>
                      <RoleName>jump01</RoleName>
                      <OSVirtualHardDisk>
                        <DiskName>jump01-os</DiskName>
                        <MediaLink>https://contoso.blob.core.windows.net/vhds/jump01-os.vhd</MediaLink>
                      </OSVirtualHardDisk>
                    </Role>
                  </RoleList>
                </Deployment>
                """
            },
            note="No `RoleType`, but an OS disk: a VM.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for service in estate.cloud_services:
            roles = service.roles  # not those of a kind an export leaves unsaid: they may be VMs
            label = service.label if roles else ""  # once per service: every role's finding names it
            named = (("cloud service", service.name),)  # one tuple for every role's finding
            for role in roles:
                if not role.kind_known:
                    message = (
                        f"{label} has role '{role.name}', whose kind could not be told "
                        f"({role.kind_evidence}): if it is a web or worker role, {_NO_MIGRATION}"
                    )
                elif is_unnamed_role(role.name):
                    # A package the files deploy without naming its roles (Publish-AzureServiceProject): the
                    # service has them, by what deploys it, under names nobody wrote.
                    how = f" ({role.kind_evidence})" if role.kind_evidence else ""
                    message = f"{label} has web or worker roles the files do not name{how}: {_NO_MIGRATION}"
                elif is_package_roles(role.name):
                    # A package body's roles, whose configuration cannot be read: named by the package only.
                    how = f", {role.kind_evidence}" if role.kind_evidence else ""
                    package = f"the {role.name[1:-1]}"
                    message = f"{label} has web or worker roles the files do not name ({package}{how}): {_NO_MIGRATION}"
                else:
                    how = f" ({role.kind_evidence})" if role.kind_evidence else ""
                    kind = role.type.value
                    message = f"{label} has {_article(kind)} {kind} '{role.name}'{how}: {_NO_MIGRATION}"
                yield self.finding(role, message, names=named, message_end=_NO_MIGRATION)
        for extended in estate.extended_support:
            yield self._extended_support(extended)

    def _extended_support(self, extended: ExtendedSupport) -> Finding:
        """One finding for a service of extended support, at its first role (else at its first file); at
        the evidence for one no file checked defines."""
        service, evidence = extended.service, extended.evidence
        said = f"{evidence.mark.path}:{evidence.mark.line} {evidence.via}"
        if not extended.packaged:
            return self._unaccompanied(extended, said)
        message = (
            f"{service.label} is deployed as Cloud Services (extended support), not as a classic cloud service "
            f"({said}): this migration does not apply to it, and Cloud Services (extended support) retires "
            f"on {EXTENDED_SUPPORT_RETIRES}"
        )
        roles = service.roles
        # A warning: it blocks no migration (there is none to do), but the retirement needs the same rebuild.
        at = roles[0] if roles else None
        return self.finding(
            extended, message, fix=_EXTENDED_SUPPORT_FIX, at=at, severity=Severity.WARNING, subject=extended
        )

    def _unaccompanied(self, extended: ExtendedSupport, said: str) -> Finding:
        """A service of extended support known from its evidence alone: no definition says its roles, so the
        retirement is said where the evidence deploys it."""
        named = extended.evidence.literal_name
        who = extended.service.label if named else "a cloud service the file does not name"
        message = (
            f"{who} runs on Cloud Services (extended support) ({said}), which was deprecated on "
            f"{EXTENDED_SUPPORT_DEPRECATED} and retires on {EXTENDED_SUPPORT_RETIRES}: this migration does not "
            "apply to it, but its roles have to be rebuilt elsewhere before then"
        )
        return self.finding(
            extended, message, fix=_EXTENDED_SUPPORT_FIX, severity=Severity.WARNING, subject=extended
        )


_EXTENDED_SUPPORT_FIX = (
    "Rebuild the service's roles on Azure App Service, Azure Container Apps, Azure Kubernetes Service (AKS) "
    "or Virtual Machine Scale Sets before Cloud Services (extended support) retires on "
    f"{EXTENDED_SUPPORT_RETIRES}."
)


# What the platform offers a web/worker role, as true today: the VM migration leaves it out, its platform
# is retired, and the destination of its own in-place migration is deprecated and retires too.
_NO_MIGRATION = (
    f"the VM migration does not move web/worker roles; Cloud Services (classic) was retired on "
    f"{CLOUD_SERVICES_CLASSIC}, and Cloud Services (extended support), the one platform they could migrate to in place, was "
    f"deprecated on {EXTENDED_SUPPORT_DEPRECATED} and retires on {EXTENDED_SUPPORT_RETIRES}"
)


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def folder_grouping_note(service: CloudService) -> str:
    """For a cloud service named after its folder, what to do when its Export-AzureVM files are of several
    services: those files do not say which service they are of, and one folder makes one service."""
    if service.named_by != "folder":
        return ""
    return (
        " If these VMs are of different cloud services (exported into one folder), say which files are of "
        "which service under [tool.migcheck.cloud-services]: migcheck groups Export-AzureVM files by folder."
    )


class MultipleAvailabilitySets(Rule):
    code = "MIG102"
    name = "multiple-availability-sets"
    severity = Severity.ERROR
    scope = Scope.CLOUD_SERVICES
    looks_at = frozenset({VirtualMachine})
    per_cloud_service = True
    summary = "The VMs of one cloud service are spread over more than one availability set."
    fix_hint = (
        "Put every VM of the cloud service in the same availability set before migrating; a VM that must "
        "leave the service cannot be recreated as a classic VM: delete it keeping its disks and rebuild it in "
        "Azure Resource Manager."
    )
    source = (
        "Unsupported configurations — Compute: Cloud services that contain more than one availability set "
        "or multiple availability sets (2018 and 2023 tables); validation error: Migration is not supported "
        "for Deployment {deployment-name} in HostedService {hosted-service-name} because it has multiple "
        "Availability Sets."
    )
    docs = Docs(
        what="A cloud service whose VMs name more than one distinct `AvailabilitySetName` (compared without "
        "regard to case): the VMs of a REST deployment, or the Export-AzureVM files of one folder (or of one "
        "configured group), and the VMs scripts and exports give the service. The set to keep is the first met "
        "among VMs no script puts there (a REST body's, an export's), else the first met; one finding is "
        "reported for every other set, at the `AvailabilitySetName` of its first VM, or where the script "
        "names the set for a VM it adds or changes.",
        why="An availability set moves together with its cloud service, and the platform accepts at most one "
        "per cloud service: validation of a deployment with several fails.",
        fix="Decide which set the service keeps and move every VM into it (`Set-AzureAvailabilitySet`, then "
        "`Update-AzureVM`; each VM restarts). The platform's other way out, moving the extra sets and their "
        "VMs to another cloud service, means recreating those VMs, and IaaS VMs (classic) were retired on "
        f"{CLASSIC_VMS}: no classic VM can be created any more. A VM that cannot join the kept set is "
        "deleted keeping its disks (`Remove-AzureVM` without `-DeleteVHD`), and rebuilt in Azure Resource "
        "Manager from its VHDs once their storage account is migrated.",
    )
    invalid = (
        Example(
            {
                "deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>sql</Name>
                  <RoleList>
                    <Role>
                      <RoleName>sql01</RoleName><RoleType>PersistentVMRole</RoleType>
                      <AvailabilitySetName>sql-as</AvailabilitySetName>
                    </Role>
                    <Role>
                      <RoleName>web01</RoleName><RoleType>PersistentVMRole</RoleType>
                      <AvailabilitySetName>web-as</AvailabilitySetName>
                    </Role>
                  </RoleList>
                </Deployment>
                """
            },
            expect=("deployment.xml:10:7",),
        ),
        Example(
            {
                "vms/app01.xml": """
                <PersistentVM>
                  <AvailabilitySetName>app-as</AvailabilitySetName>
                  <RoleName>app01</RoleName>
                </PersistentVM>
                """,
                "vms/app02.xml": """
                <PersistentVM>
                  <AvailabilitySetName>batch-as</AvailabilitySetName>
                  <RoleName>app02</RoleName>
                </PersistentVM>
                """,
            },
            expect=("vms/app02.xml:2:3",),
            note="Export-AzureVM files in one folder are one cloud service.",
        ),
        Example(
            {
                "deploy/shop.ps1": """
                $sql = New-AzureVMConfig -Name "sql01" -InstanceSize Large -ImageName $image -AvailabilitySetName "sql-as" |
                    Add-AzureProvisioningConfig -Windows -AdminUsername $user -Password $password |
                    Set-AzureSubnet "data"
                $web = New-AzureVMConfig "web01" Small -ImageName $image -AvailabilitySetName "web-as" |
                    Add-AzureProvisioningConfig -Windows -AdminUsername $user -Password $password |
                    Set-AzureSubnet "front"
                New-AzureVM -ServiceName "shop" -Location "West Europe" -VNetName "prod-vnet" -VMs $sql, $web
                """
            },
            expect=("deploy/shop.ps1:4:79",),
            note="A PowerShell script creating both VMs in one cloud service (the second configuration binds its "
            "name and size by position).",
        ),
        Example(
            {
                "create_vms.py": """
                from azure.servicemanagement import ConfigurationSet, ServiceManagementService

                sms = ServiceManagementService("subscription-id", "management.pem")
                network = ConfigurationSet()
                network.subnet_names.append("data")
                sms.create_virtual_machine_deployment(
                    "sql", "sql", "production", "sql", "sql01", None, None, network,
                    availability_set_name="sql-as", virtual_network_name="prod-vnet",
                )
                sms.add_role("sql", "sql", "web01", None, None, network, availability_set_name="web-as")
                """
            },
            expect=("create_vms.py:10:80",),
            note="A Python script: the second availability set is reported where the script names it.",
        ),
    )
    valid = (
        Example(
            {
                "vms/app01.xml": """
                <PersistentVM>
                  <AvailabilitySetName>app-as</AvailabilitySetName>
                  <RoleName>app01</RoleName>
                </PersistentVM>
                """,
                "vms/app02.xml": """
                <PersistentVM>
                  <AvailabilitySetName>APP-AS</AvailabilitySetName>
                  <RoleName>app02</RoleName>
                </PersistentVM>
                """,
            },
            note="Availability set names are compared without regard to case.",
        ),
        Example(
            {
                "app/app01.xml": """
                <PersistentVM>
                  <AvailabilitySetName>app-as</AvailabilitySetName>
                  <RoleName>app01</RoleName>
                </PersistentVM>
                """,
                "batch/batch01.xml": """
                <PersistentVM>
                  <AvailabilitySetName>batch-as</AvailabilitySetName>
                  <RoleName>batch01</RoleName>
                </PersistentVM>
                """,
            },
            note="Files in different folders are different cloud services.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for service in estate.cloud_services:
            every = service.availability_sets
            together = _sets_together(every)
            if len(together) < 2:
                continue
            sets = _kept_first(together)
            names = listed(sets)
            for vms in list(sets.values())[1:]:
                first = vms[0]
                held = listed(vm.name for vm in vms)
                if together is every:
                    message = (
                        f"{service.label} has {len(sets)} availability sets ({names}); "
                        f"'{first.availability_set}' holds {held}"
                    )
                else:  # not all of them at once (exclusive branches): name a set it meets
                    message = (
                        f"{service.label} has VMs in availability set '{_met(first, sets)}' and, created with "
                        f"them, {held} in '{first.availability_set}'"
                    )
                yield self.finding(
                    first,
                    message,
                    at=_availability_set_at(first),
                    fix=self.fix_hint + folder_grouping_note(service),
                )


class MixedAvailabilitySet(Rule):
    code = "MIG103"
    name = "mixed-availability-set"
    severity = Severity.ERROR
    scope = Scope.CLOUD_SERVICES
    looks_at = frozenset({VirtualMachine})
    per_cloud_service = True
    summary = "A cloud service has VMs in an availability set and VMs in none."
    fix_hint = (
        "Put every VM of the cloud service in the availability set, or take them all out of it, before "
        "migrating."
    )
    source = (
        "Migration of virtual machines (in a virtual network): one or more availability sets and VMs that are "
        "not in an availability set in a single cloud service (2018 and 2023 overview); validation error: "
        "Migration is not supported for Deployment {deployment-name} in HostedService {hosted-service-name} "
        "because it has VMs that are not part of the Availability Set even though the HostedService contains one."
    )
    docs = Docs(
        what="The VMs with no `AvailabilitySetName` in a cloud service where at least one other VM has one: in a "
        "REST deployment, among the Export-AzureVM files of one folder (or one configured group), in a "
        "script's VMs, or in an inventory export: a Resource Graph row whose `hardwareProfile` leaves "
        "`availabilitySet` out, null or empty, a `Get-AzureVM | ConvertTo-Json` object whose "
        "`AvailabilitySetName` is null. Each VM outside the set is reported where the file says it is in none (an "
        "empty `AvailabilitySetName`, an export's null), else at its own element.",
        why="The platform migrates a cloud service's availability set as one unit and cannot place a VM of the "
        "same service outside it; validation fails.",
        fix="Either add the reported VMs to the service's availability set (`Set-AzureAvailabilitySet`, "
        "then `Update-AzureVM`; the VM restarts) or take every VM of the service out of it "
        "(`Remove-AzureAvailabilitySet`, then `Update-AzureVM`). Both change the existing classic VMs, "
        f"before migration: IaaS VMs (classic) were retired on {CLASSIC_VMS}, so none can be recreated in "
        "another cloud service instead.",
    )
    invalid = (
        Example(
            {
                "sql/sql01.xml": """
                <PersistentVM>
                  <AvailabilitySetName>sql-as</AvailabilitySetName>
                  <RoleName>sql01</RoleName>
                </PersistentVM>
                """,
                "sql/sqlfsw.xml": """
                <PersistentVM>
                  <RoleName>sqlfsw</RoleName>
                </PersistentVM>
                """,
            },
            expect=("sql/sqlfsw.xml:1:1",),
        ),
        Example(
            {
                "deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>sql</Name>
                  <RoleList>
                    <Role>
                      <RoleName>sql01</RoleName><RoleType>PersistentVMRole</RoleType>
                      <AvailabilitySetName>sql-as</AvailabilitySetName>
                    </Role>
                    <Role><RoleName>sqlfsw</RoleName><RoleType>PersistentVMRole</RoleType></Role>
                  </RoleList>
                </Deployment>
                """
            },
            expect=("deployment.xml:8:5",),
        ),
        Example(
            {
                "deploy/sql.ps1": """
                New-AzureVMConfig -Name "sql01" -InstanceSize Large -ImageName $image -AvailabilitySetName "sql-as" |
                    Add-AzureProvisioningConfig -Windows -AdminUsername $user -Password $password |
                    Set-AzureSubnet -SubnetNames "data" |
                    New-AzureVM -ServiceName "sql" -Location "West Europe" -VNetName "prod-vnet"
                New-AzureVMConfig -Name "sqlfsw" -InstanceSize Small -ImageName $image |
                    Add-AzureProvisioningConfig -Windows -AdminUsername $user -Password $password |
                    Set-AzureSubnet -SubnetNames "data" |
                    New-AzureVM -ServiceName "sql"
                """
            },
            expect=("deploy/sql.ps1:5:1",),
            note="Two New-AzureVM calls naming the same cloud service in one PowerShell script.",
        ),
        Example(
            {
                "create_vms.py": """
                from azure.servicemanagement import ConfigurationSet, ServiceManagementService

                sms = ServiceManagementService("subscription-id", "management.pem")
                network = ConfigurationSet()
                network.subnet_names.append("data")
                sms.create_virtual_machine_deployment(
                    "sql", "sql", "production", "sql", "sql01", None, None, network,
                    availability_set_name="sql-as", virtual_network_name="prod-vnet",
                )
                sms.add_role("sql", "sql", "sqlfsw", None, None, network)
                """
            },
            expect=("create_vms.py:10:5",),
            note="A Python script: add_role without availability_set_name puts the VM in none.",
        ),
    )
    valid = (
        Example(
            {
                "deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>jump</Name>
                  <RoleList>
                    <Role><RoleName>jump01</RoleName><RoleType>PersistentVMRole</RoleType></Role>
                    <Role><RoleName>jump02</RoleName><RoleType>PersistentVMRole</RoleType></Role>
                  </RoleList>
                </Deployment>
                """
            },
            note="No VM of the service is in an availability set.",
        ),
        Example(
            {
                "deploy/sql.ps1": """
                param([string] $AvailabilitySet)
                New-AzureVMConfig -Name "sql01" -InstanceSize Large -ImageName $image -AvailabilitySetName "sql-as" |
                    Set-AzureSubnet "data" |
                    New-AzureVM -ServiceName "sql" -Location "West Europe" -VNetName "prod-vnet"
                New-AzureVMConfig -Name "sql02" -InstanceSize Large -ImageName $image -AvailabilitySetName $AvailabilitySet |
                    Set-AzureSubnet "data" |
                    New-AzureVM -ServiceName "sql"
                """
            },
            note="An availability set given as a script parameter is not known: silent.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for service in estate.cloud_services:
            sets = service.availability_sets
            if not sets:
                continue
            names = _quoted(sets)
            in_sets = Together(vm for vms in sets.values() for vm in vms)
            for vm in service.vms:
                if not vm.availability_set and "availability_set" not in vm.unknown and in_sets.with_(vm):
                    yield self.finding(
                        vm,
                        f"VM '{vm.name}' is in no availability set, but other VMs of {service.label} "
                        f"are in {names}",
                        at=_availability_set_at(vm),
                        fix=self.fix_hint + folder_grouping_note(service),
                    )


class VnetWithVmsAndRoles(Rule):
    code = "MIG104"
    name = "vnet-with-vms-and-roles"
    severity = Severity.ERROR
    scope = Scope.VIRTUAL_NETWORKS
    # An exported classic VM says which network it is in: it counts as a VM of the network.
    looks_at = frozenset({ServiceDefinition, ServiceConfiguration, Deployment, ClassicVm})
    cases_in = frozenset({RolesInNetwork})  # it reports at the reference that places the roles
    summary = "A virtual network holds both VMs and web/worker roles."
    fix_hint = (
        "Take the web/worker roles out of the network by rebuilding them in an Azure Resource Manager virtual "
        f"network (Cloud Services (classic) was retired on {CLOUD_SERVICES_CLASSIC}: they cannot be "
        "redeployed as they are), "
        "then migrate the VMs' network; peer the two networks if they must talk."
    )
    source = (
        "Unsupported configurations — Network: Virtual networks that contain virtual machines and web/worker "
        "roles. Move the Web/Worker roles to their own Virtual Network before migrating."
    )
    docs = Docs(
        what="A virtual network that one cloud service with web/worker roles and another with VMs are both "
        "placed in. Membership comes from the files that state it: a deployed .cscfg's `VirtualNetworkSite` "
        "(with the roles from the .csdef beside it) and a REST deployment's `VirtualNetworkName`. "
        "VMs a script creates in a network count too (PowerShell's `New-AzureVM -VNetName`, Python's "
        "`create_virtual_machine_deployment(virtual_network_name=...)`, the classic CLI's `azure vm create "
        "--virtual-network-name`), and so do the VMs an inventory export places in a network (a Resource Graph "
        "row's `virtualNetwork`, a `Get-AzureVM | ConvertTo-Json` export's `VirtualNetworkName`). A .cscfg a "
        "script deploys (`New-AzureDeployment -Configuration`) places its roles as it says. "
        "Export-AzureVM files do not say which network a VM is in, so they never count. The finding points at "
        "the reference that places the web/worker service in the network, in the file where it is written.",
        why="A virtual network migrates with everything in it, and the platform migration moves VMs only. While "
        "web/worker roles share the network, the VMs in it cannot be migrated either.",
        fix="The roles have to leave the network before it can be migrated. The platform's advice, moving "
        "them to a classic virtual network of their own, means redeploying a Cloud Services (classic) "
        f"service, which was retired on {CLOUD_SERVICES_CLASSIC}. Rebuild the roles instead on a service "
        "that remains (MIG101), in an Azure Resource Manager virtual network, and delete the classic "
        "deployment from this network; then migrate the network with its VMs. The two networks can be "
        "peered once both are in Resource Manager.",
    )
    invalid = (
        Example(
            {
                "shop/ServiceDefinition.csdef": """
                <ServiceDefinition name="shop">
                  <WebRole name="Web" vmsize="Small"/>
                </ServiceDefinition>
                """,
                "shop/ServiceConfiguration.Cloud.cscfg": """
                <ServiceConfiguration serviceName="shop">
                  <Role name="Web"><Instances count="2"/></Role>
                  <NetworkConfiguration>
                    <VirtualNetworkSite name="prod-vnet"/>
                  </NetworkConfiguration>
                </ServiceConfiguration>
                """,
                "rest/jump.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>jump</Name>
                  <RoleList>
                    <Role><RoleName>jump01</RoleName><RoleType>PersistentVMRole</RoleType></Role>
                  </RoleList>
                  <VirtualNetworkName>Prod-VNet</VirtualNetworkName>
                </Deployment>
                """,
            },
            expect=("shop/ServiceConfiguration.Cloud.cscfg:4:5",),
        ),
        Example(
            {
                "rest/jobs.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>jobs</Name>
                  <RoleList>
                    <Role><RoleName>Jobs</RoleName><RoleType>WorkerRole</RoleType></Role>
                  </RoleList>
                  <VirtualNetworkName>prod-vnet</VirtualNetworkName>
                </Deployment>
                """,
                "rest/jump.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>jump</Name>
                  <RoleList>
                    <Role><RoleName>jump01</RoleName><RoleType>PersistentVMRole</RoleType></Role>
                  </RoleList>
                  <VirtualNetworkName>prod-vnet</VirtualNetworkName>
                </Deployment>
                """,
            },
            expect=("rest/jobs.deployment.xml:6:3",),
        ),
    )
    valid = (
        Example(
            {
                "shop/ServiceDefinition.csdef": """
                <ServiceDefinition name="shop">
                  <WebRole name="Web" vmsize="Small"/>
                </ServiceDefinition>
                """,
                "shop/ServiceConfiguration.Cloud.cscfg": """
                <ServiceConfiguration serviceName="shop">
                  <Role name="Web"><Instances count="2"/></Role>
                  <NetworkConfiguration><VirtualNetworkSite name="web-vnet"/></NetworkConfiguration>
                </ServiceConfiguration>
                """,
                "rest/jump.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>jump</Name>
                  <RoleList>
                    <Role><RoleName>jump01</RoleName><RoleType>PersistentVMRole</RoleType></Role>
                  </RoleList>
                  <VirtualNetworkName>prod-vnet</VirtualNetworkName>
                </Deployment>
                """,
            },
            note="The roles and the VMs are in different virtual networks.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for network in estate.virtual_networks:
            # VMs the plan places in the network by their subnets alone (an Export-AzureVM file states no
            # network) do not count: the finding is an error, and the files do not say they are there.
            with_vms = _Names(s for s, p in network.members if p.vms and not p.network_inferred_from)
            for service, placement in network.members:
                roles = placement.web_worker_roles
                if not roles or placement.virtual_network is None:
                    continue
                others, count = with_vms.besides(service)
                if count:
                    yield self.finding(
                        network,
                        f"virtual network '{network.name}' holds web/worker roles of {service.label} "
                        f"({_quoted(r.name for r in roles)}) and VMs of {listed(others, total=count)}",
                        at=placement.virtual_network,
                        subject=service,  # one per cloud service of roles in the network
                    )


class VmOutsideVnet(Rule):
    code = "MIG105"
    name = "vm-outside-vnet"
    severity = Severity.WARNING
    scope = Scope.CLOUD_SERVICES
    # An inventory export's classic VMs are placed in deployments of their own (`estate._InventoryVms`).
    looks_at = frozenset({Deployment, ClassicVm})
    # Not one cloud service at a time: a reserved IP a script creates, read apart from the deployments,
    # may be the VIP of one (`model.maybe_vips`), and the finding names it.
    also_reads = frozenset({ReservedIp})
    summary = (
        "VMs in no virtual network: the migration deallocates them and restarts those that were running."
    )
    fix_hint = (
        "Plan the downtime; if its address must not change and a VM of the cloud service still runs, reserve "
        "the VIP first (New-AzureReservedIP -ServiceName): once all its VMs are deallocated, as Microsoft did "
        f"with the classic VMs left at their retirement ({CLASSIC_VMS}), the VIP is gone. Choose the Resource "
        "Manager virtual network the VMs will join. A kept VIP becomes a Basic SKU public IP on a Basic load "
        f"balancer, both retired on {BASIC_SKU}: upgrade them to a Standard SKU public IP and a Standard load "
        "balancer."
    )
    # Neither the classic CLI nor the legacy SDK reserves a deployment's VIP: theirs make a new address.
    fix_in = {
        fix_hint: {
            Tool.CLASSIC_CLI: fix_hint.replace(
                "(New-AzureReservedIP -ServiceName)",
                "(the classic CLI cannot: `azure network reserved-ip create` makes a new address; run "
                "PowerShell's `New-AzureReservedIP -ServiceName` once)",
            ),
            Tool.PYTHON_SDK: fix_hint.replace(
                "(New-AzureReservedIP -ServiceName)",
                "(the legacy SDK cannot: `create_reserved_ip_address` makes a new address; run PowerShell's "
                "`New-AzureReservedIP -ServiceName` once)",
            ),
        }
    }
    source = (
        "Migration of virtual machines (NOT in a virtual network): the platform restarts (Stop, Deallocate, "
        "and Start) the VMs; deep dive: VMs that are not in a virtual network are stopped and deallocated in "
        "the prepare phase — reserve the IP address if you don't want to lose it."
    )
    docs = Docs(
        what="A REST deployment with VMs and no `VirtualNetworkName`: a deployment body states its virtual "
        "network when it has one, so its absence means the VMs are in none, unless a VM names a subnet "
        "(`SubnetNames`, Set-AzureSubnet, `subnet_names`, --subnet-names), which is only ever one of a "
        "virtual network's: its network is then not known, not none; likewise a classic VM of an "
        "inventory export whose `networkProfile` has no `virtualNetwork`. Export-AzureVM files and bare "
        "role bodies never state the network, so they are not checked. The finding points at the deployment "
        "and says whether its VIP is reserved (for VMs only an export describes, when the export lists "
        "reserved IPs and each says whose VIP it is, if anyone's: one that lists none may have left them "
        "out, and a reserved IP whose row writes neither `attachedTo` nor `inUse`, or is in use by a service "
        "it does not name, may be this one), and that it is gone already when the "
        "body or export shows every VM stopped (deallocated). A script that creates the deployment in a "
        "virtual network on one path and in none on another (the branches of an `if` it cannot decide; the "
        "network may be one it does not state, `sys.argv[1] if len(sys.argv) > 1 else None`) is reported at "
        "the call that creates it in none: its VMs may be in no virtual network. A PowerShell script that "
        "names the network by a variable it assigns nowhere (`-VNetName $VNet`) is reported unless the "
        "session that runs the script sets it (run as written, in a session of its own, it is $null), and one "
        "that names it by an environment variable it sets nowhere (`$env:VNET`, "
        "`[Environment]::GetEnvironmentVariable('VNET')`) unless the environment that runs the script sets it, "
        "as is "
        "a shell script, CI step or Makefile recipe that names it by a variable no line of it assigns "
        '(`azure vm create -w "$VNET"`), and '
        "one whose only place for a new deployment is such a variable (`-Location $Location`) if the session "
        "sets it (without it the call adds its VMs to a deployment the service may have). A Python script read "
        "alone that names it by an option the caller may leave out (`args.vnet` of `add_argument('--vnet')`) "
        "or an environment variable read with no default (`os.environ.get('VNET')`) is reported unless the "
        "caller gives it.",
        why="Every VM in Azure Resource Manager lives in a virtual network, so the platform moves these VMs "
        "into one: it stops and deallocates them during prepare and starts again those that were running, "
        "and their internal addresses change. Unless the VIP is a reserved IP, the public address is "
        "released too; a deployment whose VMs are all deallocated has released it already, which is the "
        f"state Microsoft left classic VMs in when it retired them on {CLASSIC_VMS}. The migration goes "
        "through; the outage and the new addresses are what to plan for. What is kept is kept in the Basic "
        "SKU: the reserved IP becomes a static public IP address and the cloud service's implicit load "
        "balancer a load balancer resource, and Basic SKU public IPs and the Basic load balancer were both "
        f"retired on {BASIC_SKU}.",
        fix="Schedule the downtime with the service's owners. If clients or firewalls know the public "
        "address and a VM of the deployment still runs, reserve it before prepare (`New-AzureReservedIP "
        "-ServiceName`); with all VMs deallocated there is no address left to reserve: plan for the new "
        "one. Decide whether the platform creates a new virtual network or the VMs join an existing "
        "Resource Manager one, and check that nothing depends on the VMs' internal addresses. Right after "
        "the migration, upgrade the load balancer and its public IP to the Standard SKU (a load balancer "
        "and its public IPs must be of one SKU; upgrading a static public IP keeps its address), and allow "
        "the traffic the VMs need with a network security group, since Standard SKU resources are closed to "
        "inbound traffic by default.",
    )
    invalid = (
        Example(
            {
                "jump.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>jump</Name>
                  <RoleList>
                    <Role><RoleName>jump01</RoleName><RoleType>PersistentVMRole</RoleType></Role>
                  </RoleList>
                </Deployment>
                """
            },
            expect=("jump.deployment.xml:1:1",),
        ),
        Example(
            {
                "deploy/jump.ps1": """
                New-AzureQuickVM -Windows -ServiceName "jump" -Name "jump01" -ImageName $image `
                    -AdminUsername $user -Password $password -Location "West Europe"
                """
            },
            expect=("deploy/jump.ps1:1:1",),
            note="A PowerShell command that creates the deployment (-Location) without -VNetName.",
        ),
        Example(
            {
                "create_jump.py": """
                from azure.servicemanagement import ServiceManagementService

                sms = ServiceManagementService("subscription-id", "management.pem")
                sms.create_virtual_machine_deployment(
                    "jump", "jump", "production", "jump", "jump01", None, None, role_size="Small"
                )
                """
            },
            expect=("create_jump.py:4:5",),
            note="A Python script that creates the deployment without virtual_network_name.",
        ),
    )
    valid = (
        Example(
            {
                "jump.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>jump</Name>
                  <RoleList>
                    <Role><RoleName>jump01</RoleName><RoleType>PersistentVMRole</RoleType></Role>
                  </RoleList>
                  <VirtualNetworkName>prod-vnet</VirtualNetworkName>
                </Deployment>
                """
            }
        ),
        Example(
            {
                "vms/jump01.xml": """
                <PersistentVM>
                  <RoleName>jump01</RoleName>
                </PersistentVM>
                """
            },
            note="An Export-AzureVM file never says whether the VM is in a virtual network: silent.",
        ),
        Example(
            {
                "deploy/web.ps1": """
                New-AzureVMConfig -Name "web03" -InstanceSize Small -ImageName $image |
                    Add-AzureProvisioningConfig -Windows -AdminUsername $user -Password $password |
                    New-AzureVM -ServiceName "web"
                """
            },
            note="No -Location, -AffinityGroup or -VNetName: the VM may join a deployment that already exists, in a "
            "network the script does not state.",
        ),
        Example(
            {
                "deploy/app.ps1": """
                New-AzureVMConfig -Name "app01" -InstanceSize Small -ImageName $image |
                    Add-AzureProvisioningConfig -Windows -AdminUsername $user -Password $password |
                    Set-AzureSubnet -SubnetNames "App" |
                    New-AzureVM -ServiceName "app" -Location "West Europe"
                """
            },
            note="No -VNetName, but the VM names a subnet, which is only ever one of a virtual network's: it is "
            "in a network the script does not name (or the platform refuses the call), never in none.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        maybe: dict[tuple[str, str], list[ReservedIp]] | None = None
        for service in estate.cloud_services:
            for placement in service.placements:
                vms = placement.vms
                if vms and (placement.virtual_network is not None or not placement.network_known):
                    yield from self._outside_on_some_path(service, placement)
                if not vms or not placement.network_known or placement.virtual_network is not None:
                    continue
                if maybe is None:  # once, and only for an estate with a deployment in no network
                    maybe = estate.maybe_vips()
                vip, fix = _vip_outside_vnet(
                    placement, maybe.get((key(service.name), key(placement.name)), [])
                )
                yield self.finding(
                    placement,
                    f"{_placement_label(service, placement)} is in no virtual network{_if_placed(vms)}: "
                    f"migration {prepare_moves(placement)}; {vip}",
                    fix=fix,
                    fix_in=self._terraform_words(service, placement) if not fix else None,
                )

    def _terraform_words(self, service: CloudService, placement: Placement) -> dict[Tool, str] | None:
        """The rule's fix in each tool's words for a VM of a Terraform file: a configuration's resource
        cannot reserve the VIP, while a provisioner's command line (the CLI, PowerShell, Python) keeps its
        own tool's words (`wording`)."""
        if not placement.mark.path.endswith(_TERRAFORM_SUFFIXES):
            return None
        return {**self.fix_in[self.fix_hint], Tool.TERRAFORM: _terraform_vip_fix(service.name)}

    def _outside_on_some_path(self, service: CloudService, placement: Placement) -> Iterator[Finding]:
        """A script that creates the deployment in a virtual network on one path and in none on another
        (see `Role.absent_on_some_paths`): on that path its VMs are moved as VMs in no network are."""
        outside = [(vm, at) for vm in placement.vms if (at := vm.absent_on_some_path("virtual_network"))]
        if not outside:
            return
        vnet = placement.virtual_network
        # Unstated, the other path's network may be none as well (add_role to a deployment that exists).
        named = outside[0][0].candidate_networks_said  # the networks the paths into one name
        network = (
            f"is in '{vnet.name}'"
            if vnet
            else f"is in {named}"
            if named
            else "may be in a virtual network the script does not state"
        )
        at = outside[0][1]
        variable = outside[0][0].session_variable("virtual_network")
        if variable:
            vms = [vm.name for vm, _ in outside]
            them = ("VM", "is", "it", "its") if len(vms) == 1 else ("VMs", "are", "them", "their")
            yield self.finding(
                placement,
                f"{_placement_label(service, placement)}: unless {session_sets(variable)}, {them[0]} {_quoted(vms)} {them[1]} in no virtual network: migration "
                f"stops, deallocates and restarts {them[2]}, {them[3]} internal IP addresses change, and the "
                "VIP changes unless it is a reserved IP",
                at=at,
            )
            return
        yield self.finding(
            placement,
            f"{_placement_label(service, placement)} may be in no virtual network: on one path of the "
            f"script this call creates it in none, on another it {network}; on the path in none, migration "
            f"stops, deallocates and restarts {_quoted(vm.name for vm, _ in outside)}, whose internal IP addresses "
            "change, and its VIP changes unless it is a reserved IP",
            at=at,
        )


def _if_placed(vms: Iterable[Role]) -> str:
    """What a finding that a deployment is in no network assumes where a variable the script assigns
    nowhere alone names the place of the call that creates it (`Role.left_to_session`): "" where none does."""
    variable = next((v for vm in vms if (v := vm.session_variable("placed"))), "")
    if not variable:
        return ""
    return (
        f" if {session_sets(variable)} (else the call names no place and "
        "adds its VMs to a deployment the cloud service may have)"
    )


# A deployment a Terraform configuration declares (`readers.terraform`).
_TERRAFORM_SUFFIXES = (".tf", ".tf.json")


def _terraform_vip_fix(service: str) -> str:
    """The rule's fix for a VM a Terraform configuration makes: the classic provider has no resource that
    reserves an IP (its ResourcesMap has no azure_reserved_ip), so the configuration cannot say it."""
    return (
        "Plan the downtime. The classic azure provider of Terraform has no reserved IP resource, so the "
        "configuration cannot keep the VIP: if its address must not change and a VM of the cloud service still "
        "runs, reserve it once outside Terraform before Prepare (New-AzureReservedIP -ReservedIPName <name> "
        f"-Location <location> -ServiceName {ps_quoted(service)}); once all its VMs are deallocated, as Microsoft did "
        f"with the classic VMs left at their retirement ({CLASSIC_VMS}), the VIP is gone. Choose the Resource "
        "Manager virtual network the VMs will join. A kept VIP becomes a Basic SKU public IP on a Basic load "
        f"balancer, both retired on {BASIC_SKU}: upgrade them to a Standard SKU public IP and a Standard load "
        "balancer."
    )


_RESERVED_VIP_FIX = (
    "Plan the downtime, and choose the Resource Manager virtual network the VMs will join. The reserved IP "
    f"is kept as a Basic SKU public IP on a Basic load balancer, both retired on {BASIC_SKU}: upgrade them "
    "to a Standard SKU public IP and a Standard load balancer."
)


def _vip_outside_vnet(placement: Placement, maybe: Sequence[ReservedIp] = ()) -> tuple[str, str]:
    """What becomes of the VIP of a deployment in no virtual network, and what to do ("": the rule's fix).
    `maybe`: the reserved IPs its VIP may be (`model.maybe_vips`); the plan's step says those itself."""
    endpoints = list(_endpoints(placement.roles)) if placement.endpoints_known and placement.roles else None
    if not placement.reserved_ips:
        if endpoints is not None and not any(e.is_public for e in endpoints):
            # A VIP is migrated only with an input endpoint on it: reserving this one would keep nothing.
            return "it has no input endpoint, so its VIP is not migrated and it gets no public address", (
                _NO_ENDPOINT_FIX
            )
        others = _virtual_ips(unreserved_other_vips(placement))
        if all_deallocated(placement):
            vips = (
                f"VIPs (its default one and {others}), not reserved, are"
                if others
                else "VIP, not reserved, is"
            )
            return f"its VMs are all deallocated, so its {vips} released already", _RELEASED_VIP_FIX
        if placement.reserved_ips_known and others:
            return f"its VIPs are not reserved and will change: its default VIP and {others}", ""
        if placement.reserved_ips_known:
            return "its VIP is not reserved and will change", ""
        if maybe:
            return _maybe_reserved_vip(maybe), ""
        return "its VIP changes unless it is a reserved IP (the files do not say whether it is)", ""
    stranded = [r for r in placement.reserved_ips if endpoints is not None and not _carried(r, endpoints)]
    if stranded:
        fix = (
            "Plan the downtime, and choose the Resource Manager virtual network the VMs will join; give the "
            "deployment an input endpoint first if the reserved IP is to move with it (MIG106)."
        )
        vip = stranded[0].virtual_ip
        why = f"no input endpoint is on its virtual IP '{vip.name}'" if vip else "it has no input endpoint"
        return f"its reserved IP {named(stranded[0].name)} cannot be migrated with it, as {why} (MIG106)", fix
    changing = unreserved_other_vips(placement)
    if all(r.virtual_ip is not None and not r.virtual_ip.default for r in placement.reserved_ips):
        other = placement.reserved_ips[0]
        on = other.virtual_ip.name if other.virtual_ip else ""
        vips = f"default VIP and {_virtual_ips(changing)} are" if changing else "default VIP is"
        return (
            f"its {vips} not reserved and will change (reserved IP {named(other.name)} of virtual IP "
            f"'{on}' is kept, as a Basic SKU public IP: Basic SKU was retired on {BASIC_SKU})",
            "",
        )
    name = placement.reserved_ips[0].name
    changes = (
        f"; {_virtual_ips(changing)} {'is' if len(changing) == 1 else 'are'} not reserved and will change"
    )
    return (
        f"its VIP is reserved IP {named(name)} and is kept, as a Basic SKU public IP (Basic SKU was retired on "
        f"{BASIC_SKU}: upgrade it to Standard){changes if changing else ''}",
        _RESERVED_VIP_FIX,
    )


def unreserved_other_vips(placement: Placement) -> list[str]:
    """The deployment's virtual IPs besides its default one that an input endpoint names (`VirtualIPName`)
    and no reserved IP is on, once each as first written: each becomes a public IP of its own, and its
    address changes (deep dive: "Every public IP associated with the load balancer is converted to a
    public IP resource"). Told apart from the default VIP only where an endpoint on it names none (a
    request body's) or a reserved IP says which it is: a Get Deployment response names every endpoint's
    VIP, the default's too, and the model does not keep which that is, so none are said then."""
    endpoints = [e for e in _endpoints(placement.roles) if e.is_public and not e.vip_unknown]
    default = {
        r.virtual_ip.name.strip().casefold()
        for r in placement.reserved_ips
        if r.virtual_ip and r.virtual_ip.default
    }
    if not default and all(e.virtual_ip.strip() for e in endpoints):
        return []
    reserved = {r.virtual_ip.name.strip().casefold() for r in placement.reserved_ips if r.virtual_ip}
    found: dict[str, str] = {}
    for endpoint in endpoints:
        name = endpoint.virtual_ip.strip()
        if name:
            found.setdefault(name.casefold(), name)
    return [name for folded, name in found.items() if folded not in default | reserved]


def _virtual_ips(names: Sequence[str]) -> str:
    """`virtual IP 'vip2'`, `virtual IPs 'vip2', 'vip3'`; "" for none."""
    if not names:
        return ""
    return f"virtual IP{'s' if len(names) > 1 else ''} {listed(names)}"


def _maybe_reserved_vip(maybe: Sequence[ReservedIp]) -> str:
    """The VIP of a deployment that a script gives a reserved IP it creates, or takes one off, by a call
    that may not run (`ReservedIp.maybe_service`): it changes unless it is that reserved IP. Says what each
    call does (`ReservedIp.maybe_removed`), and where; when some give one and others take one off, which
    reserved IP each call is about. Calls that all name a VIP the script does not state
    (`ReservedIp.maybe_other_vip`) say so instead."""
    names = listed((ip.name for ip in maybe), sep=" or ")
    if all(ip.maybe_other_vip for ip in maybe):
        calls = "; ".join(dict.fromkeys(_maybe_call_at(ip) for ip in maybe))
        return (
            f"its VIP changes unless it is reserved IP {names}, which the script associates with a virtual IP "
            f"of the deployment it does not name, the default one or another ({calls})"
        )
    one, mixed = len(maybe) == 1, len({ip.maybe_removed for ip in maybe}) > 1
    does = []
    for removes, (of_one, of_several) in ((False, _ASSOCIATES), (True, _REMOVES)):
        calls = "; ".join(
            dict.fromkeys(_maybe_call_at(ip, mixed) for ip in maybe if ip.maybe_removed is removes)
        )
        if calls:
            does.append(f"{of_one if one else of_several} ({calls})")
    who = "a call that may not run" if one else "calls that may not run"
    return f"its VIP changes unless it is reserved IP {names}, which {who} {' or '.join(does)}"


# What a call that may not run does to the reserved IP, said of one call and of several.
_ASSOCIATES = ("associates with it", "associate with it")
_REMOVES = ("removes from it", "remove from it")


def _maybe_call_at(ip: ReservedIp, named: bool = False) -> str:
    at = ip.maybe_at or ip.mark
    return f"'{ip.name}' at {at.path}:{at.line}" if named else f"{at.path}:{at.line}"


_RELEASED_VIP_FIX = (
    "Plan the downtime, and choose the Resource Manager virtual network the VMs will join. The old public "
    "address cannot be reserved any more: give whoever relies on it the new one after Commit."
)


def all_deallocated(placement: Placement) -> bool:
    """Whether a body or an export shows every VM of the deployment stopped (deallocated): the state
    Microsoft left classic VMs in at their retirement, in which the deployment holds no VIP of its own."""
    states = {key(instance.role): instance.status for _, instance in placement.vm_instances}
    return bool(placement.vms) and all(
        state_letters(states.get(key(vm.name), "")) in DEALLOCATED_STATES for vm in placement.vms
    )


_NO_ENDPOINT_FIX = (
    "Plan the downtime, and choose the Resource Manager virtual network the VMs will join. The deployment "
    "has no input endpoint, so nothing reaches it from outside and nothing public is migrated; add an "
    "endpoint before Prepare only if it must be reachable at a public address."
)


class ReservedIpWithoutEndpoint(Rule):
    code = "MIG106"
    name = "reserved-ip-without-endpoint"
    severity = Severity.ERROR
    scope = Scope.CLOUD_SERVICES
    # An inventory export's reserved IPs join the deployments of its VMs (`estate._InventoryVms`).
    looks_at = frozenset({ServiceDefinition, ServiceConfiguration, Deployment, ClassicReservedIp})
    # It reports at the reserved IP: where a deployment or a configuration names it, or where a list of
    # the subscription's reserved IPs (REST `ReservedIPs`, an export) attaches it to a service.
    cases_in = frozenset({WithReservedIp, ReservedIp, ClassicReservedIp})
    per_cloud_service = True
    summary = "A deployment has a reserved IP but no input endpoint, so its VIP cannot be migrated."
    fix_hint = (
        "Add an input endpoint on the deployment's public VIP (not on an internal load balancer), or "
        "disassociate the reserved IP and migrate it on its own with Move-AzureReservedIP. Either way it "
        f"becomes a Basic SKU public IP, retired on {BASIC_SKU}: upgrade it to Standard SKU."
    )
    fix_in = {
        fix_hint: {
            Tool.CLASSIC_CLI: fix_hint.replace(
                "with Move-AzureReservedIP",
                "(`azure network reserved-ip validate-migration`, `prepare-migration`, then `commit-migration`)",
            )
        }
    }
    source = (
        "Deep dive — VIP address → public IP address: a virtual IP can only be migrated if there is an input "
        "endpoint assigned to it; reserved IPs associated with the load balancer are migrated with the cloud "
        "service or VM."
    )
    docs = Docs(
        what="A reserved IP on a deployment none of whose roles has an input endpoint: a deployed .cscfg's "
        "`AddressAssignments/ReservedIPs/ReservedIP` when the .csdef beside it defines no `InputEndpoint` or "
        "`InstanceInputEndpoint` in any role, and a REST deployment's reserved IP (`ReservedIPName`, on the "
        "deployment or its virtual IP, or a `ReservedIPs` list's `ServiceName` and `DeploymentName`) when "
        "it holds only VMs and none has an input endpoint. A REST "
        "deployment with web/worker roles is not checked: such bodies list role endpoints per instance, not "
        "per role; but a package deployment's reserved IP (the `Configuration` of a Create Deployment body, "
        "the `configuration` of a deployment slot a template declares) is checked against the .csdef of its "
        "service, as the .cscfg's is. An inventory export's reserved IP (a Resource Graph row's `attachedTo.id`, or the "
        "`ServiceName` of `Get-AzureReservedIP | ConvertTo-Json`: its cloud service; the `ReservedIPName` of "
        "`Get-AzureDeployment | ConvertTo-Json`: its deployment) is checked the same way "
        "against the endpoints of the service's VMs, from whichever file describes them (the export's own "
        "`networkProfile.inputEndpoints`, a REST body, an Export-AzureVM file, a `Get-AzureVM` export or a "
        "script), when they are known and the service has one deployment, or the export's id names the slot "
        "(`.../slots/Staging`) of the one deployment the files state is in it (a REST body's "
        "`DeploymentSlot`, a script's slot); of a service of several otherwise, when none of them has an "
        "input endpoint on its public VIP. "
        "Nothing is reported when the .csdef is not among the files checked. Only endpoints on the "
        "public VIP count: an endpoint on an internal load balancer (REST `LoadBalancerName`, .csdef "
        "`loadBalancer`) listens on a private address, so a deployment whose endpoints are all internal is "
        "reported too. A REST deployment with several virtual IPs (`VirtualIPs/VirtualIP`, each named) is "
        "checked one reserved IP at a time: only the endpoints on that reserved IP's own VIP count. An "
        "endpoint is on the VIP its `VirtualIPName` names (in REST bodies and Export-AzureVM files alike), "
        "or, naming none, on the default VIP: the one whose `IsDnsProgrammed` is true, else the first. The "
        "deployment's own `ReservedIPName` is on the default VIP, and the message names the VIP. Where the "
        "files do not tell the VIPs apart (one VIP, a .cscfg, a script, an inventory export), any endpoint "
        "on the public VIP counts. The finding points at the reserved IP's name where it is written: a "
        ".cscfg's `name` value, a REST body's `ReservedIPName` text or a `ReservedIPs` list's `Name`, an "
        "inventory export's `name` or `ReservedIPName` value, a script's argument.",
        why="A reserved IP is migrated as the public IP of the service's load balancer, and the platform can "
        "only build that from a VIP that has at least one input endpoint. With none, the reserved IP cannot "
        "follow the deployment.",
        fix="If the address must stay with VMs of the deployment, add an input endpoint on the public VIP "
        "to one of them before migrating (`Add-AzureEndpoint`, then `Update-AzureVM`). Web/worker roles "
        "cannot be migrated at all (MIG101), nor redeployed with a new endpoint since Cloud Services "
        f"(classic) was retired on {CLOUD_SERVICES_CLASSIC}; for them, or for an address nothing needs, "
        "disassociate the reserved IP from the deployment (`Remove-AzureReservedIPAssociation`) and migrate "
        "it as an unattached resource with `Move-AzureReservedIP`, or release it. Either way the reserved "
        "IP becomes a static public IP address of the Basic SKU, and Basic SKU public IPs were retired on "
        f"{BASIC_SKU}: upgrade it to the Standard SKU (the upgrade keeps a static address; a public IP on a "
        "load balancer is upgraded with the load balancer, since both must be of one SKU).",
    )
    invalid = (
        Example(
            {
                "jobs/ServiceDefinition.csdef": """
                <ServiceDefinition name="jobs">
                  <WorkerRole name="Jobs" vmsize="Small">
                    <Endpoints><InternalEndpoint name="Health" protocol="http" port="8080"/></Endpoints>
                  </WorkerRole>
                </ServiceDefinition>
                """,
                "jobs/ServiceConfiguration.Cloud.cscfg": """
                <ServiceConfiguration serviceName="jobs">
                  <Role name="Jobs"><Instances count="2"/></Role>
                  <NetworkConfiguration>
                    <AddressAssignments>
                      <ReservedIPs><ReservedIP name="jobs-vip"/></ReservedIPs>
                    </AddressAssignments>
                  </NetworkConfiguration>
                </ServiceConfiguration>
                """,
            },
            expect=("jobs/ServiceConfiguration.Cloud.cscfg:5:38",),
        ),
        Example(
            {
                "batch.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>batch</Name>
                  <RoleList>
                    <Role><RoleName>batch01</RoleName><RoleType>PersistentVMRole</RoleType></Role>
                  </RoleList>
                  <ReservedIPName>batch-vip</ReservedIPName>
                </Deployment>
                """
            },
            expect=("batch.deployment.xml:6:19",),
        ),
        Example(
            {
                "sql.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>sql</Name>
                  <RoleList>
                    <Role>
                      <RoleName>sql01</RoleName><RoleType>PersistentVMRole</RoleType>
                      <ConfigurationSets>
                        <ConfigurationSet>
                          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
                          <InputEndpoints>
                            <InputEndpoint>
                              <LoadBalancedEndpointSetName>sql-listener</LoadBalancedEndpointSetName>
                              <LocalPort>1433</LocalPort><Name>SQL</Name><Port>1433</Port><Protocol>tcp</Protocol>
                              <LoadBalancerName>sql-ilb</LoadBalancerName>
                            </InputEndpoint>
                          </InputEndpoints>
                        </ConfigurationSet>
                      </ConfigurationSets>
                    </Role>
                  </RoleList>
                  <ReservedIPName>sql-vip</ReservedIPName>
                  <LoadBalancers>
                    <LoadBalancer>
                      <Name>sql-ilb</Name>
                      <FrontendIpConfiguration><Type>Private</Type><SubnetName>data</SubnetName></FrontendIpConfiguration>
                    </LoadBalancer>
                  </LoadBalancers>
                </Deployment>
                """
            },
            expect=("sql.deployment.xml:20:19",),
            note="An endpoint on an internal load balancer is not on the public VIP.",
        ),
        Example(
            {
                "shop.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>shop</Name>
                  <RoleList>
                    <Role>
                      <RoleName>web01</RoleName><RoleType>PersistentVMRole</RoleType>
                      <ConfigurationSets>
                        <ConfigurationSet>
                          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
                          <InputEndpoints>
                            <InputEndpoint><Name>HTTPS</Name><Port>443</Port><Protocol>tcp</Protocol></InputEndpoint>
                          </InputEndpoints>
                        </ConfigurationSet>
                      </ConfigurationSets>
                    </Role>
                  </RoleList>
                  <VirtualIPs>
                    <VirtualIP><Name>shop-main</Name><IsDnsProgrammed>true</IsDnsProgrammed></VirtualIP>
                    <VirtualIP><Name>shop-api</Name><ReservedIPName>api-vip</ReservedIPName></VirtualIP>
                  </VirtualIPs>
                </Deployment>
                """
            },
            expect=("shop.deployment.xml:18:53",),
            note="Two VIPs: the endpoint names no VIP, so it is on the default one, not on the reserved IP's.",
        ),
        Example(
            {
                "deploy/batch.ps1": """
                New-AzureReservedIP -ReservedIPName "batch-vip" -Location "West Europe"
                New-AzureVMConfig -Name "batch01" -InstanceSize Small -ImageName $image |
                    Add-AzureProvisioningConfig -Linux -LinuxUser $user -Password $password -NoSSHEndpoint |
                    Set-AzureSubnet "batch" |
                    New-AzureVM -ServiceName "batch" -Location "West Europe" -VNetName "prod-vnet" -ReservedIPName "batch-vip"
                """
            },
            expect=("deploy/batch.ps1:5:100",),
            note="PowerShell: -NoSSHEndpoint drops the one endpoint Add-AzureProvisioningConfig -Linux adds.",
        ),
        Example(
            {
                "create_batch.py": """
                from azure.servicemanagement import ConfigurationSet, ServiceManagementService

                sms = ServiceManagementService("subscription-id", "management.pem")
                network = ConfigurationSet()
                network.subnet_names.append("batch")
                sms.create_virtual_machine_deployment(
                    "batch", "batch", "production", "batch", "batch01", None, None, network,
                    virtual_network_name="prod-vnet", reserved_ip_name="batch-vip",
                )
                """
            },
            expect=("create_batch.py:8:56",),
            note="A Python script: the network configuration adds no input endpoint.",
        ),
    )
    valid = (
        Example(
            {
                "web.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>web</Name>
                  <RoleList>
                    <Role>
                      <RoleName>web01</RoleName><RoleType>PersistentVMRole</RoleType>
                      <ConfigurationSets>
                        <ConfigurationSet>
                          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
                          <InputEndpoints>
                            <InputEndpoint><Name>HTTP</Name><Port>80</Port><Protocol>tcp</Protocol></InputEndpoint>
                          </InputEndpoints>
                        </ConfigurationSet>
                      </ConfigurationSets>
                    </Role>
                  </RoleList>
                  <ReservedIPName>web-vip</ReservedIPName>
                </Deployment>
                """
            }
        ),
        Example(
            {
                "shop.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>shop</Name>
                  <RoleList>
                    <Role>
                      <RoleName>web01</RoleName><RoleType>PersistentVMRole</RoleType>
                      <ConfigurationSets>
                        <ConfigurationSet>
                          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
                          <InputEndpoints>
                            <InputEndpoint>
                              <Name>API</Name><Port>443</Port><Protocol>tcp</Protocol>
                              <VirtualIPName>shop-api</VirtualIPName>
                            </InputEndpoint>
                          </InputEndpoints>
                        </ConfigurationSet>
                      </ConfigurationSets>
                    </Role>
                  </RoleList>
                  <VirtualIPs>
                    <VirtualIP><Name>shop-main</Name><IsDnsProgrammed>true</IsDnsProgrammed></VirtualIP>
                    <VirtualIP><Name>shop-api</Name><ReservedIPName>api-vip</ReservedIPName></VirtualIP>
                  </VirtualIPs>
                </Deployment>
                """
            },
            note="Two VIPs: the endpoint names the reserved IP's VIP (`VirtualIPName`).",
        ),
        Example(
            {
                "jobs/ServiceConfiguration.Cloud.cscfg": """
                <ServiceConfiguration serviceName="jobs">
                  <Role name="Jobs"><Instances count="2"/></Role>
                  <NetworkConfiguration>
                    <AddressAssignments>
                      <ReservedIPs><ReservedIP name="jobs-vip"/></ReservedIPs>
                    </AddressAssignments>
                  </NetworkConfiguration>
                </ServiceConfiguration>
                """,
            },
            note="Without the .csdef, the service's endpoints are unknown: silent.",
        ),
        Example(
            {
                "deploy/web.ps1": """
                New-AzureVMConfig -Name "web01" -InstanceSize Small -ImageName $image |
                    Add-AzureProvisioningConfig -Windows -AdminUsername $user -Password $password |
                    Set-AzureSubnet "front" |
                    New-AzureVM -ServiceName "web" -Location "West Europe" -VNetName "prod-vnet" -ReservedIPName "web-vip"
                """
            },
            note="Add-AzureProvisioningConfig -Windows adds the remote desktop and PowerShell endpoints.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for service in estate.cloud_services:
            for placement in service.placements:
                if not (placement.reserved_ips and placement.endpoints_known and placement.roles):
                    continue
                endpoints = list(_endpoints(placement.roles))
                fix = "" if all(r.is_vm for r in placement.roles) else ROLES_RESERVED_IP_FIX
                for ref in placement.reserved_ips:
                    if _carried(ref, endpoints):
                        continue
                    if ref.virtual_ip is None:
                        yield self._finding(service, ref, _internal(endpoints), fix)
                    else:
                        yield self._finding_on_vip(service, ref, ref.virtual_ip, endpoints, fix)
            yield from self._bound(service)

    def _bound(self, service: CloudService) -> Iterator[Finding]:
        """The reserved IPs an export binds to a service of several deployments, not to one of them
        (`CloudService.bound_reserved_ips`): reported when none of the deployments has an input endpoint
        on its public VIP, so that whichever slot's VIP it is, it cannot be migrated with it. Not when no
        deployment's VIP may be it (each names its own, or the export names the slot of a deployment the
        files do not describe: `reserved_ips_known` stays true then)."""
        placements = service.placements
        if not service.bound_reserved_ips or not all(p.endpoints_known and p.roles for p in placements):
            return
        if all(p.reserved_ips_known for p in placements):
            return
        endpoints = [e for p in placements for e in _endpoints(p.roles)]
        if any(e.is_public for e in endpoints):
            return
        fix = "" if all(r.is_vm for p in placements for r in p.roles) else ROLES_RESERVED_IP_FIX
        for ref in service.bound_reserved_ips:
            yield self._finding(service, ref, _internal(endpoints), fix)

    def _finding(self, service: CloudService, ref: NameRef, internal: list[str], fix: str) -> Finding:
        return self.finding(
            _reserved(service, ref),
            f"reserved IP {named(ref.name)} of {service.label} is on a deployment with no input "
            f"endpoint on its public VIP{_only_internal(internal)}, so it cannot be migrated with it",
            fix=fix,
        )

    def _finding_on_vip(
        self, service: CloudService, ref: NameRef, vip: VirtualIp, endpoints: list[InputEndpoint], fix: str
    ) -> Finding:
        """A reserved IP on one of a deployment's several VIPs, none of whose endpoints is on that VIP:
        those on the other VIPs do not carry it."""
        elsewhere = _unique(e.name or e.port for e in endpoints if e.is_public)
        if len(elsewhere) > 1:
            why = f" (endpoints {_quoted(elsewhere)} are on other VIPs)"
        elif elsewhere:
            why = f" (endpoint {_quoted(elsewhere)} is on another VIP)"
        else:
            why = _only_internal(_internal(endpoints))
        default = " (the default one)" if vip.default else ""
        return self.finding(
            _reserved(service, ref),
            f"reserved IP {named(ref.name)} of {service.label} is on virtual IP '{vip.name}'{default}, and no "
            f"input endpoint is on that VIP{why}, so it cannot be migrated with the deployment",
            fix=fix or _vip_endpoint_fix(vip),
        )


def _reserved(service: CloudService, ref: NameRef) -> ReservedIp:
    """The reserved IP `ref` names, marked where its name is written (`at_name`)."""
    return ReservedIp(ref.name, "", service.name, at_name(ref.mark))


def _internal(endpoints: Iterable[InputEndpoint]) -> list[str]:
    """The internal load balancers some of the endpoints are on, each once."""
    return _unique(e.load_balancer for e in endpoints if not e.is_public)


def _only_internal(internal: list[str]) -> str:
    if not internal:
        return ""
    return f" (its only endpoints are on internal load balancer{'s' if len(internal) > 1 else ''} {_quoted(internal)})"


def _vip_endpoint_fix(vip: VirtualIp) -> str:
    """What to do about a reserved IP on a VIP of VMs without an endpoint there: an endpoint that names no
    VIP goes on the default one."""
    how = (
        "Add-AzureEndpoint without -VirtualIPName"
        if vip.default
        else f"Add-AzureEndpoint -VirtualIPName {ps_quoted(vip.name)}"
    )
    return (
        f"Add an input endpoint on virtual IP '{vip.name}' to one of the VMs ({how}, then Update-AzureVM), or "
        "disassociate the reserved IP and migrate it on its own with Move-AzureReservedIP. Either way it "
        f"becomes a Basic SKU public IP, retired on {BASIC_SKU}: upgrade it to Standard SKU."
    )


# Web/worker roles are never migrated (MIG101) nor redeployed with a new endpoint: the address goes alone.
ROLES_RESERVED_IP_FIX = (
    "Disassociate the reserved IP (Remove-AzureReservedIPAssociation) and migrate it on its own with "
    "Move-AzureReservedIP: the roles cannot be migrated (MIG101). It becomes a Basic SKU public IP, retired "
    f"on {BASIC_SKU}: upgrade it to Standard SKU."
)


def _sets_together(sets: dict[str, tuple[Role, ...]]) -> dict[str, tuple[Role, ...]]:
    """The availability sets of a service that hold VMs created together with VMs of another set, each
    with those VMs: all of them, unless a script creates some VMs only on branches it does not take
    together (an `if` that puts two VMs in one set, and its `else` one VM in another)."""
    vms = [vm for each in sets.values() for vm in each]
    if not any(vm.branches for vm in vms):
        return sets
    everywhere = Together(vms)
    together = {}
    for name, each in sets.items():
        own = Together(each)
        meeting = tuple(vm for vm in each if everywhere.with_(vm) > own.with_(vm))
        if meeting:
            together[name] = meeting
    return together


def _kept_first(sets: dict[str, tuple[Role, ...]]) -> dict[str, tuple[Role, ...]]:
    """The availability sets with the one the service keeps first: the first met that holds a VM no script
    puts there (as a REST body or an export shows it), else the first met. A set only scripts put VMs in
    (adding them, or moving them with `update_role`) is then reported at the script, not the VMs that
    exist."""
    kept = next((name for name, vms in sets.items() if not all(map(_set_by_script, vms))), None)
    if kept is None or kept == next(iter(sets)):
        return sets
    return {kept: sets[kept], **{name: vms for name, vms in sets.items() if name != kept}}


def _set_by_script(vm: Role) -> bool:
    """Whether a script gives the VM its availability set: its `AvailabilitySetName` is written in one."""
    return is_script((vm.availability_set_mark or vm.mark).path)


def _met(vm: Role, sets: dict[str, tuple[Role, ...]]) -> str:
    """The first of a handful of other availability sets holding a VM created together with `vm`."""
    for name, vms in itertools.islice(sets.items(), _LOOKED_AT):
        if name != vm.availability_set and Together(vms).with_(vm):
            return name
    return next(name for name in sets if name != vm.availability_set)


_LOOKED_AT = 16


def _availability_set_at(vm: Role) -> object:
    """Where the VM's availability set is written when the reader marked it (its name, or the value that
    says it is in none: an empty `AvailabilitySetName`, an export's `null`), else the VM."""
    return vm.availability_set_mark or vm


def _carried(ref: NameRef, endpoints: Iterable[InputEndpoint]) -> bool:
    """Whether a public input endpoint is on the VIP of the reserved IP `ref` (on any VIP, where the files
    do not tell VIPs apart): not one on an internal load balancer, which is not on a VIP."""
    vip = ref.virtual_ip
    return any(e.is_public and (vip is None or vip.holds(e)) for e in endpoints)


def _endpoints(roles: Iterable[Role]) -> Iterator[InputEndpoint]:
    """The input endpoints the roles define (not those only an endpoint ACL binding names)."""
    return (e for role in roles for e in role.endpoints if e.protocol or e.port)


class _Names:
    """The names of some services, each once, in order, and which services hold each: what the names of
    all but one of them are, without walking them all for each one."""

    def __init__(self, services: Iterable[CloudService]) -> None:
        self.holders: dict[str, set[int]] = {}
        for service in services:
            self.holders.setdefault(service.name, set()).add(id(service))

    def besides(self, service: CloudService) -> tuple[Iterator[str], int]:
        """The names of the services other than `service`, lazily, and how many there are."""
        alone = self.holders.get(service.name) == {id(service)}
        names = (name for name in self.holders if not (alone and name == service.name))
        return names, len(self.holders) - alone


def _unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))


def _quoted(names: Iterable[str]) -> str:
    """A handful of the names, quoted, then how many more: the message is copied into every finding."""
    return listed(names)


def _placement_label(service: CloudService, placement: Placement) -> str:
    if service.named_by == "deployment" or service.named_by in UNNAMED_BY_ROLE:
        return service.label
    return f"deployment '{placement.name}' of {service.label}"
