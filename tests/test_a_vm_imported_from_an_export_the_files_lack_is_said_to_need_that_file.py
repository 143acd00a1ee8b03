"""A script that creates a VM from an Export-AzureVM file the files checked do not hold
(`Import-AzureVM -Path c:\\temp\\sftp01.xml | New-AzureVM ...`, the case found in bald-sushi's
import-sushisftp.ps1) gets a plan note that says so and asks for that file, as a network whose definition
is not in the files does: its endpoints, subnets, availability set and extensions are unknown. With the file
beside the script, its VM is the file's and there is no such note."""

from __future__ import annotations

import json

import pytest
from lint_support import run_cli as run
from test_estate_vm_imported_from_an_export_file import NETWORK, _export

SCRIPTS = {
    "literal": 'Import-AzureVM -Path "c:\\temp\\sftp01.xml" | New-AzureVM -ServiceName "sftp-svc" -VNetName "Shared-VNet"\n',
    "variable": (
        '$XMLImportPath = "c:\\temp\\sftp01.xml"\n'
        "$vm = Import-AzureVM -Path $XMLImportPath\n"
        'New-AzureVM -ServiceName "sftp-svc" -VNetName "Shared-VNet" -VMs $vm\n'
    ),
    "unstated": "param($Path)\nImport-AzureVM -Path $Path | New-AzureVM -ServiceName 'sftp-svc' -VNetName 'Shared-VNet'\n",
}


def _plan(tmp_path, monkeypatch, capsys, script: str, *, export: bool = False, fmt: str = "text") -> str:
    (tmp_path / "network.netcfg").write_text(NETWORK, encoding="utf-8")
    (tmp_path / "import.ps1").write_text(script, encoding="utf-8")
    if export:
        (tmp_path / "sftp01.xml").write_text(_export("sftp01", subnet="Web"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return run(capsys, "plan", ".", "--format", fmt)[1]


@pytest.mark.parametrize("form", ["literal", "variable"])
def test_the_step_asks_for_the_export_the_script_names(tmp_path, monkeypatch, capsys, form):
    out = _plan(tmp_path, monkeypatch, capsys, SCRIPTS[form])
    [note] = [line for line in out.splitlines() if "Export-AzureVM file" in line]
    assert "of cloud service 'sftp-svc' is created from the Export-AzureVM file 'sftp01.xml'" in note
    assert "which is not among the files checked" in note and "Add that file to the files checked" in note


def test_an_export_the_script_does_not_name_is_asked_for_too(tmp_path, monkeypatch, capsys):
    out = _plan(tmp_path, monkeypatch, capsys, SCRIPTS["unstated"])
    assert "from the Export-AzureVM file the script reads (Import-AzureVM)" in out


def test_the_json_plan_has_the_note(tmp_path, monkeypatch, capsys):
    data = json.loads(_plan(tmp_path, monkeypatch, capsys, SCRIPTS["literal"], fmt="json"))
    notes = [n for s in data["subscriptions"] for step in s["steps"] for n in step["notes"]]
    assert any("Export-AzureVM file 'sftp01.xml'" in n for n in notes)


@pytest.mark.parametrize("form", ["literal", "variable"])
def test_with_the_export_among_the_files_there_is_no_such_note(tmp_path, monkeypatch, capsys, form):
    out = _plan(tmp_path, monkeypatch, capsys, SCRIPTS[form], export=True)
    assert "VMs sftp01" in out
    assert "Export-AzureVM file" not in out
