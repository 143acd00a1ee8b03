"""A reserved IP that may be a deployment's VIP (`ReservedIp.maybe_service`: a script gives it, or takes it
off, by a call that may not run) is not an unattached resource: the readiness summary lists it with that
deployment's service, and the plan has no step of its own for it; so from PowerShell, from Python and from
the classic CLI (`azure network reserved-ip associate` in an `if`), whose MIG105 says which reserved IP the
VIP may be."""

from __future__ import annotations

import pytest
from lint_support import PY_RESERVED_IP_ASSOCIATE as PY_ASSOCIATE
from lint_support import PY_RESERVED_IP_DEPLOYMENT as PY_CREATE
from lint_support import PY_RESERVED_IP_REMOVE as PY_REMOVE
from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.readiness import ScopeKind, readiness

PS_CREATE = (
    'New-AzureReservedIP -ReservedIPName MyReservedIP -Location "Central US"\n'
    "New-AzureVMConfig -Name TestVM -InstanceSize Small -ImageName img |\n"
    "    Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password pw |\n"
    '    New-AzureVM -ServiceName TestService -Location "Central US"\n'
)
PS_ASSOCIATE = "Set-AzureReservedIPAssociation -ReservedIPName MyReservedIP -ServiceName TestService\n"
SH_CREATE = (
    "#!/bin/bash\n"
    'azure network reserved-ip create MyReservedIP "Central US"\n'
    'azure vm create TestService img ops Passw0rd! --vm-name TestVM --location "Central US"\n'
)
SH_ASSOCIATE = "azure network reserved-ip associate MyReservedIP TestService TestService\n"
SH_REMOVE = "azure network reserved-ip disassociate MyReservedIP TestService TestService\n"


MAYBE = {
    "PowerShell association under an if": (
        "a.ps1",
        PS_CREATE + "if ($env:KEEP) {\n    " + PS_ASSOCIATE + "}\n",
    ),
    "Python association under an if": (
        "deploy.py",
        PY_CREATE + 'if os.environ.get("KEEP"):\n    ' + PY_ASSOCIATE,
    ),
    "classic CLI association under an if": (
        "deploy.sh",
        SH_CREATE + 'if [ -n "$KEEP" ]; then\n    ' + SH_ASSOCIATE + "fi\n",
    ),
    "classic CLI association after a test and &&": (
        "deploy.sh",
        SH_CREATE + '[ -n "$KEEP" ] && ' + SH_ASSOCIATE,
    ),
    "classic CLI association after a command and ||": (
        "deploy.sh",
        SH_CREATE + "azure vm show x || " + SH_ASSOCIATE,
    ),
    "classic CLI removal under an if": (
        "deploy.sh",
        SH_CREATE + SH_ASSOCIATE + 'if [ -n "$DROP" ]; then\n    ' + SH_REMOVE + "fi\n",
    ),
    "classic CLI removal after a test and &&": (
        "deploy.sh",
        SH_CREATE + SH_ASSOCIATE + '[ -n "$DROP" ] && ' + SH_REMOVE,
    ),
    "Python removal under an if": (
        "deploy.py",
        PY_CREATE + PY_ASSOCIATE + 'if os.environ.get("DROP"):\n    ' + PY_REMOVE,
    ),
}


def _lint(tmp_path, monkeypatch, name: str, script: str):
    return lint_files(tmp_path, monkeypatch, {name: script}, dedent=False)


@pytest.mark.parametrize(("name", "script"), MAYBE.values(), ids=MAYBE.keys())
def test_the_summary_lists_it_with_the_service_not_as_unattached(tmp_path, monkeypatch, name, script):
    result = _lint(tmp_path, monkeypatch, name, script)
    [summary] = readiness(result)
    scopes = {scope.scope: [item.name for item in scope.items] for scope in summary.scopes}
    assert ScopeKind.UNATTACHED not in scopes or "MyReservedIP" not in scopes[ScopeKind.UNATTACHED]
    assert "TestService" in scopes[ScopeKind.NO_VNET]
    plan = build_plan(result)
    assert not [step for step in plan.steps if step.id.startswith("unattached:")]
    [service] = [step for step in plan.steps if step.name.startswith("TestService")]
    assert any("MyReservedIP" in line for line in (*service.moves, *service.notes))


