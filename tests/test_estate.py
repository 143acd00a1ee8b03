"""Linking: files become cloud services and virtual networks, names resolve case-insensitively, and
links that cannot be resolved stay unresolved."""

from __future__ import annotations

import textwrap

from migcheck.estate import Grouping, link
from migcheck.readers import read_document

CSDEF = '<ServiceDefinition name="shop"><WebRole name="Web"/></ServiceDefinition>'
CLOUD = """\
<ServiceConfiguration serviceName="shop">
  <Role name="Web"><Instances count="2"/></Role>
  <NetworkConfiguration><VirtualNetworkSite name="PROD"/></NetworkConfiguration>
</ServiceConfiguration>
"""
LOCAL = '<ServiceConfiguration serviceName="shop"><Role name="Web"/></ServiceConfiguration>'
NETCFG = """\
<NetworkConfiguration>
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="prod" Location="West Europe">
        <Subnets><Subnet name="FrontEnd"><AddressPrefix>10.0.0.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
VM = "<PersistentVM><RoleName>{name}</RoleName><AvailabilitySetName>as</AvailabilitySetName></PersistentVM>"
DEPLOYMENT = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>jump-prod</Name>
  <RoleList><Role><RoleName>jump01</RoleName><RoleType>PersistentVMRole</RoleType></Role></RoleList>
  <VirtualNetworkName>prod</VirtualNetworkName>
</Deployment>
"""


def _estates(files: dict[str, str], grouping: Grouping | None = None):
    docs = [
        read_document(path, textwrap.dedent(text).encode(), explicit=False) for path, text in files.items()
    ]
    return link([d for d in docs if d is not None], grouping)


def _estate(files: dict[str, str], grouping: Grouping | None = None):
    (estate,) = _estates(files, grouping)
    return estate


def test_csdef_and_cscfgs_in_one_folder_are_one_cloud_service():
    estate = _estate(
        {
            "shop/ServiceDefinition.csdef": CSDEF,
            "shop/ServiceConfiguration.Cloud.cscfg": CLOUD,
            "shop/ServiceConfiguration.Local.cscfg": LOCAL,
        }
    )
    [service] = estate.cloud_services
    assert service.name == "shop"
    assert [r.name for r in service.roles] == ["Web"]
    assert len(service.configurations) == 2
    assert [p.mark.path for p in service.placements] == ["shop/ServiceConfiguration.Cloud.cscfg"]


def test_local_configuration_is_deployed_only_when_configured():
    estate = _estate({"shop/ServiceConfiguration.Local.cscfg": LOCAL}, Grouping(include_local=True))
    assert len(estate.cloud_services[0].placements) == 1


def test_vnet_names_resolve_case_insensitively_across_files():
    estate = _estate({"net/NetworkConfig.netcfg": NETCFG, "shop/ServiceConfiguration.Cloud.cscfg": CLOUD})
    vnet = estate.virtual_network("Prod")
    assert vnet is not None and [s.name for s in vnet.subnets] == ["FrontEnd"]
    assert [cs.name for cs in estate.members(vnet)] == ["shop"]


def test_exported_vms_in_one_folder_form_one_cloud_service():
    estate = _estate(
        {
            "vms/sql/a.xml": VM.format(name="sql01"),
            "vms/sql/b.xml": VM.format(name="sql02"),
            "vms/web/c.xml": VM.format(name="web01"),
        }
    )
    assert [(cs.name, [vm.name for vm in cs.vms]) for cs in estate.cloud_services] == [
        ("sql", ["sql01", "sql02"]),
        ("web", ["web01"]),
    ]
    assert not estate.cloud_services[0].network_known


def test_configured_grouping_overrides_folders():
    grouping = Grouping({"contoso-sql": ("vms/**",)})
    estate = _estate(
        {"vms/sql/a.xml": VM.format(name="sql01"), "vms/web/c.xml": VM.format(name="web01")}, grouping
    )
    assert [(cs.name, len(cs.vms)) for cs in estate.cloud_services] == [("contoso-sql", 2)]


def test_rest_deployment_is_its_own_cloud_service_with_known_network():
    estate = _estate({"rest/jump.xml": DEPLOYMENT})
    [service] = estate.cloud_services
    assert (service.name, [vm.name for vm in service.vms]) == ("jump-prod", ["jump01"])
    assert service.network_known and [r.name for r in service.virtual_network_refs] == ["prod"]
    assert not estate.knows_networks  # no network configuration given: names stay unresolved
    network = estate.virtual_network("prod")
    assert network is not None and not network.defined and network.services == (service,)
    assert estate.dangling == ()


