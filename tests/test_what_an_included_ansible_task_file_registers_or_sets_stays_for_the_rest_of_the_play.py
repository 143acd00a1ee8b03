"""What an included task file registers (`register: net`) or sets (`set_fact:`) is a fact of the host for the
rest of the play, as Ansible keeps it. Where the task including the file gave it `vars:`, both were dropped
when the file ended: a name those `vars:` also gave went back to the play's literal (`-w app-vnet`, where
the network is what a command printed), and a `set_fact:` of any other name was forgotten."""

from __future__ import annotations

import json

from lint_support import lint_files, run_cli

LOOKUP = "- name: Find the network\n  shell: azure network vnet list --json\n  register: net\n"


def _playbook(include: str, command: str) -> str:
    return (
        "- hosts: localhost\n  vars:\n    net: app-vnet\n    svc: shop\n  tasks:\n"
        f"    - {include}\n"
        f"    - shell: {command}\n"
    )


def test_a_result_the_included_file_registers_is_not_the_play_s_literal_after_it(
    tmp_path, monkeypatch, capsys
):
    include = "include_tasks: tasks/lookup.yml\n      vars:\n        net: staging-vnet"
    command = "azure vm create shop img u p -n web1 -l 'North Europe' -w {{ net }}"
    files = {"site.yml": _playbook(include, command), "tasks/lookup.yml": LOOKUP}
    result = lint_files(tmp_path, monkeypatch, files)
    networks = {network.name for estate in result.estates for network in estate.virtual_networks}
    assert "app-vnet" not in networks and "staging-vnet" not in networks
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    parts = [part for sub in json.loads(out)["subscriptions"] for part in sub.get("unread_parts", [])]
    assert [(p["path"], p["line"], p["why"]) for p in parts] == [("site.yml", 9, "registered-output")]


def test_a_fact_the_included_file_sets_stays_after_it(tmp_path, monkeypatch):
    include = "import_tasks: tasks/naming.yml\n      vars:\n        region: eu"
    command = "azure vm create {{ svc }} img u p -n web1 -l 'North Europe'"
    files = {
        "site.yml": _playbook(include, command),
        "tasks/naming.yml": "- set_fact:\n    svc: 'shop-{{ region }}'\n",
    }
    result = lint_files(tmp_path, monkeypatch, files)
    services = sorted(service.name for estate in result.estates for service in estate.cloud_services)
    assert services == ["shop-eu"]
