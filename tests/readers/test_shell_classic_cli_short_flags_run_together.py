"""Short flags run together (`-eSr`) as the classic CLI's parser (commander) reads them: its `normalize`
makes them one word each (`-e -S -r`) before options take their values, so an option that takes a value
takes the next flag, and one that takes an optional value takes none; a word after an option that takes a
value is that value, however it starts."""

from __future__ import annotations

import pytest

from migcheck.model import Deployment


def _vm(read, path: str, command: str) -> tuple[str, list[str], list[str], str]:
    """The service `command` creates, its VM's static addresses, endpoints and network."""
    doc = read(path, f"azure config mode asm\n{command}\n")
    (deployment,) = [r for r in doc.resources if isinstance(r, Deployment)]
    (role,) = deployment.roles
    network = deployment.virtual_network.name if deployment.virtual_network else ""
    return (
        deployment.service_name,
        [ip.name for ip in role.static_ips],
        sorted(e.name for e in role.endpoints),
        network,
    )


@pytest.mark.parametrize("path", ["deploy.sh", "deploy.ps1"])
@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("azure vm create -eSr svc1 img u p", ("svc1", ["-r"], ["SSH"], "")),
        ("azure vm create -er svc1 img u p", ("img", [], ["RDP", "SSH"], "")),  # -r [port] takes svc1
        ("azure vm create -ew net1 svc1 img u p", ("svc1", [], ["SSH"], "net1")),
    ],
)
def test_short_flags_run_together_are_read_one_by_one(read, path, command, expected):
    assert _vm(read, path, command) == expected


def test_a_word_after_an_option_that_takes_a_value_is_its_value(read):
    command = "azure vm create -w -ab -e 22 svc1 img u p"
    assert _vm(read, "deploy.sh", command) == ("svc1", [], ["SSH"], "-ab")
