"""A `[` test whose first word expands a variable after other text and goes on past it (`[ $ENV-$REGION-x = prod-west-x
]`), which the grammar splits after its second `$` and then reads as a syntax error, is the command `[` bash
runs: no MIG001, and the commands after it, in its branches and past it are read, in a script and in the
command lines a CI step runs."""

from __future__ import annotations

import pytest
from lint_support import lint_files

CREATE = 'azure vm create {} img azureuser Passw0rd! -l "West US"'
SCRIPT = (
    "ENV=prod\n"
    f"if [ $ENV-$REGION-x = prod-west-x ]; then {CREATE.format('west')}; else {CREATE.format('east')}; fi\n"
    f"while [ $ENV/$REGION/x != y ]; do {CREATE.format('loop')}; done\n"
    f"[ $ENV.$REGION.x ] && {CREATE.format('last')}\n"
)


def test_a_script_with_such_tests_is_read_whole(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"create.sh": SCRIPT}, dedent=False)
    codes = sorted((f.location.line, f.code) for f in result.findings)
    assert ("MIG001" not in {code for _, code in codes}) and {line for line, _ in codes} == {2, 3, 4}
    services = " ".join(f.message for f in result.findings if f.code == "MIG105")
    assert all(f"cloud service '{name}'" in services for name in ("west", "east", "loop", "last"))


@pytest.mark.parametrize("name", [".github/workflows/deploy.yml"])
def test_a_ci_step_with_such_a_test_is_read_past_it(tmp_path, monkeypatch, name):
    step = "".join(f"          {line}\n" for line in SCRIPT.splitlines())
    workflow = f"on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n{step}"
    result = lint_files(tmp_path, monkeypatch, {name: workflow}, dedent=False)
    assert "MIG001" not in {f.code for f in result.findings}
    assert {f.location.line for f in result.findings if f.code == "MIG105"} == {8, 9, 10}
