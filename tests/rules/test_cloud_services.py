"""MIG102 to MIG106 beyond their examples: cloud services built from several files, the cases where the
files say too little (silent), messages, and the findings on the sample estates."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files
from lint_support import where as _where

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plugins import load_rules

RULES = load_rules(entry_points=False)
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CODES = ("MIG102", "MIG103", "MIG104", "MIG105", "MIG106")


def _lint(tmp_path: Path, monkeypatch, files: dict[str, str], *codes: str):
    return lint_files(tmp_path, monkeypatch, files, *(codes or CODES), dedent=False).findings


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


def test_a_folder_grouping_says_how_to_name_the_services_when_it_is_wrong(tmp_path, monkeypatch):
    files = {"vms/a.xml": _vm("a", "one"), "vms/b.xml": _vm("b", "two"), "vms/c.xml": _vm("c")}
    found = _lint(tmp_path, monkeypatch, files, "MIG102", "MIG103")
    note = (
        "under [tool.migcheck.cloud-services] of pyproject.toml ([cloud-services] of migcheck.toml): migcheck "
        "groups Export-AzureVM files by folder."
    )
    assert [f.fix.endswith(note) for f in found] == [True, True]
    # Services the files name are what they say: no such note.
    config = Config(select=("MIG102", "MIG103"), cloud_services={"sql": ("vms/*.xml",)})
    assert [note in f.fix for f in lint(["."], config, RULES).findings] == [False, False]


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


ENDPOINT = (
    "<ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>"
    "<InputEndpoints><InputEndpoint><Name>RDP</Name><Port>3389</Port></InputEndpoint></InputEndpoints>"
    "</ConfigurationSet></ConfigurationSets>"
)


@pytest.mark.parametrize(
    ("endpoints", "extra", "said", "fix"),
    [
        (ENDPOINT, "", "its VIP is not reserved and will change", "reserve the VIP first"),
        (
            "",
            "",
            "it has no input endpoint, so its VIP is not migrated and it gets no public address",
            "add an endpoint before Prepare only if it must be reachable",
        ),
        (
            ENDPOINT,
            "<ReservedIPName>jump-vip</ReservedIPName>\n",
            "its VIP is reserved IP 'jump-vip' and is kept, as a Basic SKU public IP (Basic SKU was retired on "
            "2025-09-30: upgrade it to Standard)",
            "The reserved IP is kept as a Basic SKU public IP",
        ),
        (
            "",
            "<ReservedIPName>jump-vip</ReservedIPName>\n",
            "its reserved IP 'jump-vip' cannot be migrated with it, as it has no input endpoint (MIG106)",
            "give the deployment an input endpoint first",
        ),
    ],
)
def test_vm_outside_vnet_says_what_happens_to_the_vip(tmp_path, monkeypatch, endpoints, extra, said, fix):
    """Reserving the VIP is advised only when it is not reserved; a reserved IP the deployment cannot take
    along (no input endpoint, MIG106) is not said to be kept."""
    role = VM_ROLE.format("jump01").replace("</Role>", endpoints + "</Role>")
    files = {"jump.xml": _deployment(role, extra, "jump")}
    (finding,) = _lint(tmp_path, monkeypatch, files, "MIG105")
    assert finding.message.startswith("deployment 'dep' of cloud service 'jump' is in no virtual network")
    assert finding.message.endswith(said)
    assert fix in finding.fix


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
        ("", ["MIG106 shop/ServiceConfiguration.Cloud.cscfg:4:56"]),
        (
            '<InternalEndpoint name="h" protocol="tcp" port="1"/>',
            ["MIG106 shop/ServiceConfiguration.Cloud.cscfg:4:56"],
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


@pytest.mark.parametrize("deployment", ["<DeploymentName>dep</DeploymentName>", ""])
def test_reserved_ip_a_list_of_them_associates_with_a_deployment(tmp_path, monkeypatch, deployment):
    """A `ReservedIPs` list (Get-AzureReservedIP, the REST list) names the service and deployment each is
    associated with; the deployment's own body need not name it."""
    ips = (
        '<ReservedIPs xmlns="http://schemas.microsoft.com/windowsazure"><ReservedIP>\n'
        f"  <Name>jump-vip</Name><ServiceName>jump</ServiceName>{deployment}\n"
        "</ReservedIP></ReservedIPs>\n"
    )
    files = {"jump.xml": _deployment(VM_ROLE.format("jump01"), service="jump"), "ips.xml": ips}
    (finding,) = _lint(tmp_path, monkeypatch, files, "MIG106")
    assert (finding.location.path, finding.location.line, finding.message.split(" is on")[0]) == (
        "ips.xml",
        2,  # its Name
        "reserved IP 'jump-vip' of cloud service 'jump'",
    )


