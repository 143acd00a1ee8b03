"""Rules about the files themselves: can they be read, are they what their name says, and does every
name in them point at something."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator

from migcheck.estate import Conflict, Estate
from migcheck.inventory_model import ApplicationGateway, ServiceInVnet, VnetPeering
from migcheck.model import (
    ConnectionState,
    Deployment,
    Disk,
    DnsServer,
    Document,
    Finding,
    LocalNetworkSite,
    Mark,
    NetworkSecurityGroup,
    ReservedIp,
    RouteTable,
    Script,
    ServiceConfiguration,
    Severity,
    VirtualMachine,
    VirtualNetwork,
    VnetGatewayFact,
)
from migcheck.rule import UNREADABLE, Docs, Example, Rule, Scope


class XmlSyntaxError(Rule):
    code = UNREADABLE
    name = "xml-syntax-error"
    severity = Severity.ERROR
    scope = Scope.FILES
    looks_at = frozenset({Document})
    summary = (
        "A file cannot be read: XML that is not well-formed or declares a DTD, a script that does not parse, "
        "an export that is not JSON, a binary or empty file. An export that lists resources without their "
        "properties (`az resource list`) is a warning: it is well-formed, but nothing it lists is checked."
    )
    fix_hint = "Fix the XML at the position shown."
    source = "Every classic file must parse before anything in it can be checked."
    docs = Docs(
        what="A file that the XML parser rejects (a .cscfg, .csdef, .netcfg, REST body or Export-AzureVM "
        "file): a tag left open, a stray `&`, bytes that are not in the declared encoding, said in plain "
        "words at the character to change; an empty file, a file that holds binary data (a NUL byte), or a "
        "file migcheck cannot open. Documents that declare a DTD or "
        "entities are refused too: migcheck never loads DTDs or expands entities. The same goes for a "
        "PowerShell script that certainly does not parse (a string, comment or bracket never closed, two "
        "parameters of a list without a comma between them, an operator given no value after it), a Python "
        "script that neither Python 3 nor "
        "Python 2 can parse, and a shell script bash cannot parse (a quote, bracket, `fi`, `done` or `esac` "
        "left open), from which nothing is read, and an "
        "inventory export that is not JSON, or whose nested properties `ConvertTo-Json` cut short into "
        "strings like `@{id=; name=}` or `System.Object[]` because it ran without enough `-Depth`: the "
        "resources written so are not checked, and the finding points at the first such value (a "
        "`Get-AzureVM` export is read in part: each VM's availability set, state, network and size, at the "
        "top of its object, are still checked; so are the name, availability set and size of a VM written "
        "without its context, `Select-Object -ExpandProperty VM`, and what of it is written in full, such as "
        "its OS disk). An export "
        'whose resources have no properties at all (`az resource list`, `Get-AzResource`: `"properties": '
        "null`) is reported once, at the first of them, as a warning: such a list is well-formed and only "
        "says which resources exist. So is a row whose properties are written but hold nothing the rules "
        "read of its type (`{}`, or a `provisioningState` alone): a classic VM, reserved IP or storage "
        "account, a Resource Manager network (its peerings), peering, ExpressRoute circuit, role "
        "assignment, Defender plan, alert, autoscale setting, or a service that can sit in a classic network "
        "(the network it is in); the warning names each with what is not stated of it, rather than reading "
        "a VM in no network or a network with no classic peering. A classic network or network security "
        "group, or a Cloud Services (extended support) service, with `{}` is still read as one that exists.",
        why="Nothing in a file that does not parse can be checked, so any blocker it holds stays hidden; the "
        "platform would reject the same file when it is deployed.",
        fix="Open the file at the reported line and column and repair it: close the tag, string, comment or "
        "bracket, escape the character, or save it in the encoding it declares. Remove `<!DOCTYPE ...>` "
        "declarations; Azure's schemas do not use them. For an inventory export cut short, export it again "
        "with every level written (`ConvertTo-Json -Depth 100`, or `az graph query -o json`); for one without "
        "properties, export with a command that writes them (`az graph query`, see the inventory exports "
        "in docs/inventory.md).",
    )
    invalid = (
        Example(
            {
                "ServiceConfiguration.Cloud.cscfg": """
                <?xml version="1.0"?>
                <ServiceConfiguration serviceName="shop">
                  <Role name="Web">
                </ServiceConfiguration>
                """
            },
            expect=("ServiceConfiguration.Cloud.cscfg:4:1",),
        ),
        Example(
            {
                "deploy/jump.ps1": """
                function Deploy-Jump {
                    New-AzureQuickVM -Windows -ServiceName "jump" -ImageName $image -Location "West Europe"

                Deploy-Jump
                """
            },
            expect=("deploy/jump.ps1:1:22",),
            note="A PowerShell script that does not parse, reported at the brace never closed.",
        ),
        Example(
            {
                "inventory/classic-vms.json": """
                [
                  {
                    "id": "/subscriptions/3f1d2c4b-8a7e-4c1d-9b2a-5e6f7a8b9c0d/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines/web01",
                    "name": "web01",
                    "type": "microsoft.classiccompute/virtualmachines",
                    "properties": {
                      "domainName": "@{id=; name=shop; type=}",
                      "networkProfile": "@{inputEndpoints=System.Object[]; virtualNetwork=}"
                    }
                  }
                ]
                """
            },
            expect=("inventory/classic-vms.json:7:21",),
            note="An export written by ConvertTo-Json without -Depth: its nested properties are strings.",
        ),
    )
    valid = (
        Example(
            {
                "ServiceConfiguration.Cloud.cscfg": """
                <?xml version="1.0"?>
                <ServiceConfiguration serviceName="shop">
                  <Role name="Web"><Instances count="2"/></Role>
                </ServiceConfiguration>
                """
            }
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for doc in estate.documents:
            if doc.problem and doc.problem.kind == "syntax":
                fix = doc.problem.fix or _SYNTAX_FIXES.get(posixpath.splitext(doc.path)[1].lower(), "")
                yield self.finding(
                    _FileResource(doc.path, doc.problem.mark),
                    doc.problem.message,
                    fix=fix,
                    severity=doc.problem.severity,
                )


# What to do about a file that does not parse, by what it is ("": the rule's, for XML).
_SYNTAX_FIXES = {
    ".bicep": "Fix the file at the position shown, so that `bicep build` compiles it.",
    ".json": "Fix the JSON at the position shown, or export it again (`az graph query -o json`, or "
    "`ConvertTo-Json -Depth 100`).",
    ".ps1": "Fix the script at the position shown: PowerShell cannot run it either.",
    ".psm1": "Fix the module at the position shown: PowerShell cannot load it either.",
    ".py": "Fix the script at the position shown: Python cannot run it either.",
    ".toml": "Fix the TOML at the position shown.",
}


class UnexpectedRootElement(Rule):
    code = "MIG002"
    name = "unexpected-root-element"
    severity = Severity.WARNING
    scope = Scope.FILES
    looks_at = frozenset({Document})
    summary = (
        "A .csdef, .cscfg or .netcfg file (or a file named explicitly) is not the kind of file it claims."
    )
    fix_hint = "Rename the file to match what it holds, or exclude it in [tool.migcheck] exclude."
    source = "DESIGN.md: a file's kind comes from its extension and its root element."
    docs = Docs(
        what="A file whose extension says ServiceDefinition, ServiceConfiguration or NetworkConfiguration but "
        "whose root element is something else, and any file you named on the command line that is not a "
        "classic Azure file at all.",
        why="migcheck will not guess what such a file means, so nothing in it is checked; a misnamed file is "
        "also a sign that a deployment script picks up the wrong file.",
        fix="Rename the file to the extension of what it holds, fix its root element, or exclude it.",
    )
    invalid = (
        Example(
            {"network/Prod.netcfg": '<?xml version="1.0"?>\n<ServiceDefinition name="shop"/>\n'},
            expect=("network/Prod.netcfg:2:1",),
        ),
    )
    valid = (
        Example(
            {
                "network/Prod.netcfg": """
                <NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
                  <VirtualNetworkConfiguration/>
                </NetworkConfiguration>
                """
            }
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for doc in estate.documents:
            if doc.problem and doc.problem.kind == "root":
                yield self.finding(
                    _FileResource(doc.path, doc.problem.mark), doc.problem.message, fix=doc.problem.fix
                )


class UnresolvedReference(Rule):
    code = "MIG003"
    name = "unresolved-reference"
    severity = Severity.WARNING
    scope = Scope.FILES
    # Besides placements: the networks and subnets scripts migrate, give gateways, connect and associate
    # security groups and route tables with, those of Application Gateways and of the services and
    # peerings the inventory declarations place in one, and the disks lists lack.
    looks_at = frozenset(
        {
            ServiceConfiguration,
            Deployment,
            VirtualNetwork,
            VirtualMachine,
            Script,
            VnetGatewayFact,
            ConnectionState,
            NetworkSecurityGroup,
            RouteTable,
            ApplicationGateway,
            ServiceInVnet,
            VnetPeering,
            Disk,
        }
    )
    summary = (
        "A name points at nothing: a role, access control, virtual network or subnet that is not defined."
    )
    fix_hint = "Correct the name, or add the definition it refers to."
    source = (
        "Virtual network and subnet names must match the network configuration "
        "(cscfg NetworkConfiguration schema: VirtualNetworkSite, Subnet)."
    )
    docs = Docs(
        what="Names that refer to something defined elsewhere and find nothing: a cscfg whose `serviceName` "
        "is not the name of the .csdef in its folder; a cscfg `Role` or "
        "`InstanceAddress` for a role the .csdef does not define; an `EndpointAcl` naming an "
        "`AccessControl` that does not exist; a `VirtualNetworkSite` or `VirtualNetworkName` that no network "
        "configuration defines; a subnet that is not in its virtual network; a VM a classic CLI command "
        "names without its cloud service (`azure vm extension set jump01 ...` with no `-d`, `azure vm delete "
        "jump01`) when the files describe a VM of that name in more than one cloud service: the CLI looks "
        "the name up in every service of the subscription and refuses one that is not unique, so the "
        "command changes or deletes none of them (with one such VM in the files, the change is that VM's).\n\n"
        "So are the other names of a "
        "network or subnet: the network a migration call names (`Move-AzureVirtualNetwork "
        "-VirtualNetworkName`, `azure network vnet validate-migration`, a POST to "
        "`.../virtualnetwork/<name>/migration`: the platform answers that it does not exist), the network "
        "whose gateway a script creates, links to an ExpressRoute circuit, connects or disconnects "
        "(`New-AzureVNetGateway`, `New-AzureVirtualNetworkGateway`, `New-AzureDedicatedCircuitLink`, "
        "`Set-AzureVNetGateway`, `azure network vpn-gateway create`), the network and subnet a script associates a network security group or "
        "route table with, an Application Gateway's network and subnets (`New-AzureApplicationGateway`, a "
        "REST body, an export, a declaration), and the network and subnet of a service or peering the "
        "inventory declarations place in one (`vnet-services`, `vnet-peerings`; not the network an "
        "`expressroute-authorization-links` entry names, most often another subscription's).\n\n"
        "A network or reserved IP a classic CLI `vm create` names "
        "(`-w`, `-R`) after the script surely deleted it (`network vnet delete`, `network reserved-ip delete`), "
        "and before it creates one of that name again, does not exist when the command runs: the platform "
        "refuses the command, which fails and creates no VM, and no plan step moves the deleted one; so does "
        "a reserved IP a PowerShell `New-AzureQuickVM`/`New-AzureVM -ReservedIPName` or a Python "
        "`create_virtual_machine_deployment(reserved_ip_name=...)` that creates its deployment names after "
        "`Remove-AzureReservedIP` or `delete_reserved_ip_address` of it. A reserved IP a script associates "
        "with a deployment after it surely deleted it (`azure network reserved-ip associate`, "
        "`Set-AzureReservedIPAssociation`, `associate_reserved_ip_address`) is refused alike: the command "
        "fails and gives the deployment no reserved IP, and MIG003 says so at the name. So is an ACL rule a "
        "script sets on an endpoint a VM it creates with every endpoint stated does not have when the "
        "command runs, on every path the command may run after (`azure vm endpoint acl-rule create`, "
        "`Set-AzureEndpoint -ACL`): the command fails and sets no ACL; a `Set-AzureEndpoint` without `-ACL` "
        "changes no endpoint.\n\n"
        "A classic deployment (a configuration a script deploys with `New-AzureDeployment -Configuration`, "
        "a REST `CreateDeployment` body, `New-AzureVM -VNetName`) that names its virtual network by a "
        "Resource Manager id (`/subscriptions/.../virtualNetworks/<name>`, as a configuration written for "
        "Cloud Services (extended support) does), or its reserved IP by a "
        "`Microsoft.Network/publicIPAddresses` id (`New-AzureVM -ReservedIPName` given one too), is reported "
        "at the id, whether or not a network configuration is checked: a classic deployment joins only a "
        "classic network and takes only a classic reserved IP, so the platform refuses it; the plan moves no "
        "network or reserved IP of that name, and which classic network or reserved IP the service has, if "
        "any, is not known. A configuration naming one beside another of the service that is deployed "
        "is set apart instead, and not reported.\n\n"
        "`Move-AzureService -VirtualNetworkName` names a Resource Manager network and "
        "is not checked. A script's name is reported where the script writes it (the argument, the string "
        "a variable is given, the string of a request's path that holds it), a name a .cscfg or .netcfg "
        "writes in an attribute (`serviceName`, `roleName`, a reference's `name`) at the attribute's value. A network or subnet name that "
        "points nowhere is reported once in each file that gives it, placements included: where the file "
        "first writes it, the message listing the other lines that name it. The platform refuses "
        "what a script asks of a network that does not exist, so nothing else is reported of it: no "
        "gateway, circuit link or connection of it (MIG301, MIG302), no disconnection (MIG307), no "
        "Application Gateway the script creates in it (MIG312), nothing of a service, peering or Application "
        "Gateway declared in it (a hand-written name is where a typo or the portal's short name is most "
        "likely: no MIG312 to MIG319), and the plan has no step for it (an "
        "export's record in a network the configuration lacks shows that the network exists: it is "
        "checked and planned all the same). The order of the script's own steps (MIG602) is checked all "
        "the same: correcting the name leaves it as it is.\n\n"
        "Virtual network and subnet "
        "names are checked only when a network configuration is among the files checked, and no script uploads "
        "one whose content the files do not show (`Set-AzureVNetConfig` of a file given by a parameter or "
        "edited through an `[xml]` object, `azure network import`, a PUT to `.../services/networking/media` "
        "of a body read from a file): the upload replaces every network, so a name none of them defines may "
        "be one it uploads. A network a script makes with the classic CLI (`azure network vnet create`, with "
        "the subnets `azure network vnet subnet create` adds to it) is defined as the script writes it, so a "
        "subnet it lacks is reported as one a configuration's network lacks is; such a script says nothing of "
        "the subscription's other networks, and without a network configuration a name no file defines is "
        "not reported. A `vnet create` that may not run (the create-if-missing idiom: the network may be there "
        "already), a subnet added to a network no script makes, and a network or subnet whose name the script "
        "does not state leave the names unchecked, as an upload does. An upload of a file by the name of a network configuration checked here "
        "(`Set-AzureVNetConfig -ConfigurationPath .\\NetworkConfig.netcfg`, `azure network import "
        "NetworkConfig.netcfg`, `Invoke-RestMethod -Method Put -InFile .\\NetworkConfig.netcfg` to "
        "`.../services/networking/media`, Python's `open('NetworkConfig.netcfg').read()` sent to that path) is of that "
        "file, and leaves the names checked, unless the script first puts a file of that name in place by a "
        "means migcheck does not follow: a copy, move or rename over it, or a download saved to it "
        "(`Copy-Item`, `Move-Item`, `Rename-Item`, `Invoke-WebRequest -OutFile`, `Start-BitsTransfer`, "
        "`shutil.copy`, `os.replace`, `urlretrieve`, `Path.write_text`).\n\n"
        "Likewise a reserved IP "
        "a deployment uses (a cscfg `ReservedIP`, a REST `ReservedIPName`, a script's `-ReservedIPName`) that "
        "is not in the API's list of the subscription's reserved IPs (`ReservedIPs`), when one is among the "
        "files (the reserved IPs scripts create and exports describe count as listed). So are the disks "
        "that do not exist, which the platform's validation fails a VM for (\"Make sure the disks for the VM "
        "exist\"), when the files list the subscription's storage accounts or disks: a disk or one of your "
        "images whose blob is in a storage account that the API's list of them (`StorageServices`) or an "
        "inventory export's classic storage accounts of the subscription does not hold (the accounts scripts "
        "and REST bodies create count as listed; the check is left out when one creates an account whose "
        "name or type it does not state), reported at the blob, and a disk a VM has by a name that the API's "
        "list of disks (`Disks`) or a `Get-AzureDisk | ConvertTo-Json` export does not hold, reported at the "
        "disk (one the list holds by its blob is that disk; disks the files register count as listed; a "
        "disk a script creates with its blob is new, and not looked up). The plan moves no storage account "
        "the list lacks.\n\n"
        "For inventory "
        "exports: a `subscription` declared in `[tool.migcheck.inventory]` that no export holds (the "
        "declaration is ignored, and the message lists the subscriptions the exports do hold), and a page of "
        "a Resource Graph export whose skip token asks for rows no page checked holds (the export is one page "
        "of several; a `Search-AzGraph` page, which states no total, when no page checked is the last, whose "
        "`SkipToken` is null).",
        why="A dangling name is usually a typo or a stale copy. Migration validation resolves the same names; "
        "and while a name dangles, migcheck cannot tell which virtual network or subnet a resource is in, so "
        "the rules that depend on it stay silent.",
        fix="Correct the name so that it matches the definition (names are compared without regard to case), "
        "or add the missing definition. A classic virtual network created in the Azure portal rather than "
        "from a network configuration has a longer name in the classic model, `Group <resource group> "
        "<network name>`: a deployment that refers to it must use that full name, which is also why the "
        "platform reports such a network as not existing.",
    )
    invalid = (
        Example(
            {
                "shop/ServiceDefinition.csdef": """
                <ServiceDefinition name="shop">
                  <WorkerRole name="Jobs" vmsize="Small"/>
                </ServiceDefinition>
                """,
                "shop/ServiceConfiguration.Cloud.cscfg": """
                <ServiceConfiguration serviceName="shop">
                  <Role name="Jobs"><Instances count="2"/></Role>
                  <Role name="Web"><Instances count="2"/></Role>
                </ServiceConfiguration>
                """,
            },
            expect=("shop/ServiceConfiguration.Cloud.cscfg:3:15",),
        ),
        Example(
            {
                "net/NetworkConfig.netcfg": """
                <NetworkConfiguration>
                  <VirtualNetworkConfiguration>
                    <VirtualNetworkSites>
                      <VirtualNetworkSite name="prod" Location="West Europe">
                        <Subnets><Subnet name="FrontEnd"><AddressPrefix>10.0.0.0/24</AddressPrefix></Subnet></Subnets>
                      </VirtualNetworkSite>
                    </VirtualNetworkSites>
                  </VirtualNetworkConfiguration>
                </NetworkConfiguration>
                """,
                "shop/ServiceConfiguration.Cloud.cscfg": """
                <ServiceConfiguration serviceName="shop">
                  <Role name="Jobs"><Instances count="2"/></Role>
                  <NetworkConfiguration>
                    <VirtualNetworkSite name="prod"/>
                    <AddressAssignments>
                      <InstanceAddress roleName="Jobs">
                        <Subnets><Subnet name="Backend"/></Subnets>
                      </InstanceAddress>
                    </AddressAssignments>
                  </NetworkConfiguration>
                </ServiceConfiguration>
                """,
            },
            expect=("shop/ServiceConfiguration.Cloud.cscfg:7:32",),
        ),
        Example(
            {
                "shop/ServiceDefinition.csdef": """
                <ServiceDefinition name="shop">
                  <WorkerRole name="Jobs" vmsize="Small"/>
                </ServiceDefinition>
                """,
                "shop/ServiceConfiguration.Cloud.cscfg": """
                <ServiceConfiguration serviceName="shop-old">
                  <Role name="Jobs"><Instances count="2"/></Role>
                </ServiceConfiguration>
                """,
            },
            expect=("shop/ServiceConfiguration.Cloud.cscfg:1:36",),
        ),
        Example(
            {
                "net/NetworkConfig.netcfg": """
                <NetworkConfiguration>
                  <VirtualNetworkConfiguration>
                    <VirtualNetworkSites>
                      <VirtualNetworkSite name="Group prod-rg prod" Location="West Europe"/>
                    </VirtualNetworkSites>
                  </VirtualNetworkConfiguration>
                </NetworkConfiguration>
                """,
                "net/Move-Prod.ps1": """
                Move-AzureVirtualNetwork -Validate -VirtualNetworkName "prod"
                """,
            },
            expect=("net/Move-Prod.ps1:1:56",),
        ),
    )
    valid = (
        Example(
            {
                "shop/ServiceDefinition.csdef": """
                <ServiceDefinition name="Shop">
                  <WorkerRole name="Jobs" vmsize="Small"/>
                </ServiceDefinition>
                """,
                "shop/ServiceConfiguration.Cloud.cscfg": """
                <ServiceConfiguration serviceName="shop">
                  <Role name="jobs"><Instances count="2"/></Role>
                </ServiceConfiguration>
                """,
            },
            note="Names are compared without regard to case.",
        ),
        Example(
            {
                "shop/ServiceConfiguration.Cloud.cscfg": """
                <ServiceConfiguration serviceName="shop">
                  <Role name="Jobs"><Instances count="2"/></Role>
                  <NetworkConfiguration><VirtualNetworkSite name="defined-elsewhere"/></NetworkConfiguration>
                </ServiceConfiguration>
                """,
            },
            note="No network configuration is checked, so the VNet name cannot be resolved: silent.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for dangling in estate.dangling:
            yield self.finding(
                dangling, dangling.message, fix=dangling.fix or _DANGLING_FIXES.get(dangling.target, "")
            )


# What to do about a reference that is not a name to correct.
_DANGLING_FIXES = {
    "VmName": "Give the command the cloud service of the VM it is meant to change (`-d <cloud service>`, "
    "`--dns-name`): the CLI then looks the VM up in that service alone.",
    "Subscription": "Declare the subscription the files describe, one the exports hold (`subscription = "
    '"<id>"` in the inventory declarations), or map the files to subscription ids in '
    "`[tool.migcheck.subscriptions]`.",
    "ExportPage": "Export every page of the query (`az graph query --first 1000 --skip-token <skip_token>` until "
    "the token is null, or `Search-AzGraph -First 1000 -SkipToken $r.SkipToken`) and check the pages together.",
    "ListPage": "Export every page of the list: `az rest --method get --url '<nextLink>'` on each page's "
    "`nextLink` until a page has none (or the resource type's `az ... list` command, which follows the links), "
    "and check the pages together.",
    "StorageAccount": "Make sure the VM's disks exist (Get-AzureDisk lists each with its blob): correct the blob's "
    "address to the storage account that holds it, or, if the list of storage accounts is stale, export it again "
    "(GET .../services/storageservices, or a Resource Graph export of classic storage accounts) with the files.",
    "Disk": "Make sure the VM's disks exist: correct the disk's name to the one the subscription's list of disks "
    "gives its blob, or, if the list is stale, export it again (Get-AzureDisk | ConvertTo-Json, or GET "
    ".../services/disks) and check it with the files.",
}


class ConflictingDefinitions(Rule):
    code = "MIG004"
    name = "conflicting-definitions"
    severity = Severity.WARNING
    scope = Scope.FILES
    looks_at = frozenset({VirtualNetwork, VirtualMachine, LocalNetworkSite, DnsServer, ReservedIp})
    summary = "Two files describe one resource differently: which one is deployed?"
    fix_hint = (
        "Make the descriptions agree, or delete the stale one; where they disagree, migcheck checks the "
        "first description (with a VM's disks, endpoints, extensions and IPs of both) and reports this one. Files of "
        "different subscriptions (a production and a "
        "development network configuration) are told apart in [tool.migcheck.subscriptions]."
    )
    source = (
        "DESIGN.md: one resource however many files describe it; conflicting definitions are a finding, "
        "never a silent merge. The platform holds one definition of each resource per subscription."
    )
    docs = Docs(
        what="One resource described by more than one file of the same subscription, where the descriptions "
        "disagree on something both state: a virtual network (in a network configuration and a REST "
        "`VirtualNetworkSites` body, or in two network configurations) with a different address space, "
        "different subnets or subnet prefixes, or a different location or affinity group (a region and an "
        "affinity group are each compared with their own kind: a REST body may state an affinity-group "
        "network's region too, which is compared with the region the files create the group in), or, where both state the network's gateway, other gateway connections or another point-to-site "
        "client pool (a network configuration's `ConnectionsToLocalNetwork` and `VPNClientAddressPool`, a "
        "REST body's `Sites` and pool, each state them all: an emptied `ConnectionsToLocalNetwork`, as the "
        "ExpressRoute migration's preparation leaves it, says none). Each description is a whole "
        "configuration, and applying one replaces the other: MIG301 (ExpressRoute beside a VPN) looks at "
        "each apart, never at ExpressRoute from one and a VPN from the other; the other rules see every "
        "connection either lists, so that a blocker either one shows is reported, naming its file; "
        "a VM (in a REST deployment, an Export-AzureVM file, a role body in the deployment's folder, two role "
        "bodies of its name in one folder, a script of any kind) in a "
        "different availability set, different subnets, of a different size or role type; and where two "
        "files create it (two scripts, in one language or two, or two bodies), in an availability set and "
        "in none, with other disks (their blobs, or where either leaves them to the platform, as a script "
        "does, the LUNs of its data disks), other endpoints, other extensions (by name and version: BGInfo "
        "1.* and 2.* differ), other static private IPs or other public IPs, where both state some. Either "
        "creation may be what is deployed, so the VM checked has the disks, endpoints, extensions, static "
        "private IPs and public IPs of both and the subnets of the one that puts it in more: a blocker either "
        "one shows (an endpoint's ACL, a '/' in a blob's name, a second subnet, Azure Backup's extension, an "
        "address another VM asks for) is reported, naming its file, and the storage account of either's "
        "disks waits for the VM. A script "
        "and an export of the VM it creates (a GET, an Export-AzureVM file, an inventory row) are compared "
        "on the OS disk's blob, which a classic VM keeps, but not on data disks and endpoints: they are "
        "attached and added after a script runs, and the export, the VM as it is, is checked. Two inventory "
        "exports of one VM (two Resource Graph exports, or one and a `Get-AzureVM` export) are compared on "
        "its size, role type, availability set (one in a set and one in none too), subnets, virtual network "
        "and state (running or not): one of them is stale, and the first read is checked. So are two "
        "inventory exports of one classic network described in full (its address space and subnets), of "
        "one reserved IP (its address, and what it is attached to: one cloud service and another, or one "
        "and nothing; one in use that names no service says less, it does not disagree) and of one storage "
        "account (its type; `Standard-GRS` and `Standard_GRS` are one). "
        "A script that changes a VM (`Get-AzureVM | ... | "
        "Update-AzureVM`), one that deletes a VM it created and creates it again, and the branches of an "
        "`if` that create it two ways are not two creations. Also a disk (one blob) that two VMs the "
        "files keep apart both have, or that descriptions (neither a script's) give other disk names; a "
        "deployment body that names no service is the deployment of its name in the service a body in its "
        "folder names, when that body's deployment holds its VMs; a local network site, DNS server or reserved IP with different "
        "addresses; a VM "
        "deployment whose service configuration (a .cscfg with no definition) and whose own description "
        "name different virtual networks, or give a VM different subnets; VMs of one deployment that inventory "
        "exports place in different virtual networks (a deployment's VMs are all in one network, or all in "
        "none: reported at the network of each VM that is not in the first one's); a cloud service's "
        "definition and a "
        "copy of it its project keeps (`ServiceDefinition.Original.csdef` or a `.Template.csdef` beside "
        "`ServiceDefinition.csdef`, which is the one deployed, or a definition in a folder with no "
        "configuration, such as an old `ServiceDefinition.csdef` kept in a subfolder, when one other folder "
        "holds the service's definition and configuration) that define other roles, or roles of another "
        "kind, size or input endpoints; not a build variant beside it, named after it with a suffix "
        "(`ServiceDefinition_Large.csdef`, one per VM size), which a build packages in its place as a "
        "service keeps a configuration per environment. The finding "
        "points at the description that was not used and lists every difference, the value written there "
        "first and the one used after it (`here / there`). Where several descriptions disagree with the one "
        "used (three network configurations of one network), they are one finding, at the first of them, "
        "that names each of the others (a handful, then how many more) with what it states. An internal load "
        "balancer two files put in different subnets is checked in each of them, as a VM's subnets are (a "
        "subnet the network lacks is reported at the file that names it): either may be what is deployed; "
        "the plan describes it as the first file does.",
        why="The platform holds exactly one definition of each resource in a subscription, so at most one of "
        "the files is what is deployed. Where descriptions state different parts of a resource (one file "
        "a network's DNS servers or a subnet's security group, another not), "
        "migcheck checks what they all state; where they disagree, it checks the first description it reads "
        "(but a network's gateway connections and client pool, and a VM's disks and endpoints, of both), and a blocker in "
        "anything else that only the other one shows, or a fix made only in the file that is not deployed, "
        "goes unnoticed until validation.",
        fix="Find out which description matches what is deployed (`Get-AzureVNetConfig` and `Get-AzureVM` "
        "read it back while the classic resources exist), correct or delete the other file, and re-run "
        "migcheck. If the two files describe resources of different subscriptions, such as a production "
        "and a development network configuration, map each file to its subscription in "
        "`[tool.migcheck.subscriptions]`: nothing is linked across subscriptions.",
    )
    invalid = (
        Example(
            {
                "network/NetworkConfig.netcfg": """
                <NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
                  <VirtualNetworkConfiguration>
                    <VirtualNetworkSites>
                      <VirtualNetworkSite name="prod" Location="West Europe">
                        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
                        <Subnets><Subnet name="FrontEnd"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet></Subnets>
                      </VirtualNetworkSite>
                    </VirtualNetworkSites>
                  </VirtualNetworkConfiguration>
                </NetworkConfiguration>
                """,
                "network/sites.xml": """
                <VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure">
                  <VirtualNetworkSite>
                    <Name>prod</Name>
                    <AddressSpace><AddressPrefixes><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressPrefixes></AddressSpace>
                    <Subnets><Subnet><Name>FrontEnd</Name><AddressPrefix>10.1.1.0/24</AddressPrefix></Subnet></Subnets>
                    <Location>West Europe</Location>
                  </VirtualNetworkSite>
                </VirtualNetworkSites>
                """,
            },
            expect=("network/sites.xml:2:3",),
        ),
        Example(
            {
                "rest/sql.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>sql</Name>
                  <RoleList>
                    <Role>
                      <RoleName>sql01</RoleName><RoleType>PersistentVMRole</RoleType>
                      <AvailabilitySetName>sql-as</AvailabilitySetName>
                    </Role>
                  </RoleList>
                </Deployment>
                """,
                "vms/sql01.xml": """
                <PersistentVM>
                  <AvailabilitySetName>sql-as-old</AvailabilitySetName>
                  <RoleName>sql01</RoleName>
                </PersistentVM>
                """,
            },
            expect=("vms/sql01.xml:1:1",),
            note="The Export-AzureVM file describes VM sql01 of the deployment, in another availability set.",
        ),
        Example(
            {
                "scripts/CreateQuickVM.ps1": """
                New-AzureQuickVM -Windows -ServiceName "web" -Name "web01" -ImageName $image `
                    -AdminUsername $user -Password $password -Location "West Europe" -InstanceSize Small
                """,
                "scripts/CreateVM.ps1": """
                $vm = New-AzureVMConfig -Name "web01" -InstanceSize Small -ImageName $image |
                    Add-AzureProvisioningConfig -Windows -AdminUsername $user -Password $password |
                    Add-AzureEndpoint -Name "HTTP" -Protocol tcp -PublicPort 80 -LocalPort 80 |
                    Add-AzureDataDisk -CreateNew -DiskSizeInGB 20 -LUN 0 -DiskLabel "Data"
                New-AzureVM -ServiceName "web" -Location "West Europe" -VMs $vm
                """,
            },
            expect=("scripts/CreateVM.ps1:1:7",),
            note="Two scripts create VM web01, the second with an HTTP endpoint and a data disk: either may be "
            "what is deployed.",
        ),
    )
    valid = (
        Example(
            {
                "network/NetworkConfig.netcfg": """
                <NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
                  <VirtualNetworkConfiguration>
                    <VirtualNetworkSites>
                      <VirtualNetworkSite name="prod" Location="West Europe">
                        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
                        <Subnets><Subnet name="FrontEnd"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet></Subnets>
                      </VirtualNetworkSite>
                    </VirtualNetworkSites>
                  </VirtualNetworkConfiguration>
                </NetworkConfiguration>
                """,
                "network/sites.xml": """
                <VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure">
                  <VirtualNetworkSite>
                    <Name>PROD</Name>
                    <AddressSpace><AddressPrefixes><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressPrefixes></AddressSpace>
                    <Subnets><Subnet><Name>frontend</Name><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet></Subnets>
                  </VirtualNetworkSite>
                </VirtualNetworkSites>
                """,
            },
            note="The same network in two formats; names compare without regard to case, and a description "
            "that leaves the location out does not disagree.",
        ),
        Example(
            {
                "one/network/NetworkConfig.netcfg": """
                <NetworkConfiguration>
                  <VirtualNetworkConfiguration>
                    <VirtualNetworkSites>
                      <VirtualNetworkSite name="prod" Location="West Europe">
                        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
                      </VirtualNetworkSite>
                    </VirtualNetworkSites>
                  </VirtualNetworkConfiguration>
                </NetworkConfiguration>
                """,
                "two/network/NetworkConfig.netcfg": """
                <NetworkConfiguration>
                  <VirtualNetworkConfiguration>
                    <VirtualNetworkSites>
                      <VirtualNetworkSite name="prod" Location="North Europe">
                        <AddressSpace><AddressPrefix>10.9.0.0/16</AddressPrefix></AddressSpace>
                      </VirtualNetworkSite>
                    </VirtualNetworkSites>
                  </VirtualNetworkConfiguration>
                </NetworkConfiguration>
                """,
            },
            note="Two network configurations in different folders are two subscriptions: nothing is linked "
            "across them.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for first, *others in _by_description_kept(estate.conflicts):
            kept = f"{first.kept.path}:{first.kept.line}"
            of = f" of cloud service '{first.service}'" if first.service else ""
            said = (
                f"{first.called or _type_words(first.kind)} '{first.name}'{of} is described differently here"
            )
            if not others:
                yield self.finding(
                    first, f"{said} than at {kept}: {'; '.join(first.differences)} (here / there)"
                )
                continue
            # Three descriptions or more that disagree with the one checked: said once, at the first, naming
            # every file that disagrees and what each states.
            # A handful of them, as a message names a handful of anything: a run may hold thousands.
            shown = others[:_OTHERS_SHOWN]
            where = [f"{c.mark.path}:{c.mark.line}" for c in shown]
            more = len(others) - len(shown)
            listed = _listed([*where, f"{more} more"] if more else where)
            each = [f"here: {', '.join(first.differences)}"]
            each += [f"at {at}: {', '.join(c.differences)}" for at, c in zip(where, shown, strict=True)]
            yield self.finding(
                first,
                f"{said} and at {listed} than at {kept}: {'; '.join(each)} (each one's / that at {kept})",
            )


_OTHERS_SHOWN = 3


def _by_description_kept(conflicts: Iterable[Conflict]) -> list[list[Conflict]]:
    """The conflicts, those of one resource with the one description the estate keeps together, in the
    order of the first of each: several files that each disagree with it are one finding."""
    grouped: dict[tuple[str, str, Mark], list[Conflict]] = {}
    for conflict in conflicts:
        grouped.setdefault((conflict.kind, conflict.name.casefold(), conflict.kept), []).append(conflict)
    return list(grouped.values())


def _listed(items: list[str]) -> str:
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else items[0]


def _type_words(kind: str) -> str:
    words = {
        "VirtualNetwork": "virtual network",
        "Role": "role",
        "LocalNetworkSite": "local network site",
        "DnsServer": "DNS server",
        "ReservedIP": "reserved IP",
        "StorageAccount": "storage account",
        "Disk": "disk",
        "Deployment": "deployment",
        "ServiceDefinition": "service definition",
        "InternalLoadBalancer": "internal load balancer",
    }
    return words.get(kind, kind)


class _FileResource:
    """A whole file, as the resource of a finding about it."""

    kind = "File"
    __slots__ = ("mark", "name")

    def __init__(self, path: str, mark: Mark) -> None:
        self.name = path
        self.mark = mark


class InvalidSuppression(Rule):
    code = "MIG005"
    name = "invalid-suppression"
    severity = Severity.WARNING
    scope = Scope.FILES
    looks_at = frozenset({Document})
    summary = (
        "A suppression comment is malformed or names a rule that does not exist, so it silences nothing."
    )
    fix_hint = "Write `migcheck: ignore[CODE, ...] reason` with codes or names that `migcheck rules` lists."
    source = (
        "DESIGN.md: MIG0xx also for suppressions that name unknown codes or silence nothing; "
        "like ruff's checks of `noqa` comments."
    )
    docs = Docs(
        what="A comment that starts like a suppression (`migcheck:` or `migcheck ignore`) but is not one: "
        "codes without brackets (`migcheck: ignore MIG201`), empty brackets (`ignore[]`), an unclosed "
        "bracket, an action other than `ignore` or `ignore-file`; and a well-formed suppression that "
        "names a code, prefix or name no rule has (`MIG2O1` with the letter O). Codes in the config's "
        "`select`, `ignore`, `severity` and `per-file-ignores` are checked too, as errors that stop the "
        "run; a comment cannot stop a run, so it is a finding.",
        why="Such a comment looks as if it holds a finding back, yet the finding is reported (or, read the "
        "other way, a reviewer believes a blocker was looked at and accepted when the comment never "
        "applied). Left alone, misspelt suppressions pile up and nobody trusts the comments any more.",
        fix="Correct the comment to `<!-- migcheck: ignore[MIG201] why it is acceptable -->` (before the "
        "element) or `ignore-file[...]` (anywhere in the file), with codes, prefixes or rule names that "
        "`migcheck rules` lists, separated by commas; or delete it.",
    )
    invalid = (
        Example(
            {
                "shop/ServiceConfiguration.Cloud.cscfg": """
                <ServiceConfiguration serviceName="shop">
                  <!-- migcheck: ignore[MIG2O1] the ACL goes before the migration -->
                  <Role name="Web"><Instances count="2"/></Role>
                </ServiceConfiguration>
                """
            },
            expect=("shop/ServiceConfiguration.Cloud.cscfg:2:3",),
            note="`MIG2O1` has the letter O where MIG201 has a zero.",
        ),
        Example(
            {
                "shop/ServiceConfiguration.Cloud.cscfg": """
                <ServiceConfiguration serviceName="shop">
                  <Role name="Web"><Instances count="2"/></Role>
                  <!-- migcheck: ignore MIG201 -->
                  <Role name="Jobs"><Instances count="2"/></Role>
                </ServiceConfiguration>
                """
            },
            expect=("shop/ServiceConfiguration.Cloud.cscfg:3:3",),
            note="Codes go in brackets.",
        ),
    )
    valid = (
        Example(
            {
                "shop/ServiceConfiguration.Cloud.cscfg": """
                <ServiceConfiguration serviceName="shop">
                  <!-- migcheck: ignore[MIG201, endpoint-acl] the ACL goes before the migration -->
                  <Role name="Web"><Instances count="2"/></Role>
                  <!-- migcheck is run in CI; this comment is not a suppression -->
                </ServiceConfiguration>
                """
            }
        ),
    )

    @classmethod
    def inspects(cls, held: frozenset[type]) -> bool:
        return _has_comments(held)

    def check(self, estate: Estate) -> Iterator[Finding]:
        """Nothing here: the filter stage reports this rule (`migcheck.suppress.Audit`), since only it
        knows every loaded rule, including plugins'."""
        return iter(())


class UnusedSuppression(Rule):
    code = "MIG006"
    name = "unused-suppression"
    severity = Severity.WARNING
    scope = Scope.FILES
    looks_at = frozenset({Document})
    summary = "A suppression comment silences nothing: no finding it names is in its scope."
    fix_hint = "Delete the comment, or the codes in it that silence nothing."
    source = (
        "DESIGN.md: MIG0xx also for suppressions that name unknown codes or silence nothing; "
        "like ruff's RUF100 (unused-noqa)."
    )
    docs = Docs(
        what="A suppression comment, or a code in one, that held back no finding in the run: the element "
        "it precedes (or, for `ignore-file`, the file) has no finding of the rules it names. This is "
        "usually a blocker that was fixed while its comment stayed, or a comment placed before the wrong "
        "element. An `ignore[...]` that no element or statement follows in its block is reported too: "
        "the last child of an element, the last thing before a script block's `}` (a shell `fi`, `done` or "
        "`else`), or a comment indented deeper than the Python code after it. A code of a rule that is not "
        "enabled in the run silences nothing either; the message says so, as it does for a comment in the "
        "local emulator's configuration (`ServiceConfiguration.Local.cscfg`), which gets no deployment "
        "findings unless `local-configurations = true`. A comment holds back its own "
        "MIG006 only when it names the rule itself (`ignore[MIG202, MIG006]`, or its name): `ignore[ALL]`, "
        "`ignore[MIG0]` or `ignore-file[ALL]` that held back nothing else is reported all the same.",
        why="A stale suppression is a standing permission: when the blocker it was written for comes back "
        "(a copied role, a reverted change), it is silenced again without anyone deciding so. Suppressions "
        "that do nothing also teach reviewers to skip over them.",
        fix="Delete the comment or the codes in it that silence nothing. To keep a comment that is meant "
        "to silence nothing in some runs (a finding that depends on other files), name this rule in it "
        "too: `<!-- migcheck: ignore[MIG201, MIG006] reason -->`.",
    )
    invalid = (
        Example(
            {
                "shop/ServiceConfiguration.Cloud.cscfg": """
                <ServiceConfiguration serviceName="shop">
                  <!-- migcheck: ignore[MIG201] the ACL goes before the migration -->
                  <Role name="Web"><Instances count="2"/></Role>
                </ServiceConfiguration>
                """
            },
            expect=("shop/ServiceConfiguration.Cloud.cscfg:2:3",),
            note="The role has no endpoint ACL, so the comment silences nothing.",
        ),
    )
    valid = (
        Example(
            {
                "shop/ServiceConfiguration.Cloud.cscfg": """
                <ServiceConfiguration serviceName="shop">
                  <!-- migcheck: ignore[MIG201, MIG006] kept while the ACL is removed in stages -->
                  <Role name="Web"><Instances count="2"/></Role>
                </ServiceConfiguration>
                """
            },
            note="A comment that names this rule may silence nothing.",
        ),
    )

    @classmethod
    def inspects(cls, held: frozenset[type]) -> bool:
        return _has_comments(held)

    def check(self, estate: Estate) -> Iterator[Finding]:
        """Nothing here: the filter stage reports this rule (`migcheck.suppress.Audit`) once it knows which
        findings each comment held back."""
        return iter(())


def _has_comments(held: frozenset[type]) -> bool:
    """Whether a file holding resources of the types `held` can hold suppression comments: any file that
    was read as a classic file. One that does not parse, or is of no kind, holds none."""
    return bool(held)
