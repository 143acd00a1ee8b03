"""A finding at a task of Ansible's classic `azure` module was given its fix in the classic CLI's words, the
module's task being read as the `azure vm create` it amounts to: MIG203 told the playbook's owner to give
the VM a subnet with `-b <subnet>` on `azure vm create`, which the module has no option for (a task naming
one is refused), and MIG105 to run `azure network reserved-ip create`. The module's findings now say what
the module can and cannot do, or keep the rule's own words; a task running the classic CLI itself
(`command: azure vm create ...`) keeps the CLI's."""

from __future__ import annotations

from lint_support import lint_files

MODULE_TASK = """\
- hosts: localhost
  tasks:
    - azure:
        name: web1
        image: img
        location: West Europe
        storage_account: webdisks
        user: ops
        password: x
        endpoints: '22'
{network}"""

COMMAND_TASK = """\
- hosts: localhost
  tasks:
    - command: azure vm create web1 img ops x -l "West Europe" -w prod-vnet
"""


def _fix(tmp_path, monkeypatch, text: str, code: str) -> str:
    [finding] = lint_files(tmp_path, monkeypatch, {"site.yml": text}, code, dedent=False).findings
    return finding.fix


def test_a_module_vm_in_a_network_is_told_the_module_cannot_give_it_a_subnet(tmp_path, monkeypatch) -> None:
    text = MODULE_TASK.format(network="        virtual_network_name: prod-vnet\n")
    fix = _fix(tmp_path, monkeypatch, text, "MIG203")
    assert "azure vm create" not in fix and "-b <subnet>" not in fix
    assert "no option" in fix and "azure_rm_virtualmachine" in fix


def test_a_module_vm_outside_a_network_is_not_told_of_the_classic_cli(tmp_path, monkeypatch) -> None:
    fix = _fix(tmp_path, monkeypatch, MODULE_TASK.format(network=""), "MIG105")
    assert "classic CLI" not in fix and "azure network reserved-ip" not in fix
    assert "New-AzureReservedIP -ServiceName" in fix


def test_a_task_running_the_classic_cli_keeps_the_cli_s_words(tmp_path, monkeypatch) -> None:
    fix = _fix(tmp_path, monkeypatch, COMMAND_TASK, "MIG203")
    assert "`-b <subnet>`" in fix
