"""`migcheck plan`, before its first step: Validate reads the classic side only, and some problems show first
at Prepare (the deep dive's "Checks not done in the validate operation"), so the planning guide's advice is
a Validate, Prepare and Abort dry run. The plan says so once per subscription, in the text, Markdown and
HTML plans alike, beside the quotas Validate does not check either."""

from __future__ import annotations

import pytest
from test_plan_documents import netcfg, network

from migcheck.cli import main

DRY_RUN = "a Validate, Prepare and Abort of a step is the dry run that finds them"


@pytest.mark.parametrize("format", ["text", "markdown", "html"])
def test_the_preamble_recommends_the_dry_run(tmp_path, monkeypatch, capsys, format):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "NetworkConfig.netcfg").write_text(netcfg("", network("app-vnet", "10.1.0.0/16")))
    assert main(["plan", ".", "--format", format]) == 0
    said = " ".join(capsys.readouterr().out.split())
    assert "Validate reads the classic side only, so other problems too show first at Prepare" in said
    assert DRY_RUN in said
