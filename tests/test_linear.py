"""Cost stays linear in the size of one file on inputs built to find quadratic paths: a linter runs on
untrusted pull requests, so no input under the size cap may take more than seconds."""

from __future__ import annotations

import itertools
import json

from growth import assert_linear

from migcheck.model import Role
from migcheck.readers import read_document
from migcheck.source import SourceText


def _locate_every_role(data: bytes):
    def work():
        document = read_document("ServiceDefinition.csdef", data, explicit=True)
        assert document is not None and document.problem is None
        source = SourceText(document.text)
        roles = [r for d in document.resources for r in getattr(d, "roles", ()) if isinstance(r, Role)]
        assert roles
        for role in roles:
            source.locate(role.mark)

    return work


def test_columns_on_a_file_written_on_one_line():
    def make(n: int):
        roles = "".join(f'<WorkerRole name="r{i}" vmsize="Small"/>' for i in range(n))
        return _locate_every_role(f'<ServiceDefinition name="s">{roles}</ServiceDefinition>'.encode())

    assert_linear(make, 2000)


def test_columns_on_one_line_with_a_comment_holding_a_tag_before_every_element():
    def make(n: int):
        roles = "".join(f'<!-- <WorkerRole> --><WorkerRole name="r{i}"/>' for i in range(n))
        return _locate_every_role(f'<ServiceDefinition name="s">{roles}</ServiceDefinition>'.encode())

    assert_linear(make, 2000)


def test_marks_of_elements_written_with_many_prefixes():
    namespace = "http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition"

    def make(n: int):
        roles = "".join(f'<p{i}:WorkerRole xmlns:p{i}="{namespace}" name="r{i}"/>' for i in range(n))
        return _locate_every_role(f'<ServiceDefinition name="s">{roles}</ServiceDefinition>'.encode())

    assert_linear(make, 2000)


def test_the_suppression_filter_on_many_findings_and_comments(tmp_path, monkeypatch, capsys):
    from migcheck.cli import main

    monkeypatch.chdir(tmp_path)

    def make(n: int):
        folder = tmp_path / f"n{n}"
        folder.mkdir(exist_ok=True)
        controls = "".join(
            f'<!-- migcheck: ignore[MIG201] known -->\n<AccessControl name="ac{i}">'
            f'<Rule action="permit" order="1" remoteSubnet="10.0.0.0/8" description="d"/></AccessControl>\n'
            for i in range(n)
        )
        acls = "".join(f'<EndpointAcl role="r" endPoint="e{i}" accessControl="ac{i}"/>\n' for i in range(n))
        (folder / "ServiceConfiguration.Cloud.cscfg").write_text(
            f'<ServiceConfiguration serviceName="s">\n<Role name="r"><Instances count="1"/></Role>\n'
            f"<NetworkConfiguration><AccessControls>\n{controls}</AccessControls><EndpointAcls>\n{acls}"
            "</EndpointAcls></NetworkConfiguration></ServiceConfiguration>\n"
        )

        def work():
            main(["check", folder.name, "--format", "json", "--exit-zero"])
            capsys.readouterr()

        return work

    assert_linear(make, 500)


def test_end_positions_and_fix_edits_on_a_file_written_on_one_line():
    """Every finding's end and fix edit on one line: each scan covers its own element only."""
    from migcheck.fixes import apply_edits
    from migcheck.model import AddressPrefix, Edit, Fix, Part

    def make(n: int):
        subnets = "".join(
            f'<Subnet name="s{i}"><AddressPrefix>10.{i % 250}.0.00/24</AddressPrefix></Subnet>'
            for i in range(n)
        )
        text = (
            '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">'
            '<VirtualNetworkConfiguration><VirtualNetworkSites><VirtualNetworkSite name="v" Location="x">'
            f"<Subnets>{subnets}</Subnets></VirtualNetworkSite></VirtualNetworkSites>"
            "</VirtualNetworkConfiguration></NetworkConfiguration>"
        )
        document = read_document("NetworkConfig.netcfg", text.encode(), explicit=True)
        assert document is not None and document.problem is None
        marks = [obj.mark for obj in _walk(document.resources) if isinstance(obj, AddressPrefix)]
        assert len(marks) == n

        def work():
            source = SourceText(document.text)
            edits = []
            for mark in marks:
                assert source.locate(mark).end_line == 1
                fix = source.resolve(Fix("strict", (Edit(mark, Part.TEXT, "10.0.0.0/24"),)))
                assert fix is not None
                edits.extend(fix.edits)
            assert "00/24" not in apply_edits(document.text, edits)

        return work

    assert_linear(make, 2000)


