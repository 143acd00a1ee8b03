"""Readiness by migration scope: which item each finding counts against, and Validate's verdict."""

from __future__ import annotations

import dataclasses
import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
from lint_support import graph_vm

from migcheck.config import Config
from migcheck.engine import LintResult, lint
from migcheck.model import Finding, Severity
from migcheck.plugins import load_rules
from migcheck.report import render
from migcheck.report.readiness import ScopeItem, ScopeKind, readiness
from migcheck.report.readiness_text import READINESS_ITEMS_SHOWN

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
REST = 'xmlns="http://schemas.microsoft.com/windowsazure"'
NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="prod" Location="West Europe">
        <Subnets><Subnet name="FrontEnd"><AddressPrefix>10.0.0.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
      <VirtualNetworkSite name="spare" Location="West Europe">
        <Subnets><Subnet name="A"><AddressPrefix>10.1.0.0/24</AddressPrefix></Subnet></Subnets>
        <Gateway/>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


SUBNET = """<ConfigurationSets><ConfigurationSet>
        <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
        <SubnetNames><SubnetName>FrontEnd</SubnetName></SubnetNames>
      </ConfigurationSet></ConfigurationSets>"""


def deployment(name: str, vnet: str = "", media_link: str = "", reserved_ip: str = "") -> str:
    """A REST deployment of one VM; in `vnet` (subnet FrontEnd) when given, else in no virtual network (a
    VM that names a subnet is in a network, whether or not the body names it)."""
    disk = f"<OSVirtualHardDisk><DiskName>{name}-os</DiskName><MediaLink>{media_link}</MediaLink></OSVirtualHardDisk>"
    return f"""\
<Deployment {REST}>
  <Name>{name}</Name>
  <RoleList>
    <Role>
      <RoleName>{name}01</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      {SUBNET if vnet else ""}
      {disk if media_link else ""}
    </Role>
  </RoleList>
  {f"<VirtualNetworkName>{vnet}</VirtualNetworkName>" if vnet else ""}
  {f"<ReservedIPName>{reserved_ip}</ReservedIPName>" if reserved_ip else ""}
</Deployment>
"""


def service_of(deployment_name: str, file: str = "") -> str:
    """How the summary lists the cloud service of a `deployment` body, which names no service, in `file`
    (by default named after the deployment)."""
    return f"<cloud service of deployment {deployment_name}, {file or deployment_name + '.xml'}>"


@pytest.fixture
def estate(tmp_path, monkeypatch):
    """Lint files written under a temporary folder. Only MIG001 runs unless `select` says otherwise: the
    tests give each estate the findings they need, so the verdicts do not depend on the catalogue."""
    monkeypatch.chdir(tmp_path)

    def run(files: dict[str, str], select: tuple[str, ...] = ("MIG001",)) -> LintResult:
        for path, text in files.items():
            (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / path).write_text(textwrap.dedent(text))
        return lint(["."], Config(select=select), load_rules(entry_points=False))

    return run


def finding(resource: Any, severity: Severity = Severity.ERROR, code: str = "MIG999") -> Finding:
    """A finding about `resource`, as a rule would report it."""
    return Finding(code, "test", severity, "msg", "", resource.mark, resource.kind, resource.name)


def with_findings(result: LintResult, *findings: Finding) -> LintResult:
    return dataclasses.replace(result, findings=list(findings))


FILES = ScopeKind.FILES
IN_VNET = ScopeKind.IN_VNET
NETWORK_NOT_STATED = ScopeKind.NETWORK_NOT_STATED
NO_VNET = ScopeKind.NO_VNET
STORAGE = ScopeKind.STORAGE
UNATTACHED = ScopeKind.UNATTACHED
WEB_WORKER = ScopeKind.WEB_WORKER


# The verdict of a cloud service a deployment body alone describes, which names no service: its plan step
# asks for the service's name first, and nothing the files show stops it.
NAME_NOT_STATED = "Not decided: the files do not state which one it is"


def items(result: LintResult, scope: ScopeKind) -> dict[str, ScopeItem]:
    """The items of `scope`, over every subscription of the run."""
    return {
        item.name: item
        for summary in readiness(result)
        for s in summary.scopes
        if s.scope is scope
        for item in s.items
    }


