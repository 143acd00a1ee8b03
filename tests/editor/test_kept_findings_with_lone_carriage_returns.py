"""The findings a server shows early, from what the last server kept (`publish_kept`), are placed as the
lint places them: in a Python or PowerShell script whose lines end in a lone carriage return (`\\r`), the
reader counts every line ending, and the early diagnostics are on the lines the lint's are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the language server needs the lsp extra")

from test_server import _mark_kept_findings, _session, open_document

SCRIPT = """import azure.servicemanagement as sm

sms = sm.ServiceManagementService("subscription", "certificate.pem")
sms.create_virtual_network_site("shop")
"""
POWERSHELL = """Import-Module Azure

Set-AzureVNetConfig -ConfigurationPath "net.netcfg"
New-AzureService -ServiceName "shop" -Location "West Europe"
"""


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text("[tool.migcheck]\n")
    (tmp_path / "deploy").mkdir()
    return tmp_path


@pytest.mark.parametrize(("name", "source"), [("network.py", SCRIPT), ("network.ps1", POWERSHELL)])
def test_kept_findings_of_a_script_with_lone_carriage_returns_show_where_the_lint_s_do(
    workspace: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    source: str,
) -> None:
    monkeypatch.setenv("MIGCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    text = source.replace("\n", "\r")
    script = workspace / "deploy" / name
    script.write_bytes(text.encode())
    first = _session(workspace)
    expected = open_document(first, script.as_uri(), text)
    assert first.close() == 0
    assert expected and all(d["range"]["start"]["line"] > 0 for d in expected)  # not all on one `\\n` line
    (stored,) = Path(os.environ["MIGCHECK_CACHE_DIR"], "documents").glob("*.json")
    _mark_kept_findings(stored)

    second = _session(workspace)
    try:
        shown = open_document(second, script.as_uri(), text)
        assert [d["message"] for d in shown] == ["kept: " + d["message"] for d in expected]
        assert [d["range"] for d in shown] == [d["range"] for d in expected]
    finally:
        assert second.close() == 0
