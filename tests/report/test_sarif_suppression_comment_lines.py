"""SARIF places the suppression comment behind a suppressed finding on the line an editor shows it on,
as it places findings: in a file whose lines end in a lone carriage return (`\\r`), the XML reader counts
`\\n` lines only, and the comment's line is converted as a finding's is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_lone_carriage_returns import CSCFG, ENDINGS

from migcheck.cli import main

SUPPRESSED = CSCFG.replace("ignore[MIG999] not a rule", "ignore[MIG201] the office only")
COMMENT_LINE = 13  # `<!-- migcheck: ignore[MIG201] ... -->`, counting from 1


@pytest.mark.parametrize("ending", sorted(ENDINGS))
def test_the_comment_is_on_the_line_an_editor_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], ending: str
) -> None:
    assert SUPPRESSED.split("\n")[COMMENT_LINE - 1].strip().startswith("<!-- migcheck: ignore[MIG201]")
    (tmp_path / "ServiceConfiguration.Cloud.cscfg").write_bytes(
        SUPPRESSED.replace("\n", ENDINGS[ending]).encode()
    )
    monkeypatch.chdir(tmp_path)
    main(["check", ".", "--format", "sarif", "--fail-on", "info"])
    results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    [suppressed] = [r for r in results if r.get("suppressions")]
    [suppression] = suppressed["suppressions"]
    assert suppression["kind"] == "inSource" and suppression["justification"] == "the office only"
    assert suppression["location"]["physicalLocation"]["region"] == {"startLine": COMMENT_LINE}
    assert suppressed["locations"][0]["physicalLocation"]["region"]["startLine"] == COMMENT_LINE + 1
