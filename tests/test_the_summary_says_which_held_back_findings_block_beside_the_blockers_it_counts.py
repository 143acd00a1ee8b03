"""The summary's count of blockers is of the findings reported; those held back are more of them, and say
how many of them block, none included: `1 blocks the migration (1 suppressed)` read as if the suppressed
finding were the blocker, or one of them."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import APP_VNET_NETCFG, run_cli

ACL = (
    "<EndpointAcl><Rules><Rule><Order>1</Order><Action>permit</Action>"
    "<RemoteSubnet>1.2.3.0/24</RemoteSubnet></Rule></Rules></EndpointAcl>"
)
BGINFO = """\
<ResourceExtensionReferences><!-- migcheck: ignore[MIG204] reinstalled after the move -->
  <ResourceExtensionReference><ReferenceName>BGInfo</ReferenceName><Publisher>Microsoft.Compute</Publisher>
  <Name>BGInfo</Name><Version>1.*</Version><State>Enable</State></ResourceExtensionReference>
</ResourceExtensionReferences>"""


def deployment(*vms: tuple[str, str]) -> str:
    """Deployment `shop` in app-vnet; each VM (name, what its SSH endpoint holds) has BGInfo (MIG204),
    suppressed by a comment."""

    def vm(name: str, acl: str) -> str:
        return f"""\
<Role><RoleName>{name}</RoleName><RoleType>PersistentVMRole</RoleType>
  <ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
    <InputEndpoints><InputEndpoint><LocalPort>22</LocalPort><Name>SSH</Name><Port>22</Port>
      <Protocol>tcp</Protocol>{acl}</InputEndpoint></InputEndpoints>
    <SubnetNames><SubnetName>web</SubnetName></SubnetNames>
  </ConfigurationSet></ConfigurationSets>
  {BGINFO}
  <OSVirtualHardDisk><MediaLink>https://store.blob.core.windows.net/vhds/{name}.vhd</MediaLink></OSVirtualHardDisk>
</Role>"""

    roles = "\n".join(vm(name, acl) for name, acl in vms)
    return f"""\
<HostedService xmlns="http://schemas.microsoft.com/windowsazure"><ServiceName>shop</ServiceName>
<Deployments><Deployment><Name>shop</Name><RoleList>
{roles}
</RoleList><VirtualNetworkName>app-vnet</VirtualNetworkName></Deployment></Deployments></HostedService>
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A network and, in the settings, endpoint ACLs (MIG201) made warnings: the platform still refuses
    them, so the summary counts the blockers apart."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "network.netcfg").write_text(APP_VNET_NETCFG, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.migcheck.severity]\nMIG201 = "warning"\n', encoding="utf-8"
    )
    return tmp_path


def summary(capsys: pytest.CaptureFixture[str]) -> str:
    return run_cli(capsys, "check", ".")[1].splitlines()[-1]


def test_a_suppressed_warning_beside_the_blockers_says_it_does_not_block(project, capsys):
    (project / "shop.xml").write_text(deployment(("vm1", ACL)), encoding="utf-8")

    assert summary(capsys) == (
        "Found 1 finding in 2 files: 1 warning; 1 blocks the migration: 1 warning marked [blocker] "
        "(1 more suppressed, which does not block the migration)."
    )


def test_suppressed_warnings_beside_the_blockers_say_none_of_them_blocks(project, capsys):
    (project / "shop.xml").write_text(deployment(("vm1", ACL), ("vm2", "")), encoding="utf-8")

    assert summary(capsys).endswith(
        "1 blocks the migration: 1 warning marked [blocker] (2 more suppressed, none of them blocks the migration)."
    )


def test_a_suppressed_blocker_beside_the_blockers_is_one_more_that_blocks(project, capsys):
    silenced = f"<!-- migcheck: ignore[MIG201] kept until the cut-over -->{ACL}"
    (project / "shop.xml").write_text(
        deployment(("vm1", ACL), ("vm2", silenced)).replace(BGINFO, ""), encoding="utf-8"
    )

    assert summary(capsys).endswith(
        "1 blocks the migration: 1 warning marked [blocker] (1 more suppressed that still blocks the migration)."
    )
