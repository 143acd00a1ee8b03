"""MIG307 from PowerShell scripts: a gateway connection a script disconnects (`Set-AzureVNetGateway
-Disconnect`) and does not connect again (`Set-AzureVNetGateway -Connect` of the same network and site) on
every path after it is left disconnected, which Prepare fails on; on some paths only, it may be."""

from __future__ import annotations

import textwrap

import pytest
from lint_support import lint_files, run_cli, where

from migcheck.model import ConnectionState, Severity
from migcheck.readers import read_document

PATH = "net/maintenance.ps1"
DISCONNECT = 'Set-AzureVNetGateway -Disconnect -VNetName "vnet1" -LocalNetworkSiteName "onprem"'
CONNECT = 'Set-AzureVNetGateway -Connect -VNetName "vnet1" -LocalNetworkSiteName "onprem"'


def _left(script: str) -> list[tuple[str, str, int, int, bool]]:
    """(network, site, line, column, every path) of each connection the script leaves disconnected."""
    document = read_document(PATH, textwrap.dedent(script).lstrip("\n").encode(), explicit=True)
    assert document is not None and document.problem is None
    return [
        (r.virtual_network, r.local_site, r.mark.line, r.mark.column, r.every_path)
        for r in document.resources
        if isinstance(r, ConnectionState)
    ]


@pytest.mark.parametrize(
    "script",
    [
        DISCONNECT,
        "Set-AzureVNetGateway -Disconnect vnet1 onprem",  # positions 1 and 2; the switch binds none
        "Set-AzureVNetGateway -Dis -VNet vnet1 -Local onprem",  # prefixes of the parameters' names
        '$p = @{ VNetName = "vnet1"; LocalNetworkSiteName = "onprem" }\nSet-AzureVNetGateway -Disconnect @p',
    ],
    ids=["named", "positional", "prefixes", "splatted"],
)
def test_a_disconnection_never_undone_leaves_the_connection_down(script: str) -> None:
    line = script.count("\n") + 1
    assert _left(script) == [("vnet1", "onprem", line, 1, True)]


@pytest.mark.parametrize(
    "script",
    [
        f"{DISCONNECT}\nStart-Sleep 30\n{CONNECT}",
        f'{DISCONNECT}\nSet-AzureVNetGateway -Connect -VNetName "VNET1" -LocalNetworkSiteName " onprem "',
        f"param([switch]$Prod)\n{DISCONNECT}\nif ($Prod) {{ {CONNECT} }} else {{ {CONNECT} }}",
        f"param([switch]$Maint)\nif ($Maint) {{ {DISCONNECT}\n{CONNECT} }}",
        "param($Net, $Site)\n"
        "Set-AzureVNetGateway -Disconnect -VNetName $Net -LocalNetworkSiteName $Site\n"
        "Set-AzureVNetGateway -Connect -VNetName $Net -LocalNetworkSiteName $Site",
        "function Cycle($n, $s) {\n"
        "  Set-AzureVNetGateway -Disconnect -VNetName $n -LocalNetworkSiteName $s\n"
        "  Set-AzureVNetGateway -Connect -VNetName $n -LocalNetworkSiteName $s\n"
        "}\n"
        'Cycle "vnet1" "onprem"',
        'foreach ($site in @("a", "b")) {\n'
        '  Set-AzureVNetGateway -Disconnect -VNetName "vnet1" -LocalNetworkSiteName $site\n'
        '  Set-AzureVNetGateway -Connect -VNetName "vnet1" -LocalNetworkSiteName $site\n'
        "}",
    ],
    ids=[
        "connected-after",
        "names-as-the-platform-compares-them",
        "connected-on-both-branches",
        "both-on-one-branch",
        "by-the-same-parameters",
        "in-a-function",
        "in-a-loop",
    ],
)
def test_a_connection_after_on_every_path_brings_it_up(script: str) -> None:
    assert _left(script) == []


def test_a_connection_of_a_site_not_stated_may_be_the_one_disconnected() -> None:
    script = f"{DISCONNECT}\nSet-AzureVNetGateway -Connect -VNetName vnet1 -LocalNetworkSiteName (Get-Site)"
    assert _left(script) == [("vnet1", "onprem", 1, 1, False)]


