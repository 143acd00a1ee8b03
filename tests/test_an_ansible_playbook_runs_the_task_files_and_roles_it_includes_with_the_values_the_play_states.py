"""A playbook's `include_tasks:`/`import_tasks:` (and the old `include:`) of a task file beside it, and its
`roles:`/`include_role:`/`import_role:` of a role under `roles/<name>/`, run those tasks where the playbook
includes them, with the values the play states: its `vars:`, its `vars_files:`, a role's `defaults/main.yml`
and `vars/main.yml`, `set_fact:` of literal strings. Each task file was read on its own only, its values
unknown (`<cloud service name, create.yml:1>`). A task file a checked playbook includes is still checked on
its own, for its classic calls (MIG601 once, at the file's words), but what its own read with values it does
not know creates is left out. A file is included as a settings file is loaded (checked, inside the root, no
symbolic link), and never within itself."""

from __future__ import annotations

import os

import pytest
from lint_support import lint_files, where

CREATE = """\
- local_action: command azure vm create {{ svc }} img user pass -n {{ vm }} -l "North Europe"
"""


def _services(result) -> list[tuple[str, tuple[str, ...]]]:
    """The cloud services of the estate, each with the names of its VMs."""
    return sorted(
        (service.name, tuple(role.name for placement in service.placements for role in placement.roles))
        for estate in result.estates
        for service in estate.cloud_services
    )


@pytest.mark.parametrize(
    "include",
    [
        "- include_tasks: tasks/create.yml",
        "- import_tasks: tasks/create.yml",
        "- ansible.builtin.include_tasks:\n        file: tasks/create.yml",
        "- include: tasks/create.yml",
        "- { include: tasks/create.yml, sudo: true }",
    ],
)
def test_an_included_task_file_runs_with_the_play_s_values(tmp_path, monkeypatch, include):
    playbook = f"- hosts: localhost\n  vars:\n    svc: shop\n    vm: web1\n  tasks:\n    {include}\n"
    result = lint_files(tmp_path, monkeypatch, {"site.yml": playbook, "tasks/create.yml": CREATE})
    assert _services(result) == [("shop", ("web1",))]


def test_the_included_file_s_classic_calls_are_reported_once_at_its_own_words(tmp_path, monkeypatch):
    playbook = (
        "- hosts: localhost\n  vars: {svc: shop, vm: web1}\n  tasks:\n    - include_tasks: tasks/create.yml\n"
    )
    files = {"site.yml": playbook, "tasks/create.yml": CREATE}
    result = lint_files(tmp_path, monkeypatch, files, "MIG601")
    assert where(result.findings) == ["MIG601 tasks/create.yml:1:25"]


def test_a_task_file_no_playbook_includes_is_read_with_values_it_does_not_know(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"tasks/create.yml": CREATE})
    assert [name for name, _ in _services(result)] == ["<cloud service name, create.yml:1>"]


def test_the_task_s_vars_are_given_to_the_file_it_includes_only(tmp_path, monkeypatch):
    playbook = """\
    - hosts: localhost
      vars: {svc: shop}
      tasks:
        - include_tasks: tasks/create.yml
          vars: {vm: web1}
        - command: azure vm create shop img user pass -n {{ vm }}
    """
    result = lint_files(tmp_path, monkeypatch, {"site.yml": playbook, "tasks/create.yml": CREATE})
    (service,) = _services(result)
    assert (
        service[0] == "shop" and service[1][0] == "web1" and service[1][1].startswith("<VM name, site.yml:6")
    )


def test_a_role_runs_its_tasks_with_its_defaults_its_vars_and_the_play_s(tmp_path, monkeypatch):
    playbook = """\
    - hosts: localhost
      vars: {svc: shop, vm: web1}
      vars_files: [settings.yml]
      roles:
        - web
      tasks:
        - import_role:
            name: db
    """
    files = {
        "site.yml": playbook,
        "settings.yml": "region: North Europe\n",
        "roles/web/tasks/main.yml": "- include_tasks: create.yml\n",
        "roles/web/tasks/create.yml": 'command: azure vm create {{ svc }} i u p -n {{ vm }} -l "{{ region }}"\n',
        "roles/db/defaults/main.yml": "vm: default-db\nsize: Small\n",
        "roles/db/vars/main.yml": "svc: data\n",
        "roles/db/tasks/main.yml": "- command: azure vm create {{ svc }} i u p -n {{ vm }}-{{ size }}\n",
    }
    files["roles/web/tasks/create.yml"] = "- " + files["roles/web/tasks/create.yml"]
    result = lint_files(tmp_path, monkeypatch, files)
    # The play's `vm` wins over the role's default; the role's `vars` over the play's.
    assert _services(result) == [("data", ("web1-Small",)), ("shop", ("web1",))]


def test_set_fact_states_a_literal_and_forgets_a_computed_value(tmp_path, monkeypatch):
    playbook = """\
    - hosts: localhost
      vars: {svc: old, vm: web1}
      tasks:
        - set_fact:
            svc: shop
        - include_tasks: tasks/create.yml
        - set_fact:
            vm: "{{ lookup('env', 'VM') }}"
        - include_tasks: tasks/create.yml
    """
    result = lint_files(tmp_path, monkeypatch, {"site.yml": playbook, "tasks/create.yml": CREATE})
    (service,) = _services(result)
    assert service[0] == "shop" and service[1][0] == "web1" and service[1][1].startswith("<VM name")


def test_files_that_include_each_other_are_read_once_each_way(tmp_path, monkeypatch):
    files = {
        "site.yml": "- hosts: all\n  vars: {svc: shop, vm: web1}\n  tasks:\n    - include_tasks: a.yml\n",
        "a.yml": "- include_tasks: b.yml\n- include_tasks: a.yml\n- include_tasks: site.yml\n",
        "b.yml": CREATE + "- include_tasks: a.yml\n",
    }
    result = lint_files(tmp_path, monkeypatch, files)
    assert ("shop", ("web1",)) in _services(result)


def test_a_task_file_reached_through_a_symbolic_link_is_not_included(tmp_path, monkeypatch):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "create.yml").write_text(CREATE, encoding="utf-8")
    root = tmp_path / "repo"
    root.mkdir()
    os.symlink(outside, root / "tasks")
    playbook = (
        "- hosts: all\n  vars: {svc: shop, vm: web1}\n  tasks:\n    - include_tasks: tasks/create.yml\n"
    )
    result = lint_files(root, monkeypatch, {"site.yml": playbook})
    assert _services(result) == []


def test_a_helm_template_that_includes_another_is_not_reported_as_yaml_that_does_not_parse(
    tmp_path, monkeypatch
):
    template = (
        'metadata:\n  labels:\n    {{- include "chart.labels" . | nindent 4 }}\nroles: {{ .Values.roles }}\n'
    )
    result = lint_files(tmp_path, monkeypatch, {"chart/templates/deployment.yaml": template})
    assert result.findings == []


@pytest.mark.parametrize("include", ["include", "import_playbook", "ansible.builtin.import_playbook"])
def test_a_playbook_another_imports_is_read_once_on_its_own(tmp_path, monkeypatch, include):
    files = {
        "site.yml": f"- {include}: make.yml\n",
        "make.yml": "- hosts: all\n  vars: {svc: shop, vm: web1}\n  tasks:\n    - include_tasks: tasks/create.yml\n",
        "tasks/create.yml": CREATE,
    }
    result = lint_files(tmp_path, monkeypatch, files)
    assert _services(result) == [("shop", ("web1",))]
