"""A PowerShell script that dot-sources a file by an absolute path (`. C:\\repo\\scripts\\common.ps1`,
`. /home/x/repo/scripts/common.ps1`, quoted or not) names a place on the machine that runs it, where the
repository is checked out somewhere else: the file is the one of the repository that the path's longest tail
names, as a relative path names one, and the script takes its values. A path no tail of which names a file
of the repository is left unresolved, as before."""

from __future__ import annotations

import pytest
from lint_support import lint_files

COMMON = '$ServiceName = "websvc"\n'
CALLS = (
    'New-AzureService -ServiceName $ServiceName -Location "West US"\n'
    "New-AzureQuickVM -Windows -ServiceName $ServiceName -Name web -ImageName img -AdminUsername u -Password p\n"
)
SOURCES = {
    "a Windows path": r". C:\work\repo\scripts\common.ps1",
    "a quoted Windows path": r". 'D:\agent\_work\1\s\scripts\common.ps1'",
    "a Unix path": ". /home/x/repo/scripts/common.ps1",
    "a quoted Unix path": '. "/home/x/repo/scripts/common.ps1"',
}


def _services(tmp_path, monkeypatch, source: str) -> list[str]:
    files = {"scripts/common.ps1": COMMON, "scripts/deploy.ps1": source + "\n" + CALLS}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    return sorted(s.name for estate in result.estates for s in estate.cloud_services)


@pytest.mark.parametrize("source", SOURCES.values(), ids=SOURCES)
def test_the_file_its_tail_names_gives_the_values(tmp_path, monkeypatch, source) -> None:
    assert _services(tmp_path, monkeypatch, source) == ["websvc"]


def test_a_path_no_tail_of_which_names_a_file_is_not_followed(tmp_path, monkeypatch) -> None:
    services = _services(tmp_path, monkeypatch, r". C:\work\other\settings.ps1")
    assert services != ["websvc"]
