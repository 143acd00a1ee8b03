"""`Select-Object -Skip N` and `-Unique` of values the script states pick those PowerShell picks: `$svcs |
Select-Object -Skip 1` is the second service and on, `"vm1", "vm1", "vm2" | Select-Object -Unique` is vm1 and
vm2 (two VMs, not one stand-in), as `-First`, `-Last` and `-Index` were read. Where they were not, the
selection was a value the script does not state."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import Deployment

CREATE = 'New-AzureVM -ServiceName {service} -VMs $vms -Location "West Europe"\n'
EACH = '$vms = foreach ($n in $names) { New-AzureVMConfig -Name $n -InstanceSize Small -ImageName "img" }\n'


@pytest.mark.parametrize(
    ("selection", "roles"),
    [
        ('$names = "vm1", "vm1", "vm2" | Select-Object -Unique', ["vm1", "vm2"]),
        ('$names = "vm0", "vm1", "vm2" | Select-Object -Skip 1', ["vm1", "vm2"]),
        ('$names = "vm0", "vm1", "vm2", "vm2" | Select-Object -Skip 1 -First 2', ["vm1", "vm2"]),
        ('$names = "vm0", "vm1", "vm1" | Select-Object -Skip 1 -Unique', ["vm1"]),
    ],
    ids=["unique", "skip", "skip-then-first", "skip-unique"],
)
def test_the_vms_are_those_the_selection_picks(tmp_path, monkeypatch, selection, roles):
    script = selection + "\n" + EACH + CREATE.format(service='"websvc"')
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, dedent=False)
    found = [
        [r.name for r in d.roles]
        for doc in result.documents
        for d in doc.resources
        if isinstance(d, Deployment)
    ]
    assert found == [roles]


def test_a_value_skipped_to_is_the_service(tmp_path, monkeypatch):
    script = (
        '$svc = "skipme", "shopsvc" | Select-Object -Skip 1\n'
        '$vms = New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img"\n'
    ) + CREATE.format(service="$svc")
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, dedent=False)
    assert [
        d.service_name for doc in result.documents for d in doc.resources if isinstance(d, Deployment)
    ] == ["shopsvc"]
