"""MIG204, MIG206, MIG207 and MIG209 beyond their examples: which extensions are which (names matched by
pattern, in ASCII digits only), the Defender for Cloud extension in every format that places a VM in a
network and states its DNS servers, and the Site Recovery extension."""

from __future__ import annotations

from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.coverage import entry_for
from migcheck.engine import lint
from migcheck.model import Extension, Mark, Severity
from migcheck.plugins import load_rules

RULES = load_rules(entry_points=False)


def _lint(tmp_path: Path, monkeypatch, files: dict[str, str], *codes: str, **config):
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return lint(["."], Config(select=codes, **config), RULES).findings


def _ext(publisher: str, name: str, version: str = "1.*", state: str = "") -> Extension:
    return Extension(publisher, name, version, state, Mark("x.xml", 1))


def _reference(publisher: str, name: str, version: str = "1.*", state: str = "") -> str:
    state_xml = f"<State>{state}</State>" if state else ""
    return (
        "<ResourceExtensionReference>"
        f"<Publisher>{publisher}</Publisher><Name>{name}</Name><Version>{version}</Version>{state_xml}"
        "</ResourceExtensionReference>"
    )


def _deployment(name: str, vm: str, extensions: str, vnet: str = "", dns: str = "") -> str:
    """A REST deployment of one VM, in `vnet` when given, with the deployment's own DNS servers `dns`."""
    network = f"  <VirtualNetworkName>{vnet}</VirtualNetworkName>\n" if vnet else ""
    return (
        '<Deployment xmlns="http://schemas.microsoft.com/windowsazure">\n'
        f"  <Name>{name}</Name>\n"
        "  <RoleList>\n"
        f"    <Role><RoleName>{vm}</RoleName><RoleType>PersistentVMRole</RoleType>\n"
        f"      <ResourceExtensionReferences>{extensions}</ResourceExtensionReferences>\n"
        "    </Role>\n"
        "  </RoleList>\n"
        f"{network}{dns}</Deployment>\n"
    )


def _export(vm: str, extensions: str) -> str:
    return (
        f"<PersistentVM>\n  <RoleName>{vm}</RoleName>\n"
        f"  <ResourceExtensionReferences>{extensions}</ResourceExtensionReferences>\n</PersistentVM>\n"
    )


def _found(findings) -> list[tuple[str, str, str]]:
    return [(f.code, str(f.severity), f.location.path) for f in findings]


# --- which extensions are which ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("publisher", "name"),
    [
        ("Microsoft.VisualStudio.WindowsAzure.RemoteDebug", "RemoteDebugVS2019"),
        ("Microsoft.VisualStudio.WindowsAzure.RemoteDebug", "RemoteDebugVS2022"),
        ("Microsoft.VisualStudio.Azure.RemoteDebug", "VS2019Debugger"),
        ("microsoft.visualstudio.windowsazure.remotedebug", "REMOTEDEBUGVS14CTP"),
    ],
)
def test_later_visual_studio_releases_are_xml_extensions(publisher, name):
    assert _ext(publisher, name).is_xml


@pytest.mark.parametrize(
    "name",
    [
        "RemoteDebugVS\uff12\uff10\uff11\uff17",  # fullwidth digits
        "RemoteDebugVS\u0662\u0660\u0661\u0667",  # Arabic-Indic digits
        "VS\uff12\uff10\uff11\uff17Debugger",
        "RemoteDebugVS",
        "VSDebugger",
    ],
)
def test_release_numbers_are_ascii_digits(name):
    assert not _ext("Microsoft.VisualStudio.WindowsAzure.RemoteDebug", name).is_xml