def test_reserved_ip_on_web_worker_deployment_is_not_judged(tmp_path, monkeypatch):
    files = {
        "jobs.xml": _deployment(WORKER_ROLE.format("Jobs"), "<ReservedIPName>jobs-vip</ReservedIPName>\n")
    }
    assert _lint(tmp_path, monkeypatch, files, "MIG106") == []


# --- what kind of role a REST body describes when it does not say -------------------------------------


def _untyped_role(inner: str = "", name: str = "Storefront") -> str:
    return f"    <Role><RoleName>{name}</RoleName>{inner}</Role>\n"


def _network_set(endpoint: str) -> str:
    return (
        "<ConfigurationSets><ConfigurationSet>"
        "<ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>"
        f"<InputEndpoints><InputEndpoint><Name>e</Name><Port>80</Port><Protocol>tcp</Protocol>{endpoint}"
        "</InputEndpoint></InputEndpoints></ConfigurationSet></ConfigurationSets>"
    )


def test_deployment_role_without_role_type_or_disks_is_a_web_or_worker_role(tmp_path, monkeypatch):
    inner = "<OsVersion>WA-GUEST-OS-6.62_202310-01</OsVersion>" + _network_set("")
    files = {"shop.xml": _deployment(_untyped_role(inner), service="shop")}
    (finding,) = _lint(tmp_path, monkeypatch, files, "MIG101", "MIG105")
    assert _where([finding]) == ["MIG101 shop.xml:7:5"]
    assert finding.message == (
        "cloud service 'shop' has a web or worker role 'Storefront' (its body does not state RoleType; it "
        "has no disks): the VM migration does not move web/worker roles; Cloud Services (classic) was retired on 2024-08-31, and Cloud Services (extended support), the one platform they could migrate to in place, was deprecated on 2025-03-31 and retires on 2027-03-31"
    )


@pytest.mark.parametrize(
    ("inner", "sign"),
    [
        ("<OSVirtualHardDisk><DiskName>os</DiskName></OSVirtualHardDisk>", "an OS disk"),
        (
            "<DataVirtualHardDisks><DataVirtualHardDisk><Lun>0</Lun></DataVirtualHardDisk></DataVirtualHardDisks>",
            "data disks",
        ),
        ("<VMImageName>golden-2016</VMImageName>", "a VM image"),
        (
            "<ConfigurationSets><ConfigurationSet><ConfigurationSetType>WindowsProvisioningConfiguration"
            "</ConfigurationSetType></ConfigurationSet></ConfigurationSets>",
            "a Windows provisioning configuration",
        ),
        (
            '<ConfigurationSets><ConfigurationSet xmlns:i="http://www.w3.org/2001/XMLSchema-instance" '
            'i:type="LinuxProvisioningConfigurationSet"><HostName>h</HostName></ConfigurationSet>'
            "</ConfigurationSets>",
            "a Linux provisioning configuration",
        ),
        (
            _network_set("<LoadBalancedEndpointSetName>web-lb</LoadBalancedEndpointSetName>"),
            "a load-balanced endpoint set",
        ),
        (_network_set("<LoadBalancerProbe><Port>80</Port></LoadBalancerProbe>"), "a load balancer probe"),
    ],
)
def test_deployment_role_without_role_type_is_a_vm_by_what_it_carries(tmp_path, monkeypatch, inner, sign):
    files = {"jump.xml": _deployment(_untyped_role(inner, "jump01"), service="jump")}
    found = _lint(tmp_path, monkeypatch, files, "MIG101", "MIG105")
    assert [f.code for f in found] == ["MIG105"]  # a VM outside any virtual network, not a role
    assert "'jump01'" in found[0].message


