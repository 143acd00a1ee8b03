"""A PowerShell process a shell script, a CI step, an Ansible task or a PowerShell script starts with a
command line that runs a script file (`pwsh -Command "./x.ps1 -ServiceName shop"`, `pwsh -c ./x.ps1
-ServiceName shop`) runs that file with the arguments given, as `pwsh -File ./x.ps1 -ServiceName shop` does:
the file was read alone, in a cloud service it does not know. A process inherits the environment of what
starts it, the variables a shell script exports or writes before the command (`SVC=shop pwsh -File
./y.ps1`) and a CI step's `env:` (`$env:SVC` in the file is that value), and nothing else: the functions,
variables and `$env:` variables one `pwsh` process sets are gone when it ends, not seen by the next one,
nor by the script that started it. So are a CI step's variables, functions and environment variables for
the steps after it (each GitHub Actions or Azure Pipelines step is a process of its own), where a GitLab
CI job's commands share one shell, but for its `after_script:`, which sees the job's variables only."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import Deployment, ServiceRegion

X_PS1 = (
    "param($ServiceName)\n"
    '$vm = New-AzureVMConfig -Name "web1" -InstanceSize Small -ImageName "img"\n'
    'New-AzureVM -ServiceName $ServiceName -VMs $vm -Location "West Europe"\n'
)
Y_PS1 = X_PS1.replace("param($ServiceName)\n", "").replace("$ServiceName", "$env:SVC")


def _services(result) -> list[tuple[str, str]]:
    return sorted(
        (document.path, resource.service_name)
        for document in result.documents
        for resource in document.resources
        if isinstance(resource, Deployment)
    )


def _regions(result) -> list[str]:
    return sorted(r.service for d in result.documents for r in d.resources if isinstance(r, ServiceRegion))


def _github(run: str, env: str = "", runner: str = "ubuntu-latest") -> str:
    return f"on: push\njobs:\n  d:\n    runs-on: {runner}\n    steps:\n      - run: {run}\n{env}"


RUNS_THE_FILE = {
    "shell script": ("run.sh", '#!/bin/bash\npwsh -Command "./x.ps1 -ServiceName shop"\n'),
    "shell script, words joined": ("run.sh", "#!/bin/bash\npwsh -c ./x.ps1 -ServiceName shop\n"),
    "github run": (".github/workflows/d.yml", _github("pwsh -Command './x.ps1 -ServiceName shop'")),
    "azure pipelines script": (
        "azure-pipelines.yml",
        "steps:\n  - script: pwsh -Command ./x.ps1 -ServiceName shop\n",
    ),
    "ansible shell": (
        "site.yml",
        "- hosts: localhost\n  tasks:\n    - name: d\n      shell: pwsh -Command ./x.ps1 -ServiceName shop\n",
    ),
    "powershell script": ("main.ps1", "pwsh -Command './x.ps1 -ServiceName shop'\n"),
    "powershell script, words joined": (
        "main.ps1",
        "powershell.exe -NoProfile -c ./x.ps1 -ServiceName shop\n",
    ),
}


@pytest.mark.parametrize("case", RUNS_THE_FILE)
def test_a_command_line_that_runs_a_script_file_runs_it_with_its_arguments(tmp_path, monkeypatch, case):
    runner, text = RUNS_THE_FILE[case]
    result = lint_files(tmp_path, monkeypatch, {"x.ps1": X_PS1, runner: text}, dedent=False)
    assert _services(result) == [(runner, "shop")]


INHERITS = {
    "exported by a shell script, -File": ("run.sh", "#!/bin/bash\nexport SVC=shop\npwsh -File ./y.ps1\n"),
    "written before the command": ("run.sh", "#!/bin/bash\nSVC=shop pwsh -File ./y.ps1\n"),
    "set by env": ("run.sh", "#!/bin/bash\nenv -u HOME SVC=shop pwsh -File ./y.ps1\n"),
    "set by env, after sudo": ("run.sh", "#!/bin/bash\nsudo env SVC=shop LEVEL=$1 pwsh -File ./y.ps1\n"),
    "exported by a shell script, -Command": ("run.sh", "#!/bin/bash\ndeclare -x SVC=shop\npwsh -c ./y.ps1\n"),
    "a ci step's env": (
        ".github/workflows/d.yml",
        _github("pwsh -File ./y.ps1", "        env:\n          SVC: shop\n"),
    ),
}


@pytest.mark.parametrize("case", INHERITS)
def test_the_process_inherits_the_environment_of_what_starts_it(tmp_path, monkeypatch, case):
    runner, text = INHERITS[case]
    result = lint_files(tmp_path, monkeypatch, {"y.ps1": Y_PS1, runner: text}, dedent=False)
    assert _services(result) == [(runner, "shop")]


# One process sets a variable, an environment variable and a function, and creates a service; the next
# (or, for a PowerShell script, the script itself) uses them.
SETS = (
    '$env:SVC = "leak"; $name = "leak2"; function Make($n) { New-AzureService -ServiceName $n -Location "West US" }; '
    'New-AzureService -ServiceName child -Location "West US"'
)
USES = (
    'New-AzureService -ServiceName $env:SVC -Location "West US"; '
    'New-AzureService -ServiceName $name -Location "West US"; Make leak3'
)


@pytest.mark.parametrize(
    ("runner", "text"),
    [
        ("run.sh", f"#!/bin/bash\npwsh -Command '{SETS}'\npwsh -Command '{USES}'\n"),
        ("main.ps1", f"pwsh -Command '{SETS}'\n{USES.replace('; ', chr(10))}\n"),
        ("main.ps1", f"pwsh -Command '{SETS}'\npwsh -Command '{USES}'\n"),
        (
            ".github/workflows/d.yml",
            f"on: push\njobs:\n  d:\n    runs-on: windows-latest\n    steps:\n      - run: '{SETS}'\n"
            f"      - run: '{USES}'\n",
        ),
    ],
    ids=["shell script", "powershell script", "powershell script, two processes", "github pwsh steps"],
)
def test_what_one_process_sets_is_gone_when_it_ends(tmp_path, monkeypatch, runner, text):
    result = lint_files(tmp_path, monkeypatch, {runner: text}, dedent=False)
    assert [name for name in _regions(result) if not name.startswith("<")] == ["child"]


@pytest.mark.parametrize(
    ("runner", "text", "seen"),
    [
        (
            ".github/workflows/d.yml",
            _github("export SVC=leak; NAME=leak2")
            + "      - run: azure service create \"$SVC$NAME\" --location 'West US'\n",
            [],
        ),
        (
            "azure-pipelines.yml",
            "steps:\n  - bash: export SVC=leak\n  - bash: azure service create \"$SVC\" --location 'West US'\n",
            [],
        ),
        (
            ".gitlab-ci.yml",
            "d:\n  script:\n    - export SVC=shared\n    - azure service create \"$SVC\" --location 'West US'\n",
            ["shared"],
        ),
        (
            ".gitlab-ci.yml",
            "variables:\n  JOBSVC: jobsvc\nd:\n  script:\n    - export SVC=fromscript\n"
            "  after_script:\n    - azure service create \"leak$SVC\" --location 'West US'\n"
            "    - azure service create \"$JOBSVC\" --location 'West US'\n",
            ["jobsvc"],
        ),
    ],
    ids=["github", "azure pipelines", "gitlab shares one shell", "gitlab after_script"],
)
def test_a_ci_step_s_variables_are_gone_for_the_steps_after_it(tmp_path, monkeypatch, runner, text, seen):
    result = lint_files(tmp_path, monkeypatch, {runner: text}, dedent=False)
    assert [name for name in _regions(result) if not name.startswith("<")] == seen


CHILD_SH = '#!/bin/bash\nazure vm create "$SVC" img ops "Pa55w.rd!" -l "West Europe"\n'
SHELL_INHERITS = {
    "exported": ("export SVC=shop\nbash ./child.sh\n", "shop"),
    "declared exported": ("declare -x SVC=shop\nbash ./child.sh\n", "shop"),
    "written before the command": ("SVC=shop bash ./child.sh\n", "shop"),
    "set by env": ("env SVC=shop bash ./child.sh\n", "shop"),
    "set -a": ("set -a\nSVC=shop\nbash ./child.sh\n", "shop"),
    "not exported": ("SVC=shop\nbash ./child.sh\n", None),
    "not exported, run by its path": ("SVC=shop\n./child.sh\n", None),
    "exported by another child": ("bash ./exports.sh\nSVC=shop\nbash ./child.sh\n", None),
}


@pytest.mark.parametrize("case", SHELL_INHERITS)
def test_a_shell_the_script_starts_sees_only_the_variables_it_exports(tmp_path, monkeypatch, case):
    """`bash child.sh` runs a shell of its own, which starts with the environment only: a variable the
    script sets and does not export is one the child does not know."""
    text, seen = SHELL_INHERITS[case]
    files = {
        "child.sh": CHILD_SH,
        "exports.sh": "#!/bin/bash\nexport SVC\n",
        "run.sh": "#!/bin/bash\n" + text,
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    services = [service for path, service in _services(result) if path == "run.sh"]
    assert len(services) == 1
    assert (services[0] == "shop") == (seen == "shop")
