"""The pre-commit hook definition at the repository root."""

from __future__ import annotations

import re
from pathlib import Path

HOOKS = Path(__file__).resolve().parents[2] / ".pre-commit-hooks.yaml"


def test_hook_runs_migcheck_check_on_classic_files_and_config():
    text = HOOKS.read_text(encoding="utf-8")
    assert "- id: migcheck\n" in text
    assert "entry: migcheck check\n" in text
    assert "language: python\n" in text
    files = re.compile(re.search(r"^\s*files: '(.*)'$", text, re.M).group(1))
    for path in (
        "svc/ServiceDefinition.csdef",
        "a.Cloud.cscfg",
        "NetworkConfig.netcfg",
        "vms/app01.xml",
        "pyproject.toml",
    ):
        assert files.search(path), path
    assert not files.search("README.md")
