"""An item of an array the script does not state (`"${cfg[svc]}"` of `declare -A cfg`, `"${arr[0]}"`)
given to two `azure vm create` commands names one cloud service, and built into both blob URLs one storage
account: nothing between the two reads sets it. A script that sets the array or an item of it between
them leaves them apart."""

from __future__ import annotations

import pytest

from migcheck.model import Deployment
from migcheck.readers import read_document

SCRIPT = """\
#!/bin/bash
declare -A cfg
azure vm create "{service}" img user pass --vm-name vm1 --blob-url "https://{account}.blob.core.windows.net/vhds/vm1.vhd" --location "West US"
{between}
azure vm create "{service}" img user pass --vm-name vm2 --connect --blob-url "https://{account}.blob.core.windows.net/vhds/vm2.vhd"
"""


def _deployments(service: str, account: str, between: str = "") -> list[Deployment]:
    text = SCRIPT.format(service=service, account=account, between=between)
    document = read_document("deploy.sh", text.encode(), explicit=True)
    assert document is not None
    return [r for r in document.resources if isinstance(r, Deployment)]


@pytest.mark.parametrize("service, account", [("${cfg[svc]}", "${cfg[acct]}"), ("${arr[0]}", "${arr[1]}")])
def test_an_item_read_twice_is_one_value(service: str, account: str):
    (deployment,) = _deployments(service, account)
    assert sorted(vm.name for vm in deployment.roles) == ["vm1", "vm2"]
    assert len({disk.account for vm in deployment.roles for disk in vm.disks}) == 1


@pytest.mark.parametrize(
    "between",
    [
        "cfg[svc]=other",
        "cfg=([svc]=other)",
        "read -a cfg",
        "mapfile -t cfg < names.txt",
        'cfg[$key]="$value"',
    ],
)
def test_an_item_the_script_may_set_between_leaves_the_calls_apart(between: str):
    assert len(_deployments("${cfg[svc]}", "${cfg[acct]}", between)) == 2


def test_items_of_two_keys_stay_apart():
    text = SCRIPT.format(service="${cfg[a]}", account="acct", between="").replace("vm2 --connect", "vm2")
    text = text.replace('"${cfg[a]}" img user pass --vm-name vm2', '"${cfg[b]}" img user pass --vm-name vm2')
    document = read_document("deploy.sh", text.encode(), explicit=True)
    assert document is not None
    assert len([r for r in document.resources if isinstance(r, Deployment)]) == 2
