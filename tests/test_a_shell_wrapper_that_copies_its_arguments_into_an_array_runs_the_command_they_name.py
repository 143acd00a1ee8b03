"""A shell wrapper that copies its arguments into an array before it runs them (`azure_call() { for param; do
params+=("${param}"); done; azure "${params[@]}"; }`, as kubernetes' classic Azure provider does) was not read
at all: the `for` with no list was not read as a loop over the function's arguments, and an array grown with
`+=` lost every word as soon as one of them was not stated. Each stated word is now kept, and one not stated
is a word of its own; an `azure` run with a command the script does not state at all is a classic call whose
command is a part not read."""

from __future__ import annotations

import pytest
from lint_support import lint_files, script_resources, unread_marks

from migcheck.model import UNSTATED_COMMAND_LINE, Script

WRAPPER = 'azure_call() {\n  local -a params=()\n  for param; do params+=("${param}"); done\n  azure "${params[@]}"\n}\n'


def _placed(tmp_path, monkeypatch, script: str) -> list[tuple[str | None, str | None, list[str]]]:
    result = lint_files(tmp_path, monkeypatch, {"util.sh": "#!/bin/bash\n" + script})
    (estate,) = result.estates
    return [
        (s.name, p.virtual_network and p.virtual_network.name, [r.name for r in p.roles])
        for s in estate.cloud_services
        for p in s.placements
    ]


def test_a_for_with_no_list_loops_over_the_words_the_call_gives(tmp_path, monkeypatch):
    script = WRAPPER + "azure_call vm create -w net1 -b s1 -n vm1 svc1 img user\n"
    assert _placed(tmp_path, monkeypatch, script) == [("svc1", "net1", ["vm1"])]


def test_a_word_the_caller_does_not_state_keeps_the_others(tmp_path, monkeypatch):
    script = WRAPPER + 'azure_call vm create -w net1 -b s1 -n "$MASTER" svc1 img user\n'
    [(service, network, roles)] = _placed(tmp_path, monkeypatch, script)
    assert (service, network, len(roles)) == ("svc1", "net1", 1)


@pytest.mark.parametrize(
    "script",
    [
        'p=()\nfor x in vm delete "$M" -b -q; do p+=("$x"); done\nazure "${p[@]}"\n',
        'run() {\n  local -a p=("$@")\n  p+=("$EXTRA")\n  azure "${p[@]}"\n}\nrun vm delete vm1 -b -q\n',
    ],
    ids=["loop", "appended"],
)
def test_an_array_grown_with_an_unstated_word_still_runs_its_command(script):
    (found,) = [r for r in script_resources("#!/bin/bash\n" + script, "a.sh") if isinstance(r, Script)]
    assert [call.name for call in found.calls] == ["azure vm delete"]
    assert not found.unread


def test_a_word_split_from_an_unstated_value_makes_the_array_unstated():
    text = '#!/bin/bash\np=(vm delete $REST)\nazure "${p[@]}"\n'
    (found,) = [r for r in script_resources(text, "a.sh") if isinstance(r, Script)]
    assert [call.name for call in found.calls] == ["azure"]


def test_azure_run_with_a_command_the_script_does_not_state_is_said_unread():
    resources = script_resources('#!/bin/bash\nazure "${ARGS[@]}"\n', "a.sh")
    (found,) = [r for r in resources if isinstance(r, Script)]
    assert [call.name for call in found.calls] == ["azure"]
    assert unread_marks(resources) == [(2, 1)]
    assert [mark.tag for mark in found.unread] == [UNSTATED_COMMAND_LINE]


def test_in_resource_manager_mode_it_is_no_classic_call():
    text = '#!/bin/bash\nazure config mode arm\nazure "${ARGS[@]}"\n'
    assert not [r for r in script_resources(text, "a.sh") if isinstance(r, Script)]


def test_kubernetes_classic_provider_creates_its_vms(tmp_path, monkeypatch):
    script = (
        WRAPPER
        + 'azure_call storage account create -l "$AZ_LOCATION" "$AZ_STG"\n'
        + 'azure_call vm create -w "$AZ_VNET" -n "$MASTER_NAME" -l "$AZ_LOCATION" -b "$AZ_SUBNET" "$AZ_CS" img user\n'
    )
    result = lint_files(tmp_path, monkeypatch, {"util.sh": "#!/bin/bash\n" + script})
    (finding,) = [f for f in result.findings if f.code == "MIG601"]
    assert "azure vm create" in finding.message and "azure storage account create" in finding.message
