"""MIG307 from PowerShell scripts where a `return` leaves code between a gateway's disconnection and its
connection again: the path the `return` ends goes on where the function (or script block) ends, with the
connection still down, so the disconnection may be left so."""

from __future__ import annotations

import textwrap

import pytest
from lint_support import lint_files, where

from migcheck.model import ConnectionState
from migcheck.readers import read_document

PATH = "net/maintenance.ps1"
DISCONNECT = 'Set-AzureVNetGateway -Disconnect -VNetName "vnet1" -LocalNetworkSiteName "onprem"'
CONNECT = 'Set-AzureVNetGateway -Connect -VNetName "vnet1" -LocalNetworkSiteName "onprem"'


def _left(script: str) -> list[tuple[int, int, bool]]:
    """(line, column, every path) of each connection the script leaves disconnected."""
    document = read_document(PATH, textwrap.dedent(script).lstrip("\n").encode(), explicit=True)
    assert document is not None and document.problem is None
    return [
        (r.mark.line, r.mark.column, r.every_path)
        for r in document.resources
        if isinstance(r, ConnectionState)
    ]


def _function(body: str, call: str = "Cycle") -> str:
    return f"function Cycle([switch]$Fail) {{\n  {DISCONNECT}\n{body}\n}}\n{call}\n"


@pytest.mark.parametrize(
    "script",
    [
        _function(f"  if ($Fail) {{ return }}\n  {CONNECT}", "Cycle -Fail:$Maybe"),
        _function(
            f"  if ($Fail) {{ Write-Warning 'stopped'; return $false }}\n  {CONNECT}", "Cycle -Fail:$Maybe"
        ),
        _function(
            f"  foreach ($try in 1..3) {{ if ($Fail) {{ return }} }}\n  {CONNECT}", "Cycle -Fail:$Maybe"
        ),
        _function(f"  if ($Fail) {{ return }}\n  {CONNECT}", "$null = Cycle -Fail:$Maybe"),
        _function(f"  if ($Fail) {{ return }}\n  {CONNECT}", "if (Cycle -Fail:$Maybe) { 'ok' }"),
    ],
    ids=[
        "return-in-a-branch",
        "return-with-a-value",
        "return-in-a-loop",
        "output-assigned",
        "in-a-condition",
    ],
)
def test_a_return_between_the_two_may_leave_it_down(script: str) -> None:
    assert _left(script) == [(2, 3, False)]


def test_a_function_read_once_reports_its_returning_path_too() -> None:
    # Never called: read once, with values it does not know.
    script = f"function Cycle([switch]$Fail) {{\n  {DISCONNECT}\n  if ($Fail) {{ return }}\n  {CONNECT}\n}}\n"
    assert _left(script) == [(2, 3, False)]


def test_a_return_where_every_path_returns_down_leaves_it_down_on_every_path() -> None:
    script = _function(f"  if ($Fail) {{ return 1 }}\n  return 2\n  {CONNECT}", "Cycle -Fail:$Maybe")
    assert _left(script) == [(2, 3, True)]


@pytest.mark.parametrize(
    "script",
    [
        _function(f"  {CONNECT}\n  return", "Cycle -Fail:$Maybe"),
        _function(f"  if ($Fail) {{ {CONNECT}; return }}\n  {CONNECT}", "Cycle -Fail:$Maybe"),
        f"function Cycle([switch]$Fail) {{\n  if ($Fail) {{ return }}\n  {DISCONNECT}\n  {CONNECT}\n}}\n"
        "Cycle -Fail:$Maybe\n",
        _function(f"  1..3 | ForEach-Object {{ if ($_ -eq 2) {{ return }} }}\n  {CONNECT}", "Cycle"),
        _function(f"  & {{ if ($Fail) {{ return }} }}\n  {CONNECT}", "Cycle -Fail:$Maybe"),
        f"workflow Cycle {{\n  param([bool]$Fail)\n  InlineScript {{\n    {DISCONNECT}\n"
        f"    if ($using:Fail) {{ return }}\n  }}\n  InlineScript {{ {CONNECT} }}\n}}\nCycle -Fail $Maybe\n",
    ],
    ids=[
        "return-after-the-connection",
        "connected-before-the-return",
        "return-before-the-disconnection",
        "return-of-a-foreach-object-block",
        "return-of-a-script-block",
        "return-of-an-inline-script",
    ],
)
def test_a_return_that_leaves_it_connected_is_no_finding(script: str) -> None:
    assert _left(script) == []


def test_a_script_block_returning_between_the_two_may_leave_it_down() -> None:
    script = f"param([switch]$Fail)\n& {{\n  {DISCONNECT}\n  if ($Fail) {{ return }}\n  {CONNECT}\n}}\n"
    assert _left(script) == [(3, 3, False)]


def test_a_return_of_a_named_block_goes_on_with_the_next_block() -> None:
    script = (
        "function Cycle {\n  param([switch]$Fail)\n"
        f"  begin {{ {DISCONNECT}\n    if ($Fail) {{ return }} }}\n"
        f"  end {{ {CONNECT} }}\n}}\nCycle -Fail:$Maybe\n"
    )
    assert _left(script) == []


def test_a_return_of_a_named_block_may_leave_it_down_when_a_later_block_returns_too() -> None:
    script = (
        "function Cycle {\n  param([switch]$Fail)\n"
        f"  begin {{ {DISCONNECT}\n    if ($Fail) {{ return }} }}\n"
        f"  end {{ if ($Fail) {{ return }}\n    {CONNECT} }}\n}}\nCycle -Fail:$Maybe\n"
    )
    assert _left(script) == [(3, 11, False)]


def test_mig307_says_a_function_that_returns_early_may_leave_it_disconnected(tmp_path, monkeypatch) -> None:
    files = {
        "ops/cycle.ps1": "param([switch]$Quick)\n"
        + _function(f"  if ($Fail) {{ return }}\n  {CONNECT}", "Cycle -Fail:$Quick")
    }
    findings = lint_files(tmp_path, monkeypatch, files, "MIG307").findings
    assert where(findings) == ["MIG307 ops/cycle.ps1:3:3"]
    assert findings[0].message.startswith(
        "the script may leave the gateway of virtual network 'vnet1' disconnected from local network site "
        "'onprem' (it disconnects it, and does not connect it again on every path after)"
    )