# --- one resource, every source -------------------------------------------------------------------------

REST_SITES = """\
<VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure">
  <VirtualNetworkSite>
    <Name>PROD</Name>
    <Subnets><Subnet><Name>FrontEnd</Name><AddressPrefix>10.0.0.0/24</AddressPrefix></Subnet></Subnets>
    <Location>West Europe</Location>
  </VirtualNetworkSite>
  <VirtualNetworkSite>
    <Name>dev</Name>
    <Subnets><Subnet><Name>A</Name><AddressPrefix>10.9.0.0/24</AddressPrefix></Subnet></Subnets>
  </VirtualNetworkSite>
</VirtualNetworkSites>
"""
NETCFG_DEV = NETCFG.replace(
    "    </VirtualNetworkSites>",
    """\
      <VirtualNetworkSite name="dev" Location="West Europe">
        <Subnets><Subnet name="A"><AddressPrefix>10.8.0.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>""",
)
SQL_DEPLOYMENT = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>sql-prod</Name>
  <RoleList>
    <Role>
      <RoleName>sql01</RoleName><RoleType>PersistentVMRole</RoleType>
      <AvailabilitySetName>sql-as</AvailabilitySetName>
      <ConfigurationSets><ConfigurationSet>
        <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
        <SubnetNames><SubnetName>FrontEnd</SubnetName></SubnetNames>
      </ConfigurationSet></ConfigurationSets>
      <OSVirtualHardDisk><DiskName>sql01-os</DiskName>
        <MediaLink>https://contososql.blob.core.windows.net/vhds/sql01-os.vhd</MediaLink></OSVirtualHardDisk>
    </Role>
    <Role><RoleName>sql02</RoleName><RoleType>PersistentVMRole</RoleType>
      <AvailabilitySetName>sql-as</AvailabilitySetName></Role>
  </RoleList>
  <VirtualNetworkName>prod</VirtualNetworkName>
</Deployment>
"""
EXPORTED = """\
<PersistentVM>
  <AvailabilitySetName>{availability_set}</AvailabilitySetName>
  <ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
    <SubnetNames><string>FrontEnd</string></SubnetNames>
  </ConfigurationSet></ConfigurationSets>
  <RoleName>{name}</RoleName>
  <RoleSize>Standard_DS2</RoleSize>
</PersistentVM>
"""
DISKS = """\
<Disks xmlns="http://schemas.microsoft.com/windowsazure">
  <Disk>
    <AttachedTo><HostedServiceName>sql</HostedServiceName><RoleName>sql01</RoleName></AttachedTo>
    <MediaLink>https://contososql.blob.core.windows.net/vhds/sql01-os.vhd</MediaLink>
    <Name>sql01-os</Name>
  </Disk>
