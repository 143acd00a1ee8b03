"""Read Service Management REST bodies (namespace `http://schemas.microsoft.com/windowsazure`, or `https://`
as the reference pages print it): deployments (alone or inside hosted services, and those a Create
Deployment, Upgrade Deployment or Change Deployment Configuration body makes or changes), roles, load-balanced
endpoint sets, virtual network sites, disks (a VM's data disk on its own too), images (and those a capture
request makes), reserved IPs, network security groups, route tables, Application Gateways and the states of a
gateway's connections, and the region of an affinity group (a Create Affinity Group body, a Get or List
Affinity Groups response). Bodies of any other type (RoleSizes, Profiles, ...) say nothing migcheck checks and
give no resources."""

from __future__ import annotations

import base64
import posixpath
from collections.abc import Callable, Iterable
from dataclasses import replace

from migcheck.clouds import cloud_of_url
from migcheck.inventory_model import ApplicationGateway, key
from migcheck.model import (
    SECURITY_RULE_VALUES,
    VM_OF_REQUEST_URI,
    AffinityGroupRegion,
    CloudInUse,
    ConnectionState,
    Deployment,
    DnsServer,
    ExtensionStatus,
    Image,
    InternalLoadBalancer,
    Mark,
    NameRef,
    NetworkSecurityGroup,
    ReservedIp,
    Role,
    RoleInstance,
    RoleSettings,
    RoleType,
    RouteTable,
    SecurityRule,
    ServiceCertificate,
    ServiceConfiguration,
    ServiceRegion,
    StorageAccountType,
    VirtualIp,
    VirtualNetwork,
    at_text,
    configured_role,
    lun_key,
)
from migcheck.readers.cscfg import read as read_service_configuration
from migcheck.readers.embedded_text import Placed
from migcheck.readers.netcfg import REST_NETWORK, read_virtual_network
from migcheck.readers.role import (
    REST,
    RoleShape,
    disk,
    endpoint,
    has_acl,
    mark_of,
    no_guest_agent,
    read_role,
)
from migcheck.readers.xml import (
    Element,
    Marker,
    Unreadable,
    child,
    child_elements,
    children,
    decode,
    local_name,
    parse,
    text_of,
)

Reader = Callable[[Element, Marker], Iterable[object]]

# A role put in the REST namespace may keep Export-AzureVM's names (an exported file sent as an Add Role body,
# or one written from it): `EndpointAccessControlList`, and list items named after their type (`<string>`
# subnet names, `<AssignNetworkInterface>`). Such a role is read with either format's names: every item of
# each list (`RoleShape`'s ""), which takes REST's items too, and either ACL. Told by the names only
# Export-AzureVM writes; any other role is read with REST's names only.
_EXPORT_AZUREVM_NAMES = ("{*}EndpointAccessControlList", "{*}string", "{*}AssignNetworkInterface")
_EITHER = RoleShape(acls=(*REST.acls, ("EndpointAccessControlList", "")), subnet_item="")


def _shape_of(role: Element) -> RoleShape:
    """The names `role` is read with: either format's where it writes one only Export-AzureVM writes."""
    written = next(role.iter(*_EXPORT_AZUREVM_NAMES), None) is not None
    return _EITHER if written else REST


def read(root: Element, marker: Marker) -> tuple[object, ...]:
    reader = READERS.get(local_name(root))
    return tuple(reader(root, marker)) if reader else tuple(_application_gateways(root, marker))


# An Application Gateway's body, whatever its root is called (a Create Application Gateway request, a
# Get response, a list of them): its network with its size, which only it has, as in its PowerShell objects
# (`readers.inventory_shapes`).
_GATEWAY_FIELDS = ("VnetName", "GatewaySize")


def reads(root: Element) -> bool:
    """Whether `root` is a body this reader reads: by its root's name, or an Application Gateway's."""
    return local_name(root) in READERS or any(_is_gateway(el) for el in (root, *child_elements(root)))


def _is_gateway(el: Element) -> bool:
    return all(child(el, name) is not None for name in _GATEWAY_FIELDS)


def _application_gateways(root: Element, marker: Marker) -> Iterable[ApplicationGateway]:
    for el in (root, *child_elements(root)):
        if _is_gateway(el):
            vnet = child(el, "VnetName")
            subnets = children(el, "Subnets/Subnet")
            yield ApplicationGateway(
                text_of(el, "Name") or "application gateway",
                text_of(el, "VnetName"),
                marker.mark(el),
                subnets=tuple(text_of(s) for s in subnets),
                state=text_of(el, "State"),
                vnet_mark=marker.mark(vnet) if vnet is not None else None,
                subnet_marks=tuple(marker.mark(s) for s in subnets),
            )


def _each(item: str, reader: Reader) -> Reader:
    """A reader for a list body: `reader` applied to each `item` child."""
    return lambda root, marker: (r for el in children(root, item) for r in reader(el, marker))


# --- deployments and roles -------------------------------------------------------------------------


