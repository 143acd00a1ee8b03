"""`migcheck badge`: a file migcheck could not read (MIG001) is not a blocker, as the plan lists it apart,
but the badge never says "ready" for it: "N unread files" in red, after the blockers when there are some."""

from __future__ import annotations

import json

from report_support import findings

BROKEN = """\
<?xml version="1.0"?>
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="a" Location="West Europe">
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def shields(run, *argv: str) -> dict:
    code, out, _ = run("badge", *argv, "--format", "shields")
    assert code == 0
    return json.loads(out)


def test_an_unread_file_is_no_blocker_and_never_ready(contoso, run):
    (contoso / "examples" / "ready" / "broken.netcfg").write_text(BROKEN, encoding="utf-8")
    badge = shields(run, "examples/ready")
    assert (badge["message"], badge["color"]) == ("1 unread file", "red")
    # As the plan says it: no blocker, one file it could not read.
    plan = json.loads(run("plan", "examples/ready", "--format", "json")[1])
    subscriptions = plan["subscriptions"]
    assert not any(step["blockers"] for s in subscriptions for step in s["steps"])
    assert not any(s["other_blockers"] for s in subscriptions)
    assert [f["code"] for s in subscriptions for f in s["unread"]] == ["MIG001"]


def test_blockers_come_first_and_unread_files_are_counted_by_file(contoso, run):
    for name in ("one.netcfg", "two.netcfg"):
        (contoso / "examples" / "contoso" / name).write_text(BROKEN, encoding="utf-8")
    every = findings(run, "examples/contoso")
    blockers = sum(
        f["code"] != "MIG001" and (f["severity"] == "error" or f["code"] == "MIG208") for f in every
    )
    assert blockers and sum(f["code"] == "MIG001" for f in every) == 2
    badge = shields(run, "examples/contoso")
    assert (badge["message"], badge["color"]) == (f"{blockers} blockers, 2 unread files", "red")
