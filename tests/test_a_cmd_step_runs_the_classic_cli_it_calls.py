"""A cmd script returns from the classic CLI (`azure.cmd` on Windows) only where it runs it with `call`: a CI
step that runs cmd (the AzureCLI task's `batch`, GitHub Actions' `shell: cmd`, AppVeyor's `cmd:`) is read
with the command each `call` runs, as the shell's prefixes are."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

VM_CREATE = "azure vm create ops-svc b39f27a8b8c64d52b05eac6a62ebad85__Ubuntu-16_04-LTS ops -p %VM_PW% -w ops-vnet -e 22"
# Each pipeline whose cmd script creates a VM in a network with no subnet, and where it writes the call.
PIPELINES = {
    "azure-pipelines.yml": (
        "pool: {vmImage: windows-2019}\nsteps:\n- task: AzureCLI@2\n  inputs:\n    azureSubscription: classic\n"
        "    scriptType: batch\n    scriptLocation: inlineScript\n    inlineScript: |\n"
        f"      call azure config mode asm\n      call {VM_CREATE}\n",
        "10:12",
    ),
    ".github/workflows/vm.yml": (
        "jobs:\n  d:\n    runs-on: windows-latest\n    steps:\n      - shell: cmd\n        run: |\n"
        f"          CALL azure config mode asm\n          CALL {VM_CREATE}\n",
        "8:16",
    ),
    "appveyor.yml": (
        f"build_script:\n  - cmd: call azure config mode asm\n  - cmd: call {VM_CREATE}\n",
        "3:15",
    ),
}


@pytest.mark.parametrize("name", sorted(PIPELINES))
def test_a_vm_a_cmd_step_calls_the_classic_cli_to_create_is_read(tmp_path, monkeypatch, name):
    text, at = PIPELINES[name]
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG203", dedent=False)
    assert where(result.findings) == [f"MIG203 {name}:{at}"]


def test_a_batch_script_that_calls_commit_before_prepare_is_out_of_order(tmp_path, monkeypatch):
    pipeline = """\
        pool: {vmImage: windows-latest}
        variables:
        - name: vnet
          value: app-vnet
        steps:
        - task: AzureCLI@1
          inputs:
            azureSubscription: classic
            scriptLocation: inlineScript
            inlineScript: |
              call azure config mode asm
              call azure network vnet validate-migration $(vnet)
              call azure network vnet commit-migration $(vnet)
              call azure network vnet prepare-migration $(vnet)
        """
    result = lint_files(tmp_path, monkeypatch, {"azure-pipelines.yml": pipeline}, "MIG602")
    assert where(result.findings) == ["MIG602 azure-pipelines.yml:13:12"]


@pytest.mark.parametrize("call", ["@call", "Call", "@CALL", "cAll"])
def test_a_call_written_in_any_case_or_after_an_at_sign_runs_the_classic_cli(tmp_path, monkeypatch, call):
    # cmd reads a command's name in any case, and `@` only keeps it from echoing the line.
    pipeline = (
        "jobs:\n  d:\n    runs-on: windows-latest\n    steps:\n      - shell: cmd\n        run: |\n"
        f"          {call} azure config mode asm\n          {call} {VM_CREATE}\n"
    )
    result = lint_files(tmp_path, monkeypatch, {".github/workflows/vm.yml": pipeline}, "MIG203", dedent=False)
    assert where(result.findings) == [f"MIG203 .github/workflows/vm.yml:8:{12 + len(call)}"]
