"""Two tests of one shell variable the script does not change between them (`if [ "$VNET" ]; then ...; fi;
...; if [ -z "$VNET" ]; then ...; fi`, or one `if` of a function the script calls twice) choose the same way
in a run: what the first runs where the variable is set never runs with what the second runs where it is
empty. A VM the second makes apart from the network the first names is not in that network (no MIG203);
where the script changes the variable between the tests, or an arm of the first does, they are two choices
again."""

from __future__ import annotations

import pytest
from lint_support import lint_files

WEB = 'azure vm create --connect svc --vm-name web -w "$VNET" -b s1 img u p'
DB = 'azure vm create --connect svc --vm-name db --location "West US" img u p'


def no_subnet(tmp_path, monkeypatch, script: str):
    files = {"deploy.sh": "#!/bin/bash\n" + script}
    return lint_files(tmp_path, monkeypatch, files, "MIG203", dedent=False).findings


@pytest.mark.parametrize(
    "second",
    ['[ -z "$VNET" ]', '[ "$VNET" = "" ]', 'test -z "$VNET"'],
    ids=["z", "equal-empty", "test"],
)
def test_a_vm_of_the_second_test_s_empty_arm_is_not_in_the_first_s_network(tmp_path, monkeypatch, second):
    script = f'if [ "$VNET" ]; then\n  {WEB}\nfi\necho between\nif {second}; then\n  {DB}\nfi\n'
    assert no_subnet(tmp_path, monkeypatch, script) == []


def test_a_function_s_test_is_the_same_choice_as_the_script_s(tmp_path, monkeypatch):
    script = (
        f'db() {{\n  if [ -z "$VNET" ]; then\n    {DB}\n  fi\n}}\n'
        f'if [ -n "$VNET" ]; then\n  {WEB}\nfi\ndb\ndb\n'
    )
    assert no_subnet(tmp_path, monkeypatch, script) == []


def test_an_and_list_s_test_is_the_same_choice_as_an_if_s(tmp_path, monkeypatch):
    script = f'[ -n "$VNET" ] && {WEB}\n[ -z "$VNET" ] && {DB}\n'
    assert no_subnet(tmp_path, monkeypatch, script) == []


@pytest.mark.parametrize(
    "between, in_first",
    [("VNET=$(cat vnet.txt)\n", ""), ("", "  VNET=\n"), ("", "  read VNET\n")],
    ids=["assigned-between", "emptied-in-the-arm", "read-in-the-arm"],
)
def test_a_variable_changed_after_the_first_test_makes_two_choices(tmp_path, monkeypatch, between, in_first):
    script = f'if [ "$VNET" ]; then\n  {WEB}\n{in_first}fi\n{between}if [ -z "$VNET" ]; then\n  {DB}\nfi\n'
    [finding] = no_subnet(tmp_path, monkeypatch, script)
    assert "VM 'db'" in finding.message
