"""A Terraform heredoc is read line by line, each line of a `${...}` parsed on its own, and a file of template
escapes (`$${`, `%%{`) is given to the grammar with a stand-in for each: thousands of lines of either cost
time linear in their number."""

from __future__ import annotations

from collections.abc import Callable

from growth import assert_linear

from migcheck.readers import terraform


def _heredoc(line: str) -> Callable[[int], Callable[[], object]]:
    def make(size: int) -> Callable[[], object]:
        body = line * size
        text = f'resource "null_resource" "x" {{\n  triggers = {{\n    a = <<-EOT\n{body}    EOT\n  }}\n}}\n'
        return lambda: terraform.read("main.tf", text.encode())

    return make


def test_heredoc_lines_are_read_in_linear_time():
    assert_linear(_heredoc('      echo "a\\b" $${HOME} %%{ x\n'), 2_000)
    assert_linear(_heredoc("      echo ${var.a} and ${var.b}\n"), 300)
    assert_linear(_heredoc('      echo "${var.a}" "a\\b"\n'), 300)


def test_a_heredoc_line_of_an_interpolation_and_many_quotes_is_read_in_linear_time():
    def make(size: int) -> Callable[[], object]:
        return _heredoc("      echo ${var.a}" + ' "a\\b"' * size + "\n")(1)

    assert_linear(make, 3_000)


def test_strings_of_template_escapes_are_read_in_linear_time():
    def make(size: int) -> Callable[[], object]:
        text = 'locals {\n  a = "' + "$${ %%{ " * size + '"\n}\n'
        return lambda: terraform.read("main.tf", text.encode())

    assert_linear(make, 5_000)