@pytest.mark.parametrize(
    "inner",
    [
        "<DataVirtualHardDisks/>",
        '<OSVirtualHardDisk xmlns:i="http://www.w3.org/2001/XMLSchema-instance" i:nil="true"/>',
        "<OSVirtualHardDisk/>",
        "<VMImageName/>",
        _network_set("<LoadBalancedEndpointSetName/>"),
        "<ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration"
        "</ConfigurationSetType></ConfigurationSet></ConfigurationSets>",
    ],
)
def test_empty_vm_elements_do_not_make_a_role_a_vm(tmp_path, monkeypatch, inner):
    files = {"shop.xml": _deployment(_untyped_role(inner), service="shop")}
    (finding,) = _lint(tmp_path, monkeypatch, files, "MIG101", "MIG105")
    assert finding.code == "MIG101"
    assert "(its body does not state RoleType; it has no disks)" in finding.message


def test_role_type_is_matched_without_regard_to_case(tmp_path, monkeypatch):
    role = "    <Role><RoleName>jump01</RoleName><RoleType>persistentVMrole</RoleType></Role>\n"
    files = {"jump.xml": _deployment(role, service="jump")}
    assert [f.code for f in _lint(tmp_path, monkeypatch, files, "MIG101", "MIG105")] == ["MIG105"]


def test_role_of_unknown_type_is_reported_as_not_told(tmp_path, monkeypatch):
    role = "    <Role><RoleName>odd</RoleName><RoleType>CacheRole</RoleType></Role>\n"
    files = {"odd.xml": _deployment(role, service="odd")}
    (finding,) = _lint(tmp_path, monkeypatch, files, "MIG101", "MIG105")
    assert finding.code == "MIG101"
    assert finding.message == (
        "cloud service 'odd' has role 'odd', whose kind could not be told (its RoleType 'CacheRole' is not "
        "a role type, and it has nothing only a VM has, such as disks): if it is a web or worker role, the VM "
        "migration does not move web/worker roles; Cloud Services (classic) was retired on 2024-08-31, and "
        "Cloud Services (extended support), the one platform they could migrate to in place, was deprecated on 2025-03-31 and "
        "retires on 2027-03-31"
    )


def test_unknown_role_type_with_a_disk_is_a_vm(tmp_path, monkeypatch):
    inner = "<RoleType>Persistent</RoleType><OSVirtualHardDisk><DiskName>os</DiskName></OSVirtualHardDisk>"
    files = {"jump.xml": _deployment(_untyped_role(inner, "jump01"), service="jump")}
    assert [f.code for f in _lint(tmp_path, monkeypatch, files, "MIG101", "MIG105")] == ["MIG105"]


def test_lone_role_body_without_role_type_is_not_told(tmp_path, monkeypatch):
    files = {
        "roles/app01.xml": '<Role xmlns="http://schemas.microsoft.com/windowsazure">'
        "<RoleName>app01</RoleName></Role>\n"
    }
    (finding,) = _lint(tmp_path, monkeypatch, files, "MIG101")
    assert "has role 'app01', whose kind could not be told (its body does not state RoleType" in (
        finding.message
    )


def test_a_stated_kind_beats_an_inferred_one_when_two_bodies_describe_a_role(tmp_path, monkeypatch):
    files = {
        "get.xml": _deployment(_untyped_role("", "app01"), service="shop"),
        "add.xml": _deployment(VM_ROLE.format("app01"), service="shop"),
    }
    found = _lint(tmp_path, monkeypatch, files, "MIG101", "MIG004", "MIG105")
    assert [f.code for f in found] == ["MIG105"]


# --- reserved IPs and internal load balancers -------------------------------------------------------------


def _vm_with_endpoints(*load_balancers: str) -> str:
    endpoints = "".join(
        f"<InputEndpoint><Name>e{i}</Name><Port>{1433 + i}</Port><Protocol>tcp</Protocol>"
        f"{f'<LoadBalancerName>{lb}</LoadBalancerName>' if lb is not None else ''}</InputEndpoint>"
        for i, lb in enumerate(load_balancers)
    )
    return (
        "    <Role><RoleName>sql01</RoleName><RoleType>PersistentVMRole</RoleType><ConfigurationSets>"
        "<ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>"
        f"<InputEndpoints>{endpoints}</InputEndpoints></ConfigurationSet></ConfigurationSets></Role>\n"
    )