def _walk(objects):
    for obj in objects:
        yield obj
        if isinstance(obj, tuple):
            yield from _walk(obj)
        elif hasattr(obj, "__dataclass_fields__"):
            yield from _walk(tuple(getattr(obj, name) for name in obj.__dataclass_fields__))


def _defender_estate(tmp_path, n: int):
    """`n` networks, each with an ExpressRoute gateway, its own local site and DNS servers, and one hosted
    service with a deployment in each network whose VM carries Defender for Cloud's extension: the shape
    of the benchmark's growth case (benchmarks/hostile.py)."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import hostile

    folder = tmp_path / f"n{n}"
    folder.mkdir(exist_ok=True)
    return folder, hostile._defender(n)(folder)


def test_mig207_over_dns_servers_and_local_sites(tmp_path, monkeypatch, capsys):
    """Each VM's DNS servers are looked up in the local sites and networks once indexed, not scanned: `n`
    local sites, and `n` deployments in a network behind ExpressRoute, each with a DNS server of its own."""
    from migcheck.cli import main

    monitoring = (
        "<ResourceExtensionReference><Publisher>Microsoft.Azure.Security.Monitoring</Publisher>"
        "<Name>AzureSecurityWindowsAgent</Name><Version>1.*</Version></ResourceExtensionReference>"
    )

    def make(n: int):
        folder = tmp_path / f"n{n}"
        folder.mkdir(exist_ok=True)
        sites = "".join(
            f'<LocalNetworkSite name="site{i}"><AddressSpace><AddressPrefix>11.{i // 250}.{i % 250}.0/24'
            "</AddressPrefix></AddressSpace></LocalNetworkSite>\n"
            for i in range(n)
        )
        (folder / "NetworkConfig.netcfg").write_text(
            "<NetworkConfiguration><VirtualNetworkConfiguration>\n"
            f"<LocalNetworkSites>\n{sites}</LocalNetworkSites><VirtualNetworkSites>"
            '<VirtualNetworkSite name="er" Location="West Europe"><AddressSpace><AddressPrefix>10.0.0.0/16'
            '</AddressPrefix></AddressSpace><Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="site0">'
            '<Connection type="Dedicated"/></LocalNetworkSiteRef></ConnectionsToLocalNetwork></Gateway>'
            "</VirtualNetworkSite></VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>\n"
        )
        deployments = "".join(
            f"<Deployment><Name>d{i}</Name><RoleList><Role><RoleName>vm{i}</RoleName>"
            f"<RoleType>PersistentVMRole</RoleType><ResourceExtensionReferences>{monitoring}"
            "</ResourceExtensionReferences></Role></RoleList><VirtualNetworkName>er</VirtualNetworkName>"
            f"<Dns><DnsServers><DnsServer><Name>dns{i}</Name><Address>12.0.{i // 250}.{i % 250}</Address>"
            "</DnsServer></DnsServers></Dns></Deployment>\n"
            for i in range(n)
        )
        (folder / "vms.xml").write_text(
            '<HostedService xmlns="http://schemas.microsoft.com/windowsazure"><ServiceName>vms</ServiceName>'
            f"<Deployments>\n{deployments}</Deployments></HostedService>\n"
        )
        monkeypatch.chdir(folder)

        def work():
            main(["check", ".", "--select", "MIG207", "--format", "concise", "--exit-zero"])
            capsys.readouterr()

        return work

    assert_linear(make, 1000)


def test_the_readiness_summary_of_a_service_deployed_in_many_networks(tmp_path, monkeypatch, capsys):
    """Each network's item holds the service's deployments in that network only, not the service whole."""
    from migcheck.cli import main

    def make(n: int):
        folder, paths = _defender_estate(tmp_path, n)
        monkeypatch.chdir(folder)

        def work():
            main(["check", *paths, "--format", "report-json", "--exit-zero"])
            capsys.readouterr()

        return work

    assert_linear(make, 150)


# --- joining the descriptions of one cloud service -------------------------------------------------------
# A service gathers deployments, VM files and export records one at a time: each must cost the same however
# many the service already holds.

REST = "http://schemas.microsoft.com/windowsazure"


def _vm_role(name: str) -> str:
    return f"<Role><RoleName>{name}</RoleName><RoleType>PersistentVMRole</RoleType></Role>"


def _hosted_service(deployments: str) -> bytes:
    return (
        f'<HostedService xmlns="{REST}"><ServiceName>svc</ServiceName>'
        f"<Deployments>{deployments}</Deployments></HostedService>"
    ).encode()


def _link_of(files: dict[str, bytes]):
    from migcheck.estate import link

    documents = [read_document(path, data, explicit=True) for path, data in files.items()]
    assert all(d is not None and d.problem is None for d in documents), documents

    def work():
        (estate,) = link(documents)
        return estate

    return work


def test_a_hosted_service_of_many_deployments():
    def make(n: int):
        deployments = "".join(
            f"<Deployment><Name>d{i}</Name><RoleList>{_vm_role(f'vm{i}')}</RoleList></Deployment>"
            for i in range(n)
        )
        work = _link_of({"svc.xml": _hosted_service(deployments)})
        assert len(work().cloud_services[0].placements) == n
        return work

    assert_linear(make, 1000)


def test_one_deployment_described_by_many_files():
    def make(n: int):
        files = {
            f"d/vm{i}.xml": _hosted_service(
                f"<Deployment><Name>prod</Name><RoleList>{_vm_role(f'vm{i}')}</RoleList></Deployment>"
            )
            for i in range(n)
        }
        work = _link_of(files)
        (placement,) = work().cloud_services[0].placements
        assert len(placement.vms) == n
        return work

    assert_linear(make, 500)


def test_many_scripts_each_changing_one_vm_another_creates():
    """Each change of an existing VM applies after its creation; one that adds an endpoint and an extension
    costs what it adds, not what the VM holds by then."""
    create = (
        'New-AzureVMConfig -Name "web01" -InstanceSize Small -ImageName "img" | '
        'New-AzureVM -ServiceName "shop" -Location "l"\n'
    )

    def make(n: int):
        files = {"create.ps1": create.encode()}
        for k in range(n):
            files[f"u{k:05d}.ps1"] = (
                f'Get-AzureVM -ServiceName "shop" -Name "web01" | Set-AzureVMExtension E{k} Pub{k} 1.0 | '
                f"Add-AzureEndpoint -Name e{k} -Protocol tcp -LocalPort {k + 2} -PublicPort {k + 2} | Update-AzureVM\n"
            ).encode()
        work = _link_of(files)
        [vm] = work().cloud_services[0].vms
        assert (len(vm.endpoints), len(vm.extensions)) == (n, n)
        return work

    assert_linear(make, 1000)


def test_many_vm_files_joining_one_deployment():
    def make(n: int):
        roles = "".join(_vm_role(f"vm{i}") for i in range(n))
        files = {
            "svc.xml": _hosted_service(
                f"<Deployment><Name>prod</Name><RoleList>{roles}</RoleList></Deployment>"
            )
        }
        for i in range(n):
            files[f"vms/vm{i}.xml"] = (
                f"<PersistentVM><RoleName>vm{i}</RoleName><RoleType>PersistentVMRole</RoleType>"
                "<RoleSize>Small</RoleSize></PersistentVM>"
            ).encode()
        work = _link_of(files)
        (service,) = work().cloud_services
        (placement,) = service.placements
        assert len(placement.vms) == n and all(len(vm.described_at) == 2 for vm in placement.vms)
        return work

    assert_linear(make, 500)


def _export(rows: list[dict]) -> bytes:
    import json

    return json.dumps({"count": len(rows), "data": rows, "skip_token": None}).encode()


def _classic_vm(name: str, service: str, deployment: str) -> dict:
    subscription = "3f1d2c4b-8a7e-4c1d-9b2a-5e6f7a8b9c0d"
    return {
        "id": f"/subscriptions/{subscription}/resourceGroups/{service}/providers/"
        f"Microsoft.ClassicCompute/virtualMachines/{name}",
        "name": name,
        "type": "microsoft.classiccompute/virtualmachines",
        "subscriptionId": subscription,
        "properties": {
            "domainName": {"name": service},
            "hardwareProfile": {"deploymentName": deployment, "size": "Small"},
            "instanceView": {"status": "ReadyRole"},
        },
    }


def test_an_export_of_many_vms_of_one_service_the_files_describe():
    def make(n: int):
        roles = "".join(_vm_role(f"vm{i}") for i in range(n))
        files = {
            "svc.xml": _hosted_service(
                f"<Deployment><Name>prod</Name><RoleList>{roles}</RoleList></Deployment>"
            ),
            "inventory.json": _export([_classic_vm(f"vm{i}", "svc", "prod") for i in range(n)]),
        }
        work = _link_of(files)
        (service,) = work().cloud_services
        (placement,) = service.placements
        assert len(placement.instances) == n
        assert all(vm.size == "Small" for vm in placement.vms)
        return work

    assert_linear(make, 500)


def test_an_export_of_many_deployments_only_it_knows():
    def make(n: int):
        files = {"inventory.json": _export([_classic_vm(f"vm{i}", "svc", f"d{i}") for i in range(n)])}
        work = _link_of(files)
        (service,) = work().cloud_services
        assert len(service.placements) == n
        return work

    assert_linear(make, 1000)


# --- rules, the plan and fixes over one large group --------------------------------------------------------

NETCFG = "http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration"
ONE_NETWORK = (
    f'<NetworkConfiguration xmlns="{NETCFG}"><VirtualNetworkConfiguration><VirtualNetworkSites>'
    '<VirtualNetworkSite name="v" Location="West Europe"><AddressSpace><AddressPrefix>10.0.0.0/8'
    "</AddressPrefix></AddressSpace></VirtualNetworkSite></VirtualNetworkSites>"
    "</VirtualNetworkConfiguration></NetworkConfiguration>"
).encode()


def _rule_over(files: dict[str, bytes], code: str):
    from migcheck.plugins import load_rules

    (rule,) = [r for r in load_rules(entry_points=False) if r.code == code]
    link_of = _link_of(files)

    def work():
        return list(rule.check(link_of()))

    return work


def test_mig104_over_many_services_in_one_network():
    """Every member of a network asked for the names of all the others, roles or not."""

    def make(n: int):
        files = {"NetworkConfig.netcfg": ONE_NETWORK}
        for i in range(n):
            files[f"s{i}.xml"] = (
                f'<HostedService xmlns="{REST}"><ServiceName>s{i}</ServiceName><Deployments><Deployment>'
                f"<Name>d</Name><RoleList>{_vm_role(f'vm{i}')}</RoleList>"
                "<VirtualNetworkName>v</VirtualNetworkName></Deployment></Deployments></HostedService>"
            ).encode()
        files["web/ServiceDefinition.csdef"] = (
            b'<ServiceDefinition name="web"><WebRole name="w"/></ServiceDefinition>'
        )
        files["web/ServiceConfiguration.Cloud.cscfg"] = (
            b'<ServiceConfiguration serviceName="web"><Role name="w"><Instances count="2"/></Role>'
            b'<NetworkConfiguration><VirtualNetworkSite name="v"/></NetworkConfiguration></ServiceConfiguration>'
        )
        work = _rule_over(files, "MIG104")
        (finding,) = work()
        assert f"and {n - 5} more" in finding.message
        return work

    assert_linear(make, 500)


def test_endpoint_acls_of_one_role_with_many_endpoints():
    def make(n: int):
        endpoints = "".join(
            f'<InputEndpoint name="e{i}" protocol="tcp" port="{1000 + i}"/>' for i in range(n)
        )
        controls = "".join(
            f'<AccessControl name="ac{i}"><Rule action="permit" order="100" remoteSubnet="10.0.0.0/8" '
            'description="d"/></AccessControl>'
            for i in range(n)
        )
        acls = "".join(f'<EndpointAcl role="r" endPoint="e{i}" accessControl="ac{i}"/>' for i in range(n))
        work = _link_of(
            {
                "s/ServiceDefinition.csdef": (
                    f'<ServiceDefinition name="s"><WebRole name="r"><Endpoints>{endpoints}</Endpoints>'
                    "</WebRole></ServiceDefinition>"
                ).encode(),
                "s/ServiceConfiguration.Cloud.cscfg": (
                    f'<ServiceConfiguration serviceName="s"><Role name="r"><Instances count="2"/></Role>'
                    f"<NetworkConfiguration><AccessControls>{controls}</AccessControls>"
                    f"<EndpointAcls>{acls}</EndpointAcls></NetworkConfiguration></ServiceConfiguration>"
                ).encode(),
            }
        )
        assert not work().dangling
        return work

    assert_linear(make, 1000)


def test_one_blob_listed_many_times():
    def make(n: int):
        disk = "<Disk><MediaLink>https://acct.blob.core.windows.net/vhds/same.vhd</MediaLink><Name>d</Name></Disk>"
        work = _link_of({"disks.xml": f'<Disks xmlns="{REST}">{disk * n}</Disks>'.encode()})
        (merged,) = work().disks
        assert len(merged.described_at) == n
        return work

    assert_linear(make, 4000)


def test_network_configurations_in_a_chain_of_nested_folders(tmp_path, monkeypatch):
    """A network configuration in each of n nested folders: the paths alone are quadratic in n, and a
    walk from each folder up to the root, each step copying a path as long, would be cubic. The cost may
    grow with the length of the paths, not faster."""
    from growth import assert_costs_at_most

    from migcheck.subscriptions import split_subscriptions

    monkeypatch.chdir(tmp_path)

    def make(n: int):
        paths = ["/".join(["a"] * depth) + "/NetworkConfig.netcfg" for depth in range(1, n + 1)]
        documents = tuple(read_document(path, ONE_NETWORK, explicit=True) for path in paths)

        def work():
            assert len(split_subscriptions(documents, {})) == n

        return work, sum(map(len, paths))

    small, small_size = make(150)
    large, large_size = make(600)
    assert_costs_at_most(large, 1.5 * (large_size / small_size), small)


def test_network_configurations_in_many_deep_folders(tmp_path, monkeypatch):
    """Each folder asked, at every level above it, whether any other network configuration is below."""
    from migcheck.subscriptions import split_subscriptions

    monkeypatch.chdir(tmp_path)

    def make(n: int):
        files = {f"f{i}/a/b/c/d/e/NetworkConfig.netcfg": ONE_NETWORK for i in range(n)}
        documents = tuple(read_document(path, data, explicit=True) for path, data in files.items())

        def work():
            assert len(split_subscriptions(documents, {})) == n

        return work

    assert_linear(make, 800)


def _lint_in(folder, monkeypatch, *options: str):
    from migcheck.config import Config
    from migcheck.engine import lint
    from migcheck.plugins import load_rules

    monkeypatch.chdir(folder)
    config = Config().with_overrides(select=options)
    return lint(["."], config, load_rules(entry_points=False))


def test_the_plan_of_many_networks_on_expressroute(tmp_path, monkeypatch):
    """Every network was looked for among the users of every circuit, comparing whole networks."""
    from migcheck.plan import build_plan

    def make(n: int):
        sites = "".join(
            f'<LocalNetworkSite name="er{i}"><AddressSpace><AddressPrefix>192.168.{i % 250}.0/24'
            "</AddressPrefix></AddressSpace></LocalNetworkSite>"
            for i in range(n)
        )
        networks = "".join(
            f'<VirtualNetworkSite name="v{i}" Location="West Europe"><AddressSpace><AddressPrefix>'
            f"10.{i // 250}.{i % 250}.0/24</AddressPrefix></AddressSpace><Gateway><ConnectionsToLocalNetwork>"
            f'<LocalNetworkSiteRef name="er{i}"><Connection type="Dedicated"/></LocalNetworkSiteRef>'
            "</ConnectionsToLocalNetwork></Gateway></VirtualNetworkSite>"
            for i in range(n)
        )
        folder = tmp_path / f"n{n}"
        folder.mkdir()
        (folder / "NetworkConfig.netcfg").write_text(
            f'<NetworkConfiguration xmlns="{NETCFG}"><VirtualNetworkConfiguration><LocalNetworkSites>{sites}'
            f"</LocalNetworkSites><VirtualNetworkSites>{networks}</VirtualNetworkSites>"
            "</VirtualNetworkConfiguration></NetworkConfiguration>"
        )
        result = _lint_in(folder, monkeypatch)

        def work():
            (plan,) = build_plan(result).subscriptions
            assert sum(1 for step in plan.steps if step.after) == n

        return work

    assert_linear(make, 500)


def test_fixes_of_many_findings_in_one_file(tmp_path, monkeypatch):
    """Each fix was checked against every edit taken before it."""
    from migcheck.fixes import _non_overlapping, _placed

    def make(n: int):
        subnets = "".join(
            f'<Subnet name="s{i}"><AddressPrefix>10.{i // 250 % 250}.{i % 250}.00/24</AddressPrefix></Subnet>\n'
            for i in range(n)
        )
        folder = tmp_path / f"n{n}"
        folder.mkdir()
        (folder / "NetworkConfig.netcfg").write_text(
            f'<NetworkConfiguration xmlns="{NETCFG}"><VirtualNetworkConfiguration><VirtualNetworkSites>\n'
            '<VirtualNetworkSite name="v" Location="West Europe"><AddressSpace><AddressPrefix>10.0.0.0/8'
            f"</AddressPrefix></AddressSpace><Subnets>\n{subnets}</Subnets></VirtualNetworkSite>\n"
            "</VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>\n"
        )
        placed = [f for f in _placed(_lint_in(folder, monkeypatch, "MIG304")) if f.autofix is not None]
        assert len(placed) == n

        def work():
            fixed, edits = _non_overlapping(placed)
            assert len(fixed) == n == len(edits)

        return work

    assert_linear(make, 2000)


def test_a_list_in_a_message_told_its_size_takes_only_what_it_shows():
    from migcheck.rule import SHOWN_MEMBERS, listed

    taken = []

    def names():
        for i in range(10_000):
            taken.append(i)
            yield f"n{i}"

    assert listed(names(), total=10_000).endswith(f"and {10_000 - SHOWN_MEMBERS} more")
    assert len(taken) <= SHOWN_MEMBERS + 1
    assert listed(f"n{i}" for i in range(10)) == listed((f"n{i}" for i in range(10)), total=10)


def test_many_configured_subscriptions_over_many_files(tmp_path, monkeypatch):
    """Every file was matched against every subscription's patterns, a thousand at a time (one RE2 set each):
    files x patterns / 1,000 matches. Four subscriptions a file, from 4,000 files, so that those matches
    outweigh the work linear in the patterns (3.5x per doubling then)."""
    from migcheck.subscriptions import split_subscriptions

    monkeypatch.chdir(tmp_path)

    def make(n: int):
        documents = tuple(
            read_document(f"f{i}/s.cscfg", b'<ServiceConfiguration serviceName="s"/>', explicit=True)
            for i in range(n)
        )
        configured = {f"sub{i}": (f"nothing{i}/**",) for i in range(4 * n)}
        configured["last"] = ("*.cscfg",)

        def work():
            ((name, found),) = split_subscriptions(documents, configured)
            assert name == "last" and len(found) == n

        return work

    assert_linear(make, 4_000)


def test_many_subscriptions_each_a_folder_of_one_shared_folder_over_their_files(tmp_path, monkeypatch):
    """As `infra/prod/**` and `infra/dev/**`, with `infra/**` for the rest: every file was matched against
    the patterns of every subscription in the shared folder, a thousand at a time."""
    from migcheck.subscriptions import split_subscriptions

    monkeypatch.chdir(tmp_path)

    def make(n: int):
        documents = tuple(  # every other file in a team's folder, the others in none
            read_document(
                f"infra/{('team', 'old')[i % 2]}{4 * i}/s.cscfg", b"<ServiceConfiguration/>", explicit=True
            )
            for i in range(n)
        )
        configured = {f"team{i}": (f"infra/team{i}/**",) for i in range(4 * n)}
        configured["shared"] = ("infra/**",)

        def work():
            split = split_subscriptions(documents, configured)
            assert len(split) == n // 2 + 1 and split[-1] == ("shared", documents[1::2])

        return work

    assert_linear(make, 4_000)


def test_patterns_that_each_match_a_file_behind_a_later_one():
    """Telling which patterns match no file, each pattern found to match was dropped and all the others
    compiled again: patterns x patterns compilations (1,600 took 16 s). Fresh names each run, so that no
    run reuses what another compiled."""
    from migcheck.discover import unmatched_patterns

    runs = itertools.count()

    def make(n: int):
        def work():
            run = next(runs)
            matched = [f"a{run}.{i}/**" for i in range(n)]
            unmatched = [f"gone{run}.{i}/**" for i in range(n)]
            globs = [
                *matched,
                "*.cscfg",
                "*.cscfg",
                *unmatched,
            ]  # each file matched by two, one written twice
            assert unmatched_patterns(globs, [f"a{run}.{i}/x.cscfg" for i in range(n)]) == unmatched

        return work

    assert_linear(make, 100)


def test_mig305_over_many_networks_connected_to_one_site_of_many_prefixes():
    """Each network's transit question looked up every prefix of the site they share."""

    def make(n: int):
        prefixes = "".join(f"<AddressPrefix>172.16.{i // 256}.{i % 256}/32</AddressPrefix>" for i in range(n))
        vnets = "".join(
            f'<VirtualNetworkSite name="v{i}" Location="West Europe"><AddressSpace>'
            f"<AddressPrefix>10.{i // 256}.{i % 256}.0/24</AddressPrefix></AddressSpace><Gateway>"
            '<ConnectionsToLocalNetwork><LocalNetworkSiteRef name="s"/></ConnectionsToLocalNetwork></Gateway>'
            "</VirtualNetworkSite>"
            for i in range(n)
        )
        netcfg = (
            "<NetworkConfiguration><VirtualNetworkConfiguration><LocalNetworkSites>"
            f'<LocalNetworkSite name="s"><AddressSpace>{prefixes}</AddressSpace></LocalNetworkSite>'
            f"</LocalNetworkSites><VirtualNetworkSites>{vnets}</VirtualNetworkSites>"
            "</VirtualNetworkConfiguration></NetworkConfiguration>"
        )
        return _rule_over({"NetworkConfig.netcfg": netcfg.encode()}, "MIG305")

    assert_linear(make, 800)


