"""`include_vars: {dir: vars}` was not read: the play's own values stood where the folder's files give
others. Each YAML or JSON file the run checks inside the folder is now loaded as Ansible loads them: folder
by folder in order of their paths, each one's files by name, a later value over an earlier one; in a role,
from the role's `vars/`, leaving its `main.yml` out. `depth:`, `extensions:` and file name patterns
(`files_matching:`, `ignore_files:`) written as plain text, `.`, `\\.`, `.*`, `^` and `$` choose the
files; any other pattern leaves every value the folder gives not stated. A folder outside the files checked
is never read."""

from __future__ import annotations

import pytest
from lint_support import RULES, lint_files

from migcheck.config import Config
from migcheck.engine import lint

CREATE = 'command: azure vm create {{ svc }} img u p -n {{ vm }} -l "North Europe"'
FOLDER = {
    "vars/a.yml": "svc: a-svc\nvm: a-vm\n",
    "vars/b.yml": "svc: b-svc\n",
    "vars/sub/c.yml": "vm: sub-vm\n",
    "vars/notes.txt": "svc: txt-svc\n",
}


def _playbook(options: str = "") -> str:
    return (
        "- hosts: localhost\n  vars:\n    svc: play-svc\n    vm: play-vm\n  tasks:\n"
        f"    - include_vars:\n        dir: vars\n{options}"
        f"    - {CREATE}\n"
    )


def _vms(result) -> list[tuple[str, str]]:
    """Each VM of the estate with its cloud service: (service, VM)."""
    return sorted(
        (service.name, role.name)
        for estate in result.estates
        for service in estate.cloud_services
        for placement in service.placements
        for role in placement.roles
    )


def test_the_folder_s_files_are_loaded_by_name_then_its_subfolders(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"site.yml": _playbook(), **FOLDER})
    assert _vms(result) == [("b-svc", "sub-vm")]


@pytest.mark.parametrize(
    ("options", "vm"),
    [
        ("        files_matching: '^a\\.yml$'\n", ("a-svc", "a-vm")),
        ("        ignore_files: [b.yml]\n", ("a-svc", "sub-vm")),
        ("        depth: 1\n", ("b-svc", "a-vm")),
        ("        files_matching: 'a.*'\n", ("a-svc", "a-vm")),
    ],
)
def test_the_options_written_out_choose_the_files(tmp_path, monkeypatch, options, vm):
    result = lint_files(tmp_path, monkeypatch, {"site.yml": _playbook(options), **FOLDER})
    assert _vms(result) == [vm]


def test_a_pattern_it_does_not_read_leaves_the_folder_s_values_not_stated(tmp_path, monkeypatch):
    options = "        files_matching: '^[ab]\\.yml$'\n"
    ((service, vm),) = _vms(lint_files(tmp_path, monkeypatch, {"site.yml": _playbook(options), **FOLDER}))
    assert service.startswith("<") and vm.startswith("<")


def test_a_role_s_folder_is_in_its_vars_and_its_main_yml_is_left_out(tmp_path, monkeypatch):
    files = {
        "site.yml": "- hosts: localhost\n  roles:\n    - web\n",
        "roles/web/tasks/main.yml": f"- include_vars:\n    dir: env\n- {CREATE}\n",
        "roles/web/vars/env/prod.yml": "svc: prod-svc\nvm: prod-vm\n",
        "roles/web/vars/env/main.yml": "vm: main-vm\n",
    }
    assert ("prod-svc", "prod-vm") in _vms(lint_files(tmp_path, monkeypatch, files))


def test_a_folder_outside_the_files_checked_is_not_read(tmp_path, monkeypatch):
    files = {"ops/site.yml": _playbook().replace("dir: vars", "dir: ../vars"), **FOLDER}
    lint_files(tmp_path, monkeypatch, files)
    assert _vms(lint(["ops"], Config(), RULES)) == [("play-svc", "play-vm")]
