"""A variable a CI step sets for the steps after it is the value those steps see, in place of the one the YAML
states: Azure Pipelines' `##vso[task.setvariable variable=NAME]value` logging command (its `$(NAME)` and its
environment variable), GitHub Actions' `NAME=value` written to `$GITHUB_ENV` (its `$NAME`, `$env:NAME` and
`${{ env.NAME }}`). A value the reader cannot tell (`$(date +%s)`) is a value not stated; the steps before the
one that sets it, and other jobs, see the YAML's."""

from __future__ import annotations

import pytest
from lint_support import lint_files

AZURE = """\
variables:
  vnet: hub-vnet
steps:
- bash: echo "##vso[task.setvariable variable=vnet]{value}"
- bash: |
    azure config mode asm
    azure network vnet validate-migration {reference}
    azure network vnet commit-migration {reference}
    azure network vnet prepare-migration {reference}
"""
GITHUB = """\
on: workflow_dispatch
env:
  VNET: hub-vnet
jobs:
  move:
    runs-on: ubuntu-latest
    steps:
      - {setter}
      - run: |
          azure config mode asm
          azure network vnet validate-migration {reference}
          azure network vnet commit-migration {reference}
          azure network vnet prepare-migration {reference}
"""


def _committed_first(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False)
    # A network named by a value not stated is judged as one of its own (no name in quotes): not listed.
    return sorted(f.message.split("'")[1] for f in result.findings if "'" in f.message)


@pytest.mark.parametrize("reference", ["$(vnet)", "$VNET", '"${VNET}"'])
def test_an_azure_pipelines_logging_command_sets_the_variable_for_later_steps(
    tmp_path, monkeypatch, reference
):
    pipeline = AZURE.format(value="spoke-vnet", reference=reference)
    assert _committed_first(tmp_path, monkeypatch, {"azure-pipelines.yml": pipeline}) == ["spoke-vnet"]


def test_a_variable_set_to_a_value_the_reader_cannot_tell_is_not_stated(tmp_path, monkeypatch):
    pipeline = AZURE.format(value="net-$(date +%s)", reference="$(vnet)")
    assert _committed_first(tmp_path, monkeypatch, {"azure-pipelines.yml": pipeline}) == []


def test_the_steps_before_the_one_that_sets_it_see_the_yaml_s_value(tmp_path, monkeypatch):
    pipeline = AZURE.format(value="spoke-vnet", reference="$(vnet)")
    setter = '- bash: echo "##vso[task.setvariable variable=vnet]spoke-vnet"\n'
    pipeline = pipeline.replace(setter, "") + setter
    assert _committed_first(tmp_path, monkeypatch, {"azure-pipelines.yml": pipeline}) == ["hub-vnet"]


def test_an_output_variable_is_not_the_variable_of_its_name(tmp_path, monkeypatch):
    pipeline = AZURE.format(value="spoke-vnet", reference="$(vnet)").replace(
        "variable=vnet]", "variable=vnet;isOutput=true]"
    )
    assert _committed_first(tmp_path, monkeypatch, {"azure-pipelines.yml": pipeline}) == ["hub-vnet"]


@pytest.mark.parametrize(
    "setter",
    [
        'run: echo "VNET=spoke-vnet" >> "$GITHUB_ENV"',
        "run: echo VNET=spoke-vnet >> $GITHUB_ENV",
        "shell: pwsh\n        run: '\"VNET=spoke-vnet\" | Out-File -FilePath $env:GITHUB_ENV -Append'",
    ],
)
@pytest.mark.parametrize("reference", ["$VNET", "${{ env.VNET }}"])
def test_a_line_written_to_github_env_sets_the_variable_for_later_steps(
    tmp_path, monkeypatch, setter, reference
):
    workflow = GITHUB.format(setter=setter, reference=reference)
    files = {".github/workflows/move.yml": workflow}
    assert _committed_first(tmp_path, monkeypatch, files) == ["spoke-vnet"]


@pytest.mark.parametrize(("condition", "seen"), [("false", ["hub-vnet"]), ("eq(variables.x, 'y')", [])])
def test_a_step_that_may_not_run_leaves_the_value_not_stated(tmp_path, monkeypatch, condition, seen):
    pipeline = AZURE.format(value="spoke-vnet", reference="$(vnet)").replace(
        ']spoke-vnet"\n', f']spoke-vnet"\n  condition: {condition}\n'
    )
    assert _committed_first(tmp_path, monkeypatch, {"azure-pipelines.yml": pipeline}) == seen


