"""A command line a script runs from a string it does not state is said as not read with an example of the
script's own language: PowerShell's `Invoke-Expression $cmd`, Python's template the script does not fill
in, the shell's `eval "$cmd"` and `azure "${args[@]}"`. A PowerShell script's line quoted bash's
`azure "${args[@]}"` as its example."""

from __future__ import annotations

import pytest
from lint_support import run_cli

SCRIPTS = {
    "deploy.ps1": 'New-AzureService -ServiceName "shop" -Location "West Europe"\n$cmd = Get-Content c.txt\niex $cmd\n',
    "deploy.py": 'import os\nimport sys\n\nos.system("azure vm create %(s)s img u p -l NorthEurope" % sys.argv)\n',
    "deploy.sh": '#!/bin/bash\nazure service create shop --location "West Europe"\nazure "${ARGS[@]}"\n',
}


def _not_read(tmp_path, monkeypatch, capsys, name: str) -> str:
    (tmp_path / name).write_text(SCRIPTS[name])
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".")
    [line] = [line for line in out.splitlines() if line.startswith("Not read as written:")]
    return line


@pytest.mark.parametrize(
    ("name", "own", "others"),
    [
        (
            "deploy.ps1",
            ["`Invoke-Expression $cmd`", "PowerShell cannot parse"],
            ["eval", "${args[@]}", ".format"],
        ),
        ("deploy.py", ['"azure vm create {} {}".format(...)'], ["Invoke-Expression", "eval", "${args[@]}"]),
        ("deploy.sh", ['`eval "$cmd"`', '`azure "${args[@]}"`', "bash cannot parse"], ["Invoke-Expression"]),
    ],
)
def test_the_line_not_read_quotes_its_own_language(tmp_path, monkeypatch, capsys, name, own, others):
    line = _not_read(tmp_path, monkeypatch, capsys, name)
    assert line.startswith(f"Not read as written: {name}:")
    assert all(example in line for example in own), line
    assert not any(example in line for example in others), line
    assert "run the command itself, or build the string from values the script states" in line
