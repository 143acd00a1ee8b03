"""A file migcheck cannot read is MIG001 whatever `select` says: a run of the selected rules must not pass a
file none of them could read. Only `ignore` (or per-file-ignores, or a suppression comment) silences it,
and a selection still reads only the files its rules need."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import RULES

from migcheck.config import Config
from migcheck.engine import lint

CUT_SHORT = '<ServiceConfiguration serviceName="shop">\n  <Role name="Web">\n'
NETCFG_CUT_SHORT = "<NetworkConfiguration>\n  <VirtualNetworkConfiguration>\n"


def _codes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, config: Config) -> list[str]:
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "ServiceConfiguration.Cloud.cscfg").write_text(CUT_SHORT)
    monkeypatch.chdir(tmp_path)
    return [f.code for f in lint(["."], config, RULES).findings]


def test_a_selection_reports_a_file_it_cannot_read(tmp_path, monkeypatch):
    assert _codes(tmp_path, monkeypatch, Config(select=("MIG201",))) == ["MIG001"]


@pytest.mark.parametrize("ignore", [("MIG001",), ("xml-syntax-error",), ("MIG0",)])
def test_ignore_silences_it(tmp_path, monkeypatch, ignore):
    assert _codes(tmp_path, monkeypatch, Config(select=("MIG201",), ignore=ignore)) == []


def test_a_selection_still_reads_only_what_its_rules_need(tmp_path, monkeypatch):
    # MIG303 reads network configurations, not service definitions: the broken .csdef is not read, so it
    # is not reported; the broken .netcfg, which MIG303 needs, is.
    (tmp_path / "net.netcfg").write_text(NETCFG_CUT_SHORT)
    (tmp_path / "ServiceDefinition.csdef").write_text(
        '<ServiceDefinition name="shop">\n  <WebRole name="Web">\n'
    )
    monkeypatch.chdir(tmp_path)
    result = lint(["."], Config(select=("MIG303",)), RULES, whole_estate=False)
    assert [(f.code, f.mark.path) for f in result.findings] == [("MIG001", "net.netcfg")]
    assert result.unread == 1


def test_the_cli_says_how_many_rules_ran(tmp_path, monkeypatch, capsys):
    from migcheck.cli import main

    (tmp_path / "ServiceConfiguration.Cloud.cscfg").write_text(CUT_SHORT)
    monkeypatch.chdir(tmp_path)
    assert main(["check", ".", "--select", "MIG201"]) == 1
    out = capsys.readouterr().out
    assert "MIG001" in out and out.endswith("Found 1 finding in 1 file: 1 error.\n")
    assert main(["check", ".", "--select", "MIG201", "--ignore", "MIG001"]) == 0
    assert capsys.readouterr().out == "No findings in 1 file, checked by 1 of 45 rules.\n"
