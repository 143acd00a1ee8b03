"""The step of a storage account no file states (the account of a VM's disk given by its name alone, see
`estate.UnstatedAccount`) comes in the wave after the steps that move its VMs. Each such step looked their
waves up in a table of every step built before it, made again for each account: accounts times steps. A
REST list of 1,000 to 4,000 hosted services, each a VM whose OS disk is given by name, took 0.25, 0.60 and
1.64 s to plan; the table is now made once for all of them (0.21, 0.42 and 0.82 s). The growth is too slow
to tell from noise at sizes a test can lint, so the test counts the reads of the list of steps instead."""

from __future__ import annotations

from lint_support import lint_files

from migcheck import plan
from migcheck.plan import build_plan

REST_NS = "http://schemas.microsoft.com/windowsazure"


def services_of_unstated_disk_accounts(count: int) -> dict[str, str]:
    """A REST list of `count` hosted services, each a VM whose OS disk the body gives by its name alone."""
    hosted = "".join(
        f"<HostedService><ServiceName>svc{i}</ServiceName><Deployments><Deployment><Name>d{i}</Name>"
        f"<RoleList><Role><RoleName>vm{i}</RoleName><RoleType>PersistentVMRole</RoleType>"
        f"<OSVirtualHardDisk><DiskName>disk{i}</DiskName><OS>Linux</OS></OSVirtualHardDisk></Role></RoleList>"
        "</Deployment></Deployments></HostedService>\n"
        for i in range(count)
    )
    return {"services.xml": f'<HostedServices xmlns="{REST_NS}">\n{hosted}</HostedServices>\n'}


class _CountedSteps(list):
    """The builder's steps, counting the passes made over them."""

    passes = 0

    def __iter__(self):
        _CountedSteps.passes += 1
        return super().__iter__()


def test_each_account_s_step_comes_after_its_vm_s(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, services_of_unstated_disk_accounts(3), dedent=False)
    (subscription,) = build_plan(result).subscriptions
    placed = [(step.name, step.wave, step.after) for step in subscription.steps]
    assert placed == [
        *((f"svc{i}/d{i}", 1, ()) for i in range(3)),
        *(
            (f"<storage account of disk disk{i}, services.xml:{i + 2}>", 2, (f"service:svc{i}/d{i}",))
            for i in range(3)
        ),
    ]


def test_the_steps_of_many_such_accounts_pass_over_the_other_steps_none_each(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, services_of_unstated_disk_accounts(20), dedent=False)
    built = plan._unstated_account_step
    passes: list[int] = []

    def counted(builder, *args):
        steps, builder.steps = builder.steps, _CountedSteps(builder.steps)
        before = _CountedSteps.passes
        try:
            return built(builder, *args)
        finally:
            passes.append(_CountedSteps.passes - before)
            builder.steps = steps

    monkeypatch.setattr(plan, "_unstated_account_step", counted)
    build_plan(result)
    assert passes == [0] * 20
