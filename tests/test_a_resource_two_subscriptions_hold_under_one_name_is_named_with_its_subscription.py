"""Where the inventory exports span several subscriptions, each is checked on its own, and two may hold a
cloud service, storage account or virtual network of one name that breaks the same rule: each finding names
its subscription after the resource's name, as MIG313 names that of a peered classic network (a name is
unique only within one subscription). A name one subscription holds is said by its name alone, as before."""

from __future__ import annotations

import pytest
from lint_support import RULES, graph_page, graph_vm, lint_files

from migcheck.config import Config
from migcheck.engine import ReadCache, lint

FIRST = "11111111-1111-4111-8111-111111111111"
SECOND = "22222222-2222-4222-8222-222222222222"
OTHER_SERVICE = "MIG103 VM 'web2' is in no availability set, but other VMs of cloud service 'svc'"


def _service_with_a_vm_out_of_its_set(subscription: str, service: str = "svc") -> list[dict]:
    """Cloud service `service` of `subscription`: web1 in availability set as1, web2 in none (MIG103)."""
    return [graph_vm(subscription, service, "web1", "as1"), graph_vm(subscription, service, "web2")]


@pytest.mark.parametrize(
    ("second_service", "said"),
    [
        (
            "svc",
            [
                f"{OTHER_SERVICE} (subscription {FIRST}) are in 'as1'",
                f"{OTHER_SERVICE} (subscription {SECOND}) are in 'as1'",
            ],
        ),
        (
            "shop",
            [
                f"{OTHER_SERVICE} are in 'as1'",
                "MIG103 VM 'web2' is in no availability set, but other VMs of cloud service 'shop' are in 'as1'",
            ],
        ),
    ],
    ids=["one-name-in-two-subscriptions", "a-name-of-each"],
)
def test_the_cloud_service_of_a_finding_is_named_with_its_subscription_where_another_holds_its_name(
    tmp_path, monkeypatch, second_service: str, said: list[str]
) -> None:
    rows = [
        *_service_with_a_vm_out_of_its_set(FIRST),
        *_service_with_a_vm_out_of_its_set(SECOND, second_service),
    ]
    result = lint_files(tmp_path, monkeypatch, {"classic.json": graph_page(*rows, indent=2)}, "MIG103")
    assert sorted(f"{f.code} {f.message}" for f in result.findings) == sorted(said)


def test_the_editor_s_check_names_the_subscriptions_alike(tmp_path, monkeypatch) -> None:
    """The editor server checks again from what its last check kept (`ReadCache`): the same words."""
    rows = [*_service_with_a_vm_out_of_its_set(FIRST), *_service_with_a_vm_out_of_its_set(SECOND)]
    (tmp_path / "classic.json").write_text(graph_page(*rows, indent=2), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    cache = ReadCache()
    for _ in range(2):  # linked, then kept
        result = lint(["."], Config(select=("MIG103",)), RULES, cache=cache)
        assert sorted(f.message.split(" are in")[0][-len(FIRST) - 1 : -1] for f in result.findings) == [
            FIRST,
            SECOND,
        ]


def _classic_account(subscription: str, name: str) -> dict:
    return {
        "id": f"/subscriptions/{subscription}/resourceGroups/Default-Storage/providers/"
        f"Microsoft.ClassicStorage/storageAccounts/{name}",
        "name": name,
        "type": "microsoft.classicstorage/storageaccounts",
        "subscriptionId": subscription,
        "properties": {"accountType": "Standard-LRS"},
    }


UNATTACHED_DISK = """
<Disks xmlns="http://schemas.microsoft.com/windowsazure">
  <Disk>
    <MediaLink>https://contosoapp.blob.core.windows.net/vhds/old-os.vhd</MediaLink>
    <Name>old-os</Name>
  </Disk>
</Disks>
"""


@pytest.mark.parametrize(
    ("second_account", "said"),
    [
        ("contosoapp", f"storage account 'contosoapp' (subscription {FIRST}), whose"),
        ("other", "storage account 'contosoapp', whose"),
    ],
    ids=["one-name-in-two-subscriptions", "a-name-of-each"],
)
def test_the_storage_account_of_a_finding_is_named_with_its_subscription_where_another_holds_its_name(
    tmp_path, monkeypatch, second_account: str, said: str
) -> None:
    """The files (of FIRST, as declared) list a disk of contosoapp attached to no VM (MIG402)."""
    exports = graph_page(
        _classic_account(FIRST, "contosoapp"), _classic_account(SECOND, second_account), indent=2
    )
    files = {
        "disks.xml": UNATTACHED_DISK,
        "migcheck.toml": f'[inventory]\nsubscription = "{FIRST}"\n',
        "inventory.json": exports,
    }
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG402").findings
    assert said in finding.message