ILB = (
    "<ReservedIPName>sql-vip</ReservedIPName>\n<LoadBalancers><LoadBalancer><Name>sql-ilb</Name>"
    "<FrontendIpConfiguration><Type>Private</Type></FrontendIpConfiguration></LoadBalancer></LoadBalancers>\n"
)


def test_reserved_ip_with_only_internal_endpoints_is_reported(tmp_path, monkeypatch):
    files = {"sql.xml": _deployment(_vm_with_endpoints("sql-ilb", "sql-ilb"), ILB, "sql")}
    (finding,) = _lint(tmp_path, monkeypatch, files, "MIG106")
    assert _where([finding]) == ["MIG106 sql.xml:9:17"]
    assert finding.message == (
        "reserved IP 'sql-vip' of cloud service 'sql' is on a deployment with no input endpoint on its "
        "public VIP (its only endpoints are on internal load balancer 'sql-ilb'), so it cannot be migrated "
        "with it"
    )


@pytest.mark.parametrize("load_balancers", [("sql-ilb", None), ("",), (None,)])
def test_reserved_ip_with_a_public_endpoint_is_not_reported(tmp_path, monkeypatch, load_balancers):
    files = {
        "sql.xml": _deployment(_vm_with_endpoints(*load_balancers), ILB, "sql"),
        "internal.xml": _deployment(_vm_with_endpoints("sql-ilb"), ILB, "internal"),
    }
    found = _lint(tmp_path, monkeypatch, files, "MIG106")
    assert [f.location.path for f in found] == ["internal.xml"]


def test_csdef_endpoint_on_an_internal_load_balancer_is_not_on_the_vip(tmp_path, monkeypatch):
    endpoints = {
        "ilb": '<InputEndpoint name="sql" protocol="tcp" port="1433" loadBalancer="ilb"/>',
        "both": '<InputEndpoint name="sql" protocol="tcp" port="1433" loadBalancer="ilb"/>'
        '<InputEndpoint name="http" protocol="http" port="80"/>',
        "probe": '<InputEndpoint name="http" protocol="http" port="80" loadBalancerProbe="probe"/>',
    }
    files: dict[str, str] = {}
    for folder, endpoint in endpoints.items():
        files[f"{folder}/ServiceDefinition.csdef"] = CSDEF.format(endpoint).replace("shop", folder)
        files[f"{folder}/ServiceConfiguration.Cloud.cscfg"] = _cscfg(RESERVED).replace("shop", folder)
    found = _lint(tmp_path, monkeypatch, files, "MIG106")
    assert _where(found) == ["MIG106 ilb/ServiceConfiguration.Cloud.cscfg:4:56"]
    assert "its only endpoints are on internal load balancer 'ilb'" in found[0].message


# --- reserved IPs on one of several virtual IPs -----------------------------------------------------------


def _vm_on_vips(name: str, *vips: str | None) -> str:
    """A VM with one public endpoint per item: on the VIP it names (`VirtualIPName`), or None for one that
    names none (on the default VIP)."""
    endpoints = "".join(
        f"<InputEndpoint><Name>e{i}</Name><Port>{8000 + i}</Port><Protocol>tcp</Protocol>"
        f"{f'<VirtualIPName>{vip}</VirtualIPName>' if vip is not None else ''}</InputEndpoint>"
        for i, vip in enumerate(vips)
    )
    return (
        f"    <Role><RoleName>{name}</RoleName><RoleType>PersistentVMRole</RoleType><ConfigurationSets>"
        "<ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>"
        f"<InputEndpoints>{endpoints}</InputEndpoints></ConfigurationSet></ConfigurationSets></Role>\n"
    )


def _vips(*reserved: str, programmed: int | None = 0, names: tuple[str, ...] = ("main", "vip2")) -> str:
    """`VirtualIPs` named `names`, the i-th with reserved IP `reserved[i]` ("" or none: no reserved IP);
    the one at `programmed` has `IsDnsProgrammed` true (None: no VIP says it)."""
    items = []
    for i, name in enumerate(names):
        ip = reserved[i] if i < len(reserved) else ""
        dns = "<IsDnsProgrammed>true</IsDnsProgrammed>" if i == programmed else ""
        items.append(
            f"<VirtualIP><Name>{name}</Name>{dns}"
            f"{f'<ReservedIPName>{ip}</ReservedIPName>' if ip else ''}</VirtualIP>"
        )
    return f"<VirtualIPs>{''.join(items)}</VirtualIPs>\n"


