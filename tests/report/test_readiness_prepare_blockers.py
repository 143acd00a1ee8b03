"""What Validate does not check: the readiness verdict of a scope whose blockers only Prepare finds; the
closing line of `check` when suppressed findings still block; the badge counting what the plan blocks on."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import LintResult, lint
from migcheck.model import Severity
from migcheck.plugins import load_rules
from migcheck.report import badge, render
from migcheck.report.readiness import ScopeKind, Verdict, readiness
from migcheck.rule import Stage

RULES = load_rules(entry_points=False)
REST = 'xmlns="http://schemas.microsoft.com/windowsazure"'


def vm_deployment(service: str, vm: str, address: str, subnets: tuple[str, ...] = ("data",)) -> str:
    """A REST deployment of one VM in network 'prod-vnet' asking for the static private `address`."""
    names = "".join(f"<SubnetName>{name}</SubnetName>" for name in subnets)
    return f"""\
        <Deployment {REST}>
          <Name>{service}</Name>
          <RoleList>
            <Role>
              <RoleName>{vm}</RoleName><RoleType>PersistentVMRole</RoleType>
              <ConfigurationSets>
                <ConfigurationSet>
                  <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
                  <SubnetNames>{names}</SubnetNames>
                  <StaticVirtualNetworkIPAddress>{address}</StaticVirtualNetworkIPAddress>
                </ConfigurationSet>
              </ConfigurationSets>
            </Role>
          </RoleList>
          <VirtualNetworkName>prod-vnet</VirtualNetworkName>
        </Deployment>
        """


# The network the deployments are in, defined (a network no file defines is not decided).
PROD_VNET = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="prod-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets>
          <Subnet name="data"><AddressPrefix>10.0.2.0/24</AddressPrefix></Subnet>
          <Subnet name="a"><AddressPrefix>10.0.3.0/24</AddressPrefix></Subnet>
          <Subnet name="b"><AddressPrefix>10.0.4.0/24</AddressPrefix></Subnet>
        </Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

# Two VMs of 'prod-vnet' asking for one address: MIG306, which Validate does not check.
CONFLICT = {
    "network/NetworkConfig.netcfg": PROD_VNET,
    "sql/deployment.xml": vm_deployment("sql", "sql01", "10.0.2.10"),
    "report/deployment.xml": vm_deployment("report", "report01", "10.0.2.10"),
}


@pytest.fixture
def estate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)

    def run(files: dict[str, str], **config: object) -> LintResult:
        for path, text in files.items():
            (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / path).write_text(textwrap.dedent(text), encoding="utf-8")
        return lint(["."], Config(**config), RULES)  # type: ignore[arg-type]

    return run


def network_item(result: LintResult, name: str = "prod-vnet"):
    (summary,) = readiness(result)
    (scope,) = [s for s in summary.scopes if s.scope is ScopeKind.IN_VNET]
    return {item.name: item for item in scope.items}[name]


def verdict_line(result: LintResult, name: str = "prod-vnet") -> str:
    (line,) = [line for line in render(result, "text").splitlines() if line.lstrip().startswith(f"{name} (")]
    return line


# --- which rules Prepare finds ---------------------------------------------------------------------------


def test_the_rules_validate_does_not_check_say_so():
    late = {rule.code for rule in RULES if rule.found_at is Stage.PREPARE}
    assert late == {"MIG301", "MIG302", "MIG306", "MIG307"}


def test_the_rule_docs_say_where_the_platform_finds_it():
    assert (
        "found by the platform at: Prepare (Validate does not check it)"
        in RULES.get("MIG301").documentation()
    )
    assert "found by the platform at" not in RULES.get("MIG201").documentation()


# --- the verdict ---------------------------------------------------------------------------------------


def test_a_scope_whose_only_errors_prepare_finds_passes_validation_and_fails_prepare(estate):
    result = estate(CONFLICT, select=("MIG306",))
    item = network_item(result)
    assert item.verdict is Verdict.PREPARE_FAILS
    assert verdict_line(result).endswith("Validation passed, Prepare will fail: 1 error")
    assert "Validation failed" not in render(result, "text")
    report = json.loads(render(result, "report-json"))
    [scope] = [s for s in report["subscriptions"][0]["scopes"] if s["scope"] == "VMs in a virtual network"]
    (vnet,) = scope["items"]
    assert vnet["verdict"] == "Validation passed, Prepare will fail"


def test_a_scope_that_fails_validate_too_says_how_many_errors_only_prepare_finds(estate):
    files = {**CONFLICT, "web/deployment.xml": vm_deployment("web", "web01", "10.0.2.20", ("a", "b"))}
    result = estate(files, select=("MIG306", "MIG202"))
    assert network_item(result).verdict is Verdict.FAILED
    assert verdict_line(result).endswith("Validation failed: 2 errors (1 error checked only at Prepare)")


def test_a_suppressed_error_only_prepare_finds_still_fails_prepare(estate):
    result = estate(CONFLICT, select=("MIG306",), per_file_ignores={"sql/*": ("MIG306",)})
    assert not result.findings and result.suppressed
    assert network_item(result).verdict is Verdict.PREPARE_FAILS
    assert verdict_line(result).endswith("Validation passed, Prepare will fail (1 suppressed)")


def test_an_error_only_prepare_finds_fails_it_whatever_severity_the_settings_give_it(estate):
    result = estate(CONFLICT, select=("MIG306",), severity={"MIG306": Severity.WARNING})
    assert network_item(result).verdict is Verdict.PREPARE_FAILS
    assert verdict_line(result).endswith(
        "Validation passed, Prepare will fail: 1 warning (1 error the settings turn down to warning)"
    )


def test_the_items_left_out_of_a_long_scope_are_tallied_by_what_fails_them(estate):
    from migcheck.report.readiness_text import _tally

    result = estate(CONFLICT, select=("MIG306",))
    assert _tally([network_item(result)]) == "1 failing at Prepare"


# --- the closing line ------------------------------------------------------------------------------------

WEB_ROLE = """\
    <ServiceDefinition name="shop">
      <!-- migcheck: ignore[MIG101] moving to App Service next quarter -->
      <WebRole name="Web" vmsize="Small"/>
    </ServiceDefinition>
    """


def test_all_clear_says_a_suppressed_blocker_still_blocks(estate):
    result = estate({"shop/ServiceDefinition.csdef": WEB_ROLE})
    text = render(result, "text")
    assert "Validation failed (1 suppressed)" in text
    assert text.endswith("No findings to report in 1 file (1 suppressed that still blocks the migration).\n")


def test_the_summary_counts_which_suppressed_findings_still_block(estate):
    result = estate(
        {"net.netcfg": NETCFG_AFFINITY}, select=("MIG303", "MIG304"), per_file_ignores={"*": ("MIG",)}
    )
    assert not result.findings
    assert (
        render(result, "text")
        .splitlines()[-1]
        .endswith("(2 suppressed, 1 of them still blocks the migration).")
    )
    found = estate(
        {"net.netcfg": NETCFG_AFFINITY}, select=("MIG303", "MIG304"), per_file_ignores={"*": ("MIG304",)}
    )
    assert render(found, "text").splitlines()[-1] == (
        "Found 1 finding in 1 file: 1 warning (1 more suppressed that still blocks the migration)."
    )


def test_a_clean_run_still_says_all_clear_as_before(estate):
    result = estate({"vms/ServiceDefinition.csdef": '<ServiceDefinition name="vms"/>\n'})
    assert render(result, "text").endswith("All clear: no findings in 1 file.\n")


# A network bound to an affinity group (MIG303, a warning) with a bad prefix (MIG304, an error).
NETCFG_AFFINITY = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="legacy" AffinityGroup="ag">
        <AddressSpace><AddressPrefix>10.3.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="A"><AddressPrefix>10.3.0.00/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


# --- the badge -------------------------------------------------------------------------------------------

STUCK_VM = f"""\
    <Deployment {REST}>
      <Name>jump</Name>
      <RoleInstanceList>
        <RoleInstance>
          <RoleName>jump01</RoleName>
          <InstanceName>jump01</InstanceName>
          <InstanceStatus>RoleStateUnknown</InstanceStatus>
        </RoleInstance>
      </RoleInstanceList>
      <RoleList>
        <Role><RoleName>jump01</RoleName><RoleType>PersistentVMRole</RoleType></Role>
      </RoleList>
    </Deployment>
    """


def test_a_vm_state_validate_refuses_is_a_blocker_on_the_badge(estate):
    result = estate({"jump.xml": STUCK_VM}, select=("MIG208",))
    assert [(f.code, f.severity) for f in result.findings] == [("MIG208", Severity.WARNING)]
    assert "Validation failed" in render(result, "text")
    assert badge.status(result) == badge.Status("1 blocker", "#e05d44", "red")
    shields = json.loads(badge.render(result, "shields"))
    assert (shields["message"], shields["color"]) == ("1 blocker", "red")


def test_a_refused_state_turned_down_to_info_is_no_blocker_on_the_badge(estate):
    result = estate({"jump.xml": STUCK_VM}, select=("MIG208",), severity={"MIG208": Severity.INFO})
    # No blocker: what is left is the name of the deployment's cloud service, which its body does not state.
    assert badge.status(result) == badge.Status("1 name to fill in", "#dfb317", "yellow")


def test_plain_warnings_stay_amber_on_the_badge(estate):
    result = estate({"net.netcfg": NETCFG_AFFINITY}, select=("MIG303",))
    assert badge.status(result) == badge.Status("1 warning", "#dfb317", "yellow")
