"""`pytest --migcheck` over a file whose findings are all warnings: as docs/pytest.md says, its items pass
and the findings are listed in the `migcheck` section of the summary. The section said "1 finding below
error (passed)" and no more, so a run that showed a warning and passed every item read as a fault; it now
says that items fail only at the fail-on severity, and which option or setting fails them too. With
`--migcheck-fail-on warning` the item fails, and the line is not written."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

AFFINITY_GROUP = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="legacy" AffinityGroup="ag1">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="a"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
WHY = (
    '(an item fails only on findings of severity error or above; --migcheck-fail-on warning, or fail-on = "warning" '
    "in [tool.migcheck], fails these too)"
)


@pytest.fixture
def warned(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makefile(".netcfg", NetworkConfig=AFFINITY_GROUP)
    return pytester


def test_the_warning_s_item_passes_and_the_summary_says_why(warned: pytest.Pytester) -> None:
    result = warned.runpytest_inprocess("--migcheck", "-p", "no:cacheprovider", "-k", "MIG303")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(
        [
            "*= migcheck =*",
            "NetworkConfig.netcfg:4:56: MIG303 ?warning? *",
            "1 check of 1 file: 1 finding below error (passed), 0 suppressed",
        ]
    )
    assert "(passed), 0 suppressed\n" + WHY + "\n" in result.stdout.str()


def test_fail_on_warning_fails_it_and_says_nothing_of_passing(warned: pytest.Pytester) -> None:
    result = warned.runpytest_inprocess(
        "--migcheck", "-p", "no:cacheprovider", "-k", "MIG303", "--migcheck-fail-on", "warning"
    )
    result.assert_outcomes(failed=1)
    assert "an item fails only on findings" not in result.stdout.str()
