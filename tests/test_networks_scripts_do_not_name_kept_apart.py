"""A virtual network a script passes by a value it does not state is a stand-in named by the file's name,
line and column where the first call passes it (`<virtual network name, deploy.ps1:3:52>`), as every
stand-in names its file: the same from any working directory. Such a name is its file's own, as a pipeline
token is: two scripts' parameters of one name, even copies of one script in two folders, or two values
passed on one line, are two networks (the plan's steps of copies say which file each is of, relative to the
folder they share), while two calls given one variable in one script are in one. The file's name is the
last part of its path as shown, escaped once where the path enters (a `\\` in it is an escape, not a
folder). A gateway created for such a value (`New-AzureVNetGateway -VNetName $name`) is the gateway of the
network a deployment given the same value is in, and of one of its own otherwise: MIG302 and the plan name
it."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import Deployment, Script
from migcheck.readers import powershell, python_script

VM = (
    '$vm = New-AzureVMConfig -Name "{vm}" -InstanceSize Small -ImageName $img |'
    ' Set-AzureSubnet -SubnetNames "Subnet-1"\n'
)
TEAM_SCRIPT = (
    "param($VNetName)\n"
    + VM.format(vm="vm1")
    + 'New-AzureVM -ServiceName "{service}" -VMs $vm -VNetName $VNetName -Location "West Europe"\n'
)
PYTHON_SCRIPT = """\
import sys
from azure.servicemanagement import ConfigurationSet, ServiceManagementService
sms = ServiceManagementService("sub", "c.pem")
net = ConfigurationSet()
net.subnet_names.append("front")
sms.create_virtual_machine_deployment("{service}", "{service}", "production", "l", "vm1", None, None, network_config=net, virtual_network_name=sys.argv[1])
"""


def _network_steps(plan) -> dict[str, list[str]]:
    """Each network step's name, with the cloud services it moves."""
    return {
        step.name: [m.split("'")[1] for m in step.moves if m.startswith("cloud service")]
        for step in plan.steps
        if step.name.startswith("<virtual network name")
    }


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {
                "teamA/deploy.ps1": TEAM_SCRIPT.format(service="svcA"),
                "teamB/deploy.ps1": TEAM_SCRIPT.format(service="svcB"),
            },
            {
                "<virtual network name, teamA/deploy.ps1:3:52>": ["svcA"],
                "<virtual network name, teamB/deploy.ps1:3:52>": ["svcB"],
            },
        ),
        (
            {
                "py1/deploy.py": PYTHON_SCRIPT.format(service="pysvc1"),
                "py2/deploy.py": PYTHON_SCRIPT.format(service="pysvc2"),
            },
            {
                "<virtual network name, py1/deploy.py:6>": ["pysvc1"],
                "<virtual network name, py2/deploy.py:6>": ["pysvc2"],
            },
        ),
    ],
    ids=["powershell", "python"],
)
def test_two_scripts_passing_their_own_parameter_are_two_networks(plan_of, files, expected):
    assert _network_steps(plan_of(files)) == expected


ONE_LINE = (
    '$a = Read-Host "a"; $b = Read-Host "b"\n'
    + VM.format(vm="vmA")
    + VM.format(vm="vmB").replace("$vm =", "$vm2 =")
    + 'New-AzureVM -ServiceName "svcA" -VMs $vm -VNetName $a -Location "l";'
    + ' New-AzureVM -ServiceName "svcB" -VMs $vm2 -VNetName {second} -Location "l"\n'
)


def test_two_values_passed_on_one_line_are_two_networks(plan_of):
    plan = plan_of({"same_line.ps1": ONE_LINE.format(second="$b")})
    assert _network_steps(plan) == {
        "<virtual network name, same_line.ps1:4:52>": ["svcA"],
        "<virtual network name, same_line.ps1:4:122>": ["svcB"],
    }


def test_one_variable_passed_twice_on_one_line_is_one_network(plan_of):
    plan = plan_of({"same_line.ps1": ONE_LINE.format(second="$a")})
    assert _network_steps(plan) == {"<virtual network name, same_line.ps1:4:52>": ["svcA", "svcB"]}


# A path as shown: a line feed and a CI log command in the file's name, escaped where the path entered.
SHOWN_PATH = "ops/a\\x0a#\\x23vso[task.complete]x.ps1"


def test_a_stand_in_names_the_file_as_its_path_is_shown_not_past_an_escape():
    script = (
        "param($n, $name)\n" + VM.format(vm="vm1").replace('"vm1"', "$name") + TEAM_SCRIPT.splitlines()[-1]
    )
    document = powershell.read(SHOWN_PATH, script.replace("$VNetName", "$n").format(service="s1").encode())
    [deployment] = [r for r in document.resources if isinstance(r, Deployment)]
    assert deployment.virtual_network is not None
    assert (
        deployment.virtual_network.name == "<virtual network name, a\\x0a#\\x23vso[task.complete]x.ps1:3:50>"
    )
    assert [vm.name for vm in deployment.roles] == ["<VM name, a\\x0a#\\x23vso[task.complete]x.ps1:2>"]


def test_a_python_script_is_named_as_its_path_is_shown_not_past_an_escape():
    path = "ops/b\\x1b[31m.py"
    document = python_script.read(path, PYTHON_SCRIPT.format(service="s1").encode())
    [script] = [r for r in document.resources if isinstance(r, Script)]
    assert script.name == "b\\x1b[31m.py"


def test_a_file_named_with_control_characters_shows_its_stand_in_escaped_once(tmp_path, monkeypatch):
    # Its VM has no subnet: MIG203 names the network it is in.
    script = TEAM_SCRIPT.format(service="s1").replace(' | Set-AzureSubnet -SubnetNames "Subnet-1"', "")
    files = {"a\n##vso[task.complete]x.ps1": script}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG203").findings
    assert "'<virtual network name, a\\x0a#\\x23vso[task.complete]x.ps1:3:50>'" in finding.message


GATEWAY = "New-AzureVNetGateway -VNetName {vnet} -GatewayType DynamicRouting -GatewaySKU HighPerformance\n"


def test_a_gateway_of_a_network_no_file_names_is_mig302_with_its_own_stand_in(tmp_path, monkeypatch):
    files = {
        "gw.ps1": 'New-AzureVNetGateway -VNetName "v1" -GatewaySKU Standard\n' + GATEWAY.format(vnet="$x")
    }
    findings = lint_files(tmp_path, monkeypatch, files, "MIG302").findings
    assert where(findings) == ["MIG302 gw.ps1:1:1", "MIG302 gw.ps1:2:1"]
    assert findings[1].resource_name == "<virtual network name, gw.ps1:2:32>"


def test_a_gateway_given_the_value_a_deployment_is_placed_by_is_that_network_s(
    tmp_path, monkeypatch, plan_of
):
    script = TEAM_SCRIPT.format(service="s1") + GATEWAY.format(vnet="$VNetName")
    findings = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG302").findings
    assert where(findings) == ["MIG302 deploy.ps1:4:1"]
    assert "virtual network '<virtual network name, deploy.ps1:3:50>' has a gateway" in findings[0].message
    assert _network_steps(plan_of({"deploy.ps1": script})) == {
        "<virtual network name, deploy.ps1:3:50>": ["s1"]
    }


def test_a_gateway_connected_by_the_same_value_is_a_vpn_gateway(tmp_path, monkeypatch):
    script = (
        "param($VNetName)\n"
        + GATEWAY.format(vnet="$VNetName")
        + 'Set-AzureVNetGateway -Connect -VNetName $VNetName -LocalNetworkSiteName "office"\n'
    )
    assert lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG302").findings == []