# --- one scope at a time ------------------------------------------------------------------------------


def test_every_scope_is_listed_in_order(estate):
    (summary,) = readiness(estate({"empty.netcfg": NETCFG}))
    assert [s.scope for s in summary.scopes] == list(ScopeKind)


def test_vm_outside_a_vnet_is_validated_with_its_cloud_service(estate):
    result = estate({"jump.xml": deployment("jump")})
    vm = result.estate.cloud_services[0].vms[0]
    item = items(result, NO_VNET)[service_of("jump")]
    assert (item.type, dict(item.migrates)) == ("CloudService", {"vms": ["jump01"], "roles": []})
    assert str(item.verdict) == NAME_NOT_STATED
    warned = items(with_findings(result, finding(vm, Severity.WARNING)), NO_VNET)[service_of("jump")]
    assert (str(warned.verdict), warned.count(Severity.WARNING)) == (NAME_NOT_STATED, 1)
    both = with_findings(result, finding(vm, Severity.WARNING), finding(vm))
    assert str(items(both, NO_VNET)[service_of("jump")].verdict) == "Validation failed"
    assert items(both, IN_VNET) == {}


def test_info_does_not_change_the_verdict(estate):
    result = estate({"jump.xml": deployment("jump")})
    vm = result.estate.cloud_services[0].vms[0]
    item = items(with_findings(result, finding(vm, Severity.INFO)), NO_VNET)[service_of("jump")]
    assert (str(item.verdict), item.count(Severity.INFO)) == (NAME_NOT_STATED, 1)


def test_a_vm_in_a_state_validate_refuses_fails_validation_though_it_is_a_warning(estate):
    """MIG208 is a warning (the state may have changed since the export); Validate run on what the files
    show fails, and the summary says why the warnings fail it. Turned down to info, it is ignored."""
    result = estate({"jump.xml": deployment("jump")})
    vm = result.estate.cloud_services[0].vms[0]
    stuck = with_findings(result, finding(vm, Severity.WARNING, "MIG208"))
    assert str(items(stuck, NO_VNET)[service_of("jump")].verdict) == "Validation failed"
    assert (
        "Validation failed: 1 warning (1 warning is a VM state Validate refuses until it changes)"
        in render(stuck, "text")
    )
    ignored = with_findings(result, finding(vm, Severity.INFO, "MIG208"))
    assert str(items(ignored, NO_VNET)[service_of("jump")].verdict) == NAME_NOT_STATED
    twice = with_findings(
        result, finding(vm, Severity.WARNING, "MIG208"), finding(vm, Severity.WARNING, "MIG208")
    )
    assert "(2 warnings are VM states Validate refuses until they change)" in render(twice, "text")


def test_vnet_item_holds_its_elements_and_the_findings_of_its_members(estate):
    result = estate(
        {"network/NetworkConfig.netcfg": NETCFG, "rest/jump.xml": deployment("jump", vnet="PROD")}
    )
    vm = result.estate.cloud_services[0].vms[0]
    spare = result.estate.virtual_network("spare")
    result = with_findings(result, finding(vm.subnets[0]), finding(spare.subnets[0], Severity.WARNING))
    vnets = items(result, IN_VNET)
    assert list(vnets) == ["prod", "spare"]
    assert dict(vnets["prod"].migrates) == {
        "defined": True,
        "subnets": ["FrontEnd"],
        "gateway": False,
        "cloud_services": [{"name": service_of("jump"), "vms": ["jump01"], "roles": []}],
    }
    assert str(vnets["prod"].verdict) == "Validation failed"
    assert vnets["spare"].migrates["gateway"] is True
    assert str(vnets["spare"].verdict) == "Validation passed with warnings"
    assert items(result, NO_VNET) == {} and items(result, FILES) == {}


def test_a_vnet_named_but_not_defined_is_still_a_scope_item(estate):
    result = estate({"rest/jump.xml": deployment("jump", vnet="elsewhere")})
    vnet = items(result, IN_VNET)["elsewhere"]
    assert vnet.migrates["defined"] is False
    assert vnet.migrates["cloud_services"] == [{"name": service_of("jump"), "vms": ["jump01"], "roles": []}]


