"""A file the walk listed that is deleted, or replaced by a folder, before it is read was an error, "cannot
read the file: No such file or directory", that failed CI with advice to check it exists. It is a MIG001
warning saying the file went away during the check and to run migcheck again: nothing of the repository as it
stands was left unchecked, so by itself it fails no check (exit code 0 at the default `--fail-on error`; the
exit codes say findings in the files, or a run that could not do its job), yet the run says what it did not
read. A file that is there and cannot be read is still an error."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile_support import check_json

from migcheck import engine

CSCFG = '<ServiceConfiguration serviceName="web"/>\n'


def _gone(path: Path) -> None:
    path.unlink()


def _folder_now(path: Path) -> None:
    path.unlink()
    path.mkdir()


def _its_folder_a_file_now(path: Path) -> None:
    shutil.rmtree(path.parent)
    path.parent.write_text("x")


@pytest.mark.parametrize("change", [_gone, _folder_now, _its_folder_a_file_now])
def test_a_file_that_went_away_is_a_warning_to_run_again(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    change: Callable[[Path], None],
):
    file = tmp_path / "repo" / "svc" / "ServiceConfiguration.cscfg"
    file.parent.mkdir(parents=True)
    file.write_text(CSCFG)
    discover = engine.discover

    def discover_then_change(*args, **kwargs):
        candidates = list(discover(*args, **kwargs))
        change(file)
        return iter(candidates)

    monkeypatch.setattr(engine, "discover", discover_then_change)
    monkeypatch.chdir(tmp_path)
    code, findings = check_json(capsys, "repo")
    assert [(f["path"], f["code"], f["severity"]) for f in findings] == [
        ("repo/svc/ServiceConfiguration.cscfg", "MIG001", "warning")
    ]
    assert findings[0]["message"].startswith("the file went away during the check")
    assert "Run migcheck again" in findings[0]["fix"]
    assert code == 0
