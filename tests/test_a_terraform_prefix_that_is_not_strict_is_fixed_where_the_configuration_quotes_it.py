"""MIG304 in a Terraform configuration was told with the range to write, and `--fix` fixed nothing ("Would fix 0
findings"), where the same prefix in a network configuration is fixed. A value the configuration writes in
quotes is written once, where Terraform reads it: the fix replaces it there, between its quotes, in the
resource or in the `variable` default it comes from. A prefix built of several values, or written in a
provisioner's command line, is a script's text: told, not rewritten."""

from __future__ import annotations

from pathlib import Path

from lint_support import run_cli

NETWORK = """\
resource "azure_virtual_network" "app" {
  name          = "app-vnet"
  address_space = ["10.20.0.1/16"]
  location      = "West Europe"

  subnet {
    name           = "web"
    address_prefix = "10.20.02.0/24"
  }
}
"""


def _module(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    return tmp_path


def test_the_diff_shows_each_prefix_rewritten_in_its_quotes(tmp_path, capsys):
    folder = _module(tmp_path, {"main.tf": NETWORK})
    _, out, err = run_cli(capsys, "check", str(folder), "--diff")
    assert '-  address_space = ["10.20.0.1/16"]\n+  address_space = ["10.20.0.0/16"]\n' in out
    assert '-    address_prefix = "10.20.02.0/24"\n+    address_prefix = "10.20.2.0/24"\n' in out
    assert "Would fix 2 findings in 1 file." in err
    assert (folder / "main.tf").read_text() == NETWORK


def test_fix_writes_the_ranges_and_keeps_the_rest_of_the_file(tmp_path, capsys):
    folder = _module(tmp_path, {"main.tf": NETWORK})
    run_cli(capsys, "check", str(folder), "--fix")
    fixed = NETWORK.replace("10.20.0.1/16", "10.20.0.0/16").replace("10.20.02.0/24", "10.20.2.0/24")
    assert (folder / "main.tf").read_text() == fixed
    _, out, _ = run_cli(capsys, "check", str(folder))
    assert "MIG304" not in out


def test_a_prefix_from_a_variable_is_fixed_in_its_default(tmp_path, capsys):
    main = NETWORK.replace('"10.20.02.0/24"', '"${var.web_prefix}"')
    variables = 'variable "web_prefix" {\n  default = "10.20.01.0/24"\n}\n'
    folder = _module(tmp_path, {"main.tf": main, "variables.tf": variables})
    run_cli(capsys, "check", str(folder), "--fix")
    assert (folder / "variables.tf").read_text() == variables.replace("10.20.01.0/24", "10.20.1.0/24")
    assert '"${var.web_prefix}"' in (folder / "main.tf").read_text()


def test_a_prefix_built_of_values_or_in_a_command_line_is_told_not_rewritten(tmp_path, capsys):
    built = NETWORK.replace('"10.20.02.0/24"', '"10.20.${var.n}.0/24"').replace(
        '  address_space = ["10.20.0.1/16"]\n', '  address_space = ["10.20.0.0/16"]\n'
    )
    command = '  provisioner "local-exec" {\n    command = "azure network vnet subnet create app-vnet jobs -a 10.20.09.0/24"\n  }\n}\n'
    main = built.removesuffix("}\n") + command
    variables = 'variable "n" {\n  default = "03"\n}\n'
    folder = _module(tmp_path, {"main.tf": main, "variables.tf": variables})
    _, out, err = run_cli(capsys, "check", str(folder), "--diff")
    assert out == ""
    assert "Would fix 0 findings" in err
    _, out, _ = run_cli(capsys, "check", str(folder))
    assert "'10.20.03.0/24'" in out and "'10.20.09.0/24'" in out


def test_a_shell_script_s_quoted_prefix_is_still_not_rewritten(tmp_path, capsys):
    script = 'azure network vnet subnet create app-vnet jobs -a "10.20.07.0/24"\n'
    folder = _module(tmp_path, {"net.sh": script})
    _, out, err = run_cli(capsys, "check", str(folder), "--diff")
    assert "MIG304" not in out and "Would fix 0 findings" in err
