"""A file dot-sourced that migcheck does not follow may set any variable, so one the script set to its
folder before it names nothing known after it; one the script sets after it holds what it is set to: `.
.\\missing.ps1`, then `$here = $PSScriptRoot` and `. "$here\\lib.ps1"`, reads lib.ps1, where every folder
variable was dropped for the rest of the script."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import DOT_SOURCE_NOT_FOLLOWED, Script

LIB = 'function New-Web { New-AzureService -ServiceName "websvc" -Location "West Europe" }\n'


def _unread(tmp_path, monkeypatch, deploy: str) -> list[tuple[int, str]]:
    result = lint_files(tmp_path, monkeypatch, {"lib.ps1": LIB, "deploy.ps1": deploy}, dedent=False)
    return [
        (m.line, m.tag)
        for d in result.estate.documents
        if d.path == "deploy.ps1"
        for r in d.resources
        if isinstance(r, Script)
        for m in r.unread
    ]


@pytest.mark.parametrize(
    ("assignment", "path"),
    [("$here = $PSScriptRoot", '"$here\\lib.ps1"'), ("$here = Get-Location", '"$here\\lib.ps1"')],
    ids=["script-folder", "current-folder"],
)
def test_a_folder_set_after_the_file_not_followed_names_the_file(tmp_path, monkeypatch, assignment, path):
    deploy = f". .\\missing.ps1\n{assignment}\n. {path}\nNew-Web\n"
    assert _unread(tmp_path, monkeypatch, deploy) == [(1, DOT_SOURCE_NOT_FOLLOWED)]


def test_a_folder_set_before_the_file_not_followed_is_not_known_after_it(tmp_path, monkeypatch):
    deploy = '$here = $PSScriptRoot\n. .\\missing.ps1\n. "$here\\lib.ps1"\nNew-Web\n'
    assert _unread(tmp_path, monkeypatch, deploy) == [
        (2, DOT_SOURCE_NOT_FOLLOWED),
        (3, DOT_SOURCE_NOT_FOLLOWED),
    ]
