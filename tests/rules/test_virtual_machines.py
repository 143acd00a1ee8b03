"""MIG203 to MIG208 beyond their examples: which extensions are which, virtual networks resolved across
files, runtime states case by case, and the findings on the sample estates."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files
from lint_support import where as _where

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import Extension, Mark
from migcheck.plugins import load_rules

RULES = load_rules(entry_points=False)
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CODES = ("MIG203", "MIG204", "MIG205", "MIG206", "MIG207", "MIG208")


def _lint(tmp_path: Path, monkeypatch, files: dict[str, str], *codes: str):
    return lint_files(tmp_path, monkeypatch, files, *(codes or CODES), dedent=False).findings


def _ext(publisher: str, name: str, version: str = "1.*", state: str = "") -> Extension:
    return Extension(publisher, name, version, state, Mark("x.xml", 1))


def _extension_xml(publisher: str, name: str, version: str = "1.*") -> str:
    return (
        "<ResourceExtensionReferences><ResourceExtensionReference>"
        f"<Publisher>{publisher}</Publisher><Name>{name}</Name><Version>{version}</Version>"
        "</ResourceExtensionReference></ResourceExtensionReferences>"
    )


def _deployment(role_body: str = "", instances: str = "", vnet: str = "") -> str:
    network = f"  <VirtualNetworkName>{vnet}</VirtualNetworkName>\n" if vnet else ""
    return (
        '<Deployment xmlns="http://schemas.microsoft.com/windowsazure">\n'
        "  <Name>app</Name>\n"
        f"  <RoleInstanceList>{instances}</RoleInstanceList>\n"
        "  <RoleList>\n"
        f"    <Role><RoleName>app01</RoleName><RoleType>PersistentVMRole</RoleType>{role_body}</Role>\n"
        "  </RoleList>\n"
        f"{network}</Deployment>\n"
    )


def _instance(status: str, agent: str = "", role: str = "app01") -> str:
    agent_xml = f"<GuestAgentStatus><Status>{agent}</Status></GuestAgentStatus>" if agent else ""
    return (
        f"<RoleInstance><RoleName>{role}</RoleName><InstanceName>{role}</InstanceName>"
        f"<InstanceStatus>{status}</InstanceStatus>{agent_xml}</RoleInstance>"
    )


# --- the sample estates --------------------------------------------------------------------------------


def test_contoso_findings(monkeypatch):
    monkeypatch.chdir(EXAMPLES.parent)
    found = lint(["examples/contoso"], Config(select=CODES), RULES).findings
    assert _where(found) == [
        "MIG208 examples/contoso/rest/contoso-jump.hostedservice.xml:60:9",
        "MIG206 examples/contoso/rest/contoso-jump.hostedservice.xml:116:13",
        "MIG205 examples/contoso/rest/contoso-jump.hostedservice.xml:204:11",
        "MIG204 examples/contoso/vms/sql-tier/contoso-sql01.xml:84:5",
        "MIG204 examples/contoso/vms/sql-tier/contoso-sql02.xml:69:5",
        "MIG204 examples/contoso/vms/sql-tier/contoso-sqlfsw.xml:50:5",
    ]
    assert "RoleStateUnknown" in found[0].message and "'contoso-ops01'" in found[0].message


def test_ready_estate_is_clean(monkeypatch):
    monkeypatch.chdir(EXAMPLES.parent)
    assert lint(["examples/ready"], Config(select=CODES), RULES).findings == []


def test_ready_estate_exits_zero(monkeypatch, capsys):
    from migcheck.cli import main

    monkeypatch.chdir(EXAMPLES.parent)
    assert main(["check", "examples/ready"]) == 0


# --- which extensions are which ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("publisher", "name", "version"),
    [
        ("Microsoft.Compute", "BGInfo", "1.*"),
        ("microsoft.compute", "bginfo", "1.0"),
        ("Microsoft.Compute", "BGInfo", "1"),
        ("Microsoft.VisualStudio.WindowsAzure.RemoteDebug", "RemoteDebugVS2012", "1.*"),
        ("Microsoft.VisualStudio.WindowsAzure.RemoteDebug", "remotedebugvs2015", "1.*"),
        ("Microsoft.VisualStudio.WindowsAzure.RemoteDebug", "VS2013Debugger", "1.*"),
        ("Microsoft.VisualStudio.WindowsAzure.RemoteDebug", "VS14CTPDebugger", "1.*"),
        ("Microsoft.VisualStudio.WindowsAzure.DevTest", "WebDeployForVSDevTest", "1.*"),
        # The Visual Studio families by pattern: releases after the ones the documents list.
        ("Microsoft.VisualStudio.WindowsAzure.RemoteDebug", "RemoteDebugVS2017", "1.*"),
        ("Microsoft.VisualStudio.WindowsAzure.RemoteDebug", "RemoteDebugVS14CTP", "1.*"),
        ("Microsoft.VisualStudio.Azure.RemoteDebug", "VS2017Debugger", "1.*"),
        ("Microsoft.VisualStudio.Azure.RemoteDebug", "VS2015Debugger", "1.*"),
    ],
)
def test_xml_extensions(publisher, name, version):
    assert _ext(publisher, name, version).is_xml


@pytest.mark.parametrize(
    ("publisher", "name", "version"),
    [
        ("Microsoft.Compute", "BGInfo", "2.*"),
        ("Microsoft.Compute", "BGInfo", "2.1"),
        ("Microsoft.Compute", "BGInfo", ""),
        ("Contoso.Tools", "BGInfo", "1.*"),
        ("Microsoft.Compute", "VMAccessAgent", "1.*"),
        ("Microsoft.VisualStudio.WindowsAzure.RemoteDebug", "RemoteDebugVSCode", "1.*"),
        ("Microsoft.VisualStudio.Azure.RemoteDebug", "VSDebuggerHelper", "1.*"),
        ("Microsoft.Azure.RecoveryServices", "VMSnapshot", "1.0"),
    ],
)
def test_not_xml_extensions(publisher, name, version):
    assert not _ext(publisher, name, version).is_xml


def test_backup_extensions():
    assert _ext("Microsoft.Azure.RecoveryServices", "VMSnapshot").is_backup
    assert _ext("microsoft.azure.recoveryservices", "vmsnapshotlinux").is_backup
    assert not _ext("Contoso", "VMSnapshot").is_backup
    assert not _ext("Microsoft.Azure.RecoveryServices", "VMBackup").is_backup


def test_extension_being_uninstalled_is_not_reported(tmp_path, monkeypatch):
    body = _extension_xml("Microsoft.Compute", "BGInfo").replace(
        "</Version>", "</Version><State>Uninstall</State>"
    )
    assert _lint(tmp_path, monkeypatch, {"app.xml": _deployment(body)}, "MIG204") == []


# --- missing subnet --------------------------------------------------------------------------------------


def test_vm_without_subnet_outside_a_vnet_is_not_missing_one(tmp_path, monkeypatch):
    assert _lint(tmp_path, monkeypatch, {"app.xml": _deployment()}, "MIG203") == []


def test_vm_in_vnet_without_network_configuration_set(tmp_path, monkeypatch):
    (finding,) = _lint(tmp_path, monkeypatch, {"app.xml": _deployment(vnet="prod")}, "MIG203")
    assert finding.message == "VM 'app01' of deployment 'app' is in virtual network 'prod' but has no subnet"


def test_cscfg_roles_without_instance_address_are_not_reported(tmp_path, monkeypatch):
    files = {
        "shop/ServiceDefinition.csdef": '<ServiceDefinition name="shop"><WebRole name="Web"/></ServiceDefinition>\n',
        "shop/ServiceConfiguration.Cloud.cscfg": (
            '<ServiceConfiguration serviceName="shop"><Role name="Web"/>'
            '<NetworkConfiguration><VirtualNetworkSite name="prod"/></NetworkConfiguration></ServiceConfiguration>\n'
        ),
    }
    assert _lint(tmp_path, monkeypatch, files, "MIG203") == []


# --- boot diagnostics on Premium storage ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("enabled", "io_type", "reported"),
    [
        ("true", "Provisioned", True),
        ("false", "Provisioned", False),
        ("true", "Standard", False),
        ("true", "", False),
    ],
)
def test_boot_diagnostics_needs_both_facts(tmp_path, monkeypatch, enabled, io_type, reported):
    vm = (
        "<PersistentVM><RoleName>db01</RoleName>"
        f"<OSVirtualHardDisk><DiskName>os</DiskName><IOType>{io_type}</IOType></OSVirtualHardDisk>"
        f"<DebugSettings><BootDiagnosticsEnabled>{enabled}</BootDiagnosticsEnabled></DebugSettings>"
        "</PersistentVM>\n"
    )
    assert bool(_lint(tmp_path, monkeypatch, {"vms/db01.xml": vm}, "MIG205")) is reported


# --- Security Center extensions and on-premises reach ---------------------------------------------------

SECURITY = _extension_xml("Microsoft.Azure.Security.Monitoring", "AzureSecurityLinuxAgent", "2.*")
ANTIMALWARE = _extension_xml("Microsoft.Azure.Security", "IaaSAntimalware")


def _netcfg(sites: str, spoke_gateway: str, dns_ref: str = "") -> str:
    return f"""\
