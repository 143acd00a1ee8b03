"""MIG601's fix maps at most eight classic calls to their Resource Manager replacements, those at or nearest
the finding first, and says how many more `migcheck rule MIG601` lists: a script of forty calls made a fix
of over 3,000 characters. `migcheck rule MIG601` lists every replacement, and the JSON report's fix is the
text report's."""

from __future__ import annotations

import json

from lint_support import lint_files, run_cli

from migcheck.automation import POWERSHELL, PYTHON, XPLAT
from migcheck.rules.automation import MAPPED

# Twelve classic calls of the Service Management SDK after the client it makes, each with a replacement.
CALLS = [
    "get_role",
    "delete_role",
    "add_role",
    "update_role",
    "get_hosted_service_properties",
    "delete_hosted_service",
    "create_hosted_service",
    "delete_data_disk",
    "add_data_disk",
    "delete_disk",
    "add_disk",
    "list_os_images",
]
PY = (
    "from azure.servicemanagement import ServiceManagementService\n\n"
    'sms = ServiceManagementService("sub", "cert.pem")\n' + "".join(f'sms.{name}("a")\n' for name in CALLS)
)


def test_a_script_of_many_calls_maps_eight_and_counts_the_rest(tmp_path, monkeypatch):
    (finding,) = lint_files(tmp_path, monkeypatch, {"legacy.py": PY}, "MIG601", dedent=False).findings
    assert MAPPED == 8
    assert finding.fix.count(" → ") == MAPPED
    # The finding is at the client the script makes (line 3): it first, then the calls nearest it.
    assert finding.fix.index("ServiceManagementService → ") < finding.fix.index("get_role → ")
    assert [name for name in CALLS if f"{name} → " in finding.fix] == CALLS[: MAPPED - 1]
    more = len(CALLS) + 1 - MAPPED
    assert f"; and {more} more: `migcheck rule MIG601` lists every replacement" in finding.fix
    assert len(finding.fix) < 1000


def test_a_script_of_few_calls_maps_each_with_nothing_more_to_list(tmp_path, monkeypatch):
    text = 'Get-AzureVM -ServiceName "app"\nRemove-AzureVM -ServiceName "app" -Name "vm1"\n'
    (finding,) = lint_files(tmp_path, monkeypatch, {"deploy.ps1": text}, "MIG601").findings
    assert "Get-AzureVM → Get-AzVM" in finding.fix
    assert "Remove-AzureVM → Remove-AzVM" in finding.fix
    assert "more: `migcheck rule MIG601`" not in finding.fix


def test_the_json_fix_is_the_text_fix(tmp_path, monkeypatch, capsys):
    (tmp_path / "legacy.py").write_text(PY)
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", "legacy.py", "--select", "MIG601", "--format", "json")
    (finding,) = json.loads(out)
    _, text, _ = run_cli(capsys, "check", "legacy.py", "--select", "MIG601")
    assert f"= help: {finding['fix']}" in text
    assert "`migcheck rule MIG601` lists every replacement" in finding["fix"]


def test_the_rule_s_docs_list_every_replacement(capsys):
    _, out, _ = run_cli(capsys, "rule", "MIG601")
    assert "### Replacements" in out
    for table in (POWERSHELL, XPLAT, PYTHON):
        for call, instead in table.items():
            assert f"- `{call}` → {instead}\n" in out + "\n", call
    assert "`Get-AzureAutomationRunbookDefinition` → Export-AzAutomationRunbook" in out
