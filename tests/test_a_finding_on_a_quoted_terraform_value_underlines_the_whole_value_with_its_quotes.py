"""A finding on a value a Terraform configuration quotes (`.tf` or `.tf.json`) started at the value's first
character inside its quotes and ended after its first word: `address_prefix = "10.1.0.1/16"` underlined `10`.
It now starts at the opening quote and ends just past the closing quote, as every format shows a quoted value:
across blanks, `/`, `.` and `-`, and a template's `${...}` or `%{...}` with the strings and braces inside it
(`"${var.x}"` alone too, which underlined `var`). A word of a provisioner's command, marked inside the
command's quotes, is underlined as a word, the first one too (which underlined the whole command)."""

from __future__ import annotations

import json

from lint_support import lint_files

from migcheck import scan
from migcheck.model import Mark
from migcheck.source import SourceText

NETWORK = """\
locals {
  base = "10.1.0"
}
resource "azure_virtual_network" "app" {
  name          = "app-vnet"
  location      = "West Europe"
  address_space = ["${local.base}.1/16"]
  subnet {
    name           = "web"
    address_prefix = "10.2.0.1/24"
  }
}
"""


def _spans(findings):
    return sorted((f.location.line, f.location.column, f.location.end_column) for f in findings)


def test_a_prefix_and_a_template_are_underlined_whole_in_a_tf_file(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": NETWORK}, "MIG304")
    # `"${local.base}.1/16"` from column 20 to 39, `"10.2.0.1/24"` from 22 to 34: each with its quotes.
    assert _spans(result.findings) == [(7, 20, 40), (10, 22, 35)]


def test_a_prefix_is_underlined_whole_in_a_tf_json_file(tmp_path, monkeypatch):
    network = {
        "name": "app-vnet",
        "address_space": ["10.20.0.0/16"],
        "location": "West Europe",
        "subnet": [{"name": "web", "address_prefix": "10.20.2.1/24"}],
    }
    text = json.dumps({"resource": {"azure_virtual_network": {"app": network}}}, indent=2)
    result = lint_files(tmp_path, monkeypatch, {"main.tf.json": text}, "MIG304")
    [finding] = result.findings
    line = text.splitlines()[finding.location.line - 1]
    start, end = finding.location.column - 1, finding.location.end_column - 1
    assert line[start:end] == '"10.20.2.1/24"'


def _shown(line: str, at: str) -> str:
    """What a mark at the first character of `at` in the configuration line `line` underlines."""
    location = SourceText(line + "\n", configuration=True).locate(
        Mark("main.tf", 1, column=line.index(at) + 1)
    )
    return line[location.column - 1 : location.end_column - 1]


def test_a_value_with_blanks_or_a_template_is_shown_up_to_past_its_closing_quote():
    assert _shown('  location = "West Europe"', '"') == '"West Europe"'
    assert _shown('  name = "${var.env}-web" # x', '"') == '"${var.env}-web"'
    assert _shown('  name = "${lookup(var.m, "k}")}-web" # "', '"') == '"${lookup(var.m, "k}")}-web"'
    assert _shown('  name = "%{ if var.a }web%{ endif }"', '"') == '"%{ if var.a }web%{ endif }"'
    assert _shown('  "name": "a \\" b-web", "x": 1', '"a') == '"a \\" b-web"'


def test_a_word_of_a_command_or_a_mark_not_at_a_quote_is_shown_as_a_word():
    assert _shown('  command = "azure vm create web"', "azure") == "azure"
    assert _shown('  command = "azure vm create web"', "create") == "create"
    assert _shown("  name = var.app-web", "var") == "var"
    assert _shown('  name = "web" # "x"', "x") == "x"


def test_a_string_the_line_does_not_close_is_shown_as_far_as_its_next_quote():
    assert _shown('  name = "${join(",",', '"') == '"${join("'


def test_a_closing_quote_is_found_in_one_pass_however_deep_the_templates_nest():
    deep = '"' + '${"' * 5000 + "x" + '"}' * 5000 + '" tail'
    assert scan.quoted_value_end(deep, 1, len(deep)) == len(deep) - len(" tail") - 1


COMMAND = """\
resource "null_resource" "vm" {
  provisioner "local-exec" {
    command = "azure vm create app-svc img-ubuntu ops pw -n app1 -w app-vnet -l \\"West Europe\\""
  }
}
resource "azure_virtual_network" "app" {
  name          = "app-vnet"
  location      = "West Europe"
  address_space = ["${lower("10.1.0.1/16")}"]
  subnet {
    name           = "web"
    address_prefix = "10.1.2.0/24"
  }
}
"""


def test_a_template_alone_is_shown_whole_and_a_command_s_first_word_as_a_word(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": COMMAND}, "MIG304", "MIG203")
    lines = COMMAND.splitlines()
    shown = sorted(
        (f.code, lines[f.location.line - 1][f.location.column - 1 : f.location.end_column - 1])
        for f in result.findings
        if f.location is not None
    )
    # The VM the command makes has no subnet (MIG203), said at the command's first word; the network's
    # prefix sets host bits (MIG304), said at the whole template that gives it.
    assert shown == [("MIG203", "azure"), ("MIG304", '"${lower("10.1.0.1/16")}"')]