@pytest.mark.parametrize(
    ("publisher", "name", "expected"),
    [
        ("Microsoft.Azure.RecoveryServices.SiteRecovery", "Windows", True),
        ("Microsoft.Azure.RecoveryServices.SiteRecovery", "LinuxRHEL7", True),
        ("Microsoft.Azure.RecoveryServices.SiteRecovery2", "LinuxUBUNTU2004", True),
        (" microsoft.azure.recoveryservices.siterecovery ", "Linux", True),
        ("Microsoft.Azure.RecoveryServices", "VMSnapshot", False),  # Azure Backup's: MIG206
        ("Microsoft.Azure.RecoveryServices.SiteRecoveryStage", "Windows", False),
        ("Microsoft.Azure.RecoveryServices.SiteRecovery\uff12", "Linux", False),
        ("", "Windows", False),  # no publisher: the name alone says nothing
        ("Contoso.SiteRecovery", "Windows", False),
    ],
)
def test_site_recovery_extension_by_publisher(publisher, name, expected):
    ext = _ext(publisher, name)
    assert ext.is_site_recovery is expected
    assert not (ext.is_site_recovery and ext.is_backup)


# --- MIG204 -------------------------------------------------------------------------------------------------

REMOTE_DEBUG_2017 = _reference("Microsoft.VisualStudio.WindowsAzure.RemoteDebug", "RemoteDebugVS2017")
WEB_DEPLOY = _reference("Microsoft.VisualStudio.WindowsAzure.DevTest", "WebDeployForVSDevTest")


def test_xml_extensions_in_rest_and_export_files(tmp_path, monkeypatch):
    files = {
        "rest/dev.xml": _deployment("dev", "dev01", REMOTE_DEBUG_2017 + WEB_DEPLOY),
        "vms/dev02.xml": _export(
            "dev02", _reference("Microsoft.VisualStudio.Azure.RemoteDebug", "VS2022Debugger")
        ),
    }
    findings = _lint(tmp_path, monkeypatch, files, "MIG204")
    assert [(f.location.path, f.resource_name) for f in findings] == [
        ("rest/dev.xml", "RemoteDebugVS2017"),
        ("rest/dev.xml", "WebDeployForVSDevTest"),
        ("vms/dev02.xml", "VS2022Debugger"),
    ]
    # The message says why it matters; the help says to uninstall it before migrating, not leave it dropped.
    assert all("does not carry over" in f.message and "uninstall" not in f.message for f in findings)
    assert all(f.fix.startswith(f"Uninstall {f.resource_name} before migrating") for f in findings)


def test_xml_extension_docs_say_where_each_name_comes_from():
    docs = next(r for r in RULES if r.code == "MIG204").docs
    for name in ("RemoteDebugVS2017", "VS2015Debugger", "WebDeployForVSDevTest", "BGInfo"):
        assert name in docs.what
    assert "2023 errors page" in docs.why and "dropped automatically" in docs.why


def test_each_xml_extension_gets_its_own_way_out(tmp_path, monkeypatch):
    files = {
        "vms/jump.xml": _export("jump", _reference("Microsoft.Compute", "BGInfo")),
        "vms/dev.xml": _export(
            "dev", _reference("Microsoft.VisualStudio.WindowsAzure.RemoteDebug", "RemoteDebugVS2017")
        ),
    }
    fixes = {f.location.path: f.fix for f in _lint(tmp_path, monkeypatch, files, "MIG204")}
    assert "Set-AzureVMBGInfoExtension -Uninstall" in fixes["vms/jump.xml"]
    assert "Visual Studio" not in fixes["vms/jump.xml"]
    assert "-ExtensionName RemoteDebugVS2017" in fixes["vms/dev.xml"] and "BGInfo" not in fixes["vms/dev.xml"]


# --- MIG207: Defender for Cloud's monitoring extension -------------------------------------------------------


def _reach(findings) -> list[tuple[str, str, str]]:
    """MIG207 findings, each a warning: "cut off" where the VM's gateway cuts it off from on-premises
    during migration (the fix says to disable the policy hours before), "alone" for the extension alone."""
    assert all(str(f.severity) == "warning" for f in findings)
    return [(f.code, "cut off" if "3 hours" in f.fix else "alone", f.location.path) for f in findings]


