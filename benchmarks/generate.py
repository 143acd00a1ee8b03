"""Generate a large, realistic classic Azure estate for benchmarking migcheck.

Usage::

    python benchmarks/generate.py OUT_DIR [--services N] [--vms M] [--vnets K] [--seed S]

The defaults give about 4,000 files: 1,300 cloud services (a ``.csdef``, a Cloud and a Local ``.cscfg``
each), 96 ``Export-AzureVM`` files in folders of four, and one network configuration with 40 virtual
networks. Each file is a few KB, with settings, endpoints and certificates as real projects have them,
and a realistic share of migration blockers: endpoint ACLs, roles bound to two subnets, VMs in no virtual
network, mixed availability sets, XML extensions, an affinity-group VNet, a non-strict prefix, an
ExpressRoute gateway.

The output is deterministic for a given seed and set of counts. Nothing is written outside OUT_DIR, which
must be empty or not exist. Only the standard library is used.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path
from string import Template
from xml.sax.saxutils import quoteattr

CSDEF_NS = "http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition"
CSCFG_NS = "http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration"
NETCFG_NS = "http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration"
DIAG_SETTING = "Microsoft.WindowsAzure.Plugins.Diagnostics.ConnectionString"
RA_PREFIX = "Microsoft.WindowsAzure.Plugins.RemoteAccess."
RA_SETTINGS = ("Enabled", "AccountUsername", "AccountEncryptedPassword", "AccountExpiration")
RA_CERT = "Microsoft.WindowsAzure.Plugins.RemoteAccess.PasswordEncryption"
VM_FOLDER_SIZE = 4

REGIONS = ("West Europe", "North Europe", "East US", "East US 2", "West US", "Southeast Asia", "UK South")
TEAMS = (
    "billing", "catalog", "checkout", "crm", "identity", "inventory", "logistics", "marketing",
    "payments", "pricing", "reporting", "search", "support", "warehouse", "loyalty", "hr",
)  # fmt: skip
APPS = ("api", "portal", "web", "jobs", "sync", "gateway", "admin", "feeds", "notify", "import", "batch")
ENVS = ("prod", "prod", "acc", "test", "dev")
WEB_ROLES = ("WebFrontEnd", "PublicApi", "AdminPortal", "PartnerApi", "StatusPage")
WORKER_ROLES = ("QueueProcessor", "Scheduler", "ReportRenderer", "IndexBuilder", "MailSender", "Importer")
SETTING_KEYS = (
    "StorageConnectionString", "ServiceBusConnection", "SqlConnection", "RedisConnection", "ApiBaseUrl",
    "AuthorityUrl", "ClientId", "ClientSecret", "BatchSize", "PollIntervalSeconds", "MaxDequeueCount",
    "FeatureFlags", "LogLevel", "CdnBaseUrl", "SmtpHost", "InstrumentationKey",
)  # fmt: skip
VM_WORKLOADS = ("sql", "dc", "file", "app", "web", "build", "ftp", "rds", "sap", "mq")
SUBNETS = ("Web", "App", "Data", "Mgmt")


@dataclass
class Network:
    """The virtual networks generated into the netcfg, and the subnets each one has."""

    vnets: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)


@dataclass
class Role:
    """One web or worker role of a generated cloud service."""

    name: str
    kind: str
    settings: list[str]
    instances: int


def hexstring(rng: random.Random, length: int) -> str:
    """Upper-case hex digits, as thumbprints and private ids are written."""
    return "".join(rng.choice("0123456789ABCDEF") for _ in range(length))


def write(path: Path, text: str) -> None:
    """Write one UTF-8 file with LF line ends, creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


# --------------------------------------------------------------------------------------------------------
# Network configuration
# --------------------------------------------------------------------------------------------------------

NETCFG = Template("""\
<?xml version="1.0" encoding="utf-8"?>
<!-- Network configuration exported with Get-AzureVNetConfig. Changes go through a pull request. -->
<NetworkConfiguration xmlns:xsd="http://www.w3.org/2001/XMLSchema"
                      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                      xmlns="$ns">
  <VirtualNetworkConfiguration>
    <Dns>
      <DnsServers>
$dns      </DnsServers>
    </Dns>
    <LocalNetworkSites>
$sites    </LocalNetworkSites>
    <VirtualNetworkSites>
$vnets    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
""")

