"""A runbook script that takes its phase as a parameter declared as one string (`[ValidateSet('Validate',
'Prepare', 'Commit', 'Abort')][string]$Phase = 'Validate'`) runs one clause of `switch ($Phase)` per run;
a later `if ($Phase -eq 'Commit') { Move-AzureStorageAccount -Validate ... }` runs only in the Commit run.
The Prepare clause is then not "preceded by no Validate of any virtual network, although this script
validates other resources" (MIG602): the Validate is another run's, and the storage Validate is the Commit
run's. Two tests of one value run together, and a script that validates nothing of a network before its
Prepare in one run is still told so. A shell script's `case "$2" in` and a later `if [ "$2" = commit ]` are
read so too (the classic CLI has no Validate of a storage account: there the later step validates a
reserved IP)."""

from __future__ import annotations

import pytest
from lint_support import lint_files

SCRIPT = """\
param(
    [Parameter(Mandatory)][string]$VNetName,
    [ValidateSet('Validate','Prepare','Commit','Abort')][string]$Phase = 'Validate'
)
switch ($Phase) {
    'Validate' { (Move-AzureVirtualNetwork -Validate -VirtualNetworkName $VNetName).ValidationMessages }
    'Prepare'  { Move-AzureVirtualNetwork -Prepare -VirtualNetworkName $VNetName }
    'Commit'   { Move-AzureVirtualNetwork -Commit -VirtualNetworkName $VNetName }
    'Abort'    { Move-AzureVirtualNetwork -Abort -VirtualNetworkName $VNetName }
}
if ($Phase -eq 'Commit') {
    Move-AzureStorageAccount -Validate -StorageAccountName "contosodisks"
}
"""


def _mig602(tmp_path, monkeypatch: pytest.MonkeyPatch, text: str) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, {"Migrate-Vnet.ps1": text}, "MIG602")
    return [finding.message for finding in result.findings]


def test_a_switch_on_a_phase_parameter_and_a_later_test_of_it_are_runs_of_their_own(
    tmp_path, monkeypatch
) -> None:
    assert _mig602(tmp_path, monkeypatch, SCRIPT) == []


def test_a_prepare_run_that_validates_storage_but_no_network_is_still_told(tmp_path, monkeypatch) -> None:
    script = SCRIPT.replace("$Phase -eq 'Commit'", "$Phase -eq 'Prepare'")
    assert len(_mig602(tmp_path, monkeypatch, script)) == 1


SHELL = """\
VNET="$1"
case "$2" in
  validate) azure network vnet validate-migration "$VNET" ;;
  prepare)  azure network vnet prepare-migration "$VNET" ;;
  commit)   azure network vnet commit-migration "$VNET" ;;
  abort)    azure network vnet abort-migration "$VNET" ;;
  *) echo "usage: $0 <vnet> validate|prepare|commit|abort"; exit 2 ;;
esac
if [ "$2" = commit ]; then
  azure network reserved-ip validate-migration contoso-ip
fi
"""


def _shell_mig602(tmp_path, monkeypatch: pytest.MonkeyPatch, text: str) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, {"migrate.sh": text}, "MIG602")
    return [finding.message for finding in result.findings]


def test_a_case_on_a_phase_argument_and_a_later_test_of_it_are_runs_of_their_own(
    tmp_path, monkeypatch
) -> None:
    assert _shell_mig602(tmp_path, monkeypatch, SHELL) == []


def test_a_shell_prepare_run_that_validates_a_reserved_ip_but_no_network_is_still_told(
    tmp_path, monkeypatch
) -> None:
    script = SHELL.replace('[ "$2" = commit ]', "[[ $2 == prepare ]]")
    assert len(_shell_mig602(tmp_path, monkeypatch, script)) == 1