def test_the_classic_cli_s_association_that_may_not_run_names_the_reserved_ip_the_vip_may_be(
    tmp_path, monkeypatch
):
    script = SH_CREATE + 'if [ "$KEEP" = yes ]; then\n  ' + SH_ASSOCIATE + "fi\n"
    [finding] = [f for f in _lint(tmp_path, monkeypatch, "deploy.sh", script).findings if f.code == "MIG105"]
    assert "its VIP changes unless it is reserved IP 'MyReservedIP'" in finding.message
    assert "which a call that may not run associates with it (deploy.sh:5)" in finding.message


@pytest.mark.parametrize(
    "condition",
    [
        'if [ "$KEEP" = yes ]; then\n  {}fi\n',
        '[ "$KEEP" = yes ] && {}',
        "azure service show TestService && {}",
    ],
    ids=["if", "test &&", "command &&"],
)
def test_the_classic_cli_s_association_that_may_not_run_is_said_so_after_and_and_as_under_an_if(
    tmp_path, monkeypatch, condition: str
):
    script = SH_CREATE + condition.format(SH_ASSOCIATE)
    [finding] = [f for f in _lint(tmp_path, monkeypatch, "deploy.sh", script).findings if f.code == "MIG105"]
    assert "its VIP changes unless it is reserved IP 'MyReservedIP'" in finding.message
    assert "which a call that may not run associates with it (deploy.sh:" in finding.message


@pytest.mark.parametrize(
    "condition", ['if [ -n "$DROP" ]; then\n  {}fi\n', '[ -n "$DROP" ] && {}'], ids=["if", "test &&"]
)
def test_the_classic_cli_s_removal_that_may_not_run_may_take_the_reserved_ip_off(
    tmp_path, monkeypatch, condition: str
):
    script = SH_CREATE + SH_ASSOCIATE + condition.format(SH_REMOVE)
    [finding] = [f for f in _lint(tmp_path, monkeypatch, "deploy.sh", script).findings if f.code == "MIG105"]
    assert "its VIP changes unless it is reserved IP 'MyReservedIP'" in finding.message
    assert "which a call that may not run removes from it (deploy.sh:" in finding.message


@pytest.mark.parametrize("condition", ['if [ -n "$DROP" ]; then\n  {}fi\n', "{}"], ids=["if", "surely"])
def test_the_classic_cli_s_removal_of_another_reserved_ip_changes_nothing(tmp_path, monkeypatch, condition):
    # the platform refuses to take off a reserved IP the deployment does not hold
    other = SH_REMOVE.replace("MyReservedIP", "OtherIP", 1)
    script = SH_CREATE + SH_ASSOCIATE + condition.format(other)
    [finding] = [f for f in _lint(tmp_path, monkeypatch, "deploy.sh", script).findings if f.code == "MIG105"]
    assert "its VIP is reserved IP 'MyReservedIP' and is kept" in finding.message


def test_the_classic_cli_s_removal_that_surely_runs_leaves_the_vip_dynamic(tmp_path, monkeypatch):
    script = SH_CREATE + SH_ASSOCIATE + SH_REMOVE
    [finding] = [f for f in _lint(tmp_path, monkeypatch, "deploy.sh", script).findings if f.code == "MIG105"]
    assert "its VIP is not reserved and will change" in finding.message


SH_CREATE_IN_BRANCH = (
    "#!/bin/bash\n"
    'azure network reserved-ip create MyReservedIP "Central US"\n'
    'if [ -n "$NEW" ]; then\n'
    '  azure vm create TestService img ops Passw0rd! --vm-name TestVM --location "Central US"{reserved}\n'
    "  {call}"
    "fi\n"
)


@pytest.mark.parametrize(
    ("reserved", "call", "expected"),
    [
        ("", SH_ASSOCIATE, "its VIP is reserved IP 'MyReservedIP' and is kept"),
        (" --reserved-ip MyReservedIP", SH_REMOVE, "its VIP is not reserved and will change"),
    ],
    ids=["association", "removal"],
)
def test_the_classic_cli_s_call_in_the_branch_that_creates_the_deployment_is_made_with_it(
    tmp_path, monkeypatch, reserved, call, expected
):
    # whenever the branch creates the VM, the call after it runs: as Set-AzureReservedIPAssociation's
    script = SH_CREATE_IN_BRANCH.format(reserved=reserved, call=call)
    [finding] = [f for f in _lint(tmp_path, monkeypatch, "deploy.sh", script).findings if f.code == "MIG105"]
    assert expected in finding.message
