"""A reserved IP a PowerShell script creates under a name it does not state (`New-AzureReservedIP
-ReservedIPName $IpName`) is created all the same: `migcheck plan` moves it on its own, as one of a stated name,
under a stand-in named where the script passes the name (one per value). One a deployment is given by the same
value is that deployment's, as before. A subscription's list of reserved IPs may still lack the name such a
script creates, so a deployment's reserved IP missing from the list is not MIG003 then."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.plan import Plan

HEAD = "param([string] $IpName, [string] $Other)\n"
RESERVE = 'New-AzureReservedIP -ReservedIPName $IpName -Location "West Europe"\n'
VM = (
    'New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img" |\n'
    '    New-AzureVM -ServiceName "svc1" -Location "West Europe" -ReservedIPName $IpName\n'
)


def _unattached(plan: Plan) -> list[str]:
    return [step.id for step in plan.steps if step.id.startswith("unattached:")]


def test_it_is_moved_on_its_own_under_a_stand_in(plan_of):
    plan = plan_of({"deploy.ps1": HEAD + RESERVE + RESERVE.replace("West Europe", "North Europe")})
    assert _unattached(plan) == ["unattached:ReservedIP:<reserved IP name, deploy.ps1:2>"]


def test_one_a_deployment_is_given_by_the_same_value_moves_with_it(plan_of):
    assert _unattached(plan_of({"deploy.ps1": HEAD + RESERVE + VM})) == []
    other = VM.replace("-ReservedIPName $IpName", "-ReservedIPName $Other")
    assert _unattached(plan_of({"deploy.ps1": HEAD + RESERVE + other})) == [
        "unattached:ReservedIP:<reserved IP name, deploy.ps1:2>"
    ]


RESERVED_IP_LIST = """<ReservedIPs xmlns="http://schemas.microsoft.com/windowsazure">
  <ReservedIP><Name>other-rip</Name><Address>203.0.113.9</Address><Location>West Europe</Location></ReservedIP>
</ReservedIPs>
"""


def test_a_list_of_reserved_ips_may_lack_the_one_it_creates(tmp_path, monkeypatch):
    files = {
        "rips.xml": RESERVED_IP_LIST,
        "deploy.ps1": HEAD + RESERVE + VM.replace("$IpName", '"svc-rip"'),
    }
    assert lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False).findings == []
