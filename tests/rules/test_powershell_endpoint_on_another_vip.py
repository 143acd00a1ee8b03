"""An endpoint a script puts on another VIP of its deployment (`Add-AzureEndpoint -VirtualIPName 'vip2'`)
is recorded on that VIP (`InputEndpoint.virtual_ip`, as the REST reader records it), so MIG105 names each
VIP that changes, as it does for a REST body of the same deployment."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.model import Deployment
from migcheck.readers import read_document

SCRIPT = """\
New-AzureVMConfig -Name 'vm1' -InstanceSize Small -ImageName 'img' |
    Add-AzureProvisioningConfig -Linux -LinuxUser 'azureuser' -Password 'P@ssw0rd1234' |
    Add-AzureEndpoint -Name 'SSH2' -Protocol tcp -LocalPort 22 -PublicPort 2222 |
    New-AzureVM -ServiceName 'svc10' -Location 'West Europe'
Add-AzureVirtualIP -VirtualIPName 'vip2' -ServiceName 'svc10'
Get-AzureVM -ServiceName 'svc10' -Name 'vm1' | Add-AzureEndpoint -Name 'https2' -Protocol tcp -LocalPort 443 -PublicPort 443 {vip} | Update-AzureVM
"""


def _endpoints(vip: str) -> dict[str, tuple[str, bool]]:
    doc = read_document("deploy.ps1", SCRIPT.replace("{vip}", vip).encode(), explicit=True)
    assert doc is not None
    (deployment,) = [r for r in doc.resources if isinstance(r, Deployment)]
    return {e.name: (e.virtual_ip, e.vip_unknown) for role in deployment.roles for e in role.endpoints}


def test_the_endpoint_is_on_the_vip_it_names():
    assert _endpoints("-VirtualIPName 'vip2'") == {
        "SSH": ("", False),
        "SSH2": ("", False),
        "https2": ("vip2", False),
    }


def test_a_vip_the_script_does_not_state_may_be_any():
    assert _endpoints("-VirtualIPName $env:VIP") == {
        "SSH": ("", False),
        "SSH2": ("", False),
        "https2": ("", True),
    }


def test_mig105_names_each_vip(tmp_path, monkeypatch):
    files = {"deploy.ps1": SCRIPT.replace("{vip}", "-VirtualIPName 'vip2'")}
    (finding,) = lint_files(tmp_path, monkeypatch, files, "MIG105").findings
    assert finding.message.endswith(
        "its VIPs are not reserved and will change: its default VIP and virtual IP 'vip2'"
    )
