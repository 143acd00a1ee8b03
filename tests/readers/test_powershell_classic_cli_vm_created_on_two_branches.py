"""One VM a PowerShell script creates with the classic CLI (`azure vm create`) on each branch of an `if`,
differently: one VM of two paths, as when the cmdlets create it."""

from __future__ import annotations

from migcheck.model import Severity
from tests.lint_support import lint_files


def test_a_subnet_on_one_branch_only_is_a_warning(tmp_path, monkeypatch):
    script = """\
    param($Env)
    if ($Env -eq 'prod') {
      azure vm create svc1 img u p -w net1 -b front
    } else {
      azure vm create svc1 img u p -w net1
    }
    """
    found = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG203").findings
    assert [(f.location.line, f.severity) for f in found if f.location] == [(3, Severity.WARNING)]