@pytest.mark.parametrize(
    ("script", "line", "column"),
    [
        (f"param([switch]$Again)\n{DISCONNECT}\nif ($Again) {{ {CONNECT} }}", 2, 1),
        (f"param([switch]$Maint)\nif ($Maint) {{ {DISCONNECT} }}", 2, 15),
        (f"param([switch]$Fail)\n{DISCONNECT}\nif ($Fail) {{ exit 1 }}\n{CONNECT}", 2, 1),
        (f"param([switch]$Fail)\n{DISCONNECT}\nif ($Fail) {{ throw 'stopped' }}\n{CONNECT}", 2, 1),
    ],
    ids=["connected-on-one-branch", "disconnected-on-one-branch", "exit-between", "throw-between"],
)
def test_a_path_that_does_not_connect_it_again_may_leave_it_down(script: str, line: int, column: int) -> None:
    assert _left(script) == [("vnet1", "onprem", line, column, False)]


def test_code_that_may_not_run_may_leave_it_down() -> None:
    # A function read once may run at any call or at none.
    assert _left(f"function Down {{ {DISCONNECT} }}") == [("vnet1", "onprem", 1, 17, False)]


def test_a_script_run_a_selection_at_a_time_is_read_as_its_selections_run_in_order() -> None:
    """Past a `return` or `break` at the script's top level, the next selection starts."""
    assert _left(f"return\n{DISCONNECT}") == [("vnet1", "onprem", 2, 1, True)]
    assert _left(f"{DISCONNECT}\nbreak\n{CONNECT}") == []


def test_another_site_or_network_connected_leaves_it_down() -> None:
    script = (
        f"{DISCONNECT}\n"
        'Set-AzureVNetGateway -Connect -VNetName "vnet1" -LocalNetworkSiteName "branch"\n'
        'Set-AzureVNetGateway -Connect -VNetName "vnet2" -LocalNetworkSiteName "onprem"'
    )
    assert _left(script) == [("vnet1", "onprem", 1, 1, True)]


def test_a_disconnection_in_a_function_is_shown_at_the_call_that_disconnects() -> None:
    script = 'function Down($n, $s) { Set-AzureVNetGateway -Disconnect -VNetName $n -LocalNetworkSiteName $s }\nDown "vnet1" "onprem"'
    assert _left(script) == [("vnet1", "onprem", 1, 25, True)]


def test_parameters_the_script_does_not_state_are_shown_as_stand_ins() -> None:
    script = "param($Net)\nSet-AzureVNetGateway -Disconnect -VNetName $Net -LocalNetworkSiteName onprem"
    assert _left(script) == [("<network name, maintenance.ps1:2>", "onprem", 2, 1, True)]


def test_a_switch_the_reader_cannot_tell_states_nothing() -> None:
    assert (
        _left(
            'param($Mode)\nSet-AzureVNetGateway -Disconnect:$Mode -VNetName "vnet1" -LocalNetworkSiteName "x"'
        )
        == []
    )


def test_mig307_reports_the_disconnecting_call(tmp_path, monkeypatch) -> None:
    files = {
        "ops/left.ps1": f"{DISCONNECT}\n",
        "ops/maybe.ps1": f"param([switch]$Again)\n{DISCONNECT}\nif ($Again) {{ {CONNECT} }}\n",
        "ops/cycled.ps1": f"{DISCONNECT}\n{CONNECT}\n",
    }
    findings = lint_files(tmp_path, monkeypatch, files, "MIG307").findings
    assert where(findings) == ["MIG307 ops/left.ps1:1:1", "MIG307 ops/maybe.ps1:2:1"]
    left, maybe = findings
    assert left.severity == maybe.severity == Severity.ERROR
    assert left.message == (
        "the script disconnects the gateway of virtual network 'vnet1' from local network site 'onprem' and "
        "does not connect it again: Prepare fails while the connection is disconnected, and Validate does not "
        "check it"
    )
    assert maybe.message.startswith(
        "the script may leave the gateway of virtual network 'vnet1' disconnected from local network site "
        "'onprem' (it disconnects it, and does not connect it again on every path after)"
    )
    assert "Set-AzureVNetGateway -Connect -VNetName 'vnet1' -LocalNetworkSiteName 'onprem'" in left.fix
    assert "ConnectionsToLocalNetwork" in left.fix


def test_the_rule_lists_powershell_among_what_it_checks(capsys) -> None:
    code, out, _ = run_cli(capsys, "rule", "MIG307")
    assert code == 0
    assert "checks: Service Management REST bodies, PowerShell scripts, Python scripts, shell scripts," in out
