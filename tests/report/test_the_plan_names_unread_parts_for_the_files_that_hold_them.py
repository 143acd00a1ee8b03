"""The plan's heading of the parts migcheck could not read said "Parts of scripts" also of a Bicep file's
modules from a registry, which are parts of a template. It now names what holds them: scripts, templates, or
both, and so does the closing line of a plan without steps."""

from __future__ import annotations

from lint_support import run_cli

BICEP = """\
module net 'br:contoso.azurecr.io/bicep/net:v1' = {
  name: 'net'
}

resource vm 'Microsoft.ClassicCompute/virtualMachines@2017-04-01' = {
  name: 'web01'
  location: 'westeurope'
  properties: {}
}
"""

# A script line its parser cannot read: a here-string never closed.
SCRIPT = """\
New-AzureVM -ServiceName 'shop' -VMs $vm -VNetName 'prod-vnet'
$text = @"
"""


def _plan(tmp_path, monkeypatch, capsys, files: dict[str, str], *options: str) -> str:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return run_cli(capsys, "plan", *options, *files)[1]


def test_a_bicep_file_s_unread_module_is_under_parts_of_templates(tmp_path, monkeypatch, capsys):
    out = _plan(tmp_path, monkeypatch, capsys, {"main.bicep": BICEP})
    assert "\nParts of templates migcheck could not read (" in out
    assert "\n   main.bicep:1:12\n" in out
    assert "Parts of scripts" not in out


def test_the_markdown_plan_names_them_so_too(tmp_path, monkeypatch, capsys):
    out = _plan(tmp_path, monkeypatch, capsys, {"main.bicep": BICEP}, "--format", "markdown")
    assert "\n### Parts of templates migcheck could not read (" in out
