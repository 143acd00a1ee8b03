"""An input endpoint of a deployment with several virtual IPs is on the VIP it names (`VirtualIPName`), or
on the one whose address it gives (`Vip`, as a Get Deployment response writes it): a reserved IP on that
VIP then goes with an endpoint, and MIG106 stays silent."""

from __future__ import annotations

from lint_support import lint_files, where

from migcheck.model import Deployment, InputEndpoint
from migcheck.readers import read_document

ENDPOINT = """
              <InputEndpoint>
                <LocalPort>{port}</LocalPort><Name>{name}</Name><Port>443</Port><Protocol>tcp</Protocol>{vip}
              </InputEndpoint>"""


def _body(second: str, vips: str = "") -> str:
    vips = (
        vips
        or """
    <VirtualIP><Address>40.68.10.20</Address><IsDnsProgrammed>true</IsDnsProgrammed><Name>main</Name></VirtualIP>
    <VirtualIP><Address>40.68.10.21</Address><Name>vip2</Name><ReservedIPName>rip2</ReservedIPName></VirtualIP>"""
    )
    endpoints = ENDPOINT.format(port=443, name="HTTPS", vip="<Vip>40.68.10.20</Vip>") + ENDPOINT.format(
        port=8443, name="HTTPS2", vip=second
    )
    return f"""<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>sec</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <Url>http://sec.cloudapp.net/</Url>
  <RoleList>
    <Role>
      <RoleName>sec01</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <ConfigurationSets>
        <ConfigurationSet>
          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
          <InputEndpoints>{endpoints}
          </InputEndpoints>
          <SubnetNames><SubnetName>web</SubnetName></SubnetNames>
        </ConfigurationSet>
      </ConfigurationSets>
      <RoleSize>Small</RoleSize>
    </Role>
  </RoleList>
  <VirtualNetworkName>sec-vnet</VirtualNetworkName>
  <VirtualIPs>{vips}
  </VirtualIPs>
</Deployment>
"""


NETWORK = """<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="sec-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.40.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="web"><AddressPrefix>10.40.1.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def _endpoints(body: str) -> list[tuple[str, str]]:
    return [(e.name, e.virtual_ip) for e in _read_endpoints(body)]


def _read_endpoints(body: str) -> list[InputEndpoint]:
    document = read_document("sec.xml", body.encode(), explicit=False)
    assert document is not None
    (deployment,) = [r for r in document.resources if isinstance(r, Deployment)]
    return [e for role in deployment.roles for e in role.endpoints]


def test_an_endpoint_is_on_the_vip_whose_address_it_gives():
    assert _endpoints(_body("<Vip>40.68.10.21</Vip>")) == [("HTTPS", "main"), ("HTTPS2", "vip2")]


def test_the_vip_it_names_wins_over_the_address_it_gives():
    named = "<Vip>40.68.10.21</Vip><VirtualIPName>main</VirtualIPName>"
    assert _endpoints(_body(named))[1] == ("HTTPS2", "main")


def test_an_address_of_no_vip_or_of_two_leaves_the_vip_unknown():
    unmatched = _read_endpoints(_body("<Vip>52.1.1.1</Vip>"))
    assert [(e.virtual_ip, e.vip_unknown) for e in unmatched] == [("main", False), ("", True)]
    same = """
    <VirtualIP><Address>40.68.10.21</Address><Name>main</Name></VirtualIP>
    <VirtualIP><Address>40.68.10.21</Address><Name>vip2</Name></VirtualIP>"""
    shared = _read_endpoints(_body("<Vip>40.68.10.21</Vip>", same))[1]
    assert (shared.virtual_ip, shared.vip_unknown) == ("", True)


def test_an_endpoint_on_an_unknown_vip_may_be_on_the_reserved_one(tmp_path, monkeypatch):
    # Counted on the default VIP, it left the reserved IP of vip2 "without an endpoint": a guess, not a fact.
    files = {"rest/sec.xml": _body("<Vip>52.1.1.1</Vip>"), "network/NetworkConfig.xml": NETWORK}
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG106", dedent=False).findings) == []


def test_a_single_vip_is_named_by_no_endpoint():
    one = "<VirtualIP><Address>40.68.10.20</Address><Name>main</Name></VirtualIP>"
    assert _endpoints(_body("<Vip>40.68.10.20</Vip>", one)) == [("HTTPS", ""), ("HTTPS2", "")]


def test_a_reserved_ip_on_the_vip_an_endpoint_gives_by_address_is_not_stranded(tmp_path, monkeypatch):
    files = {"rest/sec.xml": _body("<Vip>40.68.10.21</Vip>"), "network/NetworkConfig.xml": NETWORK}
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG106", dedent=False).findings) == []
    files["rest/sec.xml"] = _body("<Vip>40.68.10.20</Vip>")  # both endpoints on the main VIP
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG106", dedent=False).findings) == [
        "MIG106 rest/sec.xml:29:79"  # the text of the second VIP's ReservedIPName
    ]