def test_a_script_s_gateway_change_counts_against_its_vnet(estate):
    # The site-to-site gateway a script sets up beside ExpressRoute fails the network's migration, not
    # some file's.
    result = estate(
        {
            "network/NetworkConfig.netcfg": NETCFG,
            "coexist.ps1": "New-AzureVirtualNetworkGateway -VNetName prod -GatewayName S2SVPN\n",
        },
        select=("MIG301",),
    )
    (fact,) = result.estate.scripted_gateway("prod").facts
    vnets = items(with_findings(result, finding(fact)), IN_VNET)
    assert str(vnets["prod"].verdict) == "Validation failed"
    assert str(vnets["spare"].verdict) == "Validation passed"
    assert items(result, FILES) == {}


def test_a_network_only_a_script_names_through_its_gateway_is_a_scope_item(estate):
    result = estate({"link.ps1": 'New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName "hub"\n'})
    (fact,) = result.estate.scripted_gateway("hub").facts
    vnets = items(with_findings(result, finding(fact, Severity.WARNING)), IN_VNET)
    assert dict(vnets["hub"].migrates) == {
        "defined": False,
        "subnets": [],
        "gateway": True,
        "cloud_services": [],
    }
    # No file defines it: its definition may hold what blocks it.
    assert str(vnets["hub"].verdict) == "Not decided: the network's definition is not in the files"
    assert vnets["hub"].count(Severity.WARNING) == 1


def test_what_sits_in_a_network_counts_against_it(estate):
    # An Application Gateway a script creates in the network blocks the network's migration (MIG312).
    result = estate(
        {
            "network/NetworkConfig.netcfg": NETCFG,
            "appgw.ps1": 'New-AzureApplicationGateway -Name "gw" -VnetName "prod" -Subnets "FrontEnd"\n',
        },
        select=("MIG312",),
    )
    assert [f.code for f in result.findings] == ["MIG312"]
    vnets = items(result, IN_VNET)
    assert str(vnets["prod"].verdict) == "Validation failed"
    assert str(vnets["spare"].verdict) == "Validation passed"
    assert items(result, FILES) == {}


def test_a_finding_in_an_export_of_several_subscriptions_counts_in_its_own(estate):
    # Each subscription of the exports is an estate of its own: a VM's finding fails that subscription's
    # network, not a file of the one the export's path belongs to.
    first, second = "11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222"
    rows = [
        graph_vm(first, "app", "a", "app-as", vnet="prod", subnet="FrontEnd"),
        graph_vm(first, "app", "b", "", vnet="prod", subnet="FrontEnd"),
        graph_vm(second, "web", "c", "", vnet="prod", subnet="FrontEnd"),
    ]
    result = estate({"graph.json": json.dumps(rows)}, select=("MIG103",))
    assert [f.code for f in result.findings] == ["MIG103"]
    verdicts = {
        (summary.subscription, item.name): str(item.verdict)
        for summary in readiness(result)
        for scope in summary.scopes
        for item in scope.items
        if item.type != "StorageAccount"  # of the VMs' disks, which rows without storageProfile do not place
    }
    # Neither export defines 'prod': in the second, where nothing fails it, it is not decided.
    undecided = "Not decided: the network's definition is not in the files"
    assert verdicts == {(first, "prod"): "Validation failed", (second, "prod"): undecided}


def test_export_azurevm_files_do_not_say_which_vnet(estate):
    vm = "<PersistentVM><RoleName>{}</RoleName></PersistentVM>"
    result = estate({"sql/a.xml": vm.format("sql01"), "sql/b.xml": vm.format("sql02")})
    assert dict(items(result, NETWORK_NOT_STATED)["sql"].migrates) == {"vms": ["sql01", "sql02"], "roles": []}
    assert items(result, NO_VNET) == {} and items(result, IN_VNET) == {}