<NetworkConfiguration>
  <VirtualNetworkConfiguration>
    <Dns><DnsServers><DnsServer name="onprem-dns" IPAddress="192.168.1.4"/></DnsServers></Dns>
    <LocalNetworkSites>{sites}</LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="hub" Location="West Europe">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
        <Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="office"/></ConnectionsToLocalNetwork></Gateway>
      </VirtualNetworkSite>
      <VirtualNetworkSite name="spoke" Location="West Europe">
        <AddressSpace><AddressPrefix>10.2.0.0/16</AddressPrefix></AddressSpace>
        <DnsServersRef>{dns_ref}</DnsServersRef>
        <Gateway><ConnectionsToLocalNetwork>{spoke_gateway}</ConnectionsToLocalNetwork></Gateway>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def _site(name: str, *prefixes: str) -> str:
    space = "".join(f"<AddressPrefix>{p}</AddressPrefix>" for p in prefixes)
    return f'<LocalNetworkSite name="{name}"><AddressSpace>{space}</AddressSpace></LocalNetworkSite>'


OFFICE = _site("office", "192.168.0.0/16")


@pytest.mark.parametrize(
    ("sites", "spoke_gateway", "reported"),
    [
        # the spoke reaches the office through the hub: one local site aggregating both
        (
            OFFICE + _site("hub-and-office", "10.1.0.0/16", "192.168.0.0/16"),
            '<LocalNetworkSiteRef name="hub-and-office"/>',
            True,
        ),
        # VNet-to-VNet only, and a direct site-to-site link: both migrate as they are
        (OFFICE + _site("hub-only", "10.1.0.0/16"), '<LocalNetworkSiteRef name="hub-only"/>', False),
        (OFFICE, '<LocalNetworkSiteRef name="office"/>', False),
        # a site that is not defined proves nothing
        (OFFICE, '<LocalNetworkSiteRef name="elsewhere"/>', False),
    ],
)
def test_security_center_extension_and_transit_vpn(tmp_path, monkeypatch, sites, spoke_gateway, reported):
    files = {
        "net/NetworkConfig.netcfg": _netcfg(sites, spoke_gateway),
        "rest/app.xml": _deployment(SECURITY, vnet="spoke"),
    }
    found = _warnings(_lint(tmp_path, monkeypatch, files, "MIG207"))
    assert bool(found) is reported
    if found:
        assert "in transit connectivity through local network site 'hub-and-office'" in found[0].message


