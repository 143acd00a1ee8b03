"""A classic command a script gives a wrapper function of a sourced `.sh` file (`runtraced azure network vnet
create ...`, the file's `runtraced() { echo "$@"; "$@"; }`) is the script's own call: its MIG601 lists it
and points at it, as it would with the wrapper defined in the script. The sourced file's own check reads the
wrapper with no words, so a call left to it was reported nowhere. A command the sourced file's function
writes itself (`create_vm() { azure vm create ...; }`) stays that file's to report."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

WRAPPER = """\
runtraced() {
    echo "$@"
    "$@"
}
"""
CREATES = 'create_vm() {\n    azure vm create -n "$1" -c "$2" img u p\n}\n'
API = "https://management.core.windows.net/sub/services/hostedservices"


def _mig601(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, library: str = WRAPPER):
    files = {"common.sh": library, "init.sh": script}
    return lint_files(tmp_path, monkeypatch, files, "MIG601").findings


def test_an_azure_command_given_to_a_sourced_wrapper_is_listed_where_the_script_writes(tmp_path, monkeypatch):
    script = """\
    source common.sh
    runtraced azure network vnet create --vnet hub -l "West US"
    azure vm create -n web1 -c shop -w hub img u p
    create_vm web2 shop
    """
    findings = _mig601(tmp_path, monkeypatch, script, WRAPPER + CREATES)
    # the command create_vm writes is the sourced file's, reported in its own check
    assert where(findings) == ["MIG601 common.sh:6:5", "MIG601 init.sh:2:11"]
    assert "(azure network vnet create, azure vm create)" in findings[1].message


def test_a_request_given_to_a_sourced_wrapper_is_the_script_s(tmp_path, monkeypatch):
    script = f"""\
    source common.sh
    runtraced curl -X DELETE --cert mgmt.pem "{API}/shop"
    """
    assert where(_mig601(tmp_path, monkeypatch, script)) == ["MIG601 init.sh:2:11"]
