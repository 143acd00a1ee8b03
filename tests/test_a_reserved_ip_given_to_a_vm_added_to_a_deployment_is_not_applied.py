"""A reserved IP binds to a cloud service's deployment when the deployment is created (Create Virtual
Machine Deployment has `ReservedIPName`; Add Role has none). A second New-AzureVM (or `azure vm create -c`)
that adds a VM to the deployment an earlier one created, with a `-ReservedIPName` of its own, does not give
the service that reserved IP: the first is the deployment's VIP, the second stays unattached, and the
script is told it is not applied. The second took the service over: MIG106 was about it, and the first
was said to be unattached."""

from __future__ import annotations

import pytest
from lint_support import lint_files, run_cli, script_resources

from migcheck.model import RESERVED_IP_NOT_APPLIED, Script

PS = """\
New-AzureReservedIP -ReservedIPName 'rip1' -Location 'West US'
New-AzureReservedIP -ReservedIPName 'rip2' -Location 'West US'
New-AzureVMConfig -Name 'web1' -InstanceSize A7 -ImageName 'img' | Add-AzureEndpoint -Name ssh -Protocol tcp -LocalPort 22 -PublicPort 22 | Set-AzureSubnet -SubnetNames 'Subnet-1' | New-AzureVM -ServiceName 'mktWEB' -VNetName 'mktvnet' -ReservedIPName 'rip1' -Location 'West US'
New-AzureVMConfig -Name 'web2' -InstanceSize A7 -ImageName 'img' | Set-AzureSubnet -SubnetNames 'Subnet-1' | New-AzureVM -ServiceName 'mktWEB' -ReservedIPName 'rip2'
"""
SH = """\
azure network reserved-ip create rip1 'West US'
azure network reserved-ip create rip2 'West US'
azure vm create mktWEB img ops 'Passw0rd!' --vm-name web1 -w mktvnet -b Subnet-1 -R rip1 -l 'West US' -e 22
azure vm create mktWEB img ops 'Passw0rd!' --vm-name web2 -w mktvnet -b Subnet-1 -R rip2 -c -e 23
"""
CASES = pytest.mark.parametrize(("name", "text"), [("deploy.ps1", PS), ("deploy.sh", SH)])


def plan_lines(tmp_path, monkeypatch, capsys, name: str, text: str) -> list[str]:
    """The lines of `migcheck plan` that name a reserved IP: the service that keeps it, or its own step."""
    lint_files(tmp_path, monkeypatch, {name: text}, "MIG001", dedent=False)
    _, out, _ = run_cli(capsys, "plan", ".")
    return [
        line.strip() for line in out.splitlines() if line.strip().startswith(("moves: reserved IP", "2. "))
    ]


@CASES
def test_the_first_reserved_ip_is_the_deployments(tmp_path, monkeypatch, capsys, name, text):
    lines = plan_lines(tmp_path, monkeypatch, capsys, name, text)
    assert lines[0] == "moves: reserved IP 'rip1' of cloud service 'mktWEB'"
    assert lines[1].startswith("2. Unattached resource: rip2 ")


def test_mig106_is_about_the_first(tmp_path, monkeypatch):
    """With no input endpoint on the VIP, MIG106 names the reserved IP the deployment keeps."""
    no_endpoint = PS.replace(" | Add-AzureEndpoint -Name ssh -Protocol tcp -LocalPort 22 -PublicPort 22", "")
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": no_endpoint}, "MIG106", dedent=False)
    assert [f.message.split(" of ")[0] for f in result.findings] == ["reserved IP 'rip1'"]


@CASES
def test_the_second_is_said_not_applied_where_it_is_written(name, text):
    scripts = [r for r in script_resources(text, name) if isinstance(r, Script)]
    said = [(m.line, m.tag) for s in scripts for m in s.unread]
    assert said == [(4, RESERVED_IP_NOT_APPLIED)]


def test_the_reserved_ip_of_the_call_that_creates_the_deployment_is_kept(tmp_path, monkeypatch):
    """Only the first New-AzureVM of the service names one: it is the deployment's, and nothing is said."""
    text = PS.replace(" -ReservedIPName 'rip2'", "")
    scripts = [r for r in script_resources(text, "deploy.ps1") if isinstance(r, Script)]
    assert [m for s in scripts for m in s.unread] == []


LOOP_PS = """\
New-AzureReservedIP -ReservedIPName 'webip' -Location 'West Europe'
for ($i = 1; $i -le 3; $i++) {
    $vm = New-AzureVMConfig -Name "web$i" -InstanceSize Small -ImageName 'img' | Set-AzureSubnet -SubnetNames 'FrontEnd'
    New-AzureVM -ServiceName 'websvc' -VNetName 'vnet1' -Location 'West Europe' -ReservedIPName {ip} -VMs $vm
}
"""
LOOP_SH = """\
azure network reserved-ip create webip westeurope
for i in 1 2 3; do
  azure vm create websvc img user 'P@ss1234' --vm-name "web$i" -w vnet1 -b FrontEnd --reserved-ip {ip} --connect
done
"""


@pytest.mark.parametrize(("name", "text"), [("loop.ps1", LOOP_PS), ("loop.sh", LOOP_SH)])
def test_a_loop_that_gives_every_vm_the_deployment_s_reserved_ip_leaves_nothing_unapplied(name, text):
    scripts = [r for r in script_resources(text.replace("{ip}", "webip"), name) if isinstance(r, Script)]
    assert [m for s in scripts for m in s.unread] == []


@pytest.mark.parametrize(("name", "text"), [("loop.ps1", LOOP_PS), ("loop.sh", LOOP_SH)])
def test_another_reserved_ip_a_loop_gives_is_said_once(name, text):
    # The first turn creates the deployment with the reserved IP $ip names at run time (a stand-in); the
    # turns after add VMs: said once, where the loop writes it, however many turns are read.
    looped = text.replace("{ip}", '"ip$i"')
    scripts = [r for r in script_resources(looped, name) if isinstance(r, Script)]
    assert [m.tag for s in scripts for m in s.unread] == [RESERVED_IP_NOT_APPLIED]
