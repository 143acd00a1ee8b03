"""A Python script that runs the classic CLI (`subprocess.call(["azure", "vm", "create", ...])`, a command
line run by a shell, `os.system(...)`) is read as the same commands in a shell script are: its calls are
classic calls (MIG601, at the `azure` it runs), its migration steps are steps, and the VMs it creates are
described (MIG202 of a VM in two subnets, at the word that names them). It was not read at all: a folder
walk skipped it, and named on the command line it described nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, script_resources, where

from migcheck.model import Deployment, Script

CREATE_WORDS = '"azure", "vm", "create", "shop", "img", "ops", "-n", "web1", "-w", "appvnet", "-b", "web,app"'
CREATE_LINE = "azure vm create shop img ops -n web1 -w appvnet -b web,app"

# The same command, each way a Python script runs it.
RUNS = {
    "subprocess.call list": f"import subprocess\nsubprocess.call([{CREATE_WORDS}])\n",
    "check_output shell=True": f'import subprocess\nsubprocess.check_output("{CREATE_LINE}", shell=True)\n',
    "os.system": f'import os\nos.system("{CREATE_LINE}")\n',
    "imported by another name": f"from subprocess import check_call as sh\nsh([{CREATE_WORDS}])\n",
    "Popen of a list a variable holds": f"import subprocess\ncmd = [{CREATE_WORDS}]\nsubprocess.Popen(cmd)\n",
    "run of shlex.split": f'import shlex, subprocess\nsubprocess.run(shlex.split("{CREATE_LINE}"))\n',
}


def _vms(resources: tuple[object, ...]) -> list[tuple[str, str, tuple[str, ...]]]:
    return [
        (d.service_name, r.name, tuple(s.name for s in r.subnets))
        for d in resources
        if isinstance(d, Deployment)
        for r in d.roles
    ]


@pytest.mark.parametrize("how", RUNS)
def test_each_way_of_running_the_cli_describes_the_vm_as_the_shell_script_does(how: str) -> None:
    python = script_resources(RUNS[how], "deploy.py")
    shell = script_resources(CREATE_LINE + "\n", "deploy.sh")
    assert _vms(python) == _vms(shell) == [("shop", "web1", ("web", "app"))]
    (script,) = [r for r in python if isinstance(r, Script)]
    assert [c.name for c in script.calls] == ["azure vm create"]
    assert script.written_in == "Python"


def test_the_words_are_shown_where_the_list_writes_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {"deploy.py": RUNS["subprocess.call list"]}
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", "MIG601")
    at = CREATE_WORDS.index('"web,app"') + len("subprocess.call([") + 1
    assert sorted(where(result.findings)) == [f"MIG202 deploy.py:2:{at}", "MIG601 deploy.py:2:18"]
    (retired,) = [f for f in result.findings if f.code == "MIG601"]
    assert retired.message.startswith("Python script 'deploy.py' uses the classic Azure CLI")
    assert "az vm create" in (retired.fix or "") + retired.message


def test_migration_steps_a_shell_runs_are_steps() -> None:
    text = (
        "import subprocess\n"
        "subprocess.check_call('azure network vnet prepare-migration appvnet'"
        " ' && azure network vnet commit-migration appvnet', shell=True)\n"
    )
    (script,) = [r for r in script_resources(text, "migrate.py") if isinstance(r, Script)]
    assert [(s.step, s.target) for s in script.migration] == [("prepare", "appvnet"), ("commit", "appvnet")]


def test_a_value_the_script_does_not_state_is_a_stand_in_and_one_it_assigns_is_its_value() -> None:
    text = (
        "import os, sys\n"
        'SERVICE = "shop"\n'
        "name = sys.argv[1]\n"
        'os.system(f"azure vm create {SERVICE} img ops -n {name} -w appvnet -b web")\n'
        'os.system(f"azure vm create {SERVICE} img ops -n db -w appvnet -b web")\n'
    )
    assert _vms(script_resources(text, "deploy.py")) == [
        ("shop", "<VM name, deploy.py:4>", ("web",)),
        ("shop", "db", ("web",)),
    ]


def test_a_function_runs_at_each_call_with_the_words_it_is_given() -> None:
    text = (
        "import subprocess\n"
        "def create(name, subnets):\n"
        '    subprocess.call(["azure", "vm", "create", "shop", "img", "ops", "-n", name, "-w", "net", "-b", subnets])\n'
        'create("web1", "web")\n'
        'create("app1", "web,app")\n'
    )
    assert _vms(script_resources(text, "deploy.py")) == [
        ("shop", "web1", ("web",)),
        ("shop", "app1", ("web", "app")),
    ]


def test_a_script_that_runs_other_commands_or_the_new_cli_describes_nothing() -> None:
    text = 'import subprocess\nsubprocess.call(["az", "vm", "create", "-g", "rg", "-n", "web1"])\nsubprocess.call("ls")\n'
    assert script_resources(text, "deploy.py") == ()


def test_a_folder_walk_reads_such_a_script(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {"tools/deploy.py": RUNS["os.system"]}
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG601").findings) == [
        "MIG601 tools/deploy.py:2:11"
    ]


def test_a_vm_created_in_each_turn_of_a_while_loop_it_does_not_count_is_one_or_more() -> None:
    text = (
        "import subprocess, sys\n"
        "i = 0\n"
        "while i < int(sys.argv[1]):\n"
        '    subprocess.run(["azure", "vm", "create", "shop", "img", "ops", "-n", f"web{i}"])\n'
        "    i += 1\n"
    )
    (deployment,) = [d for d in script_resources(text, "deploy.py") if isinstance(d, Deployment)]
    assert [r.looped_over for r in deployment.roles] == ["the turns of `while i < int(sys.argv[1])`"]


def test_a_vm_created_for_each_item_of_a_list_it_does_not_write_out_is_one_or_more() -> None:
    text = (
        "import subprocess, sys\n"
        "for name in sys.argv[1:]:\n"
        '    subprocess.run(["azure", "vm", "create", "shop", "img", "ops", "-n", name])\n'
    )
    (deployment,) = [d for d in script_resources(text, "deploy.py") if isinstance(d, Deployment)]
    assert [r.looped_over for r in deployment.roles] == ["sys.argv[1:]"]


@pytest.mark.parametrize(
    "command",
    [
        '["azure", "network", "vnet", "commit-migration", vnet_name]',
        'f"azure network vnet commit-migration {vnet_name}", shell=True',
    ],
)
def test_a_step_given_a_name_nothing_in_the_script_assigns_fails_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    text = (
        "import subprocess\n"
        'for vnet in ["appvnet"]:\n'
        '    subprocess.check_call(["azure", "network", "vnet", "prepare-migration", vnet])\n'
        f"    subprocess.check_call({command})\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"migrate.py": text}, "MIG602")
    (failing,) = [f for f in result.findings if "fails at once" in f.message]
    assert where([failing])[0].startswith("MIG602 migrate.py:4:")
    assert "vnet_name, which nothing in the script assigns" in failing.message
    assert "NameError" in failing.message


def test_a_step_given_a_name_the_script_binds_somewhere_does_not_fail_at_once() -> None:
    text = (
        "import subprocess\n"
        "def commit(vnet_name):\n"
        '    subprocess.check_call(["azure", "network", "vnet", "commit-migration", vnet_name])\n'
        "from names import *\n"
        'subprocess.check_call(["azure", "network", "vnet", "abort-migration", other])\n'
    )
    (script,) = [r for r in script_resources(text, "migrate.py") if isinstance(r, Script)]
    assert [s.fails for s in script.migration] == ["", ""]


def test_names_bash_gives_meanings_of_its_own_are_the_script_s_plain_names() -> None:
    text = (
        "import subprocess\n"
        'IFS = "e"\n'
        "def read(eval):\n"
        '    subprocess.call(["azure", "vm", "create", "shop", "img", "ops", "-n", eval, "-w", "net", "-b", IFS])\n'
        'read("web1")\n'
    )
    assert _vms(script_resources(text, "deploy.py")) == [("shop", "web1", ("e",))]
