"""PowerShell scripts whose lines end in a lone carriage return (classic Mac OS): PowerShell ends a line
there, the grammar only at `\\n`. The script is read as if its lines ended in `\\n`, located where an
editor shows each finding, and its suppression comments cover what they cover in any other script."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

SCRIPT = (
    "Add-AzureAccount\n"
    '$svc = "svc1"\n'
    "# a comment on its own line\n"
    'New-AzureQuickVM -Windows -ServiceName $svc -Name "vm1" -ImageName img -Password p -VNetName "net1"\n'
)
SUPPRESSED = (
    "# migcheck: ignore[MIG203] rebuilt in Resource Manager\n"
    'New-AzureQuickVM -Windows -ServiceName "svc2" -Name "vm2" -ImageName img -Password p -VNetName "net1"\n'
    'New-AzureQuickVM -Windows -ServiceName "svc3" -Name "vm3" -ImageName img -Password p -VNetName "net1"'
    "  # migcheck: ignore[MIG203] this one too\n"
    'New-AzureQuickVM -Windows -ServiceName "svc4" -Name "vm4" -ImageName img -Password p -VNetName "net1"\n'
)
ENDINGS = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}


@pytest.mark.parametrize("ending", ENDINGS.values(), ids=ENDINGS.keys())
def test_a_script_is_read_and_located_alike_with_every_line_ending(tmp_path, monkeypatch, ending):
    files = {"deploy.ps1": SCRIPT.replace("\n", ending)}
    findings = lint_files(tmp_path, monkeypatch, files, "MIG203", "MIG601", dedent=False).findings
    assert where(findings) == ["MIG601 deploy.ps1:1:1", "MIG203 deploy.ps1:4:1"]


@pytest.mark.parametrize("ending", ENDINGS.values(), ids=ENDINGS.keys())
def test_suppression_comments_cover_their_statements_with_every_line_ending(tmp_path, monkeypatch, ending):
    files = {"deploy.ps1": SUPPRESSED.replace("\n", ending)}
    result = lint_files(tmp_path, monkeypatch, files, "MIG203", dedent=False)
    assert where(result.findings) == ["MIG203 deploy.ps1:4:1"], (result.findings, result.suppressed)
    assert sorted(s.finding.mark.line for s in result.suppressed) == [2, 3]


def test_a_carriage_return_inside_a_line_ending_pair_is_left_as_it_is(tmp_path, monkeypatch):
    # Near miss: `\r\n` and a lone `\r` in one file; each is one line ending.
    text = SCRIPT.replace("\n", "\r", 2).replace("\n", "\r\n")
    findings = lint_files(tmp_path, monkeypatch, {"deploy.ps1": text}, "MIG203", dedent=False).findings
    assert where(findings) == ["MIG203 deploy.ps1:4:1"]