MONITORING = _reference("Microsoft.Azure.Security.Monitoring", "AzureSecurityWindowsAgent")
ER_SITE = """
      <LocalNetworkSite name="dc-frankfurt">
        <AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
      </LocalNetworkSite>"""


def _netcfg(dns_ref: str = "", dns: str = '<DnsServer name="dc01" IPAddress="192.168.10.4"/>') -> str:
    """One network, `er-vnet`, connected to ExpressRoute through a site holding on-premises 192.168/16."""
    return f"""\
<NetworkConfiguration>
  <VirtualNetworkConfiguration>
    <Dns><DnsServers>{dns}</DnsServers></Dns>
    <LocalNetworkSites>{ER_SITE}
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="er-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.4.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="app"><AddressPrefix>10.4.1.0/24</AddressPrefix></Subnet></Subnets>
        <DnsServersRef>{dns_ref}</DnsServersRef>
        <Gateway>
          <ConnectionsToLocalNetwork>
            <LocalNetworkSiteRef name="dc-frankfurt"><Connection type="Dedicated"/></LocalNetworkSiteRef>
          </ConnectionsToLocalNetwork>
        </Gateway>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def _rest_network(dns_address: str) -> str:
    """The same network as a REST `VirtualNetworkSites` body: DNS servers and the site written inline."""
    return f"""\
<VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure">
  <VirtualNetworkSite>
    <Name>er-vnet</Name>
    <Location>West Europe</Location>
    <AddressSpace><AddressPrefixes><AddressPrefix>10.4.0.0/16</AddressPrefix></AddressPrefixes></AddressSpace>
    <Dns><DnsServers><DnsServer><Name>dc01</Name><Address>{dns_address}</Address></DnsServer></DnsServers></Dns>
    <Gateway>
      <Sites>
        <LocalNetworkSite>
          <Name>dc-frankfurt</Name>
          <AddressSpace><AddressPrefixes><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressPrefixes></AddressSpace>
          <Connections><Connection><Type>Dedicated</Type></Connection></Connections>
        </LocalNetworkSite>
      </Sites>
    </Gateway>
  </VirtualNetworkSite>
</VirtualNetworkSites>
"""


DEPLOYMENT_DNS = (
    "  <Dns><DnsServers><DnsServer><Name>dc01</Name><Address>192.168.10.4</Address></DnsServer>"
    "</DnsServers></Dns>\n"
)


def test_netcfg_network_with_on_premises_dns_cuts_a_vm_off_and_a_vm_elsewhere_has_the_extension_alone(
    tmp_path, monkeypatch
):
    files = {
        "net/NetworkConfig.netcfg": _netcfg('<DnsServerRef name="dc01"/>'),
        "rest/app.xml": _deployment("app", "app01", MONITORING, vnet="er-vnet"),
        "rest/edge.xml": _deployment("edge", "edge01", MONITORING),  # in no virtual network
    }
    findings = _lint(tmp_path, monkeypatch, files, "MIG207")
    assert _reach(findings) == [("MIG207", "cut off", "rest/app.xml"), ("MIG207", "alone", "rest/edge.xml")]
    warning, info = findings
    assert "on-premises DNS server 'dc01' (192.168.10.4)" in warning.message
    assert "3 hours" in warning.fix and "3 hours" not in info.fix
    assert "Defender for Cloud" in info.message and "Defender for Cloud's policy" in info.fix


@pytest.mark.parametrize(("dns_address", "reach"), [("192.168.10.4", "cut off"), ("10.4.1.4", "alone")])
def test_rest_virtual_network_body_with_inline_dns_and_sites(tmp_path, monkeypatch, dns_address, reach):
    """The network, its DNS server and its ExpressRoute site all written in a REST body: a DNS server inside
    the network's own range is not on-premises."""
    files = {
        "net/vnets.xml": _rest_network(dns_address),
        "rest/app.xml": _deployment("app", "app01", MONITORING, vnet="er-vnet"),
    }
    assert _reach(_lint(tmp_path, monkeypatch, files, "MIG207")) == [("MIG207", reach, "rest/app.xml")]


