"""`migcheck plan`, as a new user read it: every error `check` reports is in the plan, steps say what
happens to each kind of thing they hold, steps of one name are told apart, the markdown gives each
blocker's fix, and a plan that not every rule graded says so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import run_cli as run

from migcheck.config import Config
from migcheck.engine import LintResult, lint
from migcheck.model import Severity
from migcheck.plan import Plan, build_plan
from migcheck.plugins import load_rules

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
RULES = load_rules(entry_points=False)


def plan_and_errors(*paths: str) -> tuple[Plan, set[tuple[str, object, str]]]:
    result = lint(list(paths), Config(), RULES)
    return build_plan(result), errors_of(result)


def errors_of(result: LintResult) -> set[tuple[str, object, str]]:
    return {(f.code, f.mark, f.message) for f in result.findings if f.severity is Severity.ERROR}


def in_plan(plan: Plan) -> set[tuple[str, object, str]]:
    return {
        (f.code, f.mark, f.message)
        for subscription in plan.subscriptions
        for f in (
            *subscription.other_blockers,
            *subscription.unread,
            *(b for step in subscription.steps for b in step.blockers),
        )
    }


@pytest.fixture
def examples(monkeypatch):
    monkeypatch.chdir(ROOT)


# --- (2) every error `check` reports is in the plan ------------------------------------------------------


def test_every_error_check_reports_is_in_the_plan(examples):
    plan, errors = plan_and_errors("examples/contoso")
    assert errors and errors <= in_plan(plan)


def test_an_authorization_link_blocks_the_circuit_step(examples):
    plan, _ = plan_and_errors("examples/contoso")
    circuit = next(step for step in plan.steps if step.id == "circuit:contoso-dc-frankfurt")
    assert not circuit.ready
    assert [f.code for f in circuit.blockers] == ["MIG311"]
    assert circuit.blockers[0].location.path == "examples/contoso/inventory/er-authorizations.json"


def test_an_error_about_no_step_has_a_section_of_its_own(examples, capsys):
    plan, _ = plan_and_errors("examples/contoso")
    (subscription,) = plan.subscriptions
    assert [f.code for f in subscription.other_blockers] == ["MIG602"]
    out = run(capsys, "plan", "examples/contoso")[1]
    section = out.split("Blockers outside the steps")[1]
    assert "examples/contoso/runbooks/Move-ContosoProd.ps1:14:1: MIG602" in section
    assert "fix: Run Validate, then Prepare" in section
    data = json.loads(run(capsys, "plan", "examples/contoso", "--format", "json")[1])
    assert [b["code"] for b in data["subscriptions"][0]["other_blockers"]] == ["MIG602"]
    markdown = run(capsys, "plan", "examples/contoso", "--format", "markdown")[1]
    assert (
        "### Blockers outside the steps" in markdown and "MIG602" in markdown.split("### Blockers outside")[1]
    )
    page = run(capsys, "plan", "examples/contoso", "--format", "html")[1]
    assert "MIG602" in page.split("Blockers outside the steps")[1]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not here")
def test_every_error_of_the_corpus_is_in_its_plan(corpus_lint, monkeypatch):
    monkeypatch.chdir(CORPUS)
    plan, errors = build_plan(corpus_lint), errors_of(corpus_lint)
    assert errors and errors <= in_plan(plan)


# --- (4) the markdown gives each blocker's fix -----------------------------------------------------------


def test_markdown_gives_the_fix_of_every_blocker(examples, capsys):
    plan, _ = plan_and_errors("examples/contoso")
    markdown = run(capsys, "plan", "examples/contoso", "--format", "markdown")[1]
    # One fix line per rule and fix a step's blockers share, as the text and HTML formats give them.
    groups = {(step.id, f.code, f.fix) for step in plan.steps for f in step.blockers if f.fix}
    groups |= {("", f.code, f.fix) for s in plan.subscriptions for f in s.other_blockers if f.fix}
    assert groups and markdown.count("**Fix:**") == len(groups)
    assert "- **Fix:** Write 10.3.0.0/24 instead of 10.3.0.00/24." in markdown


# --- (7) a network of web/worker roles says what happens to each kind -----------------------------------


def web_network(examples_plan: Plan):
    return next(step for step in examples_plan.steps if step.id == "network:contoso-web-vnet")


def test_a_network_of_roles_moves_no_roles_and_says_what_becomes_of_them(examples):
    step = web_network(plan_and_errors("examples/contoso")[0])
    assert not any("web/worker roles" in m for m in step.moves)  # the roles do not move
    (note,) = [n for n in step.notes if "Storefront" in n]
    assert note.startswith(
        "Not moved: cloud service 'contoso-webshop': web/worker roles Storefront, OrderProcessor"
    )
    assert "MIG101" in note
    # No VM is in it: the downtime does not speak of VMs that keep running, and says the roles stay.
    assert "keep running" not in step.downtime
    assert "web/worker roles do not move" in step.downtime


def test_a_network_with_vms_still_says_they_keep_running(examples):
    plan, _ = plan_and_errors("examples/contoso")
    prod = next(step for step in plan.steps if step.id == "network:contoso-prod-vnet")
    assert "None for the VMs: running ones keep running, deallocated ones move deallocated." in prod.downtime
    assert "web/worker" not in prod.downtime
    assert any(m.startswith("cloud service 'contoso-jump': VMs contoso-jump01") for m in prod.moves)


def test_a_fix_shared_by_blockers_of_one_rule_is_given_once(examples, capsys):
    out = run(capsys, "plan", "examples/contoso")[1]
    step = out.split("Virtual network: contoso-web-vnet")[1].split("\n\n")[0]
    assert step.count("MIG101 cloud service 'contoso-webshop'") == 2
    assert step.count("Rebuild the role's code") == 1
    assert "(for the 2 MIG101 blockers above)" in step


# --- (8) steps of one name are told apart ----------------------------------------------------------------

ROLE = """\
<PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure">
  <RoleName>web01</RoleName>
  <RoleType>PersistentVMRole</RoleType>
  <OSVirtualHardDisk>
    <MediaLink>https://shared.blob.core.windows.net/vhds/web01-{n}.vhd</MediaLink>
  </OSVirtualHardDisk>
