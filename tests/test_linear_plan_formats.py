"""The plan's cost stays linear in its steps, in every format and in building it: a plan of thousands of
networks (or of storage accounts, each after the VM of its disk) once took minutes, each step looking up
the number of every other step, or each disk asking every deployment of its service for its VM; or, for
storage accounts that each come after every step that moves VMs, each walking all of those steps."""

from __future__ import annotations

import pytest
from growth import assert_linear

from migcheck.cli import _lint_as_check_does, _parser
from migcheck.plan import (
    Commands,
    Plan,
    Step,
    StepKind,
    SubscriptionPlan,
    _run_order,
    _waiting_on_blockers,
    build_plan,
    overview,
)
from migcheck.report.plan_format import PLAN_FORMATS, render_plan

REST_NS = "http://schemas.microsoft.com/windowsazure"


def _plan(count: int, *, chained: bool) -> Plan:
    """A plan of `count` network steps; `chained`: each after the one before it, as networks come after
    their circuit, or storage accounts after the VMs of their disks."""
    commands = Commands(("validate",), ("prepare",), ("check",), ("commit",), ("abort",))
    steps = tuple(
        Step(
            id=f"network:vnet{i}",
            kind=StepKind.NETWORK,
            name=f"vnet{i}",
            wave=1 + i,
            after=(f"network:vnet{i - 1}",) if chained and i else (),
            moves=(f"virtual network 'vnet{i}'",),
            becomes=(f"virtual network 'vnet{i}' in resource group 'vnet{i}-Migrated'",),
            downtime="None.",
            blockers=(),
            powershell=commands,
            cli=commands,
        )
        for i in range(count)
    )
    return Plan((SubscriptionPlan("default", steps),))


@pytest.mark.parametrize("fmt", PLAN_FORMATS)
@pytest.mark.parametrize("chained", [False, True], ids=["steps after nothing", "every step after another"])
def test_each_format_of_a_plan_of_many_steps(fmt, chained):
    def make(n: int):
        plan = _plan(n, chained=chained)
        return lambda: render_plan(plan, fmt)

    assert_linear(make, 1500)


def test_building_a_plan_of_storage_accounts_each_after_the_vm_of_its_disk(tmp_path, monkeypatch):
    """One hosted service of many deployments, each a VM whose disk is in a storage account of its own:
    each account's step comes after the step of its VM's deployment."""
    monkeypatch.chdir(tmp_path)

    def make(n: int):
        folder = tmp_path / f"n{n}"
        folder.mkdir()
        deployments = "".join(
            f"<Deployment><Name>d{i}</Name><RoleList><Role><RoleName>vm{i}</RoleName>"
            "<RoleType>PersistentVMRole</RoleType><OSVirtualHardDisk>"
            f"<MediaLink>https://acct{i}.blob.core.windows.net/vhds/vm{i}.vhd</MediaLink><OS>Linux</OS>"
            "</OSVirtualHardDisk></Role></RoleList></Deployment>\n"
            for i in range(n)
        )
        (folder / "svc.xml").write_text(
            f'<HostedService xmlns="{REST_NS}"><ServiceName>svc</ServiceName><Deployments>\n'
            f"{deployments}</Deployments></HostedService>\n"
        )
        result, _ = _lint_as_check_does(_parser().parse_args(["plan", folder.name]))
        storage = [s for s in build_plan(result).steps if s.kind is StepKind.STORAGE]
        assert len(storage) == n and all(step.after for step in storage)
        return lambda: build_plan(result)

    assert_linear(make, 800)


def _accounts_after_every_step(count: int, *, ready: bool) -> list[Step]:
    """`count` steps of VMs (not `ready`: not decided, as a service the files may describe in part), then
    `count` storage accounts that each come after all of them, through one shared `after` tuple, as the
    plan makes each account no disk is in come after every step that moves VMs."""
    commands = Commands(("validate",), ("prepare",), ("check",), ("commit",), ("abort",))
    vms = [
        Step(
            id=f"service:svc{i}",
            kind=StepKind.SERVICE,
            name=f"svc{i}",
            wave=1,
            after=(),
            moves=(f"cloud service 'svc{i}'",),
            becomes=(),
            downtime="None.",
            blockers=(),
            powershell=commands,
            partly_described=not ready,
        )
        for i in range(count)
    ]
    every_vm_step = tuple(step.id for step in vms)
    accounts = [
        Step(
            id=f"storage:spare{i}",
            kind=StepKind.STORAGE,
            name=f"spare{i}",
            wave=2,
            after=every_vm_step,
            moves=(f"storage account 'spare{i}'",),
            becomes=(),
            downtime="None.",
            blockers=(),
            powershell=commands,
        )
        for i in range(count)
    ]
    return [*accounts, *vms]  # as built: the run order puts the steps of VMs first


@pytest.mark.parametrize("ready", [True, False], ids=["steps of VMs ready", "steps of VMs not ready"])
def test_ordering_accounts_each_after_every_step_of_vms(ready):
    """The run order, what each account waits on and the overview's counts, for accounts that share one
    `after` tuple: each account walked every step of it, accounts times steps of VMs."""

    def make(n: int):
        steps = _accounts_after_every_step(n, ready=ready)
        return lambda: overview(_waiting_on_blockers(_run_order(steps)))

    assert_linear(make, 1500)


@pytest.mark.parametrize("fmt", [fmt for fmt in PLAN_FORMATS if fmt != "json"])
def test_each_format_of_accounts_each_after_every_step_of_vms(fmt):
    """The text, Markdown and HTML plans say the steps the accounts come after as a range (`steps 1-1500`),
    found once for the tuple they share; the JSON plan lists every id, as its schema says."""

    def make(n: int):
        steps = _waiting_on_blockers(_run_order(_accounts_after_every_step(n, ready=False)))
        plan = Plan((SubscriptionPlan("default", steps),))
        return lambda: render_plan(plan, fmt)

    assert_linear(make, 1500)