def test_reserved_ip_on_a_second_vip_without_an_endpoint_there_is_reported(tmp_path, monkeypatch):
    """The only endpoint is on the default VIP, the reserved IP on the other one."""
    files = {"shop.xml": _deployment(_vm_on_vips("web01", None), _vips("", "rip2"), "shop")}
    (finding,) = _lint(tmp_path, monkeypatch, files, "MIG106")
    assert _where([finding]) == ["MIG106 shop.xml:9:136"]  # the second VIP's ReservedIPName's text
    assert finding.resource_name == "rip2"
    assert finding.message == (
        "reserved IP 'rip2' of cloud service 'shop' is on virtual IP 'vip2', and no input endpoint is on "
        "that VIP (endpoint 'e0' is on another VIP), so it cannot be migrated with the deployment"
    )
    assert finding.fix.startswith(
        "Add an input endpoint on virtual IP 'vip2' to one of the VMs (Add-AzureEndpoint -VirtualIPName 'vip2'"
    )


def test_outside_a_network_mig105_says_which_reserved_ip_stays_behind(tmp_path, monkeypatch):
    """MIG105 tells what becomes of the VIP as MIG106 judges it: here the second VIP's reserved IP."""
    files = {"shop.xml": _deployment(_vm_on_vips("web01", None), _vips("rip1", "rip2"), "shop")}
    (finding,) = _lint(tmp_path, monkeypatch, files, "MIG105")
    assert finding.message.endswith(
        "its reserved IP 'rip2' cannot be migrated with it, as no input endpoint is on its virtual IP 'vip2' "
        "(MIG106)"
    )


def test_reserved_ip_on_the_default_vip_with_endpoints_only_on_another_is_reported(tmp_path, monkeypatch):
    files = {"shop.xml": _deployment(_vm_on_vips("web01", "vip2", "VIP2"), _vips("rip1"), "shop")}
    (finding,) = _lint(tmp_path, monkeypatch, files, "MIG106")
    assert finding.resource_name == "rip1"
    assert finding.message == (
        "reserved IP 'rip1' of cloud service 'shop' is on virtual IP 'main' (the default one), and no input "
        "endpoint is on that VIP (endpoints 'e0', 'e1' are on other VIPs), so it cannot be migrated with the "
        "deployment"
    )
    assert "(Add-AzureEndpoint without -VirtualIPName, then Update-AzureVM)" in finding.fix


@pytest.mark.parametrize(
    ("roles", "vips"),
    [
        pytest.param(_vm_on_vips("web01", "vip2"), _vips("", "rip2"), id="endpoint-on-its-vip"),
        pytest.param(_vm_on_vips("web01", " VIP2 "), _vips("", "rip2"), id="vip-named-in-another-case"),
        pytest.param(
            _vm_on_vips("vm1", "vip2") + _vm_on_vips("vm2", None), _vips("", "rip2"), id="one-vm-on-each-vip"
        ),
        pytest.param(_vm_on_vips("web01", None), _vips("rip1"), id="default-vip-endpoint-naming-none"),
        pytest.param(_vm_on_vips("web01", "main"), _vips("rip1"), id="default-vip-named"),
        pytest.param(_vm_on_vips("web01", None), _vips("rip1", programmed=None), id="first-is-default"),
        pytest.param(
            _vm_on_vips("web01", None), _vips("", "rip2", programmed=1), id="dns-programmed-is-default"
        ),
    ],
)
def test_reserved_ip_with_an_endpoint_on_its_own_vip_is_not_reported(tmp_path, monkeypatch, roles, vips):
    files = {"shop.xml": _deployment(roles, vips, "shop")}
    assert _lint(tmp_path, monkeypatch, files, "MIG106") == []


def test_each_vip_reserved_ip_is_checked(tmp_path, monkeypatch):
    """A deployment with a reserved IP on each VIP: only the one whose VIP has no endpoint is reported."""
    files = {"shop.xml": _deployment(_vm_on_vips("web01", "vip2"), _vips("rip1", "rip2"), "shop")}
    assert [f.resource_name for f in _lint(tmp_path, monkeypatch, files, "MIG106")] == ["rip1"]