</PersistentVMRole>
"""
CSDEF = """\
<ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="{role}" vmsize="Small"/>
</ServiceDefinition>
"""


def test_steps_of_services_with_one_name_say_where_they_come_from(tmp_path, monkeypatch):
    """Two role bodies that no file names a service for, and one service packaged in two folders: each
    step says its folder, ids are unique, and each step holds its own blockers."""
    files = {
        "a/role.xml": ROLE.format(n=1),
        "b/role.xml": ROLE.format(n=2),
        "lab1/ServiceDefinition.csdef": CSDEF.format(role="Web"),
        "lab2/ServiceDefinition.csdef": CSDEF.format(role="Worker"),
    }
    for path, text in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text)
    monkeypatch.chdir(tmp_path)
    plan = build_plan(lint(["."], Config(), RULES))
    steps = list(plan.steps)
    ids = [step.id for step in steps]
    assert len(ids) == len(set(ids))
    names = {step.id: step.name for step in steps}
    assert names["service:web01@a"] == "<cloud service of VM web01 in a>"
    assert names["service:web01@b"] == "<cloud service of VM web01 in b>"
    assert names["web-worker:shop@lab1"] == "shop (lab1)" and names["web-worker:shop@lab2"] == "shop (lab2)"
    # Each service's blockers are its own, not those of the first service of its name.
    for folder in ("lab1", "lab2"):
        step = next(s for s in steps if s.id == f"web-worker:shop@{folder}")
        assert step.blockers and all(f.mark.path.startswith(f"{folder}/") for f in step.blockers)
    storage = next(step for step in steps if step.id == "storage:shared")
    assert set(storage.after) <= set(ids) and storage.after


def test_definitions_of_one_name_in_one_folder_are_one_service_of_one_step(tmp_path, monkeypatch):
    # A service name is one cloud service: the second definition is a copy, compared with the first (MIG004).
    (tmp_path / "one.csdef").write_text(CSDEF.format(role="Web"))
    (tmp_path / "two.csdef").write_text(CSDEF.format(role="Worker"))
    monkeypatch.chdir(tmp_path)
    names = sorted(
        step.name for step in build_plan(lint(["."], Config(), RULES)).steps if "shop" in step.name
    )
    assert names == ["shop"]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not here")
def test_no_two_steps_of_the_corpus_share_an_id_or_a_name(corpus_lint, monkeypatch):
    monkeypatch.chdir(CORPUS)
    plan = build_plan(corpus_lint)
    for subscription in plan.subscriptions:
        ids = [step.id for step in subscription.steps]
        names = [(step.kind, step.name) for step in subscription.steps]
        assert len(ids) == len(set(ids)), subscription.subscription
        assert len(names) == len(set(names)), subscription.subscription


# --- (5) a plan not every rule graded says so ------------------------------------------------------------


def test_a_plan_of_some_rules_says_how_many_graded_it(examples, capsys):
    total = len(load_rules())
    out = run(capsys, "plan", "examples/ready", "--select", "MIG303")[1]
    assert f"— ready (checked by 2 of {total} rules)" in out
    assert f"This plan was checked by 2 of {total} rules" in out
    assert "— ready\n" not in out
    data = json.loads(run(capsys, "plan", "examples/ready", "--select", "MIG303", "--format", "json")[1])
    assert data["rules"] == {"run": 2, "total": total}
    markdown = run(capsys, "plan", "examples/ready", "--select", "MIG303", "--format", "markdown")[1]
    assert f"✅ ready (checked by 2 of {total} rules)" in markdown


def test_a_plan_no_rule_graded_warns(examples, capsys):
    code, out, err = run(capsys, "plan", "examples/ready", "--ignore", "ALL")
    assert code == 0
    assert "No rule ran" in out and "no step can be called ready" in out
    assert "migcheck: warning: no rule runs" in err


def test_a_plan_of_every_rule_says_ready_plainly(examples, capsys):
    out = run(capsys, "plan", "examples/ready")[1]
    assert "— ready\n" in out and "checked by" not in out


def test_a_runbook_checked_alone_is_not_nothing_to_migrate(tmp_path, monkeypatch, capsys):
    """Its blockers are listed; the closing line does not say there is nothing."""
    (tmp_path / "m.py").write_text(
        "from azure.servicemanagement import ServiceManagementService\n"
        'sms = ServiceManagementService("sub", "cert.pem")\n'
        'sms.perform_post("/sub/services/networking/virtualnetwork/prod-vnet/migration?comp=Commit", "")\n'
        'sms.perform_post("/sub/services/networking/virtualnetwork/prod-vnet/migration?comp=Validate", "")\n'
        'sms.perform_post("/sub/services/networking/virtualnetwork/prod-vnet/migration?comp=Prepare", "")\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    out = run(capsys, "plan", ".")[1]
    assert "MIG602" in out and "Nothing to migrate" not in out
    assert out.rstrip().endswith("only what the blockers above are about.")
