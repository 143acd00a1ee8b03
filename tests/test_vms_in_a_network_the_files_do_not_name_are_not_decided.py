"""VMs in subnets are in a virtual network; where the files do not name it and none of their networks
defines those subnets (Export-AzureVM files alone), the network's definition is not in the files: what
blocks it (its gateway's connections, the other services in it) cannot be checked. The service's readiness
row reads "Not decided: the network's definition is not in the files", as the members of a network no file
defines do; its plan step is not ready, for the same reason; the badge never reads "ready" over it. Beside
a configuration that defines the subnet, the same VM is in that network, decided as before."""

from __future__ import annotations

import json

from lint_support import APP_VNET_NETCFG, run_cli

UNDECIDED = "Not decided: the network's definition is not in the files"


def export_azure_vm(name: str, subnet: str) -> str:
    subnets = f"<SubnetNames><string>{subnet}</string></SubnetNames>" if subnet else ""
    return f"""\
<?xml version="1.0" encoding="utf-8"?>
<PersistentVM xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <ConfigurationSets>
    <ConfigurationSet xsi:type="NetworkConfigurationSet">
      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
      {subnets}
    </ConfigurationSet>
  </ConfigurationSets>
  <OSVirtualHardDisk><DiskName>{name}-os</DiskName><OS>Windows</OS></OSVirtualHardDisk>
  <RoleName>{name}</RoleName>
  <RoleSize>Standard_D2</RoleSize>
  <RoleType>PersistentVMRole</RoleType>
</PersistentVM>
"""


def outputs(tmp_path, monkeypatch, capsys, files: dict[str, str]) -> tuple[str, dict, str]:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, summary, _ = run_cli(capsys, "check", ".")
    _, plan, _ = run_cli(capsys, "plan", ".", "--format", "json")
    _, badge, _ = run_cli(capsys, "badge", ".", "--format", "shields")
    [step] = [s for s in json.loads(plan)["subscriptions"][0]["steps"] if "svc-a" in s["name"]]
    return summary, step, json.loads(badge)["message"]


def test_vms_in_a_subnet_of_a_network_the_files_do_not_name_are_not_decided(tmp_path, monkeypatch, capsys):
    summary, step, badge = outputs(
        tmp_path, monkeypatch, capsys, {"svc-a/a01.xml": export_azure_vm("a01", "App")}
    )
    [row] = [line for line in summary.splitlines() if line.strip().startswith("svc-a")]
    assert UNDECIDED in row
    assert (step["ready"], step.get("network_undefined")) == (False, True)
    # The VM's OS disk is named alone: its storage account is not decided either.
    assert badge == "1 service not decided, 1 account not decided"


def test_text_plan_says_why_the_step_is_not_ready(tmp_path, monkeypatch, capsys):
    (tmp_path / "svc-a").mkdir()
    (tmp_path / "svc-a" / "a01.xml").write_text(export_azure_vm("a01", "App"))
    monkeypatch.chdir(tmp_path)
    _, text, _ = run_cli(capsys, "plan", ".")
    assert (
        "svc-a [wave 1] — NOT READY (not decided: the files do not say which virtual network it is in)"
        in text
    )
    # The VM's OS disk is named alone (<DiskName>): its storage account is a second step, its name to fill in.
    assert "Overview: 2 steps: none ready, 1 with a name or key to fill in, 1 not decided." in text


def test_the_same_vm_beside_a_configuration_that_defines_its_subnet_is_decided(tmp_path, monkeypatch, capsys):
    files = {"svc-a/a01.xml": export_azure_vm("a01", "web"), "net.netcfg": APP_VNET_NETCFG}
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, summary, _ = run_cli(capsys, "check", ".")
    _, badge, _ = run_cli(capsys, "badge", ".", "--format", "shields")
    assert UNDECIDED not in summary
    assert "service not decided" not in json.loads(badge)["message"]


def test_vms_in_no_subnet_are_graded_as_before(tmp_path, monkeypatch, capsys):
    summary, step, badge = outputs(
        tmp_path, monkeypatch, capsys, {"svc-a/a01.xml": export_azure_vm("a01", "")}
    )
    assert UNDECIDED not in summary
    assert "network_undefined" not in step
    assert "service not decided" not in badge
