"""A storage account the files show no disk in may hold disks of VMs they do not show, so its readiness item
waits on every item that moves VMs (`ScopeItem.after`). Each such account once built its own tuple of those
items, hashing every cloud service it held: an inventory estate of 48 exports took 145 s. Doubling both the
accounts and the cloud services of a VM each must only double the cost of the readiness summary."""

from __future__ import annotations

from growth import assert_linear
from lint_support import lint_files

from migcheck.report.readiness import readiness

REST_NS = "http://schemas.microsoft.com/windowsazure"


def _estate(count: int) -> dict[str, str]:
    """A list of `count` hosted services, each a VM in no network whose disk is in the listed account
    `disks`, and `count` more listed accounts that hold no disk the files show."""
    services = "".join(
        f"<HostedService><ServiceName>svc{i}</ServiceName><Deployments><Deployment><Name>d{i}</Name>"
        f"<RoleList><Role><RoleName>vm{i}</RoleName><RoleType>PersistentVMRole</RoleType>"
        f"<OSVirtualHardDisk><MediaLink>https://disks.blob.core.windows.net/vhds/vm{i}.vhd</MediaLink>"
        "<OS>Linux</OS></OSVirtualHardDisk></Role></RoleList></Deployment></Deployments></HostedService>\n"
        for i in range(count)
    )
    accounts = "".join(
        f"<StorageService><ServiceName>{name}</ServiceName></StorageService>\n"
        for name in ("disks", *(f"spare{i}" for i in range(count)))
    )
    return {
        "services.xml": f'<HostedServices xmlns="{REST_NS}">\n{services}</HostedServices>\n',
        "accounts.xml": f'<StorageServices xmlns="{REST_NS}">\n{accounts}</StorageServices>\n',
    }


def test_each_account_no_disk_is_in_waits_on_every_cloud_service_of_vms(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, _estate(3), dedent=False)
    (summary,) = readiness(result)
    after = {item.name: [subject.name for subject in item.after] for item in summary.items}
    every_service = ["svc0", "svc1", "svc2"]
    assert after == {
        **{service: [] for service in every_service},
        **{account: every_service for account in ("disks", "spare0", "spare1", "spare2")},
    }


def test_the_readiness_summary_of_many_such_accounts_and_services(tmp_path, monkeypatch):
    def make(n: int):
        result = lint_files(tmp_path / f"n{n}", monkeypatch, _estate(n), dedent=False)
        return lambda: readiness(result)

    assert_linear(make, 400)
