"""A CI step's script is parsed apart from its commands for what it hands the service and reads from it: a shell
step's for the variables it reads (`pipeline._variables_read`, where the service may set them: GitLab CI), a
PowerShell step's for the lines it writes to `$env:GITHUB_ENV` (`pipeline_powershell_env`). Some scripts take
each grammar time growing with their size squared (bash: `x a@(x)` on each of 12,000 lines, 5.5 s;
PowerShell: `${a)` on each of 16,000, 5.3 s), and these parses were unbounded. Each is parsed within the CPU
time its size allows: past it, the variables read are the file's MIG001 'takes longer to parse', with what to
do (each line of a GitLab job may parse at once, the job's script not), and the lines written give none, the
step's own read of the same script being refused at the step (MIG001 there, as before)."""

from __future__ import annotations

import pytest

from migcheck import readers
from migcheck.readers import grammars, pipeline_powershell_env
from migcheck.readers.pipeline import _variables_read

SLOW_BASH = "x a@(x)\n" * 12_000
QUICK_BASH = "x a b c\n" * 12_000  # as long, parsed at once
SLOW_POWERSHELL = b"${a)\n" * 16_000
QUICK_POWERSHELL = b"$a=1\n" * 16_000


def _sink(text: str) -> str | None:
    return "GITHUB_ENV" if "GITHUB_ENV" in text else None


def test_a_shell_step_s_variables_are_read_within_the_bound():
    with pytest.raises(grammars.ParseTooSlow):
        _variables_read(SLOW_BASH)
    assert _variables_read(QUICK_BASH + "echo $VNET\n") == {"VNET"}


def test_a_powershell_step_s_lines_for_the_service_are_read_within_the_bound():
    with pytest.raises(grammars.ParseTooSlow):
        pipeline_powershell_env.lines_written(SLOW_POWERSHELL, _sink)
    written = pipeline_powershell_env.lines_written(
        QUICK_POWERSHELL + b'"A=1" | Out-File $env:GITHUB_ENV\n', _sink
    )
    assert [(line.sink, line.name) for line in written] == [("GITHUB_ENV", "A")]


def test_a_gitlab_job_whose_script_is_too_slow_to_parse_is_the_file_s_mig001():
    script = "".join(f"    - {line}\n" for line in SLOW_BASH.splitlines())
    data = f"deploy:\n  script:\n{script}    - azure vm create web img user pass\n".encode()
    document = readers.read_document(".gitlab-ci.yml", data, explicit=True)
    assert document is not None and document.problem is not None
    assert "takes longer to parse than text of its size" in document.problem.message
    assert "Split the file" in document.problem.fix


def test_a_powershell_step_too_slow_to_parse_is_refused_at_the_step():
    script = "".join(f"          {line}\n" for line in SLOW_POWERSHELL.decode().splitlines())
    data = (
        "on: push\njobs:\n  deploy:\n    runs-on: windows-latest\n    steps:\n      - shell: pwsh\n"
        "        run: |\n          New-AzureVM -ServiceName web -VMs $vm\n"
        f'          "A=1" | Out-File $env:GITHUB_ENV\n{script}'
    ).encode()
    document = readers.read_document(".github/workflows/deploy.yml", data, explicit=True)
    assert document is not None and document.problem is not None
    assert (document.problem.mark.line, document.problem.mark.column) == (6, 9)
    assert "takes longer to parse than a script of its size may" in document.problem.message
