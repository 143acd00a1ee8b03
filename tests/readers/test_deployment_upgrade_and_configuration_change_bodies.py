"""Upgrade Deployment (`UpgradeDeployment`) and Change Deployment Configuration (`ChangeConfiguration`)
request bodies carry a service configuration in base64, as a Create Deployment body does: it is read the
same way (network, subnets, reserved IPs, DNS servers, endpoint ACLs, shown at `<Configuration>`). Neither
body names the cloud service, the slot or the deployment: they are in the request's address. A Reserved
IP association body names the deployment but not the reserved IP, and gives nothing."""

from __future__ import annotations

from lint_support import encoded

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import Deployment, Mark
from migcheck.plugins import load_rules


def change(configuration: str) -> str:
    """A Change Deployment Configuration body as the API reference shows it."""
    return f"""\
<?xml version="1.0" encoding="utf-8"?>
<ChangeConfiguration xmlns="http://schemas.microsoft.com/windowsazure">
  <Configuration>{configuration}</Configuration>
  <TreatWarningsAsError>false</TreatWarningsAsError>
  <Mode>Auto</Mode>
</ChangeConfiguration>
"""


def upgrade(configuration: str, role: str = "") -> str:
    """An Upgrade Deployment body as the API reference shows it, upgrading `role` only when given."""
    upgraded = f"\n  <RoleToUpgrade>{role}</RoleToUpgrade>" if role else ""
    return f"""\
<?xml version="1.0" encoding="utf-8"?>
<UpgradeDeployment xmlns="https://schemas.microsoft.com/windowsazure">
  <Mode>Auto</Mode>
  <PackageUrl>https://acct.blob.core.windows.net/packages/shop-v2.cspkg</PackageUrl>
  <Configuration>{configuration}</Configuration>
  <Label>c2hvcC12Mg==</Label>{upgraded}
  <Force>false</Force>
</UpgradeDeployment>
"""


def deployment_of(read, path: str, text: str) -> Deployment:
    [found] = [r for r in read(path, text).resources if isinstance(r, Deployment)]
    return found


def test_a_configuration_change_deploys_to_where_its_configuration_says(read):
    path = "rest/changeconfiguration.xml"
    found = deployment_of(read, path, change(encoded()))
    at = Mark(path, 3, "Configuration")
    assert (found.service_name, found.service_unnamed, found.name, found.slot) == ("", True, "", "")
    assert found.virtual_network is not None and (found.virtual_network.name, found.virtual_network.mark) == (
        "shop-vnet",
        at,
    )
    assert found.reserved_ip is not None and (found.reserved_ip.name, found.reserved_ip.mark) == (
        "shop-ip",
        at,
    )
    assert [(d.name, d.address) for d in found.dns_servers] == [("dc1", "10.0.0.4")]
    assert (found.network_known, found.reserved_ip_known) == (True, True)


def test_a_configuration_change_shows_its_roles_at_the_configuration(read):
    """It names no package: the roles, with their subnets and ACLs, are the configuration's."""
    path = "rest/changeconfiguration.xml"
    web, worker = deployment_of(read, path, change(encoded())).roles
    at = Mark(path, 3, "Configuration")
    assert (web.name, web.mark, web.instances, web.is_vm) == ("WebFrontend", at, 2, False)
    assert "Change Deployment Configuration" in web.kind_evidence
    assert [s.name for s in web.subnets] == ["web"]
    [endpoint] = web.endpoints
    assert endpoint.name == "HttpIn" and endpoint.acl is not None and endpoint.acl.mark == at
    assert [r.remote_subnet for r in endpoint.acl.rules] == ["203.0.113.0/24"]
    assert (worker.name, worker.instances, worker.endpoints) == ("Worker", 1, ())


def test_an_upgrade_reads_its_configuration_as_a_create_deployment_does(read):
    path = "rest/upgradedeployment.xml"
    found = deployment_of(read, path, upgrade(encoded(), role="WebFrontend"))
    package = Mark(path, 4, "PackageUrl")
    assert (found.service_name, found.service_unnamed, found.name) == ("", True, "")
    assert found.virtual_network is not None and found.virtual_network.name == "shop-vnet"
    assert found.reserved_ip is not None and found.reserved_ip.mark == Mark(path, 5, "Configuration")
    # The role it upgrades is one of the roles the configuration names, not the only one.
    assert [(r.name, r.mark) for r in found.roles] == [("WebFrontend", package), ("Worker", package)]
    assert "upgraded from a service package" in found.roles[0].kind_evidence


def test_an_upgrade_whose_configuration_cannot_be_read_shows_the_role_it_upgrades(read):
    path = "rest/upgradedeployment.xml"
    found = deployment_of(read, path, upgrade("not base64!", role="WebFrontend"))
    assert [r.name for r in found.roles] == ["WebFrontend"]
    assert (found.network_known, found.reserved_ip_known, found.virtual_network) == (False, False, None)
    unnamed = deployment_of(read, path, upgrade("not base64!"))
    assert [r.name for r in unnamed.roles] == ["<roles of package shop-v2.cspkg>"]


def test_a_configuration_change_that_cannot_be_read_leaves_where_it_goes_unknown(read):
    found = deployment_of(read, "rest/changeconfiguration.xml", change(encoded("<NotAConfiguration/>")))
    assert [r.name for r in found.roles] == ["<roles of the package>"]
    assert (found.network_known, found.reserved_ip_known, found.virtual_network) == (False, False, None)


def test_the_acl_of_each_body_is_found_at_its_configuration(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "change.xml").write_text(change(encoded()))
    (tmp_path / "upgrade.xml").write_text(upgrade(encoded()))
    result = lint(["."], Config(), load_rules(entry_points=False))
    found = sorted((f.mark.path, f.code, f.mark.line) for f in result.findings)
    assert found == [
        ("change.xml", "MIG101", 3),
        ("change.xml", "MIG101", 3),
        ("change.xml", "MIG201", 3),
        ("upgrade.xml", "MIG101", 4),
        ("upgrade.xml", "MIG101", 4),
        ("upgrade.xml", "MIG201", 5),
    ]


def test_a_deployment_no_body_names_is_said_to_be_unnamed(tmp_path, monkeypatch):
    """Neither body names the deployment: messages say so rather than quote an empty name."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "change.xml").write_text(change(encoded()))
    result = lint(["."], Config(), load_rules(entry_points=False))
    assert "deployment ''" not in " ".join(f.message for f in result.findings)
    assert result.findings[0].message.startswith(
        "a deployment its body does not name has a web or worker role 'WebFrontend'"
    )


def association(root: str) -> str:
    """An Associate (or Disassociate) Reserved IP body: the reserved IP is named in the request's address."""
    return f"""\
<{root} xmlns="http://schemas.microsoft.com/windowsazure" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
  <ServiceName>shop</ServiceName>
  <DeploymentName>shop-prod</DeploymentName>
  <VirtualIPName>web-vip</VirtualIPName>
</{root}>
"""


def test_a_reserved_ip_association_body_gives_nothing(read):
    """Its reserved IP is named only in the request's address, and a reserved IP is known by its name."""
    document = read("rest/associate.xml", association("ReservedIPAssociation"))
    assert (document.problem, document.resources) == (None, ())
