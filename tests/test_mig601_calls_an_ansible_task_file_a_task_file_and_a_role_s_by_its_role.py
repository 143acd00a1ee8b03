"""MIG601 of an Ansible file of tasks (no play, no `hosts:`) called it "Ansible playbook 'main.yml'": it is a
task file, which a playbook includes, and a role's (`roles/<role>/tasks/main.yml`) is known by its role."""

from __future__ import annotations

from lint_support import lint_files

TASKS = """\
- name: Create the VM
  command: azure vm create shop img user pass -n web1 -l "North Europe"
"""
PLAYBOOK = "- hosts: localhost\n  tasks:\n" + "".join(f"    {line}\n" for line in TASKS.splitlines())


def _messages(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    return [f.message for f in lint_files(tmp_path, monkeypatch, files, "MIG601").findings]


def test_a_role_s_task_file_is_called_by_its_role(tmp_path, monkeypatch):
    (message,) = _messages(tmp_path, monkeypatch, {"roles/web/tasks/main.yml": TASKS})
    assert message.startswith("Ansible task file 'main.yml' of role 'web' uses the classic Azure CLI")


def test_a_task_file_of_no_role_is_called_a_task_file(tmp_path, monkeypatch):
    (message,) = _messages(tmp_path, monkeypatch, {"tasks/create.yml": TASKS})
    assert message.startswith("Ansible task file 'create.yml' uses the classic Azure CLI")


def test_a_playbook_is_still_called_a_playbook(tmp_path, monkeypatch):
    (message,) = _messages(tmp_path, monkeypatch, {"site.yml": PLAYBOOK})
    assert message.startswith("Ansible playbook 'site.yml' uses the classic Azure CLI")
