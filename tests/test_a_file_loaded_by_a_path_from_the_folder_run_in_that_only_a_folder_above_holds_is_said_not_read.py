"""A PowerShell script that dot-sources a file by a path from the current location (`. .\\pslib\\lib.ps1`),
or a shell script that sources one so (`source ./lib/env.sh`), loads the file at that path from the folder
it is run in, which need not be its own: scripts kept in `pslib/` and run from the folder above it write
the path from there. migcheck takes the path from the script's own folder; where that holds no such file
and a folder above it does, the load is said as a part not read (which folder the script runs from is not
stated), not silently dropped."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import DOT_SOURCE_NOT_FOLLOWED, LOADED_FROM_ANOTHER_FOLDER, Script

LIBRARY = "function Deploy-It($Name) { New-AzureService -ServiceName $Name -Location 'West US' }\n"
CALLER = '. .\\pslib\\lib.ps1\nDeploy-It -Name "svc-caller"\nGet-AzureVM -ServiceName "svc-caller"\n'


def not_read(tmp_path, monkeypatch, files: dict[str, str]) -> dict[str, list[tuple[int, int, str]]]:
    result = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False)
    return {
        d.path: [(m.line, m.column, m.tag) for m in r.unread]
        for d in result.estate.documents
        for r in d.resources
        if isinstance(r, Script)
    }


@pytest.mark.parametrize(
    "files",
    [
        {"pslib/caller.ps1": CALLER},
        # Written from the script's folder, the path names no file above it: one not checked.
        {"pslib/lib.ps1": LIBRARY, "pslib/caller.ps1": CALLER.replace(".\\pslib", "$PSScriptRoot\\pslib")},
    ],
)
def test_a_path_no_folder_holds_is_said_not_followed(tmp_path, monkeypatch, files):
    found = not_read(tmp_path, monkeypatch, files)
    assert found["pslib/caller.ps1"] == [(1, 3, DOT_SOURCE_NOT_FOLLOWED)]


def test_a_path_only_the_folder_above_the_script_holds_is_said_not_read(tmp_path, monkeypatch):
    files = {"pslib/lib.ps1": LIBRARY, "pslib/caller.ps1": CALLER}
    found = not_read(tmp_path, monkeypatch, files)
    assert found["pslib/caller.ps1"] == [(1, 3, LOADED_FROM_ANOTHER_FOLDER)]


@pytest.mark.parametrize(
    "files",
    [
        # The script's own folder holds the file: it is the one read.
        {"pslib/pslib/lib.ps1": LIBRARY, "pslib/caller.ps1": CALLER},
    ],
)
def test_a_path_the_script_s_folder_holds_is_no_part_not_read(tmp_path, monkeypatch, files):
    assert not_read(tmp_path, monkeypatch, files)["pslib/caller.ps1"] == []


SHELL_CALLER = (
    "#!/bin/bash\n{load}\nazure config mode asm\n"
    'azure vm create "$SERVICE" img ops P -n app1 -l "West Europe"\n'
)


@pytest.mark.parametrize(
    ("load", "above", "marks"),
    [
        ("source ./lib/env.sh", True, [(2, 8, LOADED_FROM_ANOTHER_FOLDER)]),
        (". lib/env.sh", True, [(2, 3, LOADED_FROM_ANOTHER_FOLDER)]),
        # From the script's own folder, or after a `cd` to it: no folder above is meant.
        ('source "$(dirname "$0")/lib/env.sh"', True, []),
        ('cd "$(dirname "$0")"\nsource ./lib/env.sh', True, []),
        # No folder above holds it.
        ("source ./lib/env.sh", False, []),
    ],
)
def test_a_shell_path_only_the_folder_above_the_script_holds_is_said_not_read(
    tmp_path, monkeypatch, load, above, marks
):
    files = {"lib/caller.sh": SHELL_CALLER.format(load=load)}
    if above:
        files["lib/env.sh"] = "SERVICE=svc\n"
    assert not_read(tmp_path, monkeypatch, files)["lib/caller.sh"] == marks
