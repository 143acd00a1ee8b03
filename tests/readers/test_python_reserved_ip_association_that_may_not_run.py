"""The Python SDK's reserved IP association and removal (`associate_reserved_ip_address`,
`disassociate_reserved_ip_address`) read as Set-AzureReservedIPAssociation and
Remove-AzureReservedIPAssociation do: one that surely runs, or surely runs whenever the call that created
the deployment did (after it in the same block, nothing between that may end the path), is made; one that
may not run leaves whether the deployment's VIP is reserved unknown, and the reserved IP the script creates
may be that deployment's VIP (`ReservedIp.maybe_service`), which the plan's step of the deployment says."""

from __future__ import annotations

import pytest
from lint_support import PY_RESERVED_IP_ASSOCIATE as ASSOCIATE
from lint_support import PY_RESERVED_IP_DEPLOYMENT as CREATE
from lint_support import PY_RESERVED_IP_REMOVE as REMOVE
from lint_support import lint_files

from migcheck.model import ReservedIp
from migcheck.plan import build_plan


def _in_function(body: str) -> str:
    """The script's calls in a function the file then calls."""
    head, _, calls = body.partition('sms = ServiceManagementService("sub", "cert.pem")\n')
    inner = "".join(f"    {line}\n" if line else "\n" for line in calls.splitlines())
    return f'{head}\ndef main():\n    sms = ServiceManagementService("sub", "cert.pem")\n{inner}\n\nmain()\n'


def _lint(tmp_path, monkeypatch, script: str):
    return lint_files(tmp_path, monkeypatch, {"deploy.py": script}, dedent=False)


def _reserved_ips(result) -> list[ReservedIp]:
    return [r for doc in result.documents for r in doc.resources if isinstance(r, ReservedIp)]


MAYBE = {
    "association under an if": (CREATE + 'if os.environ.get("KEEP"):\n    ' + ASSOCIATE, 17, False),
    "removal under an if": (CREATE + ASSOCIATE + 'if os.environ.get("DROP"):\n    ' + REMOVE, 18, True),
    "association after a return that may run": (
        _in_function(CREATE + 'if os.environ.get("DRY"):\n    return\n' + ASSOCIATE),
        20,
        False,
    ),
}
SURE = {
    "association": CREATE + ASSOCIATE,
    "association after the creation in one function": _in_function(CREATE + ASSOCIATE),
    "removal": CREATE + ASSOCIATE + REMOVE,
    "removal after the creation in one function": _in_function(CREATE + ASSOCIATE + REMOVE),
}


@pytest.mark.parametrize(("script", "line", "removed"), MAYBE.values(), ids=MAYBE.keys())
def test_a_call_that_may_not_run_leaves_the_reserved_ip_maybe_the_vip(
    tmp_path, monkeypatch, script, line, removed
):
    result = _lint(tmp_path, monkeypatch, script)
    [ip] = _reserved_ips(result)
    assert (ip.maybe_service, ip.maybe_deployment) == ("TestService", "TestService")
    assert ip.maybe_at is not None and ip.maybe_at.line == line
    assert ip.maybe_removed is removed  # which the call does, as MIG105 says it
    [placement] = result.estate.cloud_services[0].placements
    assert not placement.reserved_ips and not placement.reserved_ips_known
    assert not [f for f in result.findings if f.code == "MIG106"]  # not surely on its VIP
    [service] = [step for step in build_plan(result).steps if step.name.startswith("TestService")]
    # The deployment has no input endpoint: if the reserved IP is its VIP, it cannot move with it.
    [note] = [note for note in service.notes if "MyReservedIP" in note]
    assert "may be this deployment's VIP" in note and "(MIG106)" in note


@pytest.mark.parametrize("script", SURE.values(), ids=SURE.keys())
def test_a_call_that_surely_runs_with_the_deployment_is_made(tmp_path, monkeypatch, script):
    result = _lint(tmp_path, monkeypatch, script)
    assert [ip.maybe_service for ip in _reserved_ips(result)] == [""]
    [placement] = result.estate.cloud_services[0].placements
    assert placement.reserved_ips_known
