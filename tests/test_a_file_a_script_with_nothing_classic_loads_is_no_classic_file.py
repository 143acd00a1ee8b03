"""A settings file counts among the files reported on only when what loads it describes something classic:
a build script that dot-sources its version file, a shell script that sources its settings before running
`az`, a Python tool that imports a helper, checked in a folder with nothing classic, is "Nothing checked"
(the badge grey), where it was "All clear: no findings in 1 file" and a green badge. A classic script's
settings file still counts (the summary's "2 files")."""

from __future__ import annotations

import pytest
from lint_support import run_cli

LOADERS = {
    "powershell": {"build.ps1": ". .\\version.ps1\ndotnet build\n", "version.ps1": "$Version = '1.2.3'\n"},
    "shell": {
        "deploy.sh": ". ./settings.sh\naz group create -n rg -l westeurope\n",
        "settings.sh": "RG=rg\n",
    },
    "python": {"tool.py": "from lib import helper\nhelper()\n", "lib.py": "def helper():\n    return 1\n"},
}


@pytest.mark.parametrize("files", LOADERS.values(), ids=LOADERS.keys())
def test_a_loader_with_nothing_classic_checks_nothing(tmp_path, monkeypatch, capsys, files):
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(capsys, "check", ".")
    assert (code, out.splitlines()[-1]) == (0, "Nothing checked: no classic files, so no findings.")


def test_a_classic_script_s_settings_file_still_counts(tmp_path, monkeypatch, capsys):
    (tmp_path / "deploy.ps1").write_text(
        ". .\\config.ps1\nNew-AzureService -ServiceName $Service -Location 'West Europe'\n"
    )
    (tmp_path / "config.ps1").write_text("$Service = 'web-svc'\n")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".")
    assert " in 2 files" in out.splitlines()[-1]
