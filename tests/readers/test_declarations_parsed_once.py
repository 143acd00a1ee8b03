"""A folder walk sniffs a `.toml` file by what tomllib reads of it and then reads it: the text is parsed
once for both."""

from __future__ import annotations

from pathlib import Path

import pytest

from migcheck.cli import main
from migcheck.readers import declarations

DECLARATIONS = '[[vnet-services]]\nservice = "dynamics-lcs"\nvnet = "contoso-vnet"\n'


def test_a_walk_parses_a_declarations_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "inventory.toml").write_text(DECLARATIONS)
    tomllib = declarations._toml()
    loads = tomllib.loads
    parsed: list[str] = []

    def counted(text: str) -> dict[str, object]:
        parsed.append(text)
        return loads(text)

    declarations._load.cache_clear()
    monkeypatch.setattr(tomllib, "loads", counted)
    main(["check", str(tmp_path), "--jobs", "1", "--format", "json"])
    assert parsed.count(DECLARATIONS) == 1
