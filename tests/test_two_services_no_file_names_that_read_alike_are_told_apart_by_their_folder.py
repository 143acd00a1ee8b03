"""Two cloud services no file names, whose stand-ins would read alike (deployment `prod` of a REST body
`deployment.xml` in folders `svc1` and `svc2`; a script `deploy.py` or `deploy.ps1` copied into two team
folders), are told apart in the stand-in itself by their folder, or by the line of one file that deploys
both: one label names one service in the readiness summary, the plan's titles, resource groups, commands
and notes alike. A stand-in no other reads alike is as it was."""

from __future__ import annotations

from lint_support import APP_VNET_NETCFG, run_cli

REST = 'xmlns="http://schemas.microsoft.com/windowsazure"'


def rest_body(vm: str, network: str = "") -> str:
    """A deployment body `prod` of one VM that names no cloud service, in `network` when given."""
    in_network = f"<VirtualNetworkName>{network}</VirtualNetworkName>" if network else ""
    return f"""\
<Deployment {REST}><Name>prod</Name><RoleList><Role>
  <RoleName>{vm}</RoleName><RoleType>PersistentVMRole</RoleType>
  <ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
    {"<SubnetNames><SubnetName>web</SubnetName></SubnetNames>" if network else ""}
  </ConfigurationSet></ConfigurationSets>
  <OSVirtualHardDisk><MediaLink>https://acct.blob.core.windows.net/vhds/{vm}.vhd</MediaLink></OSVirtualHardDisk>
</Role></RoleList>{in_network}</Deployment>"""


PYTHON = """\
import os
from azure.servicemanagement import ServiceManagementService, ConfigurationSet, LinuxConfigurationSet
sms = ServiceManagementService(os.environ["SUB"], "mgmt.pem")
sms.create_virtual_machine_deployment(os.environ["SVC"], "prod", "production", "prod", "web1",
    LinuxConfigurationSet("h", "u", "p", True), None, virtual_network_name="app-vnet")
"""
POWERSHELL = """\
param([string]$ServiceName)
New-AzureQuickVM -Windows -ServiceName $ServiceName -Name web1 -ImageName img -Password p -AdminUsername u -Location 'West Europe'
"""


def _run(tmp_path, monkeypatch, capsys, files: dict[str, str], command: str) -> str:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, command, ".")
    return out


def test_rest_bodies_of_one_deployment_name_in_a_network_are_two_labels(tmp_path, monkeypatch, capsys):
    files = {
        "network.netcfg": APP_VNET_NETCFG,
        "svc1/deployment.xml": rest_body("vm1", "app-vnet"),
        "svc2/deployment.xml": rest_body("vm2", "app-vnet"),
    }
    summary = _run(tmp_path, monkeypatch, capsys, files, "check")
    plan = _run(tmp_path, monkeypatch, capsys, files, "plan")
    for folder in ("svc1", "svc2"):
        label = f"<cloud service of deployment prod, deployment.xml in {folder}>"
        assert f"{label} (1 VM)" in summary, summary
        assert f"resource group '{label}-Migrated'" in plan, plan
    assert "<cloud service of deployment prod, deployment.xml>" not in summary + plan


def test_rest_bodies_outside_a_network_have_their_own_steps_and_commands(tmp_path, monkeypatch, capsys):
    files = {"a/deployment.xml": rest_body("vm1"), "b/deployment.xml": rest_body("vm2")}
    plan = _run(tmp_path, monkeypatch, capsys, files, "plan")
    for folder in ("a", "b"):
        label = f"<cloud service of deployment prod, deployment.xml in {folder}>"
        # The title says it once: the label tells the step apart already.
        assert f"Cloud service (VMs not in a virtual network): {label} [wave 1]" in plan, plan
        assert f"Move-AzureService -Commit -ServiceName '{label}' -DeploymentName 'prod'" in plan
        assert f"'{label}' stands for it in this step" in plan


def test_scripts_of_one_name_in_two_team_folders_are_two_labels(tmp_path, monkeypatch, capsys):
    files = {
        "network.netcfg": APP_VNET_NETCFG,
        "teamA/deploy.py": PYTHON,
        "teamB/deploy.py": PYTHON.replace("web1", "web2"),
    }
    plan = _run(tmp_path, monkeypatch, capsys, files, "plan")
    for team in ("teamA", "teamB"):
        assert f"resource group '<cloud service of deployment prod, {team}/deploy.py:4>-Migrated'" in plan, (
            plan
        )


def test_a_script_s_stand_in_for_the_service_s_name_says_its_folder(tmp_path, monkeypatch, capsys):
    files = {"a/deploy.ps1": POWERSHELL, "b/deploy.ps1": POWERSHELL}
    plan = _run(tmp_path, monkeypatch, capsys, files, "plan")
    for folder in ("a", "b"):
        assert (
            f"Get-AzureVM -ServiceName '<cloud service name, -ServiceName of the script, {folder}/deploy.ps1:2>' -Name 'web1'"
            in plan
        )


def test_one_script_deploying_two_unnamed_services_alike_tells_them_apart_by_line(
    tmp_path, monkeypatch, capsys
):
    second = PYTHON.splitlines(keepends=True)[3:]
    script = PYTHON + "".join(second).replace('"SVC"', '"SVC2"').replace("web1", "web2")
    plan = _run(
        tmp_path, monkeypatch, capsys, {"network.netcfg": APP_VNET_NETCFG, "deploy.py": script}, "plan"
    )
    assert "resource group '<cloud service of deployment prod, deploy.py:4>-Migrated'" in plan, plan
    assert "resource group '<cloud service of deployment prod, deploy.py:6>-Migrated'" in plan, plan


def test_a_stand_in_no_other_reads_as_is_as_it_was(tmp_path, monkeypatch, capsys):
    files = {"svc1/deployment.xml": rest_body("vm1"), "svc2/other.xml": rest_body("vm2")}
    plan = _run(tmp_path, monkeypatch, capsys, files, "plan")
    assert "resource group '<cloud service of deployment prod, deployment.xml>-Migrated'" in plan, plan
    assert "resource group '<cloud service of deployment prod, other.xml>-Migrated'" in plan, plan
