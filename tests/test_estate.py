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


def _estate(files: dict[str, str], grouping: Grouping | None = None):
    docs = [
        read_document(path, textwrap.dedent(text).encode(), explicit=False) for path, text in files.items()
    ]
    return link([d for d in docs if d is not None], grouping)


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
    assert [c.mark.path for c in service.deployed_configurations] == ["shop/ServiceConfiguration.Cloud.cscfg"]


def test_local_configuration_is_deployed_only_when_configured():
    estate = _estate({"shop/ServiceConfiguration.Local.cscfg": LOCAL}, Grouping(include_local=True))
    assert len(estate.cloud_services[0].deployed_configurations) == 1


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
    assert estate.virtual_network("prod") is None