@pytest.mark.parametrize(("dns_ref", "reported"), [('<DnsServerRef name="onprem-dns"/>', True), ("", False)])
def test_security_center_extension_and_expressroute_with_on_premises_dns(
    tmp_path, monkeypatch, dns_ref, reported
):
    er = '<LocalNetworkSiteRef name="office"><Connection type="Dedicated"/></LocalNetworkSiteRef>'
    files = {
        "net/NetworkConfig.netcfg": _netcfg(OFFICE, er, dns_ref),
        "rest/app.xml": _deployment(SECURITY, vnet="spoke"),
    }
    found = _warnings(_lint(tmp_path, monkeypatch, files, "MIG207"))
    assert bool(found) is reported
    if found:
        assert "on-premises DNS server 'onprem-dns' (192.168.1.4)" in found[0].message


def test_security_center_silent_without_evidence(tmp_path, monkeypatch):
    er = '<LocalNetworkSiteRef name="office"><Connection type="Dedicated"/></LocalNetworkSiteRef>'
    netcfg = _netcfg(OFFICE, er, '<DnsServerRef name="onprem-dns"/>')
    files = {
        "net/NetworkConfig.netcfg": netcfg,
        "rest/antimalware.xml": _deployment(ANTIMALWARE, vnet="spoke"),  # not Security Center's extension
        "rest/elsewhere.xml": _deployment(SECURITY, vnet="unknown-vnet"),  # network not defined
        "vms/app02.xml": f"<PersistentVM><RoleName>app02</RoleName>{SECURITY}</PersistentVM>\n",  # network unknown
    }
    # Without evidence of either gateway condition the extension is still reported, alone (the 2018 and
    # later tables list it unconditionally); Antimalware is not Defender for Cloud's extension.
    found = _lint(tmp_path, monkeypatch, files, "MIG207")
    assert [(f.location.path, str(f.severity)) for f in found] == [
        ("rest/elsewhere.xml", "warning"),
        ("vms/app02.xml", "warning"),
    ]
    assert _warnings(found) == []


