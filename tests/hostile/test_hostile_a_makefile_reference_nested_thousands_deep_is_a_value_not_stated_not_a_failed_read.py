"""A Makefile reference nested in another's name or a function's argument thousands deep (`$(` 5,000 times in
an assignment) took Python frames at each level until the read failed: the file was MIG001 "migcheck failed to
read this file (RecursionError ...)", a fault of migcheck's, and none of its recipes was read. Past 64 levels
the reference is now a value not stated, and the recipes are read."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_support import check_json

NESTED = {
    "name": "VNET := " + "$(" * 5_000 + ")" * 5_000 + "\n",
    "function": "VNET := " + "$(subst a,b," * 5_000 + "x" + ")" * 5_000 + "\n",
}


@pytest.mark.parametrize("kind", NESTED)
def test_a_makefile_reference_nested_thousands_deep_is_a_value_not_stated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
):
    recipe = "deploy:\n\tazure vm create web img user pass --virtual-network-name $(VNET)\n"
    (tmp_path / "Makefile").write_text(NESTED[kind] + recipe)
    _, findings = check_json(capsys, str(tmp_path))
    assert [f for f in findings if f["code"] == "MIG001"] == []
    assert ("MIG601", 3, 2) in {(f["code"], f["line"], f["column"]) for f in findings}
