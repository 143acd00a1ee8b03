"""A Python script that creates a VM by an attribute of a config object it loads once (`cfg.vmname` of
`cfg = load_config()` at the module's level, in a `with` block too, or `self.config.vmname` of a
`self.config` its class's `__init__` sets once) and changes it by the same attribute in another function
changes the VM it creates, as `configdict['vmname']` of a table loaded once does: one VM, not a stand-in in a
cloud service of its own. An object the script changes, or sets again, is not one value."""

from __future__ import annotations

import pytest
from lint_support import lint_files

CREATE = "azure vm create %s img ops --location 'West US' -e -P"
ACL = "azure vm endpoint acl-rule create %s ssh 100 permit 198.51.100.0/24"

MODULE_CONFIG = (
    "import fabric.api\n"
    "from settings import load_config\n"
    "\n"
    "cfg = load_config()\n"
    "\n"
    "@fabric.api.task\n"
    "def create_virtualmachine():\n"
    f'    fabric.api.local("{CREATE}" % cfg.vmname)\n'
    "\n"
    "@fabric.api.task\n"
    "def add_acl():\n"
    f'    fabric.api.local("{ACL}" % cfg.vmname)\n'
)
WITH_CONFIG = (
    "import json\n"
    "import subprocess\n"
    "\n"
    'with open("config.json") as f:\n'
    "    cfg = json.load(f)\n"
    "\n"
    "def create():\n"
    f'    subprocess.check_call("{CREATE}" % cfg.vmname, shell=True)\n'
    "\n"
    "def add_acl():\n"
    f'    subprocess.check_call("{ACL}" % cfg.vmname, shell=True)\n'
    "\n"
    "create()\n"
    "add_acl()\n"
)
CLASS_CONFIG = (
    "import json\n"
    "import subprocess\n"
    "\n"
    "class Deployer:\n"
    "    def __init__(self, path):\n"
    "        self.config = json.load(open(path))\n"
    "\n"
    "    def create(self):\n"
    f'        subprocess.check_call("{CREATE}" % self.config.vmname, shell=True)\n'
    "\n"
    "    def add_acl(self):\n"
    f'        subprocess.check_call("{ACL}" % self.config.vmname, shell=True)\n'
)
SCRIPTS = {"fabfile.py": MODULE_CONFIG, "deploy.py": WITH_CONFIG, "deployer.py": CLASS_CONFIG}


def _line(text: str, command: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if command in line)


@pytest.mark.parametrize("name", SCRIPTS)
def test_the_acl_is_on_the_vm_the_script_creates(tmp_path, monkeypatch, name) -> None:
    (acl,) = lint_files(tmp_path, monkeypatch, {name: SCRIPTS[name]}, "MIG201", dedent=False).findings
    created = f"{name}:{_line(SCRIPTS[name], 'vm create')}"
    assert f"VM '<DNS name, {created}>' in cloud service '<DNS name, {created}>'" in acl.message


@pytest.mark.parametrize(
    "script",
    [
        MODULE_CONFIG.replace("def add_acl():\n", 'def add_acl():\n    cfg.vmname = "other"\n'),
        CLASS_CONFIG.replace(
            "    def add_acl(self):\n", "    def add_acl(self):\n        self.config = {}\n"
        ),
    ],
    ids=["attribute set again", "object set again"],
)
def test_an_object_the_script_changes_names_a_stand_in(tmp_path, monkeypatch, script) -> None:
    (acl,) = lint_files(tmp_path, monkeypatch, {"changed.py": script}, "MIG201", dedent=False).findings
    at = f"changed.py:{_line(script, 'acl-rule')}"
    assert f"VM '<VM name, {at}>' in cloud service '<cloud service name, {at}>'" in acl.message
