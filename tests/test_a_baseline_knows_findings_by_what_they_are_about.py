"""A baseline knows a finding by what it is about: the subnet whose prefix is wrong, the VM an extension is
on, the network a runbook step migrates. A new finding about another subnet of a known network, or another
VM with a known extension, is reported as new, wherever it is written in the file; and a baseline written
before it recorded subjects still knows what it knew."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import run_cli

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="app-vnet" Location="North Europe">
      <AddressSpace><AddressPrefix>10.20.0.0/16</AddressPrefix></AddressSpace>
      <Subnets>
        <Subnet name="back"><AddressPrefix>10.20.2.1/24</AddressPrefix></Subnet>
      </Subnets>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
BACK = '        <Subnet name="back">'
FRONT = '        <Subnet name="front"><AddressPrefix>10.20.1.1/24</AddressPrefix></Subnet>\n'

# A deployment's REST body: `{roles}` holds its VMs (`vm`).
DEPLOYMENT = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
  <Name>app</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <RoleList>
{roles}  </RoleList>
</Deployment>
"""


def vm(name: str) -> str:
    """A VM with BGInfo as an XML extension (MIG204)."""
    return f"""\
    <Role i:type="PersistentVMRole">
      <RoleName>{name}</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <ResourceExtensionReferences>
        <ResourceExtensionReference>
          <ReferenceName>BGInfo</ReferenceName>
          <Publisher>Microsoft.Compute</Publisher>
          <Name>BGInfo</Name>
          <Version>1.*</Version>
          <State>Enable</State>
        </ResourceExtensionReference>
      </ResourceExtensionReferences>
    </Role>
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def new_findings(capsys: pytest.CaptureFixture[str], code: str) -> list[dict]:
    """The findings of `code` a check with the baseline reports as new."""
    _, out, _ = run_cli(capsys, "check", ".", "--baseline", "baseline.json", "--format", "json")
    return [f for f in json.loads(out) if f["code"] == code]


def record(capsys: pytest.CaptureFixture[str]) -> list[dict]:
    code, _, _ = run_cli(capsys, "check", ".", "--write-baseline", "baseline.json")
    assert code == 0
    return json.loads(Path("baseline.json").read_text(encoding="utf-8"))["findings"]


def test_a_bad_subnet_written_above_a_known_one_is_the_new_finding(project, capsys):
    (project / "network.netcfg").write_text(NETCFG, encoding="utf-8")
    record(capsys)
    (project / "network.netcfg").write_text(NETCFG.replace(BACK, FRONT + BACK), encoding="utf-8")

    new = new_findings(capsys, "MIG304")

    assert [f["message"].split(",")[1].strip() for f in new] == [
        "the prefix of subnet 'front' in virtual network 'app-vnet'"
    ]


def test_a_known_extension_on_a_new_vm_written_first_is_the_new_finding(project, capsys):
    (project / "deployment.xml").write_text(DEPLOYMENT.format(roles=vm("app02")), encoding="utf-8")
    record(capsys)
    (project / "deployment.xml").write_text(
        DEPLOYMENT.format(roles=vm("app01") + vm("app02")), encoding="utf-8"
    )

    new = new_findings(capsys, "MIG204")

    assert len(new) == 1
    assert new[0]["message"].startswith("VM 'app01' has the XML extension BGInfo")


def test_the_baseline_records_what_each_finding_is_about(project, capsys):
    (project / "network.netcfg").write_text(NETCFG, encoding="utf-8")
    (project / "deployment.xml").write_text(DEPLOYMENT.format(roles=vm("app01")), encoding="utf-8")

    subjects = {e["code"]: e.get("subject") for e in record(capsys)}

    assert subjects["MIG304"] == {"type": "Subnet", "name": "back"}
    assert subjects["MIG204"] == {"type": "Role", "name": "app01"}


def test_a_baseline_written_without_subjects_still_knows_its_findings(project, capsys):
    (project / "network.netcfg").write_text(NETCFG.replace(BACK, FRONT + BACK), encoding="utf-8")
    entries = record(capsys)
    for entry in entries:  # as an earlier migcheck wrote them
        entry.pop("subject", None)
    Path("baseline.json").write_text(json.dumps({"version": 1, "findings": entries}), encoding="utf-8")

    code, out, _ = run_cli(capsys, "check", ".", "--baseline", "baseline.json")

    assert code == 0
    assert "No new findings in 1 file (2 known from baseline" in out


# A runbook that commits a network's migration before preparing it (MIG602), in PowerShell and with the
# classic CLI: `{network}` is the network's name.
RUNBOOKS = {
    "runbook.ps1": (
        'Move-AzureVirtualNetwork -Commit -VirtualNetworkName "{network}"\n'
        'Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "{network}"\n'
    ),
    "runbook.sh": (
        "azure network vnet commit-migration {network}\nazure network vnet prepare-migration {network}\n"
    ),
}


@pytest.mark.parametrize("name", sorted(RUNBOOKS))
def test_a_step_out_of_order_on_a_new_network_above_a_known_one_is_the_new_finding(project, capsys, name):
    steps = RUNBOOKS[name]
    (project / name).write_text(steps.format(network="hub-vnet"), encoding="utf-8")
    record(capsys)
    both = steps.format(network="spoke-vnet") + steps.format(network="hub-vnet")
    (project / name).write_text(both, encoding="utf-8")

    new = new_findings(capsys, "MIG602")

    assert [f["line"] for f in new] == [1]
    assert "'spoke-vnet'" in new[0]["message"]


def test_a_subject_that_is_not_a_type_and_a_name_is_refused(project, capsys):
    (project / "network.netcfg").write_text(NETCFG, encoding="utf-8")
    entries = record(capsys)
    entries[0]["subject"] = "back"
    Path("baseline.json").write_text(json.dumps({"version": 1, "findings": entries}), encoding="utf-8")

    code, _, err = run_cli(capsys, "check", ".", "--baseline", "baseline.json")

    assert code == 2
    assert "baseline baseline.json: finding #1 has a `subject` that is not `{type, name}` strings" in err
