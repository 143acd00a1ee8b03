"""A shell statement that only sets variables (`SUBNETS=Front,Back`, `export VNET=hub`) is a statement a
suppression comment on the line before covers, as a command is: findings about the values it sets point
at it (MIG202 at the second subnet)."""

from __future__ import annotations

import pytest
from lint_support import lint_files

COMMENT = "# migcheck: ignore[MIG202] the second subnet goes before the migration (OPS-7)\n"
CREATE = 'azure config mode asm\nazure vm create svc img ops x -n app1 -w hub -b "$SUBNETS" -l "West Europe" -z Small\n'


@pytest.mark.parametrize(
    "setting", ["SUBNETS=Front,Back\n", "export SUBNETS=Front,Back\n", "A=1 SUBNETS=Front,Back\n"]
)
def test_a_comment_before_a_statement_that_sets_variables_covers_it(tmp_path, monkeypatch, setting):
    script = "#!/bin/bash\n" + COMMENT + setting + CREATE
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG202", "MIG006", dedent=False)
    assert [f.code for f in result.findings] == []
    assert [(s.finding.code, s.finding.mark.line) for s in result.suppressed] == [("MIG202", 3)]


def test_a_comment_before_a_command_substitution_s_assignment_still_covers_the_command(tmp_path, monkeypatch):
    # The commands a `$( )` runs are commands of their own, whatever sets the variable.
    script = (
        "#!/bin/bash\nazure config mode asm\n"
        + COMMENT.replace("MIG202", "MIG601")
        + "OUT=$(azure vm list)\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG601", "MIG006", dedent=False)
    assert [f.code for f in result.findings if f.mark.line == 4] == []
