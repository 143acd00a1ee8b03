"""Two template scripts that each create a storage account named by a placeholder (`New-AzureStorageAccount
-StorageAccountName '[MY STORAGE ACCOUNT]'`) create two accounts, each its user's to fill in: two plan steps,
each named and identified with its file (`[MY STORAGE ACCOUNT] (web.ps1)`), as steps named by stand-ins that
read alike are, where they were two steps of one name and one id; their readiness rows say their files too."""

from __future__ import annotations

import json

from lint_support import lint_files, run_cli

SCRIPT = "New-AzureStorageAccount -StorageAccountName '[MY STORAGE ACCOUNT]' -Location 'West US'\n"


def test_each_step_says_its_file(tmp_path, monkeypatch, capsys):
    lint_files(tmp_path, monkeypatch, {"web.ps1": SCRIPT, "rdp.ps1": SCRIPT}, dedent=False)
    (subscription,) = json.loads(run_cli(capsys, "plan", ".", "--format", "json")[1])["subscriptions"]
    assert [(step["name"], step["id"]) for step in subscription["steps"] if step["kind"] == "storage"] == [
        ("[MY STORAGE ACCOUNT] (rdp.ps1)", "storage:[MY STORAGE ACCOUNT]@rdp.ps1"),
        ("[MY STORAGE ACCOUNT] (web.ps1)", "storage:[MY STORAGE ACCOUNT]@web.ps1"),
    ]
    plan = run_cli(capsys, "plan", ".")[1]
    assert (
        "2. Storage account: [MY STORAGE ACCOUNT] (web.ps1) [wave 1] — NOT READY (fill in the storage account's "
        "name first)"
    ) in plan


def test_one_script_s_placeholder_account_is_named_as_written(tmp_path, monkeypatch, capsys):
    lint_files(tmp_path, monkeypatch, {"web.ps1": SCRIPT}, dedent=False)
    plan = run_cli(capsys, "plan", ".")[1]
    assert "1. Storage account: [MY STORAGE ACCOUNT] [wave 1] — NOT READY" in plan


def test_each_readiness_row_says_its_file(tmp_path, monkeypatch, capsys):
    lint_files(tmp_path, monkeypatch, {"web.ps1": SCRIPT, "rdp.ps1": SCRIPT}, dedent=False)
    rows = [line.strip() for line in run_cli(capsys, "check", ".")[1].splitlines()]
    placeholder = "(a placeholder the file leaves to fill in) (the files name no disk or image in it)"
    assert f"[MY STORAGE ACCOUNT] (rdp.ps1) {placeholder}" in rows
    assert f"[MY STORAGE ACCOUNT] (web.ps1) {placeholder}" in rows
