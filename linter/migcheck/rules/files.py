"""Rules about the files themselves: can they be read, are they what their name says, and does every
name in them point at something."""

from __future__ import annotations

from collections.abc import Iterator

from migcheck.estate import CloudService, Estate
from migcheck.model import FileKind, Finding, NameRef, Severity
from migcheck.rule import Docs, Example, Rule, Scope

ALL_KINDS = frozenset(FileKind)


class XmlSyntaxError(Rule):
    code = "MIG001"
    name = "xml-syntax-error"
    severity = Severity.ERROR
    scope = Scope.FILES
    inspects = ALL_KINDS
    summary = "A file is not well-formed XML, cannot be read, or declares a DTD or entities."
    fix_hint = "Fix the XML at the position shown."
    source = "Every classic file must parse before anything in it can be checked."
    docs = Docs(
        what="A file that the XML parser rejects: a tag left open, a stray `&`, bytes that are not in the "
        "declared encoding, an empty file, or a file migcheck cannot open. Documents that declare a DTD or "
        "entities are refused too: migcheck never loads DTDs or expands entities.",
        why="Nothing in a file that does not parse can be checked, so any blocker it holds stays hidden; the "
        "platform would reject the same file when it is deployed.",
        fix="Open the file at the reported line and column and repair the XML. Remove `<!DOCTYPE ...>` "
        "declarations; Azure's schemas do not use them.",
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
            expect=("ServiceConfiguration.Cloud.cscfg:4:3",),
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
                yield self.finding(
                    _FileResource(doc.path, doc.problem.mark), doc.problem.message, fix=doc.problem.fix
                )


class UnexpectedRootElement(Rule):
    code = "MIG002"
    name = "unexpected-root-element"
    severity = Severity.WARNING
    scope = Scope.FILES
    inspects = ALL_KINDS
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
    inspects = frozenset({FileKind.SERVICE_CONFIGURATION, FileKind.REST, FileKind.VM_EXPORT})
    summary = (
        "A name points at nothing: a role, access control, virtual network or subnet that is not defined."
    )
    fix_hint = "Correct the name, or add the definition it refers to."
    source = (
        "Virtual network and subnet names must match the network configuration "
        "(cscfg NetworkConfiguration schema: VirtualNetworkSite, Subnet)."
    )
    docs = Docs(
        what="Names that refer to something defined elsewhere and find nothing: a cscfg `Role` or "
        "`InstanceAddress` for a role the .csdef does not define; an `EndpointAcl` naming an "
        "`AccessControl` that does not exist; a `VirtualNetworkSite` or `VirtualNetworkName` that no network "
        "configuration defines; a subnet that is not in its virtual network. Virtual network and subnet "
        "names are checked only when a network configuration is among the files checked.",
        why="A dangling name is usually a typo or a stale copy. Migration validation resolves the same names; "
        "and while a name dangles, migcheck cannot tell which virtual network or subnet a resource is in, so "
        "the rules that depend on it stay silent.",
        fix="Correct the name so that it matches the definition (names are compared without regard to case), "
        "or add the missing definition.",
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
            expect=("shop/ServiceConfiguration.Cloud.cscfg:3:3",),
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
            expect=("shop/ServiceConfiguration.Cloud.cscfg:7:18",),
        ),
    )
    valid = (
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
        for service in estate.cloud_services:
            yield from self._configuration_names(service)
            yield from self._network_names(service, estate)

    def _configuration_names(self, service: CloudService) -> Iterator[Finding]:
        defined = {r.name.casefold() for r in service.definition.roles} if service.definition else None
        for cfg in service.configurations:
            if defined is not None:
                for role in (*cfg.roles, *cfg.instance_addresses):
                    if role.name.casefold() not in defined:
                        yield self.finding(
                            role,
                            f"role '{role.name}' is not defined in the service definition of '{service.name}'",
                        )
            controls = {a.name.casefold() for a in cfg.access_controls}
            for acl in cfg.endpoint_acls:
                if acl.access_control and acl.access_control.casefold() not in controls:
                    yield self.finding(
                        acl,
                        f"EndpointAcl for {acl.name} names access control '{acl.access_control}', "
                        "which this file does not define",
                    )

    def _network_names(self, service: CloudService, estate: Estate) -> Iterator[Finding]:
        if not estate.knows_networks:
            return
        for ref in service.virtual_network_refs:
            vnet = estate.virtual_network(ref.name)
            if vnet is None:
                yield self.finding(
                    ref,
                    f"cloud service '{service.name}' is placed in virtual network '{ref.name}', "
                    "which no network configuration checked here defines",
                )
                continue
            subnets = {s.name.casefold() for s in vnet.subnets}
            for subnet in _subnet_refs(service, ref):
                if subnet.name.casefold() not in subnets:
                    yield self.finding(
                        subnet, f"subnet '{subnet.name}' is not a subnet of virtual network '{vnet.name}'"
                    )


def _subnet_refs(service: CloudService, vnet_ref: NameRef) -> Iterator[NameRef]:
    """The subnet names used by the file that placed the service in `vnet_ref`."""
    for cfg in service.deployed_configurations:
        if cfg.virtual_network is vnet_ref:
            yield from (s for address in cfg.instance_addresses for s in address.subnets)
    for deployment in service.deployments:
        if deployment.virtual_network is vnet_ref:
            yield from (s for role in deployment.roles for s in role.subnets)


class _FileResource:
    """A whole file, as the resource of a finding about it."""

    kind = "File"
    __slots__ = ("mark", "name")

    def __init__(self, path: str, mark) -> None:
        self.name = path
        self.mark = mark
