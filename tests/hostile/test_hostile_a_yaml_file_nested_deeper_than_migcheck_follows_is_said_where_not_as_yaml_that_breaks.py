"""A playbook or pipeline whose lists or mappings nest thousands deep is valid YAML that PyYAML's composer
cannot follow (it recurses). It was MIG001 at 1:1, "cannot be read here", with advice to fix the YAML where it
breaks and "Ansible refuses the file": it is now said at the first list or mapping more than 100 levels deep,
with advice to write it flatter, whatever the depth."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_support import check_json

DEEP = "[" * 5_000 + "]" * 5_000
FILES = {
    "playbook.yml": (
        "- hosts: all\n  tasks:\n  - name: t\n    azure:\n      name: vm\n      x: " + DEEP + "\n",
        (6, 10 + 95),  # five levels above the first `[`: its 96th is the 101st level
    ),
    "azure-pipelines.yml": (
        "steps:\n- script: azure vm create svc img u p\n  env:\n    A: " + DEEP + "\n",
        (4, 8 + 96),  # four levels above the first `[`: its 97th is the 101st level
    ),
}


@pytest.mark.parametrize("name", FILES)
def test_a_yaml_file_nested_deeper_than_migcheck_follows_is_said_where(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
):
    text, (line, column) = FILES[name]
    (tmp_path / name).write_text(text)
    code, findings = check_json(capsys, str(tmp_path / name))
    assert code == 1
    [finding] = findings
    assert (finding["code"], finding["line"], finding["column"]) == ("MIG001", line, column)
    assert finding["message"] == (
        "the YAML file nests lists and mappings more than 100 levels deep from here, deeper than migcheck "
        "follows, so it is not read"
    )
    assert "Write the value that nests so deep flatter" in finding["fix"]
    assert "Ansible" not in finding["fix"]
