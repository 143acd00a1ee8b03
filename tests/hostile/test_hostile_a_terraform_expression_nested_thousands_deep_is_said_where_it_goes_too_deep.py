"""A Terraform value nested thousands deep (lists, calls, `${` in templates) parses, then runs out of the
frames its evaluation is given, and was MIG001 at 1:1, the file's start, as a chain of locals is. It is now
said at the first place its nesting passes what migcheck follows, with advice for that expression; a chain of
locals, which nests nowhere, is still said at the file's start."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_support import check_json

DEPTH = 5_000
VALUES = {
    "lists": ("[" * DEPTH + '"x"' + "]" * DEPTH, "["),
    "calls": ("lower(" * DEPTH + '"x"' + ")" * DEPTH, "lower("),
    "templates": ('"' + '${"' * DEPTH + "x" + '"}' * DEPTH + '"', '${"'),
}
START = 'provider "azure" {}\nresource "azure_virtual_network" "v" {\n  name = "v"\n  location = '


@pytest.mark.parametrize("kind", sorted(VALUES))
def test_a_value_nested_thousands_deep_is_said_where_it_passes_the_bound(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
):
    value, opening = VALUES[kind]
    (tmp_path / "main.tf").write_text(START + value + "\n}\n")
    code, findings = check_json(capsys, str(tmp_path))
    assert code == 1
    [finding] = findings
    assert (finding["code"], finding["line"]) == ("MIG001", 4)
    # well inside the value, at one of its openings: not the file's start, not the value's first character
    column = finding["column"]
    assert column > len("  location = ") + 100 * len(opening)
    line = (START + value).splitlines()[3]
    assert column < len(line) / 2
    assert line[column - 1] in opening
    assert finding["message"] == (
        "the Terraform file nests expressions deeper than migcheck follows from here on: it is not read"
    )
    assert finding["fix"].startswith("Write the expression that nests from here as values of their own")
