"""A play's variable built of a loop's item (`vars: svc: "contoso-{{ item }}"`, a task that loops over
`[web, data]` and runs `azure vm create {{ svc }}`) is rendered where a task uses it, so each turn of the
loop gives its own: two cloud services, contoso-web and contoso-data, where one stand-in service was read
for both turns. One built of the task's own `vars:` made of the item already was; after the loop, with no
item, the variable is not stated again, not the last turn's."""

from __future__ import annotations

from lint_support import lint_files

PLAYBOOK = """\
- hosts: localhost
  vars:
    svc: "contoso-{{{{ {built_of} }}}}"
  tasks:
    - command: azure vm create {{{{ svc }}}} img u p --location "West US" -w hub --subnet-names front
      loop: [web, data]
{task_vars}"""


def _services(tmp_path, monkeypatch, text: str) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, {"site.yml": text}, dedent=False)
    return sorted(s.name for e in result.estates for s in e.cloud_services)


def test_a_play_variable_built_of_the_item_is_built_for_each_turn(tmp_path, monkeypatch) -> None:
    text = PLAYBOOK.format(built_of="item", task_vars="")
    assert _services(tmp_path, monkeypatch, text) == ["contoso-data", "contoso-web"]


def test_one_built_of_the_task_s_vars_made_of_the_item_is_too(tmp_path, monkeypatch) -> None:
    text = PLAYBOOK.format(built_of="tier", task_vars='      vars:\n        tier: "{{ item }}"\n')
    assert _services(tmp_path, monkeypatch, text) == ["contoso-data", "contoso-web"]


def test_after_the_loop_the_last_turn_s_value_is_gone(tmp_path, monkeypatch) -> None:
    text = PLAYBOOK.format(built_of="item", task_vars="")
    text += (
        '    - command: azure vm create {{ svc }} img u p --location "West US" -w hub --subnet-names front\n'
    )
    services = _services(tmp_path, monkeypatch, text)
    assert services[:2] == ["<DNS name, site.yml:7>", "contoso-data"]
    assert services[2:] == ["contoso-web"]
