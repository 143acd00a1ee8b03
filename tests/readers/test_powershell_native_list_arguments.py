"""PowerShell passes a comma list written as a native command's argument as one argument, its text: the
classic CLI run from PowerShell gets `-b front,back` as the shell gives it (two subnets: MIG202)."""

from __future__ import annotations

import pytest

from tests.lint_support import lint_files, where


@pytest.mark.parametrize(
    ("subnets", "at"),
    [
        ("front,back", "deploy.ps1:1:59"),
        ("front, back", "deploy.ps1:1:53"),
        ("'front','back'", "deploy.ps1:1:53"),
    ],
)
def test_a_list_written_after_b_is_two_subnets(tmp_path, monkeypatch, subnets, at):
    script = f"azure vm create web-svc img user pass -w corpnet -b {subnets}\n"
    found = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG202").findings
    assert where(found) == [f"MIG202 {at}"]


def test_words_a_blank_separates_stay_apart(tmp_path, monkeypatch):
    # `-b front back`: the CLI takes `back` for a positional argument; the VM has one subnet.
    script = "azure vm create web-svc img user pass -w corpnet -b front back\n"
    assert lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG202").findings == []
