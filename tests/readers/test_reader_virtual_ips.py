"""The virtual IPs of a deployment with several: which VIP each reserved IP is on, and which VIP each input
endpoint names (REST bodies and Export-AzureVM files)."""

from __future__ import annotations

from migcheck.model import Mark, NameRef, VirtualIp

PATH = "shop.xml"


def _deployment(vips: str, own: str = "") -> str:
    return f"""
        <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
          <Name>prod</Name>{own}
          <VirtualIPs>
        {vips}
          </VirtualIPs>
        </Deployment>
        """


def test_each_reserved_ip_says_which_of_several_vips_it_is_on(read):
    vips = """\
            <VirtualIP><Name>main</Name><ReservedIPName>rip1</ReservedIPName></VirtualIP>
            <VirtualIP><Name>api</Name><IsDnsProgrammed>true</IsDnsProgrammed><ReservedIPName>rip2</ReservedIPName></VirtualIP>"""
    (deployment,) = read(PATH, _deployment(vips)).resources
    api = VirtualIp("api", Mark(PATH, 5, "VirtualIP"), default=True)
    assert deployment.reserved_ip == NameRef(
        "rip1", Mark(PATH, 4, "ReservedIPName"), VirtualIp("main", Mark(PATH, 4, "VirtualIP"), default=False)
    )
    assert deployment.other_reserved_ips == (NameRef("rip2", Mark(PATH, 5, "ReservedIPName"), api),)


def test_the_first_vip_is_the_default_when_none_is_dns_programmed(read):
    vips = """\
            <VirtualIP><Name>main</Name></VirtualIP>
            <VirtualIP><Name>api</Name><ReservedIPName>rip2</ReservedIPName></VirtualIP>"""
    (deployment,) = read(PATH, _deployment(vips, own="<ReservedIPName>rip0</ReservedIPName>")).resources
    refs = (deployment.reserved_ip, *deployment.other_reserved_ips)
    assert [(ref.name, ref.virtual_ip.name, ref.virtual_ip.default) for ref in refs] == [
        ("rip0", "main", True),
        ("rip2", "api", False),
    ]


def test_a_single_vip_or_an_unnamed_one_tells_no_vip(read):
    one = "<VirtualIP><Name>main</Name><ReservedIPName>rip1</ReservedIPName></VirtualIP>"
    unnamed = one + "<VirtualIP><ReservedIPName>rip2</ReservedIPName></VirtualIP>"
    (single,) = read(PATH, _deployment(one, own="<ReservedIPName>rip1</ReservedIPName>")).resources
    assert single.reserved_ip == NameRef("rip1", Mark(PATH, 2, "ReservedIPName"))
    assert single.other_reserved_ips == ()
    (several,) = read(PATH, _deployment(unnamed)).resources
    assert [ref.virtual_ip for ref in (several.reserved_ip, *several.other_reserved_ips)] == [None, None]


def test_endpoints_name_their_vip_in_rest_bodies_and_exports(read):
    endpoints = """
          <ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
            <InputEndpoints>
              <InputEndpoint><Name>a</Name><Port>80</Port><Protocol>tcp</Protocol><VirtualIPName>api</VirtualIPName></InputEndpoint>
              <InputEndpoint><Name>b</Name><Port>81</Port><Protocol>tcp</Protocol></InputEndpoint>
            </InputEndpoints>
          </ConfigurationSet></ConfigurationSets>"""
    rest = f'<PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure"><RoleName>vm1</RoleName>{endpoints}</PersistentVMRole>'
    export = f"<PersistentVM><RoleName>vm1</RoleName>{endpoints}</PersistentVM>"
    for path, body in (("rest.xml", rest), ("vms/vm1.xml", export)):
        (role, *_) = read(path, body).resources
        assert [(e.name, e.virtual_ip) for e in role.endpoints] == [("a", "api"), ("b", "")], path