@pytest.mark.parametrize(("dns_address", "reach"), [("10.9.0.4", "cut off"), ("10.4.1.4", "alone")])
def test_a_dns_server_in_a_site_that_aggregates_the_network_is_on_premises_only_outside_it(
    tmp_path, monkeypatch, dns_address, reach
):
    """The ExpressRoute site announces 10/8, which holds the network's own 10.4/16: a DNS server in the
    network is not on-premises, one elsewhere in 10/8 is."""
    files = {
        "net/vnets.xml": _rest_network(dns_address).replace("192.168.0.0/16", "10.0.0.0/8"),
        "rest/app.xml": _deployment("app", "app01", MONITORING, vnet="er-vnet"),
    }
    assert _reach(_lint(tmp_path, monkeypatch, files, "MIG207")) == [("MIG207", reach, "rest/app.xml")]


def test_dns_servers_of_the_deployment_count_for_its_own_vms(tmp_path, monkeypatch):
    """The network names no DNS server; one deployment in it uses the on-premises one, the other none."""
    files = {
        "net/NetworkConfig.netcfg": _netcfg(),
        "rest/app.xml": _deployment("app", "app01", MONITORING, vnet="er-vnet", dns=DEPLOYMENT_DNS),
        "rest/batch.xml": _deployment("batch", "batch01", MONITORING, vnet="er-vnet"),
    }
    findings = _lint(tmp_path, monkeypatch, files, "MIG207")
    assert _reach(findings) == [("MIG207", "cut off", "rest/app.xml"), ("MIG207", "alone", "rest/batch.xml")]


def test_dns_servers_of_a_service_configuration_are_not_a_vms(tmp_path, monkeypatch):
    """A cloud service of web/worker roles in the same network uses the on-premises DNS server: that says
    nothing about the VMs of another deployment (a .cscfg never configures VMs)."""
    cscfg = """\
<ServiceConfiguration serviceName="shop">
  <Role name="Web"><Instances count="2"/></Role>
  <NetworkConfiguration>
    <Dns><DnsServers><DnsServer name="dc01" IPAddress="192.168.10.4"/></DnsServers></Dns>
    <VirtualNetworkSite name="er-vnet"/>
  </NetworkConfiguration>
</ServiceConfiguration>
"""
    files = {
        "net/NetworkConfig.netcfg": _netcfg(),
        "shop/ServiceConfiguration.Cloud.cscfg": cscfg,
        "rest/app.xml": _deployment("app", "app01", MONITORING, vnet="er-vnet"),
    }
    assert _reach(_lint(tmp_path, monkeypatch, files, "MIG207")) == [("MIG207", "alone", "rest/app.xml")]