def _hosted_service(el: Element, marker: Marker) -> Iterable[object]:
    """A Get Hosted Service Properties response (`HostedService`, with `embed-detail=true` its deployments
    too), or one of a List Hosted Services response: its deployments, and its region where its properties
    state it (`HostedServiceProperties/Location`)."""
    service = text_of(el, "ServiceName")
    yield from _service_region(service, child(el, "HostedServiceProperties"), marker)
    for written in children(el, "Deployments/Deployment"):
        yield from _deployment_and_certificates(written, marker, service)


def _create_hosted_service(el: Element, marker: Marker) -> Iterable[object]:
    """A Create Cloud Service body (`CreateHostedService`, POST `.../services/hostedservices`): the service
    it creates has no deployment yet; its region (`Location`) is what the body says that the plan uses. One
    placed in an affinity group instead (`AffinityGroup`) is in the group's region, which a record of the
    group may state (`ServiceRegion.affinity_group`)."""
    return _service_region(text_of(el, "ServiceName"), el, marker)


def _service_region(service: str, properties: Element | None, marker: Marker) -> Iterable[ServiceRegion]:
    """The region the `Location` of a service's `properties` states, or the affinity group its
    `AffinityGroup` places it in, marked at the element that says it; nothing for a service neither names."""
    for element, in_group in (("Location", False), ("AffinityGroup", True)):
        written = child(properties, element) if properties is not None else None
        value = text_of(written).strip()
        if service.strip() and value and written is not None:
            location, group = ("", value) if in_group else (value, "")
            yield ServiceRegion(service, location, marker.mark(written), affinity_group=group)
            return


def _affinity_group(el: Element, marker: Marker) -> Iterable[AffinityGroupRegion]:
    """An affinity group with its region: a Create Affinity Group body (`CreateAffinityGroup`, POST
    `.../affinitygroups`), a Get Affinity Group Properties response (`AffinityGroup`) or one of a List Affinity
    Groups response, marked at its `Location`. A network or cloud service placed in the group is in that
    region. One that names no group or no region says nothing."""
    location = child(el, "Location")
    name, region = text_of(el, "Name").strip(), text_of(location).strip()
    if name and region and location is not None:
        yield AffinityGroupRegion(name, region, marker.mark(location))


def _deployment_and_certificates(el: Element, marker: Marker, service: str = "") -> Iterable[object]:
    """A deployment, and a `ServiceCertificate` of its service for each certificate setting of its VMs'
    provisioning sets (`StoredCertificateSettings/CertificateSetting`: a certificate the cloud service
    holds, installed on the VM, as `Add-AzureProvisioningConfig -Certificates` passes it). A deployment
    whose service the body does not name states no certificate of a known service."""
    deployment = _deployment(el, marker, service)
    yield deployment
    yield from _answering_cloud(child(el, "Url"), marker)
    if deployment.service_unnamed:
        return
    for setting in children(el, _CERTIFICATE_SETTINGS):
        yield ServiceCertificate(deployment.service_name, marker.mark(setting), _STORED_CERTIFICATE)


_CERTIFICATE_SETTINGS = (
    "RoleList/Role/ConfigurationSets/ConfigurationSet/StoredCertificateSettings/CertificateSetting"
)
_STORED_CERTIFICATE = "StoredCertificateSettings/CertificateSetting"


def _deployment(el: Element, marker: Marker, service: str = "") -> Deployment:
    reserved_ips = _reserved_ips(el, marker)
    url = text_of(el, "Url")
    vips = _vip_names(el)
    service_name = service or _service_of_url(url)
    return Deployment(
        service_name=service_name,
        name=text_of(el, "Name"),
        slot=text_of(el, "DeploymentSlot"),
        roles=_deployed_roles(el, marker, vips),
        instances=_instances(el, marker),
        virtual_network=_ref(child(el, "VirtualNetworkName"), marker),
        reserved_ip=reserved_ips[0] if reserved_ips else None,
        mark=marker.mark(el),
        dns_servers=tuple(
            DnsServer(text_of(d, "Name"), text_of(d, "Address"), marker.mark(d))
            for d in children(el, "Dns/DnsServers/DnsServer")
        ),
        other_reserved_ips=tuple(reserved_ips[1:]),
        private_id=_private_id(text_of(el, "PrivateID")) or _private_id(_host_label(url)),
        service_unnamed=not service_name,
        internal_load_balancers=_internal_load_balancers(el, marker),
        other_vips=_other_vips(el, marker),
    )


def _other_vips(el: Element, marker: Marker) -> tuple[NameRef, ...]:
    """The deployment's virtual IPs besides the default one, where `VirtualIPs` tells them apart (see
    `_virtual_ips`): those an endpoint can name (`VirtualIPName`)."""
    vips = (vip for _, vip in _virtual_ips(el, marker) if vip is not None and not vip.default)
    return tuple(NameRef(vip.name, vip.mark) for vip in vips)


