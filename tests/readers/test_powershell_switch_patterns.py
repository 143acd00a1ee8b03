"""A PowerShell `switch -Wildcard` or `switch -Regex` over a string the script surely gives runs the clauses
whose pattern matches it, each of them (not only the first) until a `break`, and `default` when none does;
a clause whose pattern does not match does not run. Applying every clause to every item of a loop over
constants reported the remote debugging extension of one VM (MIG204) on all of them.

A VM created from a configuration the files do not show (`Import-AzureVM` of an XML file that is not among
them, a parameter) may have any disk the script registers: those are not reported as attached to no VM
(MIG402), which they were, though the script registers them for that VM."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

REMOTE_DEBUG = (
    '$vm = $vm | Set-AzureVMExtension -ExtensionName "RemoteDebugVS2015" '
    '-Publisher "Microsoft.VisualStudio.WindowsAzure.RemoteDebug" -Version "1.*"'
)

# A loop over three names, each VM given the extension by the clauses of SWITCH (with CLAUSES in its body).
IN_A_LOOP = """\
foreach ($n in @("web01", "web02", "dev01")) {
    $vm = New-AzureVMConfig -Name $n -InstanceSize "Small" -ImageName "img"
    SWITCH ($n) {
CLAUSES
    }
    New-AzureVM -ServiceName "fab-web" -VMs $vm
}
"""

PIPED = """\
"web01", "web02", "dev01" | ForEach-Object {
    $vm = New-AzureVMConfig -Name $_ -InstanceSize "Small" -ImageName "img"
    SWITCH ($_) {
CLAUSES
    }
    New-AzureVM -ServiceName "fab-web" -VMs $vm
}
"""

# A name the script does not state: any clause may match it.
UNKNOWN = """\
param([string]$Name)
$vm = New-AzureVMConfig -Name $Name -InstanceSize "Small" -ImageName "img"
SWITCH ($Name) {
CLAUSES
}
New-AzureVM -ServiceName "fab-web" -VMs $vm
"""


def _flagged(tmp_path, monkeypatch, template: str, switch: str, *clauses: str) -> list[str]:
    """The VMs MIG204 reports the remote debugging extension on, for the script `template` whose `switch`
    is written `switch` and holds `clauses` (`EXT` in one stands for the call that sets the extension)."""
    body = "\n".join(f"        {clause.replace('EXT', REMOTE_DEBUG)}" for clause in clauses)
    script = template.replace("SWITCH", switch).replace("CLAUSES", body)
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG204", dedent=False)
    return sorted(f.message.split("'")[1] for f in result.findings)


@pytest.mark.parametrize("template", [IN_A_LOOP, PIPED], ids=["foreach", "ForEach-Object"])
@pytest.mark.parametrize(
    ("switch", "pattern", "expected"),
    [
        ("switch -Wildcard", "test*", []),
        ("switch -Wildcard", "dev*", ["dev01"]),
        ("switch -Wildcard", "DEV*", ["dev01"]),  # without regard to case
        ("switch -Wildcard", "web0?", ["web01", "web02"]),
        ("switch -Wildcard", "*0[2-9]", ["web02"]),
        ("switch -Wildcard", "[dw]eb*", ["web01", "web02"]),
        ("switch -Wildcard -CaseSensitive", "DEV*", []),
        ("switch -CaseSensitive -Wildcard", "dev*", ["dev01"]),
        ("switch -Regex", "^test", []),
        ("switch -Regex", "^dev", ["dev01"]),
        ("switch -Regex", "^DEV", ["dev01"]),
        ("switch -Regex", "01$", ["dev01", "web01"]),
        ("switch -Regex", "^dev|^web02", ["dev01", "web02"]),
        ("switch -Regex -CaseSensitive", "^DEV", []),
        ("switch -Wildcard -Regex", "^dev", ["dev01"]),  # the last of the two written counts
        ("switch -Regex -Wildcard", "dev*", ["dev01"]),
        ("switch -r", "^dev", ["dev01"]),  # any prefix of a parameter's name stands for it
        ("switch -wild", "dev*", ["dev01"]),
    ],
)
def test_a_pattern_clause_runs_for_the_items_it_matches(
    tmp_path, monkeypatch, template, switch, pattern, expected
):
    assert (
        _flagged(tmp_path, monkeypatch, template, switch, f"'{pattern}' {{ EXT }}", "default { }") == expected
    )


@pytest.mark.parametrize(
    ("switch", "pattern"),
    [("switch -Wildcard", "web*"), ("switch -Regex", "^web"), ("switch -Wildcard -CaseSensitive", "WEB*")],
)
def test_default_runs_for_the_items_no_pattern_matches(tmp_path, monkeypatch, switch, pattern):
    flagged = _flagged(tmp_path, monkeypatch, IN_A_LOOP, switch, f'"{pattern}" {{ }}', "default { EXT }")
    expected = ["dev01", "web01", "web02"] if "CaseSensitive" in switch else ["dev01"]
    assert flagged == expected


def test_every_clause_that_matches_runs_until_a_break(tmp_path, monkeypatch):
    clauses = ('"*01" { }', '"dev*" { EXT }', "default { }")
    assert _flagged(tmp_path, monkeypatch, IN_A_LOOP, "switch -Wildcard", *clauses) == ["dev01"]
    # `default` does not run for an item some clause matched, whatever clause ran last.
    clauses = ('"dev*" { }', '"web*" { }', "default { EXT }")
    assert _flagged(tmp_path, monkeypatch, IN_A_LOOP, "switch -Wildcard", *clauses) == []
    # A `break` in a clause that matches ends the switch: the clauses after it do not run.
    clauses = ('"*01" { break }', '"dev*" { EXT }')
    assert _flagged(tmp_path, monkeypatch, IN_A_LOOP, "switch -Wildcard", *clauses) == []
    clauses = ('"web*" { break }', '"*0?" { EXT }')
    assert _flagged(tmp_path, monkeypatch, IN_A_LOOP, "switch -Wildcard", *clauses) == ["dev01"]


def test_an_exact_switch_runs_each_clause_equal_to_the_value(tmp_path, monkeypatch):
    assert _flagged(tmp_path, monkeypatch, IN_A_LOOP, "switch", '"dev01" { EXT }', "default { }") == ["dev01"]
    assert _flagged(tmp_path, monkeypatch, IN_A_LOOP, "switch -Exact", '"dev*" { EXT }') == []
    assert _flagged(tmp_path, monkeypatch, IN_A_LOOP, "switch -CaseSensitive", '"DEV01" { EXT }') == []
    # Two clauses of the same value both run.
    clauses = ('"dev01" { }', '"DEV01" { EXT }')
    assert _flagged(tmp_path, monkeypatch, IN_A_LOOP, "switch", *clauses) == ["dev01"]


@pytest.mark.parametrize(
    ("switch", "clause"),
    [
        ("switch -Wildcard", '"dev*" { EXT }'),
        ("switch -Regex", '"^dev" { EXT }'),
        ("switch -Wildcard", "default { EXT }"),
    ],
)
def test_over_a_value_the_script_does_not_state_a_clause_may_run(tmp_path, monkeypatch, switch, clause):
    flagged = _flagged(tmp_path, monkeypatch, UNKNOWN, switch, '"web*" { }', clause)
    assert len(flagged) == 1


@pytest.mark.parametrize(
    ("switch", "pattern"),
    [
        ("switch -Regex", r"^dev\d+$"),  # a class: not read (as for `-match`)
        ("switch -Regex", "^(dev|test)"),  # a group
        ("switch -Regex", "^dev["),  # not a regular expression Python's `re` compiles
        ("switch -Wildcard", "dev`*"),  # an escape
        ("switch -Wildcard", "[!w]*"),  # a set the reader does not read surely
    ],
)
def test_a_pattern_the_reader_cannot_surely_read_may_match_any_item(tmp_path, monkeypatch, switch, pattern):
    flagged = _flagged(tmp_path, monkeypatch, IN_A_LOOP, switch, f"'{pattern}' {{ EXT }}")
    assert flagged == ["dev01", "web01", "web02"]


def test_a_clause_the_reader_cannot_decide_leaves_the_default_undecided(tmp_path, monkeypatch):
    clauses = ('"test*" { }', "{ $_.Length -gt 9 } { }", "default { EXT }")
    assert _flagged(tmp_path, monkeypatch, IN_A_LOOP, "switch -Wildcard", *clauses) == [
        "dev01",
        "web01",
        "web02",
    ]
    # A clause it surely does not match still does not run.
    clauses = ('"test*" { EXT }', "{ $_.Length -gt 9 } { }")
    assert _flagged(tmp_path, monkeypatch, IN_A_LOOP, "switch -Wildcard", *clauses) == []


@pytest.mark.parametrize("switch", ["switch -Wildcard -File", "switch -File"])
def test_a_switch_over_the_lines_of_a_file_is_not_decided(tmp_path, monkeypatch, switch):
    script = f"""\