def test_a_disk_counts_against_its_vnet_and_its_storage_account(estate):
    link = "https://contosostd.blob.core.windows.net/vhds/archive/jump-os.vhd"
    result = estate({"net.netcfg": NETCFG, "jump.xml": deployment("jump", vnet="prod", media_link=link)})
    disk = result.estate.cloud_services[0].vms[0].disks[0]
    result = with_findings(result, finding(disk))
    account = items(result, STORAGE)["contosostd"]
    assert (account.type, dict(account.migrates)) == ("StorageAccount", {"disks": ["jump-os"], "images": []})
    assert str(account.verdict) == "Validation failed"
    assert str(items(result, IN_VNET)["prod"].verdict) == "Validation failed"


def test_disks_and_images_listed_on_their_own_name_their_account(estate):
    result = estate(
        {
            "disks.xml": f"""\
            <Disks {REST}><Disk><Name>old</Name>
              <MediaLink>https://ArchiveSA.blob.core.windows.net/vhds/old.vhd</MediaLink></Disk></Disks>""",
            "images.xml": f"""\
            <Images {REST}><OSImage><Name>base</Name>
              <MediaLink>https://archivesa.blob.core.windows.net/images/base.vhd</MediaLink></OSImage></Images>""",
        }
    )
    assert dict(items(result, STORAGE)["archivesa"].migrates) == {"disks": ["old"], "images": ["base"]}


def test_reserved_ips_in_use_migrate_with_their_service(estate):
    result = estate(
        {
            "ips.xml": f"""\
            <ReservedIPs {REST}>
              <ReservedIP><Name>web-ip</Name><Address>203.0.113.4</Address></ReservedIP>
              <ReservedIP><Name>spare-ip</Name><Address>203.0.113.5</Address></ReservedIP>
              <ReservedIP><Name>other-ip</Name><ServiceName>other</ServiceName></ReservedIP>
            </ReservedIPs>""",
            "nsg.xml": f"<NetworkSecurityGroups {REST}><NetworkSecurityGroup><Name>fe-nsg</Name>"
            "</NetworkSecurityGroup></NetworkSecurityGroups>",
            "rt.xml": f"<RouteTable {REST}><Name>fe-routes</Name></RouteTable>",
            "web.xml": deployment("web", reserved_ip="WEB-IP"),
        }
    )
    used, spare = result.estate.reserved_ips[:2]
    result = with_findings(result, finding(used), finding(spare, Severity.WARNING))
    unattached = items(result, UNATTACHED)
    assert {n: i.type for n, i in unattached.items()} == {
        "fe-nsg": "NetworkSecurityGroup",
        "fe-routes": "RouteTable",
        "spare-ip": "ReservedIP",
    }
    assert unattached["spare-ip"].migrates == {"address": "203.0.113.5"}
    assert str(unattached["spare-ip"].verdict) == "Validation passed with warnings"
    assert str(items(result, NO_VNET)[service_of("web")].verdict) == "Validation failed"


def test_a_file_that_yields_nothing_is_listed_under_files(estate):
    result = estate({"jump.xml": deployment("jump"), "broken.cscfg": "<ServiceConfiguration>"})
    assert [f.code for f in result.findings] == ["MIG001"]
    broken = items(result, FILES)["broken.cscfg"]
    assert (broken.type, str(broken.verdict), broken.count(Severity.ERROR)) == (
        "File",
        "Validation failed",
        1,
    )
    assert str(items(result, NO_VNET)[service_of("jump")].verdict) == NAME_NOT_STATED


def test_an_unmodelled_element_counts_against_the_one_item_owning_its_file(estate):
    result = estate({"jump.xml": deployment("jump")})
    vm = result.estate.cloud_services[0].vms[0]
    elsewhere = dataclasses.replace(finding(vm), mark=dataclasses.replace(vm.mark, line=999, tag="Unknown"))
    result = with_findings(result, elsewhere)
    assert items(result, NO_VNET)[service_of("jump")].findings == (elsewhere,)
    assert items(result, FILES) == {}


# --- the example estates ------------------------------------------------------------------------------


def lint_example(name: str, monkeypatch) -> LintResult:
    monkeypatch.chdir(EXAMPLES.parent)
    return lint([f"examples/{name}"], Config(), load_rules(entry_points=False))


