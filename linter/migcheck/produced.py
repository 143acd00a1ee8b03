"""What each reader module of `migcheck.formats.FORMATS` produces, in tables that import no reader: which
kinds of file a rule inspects follows from them (`migcheck.readers.kinds_producing`, `kinds_describing`),
and a rule's documentation says which. Asking the readers themselves imported every one of them, the
script readers with their parsers' set-up, only to document or select a rule.

These tables are the only place the sets are written: a type a reader starts to produce is added here, with
a word on where the reader finds it. tests/test_produced.py reads examples/ and the corpus and checks that
every record of each file is of a type its reader's entry names.
"""

from __future__ import annotations

from migcheck.inventory_model import (
    INVENTORY_TYPES,
    AlertRule,
    ApplicationGateway,
    AutoscaleSetting,
    CircuitLink,
    DeclaredSubscription,
    LinkAuthorization,
    RoleAssignment,
    ServiceInVnet,
    UncheckedResource,
    VnetPeering,
)
from migcheck.model import (
    NETWORK_CONFIGURATION_TYPES,
    AccessControl,
    AclRule,
    AddressPrefix,
    AffinityGroupRegion,
    ClassicCall,
    CloudInUse,
    ConnectionState,
    Deployment,
    Disk,
    DnsServer,
    Document,
    EndpointAcl,
    ExtendedSupportService,
    Extension,
    ExtensionStatus,
    Image,
    InputEndpoint,
    InstanceAddress,
    MigrationStep,
    NamedAfterDelete,
    NameRef,
    NetworkConfiguration,
    NetworkSecurityGroup,
    ReservedIp,
    Role,
    RoleInstance,
    RoleSettings,
    RouteTable,
    Script,
    SecurityRule,
    ServiceCertificate,
    ServiceConfiguration,
    ServiceDefinition,
    ServiceRegion,
    StorageAccountType,
    Subnet,
    SubscriptionSelection,
    VirtualMachine,
    VirtualNetwork,
    VnetGatewayFact,
)

# What reading a classic role gives, in REST bodies and Export-AzureVM files alike.
_ROLE = frozenset({AclRule, Disk, EndpointAcl, Extension, InputEndpoint, Role, VirtualMachine})
# The networks, gateways and sites a file describes one by one, as a .netcfg holds them, but not a whole
# network configuration: one such file does not define every network of its subscription.
_NETWORKS = NETWORK_CONFIGURATION_TYPES - {NetworkConfiguration}
# What a Resource Manager resource a script or configuration creates gives of the classic resources it reaches
# into, as its export row would (`inventory_shapes.resource_records`): a service in a classic subnet (API
# Management, HDInsight, ...), a peering to a classic network, a role assignment, alert rule or autoscale
# setting on a classic resource (`az`, Az PowerShell, azure-mgmt, Terraform's azurerm).
_ON_CLASSIC = frozenset({AlertRule, AutoscaleSetting, RoleAssignment, ServiceInVnet, VnetPeering})
# What every script reader produces: the script itself with its classic calls and migration steps, the
# deployments and VMs it creates (their roles, endpoints, ACLs, extensions and disks), the reserved IPs it
# reserves and the type of the storage accounts it creates.
_SCRIPT = frozenset(
    {
        *_ROLE,
        ClassicCall,
        Deployment,
        Document,
        MigrationStep,
        ReservedIp,
        Script,
        StorageAccountType,
        # The subscription the script selects, or gives its classic client, by the id it states.
        SubscriptionSelection,
        # The cloud the script signs in to or sends requests to, where it says which.
        CloudInUse,
        # What a command names that the script deleted before it (the command fails).
        NamedAfterDelete,
        # The Resource Manager resources it creates that reach into classic ones.
        *_ON_CLASSIC,
    }
)
# What a Service Management REST body describes: deployments (with a Create or Change Deployment body's
# configuration), their roles and instances, disks, images, reserved IPs, network security groups, route
# tables, Application Gateways, virtual network sites, the states of a gateway's connections and the regions
# of affinity groups.
_REST_BODY = frozenset(
    {
        *_ROLE,
        *_NETWORKS,
        AffinityGroupRegion,
        ApplicationGateway,
        ConnectionState,
        CloudInUse,  # a deployment's `Url` on a cloud's domain
        Deployment,
        DnsServer,
        Image,
        NetworkSecurityGroup,
        ReservedIp,
        RoleInstance,
        RouteTable,
        SecurityRule,
        ServiceCertificate,
        ServiceRegion,
        StorageAccountType,
    }
)
# What a script sends inline to the Service Management API with curl, wget or an Ansible `uri` task: a REST
# body, or the network configuration it uploads, read as those files are (`readers.shell_bodies`).
_SENT_BODIES = _REST_BODY | NETWORK_CONFIGURATION_TYPES

