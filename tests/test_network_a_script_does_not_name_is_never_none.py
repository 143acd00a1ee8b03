"""A virtual network a script passes by a value it cannot know (Read-Host, a parameter without a default,
a function's argument, a pipeline value; in Python `input()`,
`sys.argv`, `os.environ["VNET"]`, a parameter) is a network it does not name, never none: a stand-in
(`<virtual network name, deploy.ps1:6:51>`: path as shown, line and column where the first call passes it),
one for every call given the same value, which the plan migrates
with Move-AzureVirtualNetwork and the readiness summary lists among the networks. A VM whose subnet the script
passes by such a value has subnets that are not known, not absent. A PowerShell variable the script never
assigns is a network only if the session that runs the script sets it (run as written it is $null), which
is left open; the ADFS farm script's subnets named by such variables stay not known, as Set-AzureSubnet
fails rather than leave the VM without one; so a Python script's `os.environ.get("VNET")`, None where the
environment does not set it, is a network only if it does, and so is a PowerShell `$env:VNET` the script
sets nowhere. Where another path gives none
(`$vnet = if (…) { $args[0] } else { $null }`), whether it is in any network stays unknown, as before.

Also MIG303: a REST body that states an affinity-group network's region (`Location`) beside its
`AffinityGroup` is still bound to the affinity group."""

from __future__ import annotations

import textwrap

import pytest
from lint_support import lint_files, where

from migcheck.model import Deployment, is_stand_in
from migcheck.readers import powershell, python_script
from migcheck.report.readiness import ScopeKind, readiness

# Two services given one network by a value the script reads from its user, their VMs' subnets by a
# variable it never sets (reduced from a real ADFS farm script).
TWO_SERVICES = """\
$vnetname = Read-Host "network"
$svc = "adfs1"
$vm1 = New-AzureVMConfig -Name "dc1" -InstanceSize Small -ImageName $img |
    Add-AzureProvisioningConfig -Windows -AdminUsername a -Password p |
    Set-AzureSubnet -SubnetNames $vnetbackend
New-AzureVM -ServiceName $svc -VMs $vm1 -VNetName $vnetname -Location "West Europe"
$vm2 = New-AzureVMConfig -Name "web1" -InstanceSize Small -ImageName $img |
    Add-AzureProvisioningConfig -Windows -AdminUsername a -Password p |
    Set-AzureSubnet -SubnetNames $vnetfrontend
New-AzureVM -ServiceName "adfs2" -VMs $vm2 -VNetName $vnetname -Location "West Europe"
"""

STAND_IN = "<virtual network name, a.ps1:6:51>"


def _deployments(path: str, text: str) -> list[Deployment]:
    reader = python_script if path.endswith(".py") else powershell
    document = reader.read(path, textwrap.dedent(text).encode())
    return [r for r in document.resources if isinstance(r, Deployment)]


def test_two_services_given_one_unstated_network_are_in_one_network_it_does_not_name():
    deployments = _deployments("a.ps1", TWO_SERVICES)
    assert [(d.service_name, d.network_known) for d in deployments] == [("adfs1", True), ("adfs2", True)]
    assert {d.virtual_network.name for d in deployments if d.virtual_network} == {STAND_IN}
    for deployment in deployments:
        [vm] = deployment.roles
        assert vm.subnets == () and "subnets" in vm.unknown  # not known, not absent


def test_the_plan_migrates_the_network_in_one_step(tmp_path, monkeypatch, plan_of):
    plan = plan_of({"a.ps1": TWO_SERVICES})
    steps = [s for s in plan.steps if s.members]
    assert len(steps) == 1
    [step] = steps
    assert step.name == STAND_IN
    assert [m for m in step.moves if m.startswith("cloud service")] == [
        "cloud service 'adfs1': VMs dc1",
        "cloud service 'adfs2': VMs web1",
    ]
    commands = "\n".join(step.powershell.prepare) if step.powershell else ""
    assert f"Move-AzureVirtualNetwork -Prepare -VirtualNetworkName '{STAND_IN}'" in commands
    assert "Move-AzureService" not in commands and "in none" not in step.downtime.casefold()
    assert not any("in a network without subnets, or in none" in n for n in map(str, step.notes))