@pytest.mark.parametrize(
    ("setter", "seen"),
    [
        ("run: '{ echo X=1; echo VNET=spoke-vnet; } >> \"$GITHUB_ENV\"'", ["spoke-vnet"]),
        (
            "run: |\n          {\n            echo X=1\n            echo VNET=spoke-vnet\n          } >> $GITHUB_ENV",
            ["spoke-vnet"],
        ),
        ("run: (echo VNET=spoke-vnet) >> $GITHUB_ENV", ["spoke-vnet"]),
        ("run: printf 'VNET=%s\\n' spoke-vnet >> $GITHUB_ENV", ["spoke-vnet"]),
        ("run: printf 'VNET=spoke-vnet\\n' >> $GITHUB_ENV", ["spoke-vnet"]),
        ('run: echo VNET=spoke-vnet | tee -a "$GITHUB_ENV" > /dev/null', ["spoke-vnet"]),
        (
            "run: |\n          cat >> $GITHUB_ENV <<EOF\n          VNET=spoke-vnet\n          EOF",
            ["spoke-vnet"],
        ),
        ("run: |\n          cat >> $GITHUB_ENV <<EOF\n          VNET=$(pick)\n          EOF", []),
        ("run: for v in a b; do echo VNET=$v; done >> $GITHUB_ENV", []),  # which, not stated
        # printed elsewhere: the YAML's value
        ("run: '{ echo VNET=spoke-vnet > /tmp/x; echo X=1; } >> $GITHUB_ENV'", ["hub-vnet"]),
        ("run: echo X=$(echo VNET=spoke-vnet) >> $GITHUB_ENV", ["hub-vnet"]),
    ],
    ids=[
        "group",
        "group, lines",
        "subshell",
        "printf %s",
        "printf",
        "tee -a",
        "here-document",
        "here-document, not stated",
        "loop",
        "group, one redirected elsewhere",
        "command substitution",
    ],
)
def test_the_lines_a_shell_step_writes_to_github_env_set_the_variables_whatever_writes_them(
    tmp_path, monkeypatch, setter, seen
):
    """A group, subshell or loop redirected as one, `printf`, `tee -a` and a here-document write their
    `NAME=value` lines to `$GITHUB_ENV` as a lone `echo` does."""
    workflow = GITHUB.format(setter=setter, reference="$VNET")
    files = {".github/workflows/move.yml": workflow}
    assert _committed_first(tmp_path, monkeypatch, files) == seen


@pytest.mark.parametrize(
    ("setter", "seen"),
    [
        (
            'shell: pwsh\n        run: |\n          @"\n          X=1\n          VNET=spoke-vnet\n          "@'
            " | Out-File -FilePath $env:GITHUB_ENV -Append",
            ["spoke-vnet"],
        ),
        (
            'shell: pwsh\n        run: \'"X=1", "VNET=spoke-vnet" | Add-Content $env:GITHUB_ENV\'',
            ["spoke-vnet"],
        ),
        (
            "shell: pwsh\n        run: |\n          @'\n          VNET=spoke-vnet\n          '@ >> $env:GITHUB_ENV",
            ["spoke-vnet"],
        ),
        (
            'shell: pwsh\n        run: |\n          @"\n          VNET=$name\n          "@ | Out-File $env:GITHUB_ENV',
            [],
        ),
        # the later line wins, stated or not
        (
            "run: |\n          echo VNET=spoke-vnet >> $GITHUB_ENV\n          echo VNET=$(pick) >> $GITHUB_ENV",
            [],
        ),
    ],
    ids=[
        "here-string to Out-File",
        "array to Add-Content",
        "here-string redirected",
        "not stated",
        "later wins",
    ],
)
def test_the_lines_a_powershell_step_writes_to_github_env_set_the_variables(
    tmp_path, monkeypatch, setter, seen
):
    """Each `NAME=value` line of the strings a PowerShell step's pipeline writes to `$env:GITHUB_ENV` (a
    here-string, an array) sets the variable, as a shell step's lines do."""
    workflow = GITHUB.format(setter=setter, reference="$VNET")
    files = {".github/workflows/move.yml": workflow}
    assert _committed_first(tmp_path, monkeypatch, files) == seen
