"""The badge read "ready" over what the readiness summary calls "Not decided: the files do not state which
one it is": a storage account no file states that holds the disks of a VM a script creates, and a circuit whose
service key no file states (the plan's step waits for it to be filled in). Now it counts them, in yellow."""

from __future__ import annotations

from lint_support import RULES, lint_files
from test_plan_documents import netcfg, network

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import Severity
from migcheck.report import badge

# Only what is not decided is left: the warnings of these files are graded info.
INFO = Config(severity=dict.fromkeys(("MIG003", "MIG302", "MIG601"), Severity.INFO))
NETWORK = netcfg("", network("net1", "10.0.0.0/16"))
VM_IN_AN_ACCOUNT_NOT_STATED = (
    '#!/bin/bash\nazure vm create -w net1 -b FrontEnd -u "$URL" -n vm1 svc1 img user\n'
)


def _status(tmp_path, monkeypatch, files: dict[str, str]) -> badge.Status:
    lint_files(tmp_path, monkeypatch, files)  # written, and linted again with the warnings graded info
    return badge.status(lint(["."], INFO, RULES))


def test_a_storage_account_no_file_states_is_not_decided(tmp_path, monkeypatch):
    status = _status(
        tmp_path, monkeypatch, {"NetworkConfig.netcfg": NETWORK, "deploy.sh": VM_IN_AN_ACCOUNT_NOT_STATED}
    )
    assert (status.message, status.shields_color) == ("1 account not decided", "yellow")


def test_a_circuit_whose_service_key_no_file_states_is_a_name_to_fill_in(tmp_path, monkeypatch):
    circuit = netcfg("", network("er-vnet", "10.1.0.0/16", ("dc-ams", "Dedicated")))
    status = _status(tmp_path, monkeypatch, {"NetworkConfig.netcfg": circuit})
    assert (status.message, status.shields_color) == ("1 name to fill in", "yellow")


def test_the_same_files_naming_what_they_use_are_ready(tmp_path, monkeypatch):
    stated = VM_IN_AN_ACCOUNT_NOT_STATED.replace(
        '"$URL"', "https://disks1.blob.core.windows.net/vhds/vm1.vhd"
    )
    status = _status(tmp_path, monkeypatch, {"NetworkConfig.netcfg": NETWORK, "deploy.sh": stated})
    assert (status.message, status.shields_color) == ("ready", "brightgreen")
