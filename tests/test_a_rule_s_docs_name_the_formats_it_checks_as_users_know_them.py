"""A rule's "checks:" line (docs/rules.md, `migcheck rule CODE`) named migcheck's own kinds of file:
`inventory`, which covers ARM templates, Bicep files and declarations beside the exports, and `shell`, which
covers Makefiles, Dockerfiles, CI pipelines, Ansible and Terraform beside shell scripts. It now names the
formats a user knows; the kinds stay in `migcheck rules --format json` (`file_kinds`)."""

from __future__ import annotations

import json

from lint_support import run_cli


def _checks_line(capsys, code: str) -> str:
    _, out, _ = run_cli(capsys, "rule", code)
    [line] = [line for line in out.splitlines() if "checks: " in line]
    return line.split("checks: ", 1)[1]


def test_mig202_names_the_formats_of_its_kinds(capsys):
    assert _checks_line(capsys, "MIG202") == (
        ".cscfg, Service Management REST bodies, Export-AzureVM files, PowerShell scripts, Python scripts, "
        "shell scripts, Makefiles, Dockerfiles, CI pipelines, Ansible, Terraform, "
        "inventory exports, ARM templates, Bicep"
    )


def test_a_rule_of_the_exports_alone_names_the_exports_templates_and_declarations(capsys):
    assert _checks_line(capsys, "MIG316") == "inventory exports, ARM templates, Bicep, declarations (.toml)"


def test_publish_profiles_are_named_by_their_files(capsys):
    assert "publish profiles (.azurepubxml), Eclipse package.xml" in _checks_line(capsys, "MIG104")


def test_the_json_list_of_rules_keeps_the_kinds(capsys):
    _, out, _ = run_cli(capsys, "rules", "--format", "json")
    rules = json.loads(out)
    listed = rules["rules"] if isinstance(rules, dict) else rules
    [mig316] = [rule for rule in listed if rule["code"] == "MIG316"]
    assert mig316["file_kinds"] == ["inventory"]
