"""A readiness row counting the findings it reports says those held back beside them as more of them
(`Validation failed: 1 error (1 more known from baseline)`, for two errors of which the baseline knows one),
where `(1 known from baseline)` read as one of the error counted; a row whose every finding is held back
says them as before (`Validation failed (1 known from baseline)`)."""

from __future__ import annotations

from lint_support import APP_VNET_NETCFG, run_cli

ACL = (
    "<EndpointAcl><Rules><Rule><Order>1</Order><Action>permit</Action>"
    "<RemoteSubnet>1.2.3.0/24</RemoteSubnet></Rule></Rules></EndpointAcl>"
)


def deployment(acl_vm1: str, acl_vm2: str) -> str:
    """Deployment `shop` in app-vnet, of VMs vm1 and vm2, each with an SSH endpoint whose ACL is given."""

    def vm(name: str, acl: str) -> str:
        return f"""\
<Role><RoleName>{name}</RoleName><RoleType>PersistentVMRole</RoleType>
  <ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
    <InputEndpoints><InputEndpoint><LocalPort>22</LocalPort><Name>SSH</Name><Port>22</Port>
      <Protocol>tcp</Protocol>{acl}</InputEndpoint></InputEndpoints>
    <SubnetNames><SubnetName>web</SubnetName></SubnetNames>
  </ConfigurationSet></ConfigurationSets>
  <OSVirtualHardDisk><MediaLink>https://store.blob.core.windows.net/vhds/{name}.vhd</MediaLink></OSVirtualHardDisk>
</Role>"""

    return f"""\
<HostedService xmlns="http://schemas.microsoft.com/windowsazure"><ServiceName>shop</ServiceName>
<Deployments><Deployment><Name>shop</Name><RoleList>
{vm("vm1", acl_vm1)}
{vm("vm2", acl_vm2)}
</RoleList><VirtualNetworkName>app-vnet</VirtualNetworkName></Deployment></Deployments></HostedService>
"""


def _row(out: str) -> str:
    """The verdict of app-vnet's row, on its line or, past a long name, the next."""
    lines = out.splitlines()
    [at] = [n for n, line in enumerate(lines) if line.lstrip().startswith("app-vnet (")]
    [row] = [line for line in lines[at : at + 2] if "Validation" in line]
    return row[row.index("Validation") :].strip()


def test_a_known_error_beside_a_new_one_is_one_more(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "network.netcfg").write_text(APP_VNET_NETCFG, encoding="utf-8")
    shop = tmp_path / "shop.xml"
    shop.write_text(deployment(ACL, ""), encoding="utf-8")
    run_cli(capsys, "check", ".", "--write-baseline", "baseline.json")
    assert _row(run_cli(capsys, "check", ".", "--baseline", "baseline.json")[1]) == (
        "Validation failed (1 known from baseline)"
    )
    shop.write_text(deployment(ACL, ACL), encoding="utf-8")
    assert _row(run_cli(capsys, "check", ".", "--baseline", "baseline.json")[1]) == (
        "Validation failed: 1 error (1 more known from baseline)"
    )


def test_a_suppressed_error_beside_a_reported_one_is_one_more(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "network.netcfg").write_text(APP_VNET_NETCFG, encoding="utf-8")
    silenced = f"<!-- migcheck: ignore[MIG201] kept until the cut-over -->{ACL}"
    (tmp_path / "shop.xml").write_text(deployment(silenced, ACL), encoding="utf-8")
    assert _row(run_cli(capsys, "check", ".")[1]) == "Validation failed: 1 error (1 more suppressed)"
