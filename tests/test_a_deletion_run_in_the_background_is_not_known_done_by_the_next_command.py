"""A deletion a script runs in the background (shell `azure network vnet delete X &`, PowerShell `Start-Job`
or `Invoke-Command -AsJob`) goes on while the script does: the next command may still find what it deletes.
It is read as a deletion that may not run, so a command naming what it deletes after it is not said to be
refused (no MIG003), where the same deletion run in the foreground makes it so. Once the script waits for it
(shell `wait`, PowerShell `Wait-Job` or `Receive-Job -Wait` given the job, or in the job's own pipeline), the
deletion is done, and a command after the wait naming what it deleted is refused again. `Start-ThreadJob` is a
background job as `Start-Job` is."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

SHELL = """\
azure config mode asm
azure network vnet create old-net -l "West Europe" -e 10.5.0.0 -i 16 -n front -p 10.5.1.0 -r 24
azure network reserved-ip create rip-old "West Europe"
azure network vnet delete old-net -q{bg}
azure network reserved-ip delete rip-old -q{bg}
azure vm create web10 img ops 'Pw!12345' -w old-net -b front -l "West Europe" -e 22 -R rip-old
"""

START_JOB = """\
New-AzureReservedIP -ReservedIPName rip-old -Location "West Europe"
{job_start}param($n) Remove-AzureReservedIP -ReservedIPName $n -Force{job_end}
New-AzureQuickVM -Windows -ServiceName rsvc -Name rvm -ImageName img -AdminUsername ops -Password $pw -Location "West Europe" -ReservedIPName rip-old
"""

JOBS = {
    "Start-Job": ("Start-Job { ", " } -ArgumentList rip-old"),
    "Invoke-Command -AsJob": (
        "Invoke-Command -ComputerName localhost -AsJob -ScriptBlock { ",
        " } -ArgumentList rip-old",
    ),
}
IN_THE_FOREGROUND = ("Invoke-Command -ScriptBlock { ", " } -ArgumentList rip-old")


def _refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, script: str) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, {name: script})
    return [f.message for f in result.findings if f.code == "MIG003"]


def test_a_classic_cli_deletion_in_the_background_leaves_what_it_deletes_maybe_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _refused(tmp_path, monkeypatch, "bg.sh", SHELL.format(bg=" &")) == []


def test_the_same_deletion_in_the_foreground_is_done_before_the_next_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refused = _refused(tmp_path, monkeypatch, "bg.sh", SHELL.format(bg=""))
    assert len(refused) == 2
    assert "virtual network 'old-net'" in refused[0] and "reserved IP 'rip-old'" in refused[1]


@pytest.mark.parametrize("job", JOBS)
def test_a_powershell_removal_in_a_job_leaves_what_it_removes_maybe_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, job: str
) -> None:
    start, end = JOBS[job]
    assert _refused(tmp_path, monkeypatch, "job.ps1", START_JOB.format(job_start=start, job_end=end)) == []


def test_a_powershell_removal_in_a_block_run_here_is_done_before_the_next_statement(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    start, end = IN_THE_FOREGROUND
    refused = _refused(tmp_path, monkeypatch, "job.ps1", START_JOB.format(job_start=start, job_end=end))
    assert len(refused) == 1 and "reserved IP 'rip-old'" in refused[0]


WAITED_SHELL = SHELL.replace("azure vm create", "wait\nazure vm create")


def test_a_classic_cli_deletion_in_the_background_is_done_after_a_wait(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refused = _refused(tmp_path, monkeypatch, "bg.sh", WAITED_SHELL.format(bg=" &"))
    assert len(refused) == 2
    assert "virtual network 'old-net'" in refused[0] and "reserved IP 'rip-old'" in refused[1]


def test_a_wait_that_may_not_run_leaves_the_background_deletion_maybe_undone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = SHELL.replace("azure vm create", 'if [ -n "$X" ]; then wait; fi\nazure vm create')
    assert _refused(tmp_path, monkeypatch, "bg.sh", script.format(bg=" &")) == []


REMOVAL = "Remove-AzureReservedIP -ReservedIPName rip-old -Force"
WAITED_JOBS = {
    "Start-Job piped to Wait-Job": f"Start-Job {{ {REMOVAL} }} | Wait-Job\n",
    "Start-Job piped to Receive-Job -Wait": f"Start-Job {{ {REMOVAL} }} | Receive-Job -Wait\n",
    "Invoke-Command -AsJob piped to Wait-Job": (
        f"Invoke-Command -ComputerName localhost -AsJob -ScriptBlock {{ {REMOVAL} }} | Wait-Job\n"
    ),
    "the job piped to Wait-Job later": (
        "$job = Start-Job { param($n) Remove-AzureReservedIP -ReservedIPName $n -Force } -ArgumentList rip-old\n"
        "Write-Output 'removing'\n$job | Wait-Job\n"
    ),
    "Wait-Job -Job": f"$job = Start-Job {{ {REMOVAL} }}\nWait-Job -Job $job\n",
    "Receive-Job -Wait of a thread job": f"$job = Start-ThreadJob {{ {REMOVAL} }}\nReceive-Job $job -Wait\n",
}
NOT_WAITED_JOBS = {
    "a thread job": f"$job = Start-ThreadJob {{ {REMOVAL} }}\n",
    "a wait that may not run": f"$job = Start-Job {{ {REMOVAL} }}\nif ($x) {{ Wait-Job $job }}\n",
    "a wait for another job": (
        f"$job = Start-Job {{ {REMOVAL} }}\n$other = Start-Job {{ Get-AzureVM }}\nWait-Job $other\n"
    ),
}


def _job_script(job: str) -> str:
    lines = START_JOB.splitlines(keepends=True)
    return lines[0] + job + lines[2]


@pytest.mark.parametrize("job", WAITED_JOBS)
def test_a_powershell_removal_in_a_job_the_script_waits_for_is_done_after_the_wait(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, job: str
) -> None:
    refused = _refused(tmp_path, monkeypatch, "job.ps1", _job_script(WAITED_JOBS[job]))
    assert len(refused) == 1 and "reserved IP 'rip-old'" in refused[0]


@pytest.mark.parametrize("job", NOT_WAITED_JOBS)
def test_a_powershell_removal_in_a_job_not_surely_waited_for_leaves_it_maybe_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, job: str
) -> None:
    assert _refused(tmp_path, monkeypatch, "job.ps1", _job_script(NOT_WAITED_JOBS[job])) == []
