"""A PowerShell script that walks a list of tables it writes out and splats each into a cmdlet (`$storage |
% { New-AzureStorageAccount @_ }`, `@PSItem` alike) makes one resource per table, named by the table's entry,
as `foreach ($s in …) { New-AzureStorageAccount @s }` does. `ForEach-Object` given two or three script blocks
runs the first once before the items (begin) and the last once after them (end), the middle one per item; a
begin block that sets a variable (`% { $i = 1 } { … }`, the usual counter) no longer hides the items. Tables
the script does not state (a parameter's) still name nothing."""

from __future__ import annotations

import json

from lint_support import run_cli

ACCOUNTS = """\
$storage = @(
    @{ StorageAccountName = "ifwposimages"; AffinityGroup = "WPNE" },
    @{ StorageAccountName = "ifwpdsc"; AffinityGroup = "WPNE" }
)
$storage | % { $i = 1 } {
    New-AzureStorageAccount @_
    $i++
}
"""

GATEWAY = """\
$gateways = @( @{ VNetName = "WP"; GatewayType = "DynamicRouting" } )
$gateways | ForEach-Object -Process { New-AzureVNetGateway @PSItem }
"""

PREFIXED = """\
"web", "sql" | ForEach-Object -Begin { $prefix = "acct" } -Process {
    New-AzureStorageAccount -StorageAccountName "$prefix$_" -Location "West US"
} -End { New-AzureStorageAccount -StorageAccountName "acctlast" -Location "West US" }
"""

GIVEN = """\
param($storage)
$storage | % { $i = 1 } { New-AzureStorageAccount @_ }
"""


def _steps(tmp_path, monkeypatch, capsys, script: str) -> list[dict]:
    (tmp_path / "deploy.ps1").write_text(script, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    return [s for s in json.loads(out)["subscriptions"][0]["steps"] if s["kind"] != "prerequisites"]


def test_each_table_splatted_as_the_pipeline_item_after_a_begin_block_is_an_account(
    tmp_path, monkeypatch, capsys
):
    steps = _steps(tmp_path, monkeypatch, capsys, ACCOUNTS)
    assert [(s["kind"], s["name"]) for s in steps] == [("storage", "ifwposimages"), ("storage", "ifwpdsc")]


def test_a_table_splatted_as_psitem_makes_the_gateway_of_its_network(tmp_path, monkeypatch, capsys):
    [network] = _steps(tmp_path, monkeypatch, capsys, GATEWAY)
    assert network["name"] == "WP"
    assert any(
        moved.startswith("the gateway of 'WP' (created by New-AzureVNetGateway") for moved in network["moves"]
    )


def test_a_begin_block_runs_before_the_items_and_an_end_block_after_them(tmp_path, monkeypatch, capsys):
    steps = _steps(tmp_path, monkeypatch, capsys, PREFIXED)
    assert sorted(s["name"] for s in steps) == ["acctlast", "acctsql", "acctweb"]


def test_tables_the_script_does_not_state_name_no_account(tmp_path, monkeypatch, capsys):
    assert _steps(tmp_path, monkeypatch, capsys, GIVEN) == []
