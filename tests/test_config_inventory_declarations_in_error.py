"""A declaration in error in the settings' inventory table (`[tool.migcheck.inventory]` of pyproject.toml,
`[inventory]` of migcheck.toml) is a bad setting: the run stops with exit 2 and one error naming the file,
the line, the table, the key, the value and what to do; never a traceback."""

from __future__ import annotations

import pytest
from lint_support import run_cli

SUB = "11111111-2222-3333-4444-555555555555"
FIX = "move the declarations into an inventory.toml beside the classic files"

# (pyproject.toml's text, line:column of the value in error, what the message says of it)
CASES = [
    (
        f'[tool.migcheck]\nselect = ["ALL"]\n\n[tool.migcheck.inventory]\nsubscription = "{SUB}"\nvnet-service = []\n',
        "6:1",
        "unknown key `vnet-service` (did you mean `vnet-services`? the keys of declarations are "
        "`subscription`, "
        "`vnet-services`, `vnet-peerings`, `application-gateways`, `expressroute-authorization-links`)",
    ),
    (
        "[tool.migcheck.inventory]\nfirewalls = 1\n",
        "2:1",
        "unknown key `firewalls` (the keys of declarations are `subscription`, `vnet-services`",
    ),
    ("[tool.migcheck]\ninventory = 5\n", "2:13", "must be a table of declarations, got 5"),
    (
        '[tool.migcheck.inventory.vnet-services]\nvnet = "x"\n',
        "1:1",
        "`vnet-services` must be an array of tables (`[[...vnet-services]]` entries, or `vnet-services = "
        "[{...}]`), got {'vnet': 'x'}",
    ),
    (
        '[[tool.migcheck.inventory.vnet-services]]\nvnet = "a"\nservice = "apimanagement"\n',
        "3:11",
        "`vnet-services` entry 1: `service` must be one of",
    ),
    (
        '[tool.migcheck.inventory]\nvnet-services = [{vnet = "a", service = "hdinsight"}, {vnet = "b"}]\n',
        "2:55",
        "`vnet-services` entry 2: `service` is missing",
    ),
    (
        "[tool.migcheck.inventory]\nsubscription = 5\n",
        "2:16",
        "`subscription` must be a non-empty string, got 5",
    ),
    (
        "[tool.migcheck.inventory]\nsubscription = 1979-05-27\n",
        "2:16",
        "`subscription` must be a non-empty string, got 1979-05-27 (a TOML date or time: quote it to make it a "
        "string)",
    ),
    (
        '[[tool.migcheck.inventory.application-gateways]]\nname = "g"\nvnet = "v"\nsubnets = "front"\n',
        "4:11",
        "`application-gateways` entry 1: `subnets` must be a list of strings, got 'front'",
    ),
]


@pytest.mark.parametrize(("text", "at", "said"), CASES)
@pytest.mark.parametrize("command", ["check", "plan"])
def test_a_declaration_in_error_stops_the_run_with_where_what_and_what_to_do(
    tmp_path, monkeypatch, capsys, command, text, at, said
):
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(capsys, command, ".")
    assert code == 2 and out == ""
    assert err.startswith(f"migcheck: error: pyproject.toml:{at}: [tool.migcheck.inventory] {said}")
    assert FIX in err and "Traceback" not in err


def test_migcheck_toml_names_its_own_table(tmp_path, monkeypatch, capsys):
    (tmp_path / "migcheck.toml").write_text('[[inventory.vnet-peerings]]\nvnet = "x"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(capsys, "check", ".")
    assert code == 2
    assert err.startswith(
        "migcheck: error: migcheck.toml:1:1: [inventory] `vnet-peerings` entry 1: `peer` is missing"
    )


def test_the_same_declaration_in_an_inventory_toml_is_a_finding_and_the_run_goes_on(
    tmp_path, monkeypatch, capsys
):
    (tmp_path / "inventory.toml").write_text(
        '[[vnet-peerings]]\nvnet = "x"\n\n[[vnet-peerings]]\nvnet = "y"\npeer = "hub"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(capsys, "check", "--format", "concise", ".")
    assert code == 1
    assert "inventory.toml:1:1: MIG001" in out and "`peer` is missing" in out


# (pyproject.toml's text, line:column, what the message says): the settings name one declaration in error,
# the first in the table's order, and the line is that one's, whichever another in error comes first in
# the file.
ONE_OF_SEVERAL = [
    (
        '[[tool.migcheck.inventory.vnet-services]]\nvnet = "a"\nservice = "apimanagement"\n\n'
        "[tool.migcheck.inventory]\nfirewalls = 1\n",
        "6:1",
        "unknown key `firewalls`",
    ),
    ("[tool.migcheck.inventory]\nsubscription = 5\nfirewalls = 1\n", "3:1", "unknown key `firewalls`"),
    (
        '[[tool.migcheck.inventory.vnet-services]]\nvnet = "a"\nservice = "hdinsight"\n'
        '[[tool.migcheck.inventory.vnet-peerings]]\nvnet = "a"\n'
        '[[tool.migcheck.inventory.vnet-services]]\nvnet = "a"\n',
        "6:1",
        "`vnet-services` entry 2: `service` is missing",
    ),
]


@pytest.mark.parametrize(("text", "at", "said"), ONE_OF_SEVERAL)
def test_the_line_is_that_of_the_declaration_the_message_names(tmp_path, monkeypatch, capsys, text, at, said):
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(capsys, "check", ".")
    assert code == 2
    assert err.startswith(f"migcheck: error: pyproject.toml:{at}: [tool.migcheck.inventory] {said}")