def _warnings(findings):
    """MIG207's findings for the VMs whose gateway cuts them off from on-premises during migration (the fix
    says to disable the policy hours before); every MIG207 finding is a warning."""
    assert all(str(f.severity) == "warning" for f in findings)
    return [f for f in findings if "3 hours" in f.fix]


# --- runtime state ---------------------------------------------------------------------------------------

CUSTOM_SCRIPT = _extension_xml("Microsoft.OSTCExtensions", "CustomScriptForLinux")
BGINFO_1 = _extension_xml("Microsoft.Compute", "BGInfo")


@pytest.mark.parametrize(
    ("instance", "role_body", "reported"),
    [
        (_instance("RoleStateUnknown"), "", True),
        (_instance("ProvisioningTimeout"), "", True),
        (_instance("ReadyRole", "NotReady"), CUSTOM_SCRIPT, True),
        (_instance("ReadyRole", "Ready"), CUSTOM_SCRIPT, False),
        (_instance("ReadyRole", "NotReady"), "", False),  # no extension needs the agent
        (_instance("ReadyRole", "NotReady"), BGINFO_1, False),  # XML extensions do not migrate
        (_instance("StoppedVM", "NotReady"), CUSTOM_SCRIPT, False),
        (_instance("StoppedDeallocated"), CUSTOM_SCRIPT, False),
        (_instance("RoleStateUnknown", role="web"), "", False),  # not a VM of this deployment
        # Any state but running and stopped fails validation, named in the API's list or not.
        (_instance("ProvisioningFailed"), "", True),
        (_instance("Unknown"), "", True),
        # Running and stopped as the portal writes them.
        (_instance("Running", "NotReady"), CUSTOM_SCRIPT, True),
        (_instance("Running"), "", False),
        (_instance("Stopped (deallocated)", "NotReady"), CUSTOM_SCRIPT, False),
    ],
)
def test_runtime_states(tmp_path, monkeypatch, instance, role_body, reported):
    found = _lint(tmp_path, monkeypatch, {"app.xml": _deployment(role_body, instance)}, "MIG208")
    assert bool(found) is reported
    if found:
        assert (found[0].resource_type, found[0].resource_name) == ("RoleInstance", "app01")


