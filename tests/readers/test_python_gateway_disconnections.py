"""MIG307 from Python scripts: the legacy SDK has no gateway method, so a script disconnects a gateway's
connection to a local network site by sending the REST operation itself (a PUT of an `UpdateConnection`
body whose `Operation` is `Disconnect` to `.../services/networking/<network>/gateway/connection/<site>`,
with `perform_put` or a request of its own). One not connected again (`Connect`, same network and site) on
every path after is left disconnected, which Prepare fails on; on some paths only, it may be: the same
cases the PowerShell reader reads for `Set-AzureVNetGateway -Disconnect`."""

from __future__ import annotations

import textwrap

import pytest
from lint_support import lint_files, where

from migcheck.model import ConnectionState, Severity
from migcheck.readers import read_document

PATH = "net/maintenance.py"
HEAD = """\
import sys
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("subscription-id", "management.pem")
LINK = "/subscription-id/services/networking/vnet1/gateway/connection/onprem"
DOWN = "<UpdateConnection xmlns='http://schemas.microsoft.com/windowsazure'><Operation>Disconnect</Operation></UpdateConnection>"
UP = "<UpdateConnection xmlns='http://schemas.microsoft.com/windowsazure'><Operation>Connect</Operation></UpdateConnection>"
"""
DISCONNECT = "sms.perform_put(LINK, DOWN)"
CONNECT = "sms.perform_put(LINK, UP)"
FIRST = HEAD.count("\n") + 1  # the line of the script's first statement after HEAD


def _left(script: str) -> list[tuple[str, str, int, int, bool]]:
    """(network, site, line, column, every path) of each connection the script leaves disconnected."""
    text = HEAD + textwrap.dedent(script).lstrip("\n")
    document = read_document(PATH, text.encode(), explicit=True)
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
        'sms.perform_put(path=LINK, body="<UpdateConnection><Operation>Disconnect</Operation></UpdateConnection>")',
        'op = "Disconnect"\nsms.perform_put(LINK, f"<UpdateConnection><Operation>{op}</Operation></UpdateConnection>")',
        'vnet, site = "vnet1", "onprem"\n'
        'sms.perform_put(f"/subscription-id/services/networking/{vnet}/gateway/connection/{site}", DOWN)',
        "import requests\n"
        'requests.put("https://management.core.windows.net" + LINK, data=DOWN, cert="management.pem")',
    ],
    ids=["constant", "literal", "f-string-body", "f-string-path", "own-request"],
)
def test_a_disconnection_never_undone_leaves_the_connection_down(script: str) -> None:
    line = FIRST + script.count("\n")
    column = script.splitlines()[-1].index(".") + 2  # at the name of the method it calls
    assert _left(script) == [("vnet1", "onprem", line, column, True)]


@pytest.mark.parametrize(
    "script",
    [
        f"{DISCONNECT}\nimport time\ntime.sleep(30)\n{CONNECT}",
        f'{DISCONNECT}\nsms.perform_put("/subscription-id/services/networking/VNET1/gateway/connection/onprem", UP)',
        f"{DISCONNECT}\nif len(sys.argv) > 1:\n    {CONNECT}\nelse:\n    {CONNECT}",
        f"if len(sys.argv) > 1:\n    {DISCONNECT}\n    {CONNECT}",
        "def cycle(vnet, site):\n"
        '    path = f"/subscription-id/services/networking/{vnet}/gateway/connection/{site}"\n'
        "    sms.perform_put(path, DOWN)\n"
        "    sms.perform_put(path, UP)\n"
        'cycle("vnet1", "onprem")',
        "def main():\n"
        '    for site in ("a", "b"):\n'
        '        path = "/subscription-id/services/networking/vnet1/gateway/connection/" + site\n'
        "        sms.perform_put(path, DOWN)\n"
        "        sms.perform_put(path, UP)\n"
        'if __name__ == "__main__":\n'
        "    main()",
        f"try:\n    {DISCONNECT}\nfinally:\n    {CONNECT}",
    ],
    ids=[
        "connected-after",
        "names-as-the-platform-compares-them",
        "connected-on-both-branches",
        "both-on-one-branch",
        "in-a-function",
        "in-a-loop-under-main",
        "connected-in-finally",
    ],
)
def test_a_connection_after_on_every_path_brings_it_up(script: str) -> None:
    assert _left(script) == []


def test_a_connection_of_a_site_not_stated_may_be_the_one_disconnected() -> None:
    script = (
        f"{DISCONNECT}\n"
        'sms.perform_put("/subscription-id/services/networking/vnet1/gateway/connection/" + sys.argv[1], UP)'
    )
    assert _left(script) == [("vnet1", "onprem", FIRST, 5, False)]


