"""A shell script file a PowerShell script runs with the call operator by a path from the script's folder,
with no shell named (`& "$PSScriptRoot/x.sh" shopsvc`, `& "$PSScriptRoot\\x.sh"`, `& (Join-Path $PSScriptRoot
'x.sh')`), is read as the shell its `#!` line names runs it, with the words after it as its `$1`...: the VM it
creates is in shopsvc, as for `& ./x.sh shopsvc`. Before, such a script was not even read (nothing else in it
looked classic), and the shell script was read alone, its cloud service not stated."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import Deployment

SHELL = '#!/bin/bash\nazure vm create "$1" img user pass -l "West Europe"\n'


@pytest.mark.parametrize(
    "run",
    [
        '& "$PSScriptRoot/x.sh" shopsvc',
        '& "$PSScriptRoot\\x.sh" shopsvc',
        "& (Join-Path $PSScriptRoot 'x.sh') shopsvc",
        "& ./x.sh shopsvc",
    ],
)
def test_the_shell_script_runs_with_the_words_given(tmp_path, monkeypatch, run):
    result = lint_files(tmp_path, monkeypatch, {"x.sh": SHELL, "deploy.ps1": run + "\n"}, dedent=False)
    found = [
        (d.path, r.service_name) for d in result.documents for r in d.resources if isinstance(r, Deployment)
    ]
    assert found == [("deploy.ps1", "shopsvc")]