def _internal_load_balancers(el: Element, marker: Marker) -> tuple[InternalLoadBalancer, ...]:
    """The deployment's internal load balancers (`LoadBalancers/LoadBalancer`), each with the subnet of its
    private frontend (`FrontendIpConfiguration/SubnetName`)."""
    return tuple(
        InternalLoadBalancer(
            text_of(balancer, "Name"),
            marker.mark(balancer),
            _ref(child(balancer, "FrontendIpConfiguration/SubnetName"), marker),
        )
        for balancer in children(el, "LoadBalancers/LoadBalancer")
    )


def _deployed_roles(el: Element, marker: Marker, vips: dict[str, str]) -> tuple[Role, ...]:
    """A deployment body's roles (`RoleList`). A Get Deployment response of web and worker roles lists
    them with little more than their names: their endpoint ACLs and subnets are in the service
    configuration it carries (`Configuration`), read as a Create Deployment's is. A VM's configuration
    says nothing its role does not."""
    roles = tuple(read_role(r, marker, _shape_of(r), vips) for r in children(el, "RoleList/Role"))
    written = child(el, "Configuration")
    if written is None or all(r.is_vm for r in roles):
        return roles
    config = _configuration(written, marker)
    if config is None:
        return roles
    configured = _configurer(config)
    return tuple(r if r.is_vm else configured(r) for r in roles)


_PACKAGE_EVIDENCE = "deployed from a service package (PackageUrl), and packages hold web and worker roles"
_UPGRADE_EVIDENCE = "upgraded from a service package (PackageUrl), and packages hold web and worker roles"
_CONFIGURATION_EVIDENCE = (
    "its service configuration is changed by a Change Deployment Configuration body, as a package's "
    "deployment is configured (a VM deployment's configuration is the platform's: its VMs are changed with "
    "the role operations)"
)


def _create_deployment(el: Element, marker: Marker) -> Deployment:
    """A Create Deployment body (POST `.../services/hostedservices/<service>/deploymentslots/<slot>`): a
    cloud service deployed from a package (`PackageUrl`), whose roles are web and worker roles. The service
    is named only in the request's address, never in the body, so its name is unknown. The body carries
    the service configuration (`Configuration`, a base64 .cscfg): the roles' names, and where the
    deployment goes (its virtual network, subnets, reserved IPs, DNS servers and endpoint ACLs), each
    shown at `<Configuration>`, since the file does not show the decoded text. When it cannot be read, the
    package's roles are one role, named after the package, and where it goes is unknown. The configuration
    names its package's service (`serviceName`), which ties the body to the .csdef or .cscfg of that
    name saved beside it (`Deployment.package_service`)."""
    return _package_deployment(el, marker, _PACKAGE_EVIDENCE)


def _upgrade_deployment(el: Element, marker: Marker) -> Deployment:
    """An Upgrade Deployment body (POST `.../hostedservices/<service>/deploymentslots/<slot>/?comp=upgrade`,
    or `.../deployments/<deployment>/?comp=upgrade`): the deployment is upgraded to the package it names
    (`PackageUrl`) and the service configuration it carries, read as a Create Deployment body's. The
    service, and the deployment's slot or name, are only in the request's address. `RoleToUpgrade` names
    the one role upgraded, not every role the deployment has: the configuration names them all, and only
    when it cannot be read is that role the one the body shows."""
    return _package_deployment(el, marker, _UPGRADE_EVIDENCE)


def _change_configuration(el: Element, marker: Marker) -> Deployment:
    """A Change Deployment Configuration body (`ChangeConfiguration`, POST `.../deploymentslots/<slot>/`
    or `.../deployments/<deployment>/` with `comp=config`): the service configuration it carries is the
    deployment's from then on, read as a Create Deployment body's. It names no package: the roles are
    shown at `<Configuration>`. The service, and the deployment's slot or name, are only in the request's
    address."""
    return _package_deployment(el, marker, _CONFIGURATION_EVIDENCE)


# A swap puts a deployment of the staging slot into production, and only a package's deployment is ever in the
# staging slot (a VM deployment is the production one), as Move-AzureDeployment's, `azure service swap`'s and
# swap_deployment's are read.
SWAP_EVIDENCE = (
    "its staging and production deployments are swapped by a Swap Deployment request, and only a package's "
    "deployment (web and worker roles) is ever in the staging slot"
)


def _swap(el: Element, marker: Marker) -> Deployment:
    """A Swap Deployment body (`Swap`, POST `.../services/hostedservices/<service>`): the deployment it puts
    into production (`SourceDeployment`) is the staging one, a package's, so the service has web or worker
    roles, which no body names. The service is named only in the request's address."""
    return swapped("", text_of(el, "SourceDeployment").strip(), marker.mark(el))


def swapped(service: str, deployment: str, at: Mark) -> Deployment:
    """The deployment a swap puts into production in `service` ("" where the request's address names it):
    a package's, of web or worker roles the swap does not name, one stand-in shown at `at`."""
    shown = f"<role name, {posixpath.basename(at.path)}:{at.line}>"
    role = Role(shown, RoleType.WEB_OR_WORKER, at, kind_evidence=SWAP_EVIDENCE)
    return Deployment(
        service_name=service,
        name=deployment,
        slot="",
        roles=(role,),
        instances=(),
        virtual_network=None,
        reserved_ip=None,
        mark=at,
        network_known=False,
        reserved_ip_known=False,
        service_unnamed=not service,
    )


