"""A call of the script's own function that surely raises, a `raise` or a call the SDK refuses (see
`python_flow.REFUSALS`) that runs on every path through its body outside a `try`, ends the path of the
caller too: nothing the caller does after it runs, nor what the caller's callers do after theirs. A
`return` before it, a test its arguments decide against it, or a `try` around the call keeps the path
going as before."""

from __future__ import annotations

import pytest
from test_reader_python_network import check, found, read

from migcheck.model import Deployment

VM = """\
sms.create_virtual_machine_deployment(
    'front', 'front', 'production', 'l', 'web',
    LinuxConfigurationSet('web', 'user', 'pw', True),
    OSVirtualHardDisk('img', 'https://acct.blob.core.windows.net/vhds/a.vhd'), role_size='Small')
"""


def _deployments(text: str) -> list[str]:
    return [r.name for r in read(text).resources if isinstance(r, Deployment)]


@pytest.mark.parametrize(
    "body",
    ["sms.create_hosted_service(n, n)", "raise ValueError(n)", "check(n)"],
    ids=["refused", "raise", "through another function"],
)
def test_a_vm_deployment_after_a_call_of_a_function_that_surely_raises_is_not_made(
    tmp_path, monkeypatch, body
) -> None:
    script = (
        f"def check(n):\n    raise ValueError(n)\n\ndef prepare(n):\n    {body}\n\nprepare('front')\n" + VM
    )
    assert found(check(tmp_path, monkeypatch, script), "MIG105") == []


@pytest.mark.parametrize(
    "body",
    [
        "sms.create_hosted_service(n, n, location='West Europe')",
        "if n == 'back':\n        raise ValueError(n)",
        "return n\n    raise ValueError(n)",
        "for x in []:\n        raise ValueError(n)",
    ],
    ids=["stated place", "decided against", "after a return", "in a loop"],
)
def test_a_function_that_may_go_on_leaves_the_callers_path_going(body) -> None:
    script = f"def prepare(n):\n    {body}\n\nprepare('front')\n" + VM
    assert _deployments(script) == ["front"]


def test_a_try_around_the_call_may_catch_what_it_raises() -> None:
    script = "def prepare(n):\n    raise ValueError(n)\n\ntry:\n    prepare('front')\nexcept ValueError:\n    pass\n"
    assert _deployments(script + VM) == ["front"]


def test_the_callers_caller_stops_too() -> None:
    script = (
        "def prepare(n):\n    sms.create_hosted_service(n, n)\n\n"
        "def deploy(n):\n    prepare(n)\n\ndeploy('front')\n"
    )
    assert _deployments(script + VM) == []
