"""A PowerShell script with no classic call of its own that dot-sources a file migcheck does not follow
says so (`dot-source-not-followed`), as a script with classic calls does: the file not read may hold all
its classic work. Before, such a script got no record, so the part not read was never said: one that only
loads others, and one whose classic work is the functions of a file it loads and follows."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import DOT_SOURCE_NOT_FOLLOWED, Script

LIB = 'function New-Web { New-AzureService -ServiceName "websvc" -Location "West Europe" }\n'


@pytest.mark.parametrize(
    "deploy",
    [". .\\missing.ps1\nWrite-Host done\n", ". .\\missing.ps1\n. .\\lib.ps1\nNew-Web\n"],
    ids=["only-loads", "runs-a-loaded-function"],
)
def test_the_file_not_followed_is_said(tmp_path, monkeypatch, deploy):
    result = lint_files(tmp_path, monkeypatch, {"lib.ps1": LIB, "deploy.ps1": deploy}, dedent=False)
    unread = [
        (m.line, m.tag)
        for d in result.estate.documents
        if d.path == "deploy.ps1"
        for r in d.resources
        if isinstance(r, Script)
        for m in r.unread
    ]
    assert unread == [(1, DOT_SOURCE_NOT_FOLLOWED)]


def test_a_script_that_loads_what_it_follows_says_nothing(tmp_path, monkeypatch):
    deploy = ". .\\lib.ps1\nWrite-Host done\n"
    result = lint_files(tmp_path, monkeypatch, {"lib.ps1": LIB, "deploy.ps1": deploy}, dedent=False)
    assert [d.path for d in result.estate.documents if d.path == "deploy.ps1" and d.resources] == []