def _package_deployment(el: Element, marker: Marker, evidence: str) -> Deployment:
    """A body that deploys a package, or configures a package's deployment, with the service configuration
    it carries (`Configuration`): the deployment of a service whose name is unknown, as
    `_create_deployment` tells."""
    shown = next((found for name in _ROLES_SHOWN_AT if (found := child(el, name)) is not None), el)
    written = child(el, "Configuration")
    config = _configuration(written, marker) if written is not None else None
    deployment = package_deployment(
        config, marker.mark(shown), marker.mark(el), _unread_roles(el), evidence, name=text_of(el, "Name")
    )
    return replace(deployment, slot=text_of(el, "DeploymentSlot"), service_unnamed=True)


def package_deployment(
    config: ServiceConfiguration | None,
    at: Mark,
    mark: Mark,
    unread: str,
    evidence: str,
    *,
    service: str = "",
    name: str = "",
    slot: str = "",
) -> Deployment:
    """The deployment of a package with the service configuration it is given (None when that cannot be
    read): the roles the configuration names, web and worker roles for `evidence`, marked at `at` (where
    the package or configuration is written), with where the configuration places the deployment (its
    virtual network, reserved IPs, DNS servers, internal load balancers); one role named `unread` where the
    configuration names none, and then where it goes is not known. A REST body's, or a deployment slot a
    template declares."""
    roles = _configured_roles(config, at, evidence) if config is not None else ()
    if not roles:
        roles = (Role(unread, RoleType.WEB_OR_WORKER, at, kind_evidence=evidence),)
    reserved_ips = config.reserved_ips if config is not None else ()
    return Deployment(
        service_name=service,
        name=name,
        slot=slot,
        roles=roles,
        instances=(),
        virtual_network=config.virtual_network if config is not None else None,
        reserved_ip=reserved_ips[0] if reserved_ips else None,
        mark=mark,
        dns_servers=config.dns_servers if config is not None else (),
        network_known=config is not None,
        reserved_ip_known=config is not None,
        other_reserved_ips=reserved_ips[1:],
        package_service=config.name.strip() if config is not None else "",
        internal_load_balancers=config.internal_load_balancers if config is not None else (),
    )


# Where a package deployment's roles are shown: the package holds them, and a body without one (Change
# Deployment Configuration) names them only in its configuration.
_ROLES_SHOWN_AT = ("PackageUrl", "Configuration")


def _unread_roles(el: Element) -> str:
    """The role a package deployment body shows when its configuration cannot be read: the one it upgrades
    (`RoleToUpgrade`), else a stand-in for the package's roles, named after the package."""
    upgraded = text_of(el, "RoleToUpgrade").strip()
    if upgraded:
        return upgraded
    blob = text_of(el, "PackageUrl").rstrip("/").rpartition("/")[2]
    return f"<roles of package {blob}>" if blob else "<roles of the package>"


class _AtElement(Marker):
    """Marks every element of a document carried inside another (base64) at the element that carries it:
    the decoded text is not in the file, so its own lines would point at nothing there."""

    def __init__(self, mark: Mark) -> None:
        super().__init__(mark.path)
        self._at = mark

    def mark(self, el: Element) -> Mark:
        return self._at


def _configuration(written: Element, marker: Marker) -> ServiceConfiguration | None:
    """The service configuration a `Configuration` element carries in base64 (line breaks allowed, as
    base64 tools write them), marked at the element; None when it is not one."""
    try:
        data = base64.b64decode("".join(text_of(written).split()), validate=True)
    except ValueError:
        return None
    return configuration_of(data, marker.mark(written))


def configuration_of(
    data: bytes, at: Mark, placed: Callable[[str], Placed | None] | None = None
) -> ServiceConfiguration | None:
    """The service configuration a .cscfg's bytes are, carried inside another file (a REST body's base64
    `Configuration`, a template's `configuration` string), every part of it marked at `at`, where that file
    writes it, or, where `placed` tells where the file writes each character of the decoded text (a string
    literal, not base64), at the element's own `<` there; None when they are not one."""
    try:
        text = decode(data)
        root = parse(data, text)
    except (ValueError, Unreadable):
        return None
    if local_name(root) != "ServiceConfiguration":
        return None
    place = placed(text) if placed is not None else None
    if place is None:
        # First the configuration, then any evidence of extended support it gives (its network's id).
        [config, *_] = read_service_configuration(root, _AtElement(at))
    else:
        from migcheck.readers.request_bodies import remarked

        read = remarked(tuple(read_service_configuration(root, Marker(at.path, text))), place.mark)
        [config, *_] = read if isinstance(read, tuple) else ()
    return config if isinstance(config, ServiceConfiguration) else None