# What a PowerShell script gives beside every script's records.
_POWERSHELL = frozenset(
    {
        *_SCRIPT,
        Image,
        NetworkSecurityGroup,
        SecurityRule,
        RouteTable,
        ExtendedSupportService,
        VnetGatewayFact,
        ConnectionState,  # a gateway's connection the script disconnects and leaves so
        # The region a cloud service the script creates is placed in (New-AzureService -Location), and an
        # affinity group's (New-AzureAffinityGroup -Location).
        ServiceRegion,
        AffinityGroupRegion,
        # A cloud service's service certificates (Add-AzureCertificate, a VM's -X509Certificates).
        ServiceCertificate,
        ApplicationGateway,
        LinkAuthorization,
        VnetPeering,  # added to a classic network (Add-AzVirtualNetworkPeering)
        DnsServer,  # of a deployment a REST body the script sends describes
        # A network configuration the script uploads, as a .netcfg holds it.
        *NETWORK_CONFIGURATION_TYPES,
    }
)
# What an Ansible playbook or a CI pipeline's step in the shell gives: what the shell script running it would.
_ANSIBLE = frozenset(
    {
        *_SCRIPT,
        *_NETWORKS,
        *_SENT_BODIES,
        ApplicationGateway,
        NameRef,
        ServiceRegion,
        AffinityGroupRegion,
        VnetPeering,
    }
)
# What only a CI pipeline's PowerShell steps give of the files the Ansible reader reads (Azure Pipelines'
# AzurePowerShell and PowerShell tasks, `powershell:` and `pwsh:`; GitHub Actions' and CircleCI's
# `shell: pwsh`; AppVeyor's `ps:`), read as the PowerShell script they run: a link authorization, a route
# table, a service on Cloud Services (extended support)... An Ansible playbook gives none of them.
_PIPELINE_POWERSHELL = _POWERSHELL - _ANSIBLE

# What of a classic network's gateway only an inventory export's rows state (Get-AzureDedicatedCircuitLink's
# link of a network to a circuit, Get-AzureVNetConnection's state of a gateway's connection): no deployment
# template, ARM JSON or Bicep, declares either.
_EXPORTED_GATEWAY: frozenset[type] = frozenset({CircuitLink, ConnectionState})