def test_no_finding_says_none_and_the_summary_lists_the_network(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"a.ps1": TWO_SERVICES}, dedent=False)
    assert [f.code for f in result.findings] == ["MIG601"]
    [subscription] = readiness(result)
    scopes = {summary.scope: summary.items for summary in subscription.scopes}
    assert scopes[ScopeKind.NETWORK_NOT_STATED] == () and scopes[ScopeKind.NO_VNET] == ()
    assert [item.name for item in scopes[ScopeKind.IN_VNET]] == [STAND_IN]


CONFIG = (
    '$vm = New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img" |\n'
    "    Add-AzureProvisioningConfig -Windows -AdminUsername a -Password p\n"
)


@pytest.mark.parametrize(
    ("before", "network"),
    [
        ('$v = Read-Host "network"\n', "$v"),
        ("param([string] $VNet)\n", "$VNet"),
        ("", '"net-$region"'),
    ],
    ids=["read-host", "parameter", "partly-stated"],
)
def test_powershell_values_it_cannot_know_name_a_network(before, network):
    script = before + CONFIG + f'New-AzureVM -ServiceName "s1" -VMs $vm -VNetName {network} -Location "l"\n'
    [deployment] = _deployments("deploy.ps1", script)
    line, column = (
        script.count("\n"),
        script.splitlines()[-1].index(f"-VNetName {network}") + len("-VNetName ") + 1,
    )
    assert deployment.network_known
    assert deployment.virtual_network is not None
    assert deployment.virtual_network.name == f"<virtual network name, deploy.ps1:{line}:{column}>"


@pytest.mark.parametrize(("network", "variable"), [("$neverSet", "$neverSet"), ("$env:VNET", "VNET")])
def test_powershell_a_variable_it_never_assigns_is_a_network_only_if_the_session_sets_it(network, variable):
    # Run as written it is $null (no network); run from a session that set it, that network: not decided.
    # So is an environment variable it never sets, as the environment that runs it sets it or not.
    script = CONFIG + f'New-AzureVM -ServiceName "s1" -VMs $vm -VNetName {network} -Location "l"\n'
    [deployment] = _deployments("deploy.ps1", script)
    assert (deployment.virtual_network, deployment.network_known) == (None, False)
    [vm] = deployment.roles
    assert vm.session_variable("virtual_network") == variable


@pytest.mark.parametrize(
    "call",
    [
        'function Deploy($n) { New-AzureVM -ServiceName "s1" -VMs $vm -VNetName $n -Location "l" }\n'
        "Deploy $args[0]\n",
        'Get-Content nets.txt | ForEach-Object { New-AzureVM -ServiceName "s1" -VMs $vm -VNetName $_ -Location "l" }\n',
    ],
    ids=["function-argument", "pipeline-value"],
)
def test_powershell_arguments_and_pipeline_values_name_a_network(call):
    [deployment] = _deployments("deploy.ps1", CONFIG + call)
    assert deployment.network_known
    assert deployment.virtual_network is not None and is_stand_in(deployment.virtual_network.name)


PYTHON_HEAD = """\
import os
import sys
from azure.servicemanagement import ConfigurationSet, ServiceManagementService

sms = ServiceManagementService("sub", "c.pem")
net = ConfigurationSet()
net.subnet_names.append("front")
"""
PYTHON_CALL = (
    'sms.create_virtual_machine_deployment("{service}", "{service}", "production", "l", "vm1", None, None,'
    " network_config=net, virtual_network_name=vnet)\n"
)


@pytest.mark.parametrize(
    "value",
    [
        'input("network")',
        "sys.argv[1]",
        'os.environ["VNET"]',
        'os.environ.get("VNET", "hub")',
        "undefined_name",
    ],
)
def test_python_values_it_cannot_know_name_a_network_as_powershell_does(value):
    script = PYTHON_HEAD + f"vnet = {value}\n" + PYTHON_CALL.format(service="s1")
    [deployment] = _deployments("deploy.py", script)
    assert deployment.network_known
    assert deployment.virtual_network is not None
    assert deployment.virtual_network.name == "<virtual network name, deploy.py:9>"


