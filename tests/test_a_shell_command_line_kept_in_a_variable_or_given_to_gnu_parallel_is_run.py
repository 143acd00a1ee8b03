"""A shell command line kept in a variable and run by expanding it (`cmd="azure vm create ..."; $cmd`) was
not read, though `eval $cmd` was; nor was one GNU parallel runs (`parallel azure vm create {} ::: a b`), as
Azure's docker extension tests create their VMs. `$cmd` is now the words bash splits the value into, run
(no quote or operator in it parsed again), and parallel's command line runs once for each input of the
lists it is given, or once with inputs not stated where the script does not state them."""

from __future__ import annotations

import pytest
from lint_support import lint_files, script_resources

from migcheck.model import MAYBE_RUNS, Script


def _placed(tmp_path, monkeypatch, script: str) -> list[tuple[str | None, str | None, list[str]]]:
    result = lint_files(tmp_path, monkeypatch, {"test.sh": "#!/bin/bash\n" + script})
    (estate,) = result.estates
    return sorted(
        (s.name, p.virtual_network and p.virtual_network.name, [r.name for r in p.roles])
        for s in estate.cloud_services
        for p in s.placements
    )


def _calls(script: str) -> list[tuple[str, str]]:
    resources = script_resources("#!/bin/bash\n" + script, "test.sh")
    return [(c.name, c.runs) for r in resources if isinstance(r, Script) for c in r.calls]


@pytest.mark.parametrize(
    "run",
    [
        'cmd="azure vm create -w net1 -b s1 -n vm1 svc1 img user"\n$cmd\n',
        'cmd="azure vm create -w net1 -b s1 -n vm1 svc1 img user"\n${cmd}\n',
        'CMD="azure vm"\n$CMD create -w net1 -b s1 -n vm1 svc1 img user\n',
    ],
    ids=["unquoted", "braced", "more words after it"],
)
def test_a_command_line_run_from_a_variable_creates_its_vm(tmp_path, monkeypatch, run):
    [(service, network, roles)] = _placed(tmp_path, monkeypatch, run)
    assert (service, network, roles) == ("svc1", "net1", ["vm1"])


def test_a_value_the_script_does_not_state_is_a_stand_in_shown_where_it_is_written(tmp_path, monkeypatch):
    run = 'cmd="azure vm create -w $NET -b s1 -n vm1 svc1 img user"\n$cmd\n'
    assert _placed(tmp_path, monkeypatch, run) == [("svc1", "<virtual network name, test.sh:2:25>", ["vm1"])]


def test_quotes_in_the_value_are_not_parsed_again_so_the_quoted_word_is_no_name(tmp_path, monkeypatch):
    run = "cmd=\"azure vm create -w net1 -b s1 -n vm1 'svc1' img user\"\n$cmd\n"
    [(service, network, _)] = _placed(tmp_path, monkeypatch, run)
    assert network == "net1" and service is not None and service.startswith("<cloud service name")


def test_a_quoted_variable_is_one_command_word_that_runs_nothing():
    assert _calls('cmd="azure vm create -n vm1 svc1 img user"\n"$cmd"\n') == []


def test_parallel_runs_the_command_once_for_each_input(tmp_path, monkeypatch):
    run = 'parallel --xapply -j4 "azure vm create {1} {2} -w net1 -b s1 user" ::: web1 web2 ::: img1 img2\n'
    assert _placed(tmp_path, monkeypatch, run) == [
        ("web1", "net1", ["web1"]),
        ("web2", "net1", ["web2"]),
    ]


def test_parallel_without_a_replacement_string_puts_the_input_last(tmp_path, monkeypatch):
    run = "parallel azure service create --location westeurope ::: svc1 svc2\n"
    assert _calls(run) == [("azure service create", ""), ("azure service create", "")]


def test_parallel_over_inputs_not_stated_runs_the_command_as_code_that_may_run():
    run = 'vm_names=$(get_vms)\ncmd="azure vm create {1} img user"\nparallel -j4 $cmd ::: ${vm_names[@]}\n'
    assert _calls(run) == [("azure vm create", MAYBE_RUNS)]


def test_parallel_dry_run_only_prints_the_command_lines():
    assert _calls('parallel --dry-run "azure vm delete -b -q {}" ::: vm1 vm2\n') == []
