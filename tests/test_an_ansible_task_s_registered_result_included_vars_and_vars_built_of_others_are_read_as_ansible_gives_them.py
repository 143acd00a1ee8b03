"""Values an Ansible playbook gives a classic command through other tasks and variables:

- a task's registered result (`register: out`, then `{{ out.stdout }}` or `{{ out }}`) is what a command
  printed when the playbook ran: a value the file does not state, said as an unread part (registered-output),
  where `{{ out }}` was read as the literal a play variable of that name gives;
- `include_vars: file.yml` (`file:`, and `name:` for the variable that holds them) loads the file's variables,
  as `vars_files:` does, where they were values not stated;
- a variable built of others (`svc: "{{ prefix }}-svc"`, `vm: "{{ host }}"`) is the text they give it, where
  it was a value not stated; one built of itself through others, or of a variable nothing states
  (`{{ inventory_hostname }}`), stays one not stated."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, run_cli

CREATE = 'command: azure vm create {{ svc }} img user pass -n {{ vm }} -l "North Europe"'


def _services(result) -> list[tuple[str, tuple[str, ...]]]:
    """The cloud services of the estate, each with the names of its VMs."""
    return sorted(
        (service.name, tuple(role.name for placement in service.placements for role in placement.roles))
        for estate in result.estates
        for service in estate.cloud_services
    )


REGISTERED = """\
- hosts: localhost
  vars:
    svc: shop
    vnet: app-vnet
  tasks:
    - name: Find the network
      command: cat network.txt
      register: vnet
    - command: azure vm create {{ svc }} img user pass -n web1 -l "North Europe" -w {{ vnet }}
    - command: azure vm create {{ svc }} img user pass -n web2 -l "North Europe" -w {{ vnet.stdout | trim }}
"""


def test_a_registered_result_is_no_literal_and_is_said_where_a_command_reads_it(
    tmp_path, monkeypatch, capsys
):
    result = lint_files(tmp_path, monkeypatch, {"site.yml": REGISTERED})
    assert all(network.name != "app-vnet" for estate in result.estates for network in estate.virtual_networks)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    parts = [part for sub in json.loads(out)["subscriptions"] for part in sub.get("unread_parts", [])]
    assert [(p["line"], p["column"], p["why"]) for p in parts] == [
        (9, 85, "registered-output"),
        (10, 85, "registered-output"),
    ]


@pytest.mark.parametrize(
    "include",
    [
        "include_vars: names.yml",
        "ansible.builtin.include_vars:\n        file: names.yml",
        "include_vars:\n        file: names.yml\n        name: names",
    ],
)
def test_include_vars_loads_the_file_s_variables(tmp_path, monkeypatch, include):
    prefix = "names." if "name: names" in include else ""
    create = CREATE.replace("{{ svc }}", f"{{{{ {prefix}svc }}}}").replace(
        "{{ vm }}", f"{{{{ {prefix}vm }}}}"
    )
    playbook = f"- hosts: localhost\n  tasks:\n    - {include}\n    - {create}\n"
    files = {"site.yml": playbook, "names.yml": "svc: shop\nvm: web1\n"}
    assert _services(lint_files(tmp_path, monkeypatch, files)) == [("shop", ("web1",))]


def test_a_role_s_include_vars_loads_the_file_from_the_role_s_vars_folder(tmp_path, monkeypatch):
    files = {
        "site.yml": "- hosts: localhost\n  roles:\n    - web\n",
        "roles/web/tasks/main.yml": f"- include_vars: names.yml\n- {CREATE}\n",
        "roles/web/vars/names.yml": "svc: shop\nvm: web1\n",
    }
    assert ("shop", ("web1",)) in _services(lint_files(tmp_path, monkeypatch, files))


def test_a_variable_built_of_others_is_the_text_they_give_it(tmp_path, monkeypatch):
    playbook = (
        "- hosts: localhost\n  vars:\n    svc: '{{ prefix }}-svc'\n    vm: '{{ host }}'\n    prefix: shop\n"
        f"    host: web1\n  tasks:\n    - {CREATE}\n"
    )
    assert _services(lint_files(tmp_path, monkeypatch, {"site.yml": playbook})) == [("shop-svc", ("web1",))]


def test_a_variable_built_of_itself_or_of_one_nothing_states_is_not_stated(tmp_path, monkeypatch):
    playbook = (
        "- hosts: localhost\n  vars:\n    svc: '{{ other }}'\n    other: '{{ svc }}'\n"
        f"    vm: '{{{{ inventory_hostname }}}}'\n  tasks:\n    - {CREATE}\n"
    )
    ((service, (vm,)),) = _services(lint_files(tmp_path, monkeypatch, {"site.yml": playbook}))
    assert service.startswith("<") and vm.startswith("<")


def test_a_set_fact_built_of_the_value_before_it_is_that_value_extended(tmp_path, monkeypatch):
    playbook = (
        "- hosts: localhost\n  vars:\n    svc: shop\n    vm: web1\n  tasks:\n"
        "    - set_fact:\n        svc: '{{ svc }}-eu'\n"
        f"    - {CREATE}\n"
    )
    assert _services(lint_files(tmp_path, monkeypatch, {"site.yml": playbook})) == [("shop-eu", ("web1",))]
