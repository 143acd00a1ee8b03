"""A shell condition was decided only in the `if` itself, and only as `true`, `:` or `false`: the `elif false`
arm, the body of `while false`, the command after `false &&`, and the `then` of `[ 1 = 0 ]`, `[ "a" = "b" ]`,
`[ 1 -eq 0 ]`, `test 1 = 0` or `! true` were read as code that may run, so the VM they create was reported
(MIG202) though it never can be. An Ansible `when: "{{ false }}"` or `when: not true` was undecided too. Each
is now decided as written, and a command that `false ||`, `true &&` or `if ! false` lets through surely runs;
a condition on anything the script does not write out (a variable) is never guessed."""

from __future__ import annotations

import pytest
from lint_support import APP_VNET_TWO_SUBNETS_NETCFG, lint_files, script_resources

from migcheck.model import Script

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
        f"if [ 1 -eq 0 ]; then\n  {_NEVER}\nfi\n{_MAYBE}\n",
        f"if [[ 1 -ne 1 ]]; then\n  {_NEVER}\nfi\n{_MAYBE}\n",
        f"[ 2 -lt 1 ] && {_NEVER}\n{_MAYBE}\n",
        f"if test 1 = 0; then\n  {_NEVER}\nfi\n{_MAYBE}\n",
        f"if ! true; then\n  {_NEVER}\nfi\n{_MAYBE}\n",
        f"! false || {_NEVER}\n{_MAYBE}\n",
    ],
)
def test_a_shell_condition_of_literals_that_fails_keeps_its_code_from_running(tmp_path, monkeypatch, script):
    assert _multiple_subnets(tmp_path, monkeypatch, "a.sh", "#!/bin/bash\n" + script) == ["contoso-maybe"]


@pytest.mark.parametrize(
    "condition",
    [
        '[ "$X" = "b" ]',
        "[ a = $X ]",
        "[[ a == a* ]]",
        '[ "a$X" = a ]',
        '[ "$N" -eq 0 ]',
        "[ 0x1 -eq 1 ]",
        'test "$X" = 0',
        "! [ -n $X ]",
    ],
)
def test_a_test_of_anything_the_script_does_not_write_out_is_not_decided(tmp_path, monkeypatch, condition):
    script = f"#!/bin/bash\nif {condition}; then\n  {_MAYBE}\nfi\n"
    assert _multiple_subnets(tmp_path, monkeypatch, "a.sh", script) == ["contoso-maybe"]


@pytest.mark.parametrize(
    "script",
    [
        f"false || {_MAYBE}\n",
        f"true && {_MAYBE}\n",
        f": && {_MAYBE}\n",
        f"if ! false; then\n  {_MAYBE}\nfi\n",
        f"if [ 1 -lt 2 ]; then\n  {_MAYBE}\nfi\n",
        f"if test a != b; then\n  {_MAYBE}\nfi\n",
    ],
)
def test_a_command_a_condition_of_literals_lets_through_surely_runs(script):
    # As a command written on its own line: nothing the script is run with keeps it from running.
    [script_read] = [r for r in script_resources("#!/bin/bash\n" + script, "a.sh") if isinstance(r, Script)]
    assert [call.runs for call in script_read.calls] == [""]


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
