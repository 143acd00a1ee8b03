"""A Python method that runs a classic CLI command with an option the command does not declare
(`vm endpoint create --endpoint-name`), read once alone and once at its caller's call, was said as not read
twice, one line per reading. Each part not read is said once by its file, line, column and what it is, in
the text report, the JSON report and the plan."""

from __future__ import annotations

import json

from lint_support import run_cli

SCRIPT = """\
import subprocess


class Azure:
    def create_vm(self, vm):
        for ep in vm.endpoints():
            self.create_vm_endpoint(vm, ep)

    def create_vm_endpoint(self, vm, ep):
        cmd = ["azure", "vm", "endpoint", "create"]
        cmd += [vm.name, ep.public_port, ep.private_port]
        cmd += ["--endpoint-name", ep.name]
        return subprocess.call(cmd)
"""


def _run(tmp_path, monkeypatch, capsys, *argv: str) -> str:
    (tmp_path / "azure.py").write_text(SCRIPT)
    monkeypatch.chdir(tmp_path)
    return run_cli(capsys, *argv, ".")[1]


def test_the_text_report_says_the_option_once(tmp_path, monkeypatch, capsys):
    out = _run(tmp_path, monkeypatch, capsys, "check")
    said = [line for line in out.splitlines() if line.startswith("Not read as written:")]
    assert len(said) == 1 and said[0].startswith("Not read as written: azure.py:12:"), said
    assert "`--endpoint-name`" in said[0]


def test_the_json_report_and_the_plan_list_it_once(tmp_path, monkeypatch, capsys):
    report = json.loads(_run(tmp_path, monkeypatch, capsys, "check", "--format", "report-json"))
    assert report["unread_parts"] == [{"path": "azure.py", "line": 12, "column": 17, "why": "refused-option"}]
    plan = json.loads(_run(tmp_path, monkeypatch, capsys, "plan", "--format", "json"))
    assert plan["subscriptions"][0]["unread_parts"] == report["unread_parts"]
