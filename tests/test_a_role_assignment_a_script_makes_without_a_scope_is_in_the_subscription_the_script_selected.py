"""A role assignment a script makes without a scope id, on the subscription or a resource group of it, is in the
subscription the script selected before the command: `az account set --subscription` (`-s`) for the Azure CLI,
`Set-AzContext -Subscription` (`Select-AzSubscription`, AzureRM's, `Connect-AzAccount -Subscription`) for the Az
modules, each its own. A subscription selected by name is a stand-in for its id that says the name. Where the
script selects none, selects one on some paths only, or signs in again (`az login`, `Connect-AzAccount` without
`-Subscription`), the subscription is the placeholder it was: the one the CLI is logged into, the one of the
signed-in context."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

SUB = "11111111-2222-3333-4444-555555555555"
CLASSIC_VM_SH = "azure vm create shop img01 ops pw -w vnet1 -b web\n"
CLASSIC_VM_PS = "New-AzureVM -ServiceName shop -VMs $vm -VNetName vnet1\n"
ROLE = '"Classic Virtual Machine Contributor"'
AZ_ASSIGN = f"az role assignment create --assignee ops@contoso.com --role {ROLE}"
PS_ASSIGN = f"New-AzRoleAssignment -SignInName ops@contoso.com -RoleDefinitionName {ROLE}"
AZ_PLACEHOLDER = "<subscription az is logged into>"
PS_PLACEHOLDER = "<subscription of the signed-in context>"


def _mig501(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, script: str) -> tuple[str, str]:
    """The one MIG501's message and fix, and where it is (line:column)."""
    result = lint_files(tmp_path, monkeypatch, {name: script})
    found = [f for f in result.findings if f.code == "MIG501"]
    assert len(found) == 1, [f.code for f in result.findings]
    return f"{found[0].message} {found[0].fix}", f"{found[0].location.line}:{found[0].location.column}"


def _on(subscription: str) -> list[str]:
    """What the message and fix say of an assignment on the whole subscription."""
    return [f"on subscription {subscription}:", f"-Scope /subscriptions/{subscription}`"]


SELECTIONS_SH = [
    (f"az account set --subscription {SUB}", SUB),
    (f"az account set -s {SUB}", SUB),
    (f"az account set --subscription={SUB}", SUB),
    ('az account set -s "Contoso Prod"', "<id of subscription Contoso Prod>"),
    (f"az account set -s {SUB}\naz login", AZ_PLACEHOLDER),
    (f'if [ -n "$PROD" ]; then\n  az account set -s {SUB}\nfi', AZ_PLACEHOLDER),
    ("az account set -s $SUBSCRIPTION", AZ_PLACEHOLDER),
    ("", AZ_PLACEHOLDER),
]
IDS_SH = [
    "--subscription",
    "-s",
    "--subscription=",
    "by name",
    "az login after",
    "in an if",
    "not stated",
    "none",
]


@pytest.mark.parametrize(("selection", "subscription"), SELECTIONS_SH, ids=IDS_SH)
def test_az_assigns_in_the_subscription_az_account_set_selected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, selection: str, subscription: str
) -> None:
    script = f"{CLASSIC_VM_SH}{selection}\n{AZ_ASSIGN}\n"
    message, place = _mig501(tmp_path, monkeypatch, "setup.sh", script)
    assert place == f"{script.count(chr(10))}:{AZ_ASSIGN.index(ROLE) + 1}"  # at the role's opening quote
    for said in _on(subscription):
        assert said in message


