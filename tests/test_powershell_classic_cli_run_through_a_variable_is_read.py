"""A PowerShell script that runs the classic CLI by a variable holding its name (`$exe = "azure"; & $exe vm
disk upload …`), or gives it its words in an array (`[Array]$params = "vm", "disk", "upload", …; & $exe
$params`, one argument per item, as PowerShell passes an array to a native command), runs the CLI as
`azure vm disk upload …` written out does: MIG601, where the script was "no classic Azure file". A shell
script's `$exe vm …` and `azure "${params[@]}"` were read already: their twins."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

UPLOAD = "vm disk upload http://src/a.vhd http://acct1.blob.core.windows.net/vhds/a.vhd key"
PARAMS = '"vm", "disk", "upload", "http://src/a.vhd", "http://acct1.blob.core.windows.net/vhds/a.vhd", "key"'


def _mig601(tmp_path, monkeypatch, name: str, script: str) -> list[str]:
    findings = lint_files(tmp_path, monkeypatch, {name: script}, "MIG601", dedent=False).findings
    assert all("azure vm disk upload" in f.message for f in findings)
    return where(findings)


@pytest.mark.parametrize(
    ("name", "script", "at"),
    [
        ("copy.ps1", f'$exe = "azure"\n& $exe {UPLOAD}\n', "2:3"),
        ("copy.ps1", f"$exe = 'azure.cmd'\n& $exe {UPLOAD}\n", "2:3"),
        ("copy.ps1", f"[Array]$params = {PARAMS}\n& azure $params\n", "2:3"),
        ("copy.ps1", f'$exe = "azure"\n[Array]$params = {PARAMS}\n& $exe $params;\n', "3:3"),
        ("copy.ps1", f'$exe = "azure"\n$params = @({PARAMS})\n& $exe @params\n', "3:3"),
        ("copy.ps1", f"azure {UPLOAD}\n", "1:1"),
        ("copy.sh", f"exe=azure\n$exe {UPLOAD}\n", "2:1"),
        ("copy.sh", f'params=({UPLOAD})\nazure "${{params[@]}}"\n', "2:1"),
    ],
)
def test_the_classic_cli_run_by_a_variable_or_given_an_array_is_read(tmp_path, monkeypatch, name, script, at):
    assert _mig601(tmp_path, monkeypatch, name, script) == [f"MIG601 {name}:{at}"]


def test_the_words_of_an_array_of_values_the_script_does_not_state_are_each_a_word(tmp_path, monkeypatch):
    """The training kit's copy loop: the blob and key come from a configuration file."""
    script = (
        "param([string] $configFile)\n"
        "[xml]$xml = Get-Content $configFile\n"
        "$xml.configuration.blobsToCopy.url | foreach {\n"
        '   $exe = "azure"\n'
        '   [Array]$params = "vm", "disk", "upload", $_, ("http://" + $xml.account + ".blob.core.windows.net/vhds"), $xml.key\n'
        "   & $exe $params;\n"
        "}\n"
    )
    assert _mig601(tmp_path, monkeypatch, "copyvhds.ps1", script) == ["MIG601 copyvhds.ps1:6:6"]


@pytest.mark.parametrize(
    "script",
    [
        f'$exe = "az"\n& $exe {UPLOAD}\n',  # the Azure CLI 2.0, not the classic one
        f"param($exe)\n& $exe {UPLOAD}\n",  # a program the script does not state
        f'$exe = "azure"\n$params = "{UPLOAD}"\n& notepad $params\n',
    ],
)
def test_another_program_is_not_the_classic_cli(tmp_path, monkeypatch, script):
    assert _mig601(tmp_path, monkeypatch, "copy.ps1", script) == []
