"""An image captured from a VM (the classic CLI's `azure vm capture`) is a copy of the VM's disks in the storage
account they are in: that account's step moves the image with the disk, and holds it (MIG402) where the files
state the account, by its name or by the value that holds it. A capture given `-t` (`--delete`, which the
capture of an OS image asks for) deletes the VM once it is captured, as `azure vm delete` does: the plan then
moves no VM, and no finding is about it; one without keeps the VM as before."""

from __future__ import annotations

import json

from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan

CREATE = (
    'azure vm create web1 img azureuser "Passw0rd!" -l "West US" -e 22 '
    "-u https://acct1.blob.core.windows.net/vhds/web1.vhd\n"
)


def _plan(tmp_path, monkeypatch, script: str) -> tuple[list[str], list[dict]]:
    result = lint_files(tmp_path, monkeypatch, {"cap.sh": "#!/bin/bash\n" + script})
    data = json.loads(render_plan(build_plan(result), "json"))
    codes = sorted(f"{f.code} {f.resource_name}" for f in result.findings)
    return codes, [s for sub in data["subscriptions"] for s in sub["steps"]]


def _moves(steps: list[dict], kind: str) -> list[str]:
    return [move for step in steps if step["kind"] == kind for move in step["moves"]]


def test_a_capture_that_deletes_the_vm_leaves_no_vm_to_move(tmp_path, monkeypatch):
    codes, steps = _plan(tmp_path, monkeypatch, CREATE + "azure vm capture web1 golden -t\n")
    assert not [step for step in steps if step["kind"] != "storage"]
    assert [code for code in codes if not code.startswith(("MIG402", "MIG601"))] == []


def test_the_long_option_deletes_the_vm_too(tmp_path, monkeypatch):
    _, steps = _plan(tmp_path, monkeypatch, CREATE + "azure vm capture web1 golden --delete\n")
    assert [step["kind"] for step in steps] == ["storage"]


def test_the_image_moves_with_the_storage_account_of_the_vm_s_disk(tmp_path, monkeypatch):
    _, steps = _plan(tmp_path, monkeypatch, CREATE + "azure vm capture web1 golden -t\n")
    assert _moves(steps, "storage") == ["storage account 'acct1' (1 image)"]


def test_the_image_of_a_vm_kept_whose_account_a_value_holds_is_in_that_value_s_account(tmp_path, monkeypatch):
    script = (
        "SA=$1\n"
        'azure vm create web1 img azureuser "Passw0rd!" -l "West US" '
        '-u "https://$SA.blob.core.windows.net/vhds/web1.vhd"\n'
        "azure vm capture web1 golden -o Specialized\n"
    )
    codes, steps = _plan(tmp_path, monkeypatch, script)
    (move,) = _moves(steps, "storage")
    assert move.endswith("(1 disk, 1 image)"), move
    assert "MIG105 web1" in codes  # a capture without -t keeps the VM, which moves as before
    assert any("VMs web1" in move for move in _moves(steps, "service"))
