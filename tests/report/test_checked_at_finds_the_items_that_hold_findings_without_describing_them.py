"""JSON's and SARIF's `checked_at` asks only which readiness items hold each finding: the items are made as
the summary makes them, but what each migrates (its VMs, roles, subnets and cloud services) is not written
out for it. That was a tenth of the cost of `checked_at` on a 4,000-file estate. The summary's items still
say it, and `checked_at` answers the same with or without them."""

from __future__ import annotations

import dataclasses
import textwrap

import pytest
from test_readiness import NETCFG, deployment, finding

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plugins import load_rules
from migcheck.report import readiness as readiness_module
from migcheck.report.readiness import checked_at, readiness


@pytest.fixture
def described(monkeypatch):
    """The cloud services whose VMs and roles were listed (`_contents`), by their deployments' names."""
    listed: list[str] = []
    contents = readiness_module._contents

    def listing(placements):
        placements = tuple(placements)
        listed.extend(p.name for p in placements)
        return contents(placements)

    monkeypatch.setattr(readiness_module, "_contents", listing)
    return listed


def test_checked_at_lists_no_item_s_vms(tmp_path, monkeypatch, described):
    files = {
        "network/NetworkConfig.netcfg": NETCFG,
        "rest/web.xml": deployment("web", vnet="prod"),
        "rest/jump.xml": deployment("jump"),
    }
    for path, text in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(textwrap.dedent(text))
    monkeypatch.chdir(tmp_path)
    result = lint(["."], Config(select=("MIG001",)), load_rules(entry_points=False))
    web, jump = (service.vms[0] for service in result.estate.cloud_services)
    result = dataclasses.replace(result, findings=[finding(web), finding(jump)])
    steps = checked_at(result)
    assert [steps(f) for f in result.findings] == ["validate", "validate"]
    assert described == []
    summaries = readiness(result)
    assert sorted(described) == ["jump", "web"]  # the summary lists them
    with_summary = checked_at(result, summaries)
    assert [with_summary(f) for f in result.findings] == ["validate", "validate"]