LOCAL_SITE = Template("""\
      <LocalNetworkSite name="$name">
        <AddressSpace>
          <AddressPrefix>172.$octet.0.0/16</AddressPrefix>
        </AddressSpace>
        <VPNGatewayAddress>198.51.100.$octet</VPNGatewayAddress>
      </LocalNetworkSite>
""")

VNET = Template("""\
      <VirtualNetworkSite name="$name" $placement>
        <AddressSpace>
          <AddressPrefix>10.$octet.0.0/16</AddressPrefix>
        </AddressSpace>
        <Subnets>
$subnets        </Subnets>
        <DnsServersRef>
          <DnsServerRef name="dns-01" />
          <DnsServerRef name="dns-02" />
        </DnsServersRef>
$gateway      </VirtualNetworkSite>
""")


def vnet_gateway(index: int, rng: random.Random, sites: int) -> str:
    """The Gateway element of one VNet: none, site-to-site, ExpressRoute, or both (one VNet each)."""
    connections: list[tuple[str, str]] = []
    if index == 1:
        connections = [("onprem-01", "Dedicated")]
    elif index == 2:
        connections = [("onprem-02", "Dedicated"), ("onprem-01", "IPsec")]
    elif rng.random() < 0.3:
        connections = [(f"onprem-{rng.randint(1, sites):02d}", "IPsec")]
    if not connections:
        return ""
    refs = "".join(
        f'            <LocalNetworkSiteRef name="{site}">\n'
        f'              <Connection type="{kind}" />\n'
        "            </LocalNetworkSiteRef>\n"
        for site, kind in connections
    )
    return (
        "        <Gateway>\n          <ConnectionsToLocalNetwork>\n"
        f"{refs}          </ConnectionsToLocalNetwork>\n        </Gateway>\n"
    )