@pytest.mark.parametrize(
    ("spoke_site", "reach"),
    [
        (("10.1.0.0/16", "192.168.0.0/16"), "cut off"),  # the hub's range and the office's
        (("10.0.0.0/8", "192.168.0.0/16"), "cut off"),  # a range holding the hub's, and the office's
        (("10.0.0.0/8",), "alone"),  # the hub's range written wide: it holds no office the hub reaches
        (("10.2.0.0/15", "192.168.0.0/16"), "alone"),  # holds the spoke's own range, not the hub's
    ],
)
def test_transit_through_a_hub_written_in_rest_bodies(tmp_path, monkeypatch, spoke_site, reach):
    """A spoke reaches on-premises through the hub when its gateway's site aggregates the hub and the
    office; a site that overlaps only the spoke's own range is no transit."""

    def site(name: str, *prefixes: str) -> str:
        space = "".join(f"<AddressPrefix>{p}</AddressPrefix>" for p in prefixes)
        return (
            f"<LocalNetworkSite><Name>{name}</Name><AddressSpace><AddressPrefixes>{space}</AddressPrefixes>"
            "</AddressSpace><Connections><Connection><Type>IPsec</Type></Connection></Connections>"
            "</LocalNetworkSite>"
        )

    def network(name: str, prefix: str, sites: str) -> str:
        return (
            f"<VirtualNetworkSite><Name>{name}</Name><Location>West Europe</Location>"
            f"<AddressSpace><AddressPrefixes><AddressPrefix>{prefix}</AddressPrefix></AddressPrefixes>"
            f"</AddressSpace><Gateway><Sites>{sites}</Sites></Gateway></VirtualNetworkSite>\n"
        )

    body = (
        '<VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure">\n'
        + network("hub", "10.1.0.0/16", site("office", "192.168.0.0/16"))
        + network("spoke", "10.2.0.0/16", site("hub-and-office", *spoke_site))
        + "</VirtualNetworkSites>\n"
    )
    files = {
        "net/vnets.xml": body,
        "rest/spoke.xml": _deployment("spoke", "spoke01", MONITORING, vnet="spoke"),
        "rest/hub.xml": _deployment("hub", "hub01", MONITORING, vnet="hub"),  # reaches on-premises directly
    }
    findings = _lint(tmp_path, monkeypatch, files, "MIG207")
    assert _reach(findings) == [("MIG207", "alone", "rest/hub.xml"), ("MIG207", reach, "rest/spoke.xml")]
    transit = "transit connectivity through local network site 'hub-and-office'" in findings[1].message
    assert transit is (reach == "cut off")


def test_export_files_uninstalled_and_other_security_extensions(tmp_path, monkeypatch):
    files = {
        "vms/app02.xml": _export("app02", MONITORING),
        "vms/app03.xml": _export(
            "app03",
            _reference("Microsoft.Azure.Security.Monitoring", "AzureSecurityLinuxAgent", state="Uninstall"),
        ),
        "vms/app04.xml": _export("app04", _reference("Microsoft.Azure.Security", "IaaSAntimalware")),
    }
    assert _reach(_lint(tmp_path, monkeypatch, files, "MIG207")) == [("MIG207", "alone", "vms/app02.xml")]


def test_a_severity_override_applies_to_both_kinds_of_finding(tmp_path, monkeypatch):
    files = {
        "net/NetworkConfig.netcfg": _netcfg('<DnsServerRef name="dc01"/>'),
        "rest/app.xml": _deployment("app", "app01", MONITORING, vnet="er-vnet"),
        "vms/app02.xml": _export("app02", MONITORING),
    }
    findings = _lint(tmp_path, monkeypatch, files, "MIG207", severity={"MIG207": Severity.ERROR})
    assert [str(f.severity) for f in findings] == ["error", "error"]


def test_defender_for_cloud_coverage_rows_do_not_overclaim():
    for row in ("VM with Microsoft Defender for Cloud extension", "VM with Azure Security Center extension"):
        entry = entry_for(row)
        assert entry is not None and entry.codes == ("MIG207",)
        assert str(entry.status) == "partly checked" and "Microsoft.EnterpriseCloud.Monitoring" in entry.note


# --- MIG209: Azure Site Recovery -----------------------------------------------------------------------------

SITE_RECOVERY = _reference("Microsoft.Azure.RecoveryServices.SiteRecovery", "Windows", "1.0")


