"""The text report says, on lines before its summary, that the retirement dates it gives are Azure's global
cloud's where files work in Azure operated by 21Vianet or Azure Government, and how many findings the
baseline records that the run no longer found. CI reads the JSON and SARIF reports, or the log of the
GitHub and Azure Pipelines formats: each says the same, the JSON reports as keys of their own
(`retirement_dates`, `stale_baseline`), SARIF in its run's properties and as notifications, the CI logs as
plain lines before the summary. The line names each subscription whose files work in that cloud."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from lint_support import run_cli

QUICK_VM = (
    'New-AzureQuickVM -Windows -ServiceName "{service}" -Name "vm1" -Location "China North" -ImageName img '
    "-Password p -AdminUsername u\n"
)
IN_CHINA = "Add-AzureAccount -Environment AzureChinaCloud\n"
SELECTING = IN_CHINA + 'Select-AzureSubscription -SubscriptionName "{subscription}"\n' + QUICK_VM
NOTE = "The retirement dates {where} are Azure's global cloud's; the files work in Azure operated by 21Vianet"
# Committed before it is prepared: a finding of the network's name.
RUNBOOK = (
    'Move-AzureVirtualNetwork -Commit -VirtualNetworkName "{network}"\n'
    'Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "{network}"\n'
)
STALE = (
    "1 finding in baseline baseline.json is no longer found (fixed, renamed or moved): record the current "
    "findings in it with --write-baseline baseline.json."
)


@pytest.fixture
def two_chinese_subscriptions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name, subscription in (("prod.ps1", "cn-prod"), ("test.ps1", "cn-test")):
        (tmp_path / name).write_text(SELECTING.format(subscription=subscription, service=subscription))
    return tmp_path


@pytest.fixture
def renamed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    """A runbook recorded in the baseline, then its network renamed."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hub.ps1").write_text(RUNBOOK.format(network="hub-vnet"))
    assert run_cli(capsys, "check", ".", "--write-baseline", "baseline.json")[0] == 0
    (tmp_path / "hub.ps1").write_text(RUNBOOK.format(network="core-vnet"))
    return tmp_path


def test_the_text_line_names_each_subscription_whose_files_work_in_the_cloud(
    two_chinese_subscriptions, capsys
):
    _, out, _ = run_cli(capsys, "check", ".")
    assert (
        NOTE.format(where="above")
        + " (subscription 'cn-prod': prod.ps1:1; subscription 'cn-test': test.ps1:1): "
        "check its own notices for its dates."
    ) in out.splitlines()


def test_the_json_report_gives_whose_dates_and_which_subscriptions(two_chinese_subscriptions, capsys):
    _, out, _ = run_cli(capsys, "check", ".", "--format", "report-json")
    said = json.loads(out)["retirement_dates"]
    assert said["cloud"] == "AzureCloud"
    assert said["sovereign_clouds"] == [
        {
            "cloud": "AzureChinaCloud",
            "name": "Azure operated by 21Vianet",
            "subscriptions": [
                {"subscription": "cn-prod", "path": "prod.ps1", "line": 1},
                {"subscription": "cn-test", "path": "test.ps1", "line": 1},
            ],
        }
    ]
    assert said["message"].startswith(NOTE.format(where="in this report"))


def test_sarif_gives_it_in_the_run_s_properties_and_as_a_note(two_chinese_subscriptions, capsys):
    _, out, _ = run_cli(capsys, "check", ".", "--format", "sarif")
    run = json.loads(out)["runs"][0]
    assert run["properties"]["retirementDates"]["sovereign_clouds"][0]["cloud"] == "AzureChinaCloud"
    (note,) = run["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "note"
    assert note["message"]["text"].startswith(NOTE.format(where="in this report"))
    uris = [where["physicalLocation"]["artifactLocation"]["uri"] for where in note["locations"]]
    assert uris == ["prod.ps1", "test.ps1"]


@pytest.mark.parametrize("fmt", ["github", "azure"])
def test_the_ci_logs_say_it_before_the_summary(two_chinese_subscriptions, capsys, fmt):
    _, out, _ = run_cli(capsys, "check", ".", "--format", fmt)
    *_, said, summary = out.splitlines()
    assert said.startswith(NOTE.format(where="above"))
    assert summary.startswith("Found ")


def test_files_of_the_global_cloud_add_no_key(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "deploy.ps1").write_text(QUICK_VM.format(service="svc1"))
    _, report, _ = run_cli(capsys, "check", ".", "--format", "report-json")
    _, sarif, _ = run_cli(capsys, "check", ".", "--format", "sarif")
    assert "2023-09-06" in report  # a date is given: only the cloud differs
    assert "retirement_dates" not in json.loads(report)
    assert "retirementDates" not in json.loads(sarif)["runs"][0]["properties"]


def test_the_json_report_counts_the_baseline_s_entries_no_longer_found(renamed, capsys):
    _, out, _ = run_cli(capsys, "check", ".", "--baseline", "baseline.json", "--format", "report-json")
    assert json.loads(out)["stale_baseline"] == {"baseline": "baseline.json", "count": 1, "message": STALE}


def test_sarif_counts_them_in_the_run_s_properties_and_as_a_configuration_warning(renamed, capsys):
    _, out, _ = run_cli(capsys, "check", ".", "--baseline", "baseline.json", "--format", "sarif")
    run = json.loads(out)["runs"][0]
    assert run["properties"]["staleBaseline"]["count"] == 1
    (warning,) = run["invocations"][0]["toolConfigurationNotifications"]
    assert warning["level"] == "warning"
    assert warning["message"]["text"] == STALE
    assert warning["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "baseline.json"


@pytest.mark.parametrize("fmt", ["github", "azure"])
def test_the_ci_logs_count_them_before_the_summary(renamed, capsys, fmt):
    _, out, _ = run_cli(capsys, "check", ".", "--baseline", "baseline.json", "--format", fmt)
    *_, said, summary = out.splitlines()
    assert said == STALE
    assert summary.startswith("Found ")


def test_a_baseline_that_knows_every_finding_adds_no_key(renamed, capsys):
    run_cli(capsys, "check", ".", "--write-baseline", "baseline.json")
    _, report, _ = run_cli(capsys, "check", ".", "--baseline", "baseline.json", "--format", "report-json")
    _, sarif, _ = run_cli(capsys, "check", ".", "--baseline", "baseline.json", "--format", "sarif")
    assert "stale_baseline" not in json.loads(report)
    assert "invocations" not in json.loads(sarif)["runs"][0]


def test_junit_says_both_as_its_suite_s_output(two_chinese_subscriptions, capsys):
    run_cli(capsys, "check", ".", "--write-baseline", "baseline.json")
    renamed = SELECTING.format(subscription="cn-prod", service="cn-prod2")  # its service renamed
    (two_chinese_subscriptions / "prod.ps1").write_text(renamed)
    _, out, _ = run_cli(capsys, "check", ".", "--baseline", "baseline.json", "--format", "junit")
    output = ET.fromstring(out).find("testsuite/system-out")
    assert output is not None and output.text is not None
    said = output.text.splitlines()
    assert said[0].startswith(NOTE.format(where="above") + " (subscription 'cn-prod': prod.ps1:1; ")
    assert said[-1] == STALE
