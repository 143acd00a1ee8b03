"""Python code a shell script or a CI step runs inline (`python3 -c "..."`, `python3 - <<'PY'`, a GitHub
Actions step of `shell: python`) imports the modules of the folder it runs in, which Python puts first on
`sys.path`: the script's own folder, or the one it moved to (`cd tools`), and a CI job's repository root. A
classic command it gives a function of such a module to run (`from lib import run; run(["azure", ...])`) is
read where the code writes it, as one a Python script file gives it is. The code was read as a block
indented where its file writes it, whose imports brought in nothing, and a shell script that names neither
`subprocess` nor the SDK was not read at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

WRAPPER = """\
import subprocess


def run(command):
    subprocess.check_call(command)
"""
CODE = """from lib import run; run(['azure', 'network', 'vnet', 'create', '--vnet', 'app-vnet'])"""
STEP = f'python3 -c "{CODE}"'
HERE_DOCUMENT = "python3 - <<'PY'\n" + CODE.replace("; ", "\n") + "\nPY\n"


def _read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str]) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False)
    return where(result.findings)


@pytest.mark.parametrize(
    "script, expected",
    [
        (f"#!/bin/bash\n{STEP}\n", "deploy.sh:2:39"),
        (f"#!/bin/bash\n{HERE_DOCUMENT}", "deploy.sh:4:6"),
    ],
    ids=["-c", "here-document"],
)
def test_a_shell_script_s_inline_code_imports_its_folder_s_module(
    script: str, expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _read(tmp_path, monkeypatch, {"lib.py": WRAPPER, "deploy.sh": script}) == [f"MIG601 {expected}"]


def test_after_a_cd_the_code_imports_the_module_of_the_folder_moved_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {"tools/lib.py": WRAPPER, "deploy.sh": f"#!/bin/bash\ncd tools\n{STEP}\n"}
    assert _read(tmp_path, monkeypatch, files) == ["MIG601 deploy.sh:3:39"]


def test_a_github_actions_step_s_code_imports_the_repository_root_s_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workflow = f"""\
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: {STEP}
      - shell: python
        run: |
          {CODE.replace("; ", chr(10) + "          ")}
"""
    files = {"lib.py": WRAPPER, ".github/workflows/deploy.yml": workflow}
    assert _read(tmp_path, monkeypatch, files) == [
        "MIG601 .github/workflows/deploy.yml:6:52",
        "MIG601 .github/workflows/deploy.yml:10:16",
    ]
