"""A classic CLI create in a function nothing in its file calls (a shell library's `make_svc() { azure
service create ...; }`, a Python module's `def make_svc(name): subprocess.check_call([...])`) runs whenever
another file calls the function: it fails today, as a PowerShell function's `New-AzureService` does, where it
was said to fail only whenever it runs. One under a test of its own in the function still may not run; one
in a migration runbook's function nothing calls is left out, as PowerShell's is."""

from __future__ import annotations

import pytest
from lint_support import lint_files

LIBRARIES = {
    "shell": (
        "lib.sh",
        '#!/bin/bash\nmake_svc() {{\n  {test}azure service create --location "West US" "$1"{end}\n}}\n',
    ),
    "python": (
        "lib.py",
        "import subprocess\nimport sys\n\n\ndef make_svc(name):\n    {test}"
        'subprocess.check_call(["azure", "service", "create", "--location", "West US", name])\n',
    ),
}
TESTS = {"shell": ('if [ -n "$2" ]; then ', "; fi"), "python": ("if len(sys.argv) > 2:\n        ", "")}


def _mig601(tmp_path, monkeypatch, language: str, test: tuple[str, str]) -> str:
    name, text = LIBRARIES[language]
    written = text.format(test=test[0], end=test[1])
    (finding,) = lint_files(tmp_path, monkeypatch, {name: written}, "MIG601").findings
    return finding.message


@pytest.mark.parametrize("language", LIBRARIES)
def test_a_create_in_a_function_nothing_calls_fails_today(tmp_path, monkeypatch, language: str) -> None:
    message = _mig601(tmp_path, monkeypatch, language, ("", ""))
    assert "(azure service create) fail today, since Cloud Services (classic) was retired" in message


@pytest.mark.parametrize("language", LIBRARIES)
def test_one_under_a_test_of_the_function_fails_whenever_it_runs(
    tmp_path, monkeypatch, language: str
) -> None:
    message = _mig601(tmp_path, monkeypatch, language, TESTS[language])
    assert "(azure service create) fail today whenever they run (they may not:" in message


def test_a_powershell_one_fails_today_too(tmp_path, monkeypatch) -> None:
    text = 'function New-Svc($name) {\n  New-AzureService -ServiceName $name -Location "West US"\n}\n'
    (finding,) = lint_files(tmp_path, monkeypatch, {"lib.ps1": text}, "MIG601").findings
    assert "(New-AzureService) fail today, since Cloud Services (classic) was retired" in finding.message


def test_one_in_a_runbook_s_function_nothing_calls_is_left_out(tmp_path, monkeypatch) -> None:
    text = (
        "#!/bin/bash\nazure service deployment validate-migration shop shop\n"
        'make_svc() {\n  azure service create --location "West US" "$1"\n}\n'
    )
    assert not lint_files(tmp_path, monkeypatch, {"run.sh": text}, "MIG601").findings