def test_deployment_reserved_ip_name_is_on_the_default_vip(tmp_path, monkeypatch):
    extra = "<ReservedIPName>rip0</ReservedIPName>\n" + _vips(programmed=1)
    files = {"shop.xml": _deployment(_vm_on_vips("web01", "main"), extra, "shop")}
    (finding,) = _lint(tmp_path, monkeypatch, files, "MIG106")
    assert (
        "reserved IP 'rip0' of cloud service 'shop' is on virtual IP 'vip2' (the default one)"
        in finding.message
    )


def test_reserved_ip_on_a_vip_with_only_internal_endpoints_says_so(tmp_path, monkeypatch):
    files = {"sql.xml": _deployment(_vm_with_endpoints("sql-ilb"), _vips("", "rip2"), "sql")}
    (finding,) = _lint(tmp_path, monkeypatch, files, "MIG106")
    assert finding.message == (
        "reserved IP 'rip2' of cloud service 'sql' is on virtual IP 'vip2', and no input endpoint is on that "
        "VIP (its only endpoints are on internal load balancer 'sql-ilb'), so it cannot be migrated with the "
        "deployment"
    )


@pytest.mark.parametrize(
    ("roles", "vips"),
    [
        pytest.param(_vm_on_vips("web01", "elsewhere"), _vips("rip1", names=("main",)), id="one-vip"),
        pytest.param(_vm_on_vips("web01", "vip2"), _vips("rip1", names=("main", "")), id="unnamed-vip"),
    ],
)
def test_vips_not_told_apart_let_any_public_endpoint_count(tmp_path, monkeypatch, roles, vips):
    """With one VIP, or a VIP an endpoint could not name, the VIPs are not told apart: as before."""
    files = {"shop.xml": _deployment(roles, vips, "shop")}
    assert _lint(tmp_path, monkeypatch, files, "MIG106") == []


def test_single_vip_deployment_without_endpoints_keeps_its_message(tmp_path, monkeypatch):
    files = {"shop.xml": _deployment(VM_ROLE.format("web01"), _vips("rip1", names=("main",)), "shop")}
    (finding,) = _lint(tmp_path, monkeypatch, files, "MIG106")
    assert finding.message == (
        "reserved IP 'rip1' of cloud service 'shop' is on a deployment with no input endpoint on its public "
        "VIP, so it cannot be migrated with it"
    )


# --- advice true today -------------------------------------------------------------------------------------

ADVISED = ("MIG101", "MIG102", "MIG103", "MIG104", "MIG105", "MIG106")


def test_no_advice_sends_anyone_to_cloud_services_extended_support():
    for code in ADVISED:
        rule = RULES.get(code)
        assert rule is not None
        for text in (rule.fix_hint, rule.docs.fix):
            for sentence in text.replace(": ", ". ").split(". "):
                if "extended support" in sentence:
                    assert "not" in sentence.casefold(), f"{code}: {sentence}"


def test_web_worker_role_advice_names_destinations_that_outlive_2027():
    rule = RULES.get("MIG101")
    assert rule is not None
    for service in ("App Service", "Container Apps", "Kubernetes Service", "Virtual Machine Scale Sets"):
        assert service in rule.docs.fix and service in rule.fix_hint
    assert "2024-08-31" in rule.docs.why and "2027-03-31" in rule.docs.why


@pytest.mark.parametrize("code", ("MIG105", "MIG106"))
def test_kept_addresses_are_said_to_need_the_standard_sku(code):
    rule = RULES.get(code)
    assert rule is not None
    for text in (rule.fix_hint, rule.docs.fix):
        assert "Standard SKU" in text
    assert "2025-09-30" in rule.fix_hint


def test_reserved_ip_of_a_web_worker_service_is_advised_to_go_alone(tmp_path, monkeypatch):
    files = {
        "shop/ServiceDefinition.csdef": CSDEF.format(""),
        "shop/ServiceConfiguration.Cloud.cscfg": _cscfg(RESERVED),
        "sql.xml": _deployment(_vm_with_endpoints("sql-ilb"), ILB, "sql"),
    }
    fixes = {f.location.path: f.fix for f in _lint(tmp_path, monkeypatch, files, "MIG106")}
    assert fixes["shop/ServiceConfiguration.Cloud.cscfg"].startswith("Disassociate the reserved IP")
    assert "Add an input endpoint" in fixes["sql.xml"]