def _configured_roles(config: ServiceConfiguration, at: Mark, evidence: str) -> tuple[Role, ...]:
    """The package's roles as the configuration names them (`Role@name`), each once, marked at `at` (the
    package holds them), with what the configuration says of each (`_configurer`)."""
    configured = _configurer(config)
    roles: dict[str, Role] = {}
    for settings in config.roles:
        if key(settings.name) and key(settings.name) not in roles:
            role = Role(settings.name, RoleType.WEB_OR_WORKER, at, kind_evidence=evidence)
            roles[key(settings.name)] = configured(role)
    return tuple(roles.values())


def _configurer(config: ServiceConfiguration) -> Callable[[Role], Role]:
    """What gives a web or worker role what its deployment's configuration says of it (`configured_role`):
    its instance count (the first settings of its name), the subnets it places the role's instances in,
    and the ACLs it binds to the role's endpoints."""
    acls, addresses = config.acls_by_role(), config.addresses_by_role()
    settings: dict[str, RoleSettings] = {}
    for each in config.roles:
        settings.setdefault(key(each.name), each)

    def configured(role: Role) -> Role:
        name = key(role.name)
        return configured_role(role, settings.get(name), acls.get(name, ()), addresses.get(name, ()))

    return configured


def _answering_cloud(url: Element | None, marker: Marker) -> Iterable[CloudInUse]:
    """The cloud a deployment answers in, where its `Url` says which (`http://shop.chinacloudapp.cn/` is
    Azure China's), as a disk's blob address says it."""
    cloud = cloud_of_url(text_of(url)) if url is not None else ""
    if cloud and url is not None:
        yield CloudInUse(cloud, marker.mark(url))


def _service_of_url(url: str) -> str:
    """The cloud service a deployment body on its own belongs to, from its `Url`: a production deployment
    answers at `http://<service>.cloudapp.net/` (a GET of one deployment does not name its service any
    other way). A staging deployment answers at its private ID instead, 32 hexadecimal digits, which names
    no service; "" for that and for any other address."""
    label = _host_label(url)
    return "" if _private_id(label) else label


# Where a cloud service answers, in the global cloud and the national ones (Azure operated by 21Vianet in
# China, Azure Government, Azure Germany): a deployment body saved there names its service the same way.
_CLOUD_SERVICE_DOMAINS = frozenset(
    {"cloudapp.net", "chinacloudapp.cn", "usgovcloudapp.net", "cloudapp.microsoftazure.de"}
)


def _host_label(url: str) -> str:
    """The first label of a `Url`'s host on a cloud service domain (a service name, or a staging
    deployment's private ID); "" for any other address."""
    host = url.partition("://")[2].partition("/")[0].partition(":")[0].lower()
    label, _, domain = host.partition(".")
    return label if domain in _CLOUD_SERVICE_DOMAINS else ""


def _private_id(text: str) -> str:
    """A deployment's private ID, 32 hexadecimal digits, in lower case; "" for anything else."""
    value = text.strip().lower()
    return value if len(value) == 32 and all(c in "0123456789abcdef" for c in value) else ""


def _reserved_ips(el: Element, marker: Marker) -> list[NameRef]:
    """The deployment's reserved IPs: the one a request names on the deployment (`ReservedIPName`, on its
    default VIP), then those GET responses name on its virtual IPs, each once. When the deployment has
    several VIPs, each reserved IP says which it is on."""
    vips = _virtual_ips(el, marker)
    found: dict[str, NameRef] = {}
    for vip_el, vip in vips:
        ref = _ref(child(vip_el, "ReservedIPName"), marker)
        if ref:
            found.setdefault(ref.name.strip().casefold(), replace(ref, virtual_ip=vip))
    own = _ref(child(el, "ReservedIPName"), marker)
    default = next((vip for _, vip in vips if vip and vip.default), None)
    if own is not None and default is None:  # VIPs not told apart: the deployment's own name first
        return [own, *(ref for name, ref in found.items() if name != own.name.strip().casefold())]
    if own is None or own.name.strip().casefold() in found:
        return list(found.values())
    return [replace(own, virtual_ip=default), *found.values()]


def _virtual_ips(el: Element, marker: Marker) -> list[tuple[Element, VirtualIp | None]]:
    """The deployment's `VirtualIPs/VirtualIP` elements, each with what tells it apart from the others:
    None for all when there are fewer than two, or when one has no name (an endpoint could not name it)."""
    elements = children(el, "VirtualIPs/VirtualIP")
    names = [text_of(vip, "Name") for vip in elements]
    if not _told_apart(names):
        return [(vip, None) for vip in elements]
    programmed = [text_of(vip, "IsDnsProgrammed").strip().lower() in ("true", "1") for vip in elements]
    default = programmed.index(True) if any(programmed) else 0
    return [
        (vip, VirtualIp(name, marker.mark(vip), i == default))
        for i, (vip, name) in enumerate(zip(elements, names, strict=True))
    ]


def _told_apart(names: list[str]) -> bool:
    """Whether virtual IPs of these names are told apart: several, each named (an endpoint names its VIP)."""
    return len(names) >= 2 and all(name.strip() for name in names)


