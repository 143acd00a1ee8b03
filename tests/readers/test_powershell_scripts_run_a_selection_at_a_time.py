"""A `break`, `return` or `exit` at a script's top level stops it unconditionally: what follows never runs
when the script is run whole (F5), so it is there to be run a selection at a time, as a demo or course script
that opens with `break` is. The reader reads such a script as its selections run in order, each from the
statement after the stop, for every rule and the plan alike: a reservation, an association or a removal
there is taken as made, as it is without the stop. A stop in a block (a loop, a `switch`, a branch) keeps
its meaning."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.plan import build_plan

# The reserved IP section of a course script: reserve, deploy on it, associate again, take it off.
RESERVED_IP_DEMO = (
    "# cloud service reserved IP (new CS)\n"
    'New-AzureReservedIP -ReservedIPName MyReservedIP -Location "Central US"\n'
    '$image = Get-AzureVMImage | ? {$_.ImageName -like "*2012R2*"}\n'
    "New-AzureVMConfig -Name TestVM -InstanceSize Small -ImageName $image.ImageName `\n"
    "  | Add-AzureProvisioningConfig -Windows -AdminUsername adminuser -Password MyP@ssw0rd!! `\n"
    '  | New-AzureVM -ServiceName TestService -ReservedIPName MyReservedIP -Location "Central US"\n'
    "# cloud service reserved IP (existing CS)\n"
    'New-AzureReservedIP -ReservedIPName MyReservedIP -Location "Central US" -ServiceName TestService\n'
    "# remove reserved IP from cloud service\n"
    "Remove-AzureReservedIPAssociation -ReservedIPName MyReservedIP -ServiceName TestService\n"
)
HEDGE = "its VIP changes unless it is"  # not known: a reserved IP, or the one it may be
NOT_RESERVED = "its VIP is not reserved and will change"
STOPS = ["break", "return", "exit", "exit 0", "exit 1", "return $null"]


def _read(tmp_path, monkeypatch, script: str):
    """The MIG105 finding on TestService, and the plan's steps of TestService and of MyReservedIP."""
    result = lint_files(tmp_path, monkeypatch, {"demo.ps1": script}, dedent=False)
    (finding,) = [f for f in result.findings if f.code == "MIG105"]
    steps = list(build_plan(result).steps)
    (service,) = [step for step in steps if step.name.startswith("TestService")]
    (reserved,) = [step for step in steps if step.name == "MyReservedIP"]
    return finding, service, reserved


@pytest.mark.parametrize("stop", STOPS)
def test_a_demo_script_that_opens_with_a_stop_reads_as_without_it(tmp_path, monkeypatch, stop):
    """The finding and the plan agree, and say what the script says without its `break`: the association is
    taken off, so the VIP is not reserved and MyReservedIP is unattached."""
    plain = _read(tmp_path / "plain", monkeypatch, RESERVED_IP_DEMO)
    finding, service, reserved = _read(tmp_path / "demo", monkeypatch, f"{stop}\n{RESERVED_IP_DEMO}")
    assert NOT_RESERVED in finding.message
    assert HEDGE not in finding.message and HEDGE not in service.downtime
    assert "Its VIP is not reserved and will change" in service.downtime
    assert reserved.downtime == "None: nothing uses it."
    assert (finding.message, service.downtime, reserved.downtime) == (
        plain[0].message,
        plain[1].downtime,
        plain[2].downtime,
    )
    assert finding.location.line == plain[0].location.line + 1


