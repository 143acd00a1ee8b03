"""A classic CLI disk whose blob address the script does not state at all (`azure vm create -u "$URL"`,
`azure vm disk attach-new vm1 10 "$DATA_URL"`) was dropped with nothing said, while one whose address states
all but the account (`https://$SA.blob.core.windows.net/...`) was a disk of a stand-in storage account. Both
are now disks of a stand-in account, one for every use of the value, so the storage accounts the VM depends
on are listed and its disks counted."""

from __future__ import annotations

import pytest
from lint_support import lint_files


def _accounts(tmp_path, monkeypatch, script: str) -> list[tuple[str, int]]:
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": "#!/bin/bash\n" + script})
    (estate,) = result.estates
    disks = [d for d in estate.disks]
    return sorted((a.name, sum(1 for d in disks if d.account == a.name)) for a in estate.storage_accounts)


VM = 'azure vm create -w net1 -b s1 -u "$URL" -n vm1 svc1 img user\n'


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (VM, [("<storage account name, deploy.sh:2:34>", 1)]),
        (
            VM + 'azure vm disk attach-new vm1 10 "$DATA_URL" -d svc1\n',
            [("<storage account name, deploy.sh:2:34>", 1), ("<storage account name, deploy.sh:3:33>", 1)],
        ),
        (
            VM + 'azure vm disk attach-new vm1 10 "$URL" -d svc1\n',
            [("<storage account name, deploy.sh:2:34>", 2)],
        ),
    ],
    ids=["os disk", "data disk", "one value, one account"],
)
def test_the_disk_is_in_a_stand_in_account(tmp_path, monkeypatch, script, expected):
    assert _accounts(tmp_path, monkeypatch, script) == expected
