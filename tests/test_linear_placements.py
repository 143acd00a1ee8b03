"""Cost stays linear in the number of deployments of one cloud service placed in as many virtual networks:
each network's readiness item and plan step take the service's deployments there, and the configurations
they are made of, without scanning the others."""

from __future__ import annotations

from growth import assert_linear

CSDEF = 'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition"'
CSCFG = 'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration"'
NETCFG = 'xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration"'


def _lint_in(folder, monkeypatch):
    from migcheck.config import Config
    from migcheck.engine import lint
    from migcheck.plugins import load_rules

    monkeypatch.chdir(folder)
    return lint(["."], Config(), load_rules(entry_points=False))


def test_one_service_configured_in_many_networks(tmp_path, monkeypatch):
    """A definition and `n` configurations, each placing the service in a network of its own."""
    from migcheck.plan import build_plan

    def make(n: int):
        folder = tmp_path / f"n{n}"
        (folder / "svc").mkdir(parents=True)
        networks = "".join(
            f'<VirtualNetworkSite name="v{i}" Location="West Europe"><AddressSpace><AddressPrefix>'
            f'10.{i // 250}.{i % 250}.0/24</AddressPrefix></AddressSpace><Subnets><Subnet name="web">'
            f"<AddressPrefix>10.{i // 250}.{i % 250}.0/24</AddressPrefix></Subnet></Subnets></VirtualNetworkSite>"
            for i in range(n)
        )
        (folder / "NetworkConfig.netcfg").write_text(
            f"<NetworkConfiguration {NETCFG}><VirtualNetworkConfiguration><VirtualNetworkSites>{networks}"
            "</VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>"
        )
        (folder / "svc" / "ServiceDefinition.csdef").write_text(
            f'<ServiceDefinition name="svc" {CSDEF}><WorkerRole name="Jobs" vmsize="Small"/></ServiceDefinition>'
        )
        for i in range(n):
            (folder / "svc" / f"ServiceConfiguration.C{i}.cscfg").write_text(
                f'<ServiceConfiguration serviceName="svc" {CSCFG}><Role name="Jobs"><Instances count="2"/></Role>'
                f'<NetworkConfiguration><VirtualNetworkSite name="v{i}"/><AddressAssignments>'
                '<InstanceAddress roleName="Jobs"><Subnets><Subnet name="web"/><Subnet name="db"/></Subnets>'
                "</InstanceAddress></AddressAssignments></NetworkConfiguration></ServiceConfiguration>"
            )
        result = _lint_in(folder, monkeypatch)

        def work():
            (plan,) = build_plan(result).subscriptions
            # Each network's step blocks on its own configuration's MIG202 (and MIG003), not on the others'.
            blocked = [step for step in plan.steps if step.id.startswith("network:")]
            assert len(blocked) == n
            assert all(sum(b.code == "MIG202" for b in step.blockers) == 1 for step in blocked)

        return work

    assert_linear(make, 200)
