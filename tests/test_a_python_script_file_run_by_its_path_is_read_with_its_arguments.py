"""A Python script file of the repository run by its path alone, no interpreter named, is started by the
program its `#!` line names, as the cluster builders of that day were (`../common/azure-coreos-cluster websvc`
in a shell script, a Makefile recipe, a Dockerfile `RUN` or a CI step; `.\\tools\\create.py websvc` in
PowerShell, which Windows runs with Python by the file's extension; `subprocess.check_call(["./tools/create",
"websvc"])` in Python, or `[sys.executable, "tools/create.py", "websvc"]`, `os.system("python3 tools/create.py
websvc")`, where the Python script running it names nothing of Azure): it is read where it is run, with the
words given as its arguments, as `python tools/create websvc` is. Before, the file was read alone, its
arguments unknown (`<cloud service name, create:9>`), and the script that runs it held nothing classic."""

from __future__ import annotations

import pytest
from lint_support import lint_files

CREATE = """\
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
    "shell-env-python": ("deploy.sh", "./tools/create websvc\n", "tools/create", "#!/usr/bin/env python3\n"),
    "shell-versioned": ("deploy.sh", "tools/create.py websvc\n", "tools/create.py", "#!/usr/bin/python2.7\n"),
    "makefile": ("Makefile", "deploy:\n\t./tools/create websvc\n", "tools/create", "#!/usr/bin/python\n"),
    "dockerfile": (
        "Dockerfile",
        "FROM python:3\nRUN ./tools/create websvc\n",
        "tools/create",
        "#!/usr/bin/python\n",
    ),
    "ci-step": (
        ".github/workflows/deploy.yml",
        "on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./tools/create websvc\n",
        "tools/create",
        "#!/usr/bin/env python\n",
    ),
    "python-by-path": (
        "run.py",
        'import subprocess\nsubprocess.check_call(["./tools/create", "websvc"])\n',
        "tools/create",
        "#!/usr/bin/env python3\n",
    ),
    "python-sys-executable": (
        "run.py",
        'import subprocess, sys\nsubprocess.run([sys.executable, "tools/create.py", "websvc"])\n',
        "tools/create.py",
        "",
    ),
    "python-os-system": (
        "run.py",
        'import os\nos.system("python3 tools/create.py websvc")\n',
        "tools/create.py",
        "",
    ),
    "powershell-by-extension": ("deploy.ps1", ".\\tools\\create.py websvc\n", "tools/create.py", ""),
    "powershell-call-operator": (
        "deploy.ps1",
        "& ./tools/create.py websvc\n",
        "tools/create.py",
        "#!/usr/bin/python3\n",
    ),
}


def _services(tmp_path, monkeypatch, runner: str, run: str, script: str, shebang: str) -> list[str]:
    """The cloud services MIG105 (a deployment in no virtual network) names."""
    files = {runner: run, script: shebang + CREATE}
    result = lint_files(tmp_path, monkeypatch, files, "MIG105", dedent=False)
    return [f.message.split("cloud service ", 1)[1].split("' ", 1)[0].strip("'") for f in result.findings]


@pytest.mark.parametrize(("runner", "run", "script", "shebang"), list(RUNS.values()), ids=list(RUNS))
def test_the_script_run_by_its_path_is_read_with_the_words_given(
    tmp_path, monkeypatch, runner, run, script, shebang
) -> None:
    assert _services(tmp_path, monkeypatch, runner, run, script, shebang) == ["websvc"]


def test_a_shell_runs_a_py_file_with_no_python_line_as_a_shell_script(tmp_path, monkeypatch) -> None:
    """Started by its path with no `#!` line, the file is run by the shell, which fails on Python's code."""
    found = _services(tmp_path, monkeypatch, "deploy.sh", "./tools/create.py websvc\n", "tools/create.py", "")
    assert "websvc" not in found
