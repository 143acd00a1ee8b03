"""An `os` exec a Python script imports under another name (`from os import execv as run`, `import os as o`
then `o.execvp(...)`), or `exit` imported from `sys`, is the plain form: the file it runs is read with the words
past its argv[0], and nothing of the script below it runs. So is the script running itself again
(`os.execv(sys.argv[0], sys.argv)`): what follows never runs. Before, `run(...)` ran the file with no words
(its service a stand-in), and the script's teardown after `run(...)` or `o.execv(...)` was read as running,
so the VM it deleted was missing from the plan."""

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
BUILD = (
    'sms = ServiceManagementService("sub", "cert.pem")\n'
    'disk = OSVirtualHardDisk("img", "https://acct1.blob.core.windows.net/vhds/lab2.vhd")\n'
    'sms.create_virtual_machine_deployment("svc2", "svc2", "production", "svc2", "lab2",'
    ' LinuxConfigurationSet("lab2", "u", "p"), disk)\n'
)
TEARDOWN = 'sms.delete_deployment("svc2", "svc2")\n'
RUNS = {
    "execv imported as run": (
        "from os import execv as run\n",
        'run("./tools/create", ["create", "websvc"])\n',
    ),
    "os imported as o": ("import os as o\n", 'o.execvp("./tools/create", ["create", "websvc"])\n'),
    "execl of os imported as o": ("import os as o\n", 'o.execl("./tools/create", "create", "websvc")\n'),
}


def _services(tmp_path, monkeypatch, script: str, create: bool = True) -> list[str]:
    """The cloud services MIG105 (a deployment in no virtual network) names."""
    files = {"run.py": script, **({"tools/create": CREATE} if create else {})}
    result = lint_files(tmp_path, monkeypatch, files, "MIG105", dedent=False)
    return sorted(
        f.message.split("cloud service ", 1)[1].split("' ", 1)[0].strip("'") for f in result.findings
    )


@pytest.mark.parametrize(("imports", "run"), list(RUNS.values()), ids=list(RUNS))
def test_the_file_is_run_with_its_words_and_the_teardown_after_never_runs(
    tmp_path, monkeypatch, imports, run
):
    script = f"from azure.servicemanagement import *\n{imports}{BUILD}{run}{TEARDOWN}"
    assert _services(tmp_path, monkeypatch, script) == ["svc2", "websvc"]


@pytest.mark.parametrize(
    ("imports", "ends"),
    [
        ("import os, sys\n", "os.execv(sys.argv[0], sys.argv)\n"),
        ("import sys\nfrom os import execv as again\n", "again(sys.argv[0], sys.argv)\n"),
        ("from sys import exit\n", "exit(0)\n"),
        ("from sys import exit as stop\n", "stop(0)\n"),
    ],
    ids=["itself", "itself-under-another-name", "sys-exit-imported", "sys-exit-imported-as"],
)
def test_what_follows_the_script_s_own_end_never_runs(tmp_path, monkeypatch, imports, ends):
    script = f"from azure.servicemanagement import *\n{imports}{BUILD}{ends}{TEARDOWN}"
    assert _services(tmp_path, monkeypatch, script, create=False) == ["svc2"]
