"""`env -i cmd` (`env -`, `env --ignore-environment`) runs `cmd` with an empty environment, and `env -u NAME
cmd` (`-uNAME`, `--unset NAME`, `--unset=NAME`) with the variable `NAME` taken out of it: the command does
not see what the script exported (`export`, `set -a`), only the variables `env` sets after (`env -i
SVC=other cmd`). So does `sudo cmd`, which resets the environment (but for `-E`, `--preserve-env`) and sets
the variables written before the command (`sudo SVC=other cmd`). A shell the script starts (`bash -c '...'`,
`bash child.sh`) sees its environment alone, not the variables the script set and did not export, and a
PowerShell process (`pwsh -File`) sees what `set -a` exported. Each CI step's shell starts with `set -a` off,
whatever an earlier step turned on."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import Deployment

VM = 'azure vm create "$SVC" img ops "Pa55w.rd!" -l "West Europe"'
CHILD_SH = f"#!/bin/bash\n{VM}\n"
Y_PS1 = (
    '$vm = New-AzureVMConfig -Name "web1" -InstanceSize Small -ImageName "img"\n'
    'New-AzureVM -ServiceName $env:SVC -VMs $vm -Location "West Europe"\n'
)


def _services(result, path: str) -> list[str]:
    return [
        resource.service_name
        for document in result.documents
        for resource in document.resources
        if isinstance(resource, Deployment) and document.path == path
    ]


def _named(services: list[str]) -> list[str]:
    """The services named by a value stated, not by a stand-in for one the command does not know."""
    return [service for service in services if service and not service.startswith("<")]


RUNS = {
    "child shell, env -i": ("env -i bash ./child.sh", None),
    "child shell, env -": ("env - bash ./child.sh", None),
    "child shell, --ignore-environment": ("env --ignore-environment bash ./child.sh", None),
    "child shell, env -u": ("env -u SVC bash ./child.sh", None),
    "child shell, env -uNAME": ("env -uSVC bash ./child.sh", None),
    "child shell, env --unset NAME": ("env --unset SVC ./child.sh", None),
    "child shell, env --unset=NAME": ("env --unset=SVC ./child.sh", None),
    "child shell, env -iu NAME": ("env -iu HOME SVC=other bash ./child.sh", "other"),
    "child shell, another variable taken out": ("env -u HOME bash ./child.sh", "shop"),
    "child shell, after sudo": ("sudo env -i bash ./child.sh", None),
    "child shell, sudo resets it": ("sudo bash ./child.sh", None),
    "child shell, sudo -u resets it": ("sudo -u ops bash ./child.sh", None),
    "child shell, sudo -E keeps it": ("sudo -u ops -E bash ./child.sh", "shop"),
    "child shell, sudo --preserve-env keeps it": ("sudo --preserve-env=SVC bash ./child.sh", "shop"),
    "child shell, sudo sets one": ("sudo SVC=other bash ./child.sh", "other"),
    "the command line, sudo": ('sudo azure vm create "$SVC" img ops P -l West', "shop"),  # filled in before
    "child shell, exported": ("bash ./child.sh", "shop"),
    "bash -c, env -i": (f"env -i bash -c '{VM}'", None),
    "bash -c, env -u": (f"env -u SVC sh -c '{VM}'", None),
    "bash -c, exported": (f"bash -c '{VM}'", "shop"),
}


@pytest.mark.parametrize("case", RUNS)
def test_a_shell_env_starts_sees_only_the_variables_it_leaves(tmp_path, monkeypatch, case):
    line, seen = RUNS[case]
    files = {"child.sh": CHILD_SH, "run.sh": f"#!/bin/bash\nexport SVC=shop\n{line}\n"}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    services = _services(result, "run.sh")
    assert len(services) == 1  # the command env runs is run, by the script
    assert _named(services) == ([seen] if seen else [])


@pytest.mark.parametrize(
    ("line", "seen"),
    [
        ("env -i pwsh -File ./y.ps1", None),
        ("env -u SVC pwsh -File ./y.ps1", None),
        ("env --unset=SVC pwsh -File ./y.ps1", None),
        ("env -i SVC=other pwsh -File ./y.ps1", "other"),
        ("pwsh -File ./y.ps1", "shop"),
        ("sudo pwsh -File ./y.ps1", None),
        ("sudo -E pwsh -File ./y.ps1", "shop"),
    ],
)
def test_a_powershell_process_env_starts_sees_only_the_variables_it_leaves(tmp_path, monkeypatch, line, seen):
    files = {"y.ps1": Y_PS1, "run.sh": f"#!/bin/bash\nexport SVC=shop\n{line}\n"}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    services = _services(result, "run.sh")
    assert len(services) == 1  # the command env runs is run, by the script
    assert _named(services) == ([seen] if seen else [])
    # the deployment is the file's call's, wherever its service's name comes from
    assert "MIG105 y.ps1:2:1" in where(result.findings)


@pytest.mark.parametrize(
    ("text", "seen"),
    [
        ("SVC=shop\nbash -c '" + VM + "'\n", None),
        ("set -a\nSVC=shop\nbash -c '" + VM + "'\n", "shop"),
    ],
    ids=["not exported", "set -a"],
)
def test_bash_c_sees_the_variables_the_script_exports_alone(tmp_path, monkeypatch, text, seen):
    result = lint_files(tmp_path, monkeypatch, {"run.sh": "#!/bin/bash\n" + text}, dedent=False)
    services = _services(result, "run.sh")
    assert _named(services) == ([seen] if seen else [])
    # the classic command is said where the script runs the shell that runs it: its last line
    assert f"MIG601 run.sh:{text.count(chr(10)) + 1}:1" in where(result.findings)


def test_a_powershell_process_sees_what_set_a_exports(tmp_path, monkeypatch):
    files = {"y.ps1": Y_PS1, "run.sh": "#!/bin/bash\nset -a\nSVC=shop\npwsh -File ./y.ps1\n"}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert _services(result, "run.sh") == ["shop"]


def _github(*runs: str) -> str:
    steps = "".join(f"      - run: {run}\n" for run in runs)
    return f"on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n{steps}"


@pytest.mark.parametrize(
    ("runs", "seen"),
    [
        (("set -a; SVC=shop; pwsh -File ./y.ps1",), ["shop"]),
        (("set -a", "SVC=shop; pwsh -File ./y.ps1"), []),
        (("set -o allexport", "SVC=shop; pwsh -File ./y.ps1"), []),
    ],
    ids=["one step", "the step after", "the step after, set -o"],
)
def test_set_a_holds_in_its_ci_step_alone(tmp_path, monkeypatch, runs, seen):
    files = {"y.ps1": Y_PS1, ".github/workflows/d.yml": _github(*runs)}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    services = _services(result, ".github/workflows/d.yml")
    assert len(services) == 1
    assert _named(services) == seen
