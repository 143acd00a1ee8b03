"""A classic CLI change to a VM the script names by a value it does not state is made to the VM the script
creates under that same value, not to a stand-in VM in a cloud service of its own: a Fabric task creating
the VM by `configdict['vmname']` (of a table the module loads, or imports from another) and another adding
its endpoint, a PowerShell script creating it by `param($vm)` or `$config.vmname` and changing it in a
function, a shell script whose `vm create` is given `$1` beside an unquoted stated value bash splits (`$IMAGE` of `IMAGE="<your image>"`). A stand-in is made
only where no command creates the VM."""

from __future__ import annotations

import pytest
from lint_support import lint_files

ACL = "azure vm endpoint acl-rule create {vm} ssh 100 permit 198.51.100.0/24"

SCRIPTS = {
    "fabfile.py": (
        "import json\n"
        "import fabric.api\n"
        "\n"
        'configdict = json.load(open("config.json"))\n'
        "\n"
        "@fabric.api.task\n"
        "def create_virtualmachine():\n"
        "    fabric.api.local('azure vm create %s img ops --location \"West US\" -e -P'"
        " % configdict['vmname'])\n"
        "\n"
        "@fabric.api.task\n"
        "def add_acl():\n"
        f"    fabric.api.local('{ACL.format(vm='%s')}' % configdict['vmname'])\n"
    ),
    "tasks.py": (
        "import fabric.api\n"
        "from config import configdict\n"
        "\n"
        "@fabric.api.task\n"
        "def create_virtualmachine():\n"
        "    fabric.api.local('azure vm create %s img ops -l \"West US\" -e' % configdict['vmname'])\n"
        "\n"
        "@fabric.api.task\n"
        "def add_acl():\n"
        f"    fabric.api.local('{ACL.format(vm='%s')}' % configdict['vmname'])\n"
    ),
    "create.sh": (
        '#!/bin/bash\nIMAGE="<your image>"\n'
        'azure vm create -z Small -l "West Europe" $1 $IMAGE azureuser "Passw0rd!"\n'
        f"{ACL.format(vm='$1')}\n"
    ),
    "create.py": (
        "import os\nimport sys\n\n"
        'IMAGE = "<your image>"\n'
        "os.system('azure vm create -l \"West Europe\" %s %s azureuser pass' % (sys.argv[1], IMAGE))\n"
        f"os.system('{ACL.format(vm='%s')}' % sys.argv[1])\n"
    ),
    "param.ps1": (f'param($vm)\nazure vm create $vm img ops pass -l "West Europe"\n{ACL.format(vm="$vm")}\n'),
    "config.ps1": (
        "$config = Get-Content config.json | ConvertFrom-Json\n"
        'function New-Vm { azure vm create $config.vmname img ops pass -l "West Europe" }\n'
        f"function Add-Acl {{ {ACL.format(vm='$config.vmname')} }}\n"
        "New-Vm\nAdd-Acl\n"
    ),
    "functions.sh": (
        'create() {\n  azure vm create "$vm_name" img ops pass -l "West US"\n}\n'
        f"acl() {{\n  {ACL.format(vm=chr(34) + '$vm_name' + chr(34))}\n}}\n"
        "vm_name=$1\ncreate\nacl\n"
    ),
}
CREATED_AT = {
    name: next(i for i, line in enumerate(text.splitlines(), 1) if "vm create" in line)
    for name, text in SCRIPTS.items()
}


@pytest.mark.parametrize("name", SCRIPTS)
def test_the_acl_is_on_the_vm_the_script_creates(tmp_path, monkeypatch, name) -> None:
    found = lint_files(tmp_path, monkeypatch, {name: SCRIPTS[name]}, "MIG201", dedent=False).findings
    (acl,) = found
    created = f"{name}:{CREATED_AT[name]}"
    assert f"VM '<DNS name, {created}>' in cloud service '<DNS name, {created}>'" in acl.message


@pytest.mark.parametrize("name", SCRIPTS)
def test_the_plan_moves_one_cloud_service(plan_of, name) -> None:
    plan = plan_of({name: SCRIPTS[name]})
    services = [step for step in plan.steps if "DNS name" in step.id]
    assert len(services) == 1, [step.id for step in plan.steps]


def test_a_change_in_a_file_that_creates_no_vm_under_the_value_is_made_to_a_stand_in(
    tmp_path, monkeypatch
) -> None:
    script = 'IMAGE="<your image>"\nazure vm create -l "West Europe" $2 $IMAGE ops pass\n'
    script += ACL.format(vm="$1") + "\n"
    (acl,) = lint_files(tmp_path, monkeypatch, {"other.sh": script}, "MIG201", dedent=False).findings
    assert "VM '<VM name, other.sh:3>' in cloud service '<cloud service name, other.sh:3>'" in acl.message
