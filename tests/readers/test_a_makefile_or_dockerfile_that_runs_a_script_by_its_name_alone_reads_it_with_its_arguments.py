"""A Makefile's recipe or a Dockerfile's `RUN` line that runs a script file of the repository by its name
alone, with no folder and no `/` anywhere in the file (`pwsh -File deploy.ps1 -ServiceName websvc`, `bash
create.sh websvc`), runs it with those arguments, as the same line in a shell script or a CI step does:
the script is read where it runs, its cloud service the one the line names. Before, the file was passed
over as one that runs nothing classic (the look for a script run by its path asked for a `/`, which a
shell script's `#!` line has and these files need not), and the script was read alone with its name
unknown (`<cloud service name, -ServiceName of the script, deploy.ps1:2>`)."""

from __future__ import annotations

import pytest
from lint_support import lint_files

DEPLOY_PS1 = """\
param([string]$ServiceName)
New-AzureQuickVM -Windows -ServiceName $ServiceName -Name web1 -ImageName img -AdminUsername u -Password p -Location 'West US'
"""
CREATE_SH = 'azure vm create "$1" img user secret --vm-name web1 -l "West US"\n'

RUNS = {
    "makefile-pwsh-file": (
        "Makefile",
        "deploy:\n\tpwsh -File deploy.ps1 -ServiceName websvc\n",
        "deploy.ps1",
    ),
    "makefile-bash": ("Makefile", "deploy:\n\tbash create.sh websvc\n", "create.sh"),
    "dockerfile-pwsh-file": (
        "Dockerfile",
        "FROM ubuntu\nCOPY deploy.ps1 .\nRUN pwsh -File deploy.ps1 -ServiceName websvc\n",
        "deploy.ps1",
    ),
    "dockerfile-bash": (
        "Dockerfile",
        "FROM ubuntu\nCOPY create.sh .\nRUN bash create.sh websvc\n",
        "create.sh",
    ),
}
SCRIPTS = {"deploy.ps1": DEPLOY_PS1, "create.sh": CREATE_SH}


@pytest.mark.parametrize(("runner", "run", "script"), list(RUNS.values()), ids=list(RUNS))
def test_the_script_is_read_with_the_name_the_line_gives(tmp_path, monkeypatch, runner, run, script) -> None:
    result = lint_files(tmp_path, monkeypatch, {runner: run, script: SCRIPTS[script]}, "MIG105", dedent=False)
    services = [f.message.split("cloud service ", 1)[1].split("' ", 1)[0].strip("'") for f in result.findings]
    assert services == ["websvc"]


def test_a_makefile_that_names_a_script_it_does_not_run_gives_no_finding(tmp_path, monkeypatch) -> None:
    """Read, a Makefile that only names a script (`cp deploy.ps1 out`) still runs nothing classic."""
    files = {"Makefile": "dist:\n\tcp deploy.ps1 out\n"}
    assert lint_files(tmp_path, monkeypatch, files, dedent=False).findings == []