def _vip_names(el: Element) -> dict[str, str]:
    """The names of the deployment's virtual IPs by their address, for the endpoints that give the address
    of theirs (`Vip`, as Get Deployment responses do) instead of its name; none when the VIPs are not told
    apart (`_virtual_ips`), since an endpoint's VIP matters only then. An address two VIPs give names
    neither ("")."""
    elements = children(el, "VirtualIPs/VirtualIP")
    if not _told_apart([text_of(vip, "Name") for vip in elements]):
        return {}
    names: dict[str, str] = {}
    for vip in elements:
        address = text_of(vip, "Address").strip()
        if address:
            names[address] = "" if address in names else text_of(vip, "Name")
    return names


def _ref(el: Element | None, marker: Marker) -> NameRef | None:
    """A reference written as element text; None when absent or empty."""
    name = text_of(el)
    return NameRef(name, marker.mark(el)) if el is not None and name else None


def _instances(deployment: Element, marker: Marker) -> tuple[RoleInstance, ...]:
    """The deployment's role instances (a GET response's `RoleInstanceList`), each with where its role says
    the VM was given no guest agent: roles and instances are joined by role name."""
    no_agent: dict[str, Element] = {}
    for role in children(deployment, "RoleList/Role"):
        flag = no_guest_agent(role)
        if flag is not None:
            no_agent.setdefault(text_of(role, "RoleName").strip().casefold(), flag)
    return tuple(
        _instance(el, marker, no_agent.get(text_of(el, "RoleName").strip().casefold()))
        for el in children(deployment, "RoleInstanceList/RoleInstance")
    )


def _instance(el: Element, marker: Marker, no_agent: Element | None) -> RoleInstance:
    agent = child(el, "GuestAgentStatus")
    status_list = child(el, "ResourceExtensionStatusList")
    return RoleInstance(
        role=text_of(el, "RoleName"),
        name=text_of(el, "InstanceName"),
        # The power state (Started, Stopped, ...) where a body trimmed by hand leaves the instance status out.
        status=text_of(el, "InstanceStatus") or text_of(el, "PowerState"),
        guest_agent_status=text_of(agent, "Status"),
        mark=marker.mark(el),
        extension_statuses=tuple(
            ExtensionStatus(text_of(status, "HandlerName"), text_of(status, "Status"), marker.mark(status))
            for status in (
                children(status_list, "ResourceExtensionStatus") if status_list is not None else ()
            )
        ),
        status_list_mark=mark_of(status_list, marker),
        no_agent_mark=mark_of(no_agent, marker),
        guest_agent_mark=mark_of(agent, marker),
    )


# --- load-balanced endpoint sets ------------------------------------------------------------------

# What an Update Load-Balanced Endpoint Set body leaves unsaid of the VMs whose endpoints it changes: they
# exist already, and keep their other endpoints, subnets, availability set and extensions.
_UNSAID_OF_SET_VMS = frozenset({"availability_set", "endpoints", "subnets", "extensions"})


def _load_balanced_sets(root: Element, marker: Marker) -> Iterable[Role]:
    """An Update Load-Balanced Endpoint Set body (`LoadBalancedEndpointList`, POSTed to a deployment with
    `comp=UpdateLbSet`, as `Set-AzureLoadBalancedEndpoint` does): each `InputEndpoint` changes the endpoints
    of its set on every VM of the deployment that has one, VMs the body does not name. The VMs of each set
    stand as one VM named after the set, whose endpoints are the set's, as the PowerShell reader reads
    `Set-AzureLoadBalancedEndpoint`; the body names no deployment. A set whose endpoints write no ACL
    (as `Set-AzureLoadBalancedEndpoint` without `-ACL`) changes nothing migcheck checks, and how many VMs
    share it is unknown: it is left out, as the PowerShell reader leaves the cmdlet out."""
    sets: dict[str, list[Element]] = {}
    for el in children(root, "InputEndpoint"):
        if has_acl(el, _EITHER):
            sets.setdefault(text_of(el, "LoadBalancedEndpointSetName").casefold(), []).append(el)
    return (_load_balanced_set(endpoints, marker) for endpoints in sets.values())


def _load_balanced_set(endpoints: list[Element], marker: Marker) -> Role:
    name = text_of(endpoints[0], "LoadBalancedEndpointSetName")
    which = f"load-balanced set {name}" if name else "a load-balanced set"
    vms = f"<VMs of {which}>"
    return Role(
        name=vms,
        type=RoleType.PERSISTENT_VM,  # only VMs have load-balanced endpoint sets
        mark=marker.mark(endpoints[0]),
        endpoints=tuple(endpoint(e, vms, marker, _EITHER, f"<endpoints of {which}>") for e in endpoints),
        unknown=_UNSAID_OF_SET_VMS,
    )


# --- virtual networks ------------------------------------------------------------------------------


def _virtual_network(el: Element, marker: Marker) -> VirtualNetwork:
    return read_virtual_network(el, marker, REST_NETWORK)


# --- storage, addresses and the rest ---------------------------------------------------------------------


