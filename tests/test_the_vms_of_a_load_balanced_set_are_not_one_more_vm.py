"""A load-balanced set groups endpoints of its cloud service's own VMs. A change to the set that does not name
them (Set-AzureLoadBalancedEndpoint, an UpdateLbSet body, POSTed with requests or alone) stands for them,
but is no VM of its own: where the files show every VM of the deployment, the set's VMs are among them and
the readiness summary and the plan say those VMs alone; where they do not, the set's VMs are said as what
they are, with no number. An ACL on the set is still an ACL on its endpoints (MIG201)."""

from __future__ import annotations

import pytest
from lint_support import APP_VNET_NETCFG, lint_files

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan
from migcheck.report.readiness_text import readiness_summary

NS = 'xmlns="http://schemas.microsoft.com/windowsazure"'


def web_vm(name: str) -> str:
    """A VM of deployment web-prod whose endpoint `http` is in load-balanced set web-lb."""
    return f"""\
      <Role>
        <RoleName>{name}</RoleName><RoleType>PersistentVMRole</RoleType>
        <ConfigurationSets><ConfigurationSet>
          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
          <InputEndpoints><InputEndpoint>
            <LoadBalancedEndpointSetName>web-lb</LoadBalancedEndpointSetName>
            <LocalPort>80</LocalPort><Name>http</Name><Port>80</Port><Protocol>tcp</Protocol>
          </InputEndpoint></InputEndpoints>
          <SubnetNames><SubnetName>web</SubnetName></SubnetNames>
        </ConfigurationSet></ConfigurationSets>
      </Role>
"""


# Cloud service web-prod as Get Hosted Service Properties returns it: VMs web1 and web2 in network app-vnet.
WEB_PROD = f"""\
<HostedService {NS}>
  <ServiceName>web-prod</ServiceName>
  <Deployments><Deployment>
    <Name>web-prod</Name><DeploymentSlot>Production</DeploymentSlot>
    <RoleList>
{web_vm("web1")}{web_vm("web2")}    </RoleList>
    <VirtualNetworkName>app-vnet</VirtualNetworkName>
  </Deployment></Deployments>
</HostedService>
"""

LB_SET_ACL_PS = """\
$acl = New-AzureAclConfig
Set-AzureAclConfig -AddRule -ACL $acl -Order 100 -Action Permit -RemoteSubnet '203.0.113.0/24'
Set-AzureLoadBalancedEndpoint -ServiceName 'web-prod' -LBSetName 'web-lb' -Protocol tcp -LocalPort 80 -ACL $acl
"""

LB_SET_BODY = f"""\
<LoadBalancedEndpointList {NS}>
  <InputEndpoint>
    <LoadBalancedEndpointSetName>web-lb</LoadBalancedEndpointSetName>
    <LocalPort>80</LocalPort><Port>80</Port><Protocol>tcp</Protocol>
    <EndpointAcl><Rules><Rule><Order>1</Order><Action>deny</Action><RemoteSubnet>0.0.0.0/0</RemoteSubnet></Rule></Rules></EndpointAcl>
  </InputEndpoint>
</LoadBalancedEndpointList>
"""

LB_SET_ACL_PY = f'''\
import requests

BODY = """{LB_SET_BODY}"""
URL = "https://management.core.windows.net/0000/services/hostedservices/web-prod/deployments/web-prod?comp=UpdateLbSet"
requests.post(URL, data=BODY, cert=("mgmt.pem", "mgmt.key"))
'''

SET_CHANGES = {"powershell": ("lbset.ps1", LB_SET_ACL_PS), "python requests": ("lbset.py", LB_SET_ACL_PY)}


def check(tmp_path, monkeypatch, files: dict[str, str]) -> tuple[str, str, list[str]]:
    """The readiness summary, the plan's text and the codes of the findings of `files`."""
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    codes = [f.code for f in result.findings]
    return readiness_summary(result), render_plan(build_plan(result), "text"), codes


@pytest.mark.parametrize("change", SET_CHANGES)
def test_the_sets_vms_are_the_vms_the_deployment_body_shows(tmp_path, monkeypatch, change):
    path, text = SET_CHANGES[change]
    files = {"web-prod.xml": WEB_PROD, "network.netcfg": APP_VNET_NETCFG, path: text}
    summary, plan, codes = check(tmp_path, monkeypatch, files)
    assert "cloud services: web-prod (2 VMs))" in summary
    assert "moves: cloud service 'web-prod': VMs web1, web2\n" in plan
    assert "MIG201" in codes


@pytest.mark.parametrize("change", SET_CHANGES)
def test_the_sets_vms_the_files_do_not_show_are_not_counted(tmp_path, monkeypatch, change):
    path, text = SET_CHANGES[change]
    summary, plan, codes = check(tmp_path, monkeypatch, {path: text})
    assert "web-prod (the VMs of load-balanced set web-lb)" in summary
    assert "1 VM" not in summary
    assert "moves: cloud service 'web-prod': the VMs of load-balanced set web-lb\n" in plan
    assert "MIG201" in codes


def test_an_update_lb_set_body_alone_counts_no_vm(tmp_path, monkeypatch):
    summary, _, codes = check(tmp_path, monkeypatch, {"update-lbset.xml": LB_SET_BODY})
    assert "(the VMs of load-balanced set web-lb)" in summary
    assert "1 VM" not in summary
    assert "MIG201" in codes


def test_a_vm_a_script_changes_beside_the_set_leaves_the_sets_vms_uncounted(tmp_path, monkeypatch):
    """A script that changes VM web1 and the set's ACL of a deployment no file shows whole: web1 may or may
    not be in the set, and the service may hold other VMs: one VM, and the set's, however many."""
    script = "Get-AzureVM -ServiceName 'web-prod' -Name 'web1' | Set-AzureVMSize -InstanceSize Large | Update-AzureVM\n"
    summary, plan, _ = check(tmp_path, monkeypatch, {"lbset.ps1": script + LB_SET_ACL_PS})
    assert "web-prod (1 VM and the VMs of load-balanced set web-lb)" in summary
    assert "moves: cloud service 'web-prod': VMs web1, the VMs of load-balanced set web-lb\n" in plan