def test_a_state_not_in_the_api_list_gets_the_general_fix(tmp_path, monkeypatch):
    files = {"app.xml": _deployment("", _instance("ProvisioningFailed"))}
    [found] = _lint(tmp_path, monkeypatch, files, "MIG208")
    assert "is in state ProvisioningFailed: the platform migrates VMs only when running" in found.message
    assert found.fix.startswith("Bring the VM to a state the platform migrates: running (ReadyRole)")


# --- secondary network interfaces (MIG202) ------------------------------------------------------------------


def _nic_network_set(
    primary: str, *nic_subnets: str, nic: str = "NetworkInterface", ip: str = "IPConfiguration"
) -> str:
    nics = "".join(
        f"<{nic}><Name>nic{i}</Name><IPConfigurations><{ip}><SubnetName>{subnet}</SubnetName></{ip}>"
        f"</IPConfigurations></{nic}>"
        for i, subnet in enumerate(nic_subnets)
    )
    subnets = f"<SubnetNames><SubnetName>{primary}</SubnetName></SubnetNames>" if primary else ""
    return (
        "<ConfigurationSets><ConfigurationSet>"
        "<ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>"
        f"{subnets}\n<NetworkInterfaces>{nics}</NetworkInterfaces>"
        "</ConfigurationSet></ConfigurationSets>"
    )


def test_secondary_nic_in_another_subnet_is_a_second_subnet(tmp_path, monkeypatch):
    files = {"app.xml": _deployment(_nic_network_set("FrontEnd", "BackEnd"), vnet="prod")}
    (finding,) = _lint(tmp_path, monkeypatch, files, "MIG202")
    assert _where([finding]) == ["MIG202 app.xml:6:102"]
    assert finding.message == "VM 'app01' of deployment 'app' is in 2 subnets (FrontEnd, BackEnd)"


@pytest.mark.parametrize(
    ("primary", "nic_subnets"),
    [
        ("FrontEnd", ("frontend",)),
        ("FrontEnd", ()),
        ("", ("BackEnd",)),
        ("FrontEnd", ("FrontEnd", " FRONTEND ")),
    ],
)
def test_secondary_nics_in_the_same_subnet_are_one_subnet(tmp_path, monkeypatch, primary, nic_subnets):
    files = {
        "one/app.xml": _deployment(_nic_network_set(primary, *nic_subnets), vnet="prod"),
        "two/app.xml": _deployment(_nic_network_set("FrontEnd", "BackEnd"), vnet="prod"),
    }
    found = _lint(tmp_path, monkeypatch, files, "MIG202")
    assert [f.location.path for f in found] == ["two/app.xml"]


@pytest.mark.parametrize(
    ("nic", "ip"),
    [("AssignNetworkInterface", "AssignIPConfiguration"), ("NetworkInterface", "IPConfiguration")],
)
def test_export_file_secondary_nic_whatever_its_items_are_called(tmp_path, monkeypatch, nic, ip):
    network = _nic_network_set("", "BackEnd", nic=nic, ip=ip).replace(
        "<ConfigurationSetType>", "<SubnetNames><string>FrontEnd</string></SubnetNames><ConfigurationSetType>"
    )
    files = {"vms/fw01.xml": f"<PersistentVM>\n<RoleName>fw01</RoleName>\n{network}\n</PersistentVM>\n"}
    (finding,) = _lint(tmp_path, monkeypatch, files, "MIG202")
    assert (
        finding.message
        == "VM 'fw01' of cloud service 'vms' (named after its folder) is in 2 subnets (FrontEnd, BackEnd)"
    )


