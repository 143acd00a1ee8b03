"""What `check` says of a part of a script not read as written named its line twice, after the position
that already holds it: `Not read as written: deploy.sh:3:1: line 3 starts with an option`. It now reads
`deploy.sh:3:1: this line starts with an option`, in `check`'s line, under --verbose and in SARIF alike."""

from __future__ import annotations

import json

from lint_support import run_cli

LOST = """\
azure vm create myservice myimage
$USERNAME "$PASSWORD" --ssh 22
--virtual-network-name myvnet --subnet-names web
"""


def test_check_names_the_line_by_its_position_alone(tmp_path, monkeypatch, capsys):
    (tmp_path / "deploy.sh").write_text(LOST, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = run_cli(capsys, "check", "deploy.sh")[1]
    assert "Not read as written: deploy.sh:3:1: this line starts with an option" in out
    assert "line 3 starts" not in out


def test_sarif_says_it_as_this_line_beside_its_location(tmp_path, monkeypatch, capsys):
    (tmp_path / "deploy.sh").write_text(LOST, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    sarif = json.loads(run_cli(capsys, "check", "deploy.sh", "--format", "sarif")[1])
    texts = [
        n["message"]["text"]
        for run in sarif["runs"]
        for n in run.get("invocations", [{}])[0].get("toolExecutionNotifications", [])
    ]
    assert any(text.startswith("this line starts with an option") for text in texts)
