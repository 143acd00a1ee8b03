"""An Ansible loop over items written as mappings (`with_items: [{n: fe1, set: as-a}]`, `{{ item.n }}`) was
read as a loop over items not written out, and a plain task's own `vars:` were not read at all, so the VMs
they name were stand-ins and their blockers were missed. Each mapping item now runs with its fields
(`item.n`, `item['n']`), a task's `vars:` give their values over the play's, and a finding about a value an
item gives points at the item, as a shell `for` loop's does."""

from __future__ import annotations

from lint_support import APP_VNET_TWO_SUBNETS_NETCFG, lint_files, where

_CREATE = "azure vm create --connect contoso-fe img ops Passw0rd! -w app-vnet -b web"


def test_a_loop_over_mappings_gives_each_item_s_fields(tmp_path, monkeypatch):
    playbook = f"""\
    - hosts: localhost
      tasks:
        - command: azure vm create contoso-fe img ops Passw0rd! -l "North Europe" -w app-vnet -b web -n fe0 -A as-a
        - command: {_CREATE} -n {{{{ item.n }}}} -A {{{{ item['set'] }}}}
          with_items:
            - {{ n: fe1, set: as-a }}
            - {{ n: fe2, set: as-b }}
    """
    files = {"web.yml": playbook, "NetworkConfig.netcfg": APP_VNET_TWO_SUBNETS_NETCFG}
    result = lint_files(tmp_path, monkeypatch, files, "MIG102")
    assert [f.message for f in result.findings] == [
        "cloud service 'contoso-fe' has 2 availability sets ('as-a', 'as-b'); 'as-b' holds 'fe2'"
    ]
    assert where(result.findings) == ["MIG102 web.yml:7:26"]  # at `as-b` in the second item


def test_a_task_s_own_vars_give_their_values_over_the_play_s(tmp_path, monkeypatch):
    playbook = """\
    - hosts: localhost
      vars:
        subnets: web
      tasks:
        - command: azure vm create contoso-tv img ops Passw0rd! -l "North Europe" -w app-vnet -b {{ subnets }}
          vars:
            subnets: web,data
        - command: azure vm create contoso-play img ops Passw0rd! -l "North Europe" -w app-vnet -b {{ subnets }}
    """
    files = {"s.yml": playbook, "NetworkConfig.netcfg": APP_VNET_TWO_SUBNETS_NETCFG}
    result = lint_files(tmp_path, monkeypatch, files, "MIG202")
    assert [f.message for f in result.findings] == [
        "VM 'contoso-tv' of cloud service 'contoso-tv' is in 2 subnets (web, data)"
    ]


def test_a_with_dict_value_s_finding_points_at_the_entry(tmp_path, monkeypatch):
    playbook = """\
    - hosts: localhost
      tasks:
        - command: azure vm create {{ item.key }} img ops Passw0rd! -l "North Europe" -w app-vnet -b {{ item.value }}
          with_dict:
            contoso-d1: web
            contoso-d2: web,data
    """
    files = {"d.yml": playbook, "NetworkConfig.netcfg": APP_VNET_TWO_SUBNETS_NETCFG}
    result = lint_files(tmp_path, monkeypatch, files, "MIG202")
    assert where(result.findings) == ["MIG202 d.yml:6:25"]  # at `data` of `web,data`


def test_an_included_file_s_finding_about_the_including_loop_s_item_stays_in_that_file(tmp_path, monkeypatch):
    playbook = """\
    - hosts: localhost
      tasks:
        - include_tasks: vm.yml
          loop: [web, "web,data"]
    """
    tasks = """\
    - command:
        argv: [azure, vm, create, contoso-inc, img, ops, pw, -w, app-vnet, -b, "{{ item }}"]
    """
    files = {"site.yml": playbook, "vm.yml": tasks, "NetworkConfig.netcfg": APP_VNET_TWO_SUBNETS_NETCFG}
    result = lint_files(tmp_path, monkeypatch, files, "MIG202")
    assert [f.location.path for f in result.findings if f.location] == ["vm.yml"]
