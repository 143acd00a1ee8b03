"""A spoke network whose local site aggregates a hub and the offices (classic transit) and which also
connects to the offices' site itself: the gateway guide's remedy, a direct connection to the on-premises
local network gateway, is in place already, so migration cuts no way to on-premises. MIG305 (and the plan's
transit wording) stay for a spoke whose own connections reach only part of the offices' ranges."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.plan import StepKind


def _netcfg(office_prefix: str) -> str:
    def site(name: str, *prefixes: str) -> str:
        space = "".join(f"<AddressPrefix>{p}</AddressPrefix>" for p in prefixes)
        return f'<LocalNetworkSite name="{name}"><AddressSpace>{space}</AddressSpace></LocalNetworkSite>'

    def network(name: str, prefix: str, *sites: str) -> str:
        refs = "".join(
            f'<LocalNetworkSiteRef name="{s}"><Connection type="IPsec"/></LocalNetworkSiteRef>' for s in sites
        )
        return (
            f'<VirtualNetworkSite name="{name}" Location="West Europe">'
            f"<AddressSpace><AddressPrefix>{prefix}</AddressPrefix></AddressSpace>"
            f"<Gateway><ConnectionsToLocalNetwork>{refs}</ConnectionsToLocalNetwork></Gateway></VirtualNetworkSite>"
        )

    return (
        '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">'
        "<VirtualNetworkConfiguration><LocalNetworkSites>"
        + site("offices", "192.168.0.0/16")
        + site("spoke-office", office_prefix)
        + site("spoke-site", "10.2.0.0/16")
        + site("hub-and-offices", "10.1.0.0/16", "192.168.0.0/16")
        + "</LocalNetworkSites><VirtualNetworkSites>"
        + network("hub", "10.1.0.0/16", "offices", "spoke-site")
        + network("spoke", "10.2.0.0/16", "hub-and-offices", "spoke-office")
        + "</VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>"
    )


def test_a_spoke_connected_to_every_office_itself_is_no_transit(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"NetworkConfig.netcfg": _netcfg("192.168.0.0/16")}, "MIG305")
    assert result.findings == []


def test_a_spoke_connected_to_part_of_the_offices_still_loses_the_rest(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"NetworkConfig.netcfg": _netcfg("192.168.0.0/17")}, "MIG305")
    assert [(f.code, f.resource_name) for f in result.findings] == [("MIG305", "spoke")]


def test_the_plan_says_no_route_is_lost_for_a_spoke_connected_to_the_offices(plan_of):
    plan = plan_of({"NetworkConfig.netcfg": _netcfg("192.168.0.0/16")})
    spoke = next(s for s in plan.steps if s.kind is StepKind.NETWORK and s.name == "spoke")
    assert "to on-premises through another network" not in spoke.downtime


def _rest_sites(office_prefix: str) -> str:
    """The same networks as a REST `VirtualNetworkSites` body, each gateway's local sites written inline."""

    def site(name: str, *prefixes: str) -> str:
        space = "".join(f"<AddressPrefix>{p}</AddressPrefix>" for p in prefixes)
        return (
            f"<LocalNetworkSite><Name>{name}</Name><AddressSpace><AddressPrefixes>{space}</AddressPrefixes>"
            "</AddressSpace><Connections><Connection><Type>IPsec</Type></Connection></Connections></LocalNetworkSite>"
        )

    def network(name: str, prefix: str, *sites: str) -> str:
        return (
            f"<VirtualNetworkSite><Name>{name}</Name><Location>West Europe</Location>"
            f"<AddressSpace><AddressPrefixes><AddressPrefix>{prefix}</AddressPrefix></AddressPrefixes></AddressSpace>"
            f"<Gateway><Sites>{''.join(sites)}</Sites></Gateway></VirtualNetworkSite>"
        )

    return (
        '<VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure">'
        + network("hub", "10.1.0.0/16", site("offices", "192.168.0.0/16"), site("spoke-site", "10.2.0.0/16"))
        + network(
            "spoke",
            "10.2.0.0/16",
            site("hub-and-offices", "10.1.0.0/16", "192.168.0.0/16"),
            site("spoke-office", office_prefix),
        )
        + "</VirtualNetworkSites>"
    )


def test_a_rest_body_s_spoke_connected_to_the_offices_is_no_transit_and_one_connected_to_part_is(
    tmp_path, monkeypatch
):
    files = {"all/vnets.xml": _rest_sites("192.168.0.0/16"), "part/vnets.xml": _rest_sites("192.168.0.0/17")}
    result = lint_files(tmp_path, monkeypatch, files, "MIG305")
    assert [(f.code, f.location.path) for f in result.findings] == [("MIG305", "part/vnets.xml")]


