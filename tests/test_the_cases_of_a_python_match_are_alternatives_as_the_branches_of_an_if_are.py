"""A Python script that runs the classic CLI under a `match` on its argument (`case "up":` creates a VM,
`case "down":` deletes it) had its cases read one after the other, as if all of them ran: the VM the
first case creates was taken as deleted by the second, and so missing. At most one case runs, as one
branch of `if ... elif` does, and a last `case _:` is its `else`: the VM is now described. A script of
the Service Management SDK reads its cases so already."""

from __future__ import annotations

import pytest
from lint_support import lint_files

CLI_UP = 'subprocess.call(["azure", "vm", "create", "shop", "img", "u", "p", "-n", "web1", "-l", "West US"])'
CLI_DOWN = 'subprocess.call(["azure", "vm", "delete", "-q", "web1"])'
SDK_UP = (
    'sms.create_hosted_service("shop", "shop", location="West US")\n'
    '        sms.create_virtual_machine_deployment("shop", "shop", "production", "shop", "web1",'
    ' LinuxConfigurationSet("web1", "u", "p", True),'
    ' OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/web1.vhd"), role_size="Small")'
)
SDK_DOWN = 'sms.delete_deployment("shop", "shop")'
CLI_HEAD = "import subprocess\nimport sys\n\n"
SDK_HEAD = (
    "import sys\n"
    "from azure.servicemanagement import LinuxConfigurationSet, OSVirtualHardDisk, ServiceManagementService\n\n"
    'sms = ServiceManagementService("sub", "cert.pem")\n'
)


def _script(head: str, up: str, down: str, last: str) -> str:
    return f'{head}match sys.argv[1]:\n    case "up":\n        {up}\n    case {last}:\n        {down}\n'


@pytest.mark.parametrize("last", ['"down"', "_", '"down" | "destroy" if len(sys.argv) > 2'])
@pytest.mark.parametrize(
    ("head", "up", "down"), [(CLI_HEAD, CLI_UP, CLI_DOWN), (SDK_HEAD, SDK_UP, SDK_DOWN)], ids=["cli", "sdk"]
)
def test_the_vm_one_case_creates_is_not_deleted_by_another(tmp_path, monkeypatch, head, up, down, last):
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": _script(head, up, down, last)})
    (estate,) = result.estates
    vms = [(s.name, [r.name for p in s.placements for r in p.roles]) for s in estate.cloud_services]
    assert vms == [("shop", ["web1"])]