def _disk(el: Element, marker: Marker) -> Iterable[object]:
    """A `Disks` list's `Disk`, or a Get Disk response: the VM it is attached to with that VM's cloud
    service and deployment (`AttachedTo`, a `RoleReference`)."""
    found = disk(el, marker, name=text_of(el, "Name"), attached_to=text_of(el, "AttachedTo/RoleName"))
    service = text_of(el, "AttachedTo/HostedServiceName")
    deployment = text_of(el, "AttachedTo/DeploymentName")
    if service or deployment:
        found = replace(found, attached_service=service, attached_deployment=deployment)
    return (found,)


def _disk_body(el: Element, marker: Marker) -> Iterable[object]:
    """A `Disk` body: an Add Disk request, which registers a disk from the blob its `MediaLink` names (it
    must name one) and attaches it to nothing; a Get Disk response, which states the blob and the VM the
    disk is attached to; or an Update Disk request (`PUT .../services/disks/<disk-name>`), which names a
    disk that exists already to change its label or size (`ResizedSizeInGB`, which only it carries). An
    update says nothing of the disk's blob or of whether a VM has it, so it describes no disk: read as one,
    it was a disk attached to none wherever the disk is."""
    if child(el, "ResizedSizeInGB") is not None:
        return ()
    if not text_of(el, "MediaLink") and child(el, "AttachedTo") is None:
        return ()
    return _disk(el, marker)


def _data_disk(el: Element, marker: Marker) -> Iterable[object]:
    """A data disk body of a VM the request's URI names (`.../roles/<role-name>/DataDisks`), root
    `DataVirtualHardDisk`: an Add Data Disk request, which attaches a disk to it (a new one, one of the
    repository it names, or one registered from the blob its `SourceMediaLink` names); an Update Data Disk
    request (`PUT .../DataDisks/<lun>`), which changes the disk attached at a LUN and names its blob; or a
    Get Data Disk response. Each says the VM has that disk, which is one disk however many of them name
    it (the disks are joined by blob, then by name). It is attached to that VM, shown as a stand-in, so the
    disk rules see its blob and never call it a disk attached to none."""
    return (disk(el, marker, name=text_of(el, "DiskName"), attached_to=VM_OF_REQUEST_URI),)


def _image(el: Element, marker: Marker) -> Iterable[object]:
    """An OS image (`OSImage`: its VHD is `MediaLink`) or a VM image (`VMImage`: its OS disk's
    `OSDiskConfiguration/MediaLink`, and its data disks' `DataDiskConfigurations/DataDiskConfiguration`,
    read as a VM's data disks are, at the LUN each states)."""
    media_link = text_of(el, "MediaLink") or text_of(el, "OSDiskConfiguration/MediaLink")
    data_disks = tuple(
        replace(disk(d, marker, name=text_of(d, "Name"), attached_to=""), lun=lun_key(text_of(d, "Lun")))
        for d in children(el, "DataDiskConfigurations/DataDiskConfiguration")
    )
    return (Image(text_of(el, "Name"), media_link, marker.mark(el), text_of(el, "Category"), data_disks),)


def _captured_image(name_element: str) -> Reader:
    """A capture request (POST `.../roleinstances/<role-name>/Operations`), which copies the VHDs of the VM its
    URI names into an image of the subscription's own, named by `name_element`: Capture VM Image
    (`CaptureRoleAsVMImageOperation`, `VMImageName`: a VM image) or the older Capture Role
    (`CaptureRoleOperation`, `TargetImageName`: an OS image). The platform names the copies' blobs, so the
    body states none, as `capture_vm_image`, `capture_role` and `Save-AzureVMImage` state none."""

    def read(el: Element, marker: Marker) -> Iterable[object]:
        named = child(el, name_element)  # the image's name: where a finding about the image points
        name = text_of(named)
        return (Image(name, "", marker.mark(named)),) if named is not None and name else ()

    return read


def deletes_the_vm_it_captures(body: str) -> bool:
    """Whether a request body is a Capture Role operation (`CaptureRoleOperation`) whose PostCaptureAction is
    `Delete`, which "causes the virtual machine to be deleted after the image has been captured" (`Reprovision`
    keeps it): the VM its request's URI names (`.../roleinstances/<vm>/Operations`, see
    `request_bodies.captured_vm`) is gone once it is sent, whichever script sends it."""
    if "CaptureRoleOperation" not in body:
        return False
    try:
        root = parse(body.encode("utf-8"), body)
    except (Unreadable, ValueError):
        return False
    if local_name(root) != "CaptureRoleOperation" or child(root, "PostCaptureAction") is None:
        return False
    return text_of(root, "PostCaptureAction").casefold() == "delete"


def _reserved_ip(el: Element, marker: Marker) -> Iterable[object]:
    ip = ReservedIp(
        text_of(el, "Name"),
        text_of(el, "Address"),
        text_of(el, "ServiceName"),
        at_text(marker.mark(el), "Name"),  # a finding about it points at its name
        deployment_name=text_of(el, "DeploymentName"),
    )
    return (ip,)


