"""A reserved IP a script creates and gives a deployment by a call that may not run (Set-AzureReservedIPAssociation
or New-AzureReservedIP -ServiceName under an `if`), or takes off it by one (Remove-AzureReservedIPAssociation
under an `if`): MIG105 says the files do not say whether the VIP is reserved, so the reserved IP may be that
deployment's VIP (`ReservedIp.maybe_service`). The plan's step of the deployment says so, and what becomes
of it either way: it moves with the service if it is the VIP, on its own if not."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import ReservedIp
from migcheck.plan import build_plan

RESERVE = 'New-AzureReservedIP -ReservedIPName MyReservedIP -Location "Central US"\n'
CREATE = (
    "New-AzureVMConfig -Name TestVM -InstanceSize Small -ImageName img |\n"
    "    Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password pw |\n"
    '    New-AzureVM -ServiceName TestService -Location "Central US"\n'
)
ASSOCIATE = "Set-AzureReservedIPAssociation -ReservedIPName MyReservedIP -ServiceName TestService\n"
REMOVE = "Remove-AzureReservedIPAssociation -ReservedIPName MyReservedIP -ServiceName TestService -Force\n"
RESERVE_ITS_VIP = (
    'New-AzureReservedIP -ReservedIPName MyReservedIP -Location "Central US" -ServiceName TestService\n'
)
HEDGE = "its VIP changes unless it is a reserved IP (the files do not say whether it is)"


def _if(body: str) -> str:
    return "if ($env:KEEP) {\n" + "".join(f"    {line}\n" for line in body.splitlines()) + "}\n"


MAYBE = {
    "association under an if": (RESERVE + CREATE + _if(ASSOCIATE), 6),
    "removal under an if": (RESERVE + CREATE + ASSOCIATE + _if(REMOVE), 7),
    "reservation of its VIP under an if": (CREATE + _if(RESERVE_ITS_VIP), 5),
}
# What MIG105 says each does.
DOES = {
    "association under an if": "associates with it",
    "removal under an if": "removes from it",
    "reservation of its VIP under an if": "associates with it",
}


def _lint(tmp_path, monkeypatch, script: str, *codes: str):
    return lint_files(tmp_path, monkeypatch, {"a.ps1": script}, *codes, dedent=False)


def _reserved_ips(result) -> list[ReservedIp]:
    return [r for doc in result.documents for r in doc.resources if isinstance(r, ReservedIp)]


@pytest.mark.parametrize(("script", "line", "does"), [(*MAYBE[k], DOES[k]) for k in MAYBE], ids=MAYBE.keys())
def test_the_reserved_ip_may_be_the_deployments_vip(tmp_path, monkeypatch, script, line, does):
    result = _lint(tmp_path, monkeypatch, script)
    [ip] = _reserved_ips(result)
    assert (ip.maybe_service, ip.maybe_deployment) == ("TestService", "TestService")
    assert ip.maybe_at is not None and ip.maybe_at.line == line  # the call that may not run
    [finding] = [f for f in result.findings if f.code == "MIG105"]
    assert f"which a call that may not run {does} (a.ps1:{line})" in finding.message


@pytest.mark.parametrize(
    "script",
    [
        RESERVE + CREATE + ASSOCIATE,  # surely associated
        RESERVE + CREATE + ASSOCIATE + REMOVE,  # surely taken off: unattached
        RESERVE + CREATE,  # never associated
        # Associated whichever branch runs.
        RESERVE + CREATE + "if ($env:KEEP) {\n    " + ASSOCIATE + "} else {\n    " + ASSOCIATE + "}\n",
        # Another reserved IP may be the VIP.
        RESERVE + CREATE + _if(ASSOCIATE.replace("MyReservedIP", "OtherIP")),
    ],
    ids=["sure", "surely removed", "never", "either branch", "another"],
)
def test_a_reserved_ip_whose_use_is_known_is_no_maybe(tmp_path, monkeypatch, script):
    result = _lint(tmp_path, monkeypatch, script)
    assert [ip.maybe_service for ip in _reserved_ips(result)] == [""]


@pytest.mark.parametrize(("script", "line"), MAYBE.values(), ids=MAYBE.keys())
def test_the_plan_says_it_may_be_the_vip_and_what_becomes_of_it_either_way(
    tmp_path, monkeypatch, script, line
):
    steps = build_plan(_lint(tmp_path, monkeypatch, script)).steps
    [service] = [step for step in steps if step.name.startswith("TestService")]
    where = f"a call that may not run decides it: a.ps1:{line}"
    assert f"reserved IP 'MyReservedIP', if it is its deployment's VIP ({where})" in service.moves
    assert any(
        b.startswith("reserved IP 'MyReservedIP', if it is this deployment's VIP") for b in service.becomes
    )
    downtime = service.downtime
    assert f"Its VIP may be reserved IP 'MyReservedIP' ({where})" in downtime
    assert "If it is, the VIP keeps its address and the reserved IP moves with this step." in downtime
    assert "If not, the VIP changes, and the reserved IP, attached to nothing, moves on its own" in downtime
    assert "Move-AzureReservedIP -Validate, -Prepare, -Commit -ReservedIPName 'MyReservedIP'" in downtime


def test_a_deployment_without_an_input_endpoint_leaves_it_behind(tmp_path, monkeypatch):
    # A reserved IP on a VIP with no input endpoint does not migrate with it (MIG106): a note says so.
    no_endpoint = CREATE.replace("-Password pw", "-Password pw -NoRDPEndpoint -NoWinRMEndpoint")
    steps = build_plan(_lint(tmp_path, monkeypatch, RESERVE + no_endpoint + _if(ASSOCIATE))).steps
    [service] = [step for step in steps if step.name.startswith("TestService")]
    assert not [line for line in (*service.moves, *service.becomes) if "MyReservedIP" in line]
    [note] = [note for note in service.notes if "MyReservedIP" in note]
    assert "may be this deployment's VIP" in note and "cannot move with it (MIG106)" in note
    # Freed and moved on its own in the words of every step that frees a reserved IP.
    assert note.endswith(
        "If it is, to keep its address, free it (Remove-AzureReservedIPAssociation), then move it on its own "
        "(Move-AzureReservedIP -Validate, -Prepare, -Commit -ReservedIPName 'MyReservedIP')."
    )
