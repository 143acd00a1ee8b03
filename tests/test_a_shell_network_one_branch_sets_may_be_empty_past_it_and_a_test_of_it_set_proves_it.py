"""A shell script's network or subnet left to an empty default (`${VNET:-}`) and set on one branch only (`if
[ "$prod" = 1 ]; then VNET=prodnet; fi`) was a network the script does not state past the `if`, though the
other path leaves it empty; and a test that proves it set (`if [ -n "$VNET" ]`, `[ -n "$VNET" ] && ...`) did
not: the VM created there was said to be maybe in no network. A value may be empty now wherever any path may
leave it so, and is never empty where a `-n` or `-z` test proves it set, in that branch (MIG105 for a network,
MIG203 for a subnet), as PowerShell's `$null` and Python's None are read."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

CREATE = (
    'azure vm create box1 img ops Passw0rd! --location "West US" --virtual-network-name {vnet} -b {subnet}\n'
)


def _lint(tmp_path, monkeypatch, script):
    files = {"vm.sh": "#!/bin/bash\n" + script}
    return lint_files(tmp_path, monkeypatch, files, "MIG105", "MIG203", dedent=False).findings


def test_a_network_set_on_one_branch_may_be_none_past_it(tmp_path, monkeypatch):
    script = 'if [ "$PROD" = 1 ]; then VNET=prodnet; fi\n' + CREATE.format(vnet='"${VNET:-}"', subnet="front")
    findings = _lint(tmp_path, monkeypatch, script)
    assert where(findings) == ["MIG105 vm.sh:3:1"]
    assert "may be in no virtual network" in findings[0].message


def test_a_subnet_set_on_one_branch_may_be_none_past_it(tmp_path, monkeypatch):
    script = '[ "$PROD" = 1 ] && SUBNET=front\n' + CREATE.format(vnet="prodnet", subnet='"${SUBNET:-}"')
    findings = _lint(tmp_path, monkeypatch, script)
    assert where(findings) == ["MIG203 vm.sh:3:1"]
    assert "is in virtual network 'prodnet' but may have no subnet" in findings[0].message


def test_a_subnet_left_to_an_empty_default_may_be_none(tmp_path, monkeypatch):
    findings = _lint(tmp_path, monkeypatch, CREATE.format(vnet="prodnet", subnet='"${SUBNET:-}"'))
    assert where(findings) == ["MIG203 vm.sh:2:1"]


@pytest.mark.parametrize(
    "script",
    [
        'VNET="${VNET:-}"\nif [ -n "$VNET" ]; then\n  '
        + CREATE.format(vnet='"$VNET"', subnet="front")
        + "fi\n",
        "if [[ -n ${VNET:-} ]]; then\n  " + CREATE.format(vnet='"${VNET:-}"', subnet="front") + "fi\n",
        'if [ -z "${VNET:-}" ]; then\n  echo "no network"\nelse\n  '
        + CREATE.format(vnet='"${VNET:-}"', subnet="front")
        + "fi\n",
        'if test -n "${VNET-}"; then\n  ' + CREATE.format(vnet='"${VNET-}"', subnet="front") + "fi\n",
        '[ -n "${VNET:-}" ] && ' + CREATE.format(vnet='"${VNET:-}"', subnet="front"),
        '[ -z "${VNET:-}" ] || ' + CREATE.format(vnet='"${VNET:-}"', subnet="front"),
    ],
)
def test_a_network_a_test_proves_set_is_that_network_in_its_branch(tmp_path, monkeypatch, script):
    assert _lint(tmp_path, monkeypatch, script) == []


@pytest.mark.parametrize(
    "default",
    [
        'if [ -z "$VNET" ]; then\n  VNET=hub\nfi\n',
        '[ -z "$VNET" ] && VNET=hub\n',
        'if [ -n "$VNET" ]; then\n  :\nelse\n  VNET=hub\nfi\n',
    ],
)
def test_a_network_given_a_value_wherever_a_test_finds_it_empty_is_a_network(tmp_path, monkeypatch, default):
    script = 'VNET="${VNET:-}"\n' + default + CREATE.format(vnet='"$VNET"', subnet="front")
    assert _lint(tmp_path, monkeypatch, script) == []


def test_past_the_branch_a_test_proves_it_set_in_it_may_be_none_again(tmp_path, monkeypatch):
    script = 'if [ -n "${VNET:-}" ]; then\n  echo "network $VNET"\nfi\n' + CREATE.format(
        vnet='"${VNET:-}"', subnet="front"
    )
    assert where(_lint(tmp_path, monkeypatch, script)) == ["MIG105 vm.sh:5:1"]