</Disks>
"""


def _overlapping(availability_set: str = "sql-as"):
    return _estate(
        {
            "network/NetworkConfig.netcfg": NETCFG_DEV,
            "network/sites.xml": REST_SITES,
            "rest/sql.deployment.xml": SQL_DEPLOYMENT,
            "rest/disks.xml": DISKS,
            "vms/sql01.xml": EXPORTED.format(name="sql01", availability_set=availability_set),
        }
    )


def test_overlapping_descriptions_are_one_resource_each_with_every_source():
    estate = _overlapping()
    # One network per name, defined by the netcfg first and the REST body second.
    prod = estate.virtual_network("prod")
    assert prod is not None and [d.mark.path for d in prod.definitions] == [
        "network/NetworkConfig.netcfg",
        "network/sites.xml",
    ]
    assert [n.name for n in estate.virtual_networks] == ["prod", "dev"]
    # The exported VM joins the deployment that holds a VM of its name: one service, one VM, two sources.
    [service] = estate.cloud_services
    assert service.name == "sql-prod" and [vm.name for vm in service.vms] == ["sql01", "sql02"]
    sql01 = service.vms[0]
    assert [m.path for m in sql01.sources] == ["rest/sql.deployment.xml", "vms/sql01.xml"]
    assert sql01.size == "Standard_DS2"  # only the exported file states it
    # The disk in the VM's body and in the Disks list is one disk, in one storage account.
    [disk] = estate.disks
    assert [m.path for m in disk.sources] == ["rest/sql.deployment.xml", "rest/disks.xml"]
    assert [(a.name, [d.name for d in a.disks]) for a in estate.storage_accounts] == [
        ("contososql", ["sql01-os"])
    ]
    assert estate.vm_of(disk) == (service, sql01)
    # Only the dev network's two definitions disagree (10.8 vs 10.9).
    [conflict] = estate.conflicts
    assert (conflict.kind, conflict.name, conflict.mark.path) == (
        "VirtualNetwork",
        "dev",
        "network/sites.xml",
    )
    assert conflict.differences == ("subnets A 10.9.0.0/24 / A 10.8.0.0/24",)


def test_a_conflicting_duplicate_is_reported_not_merged(tmp_path, monkeypatch):
    estate = _overlapping(availability_set="sql-as-2019")
    vm_conflicts = [c for c in estate.conflicts if c.kind == "Role"]
    assert [(c.name, c.mark.path, c.differences) for c in vm_conflicts] == [
        ("sql01", "vms/sql01.xml", ("availability set 'sql-as-2019' / 'sql-as'",))
    ]
    # The description kept is the deployment's: the service has one availability set, not two.
    assert {vm.availability_set for vm in estate.cloud_services[0].vms} == {"sql-as"}


def test_a_bare_role_body_without_a_name_is_named_after_its_file():
    body = '<PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure"><RoleType>PersistentVMRole</RoleType></PersistentVMRole>'
    [service] = _estate({"rest/jumpbox.xml": body}).cloud_services
    assert (service.name, service.label) == ("jumpbox", "a cloud service the files do not name")
    assert service.listed_name == "<cloud service of jumpbox.xml>"


def test_a_bare_role_body_names_its_vm_not_its_cloud_service():
    body = (
        '<PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure"><RoleName>vm1</RoleName>'
        "<RoleType>PersistentVMRole</RoleType></PersistentVMRole>"
    )
    [service] = _estate({"rest/role.xml": body}).cloud_services
    assert (service.name, service.label, service.named_by) == (
        "vm1",
        "a cloud service the files do not name",
        "role",
    )
    assert service.listed_name == "<cloud service of VM vm1>"  # how the readiness summary and plan list it


def test_dangling_names_are_collected_once_each():
    cscfg = """\
    <ServiceConfiguration serviceName="shop">
      <Role name="Web"><Instances count="2"/></Role>
      <Role name="Api"><Instances count="1"/></Role>
      <NetworkConfiguration>
        <EndpointAcls><EndpointAcl role="Web" endpoint="HttpIn" accessControl="nobody"/></EndpointAcls>
        <VirtualNetworkSite name="prod"/>
        <AddressAssignments>
          <InstanceAddress roleName="Web"><Subnets><Subnet name="Back"/></Subnets></InstanceAddress>
        </AddressAssignments>
      </NetworkConfiguration>
    </ServiceConfiguration>
    """
    estate = _estate(
        {
            "shop/ServiceDefinition.csdef": CSDEF,
            "shop/ServiceConfiguration.Cloud.cscfg": cscfg,
            "net/NetworkConfig.netcfg": NETCFG.replace(
                "<Subnets>", "<DnsServersRef><DnsServerRef name='dc'/></DnsServersRef><Subnets>"
            ),
        }
    )
    assert sorted((d.target, d.name) for d in estate.dangling) == [
        ("AccessControl", "nobody"),
        ("DnsServer", "dc"),
        ("InputEndpoint", "HttpIn"),
        ("Role", "Api"),
        ("Subnet", "Back"),
    ]


def test_storage_accounts_come_from_blob_endpoints_only():
    from migcheck.model import storage_account

    assert storage_account("https://Contoso.blob.core.windows.net/vhds/a.vhd") == "contoso"
    assert storage_account("https://contoso.blob.core.chinacloudapi.cn/vhds/a.vhd") == "contoso"
    assert storage_account("http://127.0.0.1:10000/devstoreaccount1/vhds/a.vhd") == ""
    assert storage_account("vhds/a.vhd") == ""


# --- subscriptions ------------------------------------------------------------------------------------


def _two_repositories(prefix_a: str = "a", prefix_b: str = "b") -> dict[str, str]:
    """Two unrelated repositories that each define a VNet named prod, with different subnets."""
    other = NETCFG.replace("FrontEnd", "Web")
    return {
        f"{prefix_a}/network/NetworkConfig.netcfg": NETCFG,
        f"{prefix_a}/shop/ServiceDefinition.csdef": CSDEF,
        f"{prefix_a}/shop/ServiceConfiguration.Cloud.cscfg": CLOUD,
        f"{prefix_b}/net/NetworkConfig.netcfg": other,
        f"{prefix_b}/rest/jump.xml": DEPLOYMENT,
    }


def test_each_network_configuration_folder_is_a_subscription():
    estates = _estates(_two_repositories())
    assert [(e.subscription, [d.path.split("/")[0] for d in e.documents]) for e in estates] == [
        ("a", ["a", "a", "a"]),
        ("b", ["b", "b"]),
    ]
    # Each repository's prod network holds only its own service: nothing links across them.
    assert [[s.name for s in e.virtual_network("prod").services] for e in estates] == [
        ["shop"],
        ["jump-prod"],
    ]


def test_one_network_configuration_makes_one_subscription():
    files = _two_repositories()
    del files["b/net/NetworkConfig.netcfg"]
    assert [e.subscription for e in _estates(files)] == ["default"]


def test_configured_subscriptions_take_precedence():
    files = _two_repositories()
    estates = _estates(files, Grouping(subscriptions={"shop-sub": ("a/shop/**",)}))
    assert [e.subscription for e in estates] == ["shop-sub", "a", "b"]


def test_nested_network_configurations_claim_the_deepest_folder():
    files = {
        "corp/NetworkConfig.netcfg": NETCFG,
        "corp/team/NetworkConfig.netcfg": NETCFG,
        "corp/team/rest/jump.xml": DEPLOYMENT,
        "corp/other/rest/jump.xml": DEPLOYMENT.replace("jump-prod", "other-prod"),
        "elsewhere/jump.xml": DEPLOYMENT.replace("jump-prod", "loose"),
    }
    assert [(e.subscription, [d.path for d in e.documents]) for e in _estates(files)] == [
        ("corp", ["corp/NetworkConfig.netcfg", "corp/other/rest/jump.xml"]),
        ("corp/team", ["corp/team/NetworkConfig.netcfg", "corp/team/rest/jump.xml"]),
        ("default", ["elsewhere/jump.xml"]),
    ]


def test_two_subscriptions_in_one_run_find_what_each_finds_alone(tmp_path, monkeypatch):
    from migcheck.config import Config
    from migcheck.engine import lint
    from migcheck.plugins import load_rules

    # Repository a: web roles in its prod network. Repository b: a VM in its own prod network, in a
    # subnet only b's network has. Linked together by the name "prod", they would give MIG104 and MIG003.
    files = _two_repositories()
    files["b/rest/jump.xml"] = DEPLOYMENT.replace(
        "<RoleType>PersistentVMRole</RoleType>",
        "<RoleType>PersistentVMRole</RoleType><ConfigurationSets><ConfigurationSet>"
        "<ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>"
        "<SubnetNames><SubnetName>Web</SubnetName></SubnetNames></ConfigurationSet></ConfigurationSets>",
    )
    for path, text in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(textwrap.dedent(text))
    monkeypatch.chdir(tmp_path)
    rules = load_rules(entry_points=False)

    def found(*paths: str) -> list[tuple[str, int, str]]:
        return [(f.mark.path, f.mark.line, f.code) for f in lint(list(paths), Config(), rules).findings]

    together = found("a", "b")
    assert together == sorted(found("a") + found("b"))
    assert {code for _, _, code in together} == {"MIG101"}  # no MIG104, no MIG003


def test_a_rest_list_of_networks_marks_a_subscription_too():
    files = _two_repositories()
    files["b/net/sites.xml"] = REST_SITES
    del files["b/net/NetworkConfig.netcfg"]
    files["c/shop/ServiceConfiguration.Cloud.cscfg"] = CLOUD  # beside no network definition at all
    estates = _estates(files)
    assert [e.subscription for e in estates] == ["a", "b", "default"]
    # c's service names a network that nothing in its subscription defines: unresolved, not dangling.
    assert estates[2].dangling == () and not estates[2].knows_networks


def test_a_network_named_by_the_short_name_it_was_given_in_the_portal_is_pointed_out():
    """The errors page: a network created in the portal is `Group <resource group> <name>` in the classic
    model, and a deployment naming it `<name>` finds nothing."""
    portal = NETCFG.replace('name="prod"', 'name="Group shop-rg prod"')
    estate = _estate({"net/NetworkConfig.netcfg": portal, "rest/jump.xml": DEPLOYMENT})
    (dangling,) = estate.dangling
    assert dangling.name == "prod"
    assert "'Group shop-rg prod' is a network created in the Azure portal" in dangling.message
    other = _estate(
        {"net/NetworkConfig.netcfg": portal, "rest/jump.xml": DEPLOYMENT.replace(">prod<", ">test<")}
    )
    assert "portal" not in other.dangling[0].message


def test_an_endpoint_acl_of_a_role_the_definition_lacks_is_dangling():
    cscfg = """\
    <ServiceConfiguration serviceName="shop">
      <Role name="Web"><Instances count="2"/></Role>
      <NetworkConfiguration>
        <AccessControls><AccessControl name="office"/></AccessControls>
        <EndpointAcls><EndpointAcl role="Api" endPoint="HttpIn" accessControl="office"/></EndpointAcls>
      </NetworkConfiguration>
    </ServiceConfiguration>
    """
    estate = _estate({"shop/ServiceDefinition.csdef": CSDEF, "shop/ServiceConfiguration.Cloud.cscfg": cscfg})
    assert [(d.target, d.name) for d in estate.dangling] == [("Role", "Api")]
    assert "EndpointAcl names role 'Api'" in estate.dangling[0].message


def test_a_name_a_script_does_not_state_is_never_dangling(tmp_path, monkeypatch):
    """`-SubnetNames $a,$b`: the subnets are stand-ins, which may be any subnet of the network; MIG202 still
    holds (two of them), MIG003 does not."""
    from migcheck.config import Config
    from migcheck.engine import lint
    from migcheck.plugins import load_rules

    (tmp_path / "NetworkConfig.netcfg").write_text(NETCFG)
    (tmp_path / "deploy.ps1").write_text(
        "param($a, $b)\n"
        '$vm = New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img" | Set-AzureSubnet -SubnetNames $a,$b\n'
        'New-AzureVM -ServiceName "svc" -VMs $vm -VNetName "prod"\n'
    )
    monkeypatch.chdir(tmp_path)
    codes = [
        f.code
        for f in lint(["."], Config(select=("MIG202", "MIG003")), load_rules(entry_points=False)).findings
    ]
    assert codes == ["MIG202"]


def test_a_script_that_uploads_a_network_configuration_makes_its_folder_a_subscription():
    files = _two_repositories()
    netcfg = files.pop("b/net/NetworkConfig.netcfg").replace("\n", " ").replace("'", "\\\\'")
    files["b/net/upload.py"] = (
        "from azure.servicemanagement import ServiceManagementService\n"
        "sms = ServiceManagementService('sub', 'cert.pem')\n"
        f"sms.perform_put('/sub/services/networking/media', '{netcfg}')\n"
    )
    assert [e.subscription for e in _estates(files)] == ["a", "b"]


CREATE_WEB1 = """\
New-AzureVMConfig -Name "web1" -InstanceSize Small -ImageName "img" |
    Add-AzureEndpoint -Name HTTP -Protocol tcp -LocalPort 80 -PublicPort 80 |
    Set-AzureVMBGInfoExtension -Version 1.* -Uninstall |
    New-AzureVM -ServiceName "svc"
