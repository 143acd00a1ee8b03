"""Save-AzureVMImage without `-OSState` captures an OS image of a VM with the post-capture action Delete (the
classic module's SaveAzureVMImageCommand), so the VM is gone afterwards, as after Remove-AzureVM: it is in
no deployment the plan moves, and no rule reports it. With `-OSState Generalized` or `Specialized` the cmdlet
captures a VM image and leaves the VM where it is. The image is the script's own either way (MIG402)."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

SCRIPT = (
    '$vm = New-AzureVMConfig -Name "web" -InstanceSize Small -ImageName "img" |\n'
    '    Add-AzureProvisioningConfig -Windows -AdminUsername "u" -Password "p"\n'
    'New-AzureVM -ServiceName "svc" -Location "West US" -VMs $vm\n'
    'Save-AzureVMImage -ServiceName "svc" -Name "web" -ImageName "webimg"{state}\n'
)


def _findings(tmp_path, monkeypatch, state: str):
    files = {"capture.ps1": SCRIPT.format(state=state)}
    return lint_files(tmp_path, monkeypatch, files, "MIG105", "MIG402", dedent=False).findings


def test_an_os_image_capture_deletes_the_vm(tmp_path, monkeypatch):
    assert where(_findings(tmp_path, monkeypatch, "")) == ["MIG402 capture.ps1:4:1"]


@pytest.mark.parametrize("state", [" -OSState Generalized", " -OSState Specialized"])
def test_a_vm_image_capture_leaves_the_vm(tmp_path, monkeypatch, state):
    assert sorted(where(_findings(tmp_path, monkeypatch, state))) == [
        "MIG105 capture.ps1:3:1",
        "MIG402 capture.ps1:4:1",
    ]