def test_mig305_over_a_hub_of_many_offices_and_many_sites_for_another_hub():
    """A network of many offices of its own, and as many sites each holding another hub's range: each
    site's question counted the network's offices the site holds by walking every office."""

    def site(name: str, *prefixes: str) -> str:
        space = "".join(f"<AddressPrefix>{p}</AddressPrefix>" for p in prefixes)
        return f'<LocalNetworkSite name="{name}"><AddressSpace>{space}</AddressSpace></LocalNetworkSite>'

    def network(name: str, prefix: str, sites: list[str]) -> str:
        refs = "".join(f'<LocalNetworkSiteRef name="{s}"/>' for s in sites)
        return (
            f'<VirtualNetworkSite name="{name}" Location="West Europe"><AddressSpace><AddressPrefix>{prefix}'
            f"</AddressPrefix></AddressSpace><Gateway><ConnectionsToLocalNetwork>{refs}"
            "</ConnectionsToLocalNetwork></Gateway></VirtualNetworkSite>"
        )

    def make(n: int):
        offices = [f"o{i}" for i in range(n)]
        via_hub = [f"h{i}" for i in range(n)]
        sites = (
            site("hq", "203.0.113.0/24")
            + "".join(site(o, f"192.168.{i // 256}.{i % 256}/32") for i, o in enumerate(offices))
            + "".join(
                site(h, "10.1.0.0/16", f"172.16.{i // 256}.{i % 256}/32") for i, h in enumerate(via_hub)
            )
        )
        netcfg = (
            f"<NetworkConfiguration><VirtualNetworkConfiguration><LocalNetworkSites>{sites}</LocalNetworkSites>"
            f"<VirtualNetworkSites>{network('hub', '10.1.0.0/16', ['hq'])}"
            f"{network('big', '10.2.0.0/16', offices + via_hub)}</VirtualNetworkSites>"
            "</VirtualNetworkConfiguration></NetworkConfiguration>"
        )
        return _rule_over({"NetworkConfig.netcfg": netcfg.encode()}, "MIG305")

    assert_linear(make, 800)


