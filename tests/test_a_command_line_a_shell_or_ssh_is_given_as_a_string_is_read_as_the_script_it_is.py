"""A command line a shell script gives another shell as a string is read as the script it is: `bash -c "..."`
(`sh -c`) whatever classic tool it runs (the classic CLI, a classic cmdlet through `pwsh -Command`, a request
curl sends to the Service Management API), and `ssh host '...'` (its words joined by blanks, or the script a
here-document feeds it), which runs on another machine: a classic command there is the script's all the same
(it stops working when the resources are migrated), said where the script writes it, but that shell starts
with none of the script's variables, and a script file it runs by its path is that machine's, not the
repository's; and `su ops -c '...'` (`runuser`), which has the user's shell run it with the script's environment,
or, logging in, none of it. A command that is not classic says nothing, and `ssh -N` runs none."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import Deployment

CLASSIC = {
    "bash -c, a classic cmdlet through pwsh": (
        "bash -c \"pwsh -Command 'Stop-AzureVM -ServiceName shop -Name web1 -Force'\"",
        ["MIG601 run.sh:2:1"],
        "Stop-AzureVM",
    ),
    "sh -c, a request to the api": (
        "sh -c 'curl -X POST -E cert.pem "
        "https://management.core.windows.net/sub/services/hostedservices/shop/deploymentslots/production'",
        ["MIG601 run.sh:2:1"],
        "Service Management API",
    ),
    "ssh, one word": ("ssh admin@jump 'azure vm shutdown web1'", ["MIG601 run.sh:2:17"], "azure vm shutdown"),
    "ssh, words after its options": (
        "ssh -i key.pem -p 22 -tt admin@jump azure vm shutdown web1",
        ["MIG601 run.sh:2:37"],
        "azure vm shutdown",
    ),
    "ssh, a classic cmdlet through pwsh": (
        "ssh winjump \"pwsh -Command 'Stop-AzureVM -ServiceName shop -Name web1 -Force'\"",
        ["MIG601 run.sh:2:14"],
        "Stop-AzureVM",
    ),
    "ssh, a here-document": (
        "ssh admin@jump <<'EOF'\nazure vm shutdown web1\nEOF",
        ["MIG601 run.sh:2:1"],
        "vm",
    ),
    "ssh, not classic": ("ssh admin@jump 'az vm list'", [], ""),
    "ssh -N": ("ssh -N -L 8080:localhost:80 jump azure vm shutdown web1", [], ""),
}


@pytest.mark.parametrize("case", CLASSIC)
def test_a_classic_command_in_the_string_is_the_script_s(tmp_path, monkeypatch, case):
    line, expected, named = CLASSIC[case]
    result = lint_files(tmp_path, monkeypatch, {"run.sh": f"#!/bin/bash\n{line}\n"}, "MIG601", dedent=False)
    assert where(result.findings) == expected
    assert all(named in finding.message for finding in result.findings)


@pytest.mark.parametrize(
    ("line", "seen", "column"),
    [
        # the other machine's $SVC; shown where the command starts in the quotes
        ("ssh jump 'azure vm create \"$SVC\" img ops Pa55w.rd! -l West'", [], 11),
        # filled in here; a word the shell fills in is shown from its quote
        ('ssh jump "azure vm create $SVC img ops Pa55w.rd! -l West"', ["shop"], 10),
    ],
    ids=["single quotes", "double quotes"],
)
def test_the_other_machine_s_shell_sees_none_of_the_script_s_variables(
    tmp_path, monkeypatch, line, seen, column
):
    text = f"#!/bin/bash\nexport SVC=shop\n{line}\n"
    result = lint_files(tmp_path, monkeypatch, {"run.sh": text}, dedent=False)
    services = [
        resource.service_name
        for document in result.documents
        for resource in document.resources
        if isinstance(resource, Deployment)
    ]
    assert len(services) == 1
    assert [name for name in services if name and not name.startswith("<")] == seen
    assert f"MIG601 run.sh:3:{column}" in where(result.findings)


def test_a_script_file_ssh_runs_by_its_path_is_the_other_machine_s(tmp_path, monkeypatch):
    files = {"c.sh": "#!/bin/bash\nazure vm shutdown web1\n", "run.sh": "#!/bin/bash\nssh jump ./c.sh\n"}
    result = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False)
    assert where(result.findings) == ["MIG601 c.sh:2:1"]
    assert "Shell script 'c.sh' uses" in result.findings[0].message


SU_CREATE = 'azure vm create "$SVC" img ops Pa55w.rd! -l West'


@pytest.mark.parametrize(
    ("line", "seen"),
    [
        (f"su ops -c '{SU_CREATE}'", ["shop"]),  # the script's environment
        (f"runuser ops --command '{SU_CREATE}'", ["shop"]),
        (f"su - ops -c '{SU_CREATE}'", []),  # logging in: none of it
        (f"su -l -c '{SU_CREATE}' ops", []),
    ],
    ids=["su -c", "runuser --command", "su - (login)", "su -l (login)"],
)
def test_the_command_line_su_gives_the_user_s_shell_is_read_as_bash_c_s(tmp_path, monkeypatch, line, seen):
    """`su ops -c '...'` (`runuser`) has the user's shell run the command line: with the script's environment,
    or, logging in (`-`, `-l`), with none of it."""
    text = f"#!/bin/bash\nexport SVC=shop\n{line}\n"
    result = lint_files(tmp_path, monkeypatch, {"run.sh": text}, dedent=False)
    services = [r.service_name for d in result.documents for r in d.resources if isinstance(r, Deployment)]
    assert len(services) == 1
    assert [name for name in services if name and not name.startswith("<")] == seen
    assert f"MIG601 run.sh:3:{line.index('azure') + 1}" in where(result.findings)  # where the line says it


@pytest.mark.parametrize(
    ("line", "seen"),
    [
        (f"runuser -u ops -- {SU_CREATE}", ["shop"]),
        (f"runuser -u ops {SU_CREATE}", ["shop"]),
        (f"runuser --user=ops -- {SU_CREATE}", ["shop"]),
        (f"runuser -u ops -- bash -c '{SU_CREATE}'", ["shop"]),  # the script's environment
        (f"runuser -l -u ops -- bash -c '{SU_CREATE}'", []),  # logging in: none of it
    ],
    ids=["runuser -u --", "runuser -u", "runuser --user=", "bash -c", "bash -c, logging in"],
)
def test_the_command_runuser_runs_as_a_user_is_read_as_the_command(tmp_path, monkeypatch, line, seen):
    """`runuser -u ops -- cmd` runs the command itself as the user, no shell between: the command is read,
    with the script's environment, or, logging in, none of it."""
    text = f"#!/bin/bash\nexport SVC=shop\n{line}\n"
    result = lint_files(tmp_path, monkeypatch, {"run.sh": text}, dedent=False)
    services = [r.service_name for d in result.documents for r in d.resources if isinstance(r, Deployment)]
    assert len(services) == 1
    assert [name for name in services if name and not name.startswith("<")] == seen
    assert f"MIG601 run.sh:3:{line.index('azure') + 1}" in where(result.findings)


