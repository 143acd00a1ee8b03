"""A Python script that hands itself over to a script file of the repository (`os.execv("./tools/create",
["./tools/create", "websvc"])`, `os.execvp`, `os.execl("./tools/create", "./tools/create", "websvc")`, their
`e` forms that end in the environment) or starts one beside it (`os.spawnv(os.P_WAIT, ...)`,
`os.posix_spawn(path, argv, env)`) runs that file with the words past its argv[0], as
`subprocess.check_call(["./tools/create", "websvc"])` does: the file is read where it is run, with those
words as its arguments. After an exec the process is the file's: nothing of the script below it runs. Before,
such a call ran nothing the reader followed."""

from __future__ import annotations

import pytest
from lint_support import lint_files

CREATE = """\
#!/usr/bin/env python3
import argparse
from azure.servicemanagement import LinuxConfigurationSet, OSVirtualHardDisk, ServiceManagementService

parser = argparse.ArgumentParser()
parser.add_argument("service")
args = parser.parse_args()
sms = ServiceManagementService("sub", "cert.pem")
system = LinuxConfigurationSet("web1", "azureuser", "secret", False)
disk = OSVirtualHardDisk("img", "https://acct1.blob.core.windows.net/vhds/web1.vhd")
sms.create_virtual_machine_deployment(args.service, args.service, "production", "web1", "web1", system, disk)
"""
RUNS = {
    "execv": 'os.execv("./tools/create", ["./tools/create", "websvc"])',
    "execv of a list assigned": 'argv = ["./tools/create", "websvc"]\nos.execv("./tools/create", argv)',
    "execvp": 'os.execvp("./tools/create", ("create", "websvc"))',
    "execve": 'os.execve("./tools/create", ["create", "websvc"], dict(os.environ))',
    "execv of the interpreter": 'os.execv(sys.executable, [sys.executable, "tools/create", "websvc"])',
    "execl": 'os.execl("./tools/create", "./tools/create", "websvc")',
    "execlp": 'os.execlp("./tools/create", "create", "websvc")',
    "execle": 'os.execle("./tools/create", "create", "websvc", os.environ)',
    "spawnv": 'os.spawnv(os.P_WAIT, "./tools/create", ["create", "websvc"])',
    "spawnlp": 'os.spawnlp(os.P_WAIT, "./tools/create", "create", "websvc")',
    "posix_spawn": 'os.posix_spawn("./tools/create", ["create", "websvc"], os.environ)',
    "imported by name": 'from os import execv\nexecv("./tools/create", ["create", "websvc"])',
}


def _services(tmp_path, monkeypatch, run: str) -> list[str]:
    """The cloud services MIG105 (a deployment in no virtual network) names."""
    files = {"run.py": f"import os, sys\n{run}\n", "tools/create": CREATE}
    result = lint_files(tmp_path, monkeypatch, files, "MIG105", dedent=False)
    return [f.message.split("cloud service ", 1)[1].split("' ", 1)[0].strip("'") for f in result.findings]


@pytest.mark.parametrize("run", list(RUNS.values()), ids=list(RUNS))
def test_the_file_run_is_read_with_the_words_past_its_argv0(tmp_path, monkeypatch, run: str) -> None:
    assert _services(tmp_path, monkeypatch, run) == ["websvc"]


TEARDOWNS = {
    "classic CLI": (
        'subprocess.check_call(["azure", "vm", "create", "svc2", "img", "u", "p", "-n", "lab2", "-l", "West US"])',
        'subprocess.check_call(["azure", "service", "delete", "svc2", "-q"])',
    ),
    "SDK": (
        'sms = ServiceManagementService("sub", "cert.pem")\n'
        'disk = OSVirtualHardDisk("img", "https://acct1.blob.core.windows.net/vhds/lab2.vhd")\n'
        'sms.create_virtual_machine_deployment("svc2", "svc2", "production", "svc2", "lab2",'
        ' LinuxConfigurationSet("lab2", "u", "p"), disk)',
        'sms.delete_deployment("svc2", "svc2")',
    ),
}


@pytest.mark.parametrize("teardown", list(TEARDOWNS.values()), ids=list(TEARDOWNS))
def test_a_teardown_after_an_exec_never_runs(tmp_path, monkeypatch, teardown: tuple[str, str]) -> None:
    """What follows the exec is read as code that may not run, as what follows `sys.exit(0)` is: its
    deletions delete nothing."""
    build, remove = teardown
    imports = "import subprocess\nfrom azure.servicemanagement import *\n"
    run = f'{imports}{build}\nos.execv("./tools/create", ["./tools/create", "websvc"])\n{remove}'
    assert sorted(_services(tmp_path, monkeypatch, run)) == ["svc2", "websvc"]


def test_a_spawned_file_leaves_the_script_running(tmp_path, monkeypatch) -> None:
    run = (
        'os.spawnv(os.P_WAIT, "./tools/create", ["create", "websvc"])\n'
        'subprocess.check_call(["./tools/create", "datasvc"])'
    )
    assert sorted(_services(tmp_path, monkeypatch, f"import subprocess\n{run}")) == ["datasvc", "websvc"]