def test_the_plan_of_many_services_with_certificates_and_regions(tmp_path, monkeypatch):
    """Every service's step searched every certificate and every region the files state for its own
    (services x certificates, services x regions): now each is indexed by service once. Ten certificates
    per service make a search of them all per step weigh against the rest of the plan's work: with one
    each, a certificate index rebuilt for every step grew only 2.4x from 400 services to 800 (and 3.9x
    with ten); a region index rebuilt for every step grows 3.5x, the plan as it is 2x."""
    from migcheck.plan import build_plan

    def make(n: int):
        folder = tmp_path / f"n{n}"
        folder.mkdir()
        for i in range(n):  # a script each: one script holds a bounded number of calls
            certificates = "".join(
                f'Add-AzureCertificate -ServiceName "svc{i}" -CertToDeploy "c{i}-{c}.pfx"\n'
                for c in range(10)
            )
            (folder / f"deploy{i}.ps1").write_text(
                certificates
                + f'New-AzureQuickVM -Windows -ServiceName "svc{i}" -Name "vm{i}" -ImageName "img" -Password "p" '
                '-AdminUsername "a" -Location "West Europe"\n'
            )
        result = _lint_in(folder, monkeypatch)

        def work():
            (plan,) = build_plan(result).subscriptions
            assert sum(1 for step in plan.steps for note in step.notes if "key vault" in note) == n

        return work

    assert_linear(make, 400)


