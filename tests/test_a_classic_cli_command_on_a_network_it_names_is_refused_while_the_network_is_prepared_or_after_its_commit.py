"""A classic CLI command that changes a virtual network it names (its gateway: `network vpn-gateway create`,
`delete`, `shared-key set|reset`; its subnets and local sites: `network vnet subnet create|set|delete`,
`vnet local-network add|remove`, `vnet delete`) changes that network (MIG602): between its Prepare and its
Commit or Abort the platform refuses it ("is in the process of being migrated and hence cannot be changed"),
and after its Commit the Service Management API no longer finds the network. A command that rewrites the
network configuration is said once while a network is prepared, as a change to the whole configuration; a
shell script, an Ansible task and a CI step run the same commands."""

from __future__ import annotations

import pytest
from lint_support import lint_files

PREPARED = """\
#!/bin/sh
azure network vnet validate-migration prod
azure network vnet prepare-migration prod
{command}
azure network vnet commit-migration prod
"""
COMMITTED = """\
#!/bin/sh
azure network vnet validate-migration prod
azure network vnet prepare-migration prod
azure network vnet commit-migration prod
{command}
"""
GATEWAY = [
    "azure network vpn-gateway create prod -t StaticRouting",
    "azure network vpn-gateway delete prod",
    "azure network vpn-gateway shared-key set prod -t office -k secret",
    "azure network vpn-gateway shared-key reset prod -t office -l 32",
]
CONFIGURATION = [
    "azure network vnet subnet create prod extra -a 10.0.9.0/24",
    "azure network vnet subnet set prod app -a 10.0.1.0/25",
    "azure network vnet subnet delete prod app -q",
    "azure network vnet local-network add prod office",
    "azure network vnet local-network remove prod office",
    "azure network vnet delete prod -q",
]


def _said(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False)
    return [
        f"{f.location.path}:{f.location.line} {f.message.partition(': ')[2].partition(' at line')[0]}"
        for f in result.findings
        if f.location
    ]


@pytest.mark.parametrize("command", GATEWAY)
def test_a_change_to_a_prepared_networks_gateway_is_refused(tmp_path, monkeypatch, command):
    name = command.partition(" prod")[0]
    assert _said(tmp_path, monkeypatch, {"migrate.sh": PREPARED.format(command=command)}) == [
        f"migrate.sh:4 {name} changes virtual network 'prod' after azure network vnet prepare-migration"
    ]


@pytest.mark.parametrize("command", GATEWAY + CONFIGURATION)
def test_a_change_to_a_committed_network_fails(tmp_path, monkeypatch, command):
    name = command.partition(" prod")[0]
    does = (
        "deletes virtual network 'prod'" if name.endswith("vnet delete") else "changes virtual network 'prod'"
    )
    assert _said(tmp_path, monkeypatch, {"migrate.sh": COMMITTED.format(command=command)}) == [
        f"migrate.sh:5 {name} {does} after azure network vnet commit-migration"
    ]


def test_a_subnet_made_while_the_network_is_prepared_is_said_once(tmp_path, monkeypatch):
    command = CONFIGURATION[0]
    assert _said(tmp_path, monkeypatch, {"migrate.sh": PREPARED.format(command=command)}) == [
        "migrate.sh:4 azure network vnet subnet create changes the network configuration of the subscription "
        "after azure network vnet prepare-migration"
    ]


def test_an_ansible_task_and_a_ci_step_run_the_same_commands(tmp_path, monkeypatch):
    playbook = """\
- hosts: localhost
  tasks:
    - command: azure network vnet validate-migration prod
    - command: azure network vnet prepare-migration prod
    - command: azure network vnet commit-migration prod
    - command: azure network vnet subnet create prod extra -a 10.0.9.0/24
"""
    pipeline = """\
trigger: none
steps:
  - bash: |
      azure network vnet prepare-migration prod
      azure network vpn-gateway create prod -t StaticRouting
      azure network vnet commit-migration prod
"""
    said = _said(tmp_path, monkeypatch, {"site.yml": playbook, "azure-pipelines.yml": pipeline})
    assert said == [
        "azure-pipelines.yml:5 azure network vpn-gateway create changes virtual network 'prod' after azure "
        "network vnet prepare-migration",
        "site.yml:6 azure network vnet subnet create changes virtual network 'prod' after azure network vnet "
        "commit-migration",
    ]
