"""A VM named by a number padded with zeros, by bash's `printf` (`printf -v name "vm-%03d" 7`,
`$(printf "db-%02d" 3)`) or PowerShell's `-f` (`'web{0:D3}' -f 7`, `'{0:00}'`), was a stand-in for a name the
script does not state (`<VM name, t.sh:3>`), though it writes out every piece of it: it is now the name the
format makes, as Python's `"vm-%03d" % 7` is. A number the script does not state is still not stated, and a
string given a number's format is not padded by .NET, so it is left as the reader cannot follow it. A
Python f-string's field with a format (`f"vm-{i:03d}"`) running the classic CLI was read as the bare value
(`vm-7`), a name the script never makes: a padded number is now padded, and any other format a stand-in."""

from __future__ import annotations

import pytest
from lint_support import lint_files


def _vm_names(tmp_path, monkeypatch, name: str, script: str) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, {name: script}, "MIG105")
    return [f.message.split("restarts '")[1].split("'")[0] for f in result.findings]


def _sh(name_word: str, before: str = "") -> str:
    return f"""\
    #!/bin/bash
    {before}
    azure vm create contoso-svc img ops Passw0rd! --vm-name {name_word} --location "West Europe"
    """


@pytest.mark.parametrize(
    ("before", "word", "expected"),
    [
        ('printf -v name "vm-%03d" 7', '"$name"', "vm-007"),
        ('printf -v name "vm-%-3s|%2d" a 7', '"$name"', "vm-a  | 7"),
        ("", '"$(printf "db-%02d" 3)"', "db-03"),
        ("", '"$(printf "db-%s-%i\\n" web 12)"', "db-web-12"),
    ],
)
def test_a_shell_printf_pads_the_number_it_is_given(tmp_path, monkeypatch, before, word, expected):
    assert _vm_names(tmp_path, monkeypatch, "a.sh", _sh(word, before)) == [expected]


@pytest.mark.parametrize(
    ("before", "word"),
    [
        ('printf -v name "vm-%03d" "$N"', '"$name"'),
        ('printf -v name "vm-%03d" 010', '"$name"'),  # bash reads 010 as octal: vm-008
        ("", '"$(printf "db-%02d" "$N")"'),
    ],
)
def test_a_shell_printf_of_a_number_it_does_not_follow_is_not_stated(tmp_path, monkeypatch, before, word):
    (name,) = _vm_names(tmp_path, monkeypatch, "a.sh", _sh(word, before))
    assert name.startswith("<VM name")


def _ps(expression: str) -> str:
    return f"""\
    $n = {expression}
    New-AzureQuickVM -Windows -ServiceName 'contoso-svc' -Name $n -ImageName img -AdminUsername u -Password p -Location 'West Europe'
    """


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("'web{0:D3}' -f 7", "web007"),
        ("'web{0:d2}' -f 12", "web12"),
        ("'web{0:00}' -f 3", "web03"),
        ("'{1}-{0:D2}' -f 4, 'db'", "db-04"),
        ("'web{0}' -f 7", "web7"),
    ],
)
def test_a_powershell_format_pads_the_number_it_is_given(tmp_path, monkeypatch, expression, expected):
    assert _vm_names(tmp_path, monkeypatch, "a.ps1", _ps(expression)) == [expected]


@pytest.mark.parametrize("expression", ["'web{0:D3}' -f '7'", "'web{0:D3}' -f $env:N", "'web{0:X2}' -f 7"])
def test_a_powershell_format_the_reader_does_not_follow_is_not_stated(tmp_path, monkeypatch, expression):
    (name,) = _vm_names(tmp_path, monkeypatch, "a.ps1", _ps(expression))
    assert name.startswith("<VM name")


def _py(name_expression: str) -> str:
    return f"""\
    import subprocess
    for i in range(7, 9):
        subprocess.check_call(["azure", "vm", "create", "contoso-svc", "img", "ops", "Passw0rd!",
                               "--vm-name", {name_expression}, "--location", "West Europe"])
    """


def test_a_python_f_string_pads_a_number_as_the_format_operator_does(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"a.py": _py('f"vm-{i:03d}"')}, "MIG105")
    (finding,) = result.findings
    assert "restarts 'vm-007', 'vm-008'," in finding.message


@pytest.mark.parametrize("expression", ['f"vm-{i:x}"', 'f"vm-{i!r}"', 'f"vm-{i:<3}"'])
def test_a_python_f_string_field_of_another_format_is_not_stated(tmp_path, monkeypatch, expression):
    (names,) = _vm_names(tmp_path, monkeypatch, "a.py", _py(expression))
    assert names.startswith("<VM name")
