"""A play variable built of another (`subnets: "{{ tier }},BackEnd"`) was rendered once, with the play's
values: a task whose own `vars:` give `tier` another value still read the play's text, and MIG202 quoted
subnets the task never names. Ansible renders it where the task uses it, so it is now built again of the
task's values while the task runs, at any remove (a variable built of one built of `tier`); a `set_fact:`
is rendered once, where it runs. Findings stay at the `{{ var }}` template and quote the value the task
gives; after the task, the play's value is back."""

from __future__ import annotations

from lint_support import lint_files

CREATE = (
    "shell: azure vm create {svc} img admin 'P@ss' --vm-name {vm} --virtual-network-name contoso"
    ' --subnet-names {{{{ subnets }}}} --location "West Europe"'
)


def _playbook(play_vars: str, task_vars: str) -> str:
    return (
        f"- hosts: localhost\n  vars:\n{play_vars}  tasks:\n"
        f"    - {CREATE.format(svc='ansvc1', vm='an1')}\n"
        f"      vars:\n{task_vars}"
        f"    - {CREATE.format(svc='ansvc2', vm='an2')}\n"
    )


def _messages(result) -> list[str]:
    return [f"{f.location.line}: {f.message}" for f in result.findings if f.location]


def test_the_task_s_value_is_the_one_quoted_and_the_play_s_is_back_after_it(tmp_path, monkeypatch):
    playbook = _playbook("    subnets: FrontEnd\n", "        subnets: FrontEnd,BackEnd\n")
    result = lint_files(tmp_path, monkeypatch, {"site.yml": playbook}, "MIG202")
    assert _messages(result) == ["5: VM 'an1' of cloud service 'ansvc1' is in 2 subnets (FrontEnd, BackEnd)"]


def test_a_play_variable_built_of_one_the_task_gives_takes_the_task_s_value(tmp_path, monkeypatch):
    play = "    tier: FrontEnd\n    pair: '{{ tier }},BackEnd'\n    subnets: '{{ pair }}'\n"
    result = lint_files(tmp_path, monkeypatch, {"site.yml": _playbook(play, "        tier: Web\n")}, "MIG202")
    assert _messages(result) == [
        "7: VM 'an1' of cloud service 'ansvc1' is in 2 subnets (Web, BackEnd)",
        "10: VM 'an2' of cloud service 'ansvc2' is in 2 subnets (FrontEnd, BackEnd)",
    ]


def test_a_set_fact_is_rendered_once_where_it_runs(tmp_path, monkeypatch):
    playbook = (
        "- hosts: localhost\n  vars:\n    tier: FrontEnd\n  tasks:\n"
        "    - set_fact:\n        subnets: '{{ tier }},BackEnd'\n"
        f"    - {CREATE.format(svc='ansvc1', vm='an1')}\n"
        "      vars:\n        tier: Web\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"site.yml": playbook}, "MIG202")
    assert _messages(result) == ["7: VM 'an1' of cloud service 'ansvc1' is in 2 subnets (FrontEnd, BackEnd)"]
