"""Shared helpers for the hostile-input tests: the corpus, and the CLI run in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from migcheck.cli import main

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CORPUS_CSCFG = CORPUS / "mxs1244__cloudserviceclassic" / "ServiceConfiguration.Cloud.cscfg"

needs_corpus = pytest.mark.skipif(not CORPUS_CSCFG.is_file(), reason="the shared corpus is absent")


def check_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, object]]]:
    """Run `migcheck check --format json ARGV` in this process: (exit code, findings)."""
    code = main(["check", "--format", "json", *argv])
    out, _ = capsys.readouterr()
    return code, json.loads(out)