def test_contoso_fails_where_its_errors_are(monkeypatch):
    result = lint_example("contoso", monkeypatch)
    vnets = items(result, IN_VNET)
    assert set(vnets) == {"contoso-prod-vnet", "contoso-legacy-vnet", "contoso-er-vnet", "contoso-web-vnet"}
    # sql-tier's Export-AzureVM files do not name its network: their subnets, which only it defines, do.
    assert [s["name"] for s in vnets["contoso-prod-vnet"].migrates["cloud_services"]] == [
        "contoso-jump",
        "sql-tier",
    ]
    assert [s["name"] for s in vnets["contoso-web-vnet"].migrates["cloud_services"]] == ["contoso-webshop"]
    for name in ("contoso-prod-vnet", "contoso-web-vnet"):  # endpoint ACLs, web/worker roles, subnets
        assert str(vnets[name].verdict) == "Validation failed"
    assert not items(result, NETWORK_NOT_STATED)
    every = [item for s in readiness(result) for item in s.items]
    for item in every:
        expected = "Validation failed" if item.count(Severity.ERROR) else None
        assert expected is None or str(item.verdict) == expected
    # A runbook is no migration scope, nor are the exports of alerts and role assignments: theirs are the
    # only findings listed by file. The circuit's link authorizations are the circuit's, as in the plan.
    assert [item.name for item in every if item.type == "File"] == [
        "examples/contoso/inventory/alertrules.json",
        "examples/contoso/inventory/dependents.json",
        "examples/contoso/inventory/rbac.json",
        "examples/contoso/runbooks/Move-ContosoProd.ps1",
    ]
    attached = {id(f) for item in every for f in item.findings}
    assert all(id(f) in attached for f in result.findings), "every contoso finding belongs to a scope"


def test_ready_passes_everywhere(monkeypatch):
    result = lint_example("ready", monkeypatch)
    (summary,) = readiness(result)
    every = [(s.scope, item.name, str(item.verdict)) for s in summary.scopes for item in s.items]
    assert every == [
        (IN_VNET, "northwind-app-vnet", "Validation passed"),  # northwind-app with it, by its VMs' subnet
        # The app VMs' disks, which their Export-AzureVM files name without a blob, are in the account the
        # list of disks gives their blobs in.
        (STORAGE, "northwindappstd", "Validation passed"),
        (STORAGE, "northwindwebstd", "Validation passed"),
    ]


# --- formats ------------------------------------------------------------------------------------------


def test_report_json_has_findings_and_scopes(monkeypatch):
    result = lint_example("contoso", monkeypatch)
    report = json.loads(render(result, "report-json"))
    assert set(report) == {"version", "findings", "suppressed", "known", "subscriptions"}
    assert report["version"] == 2
    assert report["findings"] == json.loads(render(result, "json"))
    assert report["suppressed"] == len(result.suppressed) - len(result.known)
    (subscription,) = report["subscriptions"]
    assert subscription["subscription"] == "default"
    assert [s["scope"] for s in subscription["scopes"]] == [str(k) for k in ScopeKind]
    for item in (i for s in subscription["scopes"] for i in s["items"]):
        keys = {"name", "type", "migrates", "verdict", "errors", "warnings", "info", "suppressed", "findings"}
        assert set(item) == keys
        codes = [report["findings"][i]["severity"] for i in item["findings"]]
        assert (item["errors"], item["warnings"], item["info"]) == tuple(
            codes.count(s) for s in ("error", "warning", "info")
        )


def test_json_format_stays_the_findings_array(monkeypatch):
    assert isinstance(json.loads(render(lint_example("contoso", monkeypatch), "json")), list)


def test_text_report_prints_readiness_before_the_summary_line(monkeypatch):
    out = render(lint_example("contoso", monkeypatch), "text")
    block = out[out.index("Readiness by migration scope:") :].splitlines()
    assert block[1] == "  ExpressRoute circuits"  # moved first, as the plan's first step
    at = block.index("  VMs and web/worker roles in a virtual network")
    assert block[at + 1].startswith(
        "    contoso-prod-vnet (4 subnets, gateway; cloud services: contoso-jump (2 VMs), sql-tier (3 VMs))"
    )
    # Too long for the column: its verdict is on the next line, in the column of the others'.
    column = block[at + 3].index("Validation failed: ")
    assert block[at + 2].index("Validation failed: ") == column and not block[at + 2][:column].strip()
    assert block[-1].startswith("Found ")
    assert "Readiness" not in render(lint_example("contoso", monkeypatch), "concise")


