"""A Terraform file lark cannot parse was MIG001 with lark's own text ("Unexpected token Token('$END', '')")
where lark stopped, lines past the mistake: a string or a block left open is now said in words where it opens,
an argument with no value after its `=` said so there, any other break as the token not expected there, a
file nested too deeply with help that fits it, and a file Terraform refuses as not UTF-8 where its first such
byte is, where it was read with U+FFFD in its names."""

from __future__ import annotations

from lint_support import lint_files, where


def test_a_string_left_open_is_said_at_its_opening_quote(tmp_path, monkeypatch):
    broken = 'resource "azure_instance" "web" {\n  name = "web01\n  size = "Basic_A1"\n}\n'
    result = lint_files(tmp_path, monkeypatch, {"main.tf": broken}, dedent=False)
    assert where(result.findings) == ["MIG001 main.tf:2:10"]
    assert "the string opened here is not closed on its line" in result.findings[0].message


def test_a_block_left_open_is_said_at_its_brace(tmp_path, monkeypatch):
    broken = (
        'resource "azure_hosted_service" "svc" {\n  name = "shop-svc"\n}\n\n'
        'resource "azure_instance" "web" {\n  name = "web-${var.env}"\n  tags = { a = "b" }\n'
    )
    result = lint_files(tmp_path, monkeypatch, {"main.tf": broken}, dedent=False)
    assert where(result.findings) == ["MIG001 main.tf:5:33"]
    (finding,) = result.findings
    assert "the block or object opened here is not closed (`}` missing)" in finding.message
    assert "Token(" not in finding.message


def test_another_break_names_the_token_not_expected(tmp_path, monkeypatch):
    broken = 'resource "azure_instance" "web" {\n  name = = "web01"\n}\n'
    result = lint_files(tmp_path, monkeypatch, {"main.tf": broken}, dedent=False)
    assert where(result.findings) == ["MIG001 main.tf:2:10"]
    assert "`=` is not expected here" in result.findings[0].message


def test_an_argument_with_no_value_is_said_at_its_equals_sign(tmp_path, monkeypatch):
    # `name =` then the block's `}`, or the next argument: lark stops at the line's end, not at a token.
    ended = 'resource "azure_hosted_service" "svc" {\n  name = \n}\n'
    followed = 'resource "azure_hosted_service" "svc" {\n  name =\n  location = "West Europe"\n}\n'
    result = lint_files(tmp_path, monkeypatch, {"a.tf": ended, "b.tf": followed}, dedent=False)
    assert where(result.findings) == ["MIG001 a.tf:2:8", "MIG001 b.tf:2:8"]
    assert all("a value is missing after `name =`" in f.message for f in result.findings)
    assert not any("is not expected here" in f.message for f in result.findings)


def test_a_file_nested_too_deeply_is_told_to_split_its_nesting(tmp_path, monkeypatch):
    deep = 'resource "azure_instance" "web" {\n  name = ' + "[" * 5000 + "]" * 5000 + "\n}\n"
    result = lint_files(tmp_path, monkeypatch, {"main.tf": deep}, dedent=False)
    (finding,) = result.findings
    assert "nests expressions deeper than migcheck follows" in finding.message
    assert "quote" not in (finding.fix or "")


def test_a_file_not_in_utf8_is_refused_at_its_first_byte_that_is_not(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "main.tf").write_bytes(
        b'resource "azure_instance" "web" {\n  name = "web\xff01"\n  size = "Basic_A1"\n}\n'
    )
    result = lint_files(tmp_path, monkeypatch, {})
    assert where(result.findings) == ["MIG001 main.tf:2:14"]
    assert "not UTF-8" in result.findings[0].message
