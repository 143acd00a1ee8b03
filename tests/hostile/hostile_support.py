"""Shared helpers for the hostile-input tests: the corpus, and the CLI run in-process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from migcheck.cli import main

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CORPUS_CSCFG = CORPUS / "mxs1244__cloudserviceclassic" / "ServiceConfiguration.Cloud.cscfg"

needs_corpus = pytest.mark.skipif(not CORPUS_CSCFG.is_file(), reason="the shared corpus is absent")


def check_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, object]]]:
    """Run `migcheck check --format json ARGV` in this process: (exit code, findings)."""
    code = main(["check", "--format", "json", *argv])
    out, _ = capsys.readouterr()
    return code, json.loads(out)


# Limits for a child process that must finish: a regression that loops or expands fails the test (the child
# is killed with SIGXCPU or gets a MemoryError) instead of hanging the machine. CPU time, not wall-clock
# time, so a slow or busy machine does not fail it. The wall-clock timeout only ends a child that blocks
# without using CPU (reading a named pipe), far above any normal run.
CPU_SECONDS = 60
MEMORY_BYTES = 1024 * 1024 * 1024
HANG_SECONDS = 600


def _limits(cpu: int, memory: int) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))


def limited(
    argv: list[str], *, cwd: Path | None = None, cpu: int = CPU_SECONDS, memory: int = MEMORY_BYTES
) -> subprocess.CompletedProcess[str]:
    """Run `argv` under a CPU-time and an address-space limit; standard input is empty."""
    return subprocess.run(
        argv,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=HANG_SECONDS,
        check=False,
        preexec_fn=lambda: _limits(cpu, memory),
    )


def migcheck_limited(*argv: str, cwd: Path | None = None, **limits: int) -> subprocess.CompletedProcess[str]:
    """`migcheck ARGV` in a child process under the limits."""
    return limited([sys.executable, "-m", "migcheck", *argv], cwd=cwd, **limits)


def python_limited(code: str, *args: str, **limits: int) -> subprocess.CompletedProcess[str]:
    """`python -c CODE ARGS` in a child process under the limits."""
    return limited([sys.executable, "-c", code, *args], **limits)
