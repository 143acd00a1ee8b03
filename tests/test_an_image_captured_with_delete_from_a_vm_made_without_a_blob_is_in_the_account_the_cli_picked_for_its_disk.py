"""`azure vm capture <vm> <image> --delete` of a VM `azure vm create` made without `-u` copies the VM's OS disk
into the image in the storage account that disk is in: the one the classic CLI picked in the VM's location,
which no file states. The VM is gone after the capture, and the image is what that account holds of it: the
account's step, named as it was for the VM's disk, moves the image and says to remove it first. The image
was in no account, and the plan had no step for it."""

from __future__ import annotations

import json

from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan

ACCOUNT = "<storage account azure vm create picks in West US, cap.sh:2>"


def _storage_steps(tmp_path, monkeypatch, script: str) -> list[dict]:
    result = lint_files(tmp_path, monkeypatch, {"cap.sh": "#!/bin/bash\n" + script})
    data = json.loads(render_plan(build_plan(result), "json"))
    return [s for sub in data["subscriptions"] for s in sub["steps"] if s["kind"] == "storage"]


def test_the_image_is_in_the_account_the_cli_picked_for_the_deleted_vm_s_disk(tmp_path, monkeypatch):
    script = (
        'azure vm create web1 img azureuser "Passw0rd!" -l "West US"\nazure vm capture web1 golden --delete\n'
    )
    (step,) = _storage_steps(tmp_path, monkeypatch, script)
    assert step["name"] == ACCOUNT
    assert step["moves"] == [f"storage account '{ACCOUNT}' (1 image)"]
    assert any("Registered on it as classic image: image 'golden'" in note for note in step["notes"])


def test_a_vm_kept_after_its_capture_keeps_its_disk_s_account_step_alone(tmp_path, monkeypatch):
    script = 'azure vm create web1 img azureuser "Passw0rd!" -l "West US"\nazure vm capture web1 golden\n'
    (step,) = _storage_steps(tmp_path, monkeypatch, script)
    assert step["moves"] == [f"storage account {ACCOUNT} (the OS disk of VM 'web1')"]
