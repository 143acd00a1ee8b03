"""Declarations in the settings (`[tool.migcheck.inventory]`, `[inventory]` of a migcheck.toml) and in an
inventory.toml are checked by one schema: a table of the wrong shape (not a table, a key it does not
have, a declaration table that is not an array of tables) is said in the same words in both places; only
what follows differs (the settings stop the run, the file is a MIG001 and its other declarations are
read)."""

from __future__ import annotations

import pytest
from lint_support import run_cli

from migcheck.readers import declarations

# (the declarations as a migcheck.toml's `[inventory]` writes them, the same at the top of an
# inventory.toml, line:column in each, what both say)
SHAPES = [
    ("inventory = 5\n", "inventory = 5\n", "1:13", "1:13", "must be a table of declarations, got 5"),
    (
        "[inventory]\nvnet-service = []\n",
        "vnet-service = []\nvnet-peerings = []\n",
        "2:1",
        "1:1",
        "unknown key `vnet-service` (did you mean `vnet-services`? the keys of declarations are "
        "`subscription`, `vnet-services`, `vnet-peerings`, `application-gateways`, "
        "`expressroute-authorization-links`)",
    ),
    (
        '[inventory.vnet-peerings]\nvnet = "a"\npeer = "b"\n',
        '[vnet-peerings]\nvnet = "a"\npeer = "b"\n',
        "1:1",
        "1:1",
        "`vnet-peerings` must be an array of tables (`[[...vnet-peerings]]` entries, or `vnet-peerings = "
        "[{...}]`), got {'vnet': 'a', 'peer': 'b'}",
    ),
]


@pytest.mark.parametrize(("settings", "file", "in_settings", "in_file", "said"), SHAPES)
def test_a_table_of_the_wrong_shape_is_said_alike_in_the_settings_and_in_a_file(
    tmp_path, monkeypatch, capsys, settings, file, in_settings, in_file, said
):
    (tmp_path / "migcheck.toml").write_text(settings, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(capsys, "check", ".")
    assert code == 2
    assert err.startswith(f"migcheck: error: migcheck.toml:{in_settings}: [inventory] {said}; correct it")

    doc = declarations.read("inventory.toml", file.encode())
    assert doc.problem is not None
    assert f"{doc.problem.mark.line}:{doc.problem.mark.column}" == in_file
    assert doc.problem.message.startswith(f"inventory declarations: {said}")
