"""A file a PowerShell script dot-sources by its folder's variable with a string after it, as one word (`.
$workingDir"Common\\RunRemotely.ps1"`), that is not among the files checked is said as a part not read
(`dot-source-not-followed`), as `. "$PSScriptRoot\\Common\\RunRemotely.ps1"` is: before, nothing was said, the
word being read as a command's name with no folder in it, so the values and functions that file may set,
which the rest of the script may need, were lost without a word. One that is checked is followed, and says
nothing."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.model import DOT_SOURCE_NOT_FOLLOWED, Script

SCRIPT = """\
$workingDir = (Split-Path -parent $MyInvocation.MyCommand.Definition) + "\\"
. $workingDir"Common\\{name}.ps1"
Get-AzureVM -ServiceName websvc
"""


def _unread(tmp_path, monkeypatch, name: str) -> list[tuple[int, str]]:
    files = {"deploy.ps1": SCRIPT.format(name=name), "Common/Settings.ps1": '$x = "y"\n'}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    return [
        (m.line, m.tag)
        for d in result.estate.documents
        if d.path == "deploy.ps1"
        for r in d.resources
        if isinstance(r, Script)
        for m in r.unread
    ]


def test_a_file_not_checked_is_said_not_read(tmp_path, monkeypatch) -> None:
    assert _unread(tmp_path, monkeypatch, "RunRemotely") == [(2, DOT_SOURCE_NOT_FOLLOWED)]


def test_a_file_checked_is_followed(tmp_path, monkeypatch) -> None:
    assert _unread(tmp_path, monkeypatch, "Settings") == []