def test_spokes_connected_to_the_offices_cost_linear_time_in_spokes_and_offices(tmp_path, monkeypatch):
    """`n` spokes share one transit site of `n` office ranges, and each has its own site for all of them:
    each spoke's own sites are matched against the transit site's ranges by bisection over ranges sorted
    once per site, not range by range, so the work stays linear as both grow."""
    from growth import assert_linear

    from migcheck.config import Config
    from migcheck.engine import lint
    from migcheck.plugins import load_rules

    rules = load_rules(entry_points=False)

    def make(n: int):
        offices = [f"172.{16 + i // 250}.{i % 250}.0/24" for i in range(n)]
        space = lambda *prefixes: "".join(f"<AddressPrefix>{p}</AddressPrefix>" for p in prefixes)  # noqa: E731
        sites = [
            f'<LocalNetworkSite name="offices"><AddressSpace>{space(*offices)}</AddressSpace></LocalNetworkSite>'
        ]
        sites.append(
            f'<LocalNetworkSite name="hub-and-offices"><AddressSpace>{space("10.1.0.0/16", *offices)}'
            "</AddressSpace></LocalNetworkSite>"
        )
        sites += [
            f'<LocalNetworkSite name="office-{i}"><AddressSpace>{space("172.16.0.0/12")}</AddressSpace></LocalNetworkSite>'
            for i in range(n)
        ]

        def network(name: str, prefix: str, *refs: str) -> str:
            connections = "".join(
                f'<LocalNetworkSiteRef name="{r}"><Connection type="IPsec"/></LocalNetworkSiteRef>'
                for r in refs
            )
            return (
                f'<VirtualNetworkSite name="{name}" Location="West Europe"><AddressSpace>{space(prefix)}'
                f"</AddressSpace><Gateway><ConnectionsToLocalNetwork>{connections}</ConnectionsToLocalNetwork>"
                "</Gateway></VirtualNetworkSite>"
            )

        networks = [network("hub", "10.1.0.0/16", "offices")]
        networks += [
            network(f"spoke-{i}", f"10.{100 + i // 250}.{i % 250}.0/24", "hub-and-offices", f"office-{i}")
            for i in range(n)
        ]
        folder = tmp_path / f"n{n}"
        folder.mkdir()
        (folder / "NetworkConfig.netcfg").write_text(
            '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">'
            f"<VirtualNetworkConfiguration><LocalNetworkSites>{''.join(sites)}</LocalNetworkSites>"
            f"<VirtualNetworkSites>{''.join(networks)}</VirtualNetworkSites></VirtualNetworkConfiguration>"
            "</NetworkConfiguration>"
        )

        def work() -> None:
            monkeypatch.chdir(folder)
            assert lint(["."], Config(select=("MIG305",)), rules).findings == []

        return work

    assert_linear(make, 300)


def _running_vm_in_the_spoke() -> str:
    """A GET of a deployment with running VM vm1 in the spoke, with a JSON extension installed."""
    return (
        '<Deployment xmlns="http://schemas.microsoft.com/windowsazure"><Name>svc1</Name>'
        "<RoleInstanceList><RoleInstance><RoleName>vm1</RoleName><InstanceName>vm1</InstanceName>"
        "<InstanceStatus>ReadyRole</InstanceStatus></RoleInstance></RoleInstanceList>"
        "<RoleList><Role><RoleName>vm1</RoleName><RoleType>PersistentVMRole</RoleType>"
        "<ResourceExtensionReferences><ResourceExtensionReference><Publisher>Microsoft.Compute</Publisher>"
        "<Name>CustomScriptExtension</Name><Version>1.*</Version><State>Enable</State>"
        "</ResourceExtensionReference></ResourceExtensionReferences></Role></RoleList>"
        "<VirtualNetworkName>spoke</VirtualNetworkName></Deployment>"
    )


def test_extensions_of_a_running_vm_in_a_spoke_connected_to_the_offices_are_not_cut_off(
    tmp_path, monkeypatch
):
    files = {
        "all/NetworkConfig.netcfg": _netcfg("192.168.0.0/16"),
        "all/svc1.xml": _running_vm_in_the_spoke(),
    }
    files |= {
        "part/NetworkConfig.netcfg": _netcfg("192.168.0.0/17"),
        "part/svc1.xml": _running_vm_in_the_spoke(),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG210")
    assert [(f.code, f.location.path) for f in result.findings] == [("MIG210", "part/svc1.xml")]
