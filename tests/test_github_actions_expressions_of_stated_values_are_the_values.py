"""GitHub Actions puts the values a workflow states in a step's script before the shell runs it: `${{ env.X }}`
(the workflow's, the job's, the step's `env:`), `${{ matrix.x }}` (one job per combination of a stated
`strategy: matrix:`, less its `exclude:`, with its `include:`), `${{ inputs.x }}` and
`${{ github.event.inputs.x }}` (a `workflow_dispatch` or `workflow_call` input's `default:`). A value the
file does not state (`${{ vars.X }}`, `${{ secrets.X }}`) is not one the reader guesses."""

from __future__ import annotations

import pytest
from lint_support import lint_files

WRONG_ORDER = """\
          azure config mode asm
          azure network vnet validate-migration {vnet}
          azure network vnet commit-migration {vnet}
          azure network vnet prepare-migration {vnet}
"""


def _workflow(head: str, vnet: str, job: str = "", step: str = "") -> str:
    return (
        f"on: workflow_dispatch\n{head}jobs:\n  move:\n    runs-on: ubuntu-latest\n{job}    steps:\n"
        f"      - {step}run: |\n" + WRONG_ORDER.format(vnet=vnet)
    )


def _wrong_order(tmp_path, monkeypatch, workflow: str) -> list[str]:
    """The networks MIG602 finds committed before they are prepared, each with the line of the commit."""
    files = {".github/workflows/move.yml": workflow}
    result = lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False)
    # A network named by a value not stated is judged as one of its own (no name in quotes): not listed.
    named = [f for f in result.findings if f.location and chr(39) in f.message]
    return sorted(f"{f.location.line} {f.message.split(chr(39))[1]}" for f in named if f.location)


@pytest.mark.parametrize(
    ("head", "job", "step", "vnet"),
    [
        ("env:\n  VNET: hub-vnet\n", "", "", "${{ env.VNET }}"),
        ("", "    env:\n      VNET: hub-vnet\n", "", '"${{ env.VNET }}"'),
        ("env:\n  VNET: spoke-vnet\n", "    env:\n      VNET: hub-vnet\n", "", "${{env.vnet}}"),
        ("", "", "env:\n          VNET: hub-vnet\n        ", "${{ env.VNET }}"),
        ("env:\n  NAME: hub\n  VNET: ${{ env.NAME }}-vnet\n", "", "", "${{ env.VNET }}"),
    ],
)
def test_an_env_expression_is_the_value_the_workflow_states(tmp_path, monkeypatch, head, job, step, vnet):
    workflow = _workflow(head, vnet, job, step)
    line = 9 + head.count("\n") + job.count("\n") + step.count("\n")
    assert _wrong_order(tmp_path, monkeypatch, workflow) == [f"{line} hub-vnet"]


MATRIX = "    strategy:\n      matrix:\n        vnet: [hub-vnet, spoke-vnet]\n"


def test_each_combination_of_a_stated_matrix_is_a_run_of_its_own(tmp_path, monkeypatch):
    workflow = _workflow("", "${{ matrix.vnet }}", MATRIX)
    assert _wrong_order(tmp_path, monkeypatch, workflow) == ["12 hub-vnet", "12 spoke-vnet"]


def test_a_matrix_s_exclude_and_include_change_its_runs(tmp_path, monkeypatch):
    matrix = (
        MATRIX + "        region: [west, east]\n"
        "        exclude:\n          - vnet: spoke-vnet\n"
        "        include:\n          - vnet: edge-vnet\n          - region: west\n            suffix: -w\n"
    )
    workflow = _workflow("", "${{ matrix.vnet }}${{ matrix.suffix }}", matrix)
    found = _wrong_order(tmp_path, monkeypatch, workflow)
    assert [f.split()[1] for f in found] == ["edge-vnet", "hub-vnet", "hub-vnet-w"]


def test_a_matrix_of_more_runs_than_the_reader_reads_is_a_value_not_stated(tmp_path, monkeypatch):
    many = ", ".join(f"net-{n}" for n in range(20))
    workflow = _workflow("", "${{ matrix.vnet }}", f"    strategy:\n      matrix:\n        vnet: [{many}]\n")
    assert _wrong_order(tmp_path, monkeypatch, workflow) == []


@pytest.mark.parametrize("reference", ["${{ inputs.vnet }}", "${{ github.event.inputs.vnet }}"])
@pytest.mark.parametrize("trigger", ["workflow_dispatch", "workflow_call"])
def test_an_input_is_its_default_where_the_run_gives_none(tmp_path, monkeypatch, reference, trigger):
    workflow = _workflow("", reference).replace(
        "on: workflow_dispatch\n",
        f"on:\n  {trigger}:\n    inputs:\n      vnet:\n        type: string\n        default: hub-vnet\n",
    )
    assert _wrong_order(tmp_path, monkeypatch, workflow) == ["14 hub-vnet"]


def test_a_step_whose_if_an_env_value_decides_false_never_runs(tmp_path, monkeypatch):
    workflow = _workflow("env:\n  MOVE: 'no'\n", "hub-vnet", step="if: env.MOVE == 'yes'\n        ")
    assert _wrong_order(tmp_path, monkeypatch, workflow) == []
    workflow = workflow.replace("MOVE: 'no'", "MOVE: 'yes'")
    assert _wrong_order(tmp_path, monkeypatch, workflow) == ["12 hub-vnet"]