@pytest.mark.parametrize(
    ("script", "line", "column"),
    [
        (f"{DISCONNECT}\nif len(sys.argv) > 1:\n    {CONNECT}", 0, 5),
        (f"if len(sys.argv) > 1:\n    {DISCONNECT}", 1, 9),
        (f"{DISCONNECT}\nif len(sys.argv) > 1:\n    sys.exit(1)\n{CONNECT}", 0, 5),
        (f"{DISCONNECT}\nif len(sys.argv) > 1:\n    raise SystemExit('stopped')\n{CONNECT}", 0, 5),
        ("op = UP if len(sys.argv) > 1 else DOWN\nsms.perform_put(LINK, op)", 1, 5),
        (f"try:\n    {DISCONNECT}\n    {CONNECT}\nexcept Exception:\n    pass", 1, 9),
    ],
    ids=[
        "connected-on-one-branch",
        "disconnected-on-one-branch",
        "exit-between",
        "raise-between",
        "body-chosen-by-path",
        "handler-after-a-failed-connection",
    ],
)
def test_a_path_that_does_not_connect_it_again_may_leave_it_down(script: str, line: int, column: int) -> None:
    assert _left(script) == [("vnet1", "onprem", FIRST + line, column, False)]


def test_code_that_may_not_run_may_leave_it_down() -> None:
    # A function never called, or called only where the reader does not follow it, may run at any call
    # or at none.
    assert _left(f"def down():\n    {DISCONNECT}") == [("vnet1", "onprem", FIRST + 1, 9, False)]


def test_another_site_or_network_connected_leaves_it_down() -> None:
    script = (
        f"{DISCONNECT}\n"
        'sms.perform_put("/subscription-id/services/networking/vnet1/gateway/connection/branch", UP)\n'
        'sms.perform_put("/subscription-id/services/networking/vnet2/gateway/connection/onprem", UP)'
    )
    assert _left(script) == [("vnet1", "onprem", FIRST, 5, True)]


def test_a_disconnection_in_a_function_is_shown_at_the_call_that_disconnects() -> None:
    script = (
        "def down(vnet, site):\n"
        '    sms.perform_put(f"/subscription-id/services/networking/{vnet}/gateway/connection/{site}", DOWN)\n'
        'down("vnet1", "onprem")'
    )
    assert _left(script) == [("vnet1", "onprem", FIRST + 1, 9, True)]


@pytest.mark.parametrize(
    "script",
    [
        "sms.perform_put(LINK, sys.argv[1])",  # an operation the script does not state
        "sms.perform_put(LINK, '<UpdateConnection><Operation>Test</Operation></UpdateConnection>')",
        "sms.perform_post(LINK, DOWN)",  # the operation is a PUT
    ],
    ids=["operation-not-stated", "test", "not-a-put"],
)
def test_what_the_reader_cannot_tell_is_a_disconnection_states_nothing(script: str) -> None:
    assert _left(script) == []


def _unstated(path: str, body: str) -> str:
    """A request sending `body` to `.../services/networking/<path>`, an f-string of values the script does
    not state."""
    return 'sms.perform_put(f"/subscription-id/services/networking/' + path + '", ' + body + ")"


DOWN_BY_ARGUMENT = _unstated("{vnet}/gateway/connection/onprem", "DOWN")
UP_BY_ARGUMENT = _unstated("{vnet}/gateway/connection/onprem", "UP")


@pytest.mark.parametrize(
    ("script", "line", "column"),
    [
        (
            'sms.perform_put("/subscription-id/services/networking/" + sys.argv[1] + "/gateway/connection/onprem", '
            "DOWN)",
            0,
            5,
        ),
        (f"def down(vnet):\n    {DOWN_BY_ARGUMENT}\ndown(sys.argv[1])", 1, 9),
        (f"def down(vnet):\n    {DOWN_BY_ARGUMENT}\ndown(vnet=os.environ['VNET'])", 1, 9),
        (f"vnet = input()\n{DOWN_BY_ARGUMENT}", 1, 5),
        (
            f"def pick():\n    return json.load(open('cfg.json'))['vnet']\nvnet = pick()\n{DOWN_BY_ARGUMENT}",
            3,
            5,
        ),
    ],
    ids=["sys-argv", "parameter", "keyword-from-environment", "input", "a-call-s-result"],
)
def test_a_network_not_stated_is_disconnected_as_a_stand_in(script: str, line: int, column: int) -> None:
    found = _left("import os, json\n" + script)
    assert found == [
        (f"<network name, maintenance.py:{FIRST + 1 + line}>", "onprem", FIRST + 1 + line, column, True)
    ]


def test_a_network_not_stated_in_a_method_may_be_left_down() -> None:
    # A method is walked once by itself (see `_GatewayLinks`): it may run at any call, or at none.
    script = f"class Ops:\n    def down(self, vnet):\n        {DOWN_BY_ARGUMENT}\nOps().down(sys.argv[1])"
    assert _left(script) == [(f"<network name, maintenance.py:{FIRST + 2}>", "onprem", FIRST + 2, 13, False)]


def test_a_site_not_stated_either_is_a_stand_in_too() -> None:
    script = f"def down(vnet, site):\n    {_unstated('{vnet}/gateway/connection/{site}', 'DOWN')}\n"
    found = _left(script + "down(sys.argv[1], sys.argv[2])")
    line = FIRST + 1
    assert found == [
        (f"<network name, maintenance.py:{line}>", f"<local site name, maintenance.py:{line}>", line, 9, True)
    ]