$vm = New-AzureVMConfig -Name "dev01" -InstanceSize "Small" -ImageName "img"
{switch} "dev01" {{
    "test*" {{ EXT }}
    "test01" {{ EXT }}
}}
New-AzureVM -ServiceName "fab-web" -VMs $vm
""".replace("EXT", REMOTE_DEBUG)
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG204", dedent=False)
    assert len(result.findings) == 2


# --- disks a script registers for VMs it creates from configurations it does not show -------------------

# The calls that register two disks, where a script below writes REGISTER.
REGISTER = """\
Add-AzureDisk -DiskName "sbc-os" -MediaLocation "https://bds1.blob.core.windows.net/vhds/sbc-os.vhd" -Label "sbc-os" -OS Windows
Add-AzureDisk -DiskName "sbc-data" -MediaLocation "https://bds1.blob.core.windows.net/vhds/sbc-data.vhd" -Label "sbc-data"
"""


def _lint_disks(tmp_path, monkeypatch, script: str):
    files = {"deploy.ps1": script.replace("REGISTER\n", REGISTER)}
    return lint_files(tmp_path, monkeypatch, files, "MIG402", dedent=False)


@pytest.mark.parametrize(
    "script",
    [
        # The disks' names are in the XML Import-AzureVM reads, which is not among the files.
        'REGISTER\nImport-AzureVM -Path C:\\Temp\\sbc-02-Import.xml | New-AzureVM -ServiceName "sbc" -VNetName "vn"\n',
        'REGISTER\n$vm = Import-AzureVM -Path "C:\\Temp\\sbc-02-Import.xml"\nNew-AzureVM -ServiceName "sbc" -VMs $vm\n',
        # A configuration passed in: what disks it has is not known either.
        "param($Config)\nREGISTER\nNew-AzureVM -ServiceName sbc -VMs $Config\n",
    ],
    ids=["piped", "assigned", "parameter"],
)
def test_disks_a_vm_of_an_unseen_configuration_may_have_are_not_reported(tmp_path, monkeypatch, script):
    result = _lint_disks(tmp_path, monkeypatch, script)
    assert result.findings == []
    assert sorted((d.name, d.maybe_attached, bool(d.attached_to)) for d in result.estate.disks) == [
        ("sbc-data", True, True),
        ("sbc-os", True, True),
    ]


@pytest.mark.parametrize(
    "script",
    [
        "REGISTER\n",  # no VM at all
        'REGISTER\nImport-AzureVM -Path "C:\\Temp\\sbc-02-Import.xml"\n',  # no VM is created from it
        # A VM whose configuration the script shows, with no disk of the repository.
        'REGISTER\nNew-AzureVMConfig -Name "web01" -InstanceSize Small -ImageName "img" | New-AzureVM -ServiceName "sbc"\n',
        # Registered after the only VM of an unseen configuration is created: it cannot be that VM's.
        'Import-AzureVM -Path "C:\\Temp\\sbc-02-Import.xml" | New-AzureVM -ServiceName "sbc"\nREGISTER\n',
    ],
    ids=["no VM", "imported only", "shown configuration", "registered after"],
)
def test_disks_no_vm_the_script_creates_may_have_are_reported(tmp_path, monkeypatch, script):
    first = 2 if script.startswith("Import-AzureVM") else 1
    assert where(_lint_disks(tmp_path, monkeypatch, script).findings) == [
        f"MIG402 deploy.ps1:{first}:1",
        f"MIG402 deploy.ps1:{first + 1}:1",
    ]
