"""A network a Python script names by a string it builds from a value it does not state (`f'{prefix}vNet1'`)
is the network of the same name in the network configuration the script uploads, which it builds the same way
(`<VirtualNetworkSite name="{prefix}vNet1">` in the body it PUTs to `.../services/networking/media`): the
deployment it places there is in that network, not in a stand-in network of its own. That network is named by a
stand-in where the configuration names it, never by the text read in place of the value. Without such a
configuration the value is a stand-in, as any value the script does not state is."""

from __future__ import annotations

import pytest

from migcheck.model import Deployment
from migcheck.readers import read_document

UPLOAD = '''\
import sys
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("subscription-id", "management.pem")
prefix = sys.argv[1]
NETCFG = f"""<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="{prefix}vNet1" Location="East US">
      <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
      <Subnets><Subnet name="front"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet></Subnets>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
sms.perform_put("/subscription-id/services/networking/media", NETCFG)
'''
CREATE = 'sms.create_virtual_machine_deployment("svc1", "svc1", "production", "vm1", "vm1", None, None, virtual_network_name={})\n'


def _network(script: str) -> str:
    document = read_document("vnet.py", script.encode(), explicit=True)
    assert document is not None and document.problem is None
    [deployment] = [r for r in document.resources if isinstance(r, Deployment)]
    assert deployment.virtual_network is not None
    return deployment.virtual_network.name


@pytest.mark.parametrize(
    "name",
    ["f'{prefix}vNet1'", "prefix + 'vNet1'", "'{}vNet1'.format(prefix)"],
    ids=["f-string", "plus", "format"],
)
def test_a_deployment_placed_in_it_is_in_that_network(name):
    assert _network(UPLOAD + CREATE.format(name)) == "<virtual network name, vnet.py:8>"


@pytest.mark.parametrize(
    "script",
    [UPLOAD.replace('sms.perform_put("/subscription-id/services/networking/media", NETCFG)\n', ""), UPLOAD],
    ids=["no-configuration", "another-name"],
)
def test_a_name_no_uploaded_configuration_builds_alike_is_a_stand_in(script):
    name = "f'{prefix}vNet2'" if "perform_put" in script else "f'{prefix}vNet1'"
    assert _network(script + CREATE.format(name)).startswith("<virtual network name, vnet.py:")
