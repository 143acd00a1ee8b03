"""A CI pipeline past the size limit is called a CI pipeline, not a shell script: its MIG001 says that none
of its jobs' steps is read, and how to make it readable (split it with `include:` or `template:`). A shell
script past the limit is still called one."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

STEP = "    - azure vm create ops-jump img ops 'P@ss' -l 'West Europe' --ssh 22\n"
LARGE = "deploy:\n  script:\n" + STEP * (600 * 1024 // len(STEP))


def test_a_gitlab_pipeline_past_the_limit_says_its_jobs_are_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    [finding] = lint_files(tmp_path, monkeypatch, {".gitlab-ci.yml": LARGE}, "MIG001", dedent=False).findings
    assert "migcheck reads CI pipelines up to 512 KB: none of its jobs' steps is read" in finding.message
    assert "shell scripts" not in finding.message
    assert "`include:`" in finding.fix


def test_a_shell_script_past_the_limit_is_still_a_shell_script(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = "azure config mode asm\n" + STEP.strip().removeprefix("- ") * 1 + "\n"
    files = {"deploy.sh": script * (600 * 1024 // len(script))}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG001", dedent=False).findings
    assert "migcheck reads shell scripts up to 512 KB" in finding.message
