"""A file of functions that another script loads and calls (`. .\\lib.ps1` then `New-WPVM -VNetName 'WP'
-Name web1`) is also checked on its own, where each function no call in it runs is read once, with values
it does not know: a VM `<VM name, lib.ps1:2>` on a network `<virtual network name, lib.ps1:4:48>`. When a
checked script runs the function at every call of its, with the values each passes, the script says what
it creates: the stand-ins of that read once are no resource of the estate. The file's other functions are
still read once, and so is the function when no checked script runs it (the editor's run too, when a script
that loads it appears or goes)."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.config import Config
from migcheck.engine import ReadCache, lint
from migcheck.plan import StepKind, build_plan
from migcheck.plugins import load_rules
from migcheck.store import DocumentStore

LIB = """\
function New-WPVM($VNetName, $Name) {
    New-AzureVMConfig -Name $Name -InstanceSize Small -ImageName img |
        Set-AzureSubnet Front |
        New-AzureVM -ServiceName svc -VNetName $VNetName
}
"""
DEPLOY = """\
. .\\lib.ps1
New-WPVM -VNetName 'WP' -Name web1
New-WPVM -VNetName 'WP' -Name web2
"""
# The network New-WPVM read once is put in: the stand-in of a value it does not know.
READ_ONCE = "<virtual network name, lib.ps1:4:48>"
OTHER = """\
function New-DbVM($VNetName) {
    New-AzureVMConfig -Name db1 -InstanceSize Small -ImageName img | New-AzureVM -ServiceName db -VNetName $VNetName
}
"""


def networks(result) -> dict[str, list[tuple[str, ...]]]:
    """The VMs of each cloud service the plan moves, by step name (a network's, a storage account's): not the
    storage accounts of their disks that no file names, which come after them."""
    steps = [
        step
        for step in build_plan(result).steps
        if not (step.kind is StepKind.STORAGE and step.name_unstated)
    ]
    return {step.name: [member.vms for member in step.members] for step in steps}


def test_the_function_a_script_runs_shows_only_the_vms_its_calls_create(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"lib.ps1": LIB, "deploy.ps1": DEPLOY}, dedent=False)
    assert networks(result) == {"WP": [("web1", "web2")]}


def test_a_function_no_script_runs_is_still_read_once(tmp_path, monkeypatch):
    files = {"lib.ps1": LIB + OTHER, "deploy.ps1": DEPLOY}
    steps = networks(lint_files(tmp_path, monkeypatch, files, dedent=False))
    assert steps["WP"] == [("web1", "web2")]
    others = [name for name in steps if name != "WP"]
    assert len(others) == 1 and others[0].startswith("<virtual network name, lib.ps1:7:")  # New-DbVM's


def test_without_a_script_that_runs_it_the_function_is_read_once(tmp_path, monkeypatch):
    steps = networks(lint_files(tmp_path, monkeypatch, {"lib.ps1": LIB}, dedent=False))
    assert list(steps) == [READ_ONCE]


def test_the_editor_s_runs_follow_a_script_that_runs_it_appearing_and_going(tmp_path, monkeypatch):
    (tmp_path / "lib.ps1").write_text(LIB, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    rules, cache = load_rules(), ReadCache()
    assert list(networks(lint(["."], Config(), rules, cache=cache))) == [READ_ONCE]
    (tmp_path / "deploy.ps1").write_text(DEPLOY, encoding="utf-8")
    assert networks(lint(["."], Config(), rules, cache=cache)) == {"WP": [("web1", "web2")]}
    assert networks(lint(["."], Config(), rules, cache=cache)) == {"WP": [("web1", "web2")]}
    (tmp_path / "deploy.ps1").unlink()
    assert list(networks(lint(["."], Config(), rules, cache=cache))) == [READ_ONCE]


def test_the_documents_the_store_kept_say_so_to_the_next_server(tmp_path, monkeypatch):
    project = tmp_path / "project"
    project.mkdir()
    for name, text in {"lib.ps1": LIB, "deploy.ps1": DEPLOY}.items():
        (project / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(project)
    rules, store_path = load_rules(), str(tmp_path / "store" / "documents.json")
    first = ReadCache(DocumentStore(store_path))
    assert networks(lint(["."], Config(), rules, cache=first)) == {"WP": [("web1", "web2")]}
    first.save()
    second = ReadCache(DocumentStore(store_path))  # the next server, which parses neither file
    assert networks(lint(["."], Config(), rules, cache=second)) == {"WP": [("web1", "web2")]}


SH_LIB = """\
deploy_vm() {
  azure vm create "$2" img user pass --vm-name "$2" --virtual-network-name "$1" --subnet-names Front
}
"""
SH_DEPLOY = """\
#!/bin/bash
source ./lib.sh
deploy_vm WP web1
deploy_vm WP web2
"""


def test_a_function_a_sourced_shell_file_defines_runs_at_each_call_of_the_script(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"lib.sh": SH_LIB, "deploy.sh": SH_DEPLOY}, dedent=False)
    assert networks(result) == {"WP": [("web1",), ("web2",)]}
    vms = [role for d in result.estate.documents for r in d.resources for role in getattr(r, "roles", ())]
    assert sorted((vm.name, vm.mark.path, vm.mark.line) for vm in vms) == [
        ("web1", "lib.sh", 2),
        ("web2", "lib.sh", 2),
    ]


def test_a_step_a_sourced_shell_function_takes_is_at_its_command_with_the_script_s_call(
    tmp_path, monkeypatch
):
    files = {
        "lib.sh": "step() {\n  azure network vnet $1-migration app-vnet\n}\n",
        "move.sh": "#!/bin/bash\nsource ./lib.sh\nstep commit\nstep prepare\n",
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False)
    assert where(result.findings) == ["MIG602 lib.sh:2:3"]
    assert result.findings[0].message.endswith("(run by the call at move.sh line 3)")


def test_a_function_of_a_shell_file_a_sourced_file_sources_is_not_followed(tmp_path, monkeypatch):
    files = {
        "lib.sh": SH_LIB,
        "wrapper.sh": "source ./lib.sh\n",
        "deploy.sh": SH_DEPLOY.replace("lib", "wrapper"),
    }
    assert "WP" not in networks(lint_files(tmp_path, monkeypatch, files, dedent=False))


# A library that reserves an IP and creates a storage account under the names its callers pass.
MADE = {
    "powershell": (
        "function New-Ip($Name) {\n    New-AzureReservedIP -ReservedIPName $Name -Location 'West Europe'\n}\n"
        "function New-Acct($Name) {\n"
        "    New-AzureStorageAccount -StorageAccountName $Name -Location 'West Europe' -Type Standard_GRS\n}\n",
        ". .\\lib.ps1\nNew-Ip web-ip\nNew-Acct acct1\n",
        ("lib.ps1", "deploy.ps1"),
    ),
    "shell": (
        'new_ip() {\n  azure network reserved-ip create "$1" westeurope\n}\n'
        'new_acct() {\n  azure storage account create "$1" -l westeurope --type GRS\n}\n',
        "#!/bin/bash\nsource ./lib.sh\nnew_ip web-ip\nnew_acct acct1\n",
        ("lib.sh", "deploy.sh"),
    ),
    "python": (
        "from azure.servicemanagement import ServiceManagementService\n"
        "sms = ServiceManagementService('sub', 'cert.pem')\n"
        "def new_ip(name):\n    sms.create_reserved_ip_address(name, location='West Europe')\n"
        "def new_acct(name):\n    sms.create_storage_account(name, 'd', 'l', location='West Europe')\n",
        "from lib import new_ip, new_acct\nnew_ip('web-ip')\nnew_acct('acct1')\n",
        ("lib.py", "deploy.py"),
    ),
}


@pytest.mark.parametrize("language", MADE)
def test_what_else_the_function_creates_is_what_the_calls_name(tmp_path, monkeypatch, language):
    lib, deploy, (lib_name, deploy_name) = MADE[language]
    result = lint_files(tmp_path, monkeypatch, {lib_name: lib, deploy_name: deploy}, dedent=False)
    assert [ip.name for ip in result.estate.reserved_ips] == ["web-ip"]
    assert sorted(networks(result)) == ["acct1", "web-ip"]  # the storage account's and reserved IP's steps