def vnet_subnets(index: int, octet: int, gateway: bool, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    """The Subnets of one VNet, as XML and as names; VNet 3 has a prefix that is not strict CIDR."""
    names = SUBNETS[: rng.randint(2, len(SUBNETS))] + (("GatewaySubnet",) if gateway else ())
    lines = []
    for position, name in enumerate(names, start=1):
        third = 255 if name == "GatewaySubnet" else position
        prefix = f"10.{octet}.{third}.0/{27 if name == 'GatewaySubnet' else 24}"
        if index == 3 and position == 1:
            prefix = f"10.{octet}.{third}.00/24"
        lines.append(
            f'          <Subnet name="{name}">\n'
            f"            <AddressPrefix>{prefix}</AddressPrefix>\n"
            "          </Subnet>\n"
        )
    return "".join(lines), names


def vnet_site(index: int, rng: random.Random, sites: int) -> tuple[str, str, tuple[str, ...]]:
    """One VirtualNetworkSite: its XML, its name and its subnet names."""
    name = f"vnet-{rng.choice(TEAMS)}-{index:02d}"
    octet = 16 + index % 200
    gateway = vnet_gateway(index, rng, sites)
    subnets_xml, names = vnet_subnets(index, octet, bool(gateway), rng)
    legacy = index % 17 == 5
    placement = f'AffinityGroup="ag-{name}"' if legacy else f'Location="{rng.choice(REGIONS)}"'
    xml = VNET.substitute(name=name, placement=placement, octet=octet, subnets=subnets_xml, gateway=gateway)
    return xml, name, names


def netcfg(count: int, rng: random.Random) -> tuple[str, Network]:
    """The whole network configuration with COUNT virtual networks."""
    sites = 6
    dns = "".join(
        f'        <DnsServer name="dns-{i:02d}" IPAddress="10.0.0.{3 + i}" />\n' for i in range(1, 5)
    )
    local = "".join(LOCAL_SITE.substitute(name=f"onprem-{i:02d}", octet=16 + i) for i in range(1, sites + 1))
    network = Network()
    parts = []
    for index in range(1, count + 1):
        xml, name, names = vnet_site(index, rng, sites)
        parts.append(xml)
        network.vnets.append((name, tuple(n for n in names if n != "GatewaySubnet")))
    return NETCFG.substitute(ns=NETCFG_NS, dns=dns, sites=local, vnets="".join(parts)), network


# --------------------------------------------------------------------------------------------------------
# Cloud services
# --------------------------------------------------------------------------------------------------------

CSDEF = Template("""\
<?xml version="1.0" encoding="utf-8"?>
<ServiceDefinition name="$name"
                   xmlns="$ns"
                   schemaVersion="2015-04.2.6">
$roles</ServiceDefinition>
""")

CSCFG = Template("""\
<?xml version="1.0" encoding="utf-8"?>
<!-- $comment -->
<ServiceConfiguration serviceName="$name" xmlns="$ns"
                      osFamily="$family" osVersion="*" schemaVersion="2015-04.2.6">
$roles$network</ServiceConfiguration>
""")


def make_roles(rng: random.Random) -> list[Role]:
    """One to three roles: usually a web role first (one service in ten has only workers)."""
    count = rng.choices((1, 2, 3), weights=(3, 5, 2))[0]
    web = rng.sample(WEB_ROLES, 2)
    workers = rng.sample(WORKER_ROLES, 3)
    web_first = rng.random() < 0.9
    roles = []
    for position in range(count):
        is_web = (position == 0 and web_first) or (position == 1 and rng.random() < 0.3)
        name = web.pop() if is_web else workers.pop()
        keys = rng.sample(SETTING_KEYS, rng.randint(5, 12))
        roles.append(Role(name, "WebRole" if is_web else "WorkerRole", keys, rng.randint(2, 6)))
    return roles


def csdef_role(role: Role, team: str) -> str:
    """One WebRole or WorkerRole element of the service definition."""
    settings = "".join(f'      <Setting name="{team}.{key}" />\n' for key in role.settings)
    if role.kind == "WebRole":
        head = (
            '    <Sites>\n      <Site name="Web">\n        <Bindings>\n'
            '          <Binding name="HttpIn" endpointName="HttpIn" />\n'
            '          <Binding name="HttpsIn" endpointName="HttpsIn" />\n'
            "        </Bindings>\n      </Site>\n    </Sites>\n"
        )
        endpoints = (
            '      <InputEndpoint name="HttpIn" protocol="http" port="80" />\n'
            '      <InputEndpoint name="HttpsIn" protocol="https" port="443" certificate="ssl" />\n'
        )
        certs = '      <Certificate name="ssl" storeLocation="LocalMachine" storeName="My" />\n'
    else:
        head = ""
        endpoints = '      <InternalEndpoint name="Health" protocol="http" port="8080" />\n'
        certs = '      <Certificate name="client-auth" storeLocation="LocalMachine" storeName="My" />\n'
    return (
        f'  <{role.kind} name="{role.name}" vmsize="Standard_D2_v2">\n{head}'
        f'    <ConfigurationSettings>\n      <Setting name="{DIAG_SETTING}" />\n{settings}'
        f"    </ConfigurationSettings>\n    <Endpoints>\n{endpoints}    </Endpoints>\n"
        f"    <Certificates>\n{certs}    </Certificates>\n"
        '    <LocalResources>\n      <LocalStorage name="DiagnosticStore" sizeInMB="4096" '
        'cleanOnRoleRecycle="false" />\n    </LocalResources>\n'
        '    <Imports>\n      <Import moduleName="RemoteAccess" />\n    </Imports>\n'
        f"  </{role.kind}>\n"
    )


def connection_value(key: str, service: str) -> str:
    """A production connection string whose secret is injected by the release pipeline."""
    account = service.replace("-", "")[:20]
    if key.startswith("Sql"):
        return (
            f"Server=tcp:{service}.database.windows.net,1433;Database=main;User ID=app;Password=#{{{key}}}#"
        )
    if key.startswith("ServiceBus"):
        return f"Endpoint=sb://{service}.servicebus.windows.net/;SharedAccessKeyName=app;SharedAccessKey=#{{{key}}}#"
    if key.startswith("Redis"):
        return f"{service}.redis.cache.windows.net:6380,ssl=True,password=#{{{key}}}#"
    return f"DefaultEndpointsProtocol=https;AccountName={account};AccountKey=#{{{key}}}#"


def setting_value(key: str, service: str, rng: random.Random, local: bool) -> str:
    """A plausible value for one configuration setting."""
    if "Connection" in key:
        return "UseDevelopmentStorage=true" if local else connection_value(key, service)
    if key.endswith("Url"):
        return "http://localhost:5080/" if local else f"https://{service}.contoso.com/{key.lower()}/"
    if key in ("BatchSize", "PollIntervalSeconds", "MaxDequeueCount"):
        return str(rng.choice((5, 10, 30, 60, 100)))
    if key == "LogLevel":
        return "Verbose" if local else "Warning"
    return "" if local else f"#{{{key}}}#"


def remote_access_value(key: str, local: bool) -> str:
    """Remote Desktop settings: off in the emulator, on in the cloud with an injected password."""
    if local:
        return "false" if key == "Enabled" else ""
    values = {"Enabled": "true", "AccountUsername": "opsadmin", "AccountExpiration": "2019-12-31T23:59:59Z"}
    return values.get(key, "#{RemoteAccessPassword}#")


def cscfg_role(role: Role, team: str, service: str, rng: random.Random, local: bool) -> str:
    """One Role element of a service configuration, with settings and certificates."""
    diag = setting_value("DiagnosticsConnection", service, rng, local)
    lines = [f"      <Setting name={quoteattr(DIAG_SETTING)} value={quoteattr(diag)} />\n"]
    for key in role.settings:
        value = setting_value(key, service, rng, local)
        lines.append(f"      <Setting name={quoteattr(f'{team}.{key}')} value={quoteattr(value)} />\n")
    for key in RA_SETTINGS:
        value = remote_access_value(key, local)
        lines.append(f'      <Setting name="{RA_PREFIX}{key}" value={quoteattr(value)} />\n')
    cert = "ssl" if role.kind == "WebRole" else "client-auth"
    certs = "".join(
        f'      <Certificate name="{name}" thumbprint="{hexstring(rng, 40)}" thumbprintAlgorithm="sha1" />\n'
        for name in (cert, RA_CERT)
    )
    count = 1 if local else role.instances
    return (
        f'  <Role name="{role.name}">\n    <Instances count="{count}" />\n'
        f"    <ConfigurationSettings>\n{''.join(lines)}    </ConfigurationSettings>\n"
        f"    <Certificates>\n{certs}    </Certificates>\n  </Role>\n"
    )


def cscfg_acl(roles: list[Role]) -> str:
    """An AccessControl and its EndpointAcl on the first web role's HTTPS endpoint."""
    return (
        '    <AccessControls>\n      <AccessControl name="offices-only">\n'
        '        <Rule order="100" action="permit" remoteSubnet="198.51.100.0/24"'
        ' description="Head office" />\n'
        '        <Rule order="200" action="deny" remoteSubnet="0.0.0.0/0" description="Everyone else" />\n'
        "      </AccessControl>\n    </AccessControls>\n"
        f'    <EndpointAcls>\n      <EndpointAcl role="{roles[0].name}" endPoint="HttpsIn" '
        'accessControl="offices-only" />\n    </EndpointAcls>\n'
    )


def cscfg_network(service: str, roles: list[Role], network: Network, rng: random.Random) -> str:
    """The NetworkConfiguration section of a Cloud configuration (may be empty)."""
    acl = cscfg_acl(roles) if rng.random() < 0.1 and roles[0].kind == "WebRole" else ""
    site, assignments = "", ""
    if network.vnets and rng.random() < 0.6:
        vnet, subnets = rng.choice(network.vnets)
        site = f'    <VirtualNetworkSite name="{vnet}" />\n'
        for role in roles:
            chosen = rng.sample(subnets, 2) if rng.random() < 0.05 else [rng.choice(subnets)]
            refs = "".join(f'          <Subnet name="{name}" />\n' for name in chosen)
            assignments += (
                f'      <InstanceAddress roleName="{role.name}">\n'
                f"        <Subnets>\n{refs}        </Subnets>\n      </InstanceAddress>\n"
            )
    if rng.random() < 0.15:
        assignments += (
            f'      <ReservedIPs>\n        <ReservedIP name="{service}-vip" />\n      </ReservedIPs>\n'
        )
    if assignments:
        assignments = f"    <AddressAssignments>\n{assignments}    </AddressAssignments>\n"
    body = acl + site + assignments
    return f"  <NetworkConfiguration>\n{body}  </NetworkConfiguration>\n" if body else ""


def write_service(root: Path, index: int, network: Network, rng: random.Random) -> None:
    """One cloud service folder: ServiceDefinition.csdef, Cloud and Local configurations."""
    team = rng.choice(TEAMS)
    name = f"{team}-{rng.choice(APPS)}-{rng.choice(ENVS)}-{index:04d}"
    roles = make_roles(rng)
    folder = root / "services" / name
    title = team.capitalize()
    csdef_roles = "".join(csdef_role(role, title) for role in roles)
    write(folder / "ServiceDefinition.csdef", CSDEF.substitute(name=name, ns=CSDEF_NS, roles=csdef_roles))
    family = rng.choice((4, 5, 6))
    for config, local in (("Cloud", False), ("Local", True)):
        text = CSCFG.substitute(
            name=name,
            ns=CSCFG_NS,
            family=family,
            comment="Compute emulator configuration." if local else f"Production configuration of {name}.",
            roles="".join(cscfg_role(role, title, name, rng, local) for role in roles),
            network="" if local else cscfg_network(name, roles, network, rng),
        )
        write(folder / f"ServiceConfiguration.{config}.cscfg", text)


# --------------------------------------------------------------------------------------------------------
# Export-AzureVM files
# --------------------------------------------------------------------------------------------------------

VM = Template("""\
<?xml version="1.0" encoding="utf-8"?>
<PersistentVM xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
$availability  <ConfigurationSets>
    <ConfigurationSet xsi:type="NetworkConfigurationSet">
      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
      <InputEndpoints>
$endpoints      </InputEndpoints>
$subnets      <PublicIPs />
      <NetworkInterfaces />
    </ConfigurationSet>
  </ConfigurationSets>
$disks  <Label>$name</Label>
  <OSVirtualHardDisk>
    <HostCaching>ReadWrite</HostCaching>
    <DiskName>$service-$name-os-$stamp</DiskName>
    <OS>Windows</OS>
    <IOType>Standard</IOType>
  </OSVirtualHardDisk>
  <RoleName>$name</RoleName>
  <RoleSize>$size</RoleSize>
  <RoleType>PersistentVMRole</RoleType>
  <NoExportPrivateKey>false</NoExportPrivateKey>
  <NoRDPEndpoint>false</NoRDPEndpoint>
  <NoSSHEndpoint>false</NoSSHEndpoint>
  <DefaultWinRmCertificateThumbprint>$thumbprint</DefaultWinRmCertificateThumbprint>
  <ProvisionGuestAgent>true</ProvisionGuestAgent>
$extensions</PersistentVM>
""")

ACL_RULES = """\
          <EndpointAccessControlList>
            <Rules>
              <AccessControlListRule>
                <Order>100</Order>
                <Action>permit</Action>
                <RemoteSubnet>203.0.113.0/24</RemoteSubnet>
                <Description>Operations VPN</Description>
              </AccessControlListRule>
            </Rules>
          </EndpointAccessControlList>
"""


def vm_endpoints(position: int, vip: str, rng: random.Random) -> str:
    """PowerShell and Remote Desktop endpoints, sometimes HTTP; sometimes an ACL on Remote Desktop."""
    endpoints = [("PowerShell", 5986, 5986 + position), ("RemoteDesktop", 3389, 57000 + position)]
    if rng.random() < 0.3:
        endpoints.append(("HTTP", 80, 80))
    acl = rng.random() < 0.1
    parts = []
    for name, local, public in endpoints:
        parts.append(
            f"        <InputEndpoint>\n          <LocalPort>{local}</LocalPort>\n"
            f"          <Name>{name}</Name>\n          <Port>{public}</Port>\n"
            f"          <Protocol>tcp</Protocol>\n          <Vip>{vip}</Vip>\n"
            "          <EnableDirectServerReturn>false</EnableDirectServerReturn>\n"
            + (ACL_RULES if acl and name == "RemoteDesktop" else "")
            + '          <IdleTimeoutInMinutes xsi:nil="true" />\n        </InputEndpoint>\n'
        )
    return "".join(parts)


def vm_disks(service: str, name: str, rng: random.Random) -> str:
    """DataVirtualHardDisks with zero to three disks (no MediaLink, as Export-AzureVM writes them)."""
    count = rng.randint(0, 3)
    if not count:
        return "  <DataVirtualHardDisks />\n"
    disks = "".join(
        "    <DataVirtualHardDisk>\n      <HostCaching>None</HostCaching>\n"
        f"      <DiskLabel>data{lun}</DiskLabel>\n"
        f"      <DiskName>{service}-{name}-{lun}-2016{rng.randint(10**13, 10**14 - 1)}</DiskName>\n"
        f"      <Lun>{lun}</Lun>\n      <LogicalDiskSizeInGB>{rng.choice((128, 256, 512, 1023))}"
        "</LogicalDiskSizeInGB>\n      <IOType>Standard</IOType>\n    </DataVirtualHardDisk>\n"
        for lun in range(count)
    )
    return f"  <DataVirtualHardDisks>\n{disks}  </DataVirtualHardDisks>\n"


def vm_extensions(rng: random.Random) -> str:
    """BGInfo 1.* (an XML extension) on half the VMs, the JSON BGInfo 2.* on a fifth, else none."""
    draw = rng.random()
    if draw >= 0.7:
        return ""
    version = "1.*" if draw < 0.5 else "2.*"
    return (
        "  <ResourceExtensionReferences>\n    <ResourceExtensionReference>\n"
        "      <ReferenceName>BGInfo</ReferenceName>\n      <Publisher>Microsoft.Compute</Publisher>\n"
        f"      <Name>BGInfo</Name>\n      <Version>{version}</Version>\n"
        "      <ResourceExtensionParameterValues />\n      <State>Enable</State>\n"
        "    </ResourceExtensionReference>\n  </ResourceExtensionReferences>\n"
    )


def vm_subnets(subnets: tuple[str, ...], rng: random.Random) -> str:
    """SubnetNames with one subnet, or two for about one VM in twenty; empty outside a VNet."""
    if not subnets:
        return ""
    chosen = rng.sample(subnets, 2) if len(subnets) > 1 and rng.random() < 0.05 else [rng.choice(subnets)]
    items = "".join(f"        <string>{name}</string>\n" for name in chosen)
    return f"      <SubnetNames>\n{items}      </SubnetNames>\n"


def folder_layout(network: Network, rng: random.Random) -> tuple[str, tuple[str, ...], str]:
    """Availability pattern (same / none / mixed), subnets (empty = no VNet) and VIP of one VM folder."""
    pattern = rng.choices(("same", "none", "mixed"), weights=(70, 15, 15))[0]
    in_vnet = bool(network.vnets) and rng.random() < 0.85
    subnets = rng.choice(network.vnets)[1] if in_vnet else ()
    vip = f"52.{rng.randint(100, 180)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    return pattern, subnets, vip


def write_vm_folder(root: Path, index: int, size: int, network: Network, rng: random.Random) -> None:
    """One folder of Export-AzureVM files: the VMs of one cloud service."""
    workload = rng.choice(VM_WORKLOADS)
    service = f"{workload}-{rng.choice(ENVS)}-{index:03d}"
    pattern, subnets, vip = folder_layout(network, rng)
    for position in range(1, size + 1):
        name = f"{service}-vm{position:02d}"
        in_set = pattern == "same" or (pattern == "mixed" and position != size)
        text = VM.substitute(
            availability=f"  <AvailabilitySetName>{workload}-as</AvailabilitySetName>\n" if in_set else "",
            endpoints=vm_endpoints(position, vip, rng),
            subnets=vm_subnets(subnets, rng),
            disks=vm_disks(service, name, rng),
            name=name,
            service=service,
            stamp=rng.randint(10**12, 10**13 - 1),
            size=rng.choice(("Small", "Medium", "Standard_D2", "Standard_D3_v2", "Standard_D13")),
            thumbprint=hexstring(rng, 40),
            extensions=vm_extensions(rng),
        )
        write(root / "vms" / service / f"{name}.xml", text)


# --------------------------------------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------------------------------------


def generate(out: Path, services: int, vms: int, vnets: int, seed: int) -> int:
    """Write the whole estate into OUT and return the number of files written."""
    rng = random.Random(seed)
    written = 0
    network = Network()
    if vnets:
        text, network = netcfg(vnets, rng)
        write(out / "network" / "NetworkConfig.netcfg", text)
        written += 1
    for index in range(1, services + 1):
        write_service(out, index, network, rng)
        written += 3
    for folder, start in enumerate(range(0, vms, VM_FOLDER_SIZE), start=1):
        size = min(VM_FOLDER_SIZE, vms - start)
        write_vm_folder(out, folder, size, network, rng)
        written += size
    return written


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write into (must be empty or not exist)")
    parser.add_argument("--services", type=int, default=1300, help="cloud services (3 files each)")
    parser.add_argument("--vms", type=int, default=96, help="Export-AzureVM files, in folders of 4")
    parser.add_argument("--vnets", type=int, default=40, help="virtual networks in the one netcfg")
    parser.add_argument("--seed", type=int, default=2017, help="random seed (same seed, same estate)")
    args = parser.parse_args(argv)
    if min(args.services, args.vms, args.vnets) < 0:
        parser.error("counts must not be negative")
    return args


def main(argv: list[str] | None = None) -> int:
    """Entry point: generate the estate and say how many files were written."""
    args = parse_args(argv)
    out: Path = args.out
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        print(f"generate.py: {out} exists and is not an empty folder", file=sys.stderr)
        return 2
    if not out.exists() and not out.parent.is_dir():  # it makes OUT, not the folders above it
        print(f"generate.py: {out.parent}: not a folder", file=sys.stderr)
        return 2
    count = generate(out, args.services, args.vms, args.vnets, args.seed)
    print(f"wrote {count} files to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
