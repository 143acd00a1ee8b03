"""MIG307 from shell scripts and CI steps: a script disconnects a gateway's connection to a local network site
by sending the REST operation itself with curl or wget (a PUT of an `UpdateConnection` body whose `Operation`
is `Disconnect` to `.../services/networking/<network>/gateway/connection/<site>`), as PowerShell's
Invoke-RestMethod and Python's requests do. One not connected again (`Connect`, same network and site) after
is left disconnected, which Prepare fails on; where the disconnect or the connect may not run, it may be."""

from __future__ import annotations

import textwrap

import pytest

from migcheck.model import ConnectionState
from migcheck.readers import read_document

HEAD = """\
#!/bin/bash
SUB=3f2c1a7e-5b6d-4e8f-9a0b-1c2d3e4f5a6b
"""
URL = "https://management.core.windows.net/$SUB/services/networking/vnet1/gateway/connection/onprem"
BODY = '<UpdateConnection xmlns="http://schemas.microsoft.com/windowsazure"><Operation>{}</Operation></UpdateConnection>'
DOWN = f"curl -X PUT --cert mgmt.pem -H 'x-ms-version: 2015-04-01' -d '{BODY.format('Disconnect')}' \"{URL}\""
UP = f"curl -X PUT --cert mgmt.pem -H 'x-ms-version: 2015-04-01' -d '{BODY.format('Connect')}' \"{URL}\""
FIRST = HEAD.count("\n") + 1


def _left(path: str, text: str) -> list[tuple[str, str, int, bool]]:
    document = read_document(path, text.encode(), explicit=True)
    assert document is not None and document.problem is None
    return [
        (r.virtual_network, r.local_site, r.mark.line, r.every_path)
        for r in document.resources
        if isinstance(r, ConnectionState)
    ]


def _script(body: str) -> str:
    return HEAD + textwrap.dedent(body).lstrip("\n").format(down=DOWN, up=UP)


@pytest.mark.parametrize(
    "body, line",
    [
        ("{down}\n", FIRST),
        ("{down}\n{up}\n{down}\n", FIRST + 2),
        (
            f"wget --method=PUT --certificate=mgmt.pem --body-data='{BODY.format('Disconnect')}' \"{URL}\"\n",
            FIRST,
        ),
    ],
    ids=["curl", "down-again", "wget"],
)
def test_a_disconnection_never_undone_leaves_the_connection_down(body: str, line: int) -> None:
    assert _left("net/down.sh", _script(body)) == [("vnet1", "onprem", line, True)]


def test_a_connect_of_the_same_network_and_site_brings_it_up_again() -> None:
    assert _left("net/swap.sh", _script("{down}\nsleep 60\n{up}\n")) == []


@pytest.mark.parametrize(
    "body",
    ['if [ "$1" = go ]; then\n  {down}\nfi\n', '{down}\nif [ "$1" = go ]; then\n  {up}\nfi\n'],
    ids=["disconnect-in-a-branch", "connect-in-a-branch"],
)
def test_a_disconnect_or_connect_that_may_not_run_may_leave_it_down(body: str) -> None:
    assert [every for *_, every in _left("net/maybe.sh", _script(body))] == [False]


def test_a_test_operation_or_another_site_leaves_nothing_down() -> None:
    tested = DOWN.replace("Disconnect", "Test")
    other = UP.replace("/onprem", "/branch")
    assert _left("net/test.sh", HEAD + tested + "\n") == []
    assert _left("net/other.sh", HEAD + f"{DOWN}\n{other}\n")[0][:2] == ("vnet1", "onprem")


def test_a_ci_step_that_disconnects_a_connection_leaves_it_down() -> None:
    step = textwrap.indent(_script("{down}\n"), " " * 10)
    workflow = f"on: push\njobs:\n  down:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n{step}"
    left = _left(".github/workflows/down.yml", workflow)
    assert [(network, site, every) for network, site, _, every in left] == [("vnet1", "onprem", True)]
