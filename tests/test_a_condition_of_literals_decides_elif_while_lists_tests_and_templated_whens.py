"""A shell condition was decided only in the `if` itself, and only as `true`, `:` or `false`: the `elif false`
arm, the body of `while false`, the command after `false &&`, and the `then` of `[ 1 = 0 ]` or
`[ "a" = "b" ]` were read as code that may run, so the VM they create was reported (MIG202) though it never
can be. An Ansible `when: "{{ false }}"` or `when: not true` was undecided too. Each is now decided as
written; a condition on anything the script does not write out (a variable) is never guessed."""

from __future__ import annotations

import pytest
from lint_support import APP_VNET_TWO_SUBNETS_NETCFG, lint_files

_NEVER = "azure vm create contoso-never img ops Passw0rd! -w app-vnet -b web,data"
_MAYBE = "azure vm create contoso-maybe img ops Passw0rd! -w app-vnet -b web,data"


def _multiple_subnets(tmp_path, monkeypatch, name: str, text: str) -> list[str]:
    files = {name: text, "NetworkConfig.netcfg": APP_VNET_TWO_SUBNETS_NETCFG}
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", "MIG601")
    assert any(f.code == "MIG601" for f in result.findings)  # the calls are still the script's
    return sorted(f.message.split("'")[1] for f in result.findings if f.code == "MIG202")


@pytest.mark.parametrize(
    "script",
    [
        f'if [ -z "$X" ]; then\n  {_MAYBE}\nelif false; then\n  {_NEVER}\nfi\n',
        f'if [ -z "$X" ]; then\n  {_MAYBE}\nelif true; then\n  :\nelse\n  {_NEVER}\nfi\n',
        f"while false; do\n  {_NEVER}\ndone\n{_MAYBE}\n",
        f"until true; do\n  {_NEVER}\ndone\n{_MAYBE}\n",
        f"false && {_NEVER}\ntrue || {_NEVER}\n{_MAYBE}\n",
        f"[ 1 = 0 ] && {_NEVER}\n{_MAYBE}\n",
        f'if [ "a" = "b" ]; then\n  {_NEVER}\nelse\n  {_MAYBE}\nfi\n',
        f"if [[ 'a' != a ]]; then\n  {_NEVER}\nelse\n  {_MAYBE}\nfi\n",
    ],
)
def test_a_shell_condition_of_literals_that_fails_keeps_its_code_from_running(tmp_path, monkeypatch, script):
    assert _multiple_subnets(tmp_path, monkeypatch, "a.sh", "#!/bin/bash\n" + script) == ["contoso-maybe"]


@pytest.mark.parametrize(
    "condition",
    ['[ "$X" = "b" ]', "[ a = $X ]", "[[ a == a* ]]", '[ "a$X" = a ]', "[ 1 -eq 0 ]", "test 1 = 0"],
)
def test_a_test_of_anything_the_script_does_not_write_out_is_not_decided(tmp_path, monkeypatch, condition):
    script = f"#!/bin/bash\nif {condition}; then\n  {_MAYBE}\nfi\n"
    assert _multiple_subnets(tmp_path, monkeypatch, "a.sh", script) == ["contoso-maybe"]


def test_an_elif_of_literals_that_holds_leaves_the_arms_after_it_unrun(tmp_path, monkeypatch):
    script = f"""\
    #!/bin/bash
    if [ -z "$X" ]; then
      {_MAYBE}
    elif [ 1 = 1 ]; then
      {_MAYBE.replace("maybe", "elif")}
    else
      {_NEVER}
    fi
    """
    assert _multiple_subnets(tmp_path, monkeypatch, "a.sh", script) == ["contoso-elif", "contoso-maybe"]


@pytest.mark.parametrize("when", ['"{{ false }}"', "not true", '"{{ not True }}"', "not (not false)"])
def test_an_ansible_when_templated_or_negated_literal_never_runs(tmp_path, monkeypatch, when):
    playbook = f"""\
    - hosts: localhost
      tasks:
        - command: {_NEVER}
          when: {when}
        - command: {_MAYBE}
          when: not false
    """
    assert _multiple_subnets(tmp_path, monkeypatch, "s.yml", playbook) == ["contoso-maybe"]


@pytest.mark.parametrize("when", ['"{{ x }} and {{ false }}"', "not x", "nottrue", '"{{ false }}{{ x }}"'])
def test_an_ansible_when_on_a_variable_is_not_decided(tmp_path, monkeypatch, when):
    playbook = f"""\
    - hosts: localhost
      tasks:
        - command: {_MAYBE}
          when: {when}
    """
    assert _multiple_subnets(tmp_path, monkeypatch, "s.yml", playbook) == ["contoso-maybe"]
