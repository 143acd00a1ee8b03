"""Once its findings are located, a check keeps the text of the files findings point into and of no other:
reports read those alone, and what reading every other file again takes (or its text, where a small check
holds them) was 5 MB of a 40,000-file check's peak, held while the report was written. `--verbose`, which
says what it could not read of a script that may have no finding, asks for every file's
(`lint(every_text=True)`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_texts import ACL, CLEAN

from migcheck import texts
from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plugins import load_rules

RULES = load_rules(entry_points=False)
WITH_FINDINGS = "shop/ServiceConfiguration.Cloud.cscfg"
WITHOUT = "network/NetworkConfig.netcfg"


@pytest.fixture
def estate(tmp_path, monkeypatch) -> Path:
    (tmp_path / "shop").mkdir()
    (tmp_path / WITH_FINDINGS).write_text(ACL, encoding="utf-8")
    (tmp_path / "network").mkdir()
    (tmp_path / WITHOUT).write_text(CLEAN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _pointed_into(result) -> set[str]:
    held = [s.finding for s in result.suppressed]
    return {f.mark.path for f in [*result.findings, *result.unreported, *held]}


@pytest.mark.parametrize("holds", [True, False], ids=["small check, texts held", "texts read again"])
def test_only_the_files_findings_point_into_keep_their_text(estate, monkeypatch, holds):
    if not holds:
        monkeypatch.setattr(texts, "HELD_BYTES", -1)
    result = lint(["."], Config(), RULES, jobs=1)
    assert _pointed_into(result) == {WITH_FINDINGS}
    assert set(result.sources) | set(result.sources.held or ()) == {WITH_FINDINGS}
    assert WITHOUT not in result.sources
    assert result.sources[WITH_FINDINGS].text == ACL


def test_every_text_keeps_the_others_too(estate, monkeypatch):
    monkeypatch.setattr(texts, "HELD_BYTES", -1)
    result = lint(["."], Config(), RULES, jobs=1, every_text=True)
    assert result.sources[WITHOUT].text == CLEAN
    assert result.sources[WITH_FINDINGS].text == ACL
