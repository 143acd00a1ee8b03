"""The plugin next to the tools it must work with: pytest-xdist, --junitxml, and a repository's own
tests through the `migcheck_estate` and `migcheck_findings` fixtures."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from plugin_support import BROKEN_CSCFG, QUIET, SELECTED, SHOP, summary_outcomes

pytest_plugins = ["pytester"]

POLICY = """
def test_every_vm_subnet_is_in_prod(migcheck_estate):
    prod = migcheck_estate.virtual_network("prod")
    subnets = {s.name for s in prod.subnets}
    vms = [vm for service in migcheck_estate.cloud_services for vm in service.vms]
    assert [vm.name for vm in vms] == ["app01"]
    assert all(ref.name in subnets for vm in vms for ref in vm.subnets)

def test_the_blockers_are_the_roles_and_the_acl(migcheck_findings):
    errors = [f for f in migcheck_findings if str(f.severity) == "error"]
    assert [(f.code, f.location.line) for f in errors if f.mark.path.startswith("shop/")] == [
        ("MIG101", 2),
        ("MIG201", 10),
    ]
"""


def test_xdist_gives_the_same_outcomes(estate: pytest.Pytester) -> None:
    args = ("--migcheck", *QUIET, *SELECTED, "-rA")
    serial = estate.runpytest_subprocess(*args)
    parallel = estate.runpytest_subprocess(*args, "-n", "2")
    expected = summary_outcomes(serial.stdout.lines)
    assert len(expected) == 6  # five checks and the estate's Python test
    assert summary_outcomes(parallel.stdout.lines) == expected
    assert expected[f"{SHOP}::MIG201"] == "FAILED"
    for result in (serial, parallel):
        result.stdout.fnmatch_lines(
            [f"{SHOP}:15:32: MIG003 ?warning? *", "5 checks of 4 files: 1 finding below error (passed), *"]
        )


def test_junitxml_has_a_testcase_per_item_with_the_findings(estate: pytest.Pytester) -> None:
    estate.runpytest_inprocess("--migcheck", *QUIET, *SELECTED, "-m", "migcheck", "--junitxml=report.xml")
    suite = ET.parse(estate.path / "report.xml").getroot().find("testsuite")
    assert suite is not None and suite.get("tests") == "5" and suite.get("failures") == "2"
    cases = {(c.get("classname"), c.get("name")): c for c in suite.iter("testcase")}
    acl = cases[("shop.ServiceConfiguration.Cloud.cscfg", "MIG201")]
    failure = acl.find("failure")
    assert failure is not None
    assert failure.get("message", "").startswith(f"{SHOP}:10:7: MIG201 [error] endpoint 'HttpsIn'")
    assert '<EndpointAcl role="Web"' in (failure.text or "")
    broken = cases[("broken.ServiceConfiguration.Cloud.cscfg", "MIG001")].find("failure")
    assert broken is not None and f"{BROKEN_CSCFG}:3:1: MIG001" in broken.get("message", "")


def test_fixtures_give_the_estate_and_the_findings(estate: pytest.Pytester) -> None:
    estate.makepyfile(test_policy=POLICY)
    result = estate.runpytest_inprocess("--migcheck", *QUIET, "test_policy.py")
    result.assert_outcomes(passed=2)


def test_fixtures_skip_without_the_flag(estate: pytest.Pytester) -> None:
    estate.makepyfile(test_policy=POLICY)
    result = estate.runpytest_inprocess(*QUIET, "-rs", "test_policy.py")
    result.assert_outcomes(skipped=2)
    result.stdout.fnmatch_lines(["*the migcheck fixtures need pytest --migcheck*"])


def test_estates_by_subscription(estate: pytest.Pytester) -> None:
    # A second network configuration in another folder: each claims its folder, and the files beside
    # neither (shop/, vms/, broken/) are the default subscription.
    estate.path.joinpath("other", "net").mkdir(parents=True)
    estate.path.joinpath("other", "net", "NetworkConfig.netcfg").write_text(
        estate.path.joinpath("net", "NetworkConfig.netcfg").read_text()
    )
    estate.makepyfile(
        test_subscriptions="""
        import pytest

        def test_two(migcheck_estates):
            assert sorted(migcheck_estates) == ["default", "net", "other"]
            assert [n.name for n in migcheck_estates["other"].virtual_networks] == ["prod"]

        def test_one_is_ambiguous(migcheck_estate):
            pass
        """
    )
    result = estate.runpytest_inprocess("--migcheck", *QUIET, "test_subscriptions.py")
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(["*describe 3 subscriptions (net, other, default): use migcheck_estates*"])