def test_a_security_groups_rules_are_weighed_in_time_linear_in_their_number():
    # An Allow that surely lets HTTPS out comes first; every Deny after it is passed over: each was once
    # weighed against every other rule.
    from migcheck.model import Mark, SecurityRule
    from migcheck.rules.reach import Outbound, outbound_internet

    def make(n: int):
        allow = SecurityRule("g", "allow", Mark("g.xml", 1), "Outbound", "100", "Allow")
        denies = [
            SecurityRule("g", f"d{i}", Mark("g.xml", i + 2), "Outbound", str(101 + i), "Deny")
            for i in range(n)
        ]
        rules = [allow, *denies]

        def work():
            assert outbound_internet(rules) == (Outbound.ALLOWED, None)

        return work

    assert_linear(make, 2000)


def test_mig301_over_many_networks_and_an_export_of_as_many_circuit_links():
    """Each network looked through every link of the export, and through it again for each description."""

    def make(n: int):
        vnets = "".join(
            f'<VirtualNetworkSite name="v{i}" Location="West Europe"><AddressSpace>'
            f"<AddressPrefix>10.{i // 256}.{i % 256}.0/24</AddressPrefix></AddressSpace></VirtualNetworkSite>"
            for i in range(n)
        )
        netcfg = f"<NetworkConfiguration><VirtualNetworkConfiguration><VirtualNetworkSites>{vnets}"
        netcfg += "</VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>"
        links = json.dumps([{"State": "Provisioned", "VnetName": f"v{i}"} for i in range(n)])
        files = {"NetworkConfig.netcfg": netcfg.encode(), "Network-B.netcfg": netcfg.encode()}
        work = _rule_over({**files, "links.json": links.encode()}, "MIG301")
        assert work() == []
        return work

    assert_linear(make, 400)


