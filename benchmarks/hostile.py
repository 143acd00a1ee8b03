"""Time and peak memory of migcheck on hostile inputs: the figures of docs/security.md (Security and
limits). Each case runs migcheck in a fresh process: `migcheck check`, or for the plan's rows of the
growth table `migcheck plan` in the format the row names (`GrowthCase.command`). Three tables: each hostile input at full
size; how time grows from n to 2n, 4n and 8n for each adversarial dimension, the classes that were once
super-linear (2.0x per doubling is linear, 4.0x quadratic); and peak memory per report format against the input's size.

    python benchmarks/hostile.py [--part full-size|growth|memory] [--files 100000] [--only WORDS]
                                 [--scale 1.0]

The growth table is also part of `benchmarks/run.py`, which imports it from here (`growth_rows`). Its
time is the CPU time of the run alone: the child runs the row's command (`check`, or `plan`) once to
import what the input needs, then three times more, and the best of those three counts, so start-up does
not hide how the work grows. `--scale` multiplies every n (at 1, the table takes a few minutes).
"""

from __future__ import annotations

import argparse
import itertools
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

MB = 1024 * 1024


def _big(folder: Path) -> list[str]:
    unit = b"<Role name='r'><Instances count='2'/></Role>\n"
    with open(folder / "big.cscfg", "wb") as out:
        out.write(b"<ServiceConfiguration>\n")
        for _ in range(100 * MB // len(unit) // 1000):
            out.write(unit * 1000)
        out.write(b"</ServiceConfiguration>\n")
    return ["big.cscfg"]


def _at_limit(folder: Path) -> list[str]:
    unit = b"<Role name='r'><Instances count='2'/></Role>\n"
    body = unit * ((16 * MB - 100) // len(unit))
    (folder / "limit.cscfg").write_bytes(b"<ServiceConfiguration>\n" + body + b"</ServiceConfiguration>")
    return ["limit.cscfg"]


def _deep(folder: Path) -> list[str]:
    data = b"<ServiceConfiguration>" + b"<a>" * 10_000 + b"</a>" * 10_000 + b"</ServiceConfiguration>"
    (folder / "deep.cscfg").write_bytes(data)
    return ["deep.cscfg"]


def _long_line(folder: Path) -> list[str]:
    unit = b"<Role name='r'/>"
    (folder / "line.cscfg").write_bytes(
        b"<ServiceConfiguration>" + unit * (10 * MB // len(unit)) + b"</ServiceConfiguration>"
    )
    return ["line.cscfg"]


def _many(count: int) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        (folder / "many").mkdir()
        for i in range(count):
            (folder / "many" / f"s{i:06}.cscfg").write_bytes(b'<ServiceConfiguration serviceName="s"/>')
        return ["many"]

    return make


def _loops(folder: Path) -> list[str]:
    root = folder / "loops"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "b" / "up").symlink_to(root)
    (root / "a" / "self").symlink_to(root / "a")
    (root / "x.cscfg").symlink_to(root / "x.cscfg")
    return ["loops"]


def _backtracking_globs(count: int) -> Callable[[Path], list[str]]:
    """Every glob setting holds a pattern that Python's backtracking engine needs minutes for against a
    long name, over `count` files with such names."""

    def make(folder: Path) -> list[str]:
        glob = "*a*a*a*a*a*a*a*a*b"
        (folder / "pyproject.toml").write_text(
            f'[tool.migcheck]\ninclude = ["{glob}", "*.cscfg"]\nexclude = ["{glob}"]\n'
            f'[tool.migcheck.per-file-ignores]\n"{glob}" = ["MIG1"]\n'
            f'[tool.migcheck.cloud-services]\ns = ["{glob}"]\n[tool.migcheck.subscriptions]\np = ["{glob}"]\n'
        )
        (folder / "globs").mkdir()
        for i in range(count):
            name = f"{'a' * 200}{i:05}.cscfg"
            (folder / "globs" / name).write_bytes(b'<ServiceConfiguration serviceName="s"/>')
        return ["globs"]

    return make


def _gitignored(count: int) -> Callable[[Path], list[str]]:
    """A repository whose root and nested .gitignore files hold 1,000 patterns each."""

    def make(folder: Path) -> list[str]:
        root = folder / "repo"
        (root / ".git").mkdir(parents=True)
        patterns = "".join(f"ignored-{i}-*.cscfg\n[ab]x{i}/\n!keep-{i}.cscfg\n" for i in range(333))
        for d in range(10):
            sub = root / f"d{d}"
            sub.mkdir()
            (sub / ".gitignore").write_text(patterns)
            for i in range(count // 10):
                (sub / f"s{i:06}.cscfg").write_bytes(b'<ServiceConfiguration serviceName="s"/>')
        (root / ".gitignore").write_text(patterns)
        return ["repo"]

    return make


def _baseline_device(folder: Path) -> list[str]:
    (folder / "shop").mkdir()
    (folder / "shop" / "s.cscfg").write_bytes(b'<ServiceConfiguration serviceName="s"/>')
    (folder / "baseline.json").symlink_to("/dev/zero")
    (folder / "pyproject.toml").write_text('[tool.migcheck]\nbaseline = "baseline.json"\n')
    return ["shop"]


def _config_nested(folder: Path) -> list[str]:
    (folder / "shop").mkdir()
    (folder / "pyproject.toml").write_bytes(b"[tool.migcheck]\nselect = " + b"[" * 500_000 + b"]" * 500_000)
    return ["shop"]


def _availability_sets(count: int) -> Callable[[Path], list[str]]:
    """One deployment with `count` VMs, each in its own availability set: MIG102 reports count - 1
    findings; each named every set once (quadratic output), now a handful."""

    def make(folder: Path) -> list[str]:
        roles = "".join(
            f"<Role><RoleName>vm{i}</RoleName><RoleType>PersistentVMRole</RoleType>"
            f"<AvailabilitySetName>set{i}</AvailabilitySetName></Role>"
            for i in range(count)
        )
        (folder / "d.xml").write_text(
            f'<Deployment xmlns="http://schemas.microsoft.com/windowsazure"><Name>d</Name><RoleList>{roles}'
            "</RoleList></Deployment>"
        )
        return ["d.xml"]

    return make


def _dense(prefixes: int, files: int = 1) -> Callable[[Path], list[str]]:
    """Network configurations of `prefixes` bad prefixes each: one MIG304 finding per 75 bytes."""

    def make(folder: Path) -> list[str]:
        (folder / "dense").mkdir()
        for k in range(files):
            subnets = "".join(
                f'<Subnet name="s{i}"><AddressPrefix>10.{i % 250}.{i // 250 % 250}.1/16</AddressPrefix></Subnet>\n'
                for i in range(prefixes)
            )
            (folder / "dense" / f"n{k:04}.netcfg").write_text(
                '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/'
                'NetworkConfiguration"><VirtualNetworkConfiguration><VirtualNetworkSites>'
                f'<VirtualNetworkSite name="v{k}" Location="West Europe"><Subnets>\n{subnets}</Subnets>'
                "</VirtualNetworkSite></VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>\n"
            )
        return ["dense"]

    return make


def _one_line(roles: int) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        text = "".join(f'<Role name="r{i}"><Instances count="1"/></Role>' for i in range(roles))
        (folder / "line.cscfg").write_text(
            f'<ServiceConfiguration serviceName="s">{text}</ServiceConfiguration>'
        )
        return ["line.cscfg"]

    return make


def _attributes(count: int) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        attrs = b" ".join(b"a%d='1'" % i for i in range(count))
        (folder / "attrs.cscfg").write_bytes(b"<ServiceConfiguration " + attrs + b" serviceName='s'/>")
        return ["attrs.cscfg"]

    return make


REST_NS = "http://schemas.microsoft.com/windowsazure"
NETCFG_NS = "http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration"
CSDEF_NS = "http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition"
CSCFG_NS = "http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration"
MONITORING = (
    "<ResourceExtensionReference><Publisher>Microsoft.Azure.Security.Monitoring</Publisher>"
    "<Name>AzureSecurityWindowsAgent</Name><Version>1.*</Version></ResourceExtensionReference>"
)


def _octets(i: int) -> str:
    """Two octets unique for i < 62,500: the middle of a /24 of network i."""
    return f"{i // 250 % 250}.{i % 250}"


def _reserved_ips(count: int) -> Callable[[Path], list[str]]:
    """A REST `ReservedIPs` body of `count` reserved IPs, one in four naming the service it belongs to, and
    a hosted service whose deployments use one in eight by name: the readiness summary places each IP with
    its service or lists it as unattached (run with `--format report-json`, which holds the summary)."""

    def make(folder: Path) -> list[str]:
        ips = "".join(
            f"<ReservedIP><Name>ip{i}</Name><Address>203.{i // 62_500 % 250}.{_octets(i)}</Address>"
            + (f"<ServiceName>svc{i}</ServiceName>" if i % 4 == 0 else "")
            + "</ReservedIP>\n"
            for i in range(count)
        )
        (folder / "ips.xml").write_text(f'<ReservedIPs xmlns="{REST_NS}">\n{ips}</ReservedIPs>\n')
        deployments = "".join(
            f"<Deployment><Name>d{i}</Name><DeploymentSlot>Production</DeploymentSlot>"
            f"<ReservedIPName>ip{i}</ReservedIPName></Deployment>\n"
            for i in range(1, count, 8)
        )
        (folder / "shop.xml").write_text(
            f'<HostedService xmlns="{REST_NS}"><ServiceName>shop</ServiceName><Deployments>\n'
            f"{deployments}</Deployments></HostedService>\n"
        )
        return ["ips.xml", "shop.xml"]

    return make


def _network_configuration(count: int) -> str:
    """A network configuration of `count` virtual networks, local network sites and DNS servers: network i
    references DNS servers i and i + 1 and reaches site i over ExpressRoute; DNS server i sits on site i's
    (on-premises) addresses."""
    dns = "".join(f'<DnsServer name="dns{i}" IPAddress="11.{_octets(i)}.4"/>\n' for i in range(count))
    sites = "".join(
        f'<LocalNetworkSite name="site{i}"><AddressSpace><AddressPrefix>11.{_octets(i)}.0/24</AddressPrefix>'
        "</AddressSpace></LocalNetworkSite>\n"
        for i in range(count)
    )
    networks = "".join(
        f'<VirtualNetworkSite name="vnet{i}" Location="West Europe">'
        f"<AddressSpace><AddressPrefix>10.{_octets(i)}.0/24</AddressPrefix></AddressSpace>"
        f'<Subnets><Subnet name="app"><AddressPrefix>10.{_octets(i)}.0/25</AddressPrefix></Subnet></Subnets>'
        f'<DnsServersRef><DnsServerRef name="dns{i}"/><DnsServerRef name="dns{(i + 1) % count}"/></DnsServersRef>'
        f'<Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="site{i}"><Connection type="Dedicated"/>'
        "</LocalNetworkSiteRef></ConnectionsToLocalNetwork></Gateway></VirtualNetworkSite>\n"
        for i in range(count)
    )
    return (
        f'<NetworkConfiguration xmlns="{NETCFG_NS}"><VirtualNetworkConfiguration>\n'
        f"<Dns><DnsServers>\n{dns}</DnsServers></Dns>\n<LocalNetworkSites>\n{sites}</LocalNetworkSites>\n"
        f"<VirtualNetworkSites>\n{networks}</VirtualNetworkSites>\n"
        "</VirtualNetworkConfiguration></NetworkConfiguration>\n"
    )


def _networks(count: int) -> Callable[[Path], list[str]]:
    """Virtual networks x (local network sites + DNS servers): every network resolves its references."""

    def make(folder: Path) -> list[str]:
        (folder / "NetworkConfig.netcfg").write_text(_network_configuration(count))
        return ["NetworkConfig.netcfg"]

    return make


def _networks_of_one_circuit(count: int) -> Callable[[Path], list[str]]:
    """`count` virtual networks, each linked over ExpressRoute to the one local network site: the plan moves
    one circuit, then every network after it."""

    def make(folder: Path) -> list[str]:
        networks = "".join(
            f'<VirtualNetworkSite name="vnet{i}" Location="West Europe">'
            f"<AddressSpace><AddressPrefix>10.{_octets(i)}.0/24</AddressPrefix></AddressSpace>"
            f'<Subnets><Subnet name="app"><AddressPrefix>10.{_octets(i)}.0/25</AddressPrefix></Subnet></Subnets>'
            '<Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="onprem"><Connection type="Dedicated"/>'
            "</LocalNetworkSiteRef></ConnectionsToLocalNetwork></Gateway></VirtualNetworkSite>\n"
            for i in range(count)
        )
        (folder / "NetworkConfig.netcfg").write_text(
            f'<NetworkConfiguration xmlns="{NETCFG_NS}"><VirtualNetworkConfiguration>\n<LocalNetworkSites>'
            '<LocalNetworkSite name="onprem"><AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix>'
            f"</AddressSpace></LocalNetworkSite></LocalNetworkSites>\n<VirtualNetworkSites>\n{networks}"
            "</VirtualNetworkSites>\n</VirtualNetworkConfiguration></NetworkConfiguration>\n"
        )
        return ["NetworkConfig.netcfg"]

    return make


def _disks_in_accounts(count: int) -> Callable[[Path], list[str]]:
    """One hosted service of `count` deployments, each a VM whose disk is in a storage account of its own:
    the plan moves each account after its VM's deployment."""

    def make(folder: Path) -> list[str]:
        deployments = "".join(
            f"<Deployment><Name>d{i}</Name><RoleList><Role><RoleName>vm{i}</RoleName>"
            "<RoleType>PersistentVMRole</RoleType><OSVirtualHardDisk>"
            f"<MediaLink>https://acct{i}.blob.core.windows.net/vhds/vm{i}.vhd</MediaLink><OS>Linux</OS>"
            "</OSVirtualHardDisk></Role></RoleList></Deployment>\n"
            for i in range(count)
        )
        (folder / "svc.xml").write_text(
            f'<HostedService xmlns="{REST_NS}"><ServiceName>svc</ServiceName><Deployments>\n'
            f"{deployments}</Deployments></HostedService>\n"
        )
        return ["svc.xml"]

    return make


def accounts_waiting_on_every_vm(services: int, accounts: int, blocked: bool = False) -> dict[str, str]:
    """A list of `services` hosted services, each a VM in no network whose disk is in the listed account
    `disks`, and `accounts` more listed accounts that hold no disk the files show: each of those may hold
    disks of VMs the files do not show, so it waits on every step that moves VMs. `blocked`: each service
    also has a VM in an availability set, which the other is in none of (MIG103), so no step of VMs is
    ready and each account waits on every one of them."""

    def vm(name: str, extra: str = "") -> str:
        return (
            f"<Role><RoleName>{name}</RoleName><RoleType>PersistentVMRole</RoleType>{extra}<OSVirtualHardDisk>"
            f"<MediaLink>https://disks.blob.core.windows.net/vhds/{name}.vhd</MediaLink><OS>Linux</OS>"
            "</OSVirtualHardDisk></Role>"
        )

    in_set = "<AvailabilitySetName>set</AvailabilitySetName>"
    hosted = "".join(
        f"<HostedService><ServiceName>svc{i}</ServiceName><Deployments><Deployment><Name>d{i}</Name>"
        f"<RoleList>{vm(f'vm{i}')}{vm(f'vm{i}b', in_set) if blocked else ''}</RoleList></Deployment>"
        "</Deployments></HostedService>\n"
        for i in range(services)
    )
    listed = "".join(
        f"<StorageService><ServiceName>{name}</ServiceName></StorageService>\n"
        for name in ("disks", *(f"spare{i}" for i in range(accounts)))
    )
    return {
        "services.xml": f'<HostedServices xmlns="{REST_NS}">\n{hosted}</HostedServices>\n',
        "accounts.xml": f'<StorageServices xmlns="{REST_NS}">\n{listed}</StorageServices>\n',
    }


def _accounts_waiting_on_every_vm(count: int) -> Callable[[Path], list[str]]:
    """`accounts_waiting_on_every_vm` of `count` services and `count` accounts: each account waits on every
    step that moves VMs (the readiness summary's `after`, which `check --format json` makes for
    `checked_at`)."""

    def make(folder: Path) -> list[str]:
        files = accounts_waiting_on_every_vm(count, count)
        for name, text in files.items():
            (folder / name).write_text(text)
        return list(files)

    return make


def _defender(count: int) -> Callable[[Path], list[str]]:
    """MIG207, DNS servers x networks: the networks above, and a hosted service with one deployment in
    each network, its VM carrying Defender for Cloud's monitoring extension (run with `--select MIG207`)."""

    def make(folder: Path) -> list[str]:
        (folder / "NetworkConfig.netcfg").write_text(_network_configuration(count))
        deployments = "".join(
            f"<Deployment><Name>d{i}</Name><RoleList><Role><RoleName>vm{i}</RoleName>"
            "<RoleType>PersistentVMRole</RoleType>"
            f"<ResourceExtensionReferences>{MONITORING}</ResourceExtensionReferences></Role></RoleList>"
            f"<VirtualNetworkName>vnet{i}</VirtualNetworkName></Deployment>\n"
            for i in range(count)
        )
        (folder / "vms.xml").write_text(
            f'<HostedService xmlns="{REST_NS}"><ServiceName>vms</ServiceName><Deployments>\n'
            f"{deployments}</Deployments></HostedService>\n"
        )
        return ["NetworkConfig.netcfg", "vms.xml"]

    return make


def _suppressed(count: int, newline: str = "\n") -> Callable[[Path], list[str]]:
    """The suppression filter, findings x suppressions: `count` endpoint ACLs, each reported (MIG201) and
    each silenced by a suppression comment of its own just before it; with `newline=""`, all of it on one
    line, so that every comment covers the line of every finding."""

    def make(folder: Path) -> list[str]:
        controls = "".join(
            f'<AccessControl name="ac{i}"><Rule action="permit" order="1" remoteSubnet="10.0.0.0/8" '
            f'description="d"/></AccessControl>{newline}'
            for i in range(count)
        )
        acls = "".join(
            f"<!-- migcheck: ignore[MIG201] known -->{newline}"
            f'<EndpointAcl role="r" endPoint="e{i}" accessControl="ac{i}"/>{newline}'
            for i in range(count)
        )
        (folder / "ServiceConfiguration.Cloud.cscfg").write_text(
            f'<ServiceConfiguration serviceName="s">{newline}<Role name="r"><Instances count="1"/></Role>'
            f"{newline}<NetworkConfiguration><AccessControls>{newline}{controls}</AccessControls>"
            f"<EndpointAcls>{newline}{acls}</EndpointAcls></NetworkConfiguration></ServiceConfiguration>\n"
        )
        return ["ServiceConfiguration.Cloud.cscfg"]

    return make


def _comments_on_one_line(count: int) -> Callable[[Path], list[str]]:
    """`_suppressed` written on one line."""
    return _suppressed(count, newline="")


def _prefixed(count: int, lines_before: int = 0) -> Callable[[Path], list[str]]:
    """N-th-sibling marks with many distinct prefixes: `count` roles, each written with a prefix of its own
    bound to the same namespace, after `lines_before` empty lines."""

    def make(folder: Path) -> list[str]:
        roles = "".join(
            f'<p{i}:WorkerRole xmlns:p{i}="{CSDEF_NS}" name="r{i}" vmsize="Small"/>\n' for i in range(count)
        )
        blank = "\n" * lines_before
        (folder / "ServiceDefinition.csdef").write_text(
            f'<ServiceDefinition xmlns="{CSDEF_NS}" name="s">\n{blank}{roles}</ServiceDefinition>\n'
        )
        return ["ServiceDefinition.csdef"]

    return make


def _far_prefixed(count: int) -> Callable[[Path], list[str]]:
    """`_prefixed` past line 65,535, where positions are found in the text: once searched for each tag."""
    return _prefixed(count, lines_before=70_000)


def _foreign_xml(count: int) -> Callable[[Path], list[str]]:
    """The namespace sniff of a non-classic `.xml` met in a folder walk: a prolog of `count` comments and
    processing instructions (past the first 8 KB the sniff looks at), then a root start tag declaring
    `count` namespaces. Not classic, so skipped: only the sniff costs."""

    def make(folder: Path) -> list[str]:
        prolog = "".join(f"<!-- build step {i} -->\n<?step n{i}?>\n" for i in range(count))
        namespaces = " ".join(f'xmlns:m{i}="urn:example:module:{i}"' for i in range(count))
        (folder / "walk").mkdir()
        (folder / "walk" / "pom.xml").write_text(f"{prolog}<project {namespaces}><modules/></project>\n")
        return ["walk"]

    return make


def _prefixes_without_values(count: int) -> Callable[[Path], list[str]]:
    """The namespace sniff of an `.xml` met in a folder walk whose root start tag, past a long comment (so
    the sniff reads the whole file), holds `count` `xmlns:` without a value (`xmlns:-xmlns:-...`)."""

    def make(folder: Path) -> list[str]:
        comment = "<!--" + "x" * 9_000 + "-->\n"
        (folder / "walk").mkdir()
        (folder / "walk" / "a.xml").write_text(f"{comment}<Deployment {'xmlns:-' * count}>\n</Deployment>\n")
        return ["walk"]

    return make


def _prolog_declarations(count: int) -> Callable[[Path], list[str]]:
    """The prolog scan of an `.xml` met in a folder walk: `count` `<!a>` items before the root element, each
    of which once looked for a `[` to the end of the file."""

    def make(folder: Path) -> list[str]:
        (folder / "walk").mkdir()
        (folder / "walk" / "a.xml").write_text("<!a>" * count + "<Deployment/>\n")
        return ["walk"]

    return make


def _deployments(count: int) -> Callable[[Path], list[str]]:
    """One hosted service of `count` deployments, each with a VM: each joins the service in the link."""

    def make(folder: Path) -> list[str]:
        deployments = "".join(
            f"<Deployment><Name>d{i}</Name><RoleList><Role><RoleName>vm{i}</RoleName>"
            "<RoleType>PersistentVMRole</RoleType></Role></RoleList></Deployment>\n"
            for i in range(count)
        )
        (folder / "svc.xml").write_text(
            f'<HostedService xmlns="{REST_NS}"><ServiceName>svc</ServiceName><Deployments>\n'
            f"{deployments}</Deployments></HostedService>\n"
        )
        return ["svc.xml"]

    return make


def _long_gitignore(count: int) -> Callable[[Path], list[str]]:
    """A repository whose .gitignore holds `count` patterns: more than RE2 fits in one automaton."""

    def make(folder: Path) -> list[str]:
        root = folder / "repo"
        (root / ".git").mkdir(parents=True)
        (root / ".gitignore").write_text("".join(f"*a{i}*b*c*/**/x*{i}.cscfg\n" for i in range(count)))
        (root / "s.cscfg").write_bytes(b'<ServiceConfiguration serviceName="s"/>')
        return ["repo"]

    return make


def _doubling_powershell(lines: int) -> Callable[[Path], list[str]]:
    """A PowerShell script of `lines` lines, each doubling a string through an expandable string, whose
    last names a cloud service: 2 ** lines characters if followed."""

    def make(folder: Path) -> list[str]:
        doubling = "".join(f'$a{i} = "$a{i - 1}$a{i - 1}"\n' for i in range(1, lines))
        (folder / "double.ps1").write_text(
            f"$a0 = 'x'\n{doubling}"
            'New-AzureVMConfig -Name "vm" -InstanceSize Small -ImageName $img '
            f'| New-AzureVM -ServiceName $a{lines - 1} -VNetName "v"\n'
        )
        return ["double.ps1"]

    return make


def _powershell_of(body: bytes) -> Callable[[Path], list[str]]:
    """A PowerShell script that uses the classic module, then `body`: the script size cap's worth of code
    the grammar turns into millions of syntax nodes."""

    def make(folder: Path) -> list[str]:
        head = b'New-AzureVM -ServiceName "s" -Location "l"\n'
        (folder / "dense.ps1").write_bytes((head + body)[: 512 * 1024])
        return ["dense.ps1"]

    return make


def _passed_array(functions: int) -> Callable[[Path], list[str]]:
    """A PowerShell script passing a 1,023-item array to every parameter of `functions` functions, each
    called 64 times: each call is run with its arguments."""
    items = ",".join(f'"item{i}"' for i in range(1023))
    body = f"$x = @({items})\n" + "".join(
        f"function f{k}($a, $b, $c, $d) {{ $null }}\n" + f"f{k} $x $x $x $x\n" * 64 for k in range(functions)
    )
    return _powershell_of(body.encode())


def _many_parameters(parameters: int) -> Callable[[Path], list[str]]:
    """A PowerShell function of `parameters` parameters, called twice as many times with no arguments."""
    names = ", ".join(f"$p{i}" for i in range(parameters))
    return _powershell_of(f"function f({names}) {{ $null }}\n".encode() + b"f\n" * (2 * parameters))


def _helper_of_many_parameters(parameters: int, lines: int) -> Callable[[Path], list[str]]:
    """A Python script whose `lines` SDK calls each call a helper of `parameters` parameters three times."""

    def make(folder: Path) -> list[str]:
        names = ", ".join(f"a{i}=None" for i in range(parameters))
        (folder / "helpers.py").write_text(
            "from azure.servicemanagement import ServiceManagementService\n"
            'sms = ServiceManagementService("sub", "cert")\n'
            f"def f({names}):\n    return a0\n" + "sms.create_reserved_ip_address(f(), f(), f())\n" * lines
        )
        return ["helpers.py"]

    return make


def _doubling_python(lines: int, literal: int) -> Callable[[Path], list[str]]:
    """A Python script doubling a literal of `literal` characters with + on each of `lines` lines."""

    def make(folder: Path) -> list[str]:
        doubling = "".join(f"a{i} = a{i - 1} + a{i - 1}\n" for i in range(1, lines))
        (folder / "double.py").write_text(
            "from azure.servicemanagement import ServiceManagementService\n"
            'sms = ServiceManagementService("sub", "cert")\n'
            f"a0 = '{'x' * literal}'\n{doubling}"
            f'sms.create_hosted_service(a{lines - 1}, "label", location="West Europe")\n'
        )
        return ["double.py"]

    return make


def _swaps_of_the_last_service(count: int) -> Callable[[Path], list[str]]:
    """A PowerShell script that makes `count` cloud services, then swaps the slots of the last one made
    twice as many times: each swap finds the service's other slot."""

    def make(folder: Path) -> list[str]:
        made = "".join(
            f"New-AzureQuickVM -Windows -ServiceName s{i} -Name v -ImageName i -Password p -Location l\n"
            for i in range(count)
        )
        swaps = f"Move-AzureDeployment -ServiceName s{count - 1}\n" * (2 * count)
        (folder / "swap.ps1").write_text(made + swaps)
        return ["swap.ps1"]

    return make


def _vms_started_by_name(count: int) -> Callable[[Path], list[str]]:
    """A classic CLI script that creates a VM in each of `count` cloud services, then starts the last one
    by its name alone (no `-d`) five times as many times: each start finds the VM's service."""

    def make(folder: Path) -> list[str]:
        created = "".join(f"azure vm create s{i} img u p --vm-name v{i}\n" for i in range(count))
        (folder / "start.sh").write_text(created + f"azure vm start v{count - 1}\n" * (5 * count))
        return ["start.sh"]

    return make


def _projects_deployed_from_another_folder(count: int) -> Callable[[Path], list[str]]:
    """`count` cloud service projects, each deployed by a script of its own in one of two subscriptions,
    naming its configuration by a path written from the projects' folder: each deployment finds its
    project by the end of the path, among files all named alike."""

    def make(folder: Path) -> list[str]:
        deploy = folder / "deploy"
        deploy.mkdir()
        for i in range(count):
            project = folder / f"Pool{i}"
            project.mkdir()
            (project / "ServiceDefinition.csdef").write_text(
                f'<ServiceDefinition name="Pool" xmlns="{CSDEF_NS}"><WebRole name="Web" vmsize="Small" />'
                "</ServiceDefinition>\n"
            )
            (project / "ServiceConfiguration.Cloud.cscfg").write_text(
                f'<ServiceConfiguration serviceName="Pool" xmlns="{CSCFG_NS}">'
                '<Role name="Web"><Instances count="1" /></Role></ServiceConfiguration>\n'
            )
            (deploy / f"pool{i}.ps1").write_text(
                f"Select-AzureSubscription -SubscriptionName sub{i % 2}\n"
                f"New-AzureDeployment -ServiceName pool{i} -Package p.cspkg "
                f"-Configuration 'Pool{i}\\ServiceConfiguration.Cloud.cscfg'\n"
            )
        return ["."]

    return make


ECLIPSE_PUBLISH = (
    '<azurepublish subscriptionid="1f333a31-1111-2222-3333-444455556666" cloudservicename="${svc}" '
    'storageaccountname="store"/>'
)


def _eclipse_project(folder: Path, body: str) -> list[str]:
    """An Eclipse cloud service project's `package.xml` of the properties and targets `body`."""
    (folder / "package.xml").write_text(
        f'<project basedir="." name="P">\n<property name="svc" value="pool"/>\n{body}</project>\n'
    )
    return ["package.xml"]


def _ant_targets_depending_on_a_chain(count: int, dependents: int = 64) -> Callable[[Path], list[str]]:
    """An Eclipse `package.xml` of a chain of `count` targets, each depending on the next and setting a
    property, and `dependents` targets that publish, each depending on the chain's first: each publish's
    properties are those the chain sets, its dependencies run again."""

    def make(folder: Path) -> list[str]:
        chain = "".join(
            f'<target name="c{i}" depends="c{i + 1}"><property name="p{i}" value="v"/></target>\n'
            for i in range(count)
        )
        publishes = "".join(
            f'<target name="t{j}" depends="c0">{ECLIPSE_PUBLISH}</target>\n' for j in range(dependents)
        )
        return _eclipse_project(folder, chain + publishes)

    return make


def _ant_properties_naming_a_long_one(count: int) -> Callable[[Path], list[str]]:
    """An Eclipse `package.xml` of `count` properties, each naming one of 4,000 characters, and a target
    depending on the one that sets them, 64 times."""

    def make(folder: Path) -> list[str]:
        named = "".join(f'<property name="p{i}" value="${{long}}"/>\n' for i in range(count))
        publishes = "".join(
            f'<target name="t{j}" depends="c0">{ECLIPSE_PUBLISH}</target>\n' for j in range(64)
        )
        return _eclipse_project(
            folder,
            f'<property name="long" value="{"x" * 4000}"/>\n<target name="c0">{named}</target>\n{publishes}',
        )

    return make


def _nested_terraform_modules(count: int) -> Callable[[Path], list[str]]:
    """A Terraform configuration of `count` folders, each a module calling the one in the folder below it
    (`./m`) and declaring a classic VM: each file is read with the modules below it, up to the depth
    followed, and each module's files are listed from its folder."""

    def make(folder: Path) -> list[str]:
        module = folder / "tf"
        for i in range(count):
            module.mkdir()
            (module / "main.tf").write_text(
                f'module "below" {{\n  source = "./m"\n}}\nresource "azure_instance" "vm" {{\n  name = "vm{i}"\n}}\n'
            )
            module = module / "m"
        return ["tf"]

    return make


def _ends_of_parameters(count: int) -> Callable[[Path], list[str]]:
    """A PowerShell command handing `azure` to runuser past `count` arguments `--`: each is placed in the
    tree among the arguments before it."""

    def make(folder: Path) -> list[str]:
        (folder / "handoff.ps1").write_text("runuser -u ops " + "-- " * count + "azure vm create s img u p\n")
        return ["handoff.ps1"]

    return make


def _nested_counted_loops(copies: int, depth: int = 10) -> Callable[[Path], list[str]]:
    """A shell script of `copies` nests of `depth` loops of 3 turns each, around a classic VM created with
    the counters: the turns read one by one multiply until the script's budget reads it once through."""

    def make(folder: Path) -> list[str]:
        heads = "".join(f"for i{d} in $(seq 3); do\n" for d in range(depth))
        nest = (
            heads + "azure vm create svc$i0 img u p --vm-name v$i1 --location 'West US'\n" + "done\n" * depth
        )
        (folder / "loops.sh").write_text(nest * copies)
        return ["loops.sh"]

    return make


def _input_bytes(folder: Path, paths: list[str]) -> int:
    total = 0
    for path in paths:
        target = folder / path
        files = [target] if not target.is_dir() else [p for p in target.rglob("*") if p.is_file()]
        total += sum(p.stat().st_size for p in files if not p.is_symlink())
    return total


def _measure(
    make: Callable[[Path], list[str]], *options: str, runs: int = 0, subcommand: tuple[str, ...] = ("check",)
) -> tuple[float, float, int, int, int]:
    """(seconds, peak MB, exit code, input bytes, output bytes) of migcheck's `subcommand` (`check` unless
    told: `plan` with its format for the plan's rows) in a fresh process. The seconds are the process's
    wall time; with `runs`, the best CPU time of that many runs in the child after one that imports what
    the input needs."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = make(Path(tmp))
        size = _input_bytes(Path(tmp), paths)
        # The child reports its own peak: RUSAGE_CHILDREN would keep the largest of all cases so far.
        options = options or (("--format", "concise") if subcommand == ("check",) else ())
        # Timed in the child by its CPU time, which would not count worker processes: one process reads.
        jobs = ("--jobs", "1") if runs and subcommand == ("check",) else ()  # `plan` reads in one process
        check = [*subcommand, *options, *jobs, "--output-file", "out", *paths]
        command = (
            [sys.executable, "-c", _TIMED, str(runs), *check]
            if runs
            else [sys.executable, "-c", _CHILD, *check]
        )
        started = time.perf_counter()
        run = subprocess.run(command, cwd=tmp, capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - started
        last = run.stderr.strip().splitlines()[-1:] or ["no output"]
        try:
            code, peak_kb, *timed = last[0].split()
            seconds = float(timed[0]) if runs else elapsed
            peak = int(peak_kb) / 1024
        except (ValueError, IndexError):
            raise RuntimeError(f"migcheck {' '.join(check)} failed: {run.stderr.strip()[-500:]}") from None
        out = Path(tmp) / "out"
        written = out.stat().st_size if out.exists() else 0
        return seconds, peak, int(code), size, written


# The child's own peak, in KB: Linux's VmHWM belongs to the process's memory since it started; ru_maxrss
# would also count the parent's memory at the fork (vfork shares it until exec), so every case after a
# large one would show at least the parent's size.
_PEAK = """
def peak_kb():
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
"""

_CHILD = (
    _PEAK
    + """
import sys
from migcheck.cli import main
code = main(sys.argv[1:])
sys.stdout.flush()
print(code, peak_kb(), file=sys.stderr)
"""
)

# Run 0 imports what the input needs and fills the caches a lint keeps; the best of the others counts.
_TIMED = (
    _PEAK
    + """
import gc, sys, time
from migcheck.cli import main
runs, argv, best = int(sys.argv[1]), sys.argv[2:], float("inf")
for number in range(runs + 1):
    gc.collect()
    started = time.process_time()
    code = main(argv)
    if number:
        best = min(best, time.process_time() - started)
sys.stdout.flush()
print(code, peak_kb(), best, file=sys.stderr)
"""
)

FORMATS = ("text", "concise", "json", "report-json", "sarif", "github", "azure", "gitlab", "junit")


def _full_size(args: argparse.Namespace) -> None:
    cases = {
        "100 MB file (over the limit)": _big,
        "16 MB file (at the limit)": _at_limit,
        "element nested 10,000 deep": _deep,
        "10 MB single line": _long_line,
        f"{args.files:,} files in one folder": _many(args.files),
        "symlink loops": _loops,
        "backtracking glob in every setting, 10,000 files": _backtracking_globs(10_000),
        "10,000 files under 11 .gitignore of 1,000 lines": _gitignored(10_000),
        "baseline linked to /dev/zero (exit 2)": _baseline_device,
        "config nested 500,000 deep (exit 2)": _config_nested,
        "20,000 availability sets in one service": _availability_sets(20_000),
        "one hosted service of 20,000 deployments": _deployments(20_000),
        "20,000 suppression comments on one line, each silencing a finding": _comments_on_one_line(20_000),
        "a .gitignore of 33,000 patterns (just under its 1 MB limit)": _long_gitignore(33_000),
        "a PowerShell script of 60 lines, each doubling a string (2 KB)": _doubling_powershell(60),
        "a Python script doubling a 1 MB literal on each of 60 lines": _doubling_python(60, MB),
        "a 512 KB PowerShell script of script blocks nested 99 deep": _powershell_of(
            (b"{" * 99 + b"}" * 99 + b"\n") * 2700
        ),
        "a 512 KB PowerShell script of blocks nested 100,000 deep": _powershell_of(b"{" * 262_000),
        "a 512 KB PowerShell script of one assignment per line": _powershell_of(b"$a = 1\n" * 75_000),
        "a 230 KB PowerShell script passing a 1,023-item array to 4 parameters of 200 functions, 64 calls each": (
            _passed_array(200)
        ),
        "a 370 KB PowerShell script calling a function of 30,000 parameters 60,000 times": _many_parameters(
            30_000
        ),
        "a 450 KB Python script calling a helper of 200 parameters 30,000 times": _helper_of_many_parameters(
            200, 10_000
        ),
        "a 0.8 MB Eclipse package.xml: 64 targets depending on a chain of 10,000": _ant_targets_depending_on_a_chain(
            10_000
        ),
        "a 3.9 MB Eclipse package.xml: 64 targets depending on 100,000 properties of 4,000 characters": (
            _ant_properties_naming_a_long_one(100_000)
        ),
    }
    print("| case | time | peak memory | exit |\n| --- | --- | --- | --- |")
    for name, make in cases.items():
        if args.only in name:
            elapsed, peak, code, _, _ = _measure(make)
            print(f"| {name} | {elapsed:.2f} s | {peak:.0f} MB | {code} |", flush=True)


@dataclass(frozen=True)
class GrowthCase:
    """One adversarial dimension: `make(n)` writes an input of size n; `options` for `migcheck check`."""

    name: str
    make: Callable[[int], Callable[[Path], list[str]]]
    n: int
    options: tuple[str, ...] = ()
    command: tuple[str, ...] = ("check",)  # `plan` with its format, for the plan's cases


@dataclass(frozen=True)
class GrowthRow:
    """The lint's CPU time at n, 2n, 4n and 8n (`DOUBLINGS`), and how much it grew at each doubling:
    2.0x is linear, 4.0x quadratic."""

    name: str
    n: int
    times: tuple[float, ...]
    error: str = ""

    @property
    def factors(self) -> tuple[float, ...]:
        """The growth from each size to the next; none when a run failed or took no measurable time."""
        if self.error or len(self.times) < 2 or min(self.times) <= 0:
            return ()
        return tuple(large / small for small, large in itertools.pairwise(self.times))


# Each case runs at n and at 2, 4 and 8 times n: a quadratic path shows as a factor that stays near 4, and
# one that only starts to bite at a larger size shows as a factor that grows.
DOUBLINGS = 3

# Sizes where the lint takes about a tenth of a second at n: the whole table, up to 8n, in a few minutes.
GROWTH_CASES = (
    GrowthCase("reserved IPs in the readiness summary", _reserved_ips, 1_000, ("--format", "report-json")),
    GrowthCase("virtual networks x (local sites + DNS servers)", _networks, 400),
    GrowthCase("suppression filter (findings x suppressions)", _suppressed, 750),
    GrowthCase(
        "MIG207: DNS servers x networks", _defender, 200, ("--select", "MIG207", "--format", "concise")
    ),
    GrowthCase("a start tag's column on a one-line file", _one_line, 3_000),
    GrowthCase("n-th-sibling marks with distinct prefixes", _prefixed, 5_000),
    GrowthCase("marks past line 65,535 with distinct prefixes", _far_prefixed, 5_000),
    GrowthCase("namespace sniff of a non-classic .xml in a walk", _foreign_xml, 20_000),
    GrowthCase("xmlns: without values on a root tag past a long prolog", _prefixes_without_values, 250_000),
    GrowthCase("<! items in the prolog of an .xml in a walk", _prolog_declarations, 400_000),
    GrowthCase("attributes on one element", _attributes, 25_000),
    GrowthCase("files in one folder", _many, 750),
    GrowthCase("availability sets in one service (MIG102)", _availability_sets, 1_500),
    GrowthCase("bad prefixes in one file (MIG304, past the cap)", _dense, 1_000),
    GrowthCase("deployments of one hosted service (link)", _deployments, 1_000),
    GrowthCase("suppression comments on one line", _comments_on_one_line, 500),
    GrowthCase(
        "PowerShell: swaps of the service made last (its other slot)", _swaps_of_the_last_service, 300
    ),
    GrowthCase("classic CLI: vm start by name alone x services", _vms_started_by_name, 400),
    GrowthCase("Ant: 64 targets depending on a chain of targets", _ant_targets_depending_on_a_chain, 500),
    GrowthCase("Ant: properties naming one of 4,000 characters", _ant_properties_naming_a_long_one, 250),
    GrowthCase("Terraform: a chain of nested module folders", _nested_terraform_modules, 15),
    GrowthCase("PowerShell: `--` arguments of one command", _ends_of_parameters, 10_000),
    GrowthCase("shell: nests of 10 loops of 3 counted turns", _nested_counted_loops, 25),
    GrowthCase(
        "subscriptions: projects deployed from another folder", _projects_deployed_from_another_folder, 100
    ),
    *(
        GrowthCase(
            f"plan --format {fmt}: networks after one circuit",
            _networks_of_one_circuit,
            1_000,
            command=("plan", "--format", fmt),
        )
        for fmt in ("text", "markdown", "html", "json")
    ),
    GrowthCase(
        "plan: storage accounts after the VMs of their disks", _disks_in_accounts, 500, command=("plan",)
    ),
    GrowthCase(
        "storage accounts no disk is in x steps that move VMs",
        _accounts_waiting_on_every_vm,
        400,
        ("--format", "json"),
    ),
    # Not the JSON plan: its `after` lists every id each account comes after, accounts times steps of VMs.
    *(
        GrowthCase(
            f"plan --format {fmt}: storage accounts no disk is in x steps that move VMs",
            _accounts_waiting_on_every_vm,
            400,
            command=("plan", "--format", fmt),
        )
        for fmt in ("text", "markdown", "html")
    ),
)


def growth_rows(scale: float = 1.0, only: str = "", runs: int = 3) -> Iterator[GrowthRow]:
    """Each case of GROWTH_CASES whose name holds `only`, measured at n (times `scale`) and at each
    doubling of it."""
    for case in GROWTH_CASES:
        if only not in case.name:
            continue
        n = max(2, round(case.n * scale))
        try:
            times = tuple(
                _measure(case.make(n << k), *case.options, runs=runs, subcommand=case.command)[0]
                for k in range(DOUBLINGS + 1)
            )
        except (OSError, RuntimeError) as exc:
            yield GrowthRow(case.name, n, (), str(exc))
            continue
        yield GrowthRow(case.name, n, times)


_SIZES = ("n", *(f"{1 << k}n" for k in range(1, DOUBLINGS + 1)))


def growth_table(rows: Iterable[GrowthRow]) -> Iterator[str]:
    """The growth table in markdown, a line at a time (so each row shows as soon as it is measured)."""
    yield "| dimension | n | " + " | ".join(f"time at {size}" for size in _SIZES) + " | growth per doubling |"
    yield "| --- | --- | " + " | ".join("---" for _ in _SIZES) + " | --- |"
    for row in rows:
        if row.error:
            yield f"| {row.name} | {row.n:,} | error: {row.error} |" + " |" * len(_SIZES)
            continue
        times = " | ".join(f"{seconds:.3f} s" for seconds in row.times)
        factors = ", ".join(f"{factor:.2f}x" for factor in row.factors) or "n/a"
        yield f"| {row.name} | {row.n:,} | {times} | {factors} |"


def _growth(args: argparse.Namespace) -> None:
    """CPU time of the run (a lint, or a plan) at n, 2n, 4n and 8n: linear work doubles (2.0x), quadratic work quadruples."""
    for line in growth_table(growth_rows(args.scale, args.only)):
        print(line, flush=True)


def _memory(args: argparse.Namespace) -> None:
    """Peak memory per format on a dense file and on many files under the cap, against the input size and
    against the same run with no report (`--statistics`)."""
    inputs = {
        "one 6 MB file of 80,000 bad prefixes": _dense(80_000),
        "200 files of 90 bad prefixes (18,000 findings)": _dense(90, files=200),
    }
    print("| input | format | peak memory | over --statistics | output |\n| --- | --- | --- | --- | --- |")
    for label, make in inputs.items():
        if args.only not in label:
            continue
        _, base, _, size, _ = _measure(make, "--statistics")
        print(f"| {label} ({size / MB:.1f} MB) | --statistics | {base:.0f} MB | | |", flush=True)
        for name in FORMATS:
            _, peak, _, size, written = _measure(make, "--format", name)
            extra = (peak - base) * MB / size
            print(
                f"| | {name} | {peak:.0f} MB | {peak - base:+.0f} MB ({extra:.1f}x input) | {written / MB:.1f} MB |",
                flush=True,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--only", default="", help="run the cases whose name contains this")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply each growth case's n by this")
    parser.add_argument(
        "--part", choices=("full-size", "growth", "memory", "all"), default="all", help="which table to print"
    )
    args = parser.parse_args()
    for part, run in (("full-size", _full_size), ("growth", _growth), ("memory", _memory)):
        if args.part in (part, "all"):
            print(f"\n### {part}\n", flush=True)
            run(args)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