@pytest.mark.parametrize(
    "script",
    [
        f"vnet = sys.argv[1]\n{DOWN_BY_ARGUMENT}\n{UP_BY_ARGUMENT}",
        f'vnet = sys.argv[1]\n{DOWN_BY_ARGUMENT}\nsms.perform_put("/subscription-id/services/networking/" + vnet + "/gateway/connection/onprem", UP)',
        f"vnet = input()\n{DOWN_BY_ARGUMENT}\n{UP_BY_ARGUMENT}",
        f"def cycle(vnet):\n    {DOWN_BY_ARGUMENT}\n    {UP_BY_ARGUMENT}\ncycle(sys.argv[1])\ncycle(sys.argv[2])",
        "def cycle(vnet):\n"
        '    path = f"/subscription-id/services/networking/{vnet}/gateway/connection/onprem"\n'
        "    sms.perform_put(path, DOWN)\n"
        "    sms.perform_put(path, UP)\n"
        "cycle(sys.argv[1])",
    ],
    ids=[
        "one-variable",
        "built-otherwise",
        "input-held-in-a-variable",
        "a-function-called-twice",
        "one-path",
    ],
)
def test_a_connection_of_the_same_value_brings_a_network_not_stated_up(script: str) -> None:
    assert _left(script) == []


def test_a_connection_of_another_value_may_not_bring_it_up() -> None:
    script = (
        f"{DOWN_BY_ARGUMENT.replace('{vnet}', '{sys.argv[1]}')}\n"
        f"{UP_BY_ARGUMENT.replace('{vnet}', '{sys.argv[2]}')}"
    )
    assert _left(script) == [(f"<network name, maintenance.py:{FIRST}>", "onprem", FIRST, 5, False)]


def test_a_connection_of_a_stated_network_leaves_one_not_stated_down() -> None:
    script = f"{DOWN_BY_ARGUMENT.replace('{vnet}', '{sys.argv[1]}')}\n{CONNECT}"
    assert _left(script) == [(f"<network name, maintenance.py:{FIRST}>", "onprem", FIRST, 5, True)]


def test_two_values_passed_to_one_function_are_two_networks() -> None:
    script = (
        f"def down(vnet):\n    {DOWN_BY_ARGUMENT}\ndown(sys.argv[1])\ndown(sys.argv[2])\ndown(sys.argv[1])"
    )
    line = FIRST + 1
    assert _left(script) == [
        (f"<network name, maintenance.py:{line}>", "onprem", line, 9, True),
        (f"<network name, maintenance.py:{line}, turn 2>", "onprem", line, 9, True),
    ]


def test_mig307_reports_a_network_not_stated(tmp_path, monkeypatch) -> None:
    files = {"ops/left.py": HEAD + f"def down(vnet):\n    {DOWN_BY_ARGUMENT}\ndown(sys.argv[1])\n"}
    (finding,) = lint_files(tmp_path, monkeypatch, files, "MIG307", dedent=False).findings
    assert where([finding]) == [f"MIG307 ops/left.py:{FIRST + 1}:9"]
    assert finding.message.startswith(
        f"the script disconnects the gateway of virtual network '<network name, left.py:{FIRST + 1}>' from local "
        "network site 'onprem' and does not connect it again"
    )


def test_mig307_reports_the_disconnecting_call(tmp_path, monkeypatch) -> None:
    files = {
        "ops/left.py": HEAD + f"{DISCONNECT}\n",
        "ops/maybe.py": HEAD + f"{DISCONNECT}\nif len(sys.argv) > 1:\n    {CONNECT}\n",
        "ops/cycled.py": HEAD + f"{DISCONNECT}\n{CONNECT}\n",
    }
    findings = lint_files(tmp_path, monkeypatch, files, "MIG307", dedent=False).findings
    assert where(findings) == [f"MIG307 ops/left.py:{FIRST}:5", f"MIG307 ops/maybe.py:{FIRST}:5"]
    left, maybe = findings
    assert left.severity == maybe.severity == Severity.ERROR
    assert left.message.startswith(
        "the script disconnects the gateway of virtual network 'vnet1' from local network site 'onprem' and "
        "does not connect it again"
    )
    assert maybe.message.startswith(
        "the script may leave the gateway of virtual network 'vnet1' disconnected from local network site "
        "'onprem'"
    )


def test_mig307_tells_a_python_script_to_send_the_connect_operation(tmp_path, monkeypatch) -> None:
    files = {"ops/left.py": HEAD + f"{DISCONNECT}\n"}
    (finding,) = lint_files(tmp_path, monkeypatch, files, "MIG307", dedent=False).findings
    assert finding.fix.startswith(
        "Connect it again after the disconnection, on every path (an `UpdateConnection` body whose `Operation` "
        "is `Connect`, PUT to `.../services/networking/vnet1/gateway/connection/onprem`)"
    )
    assert "Set-AzureVNetGateway" not in finding.fix
