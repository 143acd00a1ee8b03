"""Where declarations are written, as TOML reads them: a folder walk reads a `.toml` file whenever a key
or table header of it is where declarations go, however TOML lets it be spelt (spaces around the dots,
quoted parts, escapes, dotted keys below `[tool.migcheck]`), and never for a header that is only text
inside a string. Positions follow the same reading."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.inventory_model import ServiceInVnet
from migcheck.readers import declarations

SERVICE = 'vnet = "prod-vnet"\nservice = "hdinsight"\n'

# (pyproject.toml's text, line:column of the one declaration)
INLINE = '[{vnet = "prod-vnet", service = "hdinsight"}]'
SPELLINGS = [
    (f"[ tool . migcheck . inventory ]\nvnet-services = {INLINE}\n", "2:18"),
    (f'[tool."migcheck".inventory]\nvnet-services = {INLINE}\n', "2:18"),
    (f'[[tool.migcheck."inventory"."vnet-services"]]\n{SERVICE}', "1:1"),
    (f'[[tool.migcheck.inventory."vnet\\u002Dservices"]]\n{SERVICE}', "1:1"),
    (f"[tool.migcheck]\ninventory.vnet-services = {INLINE}\n", "2:28"),
    (f"[tool]\nmigcheck.inventory = {{vnet-services = {INLINE}}}\n", "2:40"),
    (f"tool.migcheck.inventory.vnet-services = {INLINE}\n", "1:42"),
]


@pytest.mark.parametrize(("text", "at"), SPELLINGS)
def test_declarations_however_toml_spells_their_table_are_read_in_a_walk(tmp_path, monkeypatch, text, at):
    result = lint_files(tmp_path, monkeypatch, {"pyproject.toml": text}, dedent=False)
    [document] = result.documents
    [service] = document.resources
    assert isinstance(service, ServiceInVnet) and service.vnet == "prod-vnet"
    assert f"{service.mark.line}:{service.mark.column}" == at


def test_a_header_inside_a_string_of_another_toml_file_does_not_make_it_one_of_declarations(
    tmp_path, monkeypatch
):
    text = '[package]\nname = "x"\ndescription = """\n[[vnet-services]]\n"""\n'
    result = lint_files(tmp_path, monkeypatch, {"Cargo.toml": text}, dedent=False)
    assert result.documents == () and result.findings == []


def test_a_file_of_declarations_that_does_not_parse_is_still_reported(tmp_path, monkeypatch):
    text = '[[vnet-services]]\nvnet = "prod-vnet\nservice = "hdinsight"\n'
    result = lint_files(tmp_path, monkeypatch, {"inventory.toml": text}, "MIG001", dedent=False)
    assert where(result.findings) == ["MIG001 inventory.toml:2:17"]
    assert "not valid TOML" in result.findings[0].message


def test_a_key_spelt_with_escapes_is_placed_where_it_is_written():
    text = '[[vnet-services]]\n"\\u0076net" = 5\nservice = "hdinsight"\n'
    doc = declarations.read("inventory.toml", text.encode())
    assert doc.problem is not None and (doc.problem.mark.line, doc.problem.mark.column) == (2, 15)
    assert "`vnet` must be a non-empty string, got 5" in doc.problem.message


def test_columns_count_characters_not_bytes():
    text = '# réseau de production — prod\nvnet-peerings = [ {vnet = "réseau", peer = 7} ]\n'
    doc = declarations.read("inventory.toml", text.encode())
    assert doc.problem is not None and (doc.problem.mark.line, doc.problem.mark.column) == (2, 44)


def test_bytes_that_name_no_declaration_are_not_parsed_to_be_sniffed(monkeypatch):
    def refuse(data: bytes) -> None:
        raise AssertionError("parsed")

    monkeypatch.setattr(declarations, "_load", refuse)
    assert not declarations.sniff(b'[package]\nname = "x"\n[dependencies]\nserde = "1"\n')