def test_an_association_past_the_stop_is_taken_as_made(tmp_path, monkeypatch):
    """Without the removal, the deployment keeps MyReservedIP: the finding says so, with no hedge, and the
    plan moves the reserved IP with the cloud service rather than as an unattached resource."""
    kept = RESERVED_IP_DEMO.replace(
        "Remove-AzureReservedIPAssociation -ReservedIPName MyReservedIP -ServiceName TestService\n", ""
    )
    result = lint_files(tmp_path, monkeypatch, {"demo.ps1": f"break\n{kept}"}, dedent=False)
    (finding,) = [f for f in result.findings if f.code == "MIG105"]
    assert "reserved IP 'MyReservedIP'" in finding.message
    assert HEDGE not in finding.message
    steps = list(build_plan(result).steps)
    assert not [step for step in steps if step.name == "MyReservedIP"]
    (service,) = [step for step in steps if step.name.startswith("TestService")]
    assert any("MyReservedIP" in line for line in service.moves)


QUICK_VM = (
    'New-AzureQuickVM -Windows -ServiceName "demo" -Name "vm1" -ImageName $i -AdminUsername a -Password p '
    '-Location "West Europe"\n'
)
RELEASE = "Remove-AzureReservedIPAssociation -ReservedIPName demo-ip -ServiceName demo\n"
RESERVE = 'New-AzureReservedIP -ReservedIPName demo-ip -Location "West Europe" -ServiceName demo\n'


@pytest.mark.parametrize("stop", STOPS)
def test_a_stop_between_sections_starts_the_next_selection(tmp_path, monkeypatch, stop):
    """Each section runs in turn: the reservation after a stop is made, and the removal after the next
    takes it off again."""
    reserved = lint_files(tmp_path / "a", monkeypatch, {"d.ps1": f"{QUICK_VM}{stop}\n{RESERVE}"}, "MIG105")
    (finding,) = reserved.findings
    assert "reserved IP 'demo-ip'" in finding.message and HEDGE not in finding.message
    script = f"{QUICK_VM}{stop}\n{RESERVE}{stop}\n{RELEASE}"
    (finding,) = lint_files(tmp_path / "b", monkeypatch, {"d.ps1": script}, "MIG105").findings
    assert NOT_RESERVED in finding.message
    # What a section creates after a stop is read too.
    script = f"{RESERVE.replace('demo', 'other')}{stop}\n{QUICK_VM}"
    assert where(lint_files(tmp_path / "c", monkeypatch, {"d.ps1": script}, "MIG105").findings) == [
        "MIG105 d.ps1:3:1"
    ]


@pytest.mark.parametrize(
    "stop",
    [
        "if ($env:DEMO) { exit }",
        "if ($env:DEMO) { break }",
        "if ($env:DEMO) { return }",
        "try { Get-AzureService -ServiceName demo } catch { exit 1 }",
    ],
)
def test_a_conditional_stop_keeps_its_meaning(tmp_path, monkeypatch, stop):
    """A stop in a branch may end the script before the reservation: whether the VIP is reserved stays
    unknown, as it always was."""
    script = f"{QUICK_VM}{stop}\n{RESERVE}"
    (finding,) = lint_files(tmp_path, monkeypatch, {"d.ps1": script}, "MIG105").findings
    assert HEDGE in finding.message


@pytest.mark.parametrize(
    "loop",
    [
        "switch ('a') { 'a' { break } 'b' { exit } }",
        "while ($true) { break }",
    ],
)
def test_a_break_in_a_loop_or_switch_ends_that_only(tmp_path, monkeypatch, loop):
    """The script goes on after the loop or `switch`, and the reservation after it surely runs."""
    script = f"{QUICK_VM}{loop}\n{RESERVE}"
    (finding,) = lint_files(tmp_path, monkeypatch, {"d.ps1": script}, "MIG105").findings
    assert "reserved IP 'demo-ip'" in finding.message and HEDGE not in finding.message


def test_a_stop_in_a_function_ends_the_function_only(tmp_path, monkeypatch):
    """`return` and `exit` in a function are in a block: `exit` ends the script there, as it always did."""
    script = f"function Stop-Here {{ exit }}\n{QUICK_VM}Stop-Here\n{RESERVE}"
    (finding,) = lint_files(tmp_path, monkeypatch, {"d.ps1": script}, "MIG105").findings
    assert NOT_RESERVED in finding.message