def test_runuser_with_no_user_runs_no_command_of_its_words(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"run.sh": "#!/bin/bash\nrunuser ops\n"}, dedent=False)
    assert where(result.findings) == []


@pytest.mark.parametrize(
    ("files", "shown"),
    [
        (
            {"run.sh": "#!/bin/bash\nssh -p 22 admin@jump 'azure vm shutdown web1'\n"},
            "azure vm shutdown on admin@jump",
        ),
        (
            {"run.sh": "#!/bin/bash\nssh jump <<'EOF'\nazure vm shutdown web1\nEOF\n"},
            "azure vm shutdown on jump",
        ),
        (
            {"run.sh": "#!/bin/bash\nssh \"$1\" 'azure vm shutdown web1'\n"},
            "azure vm shutdown on another machine (ssh)",
        ),
        (
            {"run.sh": "#!/bin/bash\nazure vm shutdown web2\nssh jump 'azure vm shutdown web1'\n"},
            "azure vm shutdown, azure vm shutdown on jump",
        ),
        (
            {"run.py": "import subprocess\nsubprocess.run(['ssh', 'jump', 'azure vm shutdown web1'])\n"},
            "azure vm shutdown on jump",
        ),
        ({"run.ps1": "ssh jump 'azure vm shutdown web1'\n"}, "azure vm shutdown on jump"),
        (
            {
                ".github/workflows/ci.yml": "on: push\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n"
                "      - run: ssh jump 'azure vm shutdown web1'\n"
            },
            "azure vm shutdown on jump",
        ),
        (
            {"site.yml": "- hosts: all\n  tasks:\n    - shell: ssh jump 'azure vm shutdown web1'\n"},
            "azure vm shutdown on jump",
        ),
        ({"run.sh": "#!/bin/bash\nsudo azure vm shutdown web1\n"}, "azure vm shutdown)"),
    ],
    ids=[
        "ssh",
        "here-document",
        "host not stated",
        "here and there",
        "python",
        "powershell",
        "ci step",
        "ansible task",
        "this machine",
    ],
)
def test_a_classic_command_run_on_another_machine_is_said_to_run_there(tmp_path, monkeypatch, files, shown):
    """MIG601 names the machine ssh has run a classic command, as the script names it."""
    result = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False)
    assert len(result.findings) == 1
    assert f"({shown}" in result.findings[0].message