def test_mig210_over_many_expressroute_networks_using_dns_through_one_vnet_to_vnet_site():
    """Each network on ExpressRoute whose DNS server is in the network its VNet-to-VNet site stands for asked
    which of its VPN sites holds the server, and whether the server's network is on the circuit too."""

    def make(n: int):
        vnets = "".join(
            f'<VirtualNetworkSite name="v{i}" Location="West Europe"><AddressSpace>'
            f"<AddressPrefix>10.{i // 256}.{i % 256}.0/24</AddressPrefix></AddressSpace>"
            '<DnsServersRef><DnsServerRef name="dc"/></DnsServersRef><Gateway><ConnectionsToLocalNetwork>'
            '<LocalNetworkSiteRef name="er"><Connection type="Dedicated"/></LocalNetworkSiteRef>'
            '<LocalNetworkSiteRef name="peer"><Connection type="IPsec"/></LocalNetworkSiteRef>'
            "</ConnectionsToLocalNetwork></Gateway></VirtualNetworkSite>"
            for i in range(n)
        )
        netcfg = (
            '<NetworkConfiguration><VirtualNetworkConfiguration><Dns><DnsServers><DnsServer name="dc" '
            'IPAddress="172.20.0.4"/></DnsServers></Dns><LocalNetworkSites>'
            '<LocalNetworkSite name="er"><AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix>'
            '</AddressSpace></LocalNetworkSite><LocalNetworkSite name="peer"><AddressSpace>'
            "<AddressPrefix>172.20.0.0/16</AddressPrefix></AddressSpace></LocalNetworkSite></LocalNetworkSites>"
            '<VirtualNetworkSites><VirtualNetworkSite name="dns-vnet" Location="West Europe"><AddressSpace>'
            f"<AddressPrefix>172.20.0.0/16</AddressPrefix></AddressSpace></VirtualNetworkSite>{vnets}"
            "</VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>"
        )
        extension = (
            "<ResourceExtensionReferences><ResourceExtensionReference><Publisher>Microsoft.Compute</Publisher>"
            "<Name>CustomScriptExtension</Name><Version>1.*</Version></ResourceExtensionReference>"
            "</ResourceExtensionReferences>"
        )
        deployments = "".join(
            f"<Deployment><Name>d{i}</Name><RoleList>{_vm_role(f'vm{i}').replace('</Role>', extension + '</Role>')}"
            f"</RoleList><VirtualNetworkName>v{i}</VirtualNetworkName></Deployment>"
            for i in range(n)
        )
        files = {"NetworkConfig.netcfg": netcfg.encode(), "svc.xml": _hosted_service(deployments)}
        work = _rule_over(files, "MIG210")
        assert len(work()) == n
        return work

    assert_linear(make, 300)