def test_python_two_services_given_one_value_share_the_network():
    script = PYTHON_HEAD + 'vnet = os.environ["VNET"]\n'
    script += PYTHON_CALL.format(service="s1") + PYTHON_CALL.format(service="s2")
    networks = {d.virtual_network.name for d in _deployments("deploy.py", script) if d.virtual_network}
    assert networks == {"<virtual network name, deploy.py:9>"}


def test_python_parameter_names_a_network():
    script = PYTHON_HEAD + "def deploy(vnet):\n    " + PYTHON_CALL.format(service="s1") + 'deploy("x")\n'
    script = script.replace('deploy("x")', "deploy(sys.argv[1])")
    [deployment] = _deployments("deploy.py", script)
    assert deployment.virtual_network is not None and is_stand_in(deployment.virtual_network.name)


@pytest.mark.parametrize(
    ("path", "text"),
    [
        (
            "deploy.ps1",
            "$vnet = if ($args.Count -gt 0) { $args[0] } else { $null }\n"
            + CONFIG
            + 'New-AzureVM -ServiceName "s1" -VMs $vm -VNetName $vnet -Location "l"\n',
        ),
        (
            "deploy.py",
            PYTHON_HEAD
            + "vnet = sys.argv[1] if len(sys.argv) > 1 else None\n"
            + PYTHON_CALL.format(service="s1"),
        ),
    ],
    ids=["powershell", "python"],
)
def test_a_network_it_does_not_name_or_none_stays_unknown(path, text):
    [deployment] = _deployments(path, text)
    assert (deployment.virtual_network, deployment.network_known) == (None, False)
    [vm] = deployment.roles
    assert vm.absent_on_some_path("virtual_network") is not None


def test_a_vm_without_a_subnet_in_a_network_it_does_not_name_is_mig203(tmp_path, monkeypatch):
    script = (
        "param([string] $VNet)\n"
        + CONFIG
        + 'New-AzureVM -ServiceName "s1" -VMs $vm -VNetName $VNet -Location "l"\n'
    )
    findings = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG105", "MIG203").findings
    assert where(findings) == ["MIG203 deploy.ps1:2:7"]
    assert (
        "is in virtual network '<virtual network name, deploy.ps1:4:50>' but has no subnet"
        in findings[0].message
    )


REST_SITES = """\
<VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure">
  <VirtualNetworkSite>
    <Name>vnet1</Name>
    <AffinityGroup>ag1</AffinityGroup>{location}
    <AddressSpace><AddressPrefixes><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressPrefixes></AddressSpace>
  </VirtualNetworkSite>
</VirtualNetworkSites>
"""


@pytest.mark.parametrize(
    "location", ["", "<Location>West Europe</Location>"], ids=["group-only", "with-region"]
)
def test_mig303_a_rest_body_s_affinity_group_binds_the_network_whatever_region_it_states(
    tmp_path, monkeypatch, location
):
    files = {"vnets.xml": REST_SITES.format(location=location)}
    findings = lint_files(tmp_path, monkeypatch, files, "MIG303", dedent=False).findings
    assert where(findings) == ["MIG303 vnets.xml:4:5"]  # at its AffinityGroup
    assert "bound to affinity group 'ag1'" in findings[0].message


def test_mig303_a_regional_rest_network_is_silent(tmp_path, monkeypatch):
    files = {
        "vnets.xml": REST_SITES.replace(
            "<AffinityGroup>ag1</AffinityGroup>{location}", "<Location>l</Location>"
        )
    }
    assert lint_files(tmp_path, monkeypatch, files, "MIG303", dedent=False).findings == []


def test_powershell_a_network_it_does_not_name_given_on_some_paths_only_stays_unknown():
    # `if ($VNetName) { $param.Add('VNetName', $VNetName) }`: on the other path the call may add the VM
    # to a deployment that exists, or create it in none.
    script = (
        "param($VNetName, $ServiceName)\n"
        + CONFIG
        + "$param = New-Object -TypeName Hashtable\n"
        + "if ($VNetName) { $param.Add('VNetName', $VNetName) }\n"
        + "$param.Add('ServiceName', $ServiceName)\n"
        + "$param.Add('VMs', $vm)\n"
        + "New-AzureVM @param\n"
    )
    [deployment] = _deployments("deploy.ps1", script)
    assert (deployment.virtual_network, deployment.network_known) == (None, False)