"""


def test_a_script_that_changes_a_vm_another_creates_applies_after_it():
    """One script creates web1, another changes it (`Get-AzureVM | ... | Update-AzureVM`): an update runs
    after the VM exists, whichever file sorts first, so what it sets replaces what the creation said (the
    ACL on HTTP, the extension installed) and what it leaves unsaid stays (the VM's size)."""
    change = """\
    $acl = New-AzureAclConfig
    Set-AzureAclConfig -AddRule -ACL $acl -Action Permit -RemoteSubnet "10.0.0.0/8" -Order 100
    Get-AzureVM -ServiceName "svc" -Name "web1" |
        Set-AzureEndpoint -Name HTTP -Protocol tcp -LocalPort 80 -PublicPort 80 -ACL $acl |
        Set-AzureVMBGInfoExtension -Version 1.* |
        Update-AzureVM
    """
    for files in ({"create.ps1": CREATE_WEB1, "harden.ps1": change}, {"a.ps1": change, "b.ps1": CREATE_WEB1}):
        estate = _estate(files)
        [web1] = estate.cloud_services[0].vms
        assert [(e.name, e.acl is not None) for e in web1.endpoints] == [("HTTP", True)]
        assert [(e.version, e.state) for e in web1.extensions] == [("1.*", "Enable")]
        assert web1.size == "Small" and not web1.changes_existing
        assert estate.conflicts == ()


def test_two_scripts_that_change_one_vm_may_run_in_either_order():
    """Two updates of one VM, in two files: which runs last is not known, so what either sets may be on
    the VM: an extension one installs and the other uninstalls are both kept."""
    install = 'Get-AzureVM -ServiceName "svc" -Name "web1" | Set-AzureVMBGInfoExtension -Version 1.* | Update-AzureVM\n'
    remove = install.replace("1.* |", "1.* -Uninstall |")
    [web1] = _estate({"a.ps1": install, "b.ps1": remove}).cloud_services[0].vms
    assert sorted(e.state for e in web1.extensions) == ["Enable", "Uninstall"]


def test_a_change_of_an_existing_vm_sets_its_primary_subnets_and_adds_interfaces():
    """`Set-AzureSubnet` on a VM another script creates replaces the primary interface's subnets (a second
    one there is MIG202's, one alone fixes it); `Add-AzureNetworkInterfaceConfig` adds an interface."""
    create = (
        'New-AzureVMConfig -Name "db01" -InstanceSize Large -ImageName "img" | Set-AzureSubnet "App", "Data" |\n'
        '    New-AzureVM -ServiceName "erp" -Location "l" -VNetName "vnet"\n'
    )
    get = 'Get-AzureVM -ServiceName "erp" -Name "db01" | '
    cases = {
        'Set-AzureSubnet "App" | Update-AzureVM\n': ["App"],
        'Set-AzureSubnet "App" | Add-AzureNetworkInterfaceConfig -Name "nic2" -SubnetName "Backup" | Update-AzureVM\n': [
            "App",
            "Backup",
        ],
        'Set-AzureSubnet "Web", "App" | Update-AzureVM\n': ["Web", "App"],
    }
    for change, subnets in cases.items():
        [db01] = _estate({"a/change.ps1": get + change, "b/create.ps1": create}).cloud_services[0].vms
        assert [s.name for s in db01.subnets] == subnets


def test_a_change_made_to_every_vm_of_a_service_is_made_to_each_vm_the_files_describe():
    """`Get-AzureVM -ServiceName app | … | Update-AzureVM`: each VM of the service the files describe gets
    the change (no VM is left out of the availability set the change puts them all in); with none
    described, the change stays one VM that says what it stands for."""
    create = (
        'foreach ($n in "web01", "web02") {\n'
        '    New-AzureVMConfig -Name $n -InstanceSize Small -ImageName "img" | New-AzureVM -ServiceName "app" -Location "l"\n'
        "}\n"
    )
    change = (
        'Get-AzureVM -ServiceName "app" | Set-AzureVMExtension VMSnapshot Microsoft.Azure.RecoveryServices 1.0 |\n'
        '    Set-AzureAvailabilitySet "app-as" | Update-AzureVM\n'
    )
    vms = _estate({"a/change.ps1": change, "b/create.ps1": create}).cloud_services[0].vms
    assert [(vm.name, vm.availability_set, [e.name for e in vm.extensions]) for vm in vms] == [
        ("web01", "app-as", ["VMSnapshot"]),
        ("web02", "app-as", ["VMSnapshot"]),
    ]
    [alone] = _estate({"change.ps1": change}).cloud_services[0].vms
    assert (alone.name, alone.every_vm) == ("<VMs of cloud service app>", True)


def test_a_change_made_to_every_vm_in_the_file_that_creates_them():
    """The same in one file, and a removal: `Remove-AzureVMBGInfoExtension` on every VM of the service
    removes the BGInfo the file installed on each."""
    script = (
        '$a = New-AzureVMConfig -Name "ops1" -InstanceSize Small -ImageName "img" | Set-AzureVMBGInfoExtension -Version "1.*"\n'
        '$b = New-AzureVMConfig -Name "ops2" -InstanceSize Small -ImageName "img" | Set-AzureVMBGInfoExtension -Version "1.*"\n'
        'New-AzureVM -ServiceName "ops" -VMs $a,$b -Location "l"\n'
        'Get-AzureVM -ServiceName "ops" | Remove-AzureVMBGInfoExtension | Set-AzureAvailabilitySet "ops-as" | Update-AzureVM\n'
    )
    vms = _estate({"deploy.ps1": script}).cloud_services[0].vms
    assert [(vm.name, vm.availability_set, vm.installed_extensions()) for vm in vms] == [
        ("ops1", "ops-as", ()),
        ("ops2", "ops-as", ()),
    ]


def test_a_configuration_in_a_folder_of_its_own_joins_the_definition_its_service_name_names():
    files = {
        "src/Shop/ServiceDefinition.csdef": CSDEF,
        "deploy/prod/ServiceConfiguration.Cloud.cscfg": CLOUD,
        "deploy/prod/other.cscfg": '<ServiceConfiguration serviceName="jobs"><Role name="J"/></ServiceConfiguration>',
    }
    estate = _estate(files)
    jobs, shop = sorted(estate.cloud_services, key=lambda s: s.name)
    assert (shop.name, [r.name for r in shop.roles]) == ("shop", ["Web"])
    assert [p.mark.path for p in shop.placements] == ["deploy/prod/ServiceConfiguration.Cloud.cscfg"]
    assert shop.placements[0].virtual_network is not None
    # No definition names "jobs": that configuration stays a service of its folder.
    assert (jobs.name, jobs.definition) == ("jobs", None)
    assert estate.dangling == ()


CONFIG_UNNAMED = '<ServiceConfiguration><Role name="Web"/></ServiceConfiguration>'


def test_configurations_alone_in_a_folder_are_one_service_per_service_name():
    # Test fixtures and pipelines keep configurations of several services side by side; each is checked
    # and named as the service it configures, not under the first configuration's name.
    config = '<ServiceConfiguration serviceName="{}"><Role name="{}"/></ServiceConfiguration>'
    estate = _estate(
        {
            "fixtures/a.cscfg": config.format("SampleApp", "Web"),
            "fixtures/b.cscfg": config.format("HelloWorld", "Site"),
            "fixtures/b.Local.cscfg": config.format("helloworld", "Site"),
            "fixtures/unnamed.cscfg": '<ServiceConfiguration><Role name="Site"/></ServiceConfiguration>',
            "fixtures/other.cscfg": '<ServiceConfiguration><Role name="Jobs"/></ServiceConfiguration>',
        }
    )
    services = sorted(
        (s.name, sorted(c.mark.path for c in s.configurations), [r.name for r in s.roles])
        for s in estate.cloud_services
    )
    # Beside several services, those that name none are one more, named after the folder.
    assert services == [
        ("HelloWorld", ["fixtures/b.Local.cscfg", "fixtures/b.cscfg"], ["Site"]),
        ("SampleApp", ["fixtures/a.cscfg"], ["Web"]),
        ("fixtures", ["fixtures/other.cscfg", "fixtures/unnamed.cscfg"], ["Site", "Jobs"]),
    ]
    # Beside one, they are its configurations.
    alone = _estate({"shop/Cloud.cscfg": config.format("shop", "Web"), "shop/Test.cscfg": CONFIG_UNNAMED})
    assert [(s.name, len(s.configurations)) for s in alone.cloud_services] == [("shop", 2)]


def test_a_service_name_two_folders_define_joins_neither():
    estate = _estate(
        {
            "a/ServiceDefinition.csdef": CSDEF,
            "b/ServiceDefinition.csdef": CSDEF,
            "deploy/ServiceConfiguration.Cloud.cscfg": CLOUD,
        }
    )
    assert sorted((s.name, s.definition is None) for s in estate.cloud_services) == [
        ("shop", False),
        ("shop", False),
        ("shop", True),
    ]


def test_the_editor_s_kept_link_joins_configurations_to_definitions_alike():
    from migcheck.estate import LinkMemo, link_subscription

    files = {
        "src/Shop/ServiceDefinition.csdef": CSDEF,
        "deploy/prod/ServiceConfiguration.Cloud.cscfg": CLOUD,
    }
    docs = tuple(read_document(p, t.encode(), explicit=False) for p, t in files.items())
    memo = LinkMemo()
    for _ in range(2):  # the second link takes every folder from the memo
        estate = link_subscription("s", docs, Grouping(), memo)
        (service,) = estate.cloud_services
        assert service.definition is not None
        assert [p.mark.path for p in service.placements] == ["deploy/prod/ServiceConfiguration.Cloud.cscfg"]


def test_a_configuration_joins_no_definition_of_its_name_that_lacks_its_roles():
    """Visual Studio names every new service `AzureCloudService1`: a name alone does not make two
    solutions' files one service."""
    estate = _estate(
        {
            "Lab1/AzureCloudService1/ServiceDefinition.csdef": CSDEF.replace("shop", "AzureCloudService1"),
            "Lab2/AzureCloudService1/ServiceConfiguration.Cloud.cscfg": (
                '<ServiceConfiguration serviceName="AzureCloudService1"><Role name="Worker"/></ServiceConfiguration>'
            ),
        }
    )
    assert sorted((s.mark.path, s.definition is None) for s in estate.cloud_services) == [
        ("Lab1/AzureCloudService1/ServiceDefinition.csdef", False),
        ("Lab2/AzureCloudService1/ServiceConfiguration.Cloud.cscfg", True),
    ]
    assert estate.dangling == ()


def test_copies_of_one_definition_leave_a_configuration_unjoined_whichever_fits_its_roles():
    """Course labs and branches copy a solution: with several definitions of the name, the one whose roles
    fit is no more the configuration's than the others."""
    estate = _estate(
        {
            "mod1/Cloud/ServiceDefinition.csdef": CSDEF,
            "mod2/Cloud/ServiceDefinition.csdef": CSDEF.replace(
                "</ServiceDefinition>", '<WorkerRole name="Jobs"/></ServiceDefinition>'
            ),
            "mod3/Cloud/ServiceConfiguration.Cloud.cscfg": (
                '<ServiceConfiguration serviceName="shop"><Role name="Web"/><Role name="Jobs"/></ServiceConfiguration>'
            ),
        }
    )
    assert sum(s.definition is None for s in estate.cloud_services) == 1


def test_two_descriptions_of_a_network_in_different_places_say_where_each_puts_it():
    netcfg = (
        '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">'
        '<VirtualNetworkConfiguration><VirtualNetworkSites><VirtualNetworkSite name="app" {}>'
        "<AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace></VirtualNetworkSite>"
        "</VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>"
    )
    rest = (
        '<VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure"><VirtualNetworkSite>'
        "<Name>app</Name>{}<AddressSpace><AddressPrefixes><AddressPrefix>10.1.0.0/16</AddressPrefix>"
        "</AddressPrefixes></AddressSpace></VirtualNetworkSite></VirtualNetworkSites>"
    )
    places = {
        ('AffinityGroup="ag1"', "<AffinityGroup>ag2</AffinityGroup>"): "affinity group 'ag2' / 'ag1'",
        ('Location="West Europe"', "<AffinityGroup>ag2</AffinityGroup>"): (
            "affinity group 'ag2' / location 'West Europe'"
        ),
        (
            'Location="West Europe"',
            "<Location>North Europe</Location>",
        ): "location 'North Europe' / 'West Europe'",
        (
            'AffinityGroup="ag1"',
            "<AffinityGroup>ag2</AffinityGroup><Location>West Europe</Location>",
        ): "affinity group 'ag2' / 'ag1'",
    }
    for (first, second), said in places.items():
        files = {"NetworkConfig.netcfg": netcfg.format(first), "sites.xml": rest.format(second)}
        [conflict] = _estate(files).conflicts
        assert conflict.differences == (said,)


def test_a_rest_body_that_states_the_region_of_an_affinity_group_network_agrees_with_the_netcfg():
    """List Virtual Network Sites gives an affinity-group network's `Location` beside its `AffinityGroup`;
    a .netcfg states the group only. Both put the network in the group: no conflict."""
    netcfg = (
        '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">'
        '<VirtualNetworkConfiguration><VirtualNetworkSites><VirtualNetworkSite name="app" AffinityGroup="ag1">'
        "<AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace></VirtualNetworkSite>"
        "</VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>"
    )
    rest = (
        '<VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure"><VirtualNetworkSite>'
        "<Name>app</Name><AffinityGroup>AG1</AffinityGroup><Location>West Europe</Location>"
        "<AddressSpace><AddressPrefixes><AddressPrefix>10.1.0.0/16</AddressPrefix>"
        "</AddressPrefixes></AddressSpace></VirtualNetworkSite></VirtualNetworkSites>"
    )
    assert _estate({"NetworkConfig.netcfg": netcfg, "sites.xml": rest}).conflicts == ()
