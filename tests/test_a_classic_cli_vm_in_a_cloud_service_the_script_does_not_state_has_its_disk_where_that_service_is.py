"""`azure vm create "$SVC_A" …` with no location and no blob URL (-u): the disk is in the account the classic
CLI picks in the location of the cloud service `$SVC_A` names, which the script does not state. That account's
stand-in names the service by where the script gives it, not by the service's own stand-in inside its own (a
stand-in ends at its first `>`): two services named by two values not stated keep two accounts, one value
given twice (the same service) one."""

from __future__ import annotations

import json

from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan


def _storage_names(tmp_path, monkeypatch, script: str) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, {"make.sh": script})
    data = json.loads(render_plan(build_plan(result), "json"))
    return [s["name"] for sub in data["subscriptions"] for s in sub["steps"] if s["kind"] == "storage"]


def test_two_services_not_stated_keep_two_accounts_each_named_once(tmp_path, monkeypatch):
    script = 'azure vm create "$SVC_A" img azureuser\nazure vm create "$SVC_B" img azureuser\n'
    picks = "storage account azure vm create picks in the location of the cloud service not stated at"
    assert _storage_names(tmp_path, monkeypatch, script) == [
        f"<{picks} make.sh:1, make.sh:1>",
        f"<{picks} make.sh:2, make.sh:2>",
    ]


def test_one_service_given_twice_keeps_one_account(tmp_path, monkeypatch):
    script = (
        'SVC="$1"\n'
        'azure vm create "$SVC" img azureuser --vm-name web1\n'
        'azure vm create "$SVC" img azureuser --vm-name web2 -c\n'
    )
    (name,) = _storage_names(tmp_path, monkeypatch, script)
    assert name.count("<") == 1 and name.count(">") == 1
