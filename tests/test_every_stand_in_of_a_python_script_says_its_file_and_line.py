"""Every stand-in a Python script's reader names says the script's file and line, as `<cloud service name,
deploy.py:6>` does: a storage account or a virtual network the script passes by a value it does not state
too (`<storage account name, deploy.py:5>`), where those said the column as well, so that the plan's steps,
its notes and `migcheck check`'s summary read one way whatever the resource. A second account passed by
another value on the same line is that line's next turn, still an account of its own."""

from __future__ import annotations

import json
import re

from lint_support import run_cli

SCRIPT = """\
import sys
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService('sub', 'cert.pem')
sms.create_storage_account(sys.argv[1], 'd', 'l', location='West Europe')
sms.create_virtual_machine_deployment(sys.argv[2], sys.argv[2], 'production', 'l', 'web', None, None,
                                      virtual_network_name=sys.argv[3])
sms.create_storage_account(sys.argv[4], 'd', 'l', location='West Europe'); sms.create_storage_account(sys.argv[5], 'd', 'l', location='West Europe')
"""


def _stand_ins(text: str) -> set[str]:
    return {found for found in re.findall(r"<[^<>]*deploy\.py[^<>]*>", text)}


def test_the_plan_and_the_check_name_every_stand_in_by_file_and_line(tmp_path, monkeypatch, capsys) -> None:
    (tmp_path / "deploy.py").write_text(SCRIPT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, plan, _ = run_cli(capsys, "plan", ".", "--format", "json")
    _, summary, _ = run_cli(capsys, "check", ".")
    steps = [s["name"] for s in json.loads(plan)["subscriptions"][0]["steps"] if s["kind"] == "storage"]
    assert sorted(steps) == [
        "<storage account name, deploy.py:5>",
        "<storage account name, deploy.py:8, turn 2>",
        "<storage account name, deploy.py:8>",
    ]
    assert _stand_ins(plan) == {
        "<storage account name, deploy.py:5>",
        "<storage account name, deploy.py:8>",
        "<storage account name, deploy.py:8, turn 2>",
        "<cloud service name, deploy.py:6>",
        "<virtual network name, deploy.py:7>",
    }
    assert "<storage account name, deploy.py:8, turn 2>" in summary
    assert all(
        re.fullmatch(r"<[^,]+, deploy\.py:\d+(, turn \d+)?>", name) for name in _stand_ins(plan + summary)
    )
