"""The classic CLI puts the OS disk of every VM `azure vm create` makes without `-u` in one location into one
storage account of its picking there, whichever script makes it. When one script's VM is captured and deleted
there and another script of the same subscription keeps a VM it makes there, the image and that VM's disk are
in that one account: one plan step, named as the image's account is, whose one line says both. Before, the
kept VM's disk was in a stand-in of its own script, two steps for one account. Scripts that select two
subscriptions have two accounts."""

from __future__ import annotations

import json

from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan

CAPTURED = """\
azure vm create shop img u 'P@ssw0rd1' --vm-name web1 -l "West US"
azure vm capture web1 golden --delete
"""
KEPT = """\
azure vm create shop2 img u 'P@ssw0rd1' --vm-name web2 -l "West US"
"""


def _storage_steps(tmp_path, monkeypatch, files: dict[str, str]) -> list[dict]:
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    data = json.loads(render_plan(build_plan(result), "json"))
    return [s for sub in data["subscriptions"] for s in sub["steps"] if s["kind"] == "storage"]


def test_the_image_and_another_script_s_kept_disk_are_one_step(tmp_path, monkeypatch):
    steps = _storage_steps(tmp_path, monkeypatch, {"a.sh": CAPTURED, "b.sh": KEPT})
    account = "<storage account azure vm create picks in West US, a.sh:1>"
    assert [s["name"] for s in steps] == [account]
    assert steps[0]["moves"] == [f"storage account '{account}' (1 image, the OS disk of VM 'web2')"]


def test_scripts_of_two_subscriptions_have_two_accounts(tmp_path, monkeypatch):
    files = {"a.sh": "azure account set Prod\n" + CAPTURED, "b.sh": "azure account set Test\n" + KEPT}
    steps = _storage_steps(tmp_path, monkeypatch, files)
    assert sorted(s["name"] for s in steps) == [
        "<storage account azure vm create picks in West US, a.sh:2>",
        "<storage account azure vm create picks in West US, b.sh:2>",
    ]
