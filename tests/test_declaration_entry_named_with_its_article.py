"""The message for a key a declaration entry does not have lists the keys such an entry has, with the article
its table's name takes: "an `expressroute-authorization-links` entry", "a `vnet-peerings` entry"."""

from __future__ import annotations

import pytest
from lint_support import lint_files


@pytest.mark.parametrize(
    ("table", "first", "said"),
    [
        (
            "expressroute-authorization-links",
            'circuit = "x"',
            "(an `expressroute-authorization-links` entry has",
        ),
        ("vnet-peerings", 'vnet = "x"', "(a `vnet-peerings` entry has"),
    ],
)
def test_the_entry_takes_its_article(tmp_path, monkeypatch, table: str, first: str, said: str) -> None:
    declarations = f'[[{table}]]\n{first}\nzzz = "y"\n'
    result = lint_files(tmp_path, monkeypatch, {"inventory.toml": declarations}, "MIG001")
    (finding,) = result.findings
    assert "unknown key `zzz`" in finding.message
    assert said in finding.message
