"""A Python helper that runs the command it is given (`def run(cmd): subprocess.check_call(cmd)`, a method
`self.execute(cmd)` running `subprocess.Popen(" ".join(command), shell=True)`, `os.system(line)`) was not
followed: only a `*args` helper naming `azure` itself was, so a script calling `run(["azure", "vm",
"create", ...])` was said to be no classic file. Each call now runs the command it gives the helper."""

from __future__ import annotations

import pytest
from lint_support import lint_files

CREATE = '["azure", "vm", "create", "shop", "img", "u", "p", "-n", "web1", "-l", "West US"]'
SCRIPTS = {
    "check_call": f"def run(cmd):\n    subprocess.check_call(cmd)\n\nrun({CREATE})\n",
    "Popen, kept in a variable": (
        "def execute(command):\n"
        "    p = subprocess.Popen(command)\n"
        "    return p.wait() == 0\n\n"
        f"cmd = {CREATE}\n"
        "ok = execute(cmd)\n"
    ),
    "method joining the words for a shell": (
        "class Cloud(object):\n"
        "    def execute(self, command):\n"
        "        p = subprocess.Popen(' '.join(command), shell=True)\n"
        "        return p.wait() == 0\n\n"
        "    def create_vm(self):\n"
        f"        cmd = {CREATE}\n"
        "        return self.execute(cmd)\n\n"
        "Cloud().create_vm()\n"
    ),
    "os.system of a line": (
        "def sh(line, quiet=True):\n"
        "    return os.system(line)\n\n"
        'sh("azure vm create shop img u p -n web1 -l NorthEurope")\n'
    ),
    "given by name": f"def run(verbose, cmd):\n    subprocess.call(cmd)\n\nrun(cmd={CREATE}, verbose=True)\n",
    "handed on to another helper": (
        "def _run(cmd):\n    subprocess.check_call(cmd)\n\n"
        "def run(label, cmd):\n    print(label)\n    return _run(cmd)\n\n"
        f'run("create", {CREATE})\n'
    ),
}


@pytest.mark.parametrize("shape", list(SCRIPTS))
def test_the_helper_s_call_creates_the_vm_its_command_names(tmp_path, monkeypatch, shape):
    script = "import os\nimport subprocess\n\n" + SCRIPTS[shape]
    result = lint_files(tmp_path, monkeypatch, {"provision.py": script})
    assert [f.code for f in result.findings if f.code == "MIG601"] == ["MIG601"]
    (estate,) = result.estates
    services = [(s.name, [r.name for p in s.placements for r in p.roles]) for s in estate.cloud_services]
    assert services == [("shop", ["web1"])]


def test_a_helper_given_a_command_of_another_tool_creates_nothing(tmp_path, monkeypatch):
    script = (
        "import subprocess\n\n" + 'def run(cmd):\n    subprocess.check_call(cmd)\n\nrun(["ls", "azure"])\n'
    )
    result = lint_files(tmp_path, monkeypatch, {"provision.py": script})
    assert not [f for f in result.findings if f.code == "MIG601"]
