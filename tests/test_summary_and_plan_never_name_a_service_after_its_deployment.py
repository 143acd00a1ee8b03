"""A cloud service whose name no file states, only its deployment's: a REST body that names no service, a
script that builds the service's name at run time (`serv_name = "web" + random_str()`). The readiness summary
and the plan's steps name it by a stand-in that says so (`<cloud service of deployment myvm, deploy.py:8>`, at the line of a script's call),
never by the deployment's name as if it were the service's; its resource group and commands use that stand-in
too, one label for the service everywhere."""

from __future__ import annotations

import pytest

from migcheck.cli import main
from migcheck.plan import StepKind

SCRIPT = """\
import random
from azure.servicemanagement import ServiceManagementService, ConfigurationSet, LinuxConfigurationSet, OSVirtualHardDisk

sms = ServiceManagementService("sub", "cert.pem")
serv_name = "thu-mooc" + str(random.randint(0, 1000))
net = ConfigurationSet()
net.configuration_set_type = "NetworkConfiguration"{subnet}
sms.create_virtual_machine_deployment(service_name=serv_name, deployment_name="myvm", deployment_slot="production",
    label="myvm", role_name="myvm1", network_config=net, system_config=LinuxConfigurationSet("h", "u", "p", False),
    os_virtual_hard_disk=OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/a.vhd"),
    role_size="Medium"{network})
"""
STAND_IN = "<cloud service of deployment myvm, deploy.py:8>"


def script(network: str = "", text: str = SCRIPT) -> str:
    """The script, its deployment in virtual network `network` (its VM in subnet Subnet-1), else in none."""
    if not network:
        return text.format(subnet="", network="")
    return text.format(
        subnet='\nnet.subnet_names.append("Subnet-1")', network=f', virtual_network_name="{network}"'
    )


def summary(
    tmp_path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], network: str
) -> str:
    (tmp_path / "deploy.py").write_text(script(network), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", "."])
    return capsys.readouterr().out.split("Readiness by migration scope:")[1]


def test_the_summary_lists_the_service_of_a_network_by_a_stand_in(tmp_path, monkeypatch, capsys):
    out = summary(tmp_path, monkeypatch, capsys, "MyVNet")
    stand_in = STAND_IN.replace(":8>", ":9>")  # the line that adds the subnet moves the call down one
    assert f"cloud services: {stand_in} (1 VM)" in out
    assert "myvm (1 VM)" not in out.replace(stand_in, "")


def test_the_summary_lists_a_service_in_no_network_by_a_stand_in(tmp_path, monkeypatch, capsys):
    out = summary(tmp_path, monkeypatch, capsys, "")
    assert f"    {STAND_IN} (1 VM)" in out


def test_the_plan_names_its_step_by_the_same_stand_in(plan_of):
    plan = plan_of({"deploy.py": script()})
    (step,) = [s for s in plan.steps if s.kind is StepKind.SERVICE]
    assert step.name == STAND_IN
    assert step.moves[0] == "deployment 'myvm': VMs myvm1"
    assert step.becomes[0].startswith(f"resource group '{STAND_IN}-Migrated' with the VMs")
    assert f"-ServiceName '{STAND_IN}' -DeploymentName 'myvm'" in step.powershell.validate[0]


def test_a_script_s_deployment_of_a_name_it_does_not_state_keeps_its_position(plan_of):
    """The deployment's name is a stand-in too: the service's says where the script creates it."""
    plan = plan_of(
        {"deploy.py": script(text=SCRIPT.replace('deployment_name="myvm"', "deployment_name=serv_name"))}
    )
    (step,) = [s for s in plan.steps if s.kind is StepKind.SERVICE]
    assert step.name.startswith("<cloud service name, deploy.py:")