def test_a_deployment_got_alone_and_in_its_hosted_service_is_reported_once(tmp_path: Path, monkeypatch):
    """GET of the hosted service (with its deployments) and GET of the deployment alone, which names its
    service only by its address: one deployment, one finding."""
    alone = _deployment(VM_ROLE.format("vm1")).replace(
        "  <Name>dep</Name>\n", "  <Name>dep</Name>\n  <Url>http://shop.cloudapp.net/</Url>\n"
    )
    files = {"service.xml": _deployment(VM_ROLE.format("vm1"), service="shop"), "deployment.xml": alone}
    assert _where(_lint(tmp_path, monkeypatch, files, "MIG105")) == ["MIG105 deployment.xml:1:1"]


@pytest.mark.parametrize(
    ("name", "script", "vip"),
    [
        (
            "deploy.ps1",
            'param($ip)\nNew-AzureQuickVM -Windows -ServiceName "svc" -Name "vm1" -ImageName $i -Location "l" '
            "-AdminUsername a -Password p -ReservedIPName {value}\n",
            {
                "$ip": "its VIP is reserved IP '<reserved IP name, deploy.ps1:2>' and is kept",
                '""': "is not reserved",
                "$null": "is not reserved",
                "$undeclared": "unless it is a reserved IP",
            },
        ),
        (
            "deploy.py",
            "import sys\nfrom azure.servicemanagement import (\n"
            "    ConfigurationSet, ConfigurationSetInputEndpoint, ServiceManagementService,\n)\n"
            "sms = ServiceManagementService('s', 'c')\n"
            "net = ConfigurationSet()\n"
            "net.input_endpoints.input_endpoints.append(ConfigurationSetInputEndpoint('SSH', 'tcp', '22', '22'))\n"
            "sms.create_virtual_machine_deployment('svc', 'svc', 'production', 'svc', 'vm1', None, None, net, "
            "reserved_ip_name={value})\n",
            {
                "sys.argv[1]": "its VIP is reserved IP '<reserved IP name, deploy.py:8>' and is kept",
                "None": "is not reserved",
                "settings.get('rip', None)": "unless it is a reserved IP",
            },
        ),
    ],
)
def test_a_reserved_ip_name_a_script_does_not_state_is_not_taken_for_none(
    tmp_path, monkeypatch, name, script, vip
):
    """A name passed from a parameter names a reserved IP, as a name the script states does (the call fails
    unless it exists): MIG105 says the VIP is kept, as the stand-in of that name. One that may be nothing (a
    variable nothing assigns, a table's item read with `.get(key, None)`) may name one: MIG105 does not say the VIP
    will change. Neither is taken for none."""
    for value, words in vip.items():
        files = {name: script.format(value=value)}
        findings = _lint(tmp_path, monkeypatch, files, "MIG105", "MIG106")
        assert [f.code for f in findings] == ["MIG105"], value
        assert words in findings[0].message, (value, findings[0].message)


def test_outside_a_network_a_reserved_ip_on_another_vip_leaves_the_default_one_unreserved(
    tmp_path, monkeypatch
):
    files = {"shop.xml": _deployment(_vm_on_vips("web01", "vip2"), _vips("", "rip2"), "shop")}
    (finding,) = _lint(tmp_path, monkeypatch, files, "MIG105")
    assert finding.message.endswith(
        "its default VIP is not reserved and will change (reserved IP 'rip2' of virtual IP 'vip2' is kept, "
        "as a Basic SKU public IP: Basic SKU was retired on 2025-09-30)"
    )
    assert "reserve the VIP first" in finding.fix


def test_reserved_ips_of_vips_not_told_apart_are_each_checked(tmp_path, monkeypatch):
    """The deployment's own ReservedIPName and another on an unnamed VIP: both are its reserved IPs."""
    unnamed = "<VirtualIPs><VirtualIP/><VirtualIP><ReservedIPName>api-vip</ReservedIPName></VirtualIP></VirtualIPs>\n"
    own = "<ReservedIPName>main-vip</ReservedIPName>\n"
    files = {"shop.xml": _deployment(VM_ROLE.format("shop01"), own + unnamed, "shop")}
    findings = _lint(tmp_path, monkeypatch, files, "MIG106")
    assert [f.resource_name for f in findings] == ["main-vip", "api-vip"]