def test_site_recovery_extension_in_rest_and_export_files(tmp_path, monkeypatch):
    files = {
        "rest/erp.xml": _deployment("erp", "erp01", SITE_RECOVERY),
        "vms/erp02.xml": _export(
            "erp02", _reference("Microsoft.Azure.RecoveryServices.SiteRecovery2", "LinuxSLES15")
        ),
        "vms/erp03.xml": _export(
            "erp03", _reference("Microsoft.Azure.RecoveryServices", "VMSnapshot", "1.0")
        ),
        "vms/erp04.xml": _export(
            "erp04", SITE_RECOVERY.replace("</Version>", "</Version><State>Uninstall</State>")
        ),
    }
    findings = _lint(tmp_path, monkeypatch, files, "MIG209")
    assert [(f.location.path, str(f.severity), f.resource_name) for f in findings] == [
        ("rest/erp.xml", "warning", "Windows"),
        ("vms/erp02.xml", "warning", "LinuxSLES15"),
    ]
    assert findings[0].message == (
        "VM 'erp01' has the Azure Site Recovery extension Windows 1.0 "
        "(Microsoft.Azure.RecoveryServices.SiteRecovery): its replication is disrupted by the migration; "
        "disable and enable replication again once its storage account is migrated"
    )


def test_the_backup_extension_is_not_site_recovery(tmp_path, monkeypatch):
    files = {
        "vms/erp03.xml": _export("erp03", _reference("Microsoft.Azure.RecoveryServices", "VMSnapshot", "1.0"))
    }
    assert _found(_lint(tmp_path, monkeypatch, files, "MIG206", "MIG209")) == [
        ("MIG206", "error", "vms/erp03.xml")
    ]


def test_site_recovery_rule_and_coverage():
    rule = next(r for r in RULES if r.code == "MIG209")
    assert (rule.name, rule.severity) == ("site-recovery-extension", Severity.WARNING)
    assert "assumes" in rule.docs.what  # what was assumed about the classic extension's publisher
    entry = entry_for("VM with Azure Site Recovery extension")
    assert entry is not None and entry.codes == ("MIG209",) and str(entry.status) == "checked"


def test_each_vm_a_script_gives_an_extension_in_a_loop_or_a_function_is_reported(tmp_path: Path, monkeypatch):
    loop = (
        '$vmNames = "web01", "web02", "web03"\n'
        "foreach ($name in $vmNames) {\n"
        '    $vm = Get-AzureVM -ServiceName "contoso-web" -Name $name\n'
        '    $vm = Set-AzureVMExtension -VM $vm -ExtensionName "BGInfo" -Publisher "Microsoft.Compute" -Version "1.*"\n'
        "    $vm | Update-AzureVM\n"
        "}\n"
    )
    findings = _lint(tmp_path, monkeypatch, {"bginfo.ps1": loop}, "MIG204")
    assert [(f.message.split("'")[1], f.location.line, f.location.column) for f in findings] == [
        (f"web0{n}", 4, 55)
        for n in (1, 2, 3)  # at the extension's name
    ]


def test_the_uninstall_command_gets_the_vm_it_acts_on(tmp_path, monkeypatch):
    """`Set-AzureVMBGInfoExtension -Uninstall | Update-AzureVM` needs the VM piped in: the fix starts with a
    Get-AzureVM of placeholders (the message names the VM), one fix for every VM, so the plan gives it once
    for a step's VMs and a service no file names is not guessed."""
    files = {
        "vms/jump.xml": _export("jump", _reference("Microsoft.Compute", "BGInfo")),
        "vms/dev.xml": _export(
            "dev", _reference("Microsoft.VisualStudio.WindowsAzure.RemoteDebug", "RemoteDebugVS2017")
        ),
    }
    fixes = {f.location.path: f.fix for f in _lint(tmp_path, monkeypatch, files, "MIG204")}
    get_vm = "(Get-AzureVM -ServiceName '<cloud service>' -Name '<VM>' | "
    assert get_vm + "Set-AzureVMBGInfoExtension -Uninstall | Update-AzureVM)" in fixes["vms/jump.xml"]
    assert get_vm + "Set-AzureVMExtension -ExtensionName RemoteDebugVS2017 " in fixes["vms/dev.xml"]
