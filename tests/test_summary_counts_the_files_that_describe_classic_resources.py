"""The summary counts the files that describe classic resources; `--show-files` lists every file a check
reads. Where the two differ, the summary says how many were read, and that the others describe nothing
classic."""

from __future__ import annotations

import pytest
from lint_support import SHOP_CSCFG, run_cli


def test_the_summary_says_how_many_files_were_read(capsys: pytest.CaptureFixture[str]) -> None:
    _, listed, _ = run_cli(capsys, "check", "examples", "--show-files")
    _, out, _ = run_cli(capsys, "check", "examples")
    read = len(listed.splitlines())
    assert f"(of {read} read: the others describe nothing classic)" in out.splitlines()[-1]


def test_files_read_and_findings_known_from_baseline_are_said_in_one_parenthesis(
    capsys: pytest.CaptureFixture[str], tmp_path, monkeypatch
) -> None:
    # A file beside the configuration is read and describes nothing classic; the baseline knows the
    # configuration's findings. Both asides go in one parenthesis, never `(...) (...)`.
    project = tmp_path / "project"
    project.mkdir()
    monkeypatch.chdir(project)
    (project / "ServiceConfiguration.Cloud.cscfg").write_text(SHOP_CSCFG)
    (project / "notes.xml").write_text("<notes/>\n")
    run_cli(capsys, "check", ".", "--write-baseline", "../baseline.json")
    _, out, _ = run_cli(capsys, "check", ".", "--baseline", "../baseline.json")
    last = out.splitlines()[-1]
    assert last.startswith("No new findings in 1 file (of 2 read: the others describe nothing classic; ")
    assert ") (" not in last and last.count("(") == 1
    assert " known from baseline" in last


SELECTS_TWO = {
    "deploy.ps1": """\
Select-AzureSubscription -SubscriptionId "11111111-1111-1111-1111-111111111111"
New-AzureService -ServiceName "svc1" -Location "West US"
Select-AzureSubscription -SubscriptionId "22222222-2222-2222-2222-222222222222"
New-AzureService -ServiceName "svc2" -Location "West US"
""",
    "deploy.sh": """\
azure account set 11111111-1111-1111-1111-111111111111
azure service create svc1 --location "West US"
azure account set 22222222-2222-2222-2222-222222222222
azure service create svc2 --location "West US"
""",
}


@pytest.mark.parametrize("script", sorted(SELECTS_TWO))
def test_a_script_that_selects_two_subscriptions_is_one_file(
    capsys: pytest.CaptureFixture[str], tmp_path, monkeypatch, script: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / script).write_text(SELECTS_TWO[script])
    _, out, _ = run_cli(capsys, "check", ".")
    assert "Readiness by migration scope, subscription '22222222-2222-2222-2222-222222222222':" in out
    assert out.splitlines()[-1].startswith("Found 1 finding in 1 file:")
