"""A Jinja value passed through a filter (`{{ env | upper }}`, `| lower`, `| trim`, `| replace('a', 'b')`,
`| default('app-vnet')` of a variable the play does not set) was a value the file does not state, though the
play states what goes in. It is now the text the filter gives, in a command line, in a variable built of
others and in the classic module's options alike; a variable the play sets keeps its value through
`default`. Any other filter (`regex_replace`), and a task's registered result, still give a value not
stated."""

from __future__ import annotations

import pytest
from lint_support import lint_files

VARS = "    env: Prod\n    host: ' Web 1 '\n"


def _playbook(task: str, more_vars: str = "") -> str:
    return f"- hosts: localhost\n  vars:\n{VARS}{more_vars}  tasks:\n    - {task}\n"


def _vms(result) -> list[tuple[str, str]]:
    """Each VM of the estate: its cloud service and its name."""
    return sorted(
        (service.name, role.name)
        for estate in result.estates
        for service in estate.cloud_services
        for placement in service.placements
        for role in placement.roles
    )


def _networks(result) -> list[str]:
    return sorted(network.name for estate in result.estates for network in estate.virtual_networks)


def test_upper_lower_and_trim_give_the_filtered_text_in_a_command_line(tmp_path, monkeypatch):
    task = 'command: azure vm create {{ env | lower }}-svc img u p -n "{{ host | trim | upper }}" -l "North Europe"'
    result = lint_files(tmp_path, monkeypatch, {"site.yml": _playbook(task)})
    assert _vms(result) == [("prod-svc", "WEB 1")]


def test_a_variable_built_of_a_filtered_one_is_the_text_it_gives(tmp_path, monkeypatch):
    task = 'command: azure vm create {{ svc }} img u p -n web1 -l "North Europe"'
    more = "    svc: \"{{ env | replace('P', 'p') }}-{{ host | trim | upper | replace(' ', '') }}\"\n"
    result = lint_files(tmp_path, monkeypatch, {"site.yml": _playbook(task, more)})
    assert _vms(result) == [("prod-WEB1", "web1")]


@pytest.mark.parametrize(("more_vars", "network"), [("", "app-vnet"), ("    vnet: prod-vnet\n", "prod-vnet")])
def test_a_default_gives_its_text_only_where_the_play_sets_no_value(
    tmp_path, monkeypatch, more_vars, network
):
    task = "command: azure vm create shop img u p -n web1 -l 'North Europe' -w {{ vnet | default('app-vnet') }} -b web"
    result = lint_files(tmp_path, monkeypatch, {"site.yml": _playbook(task, more_vars)})
    assert _networks(result) == [network]


def test_the_classic_module_s_options_take_the_filtered_text(tmp_path, monkeypatch):
    task = 'azure:\n        name: "{{ env | lower }}"\n        image: img\n        location: North Europe'
    result = lint_files(tmp_path, monkeypatch, {"site.yml": _playbook(task)})
    assert _vms(result) == [("prod", "prod")]


@pytest.mark.parametrize(
    "name",
    ["{{ env | regex_replace('P', 'p') }}", "{{ env | lower | truncate(3) }}", "{{ out.stdout | trim }}"],
)
def test_another_filter_or_a_registered_result_is_still_not_stated(tmp_path, monkeypatch, name):
    task = f'command: azure vm create "{name}" img u p -n web1 -l "North Europe"'
    playbook = _playbook(task).replace(
        "  tasks:\n", "  tasks:\n    - command: cat name.txt\n      register: out\n"
    )
    ((service, _),) = _vms(lint_files(tmp_path, monkeypatch, {"site.yml": playbook}))
    assert service.startswith("<")
