"""The overview says which comes first, the blockers outside the steps or a step, only where those blockers
hold up the steps: a disk's blob name with a '/' (MIG401), at an address of no storage account, fails the
migration however ready the steps are, so it is fixed first; a runbook's order (MIG602) fails that runbook's
run and holds up no step, so it is said apart, after where to start. Where it said both "fix it first" and
"start with step 2", two first actions."""

from __future__ import annotations

import json

from lint_support import lint_files, run_cli
from test_the_plan_says_up_front_how_many_steps_are_ready_and_where_to_start import (
    APART,
    ER_NETWORK,
    NETWORK_BEFORE_CIRCUIT,
)

DISKS = """\
<Disks xmlns="http://schemas.microsoft.com/windowsazure">
  <Disk>
    <AttachedTo><DeploymentName>jump</DeploymentName><HostedServiceName>jump</HostedServiceName>
      <RoleName>jump</RoleName></AttachedTo>
    <OS>Windows</OS>
    <MediaLink>http://blobs/disks/jump/os.vhd</MediaLink>
    <Name>jump-os</Name>
  </Disk>
</Disks>
"""


def _overview(capsys) -> list[str]:
    out = run_cli(capsys, "plan", ".")[1].splitlines()
    at = next(n for n, line in enumerate(out) if line.startswith("Overview: "))
    return out[at : next(n for n in range(at + 1, len(out)) if not out[n].startswith("   "))]


def test_a_blocker_that_holds_up_the_steps_is_fixed_first(tmp_path, monkeypatch, capsys):
    lint_files(tmp_path, monkeypatch, {"NetworkConfig.netcfg": ER_NETWORK, "disks.xml": DISKS}, dedent=False)
    assert _overview(capsys)[0].endswith("; 1 blocker outside the steps (listed after them): fix it first.")
    assert not any(line.strip().startswith("Also:") for line in _overview(capsys))
    overview = json.loads(run_cli(capsys, "plan", ".", "--format", "json")[1])["subscriptions"][0]["overview"]
    assert (overview["outside_blockers"], overview["outside_holding_steps"]) == (1, 1)


def test_a_runbook_s_order_is_said_apart_after_where_to_start(tmp_path, monkeypatch, capsys):
    files = {"NetworkConfig.netcfg": ER_NETWORK, "migrate.ps1": NETWORK_BEFORE_CIRCUIT}
    lint_files(tmp_path, monkeypatch, files, dedent=False)
    said = _overview(capsys)
    assert "outside the steps" not in said[0] and "fix it first" not in " ".join(said)
    assert said[-1] == f"   {APART}"


def test_both_say_the_one_to_fix_first_and_the_other_apart(tmp_path, monkeypatch, capsys):
    files = {"NetworkConfig.netcfg": ER_NETWORK, "migrate.ps1": NETWORK_BEFORE_CIRCUIT, "disks.xml": DISKS}
    lint_files(tmp_path, monkeypatch, files, dedent=False)
    said = _overview(capsys)
    assert said[0].endswith("; 1 blocker outside the steps (listed after them): fix it first.")
    assert said[1].startswith("   Once it is fixed, start with step 1")
    assert said[-1] == f"   {APART}"
