"""`if __name__ == "__main__":` holds whenever the script is run: a classic create under it fails today, for
the Service Management SDK and the classic CLI alike, where both said it fails "whenever it runs (it may
not: ...)". The guard written the other way round is the same; one joined by `and` to another test runs as
far as that other test decides, and what the guard's `else` runs (code a module runs when imported) may
run."""

from __future__ import annotations

import pytest
from lint_support import lint_files

SDK = """\
import sys
from azure.servicemanagement import ServiceManagementService

def main():
    sms = ServiceManagementService("sub", "cert.pem")
    sms.create_hosted_service("shop", "shop", location="West US")

if {test}:
    main()
"""

CLI = """\
import subprocess
import sys

if {test}:
    subprocess.check_call(["azure", "service", "create", "--location", "West US", "shop"])
"""

SURELY = {
    "the main guard": '__name__ == "__main__"',
    "the main guard written the other way round": "'__main__' == __name__",
    "the main guard and a test that holds": '__name__ == "__main__" and True',
}

MAYBE = {
    "the main guard and a test the reader does not decide": '__name__ == "__main__" and len(sys.argv) > 1',
    "a test that only reads __name__": '__name__ != "__main__"',
}

SCRIPTS = {"sdk": SDK, "classic CLI": CLI}


def _mig601(tmp_path, monkeypatch, text: str) -> str:
    (finding,) = lint_files(tmp_path, monkeypatch, {"deploy.py": text}, "MIG601").findings
    return finding.message


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("case", SURELY)
def test_a_create_under_the_main_guard_fails_today(tmp_path, monkeypatch, script: str, case: str) -> None:
    message = _mig601(tmp_path, monkeypatch, SCRIPTS[script].format(test=SURELY[case]))
    assert "fail today, since Cloud Services (classic) was retired" in message


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("case", MAYBE)
def test_a_create_the_rest_of_the_test_may_keep_from_running_fails_whenever_it_runs(
    tmp_path, monkeypatch, script: str, case: str
) -> None:
    message = _mig601(tmp_path, monkeypatch, SCRIPTS[script].format(test=MAYBE[case]))
    assert "fail today whenever they run (they may not:" in message


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_create_in_the_else_of_the_main_guard_may_run(tmp_path, monkeypatch, script: str) -> None:
    guarded = SCRIPTS[script].format(test='__name__ == "__main__"')
    head, _, body = guarded.rpartition(":\n")
    text = f"{head}:\n    pass\nelse:\n{body}"
    message = _mig601(tmp_path, monkeypatch, text)
    assert "fail today whenever they run (they may not:" in message