def test_secondary_nic_subnet_must_be_in_the_virtual_network(tmp_path, monkeypatch):
    netcfg = (
        "<NetworkConfiguration><VirtualNetworkConfiguration><VirtualNetworkSites>"
        '<VirtualNetworkSite name="prod" Location="West Europe"><Subnets>'
        '<Subnet name="FrontEnd"><AddressPrefix>10.0.0.0/24</AddressPrefix></Subnet>'
        "</Subnets></VirtualNetworkSite></VirtualNetworkSites></VirtualNetworkConfiguration>"
        "</NetworkConfiguration>\n"
    )
    files = {
        "net/NetworkConfig.netcfg": netcfg,
        "app.xml": _deployment(_nic_network_set("FrontEnd", "Storage"), vnet="prod"),
    }
    found = _lint(tmp_path, monkeypatch, files, "MIG003")
    assert [(f.code, f.resource_name) for f in found] == [("MIG003", "Storage")]


# --- access controls with no rules (MIG201) ------------------------------------------------------------------

CSDEF_WEB = """\
<ServiceDefinition name="shop">
  <WebRole name="Web" vmsize="Small">
    <Endpoints><InputEndpoint name="HttpsIn" protocol="https" port="443"/></Endpoints>
  </WebRole>
</ServiceDefinition>
"""


def _cscfg_acl(control: str) -> str:
    return (
        '<ServiceConfiguration serviceName="shop">\n  <Role name="Web"><Instances count="2"/></Role>\n'
        f"  <NetworkConfiguration>\n    <AccessControls>{control}</AccessControls>\n"
        '    <EndpointAcls><EndpointAcl role="Web" endPoint="HttpsIn" accessControl="Office"/></EndpointAcls>\n'
        "  </NetworkConfiguration>\n</ServiceConfiguration>\n"
    )


def _endpoint_acl(container: str, rules: str) -> str:
    return (
        "<ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>"
        "<InputEndpoints><InputEndpoint><Name>RDP</Name><Port>3389</Port><Protocol>tcp</Protocol>"
        f"<{container}>{rules}</{container}></InputEndpoint></InputEndpoints>"
        "</ConfigurationSet></ConfigurationSets>"
    )


RULE = "<Order>100</Order><Action>permit</Action><RemoteSubnet>203.0.113.0/24</RemoteSubnet>"


def test_access_control_without_rules_blocks_nothing_in_any_format(tmp_path, monkeypatch):
    """Every format, with no rules (silent) and with one (reported), in one run."""
    deny = '<Rule order="1" action="deny" remoteSubnet="0.0.0.0/0"/>'
    files = {
        "empty-cscfg/ServiceConfiguration.Cloud.cscfg": _cscfg_acl('<AccessControl name="office"/>'),
        "blank-cscfg/ServiceConfiguration.Cloud.cscfg": _cscfg_acl(
            '<AccessControl name="office">\n  <!-- none yet -->\n</AccessControl>'
        ),
        "ruled-cscfg/ServiceConfiguration.Cloud.cscfg": _cscfg_acl(
            f'<AccessControl name="office">{deny}</AccessControl>'
        ),
        "rest/empty.xml": _deployment(_endpoint_acl("EndpointAcl", "<Rules/>")),
        "rest/bare.xml": _deployment(_endpoint_acl("EndpointAcl", "")),
        "rest/ruled.xml": _deployment(_endpoint_acl("EndpointAcl", f"<Rules><Rule>{RULE}</Rule></Rules>")),
        "empty-vm/a.xml": "<PersistentVM><RoleName>a</RoleName>"
        + _endpoint_acl("EndpointAccessControlList", "<Rules />")
        + "</PersistentVM>\n",
        "ruled-vm/a.xml": "<PersistentVM><RoleName>a</RoleName>"
        + _endpoint_acl(
            "EndpointAccessControlList",
            f"<Rules><AccessControlListRule>{RULE}</AccessControlListRule></Rules>",
        )
        + "</PersistentVM>\n",
        # Rules named as a REST body names them, in an Export-AzureVM file: rules all the same.
        "rest-named-vm/a.xml": "<PersistentVM><RoleName>a</RoleName>"
        + _endpoint_acl("EndpointAccessControlList", f"<Rules><Rule>{RULE}</Rule></Rules>")
        + "</PersistentVM>\n",
    }
    for folder in ("empty-cscfg", "blank-cscfg", "ruled-cscfg"):
        files[f"{folder}/ServiceDefinition.csdef"] = CSDEF_WEB
    found = _lint(tmp_path, monkeypatch, files, "MIG201")
    assert sorted(f.location.path for f in found) == [
        "rest-named-vm/a.xml",
        "rest/ruled.xml",
        "ruled-cscfg/ServiceConfiguration.Cloud.cscfg",
        "ruled-vm/a.xml",
    ]


