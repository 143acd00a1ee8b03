"""A reserved IP a script associates with a deployment (`azure network reserved-ip associate`,
Set-AzureReservedIPAssociation, associate_reserved_ip_address) after it surely deleted it, and did not create
again, does not exist when the command runs: the platform refuses the command, which fails and gives the
deployment no reserved IP. MIG003 says so at the name, as for a VM created with it, and the deployment's VIP
is not said to be that reserved IP, kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

SHELL = """\
azure config mode asm
azure network reserved-ip create rip-old "West Europe"
azure vm create shvm img ops 'Pw!12345' -l "West Europe" -e 22
azure network reserved-ip delete rip-old -q
azure network reserved-ip associate rip-old shvm shvm
"""

POWERSHELL = """\
New-AzureReservedIP -ReservedIPName rip-old -Location "West Europe"
New-AzureQuickVM -Windows -ServiceName shvm -Name rvm -ImageName img -AdminUsername ops -Password $pw -Location "West Europe"
Remove-AzureReservedIP -ReservedIPName rip-old -Force
Set-AzureReservedIPAssociation -ReservedIPName rip-old -ServiceName shvm
"""

PYTHON = """\
from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk

sms = ServiceManagementService("sub", "cert.pem")
sms.create_reserved_ip_address("rip-old", location="West Europe")
sms.create_virtual_machine_deployment("shvm", "shvm", "production", "shvm", "pyrvm",
    LinuxConfigurationSet("h", "ops", "Pw!12345", True),
    OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/pyr.vhd"))
sms.wait_for_operation_status(sms.delete_reserved_ip_address("rip-old").request_id)
sms.associate_reserved_ip_address("rip-old", "shvm", "shvm")
"""

# Each script, where MIG003 is, and the lines that create and delete the reserved IP.
CASES = [
    ("rip.sh", SHELL, "rip.sh:5:37", 2, 4),
    ("rip.ps1", POWERSHELL, "rip.ps1:4:48", 1, 3),
    ("rip.py", PYTHON, "rip.py:9:35", 4, 8),
]
IDS = ["shell", "powershell", "python"]


@pytest.mark.parametrize(("name", "script", "at", "created", "deleted"), CASES, ids=IDS)
def test_an_association_of_a_reserved_ip_the_script_deleted_is_refused(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    script: str,
    at: str,
    created: int,
    deleted: int,
) -> None:
    result = lint_files(tmp_path, monkeypatch, {name: script})
    refused = [f for f in result.findings if f.code == "MIG003"]
    assert where(refused) == [f"MIG003 {at}"]
    assert f"reserved IP 'rip-old', which the file deletes before it, at line {deleted}" in refused[0].message
    assert "the platform refuses the command, which fails and gives the deployment no reserved IP" in (
        refused[0].message
    )
    assert not any(f.code in ("MIG105", "MIG106") and "'rip-old'" in f.message for f in result.findings)


@pytest.mark.parametrize(("name", "script", "at", "created", "deleted"), CASES, ids=IDS)
def test_an_association_after_the_reserved_ip_is_created_again_is_not_refused(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    script: str,
    at: str,
    created: int,
    deleted: int,
) -> None:
    lines = script.splitlines(keepends=True)
    again = "".join([*lines[:deleted], lines[created - 1], *lines[deleted:]])
    result = lint_files(tmp_path, monkeypatch, {name: again})
    assert not any(f.code == "MIG003" for f in result.findings)
    assert any("'rip-old'" in f.message for f in result.findings if f.code in ("MIG105", "MIG106"))
