"""A loop over an array of arrays the script writes out (`foreach ($pair in @(@("prod-vnet", "prodvhds"),
…))`) is walked round by round, as one over an array of tables is: `$pair[0]` is the item of that round's
array. An array that holds anything the reader does not know is still read once, and arrays output by
several statements of `@( … )` are enumerated into one, as PowerShell does."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_reader_powershell import _script

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import Mark, MigrationStep
from migcheck.plugins import load_rules

PATH = "deploy/migrate.ps1"

PAIRS = """\
$pairs = @(@("prod-vnet", "prodvhds"), @("dmz-vnet", "dmzvhds"))
foreach ($pair in $pairs) {
    Move-AzureVirtualNetwork -Validate -VirtualNetworkName $pair[0]
    Move-AzureVirtualNetwork -Prepare -VirtualNetworkName $pair[0]
    Move-AzureVirtualNetwork -Commit -VirtualNetworkName $pair[0]
    Move-AzureStorageAccount -Validate -StorageAccountName $pair[1]
    Move-AzureStorageAccount -Prepare -StorageAccountName $pair[1]
    Move-AzureStorageAccount -Commit -StorageAccountName $pair[1]
}
"""


def _mark(line: int, column: int) -> Mark:
    return Mark(PATH, line, column=column)


def _targets(read, script: str) -> list[tuple[str, str, int, int]]:
    """Each migration step as (step, target, line, column)."""
    return [(m.step, m.target, m.mark.line, m.mark.column) for m in _script(read(PATH, script)).migration]


def _lint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, code: str) -> list[str]:
    (tmp_path / "migrate.ps1").write_text(script, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lint(["."], Config(select=(code,)), load_rules(entry_points=False))
    return [f"{f.location.line}:{f.location.column} {f.code}" for f in result.findings]


def test_a_loop_over_an_array_of_arrays_reads_each_rounds_items(read):
    assert _script(read(PATH, PAIRS)).migration == (
        MigrationStep("Move-AzureVirtualNetwork", "validate", "virtual-network", "prod-vnet", _mark(3, 5)),
        MigrationStep("Move-AzureVirtualNetwork", "prepare", "virtual-network", "prod-vnet", _mark(4, 5)),
        MigrationStep("Move-AzureVirtualNetwork", "commit", "virtual-network", "prod-vnet", _mark(5, 5)),
        MigrationStep("Move-AzureStorageAccount", "validate", "storage-account", "prodvhds", _mark(6, 5)),
        MigrationStep("Move-AzureStorageAccount", "prepare", "storage-account", "prodvhds", _mark(7, 5)),
        MigrationStep("Move-AzureStorageAccount", "commit", "storage-account", "prodvhds", _mark(8, 5)),
        MigrationStep("Move-AzureVirtualNetwork", "validate", "virtual-network", "dmz-vnet", _mark(3, 5)),
        MigrationStep("Move-AzureVirtualNetwork", "prepare", "virtual-network", "dmz-vnet", _mark(4, 5)),
        MigrationStep("Move-AzureVirtualNetwork", "commit", "virtual-network", "dmz-vnet", _mark(5, 5)),
        MigrationStep("Move-AzureStorageAccount", "validate", "storage-account", "dmzvhds", _mark(6, 5)),
        MigrationStep("Move-AzureStorageAccount", "prepare", "storage-account", "dmzvhds", _mark(7, 5)),
        MigrationStep("Move-AzureStorageAccount", "commit", "storage-account", "dmzvhds", _mark(8, 5)),
    )


def test_a_storage_account_prepared_before_the_next_pairs_network_is_reported(tmp_path, monkeypatch):
    # As for the same runbook over tables (`$pair.Vnet`) or a function called once per pair.
    assert _lint(tmp_path, monkeypatch, PAIRS, "MIG602") == ["7:5 MIG602"]


def test_arrays_written_with_parentheses_are_walked_as_well(read):
    script = """
        foreach ($pair in ("prod-vnet", "prodvhds"), ("dmz-vnet", "dmzvhds")) {
            Move-AzureStorageAccount -Prepare -StorageAccountName $pair[-1]
        }
        """
    assert _targets(read, script) == [("prepare", "prodvhds", 2, 5), ("prepare", "dmzvhds", 2, 5)]


def test_a_pipeline_over_an_array_of_arrays_reads_each_items_items(read):
    script = """
        @(@("prod-vnet", "prodvhds"), @("dmz-vnet", "dmzvhds")) | ForEach-Object {
            Move-AzureVirtualNetwork -Prepare -VirtualNetworkName $_[0]
        }
        """
    assert _targets(read, script) == [("prepare", "prod-vnet", 2, 5), ("prepare", "dmz-vnet", 2, 5)]


def test_an_index_into_an_item_of_an_array_of_arrays_is_known(read):
    script = """
        $pairs = @(@("prod-vnet", "prodvhds"), @("dmz-vnet", "dmzvhds"))
        Move-AzureVirtualNetwork -Prepare -VirtualNetworkName $pairs[1][0]
        Move-AzureStorageAccount -Prepare -StorageAccountName $pairs[-1][-1]
        """
    assert _targets(read, script) == [("prepare", "dmz-vnet", 2, 1), ("prepare", "dmzvhds", 3, 1)]


def test_an_array_holding_a_value_the_reader_does_not_know_is_read_once(read):
    script = """
        $pairs = @(@("prod-vnet", $account), @("dmz-vnet", "dmzvhds"))
        foreach ($pair in $pairs) {
            Move-AzureStorageAccount -Prepare -StorageAccountName $pair[1]
        }
        """
    assert _targets(read, script) == [("prepare", "", 3, 5)]


def test_arrays_output_by_several_statements_are_enumerated_into_one(read):
    # Each statement's array goes down the pipeline item by item: `$pairs` holds four strings, so
    # `$pair[0]` is a character of one, not a network's name.
    script = """
        $pairs = @(
            @("prod-vnet", "prodvhds")
            @("dmz-vnet", "dmzvhds")
        )
        Move-AzureStorageAccount -Prepare -StorageAccountName $pairs[1]
        foreach ($pair in $pairs) {
            Move-AzureVirtualNetwork -Prepare -VirtualNetworkName $pair[0]
        }
        """
    assert _targets(read, script) == [("prepare", "prodvhds", 5, 1), ("prepare", "", 7, 5)]