def test_az_given_a_resource_group_assigns_on_that_group_of_the_selected_subscription(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = f"{CLASSIC_VM_SH}az account set -s {SUB}\n{AZ_ASSIGN} -g shop\n"
    message, _ = _mig501(tmp_path, monkeypatch, "setup.sh", script)
    assert f"on resource group 'shop' of subscription {SUB}:" in message
    assert f"-Scope /subscriptions/{SUB}/resourceGroups/shop-Migrated`" in message


def test_a_subscription_the_command_names_is_the_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    other = "99999999-2222-3333-4444-555555555555"
    script = f"{CLASSIC_VM_SH}az account set -s {SUB}\n{AZ_ASSIGN} --subscription {other}\n"
    message, _ = _mig501(tmp_path, monkeypatch, "setup.sh", script)
    assert f"on subscription {other}:" in message


def test_a_ci_step_s_selection_is_read_alike(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workflow = (
        "on: workflow_dispatch\njobs:\n  ops:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n"
        f"          {CLASSIC_VM_SH}"
        f"          az account set --subscription {SUB}\n"
        f"          {AZ_ASSIGN}\n"
    )
    message, _ = _mig501(tmp_path, monkeypatch, ".github/workflows/ops.yml", workflow)
    assert f"on subscription {SUB}:" in message


SELECTIONS_PS = [
    (f"Set-AzContext -Subscription {SUB}", SUB),
    (f"Set-AzContext {SUB}", SUB),
    (f"Select-AzSubscription -SubscriptionId {SUB}", SUB),
    ("Select-AzSubscription -SubscriptionName 'Contoso Prod'", "<id of subscription Contoso Prod>"),
    (f"Set-AzureRmContext -SubscriptionId {SUB}", SUB),
    (f"Connect-AzAccount -Subscription {SUB}", SUB),
    (f"Set-AzContext -Subscription {SUB}\nConnect-AzAccount", PS_PLACEHOLDER),
    (f"if ($prod) {{ Set-AzContext -Subscription {SUB} }}", PS_PLACEHOLDER),
    ("Set-AzContext -Context $context", PS_PLACEHOLDER),
    (f"az account set -s {SUB}", PS_PLACEHOLDER),  # the Azure CLI's, not the Az modules'
    ("", PS_PLACEHOLDER),
]
IDS_PS = [
    "Set-AzContext",
    "by position",
    "Select-AzSubscription",
    "by name",
    "AzureRM",
    "Connect-AzAccount",
    "signed in again",
    "in an if",
    "a context object",
    "az account set",
    "none",
]


@pytest.mark.parametrize(("selection", "subscription"), SELECTIONS_PS, ids=IDS_PS)
def test_new_azroleassignment_assigns_in_the_subscription_of_the_az_context(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, selection: str, subscription: str
) -> None:
    script = f"{CLASSIC_VM_PS}{selection}\n{PS_ASSIGN}\n"
    message, place = _mig501(tmp_path, monkeypatch, "setup.ps1", script)
    assert place == f"{script.count(chr(10))}:{PS_ASSIGN.index(ROLE) + 1}"
    for said in _on(subscription):
        assert said in message


@pytest.mark.parametrize(
    ("selection", "subscription"),
    [(f"az account set --subscription {SUB}", SUB), (f"Set-AzContext -Subscription {SUB}", AZ_PLACEHOLDER)],
    ids=["az account set", "Set-AzContext"],
)
def test_az_in_powershell_assigns_in_the_subscription_az_account_set_selected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, selection: str, subscription: str
) -> None:
    script = f"{CLASSIC_VM_PS}{selection}\n{AZ_ASSIGN}\n"
    message, _ = _mig501(tmp_path, monkeypatch, "setup.ps1", script)
    for said in _on(subscription):
        assert said in message


def test_each_subscription_a_script_selects_may_hold_its_classic_resources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A script that selects two subscriptions and assigns a classic-only role in each, beside classic resources
    of no subscription known, is told of both: either may hold them."""
    other = "99999999-8888-7777-6666-555555555555"
    script = (
        f"{CLASSIC_VM_SH}az account set -s {SUB}\n{AZ_ASSIGN}\n"
        f'az account set -s {other}\naz role assignment create --assignee ops@contoso.com --role "Classic Network Contributor"\n'
    )
    result = lint_files(tmp_path, monkeypatch, {"setup.sh": script})
    told = sorted(f.location.line for f in result.findings if f.code == "MIG501")
    assert told == [3, 5]
