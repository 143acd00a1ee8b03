"""The plan's cost stays linear in its steps, in every format and in building it: a plan of thousands of
networks (or of storage accounts, each after the VM of its disk) once took minutes, each step looking up
the number of every other step, or each disk asking every deployment of its service for its VM."""

from __future__ import annotations

import pytest
from growth import assert_linear

from migcheck.cli import _lint_as_check_does, _parser
from migcheck.plan import Commands, Plan, Step, StepKind, SubscriptionPlan, build_plan
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
