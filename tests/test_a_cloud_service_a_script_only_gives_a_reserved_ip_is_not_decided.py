"""A cloud service a script only gives a reserved IP (`Set-AzureReservedIPAssociation -ServiceName pm917`,
`azure network reserved-ip associate MyReservedIP pm917 <deployment>`, the SDK's
`associate_reserved_ip_address`), which no file describes, may hold VMs or web and worker roles no file
shows: its plan step is not decided, as for any service the files do not describe whole, the reserved IP
moves with it, its deployment is the one the command names (`'<deployment name>'` to fill in where none
does, never the service's name guessed), and the check between Prepare and Commit lists its VMs, whichever
they are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import run_cli

SDK = """\
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService("sub", "cert.pem")
sms.associate_reserved_ip_address("MyReservedIP", "pm917", "pm917-prod")
"""

CASES = [
    ("reserve.ps1", "Set-AzureReservedIPAssociation -ReservedIPName MyReservedIP -ServiceName pm917\n", None),
    ("reserve.sh", "azure network reserved-ip associate MyReservedIP pm917 pm917-prod\n", "pm917-prod"),
    ("reserve.py", SDK, "pm917-prod"),
]


@pytest.mark.parametrize(("name", "script", "deployment"), CASES)
def test_the_service_is_not_decided_and_its_reserved_ip_moves_with_it(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    script: str,
    deployment: str | None,
) -> None:
    (tmp_path / name).write_text(script, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    [step] = [s for s in json.loads(out)["subscriptions"][0]["steps"] if s["name"] == "pm917"]
    assert (step["ready"], step["partly_described"]) == (False, True)
    assert "reserved IP 'MyReservedIP'" in step["moves"]
    assert not any("its VMs name no subnet" in note for note in step["notes"] if isinstance(note, str))
    commands = step["commands"]
    validate = " ".join(commands["powershell"]["validate"])
    assert f"-DeploymentName '{deployment or '<deployment name>'}'" in validate
    assert "-DeploymentName 'pm917'" not in validate
    for shell in ("powershell", "cli"):
        check = commands[shell]["check"]
        at = next(n for n, line in enumerate(check) if "migration state must be Prepared" in line)
        assert "pm917" in check[at + 1] or "azure vm show" in " ".join(check[at + 1 : at + 3])
    _, summary, _ = run_cli(capsys, "check", ".")
    [row] = [line for line in summary.splitlines() if line.strip().startswith("pm917")]
    assert "Not decided" in row


def test_a_service_the_script_creates_vms_in_and_then_gives_a_reserved_ip_is_read_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    script = (
        "azure vm create -w net1 -b Subnet-1 -e 22 pm917 img ops\n"
        "azure network reserved-ip associate MyReservedIP pm917 pm917\n"
    )
    (tmp_path / "reserve.sh").write_text(script, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    steps = json.loads(out)["subscriptions"][0]["steps"]
    assert not any(s.get("partly_described") for s in steps)
    assert any("reserved IP 'MyReservedIP'" in move for s in steps for move in s["moves"])
