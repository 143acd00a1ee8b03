"""A virtual network an Ansible task gives by a variable with an empty default (`virtual_network_name: "{{
vnet | default(omit) }}"` of the classic module, which leaves the option out, `default('')`, or `-w "{{ vnet |
default('') }}"` on a command line) was read as surely a network: the VM may be in none (MIG105 says it
may), as a shell script's `${VNET:-}` is; so is one whose empty default goes through a filter that keeps
an empty text empty (`{{ vnet | default('') | upper }}`), which was read as surely none. A default the play
states, or a variable it states, is that network, through the filters after the default."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

MODULE = """\
- hosts: localhost
  tasks:
    - azure:
        name: box1
        image: img
        location: West US
        storage_account: acct1
        user: ops
        password: "P@ss"
        virtual_network_name: {vnet}
"""

COMMAND = """\
- hosts: localhost
  tasks:
    - command: azure vm create box1 img u p --location "West US" -w {vnet} --subnet-names front
"""


def _mig105(tmp_path, monkeypatch, text: str) -> list[tuple[str, str]]:
    findings = lint_files(tmp_path, monkeypatch, {"site.yml": text}, "MIG105", dedent=False).findings
    return [(where([f])[0], f.message) for f in findings]


@pytest.mark.parametrize(
    ("text", "vnet"),
    [
        (MODULE, '"{{ vnet | default(omit) }}"'),
        (MODULE, "\"{{ vnet | default('') }}\""),
        (COMMAND, "\"{{ vnet | default('') }}\""),
        (COMMAND, "\"{{ vnet | d('', true) }}\""),
        (MODULE, "\"{{ vnet | default('') | upper }}\""),
        (COMMAND, "\"{{ vnet | default('') | lower | trim }}\""),
    ],
)
def test_a_network_with_an_empty_default_may_be_none(tmp_path, monkeypatch, text: str, vnet: str) -> None:
    [(_, message)] = _mig105(tmp_path, monkeypatch, text.replace("{vnet}", vnet))
    assert "may be in no virtual network" in message


@pytest.mark.parametrize(
    ("text", "vnet"),
    [
        (MODULE, '"{{ vnet }}"'),
        (MODULE, "\"{{ vnet | default('hub') }}\""),
        (COMMAND, '"{{ vnet }}"'),
        (COMMAND, '"{{ vnet | default(omit) }}"'),
    ],
)
def test_a_network_the_play_gives_otherwise_is_a_network(tmp_path, monkeypatch, text: str, vnet: str) -> None:
    assert _mig105(tmp_path, monkeypatch, text.replace("{vnet}", vnet)) == []


def test_a_variable_the_play_states_is_that_network(tmp_path, monkeypatch) -> None:
    text = MODULE.replace("{vnet}", '"{{ vnet | default(omit) }}"').replace(
        "  tasks:", "  vars:\n    vnet: hub\n  tasks:"
    )
    assert _mig105(tmp_path, monkeypatch, text) == []


def test_a_variable_the_play_states_goes_through_the_filters_after_its_default(tmp_path, monkeypatch) -> None:
    text = COMMAND.replace("{vnet}", "\"{{ vnet | default('') | upper }}\"").replace(
        "  tasks:", "  vars:\n    vnet: hub\n  tasks:"
    )
    result = lint_files(tmp_path, monkeypatch, {"site.yml": text}, dedent=False)
    assert not [f for f in result.findings if f.code == "MIG105"]
    networks = {
        p.virtual_network.name for e in result.estates for c in e.cloud_services for p in c.placements
    }
    assert networks == {"HUB"}
