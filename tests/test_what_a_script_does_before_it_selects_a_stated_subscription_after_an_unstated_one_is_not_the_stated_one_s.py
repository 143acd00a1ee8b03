"""A script that first selects a subscription by a value it does not state (`Select-AzureSubscription
$args[0]`, `azure account set "$1"`, a Python client made for `sys.argv[1]`) and later one it states works in
the unstated one until then: what it creates in between is in a subscription whose id the plan leaves to fill
in, and only what follows the stated selection is the stated subscription's, where all of it was, the stated
one being the only one the files name."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

PROD = "22222222-2222-2222-2222-222222222222"


def ps_vm(service: str) -> str:
    return (
        f"New-AzureQuickVM -Windows -ServiceName '{service}' -Name '{service}vm' -ImageName 'img' "
        "-AdminUsername u -Password p -Location 'West US'\n"
    )


SCRIPTS = {
    "PowerShell": {
        "build.ps1": (
            f"Select-AzureSubscription -SubscriptionId $args[0]\n{ps_vm('first')}"
            f"Select-AzureSubscription -SubscriptionId '{PROD}'\n{ps_vm('then')}"
        )
    },
    "the classic CLI": {
        "build.sh": (
            '#!/bin/bash\nazure account set "$1"\n'
            "azure vm create first img u p --location 'West US'\n"
            f"azure account set {PROD}\n"
            "azure vm create then img u p --location 'West US'\n"
        )
    },
    "a Python client": {
        "build.py": (
            "import sys\n"
            "from azure.servicemanagement import OSVirtualHardDisk, ServiceManagementService\n"
            "disk = OSVirtualHardDisk('img', 'https://a.blob.core.windows.net/v/a.vhd')\n"
            "given = ServiceManagementService(sys.argv[1], 'cert.pem')\n"
            "given.create_virtual_machine_deployment('first', 'd', 'production', 'd', 'vm1', None, disk)\n"
            f"prod = ServiceManagementService('{PROD}', 'cert.pem')\n"
            "prod.create_virtual_machine_deployment('then', 'd', 'production', 'd', 'vm1', None, disk)\n"
        )
    },
}


@pytest.mark.parametrize("files", SCRIPTS.values(), ids=SCRIPTS.keys())
def test_what_comes_before_the_stated_selection_is_in_the_unstated_subscription(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str]
) -> None:
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    services = {
        e.subscription: sorted(s.name for s in e.cloud_services) for e in result.estates if e.cloud_services
    }
    assert services == {"default": ["first"], PROD: ["then"]}
