"""On a branch of an `if`, `elif`, `case` or `&&`/`||` a shell test chooses, a variable the test looks at has
the value the test proves there: empty where `[ -n "$VNET" ]`, `[ "$VNET" ]`, `[[ $VNET ]]` or `test -n
"$VNET"` fails (and where `-z` holds), set and not empty the other way, "prod" where `[ "$ENV" = prod ]` or
`case "$ENV" in prod)` holds (and where `!=` fails). A word built of it there is that value, and a later test
of it on that branch is decided (an arm it rules out never runs). Past the branches it is as it was before."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

CREATE = 'azure vm create svc img u p --vm-name vm1 -w "{network}"'


def no_subnet(tmp_path, monkeypatch, script: str):
    files = {"deploy.sh": "#!/bin/bash\n" + script}
    return lint_files(tmp_path, monkeypatch, files, "MIG203", dedent=False).findings


@pytest.mark.parametrize(
    "condition, empty_arm",
    [
        ('[ -n "$VNET" ]', "else"),
        ('[ "$VNET" ]', "else"),
        ("[[ $VNET ]]", "else"),
        ('test -n "$VNET"', "else"),
        ('[ -z "$VNET" ]', "then"),
        ('[ "$VNET" = "" ]', "then"),
    ],
)
def test_a_network_named_where_the_test_proves_it_empty_is_none(tmp_path, monkeypatch, condition, empty_arm):
    create = CREATE.format(network="$VNET")
    arms = (create, ":") if empty_arm == "then" else (":", create)
    script = f"if {condition}; then\n  {arms[0]}\nelse\n  {arms[1]}\nfi\n"
    assert no_subnet(tmp_path, monkeypatch, script) == []


def test_an_elif_s_arm_is_where_the_tests_before_it_failed(tmp_path, monkeypatch):
    script = (
        f'if [ -n "$VNET" ]; then\n  :\nelif [ "$X" = y ]; then\n  {CREATE.format(network="$VNET")}\nfi\n'
    )
    assert no_subnet(tmp_path, monkeypatch, script) == []


@pytest.mark.parametrize(
    "elif_condition",
    ['[ -n "$VNET" ]', '[ "$VNET" ]', '[ -z "$VNET" ] && false'],
    ids=["same-test", "same-value", "not-decided"],
)
def test_an_elif_the_tests_before_it_rule_out_never_runs(tmp_path, monkeypatch, elif_condition):
    create = CREATE.format(network="net1")
    script = f'if [ -n "$VNET" ]; then\n  :\nelif {elif_condition}; then\n  {create}\nfi\n'
    found = no_subnet(tmp_path, monkeypatch, script)
    assert len(found) == (elif_condition.endswith("false"))


def test_an_elif_the_tests_before_it_prove_runs_and_the_else_never(tmp_path, monkeypatch):
    create = CREATE.format(network="net1")
    script = f'if [ -n "$VNET" ]; then\n  :\nelif [ -z "$VNET" ]; then\n  :\nelse\n  {create}\nfi\n'
    assert no_subnet(tmp_path, monkeypatch, script) == []


def test_a_test_s_and_list_is_its_if(tmp_path, monkeypatch):
    script = f'[ -n "$VNET" ] || {CREATE.format(network="$VNET")}\n'
    assert no_subnet(tmp_path, monkeypatch, script) == []


@pytest.mark.parametrize(
    "script",
    [
        'if [ "$ENV" = prod ]; then\n  {create}\nfi\n',
        'if [ "$ENV" != prod ]; then\n  :\nelse\n  {create}\nfi\n',
        'case "$ENV" in\n  prod) {create} ;;\nesac\n',
    ],
    ids=["equal", "not-equal", "case"],
)
def test_a_word_built_where_the_test_proves_a_value_holds_it(tmp_path, monkeypatch, script):
    [finding] = no_subnet(tmp_path, monkeypatch, script.format(create=CREATE.format(network="$ENV-net")))
    assert "virtual network 'prod-net'" in finding.message


@pytest.mark.parametrize(
    "inner",
    ['if [ -z "$VNET" ]; then\n  {create}\nfi', 'test "$VNET" = "" && {create}'],
    ids=["if", "and-list"],
)
def test_an_arm_a_test_on_the_branch_rules_out_never_runs(tmp_path, monkeypatch, inner):
    script = f'if [ -n "$VNET" ]; then\n{inner.format(create=CREATE.format(network="net1"))}\nfi\n'
    assert no_subnet(tmp_path, monkeypatch, script) == []


def test_a_value_ruled_out_by_the_test_decides_a_case_on_it(tmp_path, monkeypatch):
    script = (
        'if [ "$ENV" = prod ]; then\n  case "$ENV" in\n'
        f"    dev) {CREATE.format(network='net1')} ;;\n"
        f"    prod) {CREATE.format(network='net2').replace('vm1', 'vm2')} ;;\n  esac\nfi\n"
    )
    [finding] = no_subnet(tmp_path, monkeypatch, script)
    assert "virtual network 'net2'" in finding.message


def test_past_the_branches_the_variable_is_as_before(tmp_path, monkeypatch):
    script = f'if [ -z "$VNET" ]; then\n  echo "no network"\nfi\n{CREATE.format(network="$VNET")}\n'
    [finding] = no_subnet(tmp_path, monkeypatch, script)
    assert where([finding]) == ["MIG203 deploy.sh:5:1"]


@pytest.mark.parametrize("first", ['[ "$VNET" ]', '[ -z "$VNET" ]'], ids=["set", "empty"])
def test_past_the_branches_a_value_the_script_reads_decides_no_later_test(tmp_path, monkeypatch, first):
    create = CREATE.format(network="net1")
    script = f'VNET=$(cat vnet.txt)\nif {first}; then\n  echo\nfi\nif [ -z "$VNET" ]; then\n  {create}\nfi\n'
    [finding] = no_subnet(tmp_path, monkeypatch, script)
    assert where([finding]) == ["MIG203 deploy.sh:7:3"]