def test_text_readiness_is_capped_per_scope(estate):
    files = {f"svc{i:02}/d.xml": deployment(f"svc{i:02}") for i in range(READINESS_ITEMS_SHOWN + 3)}
    result = estate(files)
    vm = next(s for s in result.estate.cloud_services if s.name == "svc10").vms[0]
    out = render(with_findings(result, finding(vm)), "text")
    lines = out.splitlines()
    start = lines.index("  VMs not in a virtual network")
    shown = lines[start + 1 : start + 1 + READINESS_ITEMS_SHOWN]
    assert any(
        line.lstrip().startswith(f"{service_of('svc10', 'd.xml')} (1 VM)") and "Validation failed" in line
        for line in shown
    )
    assert lines[start + 1 + READINESS_ITEMS_SHOWN] == "    … and 3 more (3 not decided)"


def test_a_finding_about_a_script_is_the_scripts_not_the_deployment_it_makes(estate):
    """MIG601 points at a script's first classic call, which may be the call that creates a deployment:
    the finding is about the script (its calls, its steps), so it is listed under Files."""
    script = (
        'New-AzureQuickVM -Windows -ServiceName "jump" -Name "jump01" -ImageName $image -Location "West Europe" '
        "-Password $p -AdminUsername $u\n"
    )
    result = estate({"deploy.ps1": script}, select=("MIG601",))
    [found] = result.findings
    assert items(result, FILES)["deploy.ps1"].findings == (found,)
    assert items(result, NO_VNET)["jump"].findings == ()


def test_a_statement_that_creates_a_service_per_loop_turn_counts_each_finding_once(estate):
    """`foreach ($n in "sql1", "sql2") { New-AzureQuickVM -ServiceName $n ... }`: two services, both
    created at one statement, each with its own MIG105 there; each item holds its own finding only."""
    script = (
        'foreach ($n in "sql1", "sql2") {\n'
        '    New-AzureQuickVM -Windows -ServiceName $n -Name $n -ImageName $image -Location "West Europe" '
        "-Password $p -AdminUsername $u\n"
        "}\n"
    )
    result = estate({"deploy.ps1": script}, select=("MIG105",))
    assert len(result.findings) == 2
    for name in ("sql1", "sql2"):
        [found] = items(result, NO_VNET)[name].findings
        assert found.resource_name == name


def test_a_script_that_does_not_parse_fails_its_own_file_s_item(estate):
    """MIG001 is about the file: PowerShell runs none of a script it cannot parse, so nothing is read from it
    and no deployment of it is planned."""
    script = (
        "Import-Module Azure\n"
        '$vm = New-AzureVMConfig -Name "vm01" -InstanceSize Small -ImageName $img\n'
        'New-AzureVM -ServiceName "svc" -VMs $vm -Location "West Europe"\n'
        "function unfinished {\n"
    )
    result = estate({"d.ps1": script}, select=("MIG001",))
    assert [f.code for f in result.findings] == ["MIG001"]
    assert "svc" not in items(result, NO_VNET)
    assert str(items(result, ScopeKind.FILES)["d.ps1"].verdict) == "Validation failed"


def test_a_file_no_scope_holds_passes_or_fails_without_claiming_a_validate_result(monkeypatch):
    result = lint_example("contoso", monkeypatch)
    files = items(result, ScopeKind.FILES)
    assert str(files["examples/contoso/runbooks/Move-ContosoProd.ps1"].verdict) == "Validation failed"
    rows = [" ".join(line.split()) for line in render(result, "text").splitlines()]
    assert "examples/contoso/runbooks/Move-ContosoProd.ps1 Fails: 1 error, 1 warning" in rows
    assert "examples/contoso/inventory/rbac.json Passes with 2 warnings" in rows
    # The report-json keeps the verdict its schema names.
    assert "Validation failed" in render(result, "report-json")