# --- advice true today ------------------------------------------------------------------------------------


def test_missing_subnet_advice_follows_the_platform_and_the_retirement():
    rule = RULES.get("MIG203")
    assert rule is not None
    assert "cannot be set after the fact" not in rule.docs.fix
    assert "delete" in rule.fix_hint.casefold() and "Resource Manager" in rule.fix_hint
    assert "2023-09-06" in rule.docs.fix


def test_boot_diagnostics_advice_names_the_real_cmdlet():
    rule = RULES.get("MIG205")
    assert rule is not None
    assert "Set-AzureVMBootDiagnostics -Disable" in rule.docs.fix


def test_multiple_subnets_advice_covers_secondary_nics():
    rule = RULES.get("MIG202")
    assert rule is not None
    assert "Remove-AzureNetworkInterfaceConfig" in rule.docs.fix
    assert "network interface" in rule.fix_hint


def test_not_ready_advice_does_not_recreate_a_classic_vm():
    rule = RULES.get("MIG208")
    assert rule is not None
    assert "2023-09-06" in rule.docs.fix and "Resource Manager" in rule.docs.fix


def test_web_worker_role_findings_do_not_advise_fixing_the_role_in_place(tmp_path, monkeypatch):
    cscfg = _cscfg_acl(
        '<AccessControl name="office"><Rule order="1" action="deny" remoteSubnet="0.0.0.0/0"/></AccessControl>'
    ).replace(
        "  </NetworkConfiguration>",
        '    <VirtualNetworkSite name="prod"/>\n    <AddressAssignments><InstanceAddress roleName="Web">'
        '<Subnets><Subnet name="a"/><Subnet name="b"/></Subnets></InstanceAddress></AddressAssignments>\n'
        "  </NetworkConfiguration>",
    )
    files = {
        "shop/ServiceDefinition.csdef": CSDEF_WEB,
        "shop/ServiceConfiguration.Cloud.cscfg": cscfg,
        "app.xml": _deployment(_endpoint_acl("EndpointAcl", f"<Rules><Rule>{RULE}</Rule></Rules>")),
    }
    found = {
        (f.code, f.location.path): f.fix for f in _lint(tmp_path, monkeypatch, files, "MIG201", "MIG202")
    }
    assert set(found) == {
        ("MIG201", "shop/ServiceConfiguration.Cloud.cscfg"),
        ("MIG202", "shop/ServiceConfiguration.Cloud.cscfg"),
        ("MIG201", "app.xml"),
    }
    for code in ("MIG201", "MIG202"):
        fix = found[(code, "shop/ServiceConfiguration.Cloud.cscfg")]
        assert "MIG101" in fix and "2024-08-31" in fix and "Update-AzureVM" not in fix
    assert "Update-AzureVM" in found[("MIG201", "app.xml")]
