"""`migcheck plan`: a step that waits on a cloud service of web/worker roles (a storage account holding a
disk of a VM beside them) says what it waits for, in every format: the roles' rebuild elsewhere and
cut-over, and those VMs deleted or migrated once the roles are gone. This process never migrates the roles,
so their step is never committed, blocked or not."""

from __future__ import annotations

import json
import textwrap

import lxml.html
from test_plan_lists_steps_in_no_wave_after_the_last_wave import service

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plan import build_plan
from migcheck.plugins import load_rules
from migcheck.report.plan_format import render_plan

WEB = "<Role><RoleName>Web</RoleName><RoleType>WebRole</RoleType></Role>"
# A VM beside web roles, and a VM of its own service: the disks of both are in storage account stdacct.
ESTATE = {"a.xml": service("alpha", "a01", roles=WEB), "b.xml": service("beta", "b01")}
WAITS = (
    "It waits on step 2, a cloud service of web/worker roles, which this process never migrates, so it is "
    "never committed: it can start only once those roles are rebuilt elsewhere and cut over, and the VMs of "
    "that service are deleted or, once the roles are deleted from it, migrated (check again to plan their step)."
)


def test_the_storage_step_says_it_waits_for_the_roles_rebuild(plan_of):
    plan = plan_of(ESTATE)
    roles, storage = list(plan.steps)[1:]
    assert (roles.id, storage.id) == ("web-worker:alpha", "storage:stdacct")
    assert storage.ready and storage.notes[0] == WAITS
    assert not any("unblocked and committed" in note for note in storage.notes)


def test_every_format_says_it(plan_of):
    plan = plan_of(ESTATE)
    assert WAITS in render_plan(plan, "text").replace("\n", " ")
    assert WAITS in render_plan(plan, "markdown").replace("\n", " ")
    page = lxml.html.fromstring(render_plan(plan, "html"))
    assert WAITS in " ".join(page.text_content().split())
    [data] = json.loads(render_plan(plan, "json"))["subscriptions"]
    assert data["steps"][2]["notes"][0] == WAITS


def test_a_ready_step_of_roles_is_waited_on_all_the_same(tmp_path, monkeypatch):
    # MIG101 left out: the roles' step is ready, and still never committed.
    for name, text in ESTATE.items():
        (tmp_path / name).write_text(textwrap.dedent(text), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    plan = build_plan(lint(["."], Config(ignore=("MIG101",)), load_rules(entry_points=False)))
    roles, storage = list(plan.steps)[1:]
    assert roles.ready and storage.notes[0] == WAITS
