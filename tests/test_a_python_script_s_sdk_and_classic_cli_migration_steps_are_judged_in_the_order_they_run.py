"""A Python script that runs some migration steps through the Service Management API (`perform_post` of a
`.../migration?comp=...` path) and others through the classic CLI (`subprocess.run(["azure", "network", "vnet",
"commit-migration", ...])`) runs them in the order its own code calls them, whichever API each goes through
and wherever the functions that send them are written: MIG602 judges that order. So is a change made after a
Commit the CLI ran. Before, the API's steps were taken to run before all of the CLI's (and a change before
them all): a Prepare the CLI ran before the API's Commit was said to come after it, and a Commit the CLI ran
before the API's Prepare went unsaid."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

SCRIPT = """\
import subprocess
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService("sub", "cert.pem")


def by_cli():
    subprocess.run(["azure", "network", "vnet", "{cli}-migration", "prodnet"], check=True)


def by_api():
    sms.perform_post("/sub/services/networking/virtualnetwork/prodnet/migration?comp={api}", "")


{first}()
{second}()
"""


def _mig602(tmp_path, monkeypatch, script: str):
    return lint_files(tmp_path, monkeypatch, {"migrate.py": script}, "MIG602", dedent=False).findings


@pytest.mark.parametrize(
    ("cli", "api", "first", "second"),
    [("prepare", "Commit", "by_cli", "by_api"), ("commit", "Prepare", "by_api", "by_cli")],
    ids=["cli-prepare-then-api-commit", "api-prepare-then-cli-commit"],
)
def test_steps_run_in_order_say_nothing(tmp_path, monkeypatch, cli, api, first, second) -> None:
    script = SCRIPT.format(cli=cli, api=api, first=first, second=second)
    assert _mig602(tmp_path, monkeypatch, script) == []


def test_a_cli_commit_run_before_the_api_s_prepare_is_out_of_order(tmp_path, monkeypatch) -> None:
    script = SCRIPT.format(cli="commit", api="Prepare", first="by_cli", second="by_api")
    (finding,) = _mig602(tmp_path, monkeypatch, script)
    assert finding.message == (
        "migrate.py: azure network vnet commit-migration comes before any Prepare of virtual network 'prodnet'"
        " in this script (run by the call at line 14)"
    )
    assert where([finding]) == ["MIG602 migrate.py:7:21"]


def test_an_api_commit_run_before_the_cli_s_prepare_is_out_of_order(tmp_path, monkeypatch) -> None:
    script = SCRIPT.format(cli="prepare", api="Commit", first="by_api", second="by_cli")
    (finding,) = _mig602(tmp_path, monkeypatch, script)
    assert finding.message == (
        "migrate.py: Service Management API Commit comes before any Prepare of virtual network 'prodnet' in"
        " this script (run by the call at line 14)"
    )
    assert where([finding]) == ["MIG602 migrate.py:11:9"]


def test_an_api_change_after_the_cli_s_commit_fails(tmp_path, monkeypatch) -> None:
    script = """\
import subprocess
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService("sub", "cert.pem")
subprocess.run(["azure", "service", "deployment", "prepare-migration", "websvc", "websvc", "new", "", "", ""])
subprocess.run(["azure", "service", "deployment", "commit-migration", "websvc", "websvc"])
sms.perform_delete("/sub/services/hostedservices/websvc")
"""
    (finding,) = _mig602(tmp_path, monkeypatch, script)
    assert (
        "deletes cloud service 'websvc' after azure service deployment commit-migration at line 5"
        in finding.message
    )
    assert where([finding]) == ["MIG602 migrate.py:6:5"]
