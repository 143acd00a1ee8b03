"""A VM's own public IP whose name the script builds at run time (`Set-AzurePublicIP -PublicIPName ($VMName +
'PIP')`) is a public IP all the same: named by a stand-in where the name is written, so that the plan says
what it becomes. One the script names stays named so; one it takes off again is gone."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.plan import build_plan

HEAD = "param($VMName, $img)\n"
CONFIG = "$vm = New-AzureVMConfig -Name 'web01' -InstanceSize Small -ImageName $img\n"
BUILT = "$vm | Set-AzurePublicIP -PublicIPName ($VMName + 'PIP') -DomainNameLabel ExtraPIP\n"
CREATE = "New-AzureVM -ServiceName 'svc' -Location 'West US' -VMs $vm\n"


def _public_ips(tmp_path, monkeypatch, script: str) -> tuple[list[str], list[str]]:
    """The VM's public IPs, and what the plan says of public IPs of VMs."""
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": HEAD + script})
    [estate] = result.estates
    [vm] = [vm for service in estate.cloud_services for vm in service.vms]
    [subscription] = build_plan(result).subscriptions
    said = [line for step in subscription.steps for line in step.becomes if line.startswith("public IP ")]
    return [ip.name for ip in vm.public_ips], said


def test_a_public_ip_named_at_run_time_is_named_by_a_stand_in(tmp_path, monkeypatch):
    column = BUILT.index("($VMName") + 1
    stand_in = f"<public IP name, deploy.ps1:3:{column}>"
    ips, said = _public_ips(tmp_path, monkeypatch, CONFIG + BUILT + CREATE)
    assert ips == [stand_in]
    [line] = said
    assert line.startswith(f"public IP '{stand_in}' of VM 'web01': a public IP address resource")


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (CONFIG + BUILT.replace("($VMName + 'PIP')", "'web01-pip'") + CREATE, ["web01-pip"]),
        (CONFIG + BUILT + "$vm | Remove-AzurePublicIP\n" + CREATE, []),
    ],
    ids=["stated", "taken-off-again"],
)
def test_a_stated_or_removed_public_ip_is_as_the_script_says(tmp_path, monkeypatch, script, expected):
    assert _public_ips(tmp_path, monkeypatch, script)[0] == expected
