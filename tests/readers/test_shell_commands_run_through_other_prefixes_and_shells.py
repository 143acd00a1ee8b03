"""The classic CLI run through a prefix (`timeout 30`, `nice -n 5`, `xargs`), with an alias bypassed
(`\\azure`), or by a shell given the command line (`bash -c "..."`, another host's through `ssh host "..."`) or fed the
script (`bash <<EOF`)."""

from __future__ import annotations

import textwrap

from migcheck.model import MAYBE_RUNS, Deployment, Script
from migcheck.readers import shell


def _read(text: str) -> tuple[Script, list[Deployment]]:
    doc = shell.read("deploy.sh", textwrap.dedent(text).encode())
    assert doc.problem is None
    script = next(r for r in doc.resources if isinstance(r, Script))
    return script, [r for r in doc.resources if isinstance(r, Deployment)]


def _services(text: str) -> list[tuple[str, int, int]]:
    """Each service created, with the line and column of its `azure`."""
    _, deployments = _read(text)
    return [(d.service_name, d.mark.line, d.mark.column) for d in deployments]


def test_prefixes_that_run_their_command_after_their_options_and_operands():
    script = """\
    timeout 30 azure vm create svc1 img u p
    timeout -s KILL --kill-after 5 30m azure vm create svc2 img u p
    nice -n 5 azure vm create svc3 img u p
    nice -10 azure vm create svc4 img u p
    stdbuf -o L setsid azure vm create svc5 img u p
    sudo timeout 30 azure vm create svc6 img u p
    """
    assert _services(script) == [
        ("svc1", 1, 12),
        ("svc2", 2, 36),
        ("svc3", 3, 11),
        ("svc4", 4, 10),
        ("svc5", 5, 20),
        ("svc6", 6, 17),
    ]


def test_a_command_that_bypasses_an_alias_is_the_command():
    script = """\
    azure config mode asm
    \\azure vm create svc1 img u p
    x=1
    \\azure vm create svc2 img u p
    """
    assert _services(script) == [("svc1", 2, 1), ("svc2", 4, 1)]


def test_a_line_starting_with_a_backslash_before_a_dollar_keeps_it():
    script = """\
    azure vm create svc1 img u p
    \\$HOME/azure vm create svc2 img u p
    """
    assert _services(script) == [("svc1", 1, 1)]


def test_a_shell_runs_the_command_line_c_gives_it_with_its_arguments():
    script = """\
    NET=net1
    sh -c "azure vm create svc1 img u p -w $NET -b a"
    bash -ec 'azure vm create "$1" img u p' runner svc2
    sudo bash -c "azure vm create svc3 img u p -w $UNSET -b a"
    /bin/bash -o pipefail -c "azure vm create svc4 img u p"
    bash deploy2.sh azure vm create svc5 img u p
    ssh jump "azure vm create svc6 img u p"
    """
    _, deployments = _read(script)
    # ssh's command runs on the other host, which creates the VM all the same
    assert [d.service_name for d in deployments] == ["svc1", "svc2", "svc3", "svc4", "svc6"]
    assert deployments[0].virtual_network is not None and deployments[0].virtual_network.name == "net1"
    unstated = deployments[2].virtual_network
    assert unstated is not None and unstated.name.startswith("<virtual network name")


def test_a_shell_runs_the_script_a_here_document_or_here_string_feeds_it():
    script = """\
    SVC=svc2
    bash <<EOT
    azure config mode asm
    azure vm create svc1 img u p
    azure vm create $SVC img u p
    EOT
    sudo bash -s <<'EOT'
    azure vm create svc3 img u p
    EOT
    bash <<< "azure vm create svc4 img u p"
    cat <<EOT
    azure vm create svc5 img u p
    EOT
    """
    _, deployments = _read(script)
    assert [d.service_name for d in deployments] == ["svc1", "svc2", "svc3", "svc4"]


def test_a_command_xargs_runs_may_not_run_and_is_given_words_the_script_does_not_state():
    script = """\
    xargs -n1 azure vm delete < list.txt
    xargs -I{} azure vm create {} img u p < list.txt
    xargs -I NAME azure vm create svc-NAME img u p < list.txt
    """
    found, deployments = _read(script)
    assert [(c.name, c.runs) for c in found.calls] == [
        ("azure vm delete", MAYBE_RUNS),
        ("azure vm create", MAYBE_RUNS),
        ("azure vm create", MAYBE_RUNS),
    ]
    assert all(d.service_name.startswith("<DNS name") for d in deployments)
    assert len(deployments) == 2
