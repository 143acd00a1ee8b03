"""The classic CLI's `storage account create` took `--geoReplication` and `--disable-geoReplication` before
`--type` replaced them (the CLI's command reference: "Indicates if geo-replication is enabled / disabled"),
and scripts of those releases still give them. Such a command is read as the CLI ran it: the account it
creates is a storage account of the plan, where migcheck said the CLI refused an option it does not declare
and ran nothing."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, script_resources, unread_marks

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan


@pytest.mark.parametrize("switch", ["--geoReplication", "--disable-geoReplication"])
def test_an_account_created_with_a_switch_is_read_and_planned(tmp_path, monkeypatch, switch):
    script = f"#!/bin/bash\nazure storage account create --affinity-group ag1 {switch} acct1\n"
    assert unread_marks(script_resources(script, "make.sh")) == []
    data = json.loads(render_plan(build_plan(lint_files(tmp_path, monkeypatch, {"make.sh": script})), "json"))
    steps = [s["name"] for sub in data["subscriptions"] for s in sub["steps"] if s["kind"] == "storage"]
    assert steps == ["acct1"]
