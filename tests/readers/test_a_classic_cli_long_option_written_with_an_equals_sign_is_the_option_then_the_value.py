"""A long option of the classic CLI written with its value after `=` (`--connect=$SVC`, `--ssh=2222`) is the
option and then the value, as commander's `normalize` splits the word before binding any option, whatever
the option takes: the value of one that takes one, the next positional argument after a flag. A flag's
value was dropped, so `vm create --connect="$SVC" img ...` made a cloud service named after its image."""

from __future__ import annotations

from migcheck.model import Deployment
from migcheck.readers import shell
from tests.lint_support import lint_files, where

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="corpnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="front"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def _deployments(text: str) -> list[tuple[str, list[str]]]:
    doc = shell.read("deploy.sh", text.encode())
    return [(d.service_name, [vm.name for vm in d.roles]) for d in doc.resources if isinstance(d, Deployment)]


def test_a_flag_given_a_value_after_an_equals_sign_leaves_it_the_next_positional_argument():
    script = 'SVC=$1\nazure vm create "$SVC" img u p -w corpnet\nazure vm create --connect="$SVC" img u p --vm-name web2\n'
    assert _deployments(script) == [("<DNS name, deploy.sh:2>", ["<DNS name, deploy.sh:2>", "web2"])]


def test_a_stated_service_after_connect_and_an_equals_sign_is_the_one_the_vm_joins():
    script = "azure vm create web img u p -w corpnet\nazure vm create --connect=web img u p --vm-name=web2\n"
    assert _deployments(script) == [("web", ["web", "web2"])]


def test_a_vm_joined_so_is_in_the_network_of_the_service_it_joins(tmp_path, monkeypatch):
    script = """\
    SVC=$1
    azure vm create "$SVC" img u p -w corpnet -b front
    azure vm create --connect="$SVC" img u p --vm-name web2 -b back
    """
    found = lint_files(tmp_path, monkeypatch, {"net.netcfg": NETCFG, "deploy.sh": script}, "MIG003").findings
    assert where(found) == ["MIG003 deploy.sh:3:60"]
    assert "'back' is not a subnet of virtual network 'corpnet'" in found[0].message


def test_an_optional_value_after_an_equals_sign_is_the_option_s():
    doc = shell.read("deploy.sh", b"azure vm create web img u p --ssh=2222\n")
    ((vm,),) = [d.roles for d in doc.resources if isinstance(d, Deployment)]
    assert [(e.name, e.port) for e in vm.endpoints] == [("SSH", "2222")]
