"""MIG102 to MIG106 beyond their examples: cloud services built from several files, the cases where the
files say too little (silent), messages, and the findings on the sample estates."""

from __future__ import annotations

from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plugins import load_rules

RULES = load_rules(entry_points=False)
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CODES = ("MIG102", "MIG103", "MIG104", "MIG105", "MIG106")


def _lint(tmp_path: Path, monkeypatch, files: dict[str, str], *codes: str):
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return lint(["."], Config(select=codes or CODES), RULES).findings


def _where(findings) -> list[str]:
    return [f"{f.code} {f.location.path}:{f.location.line}:{f.location.column}" for f in findings]


def _vm(name: str, availability_set: str = "") -> str:
    aset = f"\n  <AvailabilitySetName>{availability_set}</AvailabilitySetName>" if availability_set else ""
    return f"<PersistentVM>{aset}\n  <RoleName>{name}</RoleName>\n</PersistentVM>\n"


def _deployment(roles: str, extra: str = "", service: str = "") -> str:
    body = (
        '<Deployment xmlns="http://schemas.microsoft.com/windowsazure">\n'
        f"  <Name>dep</Name>\n  <RoleList>\n{roles}  </RoleList>\n{extra}</Deployment>\n"
    )
    if not service:
        return body
    return (
        '<HostedService xmlns="http://schemas.microsoft.com/windowsazure">\n'
        f"<ServiceName>{service}</ServiceName>\n<Deployments>\n{body}</Deployments>\n</HostedService>\n"
    )


VM_ROLE = "    <Role><RoleName>{}</RoleName><RoleType>PersistentVMRole</RoleType></Role>\n"
WORKER_ROLE = "    <Role><RoleName>{}</RoleName><RoleType>WorkerRole</RoleType></Role>\n"
CSDEF = """\
<ServiceDefinition name="shop">
  <WebRole name="Web" vmsize="Small">
    <Endpoints>{}</Endpoints>
  </WebRole>
</ServiceDefinition>
"""


def _cscfg(network: str) -> str:
    return (
        '<ServiceConfiguration serviceName="shop">\n  <Role name="Web"><Instances count="2"/></Role>\n'
        f"  <NetworkConfiguration>\n{network}  </NetworkConfiguration>\n</ServiceConfiguration>\n"
    )


# --- the sample estates --------------------------------------------------------------------------------


def test_contoso_findings(monkeypatch):
    monkeypatch.chdir(EXAMPLES.parent)
    found = lint(["examples/contoso"], Config(select=CODES), RULES).findings
    assert _where(found) == ["MIG103 examples/contoso/vms/sql-tier/contoso-sqlfsw.xml:2:1"]
    assert "'contoso-sqlfsw'" in found[0].message and "'sql-as'" in found[0].message


def test_ready_estate_is_clean(monkeypatch):
    monkeypatch.chdir(EXAMPLES.parent)
    assert lint(["examples/ready"], Config(select=CODES), RULES).findings == []


# --- availability sets -----------------------------------------------------------------------------------


def test_every_extra_availability_set_is_reported_at_its_name(tmp_path, monkeypatch):
    files = {
        "vms/a.xml": _vm("a", "one"),
        "vms/b.xml": _vm("b", "two"),
        "vms/c.xml": _vm("c", "three"),
        "vms/d.xml": _vm("d", "Two"),
    }
    found = _lint(tmp_path, monkeypatch, files, "MIG102")
    assert _where(found) == ["MIG102 vms/b.xml:2:3", "MIG102 vms/c.xml:2:3"]
    assert "3 availability sets ('one', 'two', 'three')" in found[0].message
    assert "'two' holds 'b', 'd'" in found[0].message
    assert (found[0].resource_type, found[0].resource_name) == ("Role", "b")


def test_mixed_and_multiple_sets_are_two_problems(tmp_path, monkeypatch):
    files = {"vms/a.xml": _vm("a", "one"), "vms/b.xml": _vm("b", "two"), "vms/c.xml": _vm("c")}
    found = _lint(tmp_path, monkeypatch, files, "MIG102", "MIG103")
    assert _where(found) == ["MIG102 vms/b.xml:2:3", "MIG103 vms/c.xml:1:1"]
    assert "are in 'one', 'two'" in found[1].message


def test_configured_grouping_decides_the_cloud_service(tmp_path, monkeypatch):
    files = {"a/sql01.xml": _vm("sql01", "sql-as"), "b/sqlfsw.xml": _vm("sqlfsw")}
    assert _lint(tmp_path, monkeypatch, files, "MIG103") == []
    config = Config(select=("MIG103",), cloud_services={"sql": ("a/*.xml", "b/*.xml")})
    assert _where(lint(["."], config, RULES).findings) == ["MIG103 b/sqlfsw.xml:1:1"]


def test_availability_sets_of_different_deployments_are_separate(tmp_path, monkeypatch):
    files = {
        "a.xml": _deployment(VM_ROLE.format("a")).replace(
            "</RoleType>", "</RoleType><AvailabilitySetName>x</AvailabilitySetName>"
        ),
        "b.xml": _deployment(VM_ROLE.format("b")),
    }
    assert _lint(tmp_path, monkeypatch, files, "MIG102", "MIG103") == []


# --- virtual networks with VMs and roles -----------------------------------------------------------------


def test_roles_and_vms_in_one_vnet_across_formats(tmp_path, monkeypatch):
    files = {
        "shop/ServiceDefinition.csdef": CSDEF.format(""),
        "shop/ServiceConfiguration.Cloud.cscfg": _cscfg('    <VirtualNetworkSite name="prod"/>\n'),
        "rest/jump.xml": _deployment(
            VM_ROLE.format("jump01"), "<VirtualNetworkName>PROD</VirtualNetworkName>\n", "jump"
        ),
    }
    found = _lint(tmp_path, monkeypatch, files, "MIG104")
    assert _where(found) == ["MIG104 shop/ServiceConfiguration.Cloud.cscfg:4:5"]
    assert found[0].message == (
        "virtual network 'prod' holds web/worker roles of cloud service 'shop' ('Web') and VMs of 'jump'"
    )