def _storage_account(el: Element, marker: Marker) -> Iterable[object]:
    """A storage account's type, from a Get Storage Account Properties response (`StorageService`, its
    `StorageServiceProperties/AccountType`) or a Create Storage Account body (`CreateStorageServiceInput`,
    its `AccountType`): a Premium account makes every disk whose blob is in it a Premium disk. An account
    whose body states no type is still the subscription's (a list answered in an API version before
    2014-06-01 has `GeoReplicationEnabled` instead; a Create body may leave the type to its default), and
    its type "" says nothing of its disks."""
    account_type = text_of(el, "StorageServiceProperties/AccountType") or text_of(el, "AccountType")
    name = text_of(el, "ServiceName")
    return (StorageAccountType(name, account_type, marker.mark(el)),) if name else ()


def _connection_state(el: Element, marker: Marker) -> Iterable[object]:
    """A connection of a List Connections response; one with no state written says nothing."""
    state = text_of(el, "ConnectivityState")
    if state:
        yield ConnectionState(text_of(el, "LocalNetworkSiteName"), state, marker.mark(el))


def _reserved_ip_association(el: Element, marker: Marker) -> Iterable[object]:
    """An Associate or Disassociate Reserved IP body (`ReservedIPAssociation`, POST
    `.../services/networking/reservedips/<name>/operations/associate` or `/disassociate`): it names the
    deployment (`ServiceName`, `DeploymentName`, `VirtualIPName`), and the reserved IP only in the request's
    address. It gives nothing: a reserved IP is known by its name, which every file that describes one
    states. The estate joins reserved IPs, checks them against the subscription's list and migrates them
    by name, so a nameless one would be every other nameless one, and a stand-in for it would be reported
    as missing from that list; and a reserved IP taken off a deployment (`ReservedIp.released_from`) is
    taken off by name. (The Python reader likewise describes no deployment for an association whose
    reserved IP it cannot name.)"""
    return ()


def _security_group(el: Element, marker: Marker) -> Iterable[object]:
    """A network security group (`NetworkSecurityGroup`, a Get Network Security Group response or one of a
    list), with the rules a response with its rules states (`Rules/Rule`, `-Detailed`): each as a
    `SecurityRule` of the group, at its `Rule` element. A rule without a name is not one."""
    name = text_of(el, "Name")
    yield NetworkSecurityGroup(name, marker.mark(el))
    for rule in children(el, "Rules/Rule") if name else ():
        if text_of(rule, "Name"):
            yield SecurityRule(
                name,
                text_of(rule, "Name"),
                marker.mark(rule),
                **{
                    field_name: text_of(rule, element) for field_name, element in SECURITY_RULE_VALUES.items()
                },
            )


def _named(cls: type) -> Reader:
    return lambda el, marker: (cls(text_of(el, "Name"), marker.mark(el)),)


def _one(reader: Callable[[Element, Marker], object]) -> Reader:
    return lambda el, marker: (reader(el, marker),)


_role = _one(lambda el, marker: read_role(el, marker, _shape_of(el)))
_images = _each("OSImage", _image)
_vm_images = _each("VMImage", _image)

READERS: dict[str, Reader] = {
    "Deployment": _deployment_and_certificates,
    "CreateDeployment": _one(_create_deployment),
    "UpgradeDeployment": _one(_upgrade_deployment),
    "ChangeConfiguration": _one(_change_configuration),
    "Swap": _one(_swap),
    "HostedService": _hosted_service,
    "CreateHostedService": _create_hosted_service,
    "HostedServices": _each("HostedService", _hosted_service),
    "PersistentVMRole": _role,
    "PersistentVM": _role,
    "Role": _role,
    "LoadBalancedEndpointList": _load_balanced_sets,
    "VirtualNetworkSite": _one(_virtual_network),
    "VirtualNetworkSites": _each("VirtualNetworkSite", _one(_virtual_network)),
    "Disk": _disk_body,
    "Disks": _each("Disk", _disk),
    "DataVirtualHardDisk": _data_disk,
    "OSImage": _image,
    "VMImage": _image,
    "Images": lambda root, marker: (*_images(root, marker), *_vm_images(root, marker)),
    "VMImages": _vm_images,
    "CaptureRoleAsVMImageOperation": _captured_image("VMImageName"),
    "CaptureRoleOperation": _captured_image("TargetImageName"),
    "ReservedIP": _reserved_ip,
    "ReservedIPs": _each("ReservedIP", _reserved_ip),
    "ReservedIPAssociation": _reserved_ip_association,
    "NetworkSecurityGroup": _security_group,
    "NetworkSecurityGroups": _each("NetworkSecurityGroup", _security_group),
    "RouteTable": _named(RouteTable),
    "RouteTables": _each("RouteTable", _named(RouteTable)),
    "StorageService": _storage_account,
    "StorageServices": _each("StorageService", _storage_account),
    "CreateStorageServiceInput": _storage_account,
    "Connections": _each("Connection", _connection_state),
    "CreateAffinityGroup": _affinity_group,
    "AffinityGroup": _affinity_group,
    "AffinityGroups": _each("AffinityGroup", _affinity_group),
}