# The types each reader module produces, by its name: what a file of its format holds at the top (and so
# which files can define a subscription's networks).
PRODUCES: dict[str, frozenset[type]] = {
    "migcheck.readers.csdef": frozenset({Document, InputEndpoint, Role, ServiceDefinition}),
    # A cscfg's roles are `RoleSettings`: it does not say whether a role is a web or a worker role.
    "migcheck.readers.cscfg": frozenset(
        {
            AccessControl,
            AclRule,
            CloudInUse,  # a role's storage connection string on a cloud's domain
            DnsServer,
            Document,
            EndpointAcl,
            ExtendedSupportService,
            InstanceAddress,
            RoleSettings,
            ServiceConfiguration,
        }
    ),
    "migcheck.readers.netcfg": frozenset({*NETWORK_CONFIGURATION_TYPES, Document}),
    "migcheck.readers.deployment": frozenset({*_REST_BODY, Document}),
    # A publish profile: the deployment of its project's package to the service it names, the storage account
    # the package is uploaded to, and the subscription it publishes to; or, for an extended-support project's
    # profile, the evidence that it is one.
    "migcheck.readers.publish_profile": frozenset(
        {Deployment, Document, ExtendedSupportService, Role, StorageAccountType, SubscriptionSelection}
    ),
    # The Eclipse toolkit's package.xml: as a publish profile, the deployment of its project's package, the
    # storage account the package is uploaded to and the subscription it publishes to.
    "migcheck.readers.eclipse_package": frozenset(
        {Deployment, Document, Role, StorageAccountType, SubscriptionSelection}
    ),
    "migcheck.readers.vmexport": frozenset({*_ROLE, Document}),
    "migcheck.readers.python_script": frozenset(
        {
            *_SCRIPT,
            *_SENT_BODIES,  # a body it sends inline with curl or wget (`python_cli`), as a shell script's
            Image,
            NameRef,
            DnsServer,
            # The region a cloud service the script creates is placed in (create_hosted_service's location),
            # and an affinity group's (create_affinity_group).
            ServiceRegion,
            AffinityGroupRegion,
            # A cloud service the script uploads a service certificate to (add_service_certificate).
            ServiceCertificate,
            # A rule of a network security group the script PUTs (Set Network Security Rule).
            SecurityRule,
            # A gateway connection the script disconnects and does not connect again on every path after.
            ConnectionState,
            # A network the script links to an ExpressRoute circuit (a PUT to `.../dedicatedcircuits/<key>/
            # vnets/<network>`) and does not surely unlink after.
            VnetGatewayFact,
            # A classic Application Gateway the script creates by a body of its own (Create Application
            # Gateway).
            ApplicationGateway,
            # A peering azure-mgmt-network adds from a Resource Manager network to a classic one.
            VnetPeering,
            # A network configuration the script uploads, as a .netcfg holds it.
            *NETWORK_CONFIGURATION_TYPES,
        }
    ),
    "migcheck.readers.powershell": _POWERSHELL,
    # The classic CLI's: with the Application Gateways it creates (`azure network application-gateway create`),
    # and the peerings to classic networks the Azure CLI adds (`az network vnet peering create`).
    # A graphical runbook: one script, its body a part not read.
    "migcheck.readers.graphrunbook": frozenset({Document, Script}),
    "migcheck.readers.shell": frozenset(
        {
            *_SCRIPT,
            *_NETWORKS,
            *_SENT_BODIES,
            ApplicationGateway,
            NameRef,
            ServiceRegion,
            AffinityGroupRegion,
            VnetPeering,
        }
    ),
    # A Makefile's recipes and a Dockerfile's `RUN` lines are read as the shell script running them would be,
    # a Dockerfile's under `SHELL ["pwsh", ...]` as the PowerShell script.
    "migcheck.readers.makefile": frozenset(
        {
            *_SCRIPT,
            *_NETWORKS,
            *_SENT_BODIES,
            ApplicationGateway,
            NameRef,
            ServiceRegion,
            AffinityGroupRegion,
            VnetPeering,
        }
    ),
    "migcheck.readers.dockerfile": frozenset(
        {
            *_SCRIPT,
            *_NETWORKS,
            *_SENT_BODIES,
            *NETWORK_CONFIGURATION_TYPES,
            ApplicationGateway,
            ConnectionState,
            DnsServer,
            ExtendedSupportService,
            Image,
            LinkAuthorization,
            NameRef,
            NetworkSecurityGroup,
            RouteTable,
            SecurityRule,
            ServiceCertificate,
            ServiceRegion,
            AffinityGroupRegion,
            VnetGatewayFact,
            VnetPeering,
        }
    ),
    # What an Ansible playbook runs is read as the shell script running it would be, and so is a CI pipeline's
    # step in the shell; a pipeline's PowerShell steps are read as the PowerShell script (`_PIPELINE_POWERSHELL`).
    "migcheck.readers.ansible": _ANSIBLE | _PIPELINE_POWERSHELL,
    # What a Terraform configuration of the classic provider declares is read as the classic CLI's commands.
    # Its network security groups and their rules (`azure_security_group`, `azure_security_group_rule`).
    "migcheck.readers.terraform": frozenset(
        {
            *_SCRIPT,
            *_NETWORKS,
            NameRef,
            ServiceRegion,
            AffinityGroupRegion,
            NetworkSecurityGroup,
            SecurityRule,
        }
    ),
    "migcheck.readers.inventory": frozenset(
        {
            *INVENTORY_TYPES,
            CloudInUse,  # a VM's cloud service's `DNSName` on a cloud's domain
            ConnectionState,
            Disk,
            Document,
            ExtendedSupportService,
            ServiceRegion,
            AffinityGroupRegion,  # Get-AzureAffinityGroup's
            UncheckedResource,
            # A deployment template that declares classic resources: automation that manages them (MIG601).
            Script,
        }
    ),
    # Declarations: the services in classic networks, peerings, Application Gateways and authorization links
    # no export shows, and the subscription the files describe (`readers.declarations`). They declare no VM,
    # network, account or reserved IP, and so carry nothing (no `CARRIES` entry).
    "migcheck.readers.declarations": frozenset(
        {ApplicationGateway, DeclaredSubscription, Document, LinkAuthorization, ServiceInVnet, VnetPeering}
    ),
    # A Bicep file: the classic resources it declares, as an ARM JSON template's are read; no gateway's facts,
    # which only an export's rows state.
    "migcheck.readers.bicep": frozenset(
        {
            *(INVENTORY_TYPES - _EXPORTED_GATEWAY),
            Disk,
            Document,
            ExtendedSupportService,
            Script,
            ServiceRegion,
            UncheckedResource,
        }
    ),
}
# The records of the model that a reader module's records carry inside them, by its name: the rules about
# them read them there too, as they read them from the other formats. An inventory export's classic VM
# holds its role with its disks, extensions, endpoints and their ACLs, subnets, addresses and state; its
# network, its subnets, prefixes and DNS servers. Not in `PRODUCES`, which says what a file holds at the
# top, and so which files can define a subscription's networks.
CARRIES: dict[str, frozenset[type]] = {
    "migcheck.readers.inventory": frozenset(
        {
            *_ROLE,
            AddressPrefix,
            DnsServer,
            ExtensionStatus,
            NameRef,
            RoleInstance,
            Subnet,
            VirtualNetwork,
        }
    ),
    # A Bicep file's classic VMs and networks, as a template's rows give them.
    "migcheck.readers.bicep": frozenset({*_ROLE, AddressPrefix, DnsServer, NameRef, Subnet, VirtualNetwork}),
}

# A reader module whose files produce some of its types in one part of them only, by its name: the words a
# rule's "checks:" line names that part by, and those types (`rule.formats_describing`). A rule that only a
# CI pipeline's PowerShell step can fire names CI pipelines, not Ansible.
PRODUCED_IN_PART: dict[str, tuple[str, frozenset[type]]] = {
    "migcheck.readers.ansible": ("CI pipelines", _PIPELINE_POWERSHELL),
    # The inventory reader reads exports and ARM templates alike, but only an export's rows state a network's
    # circuit link or the state of its gateway's connections: a template declares no gateway.
    "migcheck.readers.inventory": ("inventory exports", _EXPORTED_GATEWAY),
}

# The records a reader module gives that state nothing a rule fires on, by its name: a graphical runbook is
# one `Script` whose whole body is a part not read (its graph of activities is never decoded), so no rule
# about scripts can find anything in it. A rule's "checks:" line does not name such a format for them.
STATING_NOTHING: dict[str, frozenset[type]] = {
    "migcheck.readers.graphrunbook": frozenset({Script}),
}
