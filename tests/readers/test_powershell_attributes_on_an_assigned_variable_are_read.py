"""A PowerShell statement that puts attributes on the variable it assigns (`[ValidatePattern("...")]$ip =
Read-Host ...`, `[ValidateNotNullOrEmpty()][string]$svc = "svc1"`) is valid PowerShell: it assigns the value
and checks it, and every later one, against the attributes. The grammar has no such form; migcheck reads the
assignment all the same, so no part is said to be unread and the value names what it names."""

from __future__ import annotations

from lint_support import script_resources, unread_marks

from migcheck.model import Deployment

VALIDATED = """\
[ValidateNotNullOrEmpty()][string]$svc = "svc1"
[ValidatePattern("\\b(?:(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\\.){3}\\b")]$ipAddress = Read-Host -Prompt 'Enter IP Address'
$vm = New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img
New-AzureVM -ServiceName $svc -Location "West US" -VMs $vm
"""


def test_the_assignments_are_read_and_nothing_is_unread():
    resources = script_resources(VALIDATED, "deploy.ps1")
    assert unread_marks(resources) == []
    assert [r.service_name for r in resources if isinstance(r, Deployment)] == ["svc1"]


def test_a_line_of_a_here_string_that_looks_like_one_is_left_as_text():
    from migcheck.readers import grammars
    from migcheck.readers.powershell import _with_variable_attributes_blanked

    source = b'[ValidateNotNullOrEmpty()]$svc = "svc1"\n$body = @"\n[Validate()]$x = 1\n"@\n'
    root = grammars.parser("tree_sitter_powershell").parse(source).root_node
    blanked = _with_variable_attributes_blanked(source, root)
    assert blanked.startswith(b" " * len(b"[ValidateNotNullOrEmpty()]") + b"$svc")
    assert b"[Validate()]$x = 1" in blanked


def test_a_parameter_s_attributes_are_left_to_the_parameter():
    from migcheck.readers import grammars
    from migcheck.readers.powershell import _with_variable_attributes_blanked

    source = b'param(\n[Parameter(Mandatory)][string]$svc = "a"\n)\n[ValidateNotNullOrEmpty()]$x = 1 +\n'
    root = grammars.parser("tree_sitter_powershell").parse(source).root_node
    assert root.has_error
    assert b"[Parameter(Mandatory)][string]$svc" in _with_variable_attributes_blanked(source, root)
