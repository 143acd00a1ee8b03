"""A classic command one ssh hands on to another (`ssh jump ssh web azure …`) runs on the last host, and
MIG601 says so; a `--` that ends either ssh's options (`ssh jump -- ssh web -- azure …`) changes nothing of
that, in a shell script, a CI step, an Ansible task, PowerShell or Python alike, where with the `--` it was
said to run "on another machine (ssh)"."""

from __future__ import annotations

import pytest
from lint_support import lint_files

COMMANDS = [
    "ssh jump ssh web azure vm shutdown web1",
    "ssh jump -- ssh web -- azure vm shutdown web1",
    "ssh jump -- ssh web azure vm shutdown web1",
    "ssh jump ssh web -- azure vm shutdown web1",
    "ssh -p 2222 -- jump ssh -- web azure vm shutdown web1",
]

FILES = {
    "run.sh": "#!/bin/bash\n{}\n",
    ".github/workflows/ci.yml": "on: push\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      - run: {}\n",
    "site.yml": "- hosts: all\n  tasks:\n    - shell: {}\n",
    "run.ps1": "{}\n",
    "run.py": "import subprocess\nsubprocess.run({!r})\n",
}


@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize("command", COMMANDS)
def test_the_command_is_said_on_the_last_host(tmp_path, monkeypatch, name, command):
    given = command.split() if name.endswith(".py") else command
    files = {name: FILES[name].format(given)}
    result = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False)
    [finding] = result.findings
    assert "(azure vm shutdown on web)" in finding.message
