"""A value a CI step sets for the later steps of its job (a `NAME=value` line written to GitHub Actions'
`$GITHUB_ENV`, from bash or PowerShell; Azure Pipelines' `##vso[task.setvariable variable=NAME]value`) is
shown where that step writes it: a migration step of a later step that names the network by that variable
points there for the network's name, not at the YAML's own value of it."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import Script

STEPS = """\
azure config mode asm
azure network vnet validate-migration {ref}
azure network vnet prepare-migration {ref}
"""


def _github(setter: str, runner: str = "ubuntu-latest") -> str:
    steps = "".join(f"          {line}\n" for line in STEPS.format(ref='"$VNET"').splitlines())
    return (
        "on: workflow_dispatch\nenv:\n  VNET: hub-vnet\njobs:\n  move:\n"
        f"    runs-on: {runner}\n    steps:\n      - run: {setter}\n        shell: bash\n      - run: |\n{steps}"
    )


def _azure(setter: str) -> str:
    steps = "".join(f"      {line}\n" for line in STEPS.format(ref="$VNET").splitlines())
    return f"variables:\n  vnet: hub-vnet\nsteps:\n  - {setter}\n  - bash: |\n{steps}"


@pytest.mark.parametrize(
    ("path", "text"),
    [
        (".github/workflows/m.yml", _github('echo "VNET=spoke-vnet" >> "$GITHUB_ENV"')),
        (
            ".github/workflows/m.yml",
            _github("\"'VNET=spoke-vnet' | Out-File $env:GITHUB_ENV -Append\"").replace("bash", "pwsh"),
        ),
        ("azure-pipelines.yml", _azure('bash: echo "##vso[task.setvariable variable=vnet]spoke-vnet"')),
    ],
    ids=["github, bash", "github, powershell", "azure pipelines"],
)
def test_the_network_a_later_step_moves_is_named_where_the_setting_step_writes_it(
    tmp_path, monkeypatch, path, text
):
    result = lint_files(tmp_path, monkeypatch, {path: text}, dedent=False)
    steps = [
        step
        for document in result.documents
        for resource in document.resources
        if isinstance(resource, Script)
        for step in resource.migration
    ]
    assert [step.target for step in steps] == ["spoke-vnet", "spoke-vnet"]
    # where the setting step writes the value: its line, and the column the value starts at
    lines = text.splitlines()
    at = next(number for number, line in enumerate(lines, 1) if "spoke-vnet" in line)
    written = (at, lines[at - 1].index("spoke-vnet") + 1)
    assert {(step.target_mark.line, step.target_mark.column) for step in steps if step.target_mark} == {
        written
    }