def test_local_configuration_and_export_files_do_not_place_anything(tmp_path, monkeypatch):
    files = {
        "shop/ServiceDefinition.csdef": CSDEF.format(""),
        "shop/ServiceConfiguration.Local.cscfg": _cscfg('    <VirtualNetworkSite name="prod"/>\n'),
        "rest/jump.xml": _deployment(
            VM_ROLE.format("jump01"), "<VirtualNetworkName>prod</VirtualNetworkName>\n"
        ),
        "web/ServiceDefinition.csdef": CSDEF.format("").replace("shop", "web"),
        "web/ServiceConfiguration.Cloud.cscfg": _cscfg('    <VirtualNetworkSite name="apps"/>\n'),
        "vms/app01.xml": _vm("app01"),
    }
    assert _lint(tmp_path, monkeypatch, files, "MIG104") == []


def test_vnet_name_is_resolved_against_the_netcfg_for_the_message(tmp_path, monkeypatch):
    netcfg = (
        "<NetworkConfiguration><VirtualNetworkConfiguration><VirtualNetworkSites>"
        '<VirtualNetworkSite name="Prod-VNet" Location="West Europe"/>'
        "</VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>\n"
    )
    files = {
        "net/NetworkConfig.netcfg": netcfg,
        "rest/jobs.xml": _deployment(
            WORKER_ROLE.format("Jobs"), "<VirtualNetworkName>prod-vnet</VirtualNetworkName>\n"
        ),
        "rest/jump.xml": _deployment(
            VM_ROLE.format("jump01"), "<VirtualNetworkName>prod-vnet</VirtualNetworkName>\n", "jump"
        ),
    }
    found = _lint(tmp_path, monkeypatch, files, "MIG104")
    assert _where(found) == ["MIG104 rest/jobs.xml:6:1"]
    assert (found[0].resource_type, found[0].resource_name) == ("VirtualNetwork", "Prod-VNet")


# --- VMs outside any virtual network ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        ("", "its VIP is not reserved and will change"),
        ("<ReservedIPName>jump-vip</ReservedIPName>\n", "its VIP is reserved IP 'jump-vip' and is kept"),
    ],
)
def test_vm_outside_vnet_says_what_happens_to_the_vip(tmp_path, monkeypatch, extra, said):
    files = {"jump.xml": _deployment(VM_ROLE.format("jump01"), extra, "jump")}
    (finding,) = _lint(tmp_path, monkeypatch, files, "MIG105")
    assert finding.message.startswith("deployment 'dep' of cloud service 'jump' is in no virtual network")
    assert finding.message.endswith(said)


def test_outside_vnet_ignores_role_only_deployments_and_bare_roles(tmp_path, monkeypatch):
    files = {
        "jobs.xml": _deployment(WORKER_ROLE.format("Jobs")),
        "vm.xml": '<PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure"><RoleName>a</RoleName></PersistentVMRole>\n',
    }
    assert _lint(tmp_path, monkeypatch, files, "MIG105") == []


# --- reserved IPs without endpoints ----------------------------------------------------------------------

RESERVED = (
    '    <AddressAssignments><ReservedIPs><ReservedIP name="shop-vip"/></ReservedIPs></AddressAssignments>\n'
)


@pytest.mark.parametrize(
    ("endpoints", "expected"),
    [
        ("", ["MIG106 shop/ServiceConfiguration.Cloud.cscfg:4:38"]),
        (
            '<InternalEndpoint name="h" protocol="tcp" port="1"/>',
            ["MIG106 shop/ServiceConfiguration.Cloud.cscfg:4:38"],
        ),
        ('<InputEndpoint name="http" protocol="http" port="80"/>', []),
        ('<InstanceInputEndpoint name="rdp" protocol="tcp" localPort="3389"/>', []),
    ],
)
def test_reserved_ip_in_cscfg_needs_an_input_endpoint_in_the_csdef(
    tmp_path, monkeypatch, endpoints, expected
):
    files = {
        "shop/ServiceDefinition.csdef": CSDEF.format(endpoints),
        "shop/ServiceConfiguration.Cloud.cscfg": _cscfg(RESERVED),
        "shop/ServiceConfiguration.Local.cscfg": _cscfg(RESERVED),
    }
    found = _lint(tmp_path, monkeypatch, files, "MIG106")
    assert _where(found) == expected
    if found:
        assert (found[0].resource_type, found[0].resource_name) == ("ReservedIP", "shop-vip")


def test_reserved_ip_on_a_virtual_ip_of_a_get_response(tmp_path, monkeypatch):
    vip = "<VirtualIPs><VirtualIP><Address>1.2.3.4</Address><ReservedIPName>batch-vip</ReservedIPName></VirtualIP></VirtualIPs>\n"
    files = {"batch.xml": _deployment(VM_ROLE.format("batch01"), vip, "batch")}
    (finding,) = _lint(tmp_path, monkeypatch, files, "MIG106")
    assert finding.message.startswith("reserved IP 'batch-vip' of cloud service 'batch'")


def test_reserved_ip_on_web_worker_deployment_is_not_judged(tmp_path, monkeypatch):
    files = {
        "jobs.xml": _deployment(WORKER_ROLE.format("Jobs"), "<ReservedIPName>jobs-vip</ReservedIPName>\n")
    }
    assert _lint(tmp_path, monkeypatch, files, "MIG106") == []
