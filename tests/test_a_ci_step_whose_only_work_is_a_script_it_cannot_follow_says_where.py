"""A CI step whose inline PowerShell does nothing but run or load a script migcheck does not follow (`&
"$PSScriptRoot/scripts/create.ps1"`, where `$PSScriptRoot` is the runner's temporary folder; `& "$toolsDir\\
create.ps1"`, a folder the step does not state) may hand that script all the pipeline's classic work. The
pipeline says where, as a part not read (under --verbose, and in JSON's `unread_parts`), where before it said
nothing at all: the note had no script record to attach to, the step's own commands being none classic. A
step that runs nothing unfollowed still holds nothing classic."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.model import LOAD_NOT_FOLLOWED, STEP_SCRIPT_ROOT, Script

# The script the step runs, which creates nothing classic: what the step hands it is not known.
CREATE = "Write-Host 'creating'\n"


def _workflow(line: str) -> str:
    return f"""\
on: push
jobs:
  deploy:
    runs-on: windows-latest
    steps:
      - uses: actions/checkout@v4
      - shell: pwsh
        run: |
          Write-Host 'starting'
          {line}
"""


def _unread(tmp_path, monkeypatch, line: str) -> list[tuple[int, str]]:
    files = {".github/workflows/ci.yml": _workflow(line), "scripts/create.ps1": CREATE}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    return [
        (m.line, m.tag)
        for d in result.estate.documents
        if d.path.endswith("ci.yml")
        for r in d.resources
        if isinstance(r, Script)
        for m in r.unread
    ]


def test_a_step_running_a_script_from_its_temporary_folder_says_so(tmp_path, monkeypatch) -> None:
    line = '& "$PSScriptRoot/scripts/create.ps1"'
    assert _unread(tmp_path, monkeypatch, line) == [(10, STEP_SCRIPT_ROOT)]


def test_a_step_running_a_script_by_a_path_it_does_not_state_says_so(tmp_path, monkeypatch) -> None:
    line = '& "$env:TOOLS_DIR\\create.ps1"'
    assert _unread(tmp_path, monkeypatch, line) == [(10, LOAD_NOT_FOLLOWED)]


def test_a_step_running_a_script_it_follows_holds_nothing_classic(tmp_path, monkeypatch) -> None:
    assert _unread(tmp_path, monkeypatch, "& ./scripts/create.ps1") == []
