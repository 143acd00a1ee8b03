"""An export row of a reserved IP or a classic storage account whose `properties` is an empty object (`{}`)
says no more of it than a row whose properties are null. It was read as a reserved IP that states nothing
(no address; readiness "Validation passed" and a plan step that moves it on its own) and as a storage
account of no type (a Standard one, the VMs' disks in it passing); each is now left unchecked, named in the
export's one MIG001 with what is not known of it, as a VM row whose properties state nothing is. A network
row with `{}` still says the network exists, and a template's resource with `{}` is still created."""

from __future__ import annotations

import json

from lint_support import graph_page, graph_vm, lint_files, where
from lint_support import run_cli as run

SUB = "11111111-2222-3333-4444-555555555555"
IDS = f"/subscriptions/{SUB}/resourceGroups/Default-Networking/providers"


def _row(rtype: str, name: str, properties: object) -> dict:
    return {
        "id": f"{IDS}/{rtype}/{name}",
        "name": name,
        "type": rtype,
        "subscriptionId": SUB,
        "properties": properties,
    }


def _reserved_ip(properties: object) -> dict:
    return _row("microsoft.classicnetwork/reservedips", "shop-vip", properties)


def _account(properties: object) -> dict:
    return _row("microsoft.classicstorage/storageaccounts", "acct", properties)


def test_a_reserved_ip_row_with_empty_properties_is_named_with_what_it_does_not_state(tmp_path, monkeypatch):
    export = graph_page(_reserved_ip({}))
    result = lint_files(tmp_path, monkeypatch, {"classic.json": export}, dedent=False)
    at = export.index('"properties"') + 1
    assert where(result.findings) == [f"MIG001 classic.json:1:{at}"]
    assert result.findings[0].message.endswith(
        "1 resource was not checked, for want of what the rules read: reserved IP 'shop-vip' (the cloud "
        "service it is attached to (whether it moves with one or on its own), address)"
    )


def test_the_plan_has_no_step_moving_such_a_reserved_ip_on_its_own(tmp_path, monkeypatch, capsys):
    (tmp_path / "classic.json").write_text(graph_page(_reserved_ip({})), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = run(capsys, "plan", ".")[1]
    assert "Move-AzureReservedIP" not in out
    assert "Unattached resource: shop-vip" not in out


def test_a_storage_account_row_with_empty_properties_is_not_read_as_a_standard_account(tmp_path, monkeypatch):
    vm = graph_vm(SUB, "shop", "web01")
    vm["properties"]["storageProfile"] = {
        "operatingSystemDisk": {
            "diskName": "web01-os",
            "vhdUri": "https://acct.blob.core.windows.net/vhds/web01-os.vhd",
            "storageAccount": {"name": "acct", "type": "Microsoft.ClassicStorage/storageAccounts"},
        }
    }
    export = graph_page(vm, _account({}), indent=2)
    result = lint_files(tmp_path, monkeypatch, {"classic.json": export}, "MIG001", dedent=False)
    [finding] = result.findings
    before = export[: export.index('"properties": {}')]
    line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
    assert where(result.findings) == [f"MIG001 classic.json:{line}:{column}"]
    assert finding.message.endswith("classic storage account 'acct' (account type (Premium or not))")


def test_rows_that_state_their_type_or_attachment_are_read(tmp_path, monkeypatch):
    rows = [
        _account({"accountType": "Standard-GRS"}),
        _reserved_ip({"ipAddress": "40.113.9.9", "inUse": False}),
    ]
    result = lint_files(tmp_path, monkeypatch, {"classic.json": json.dumps(rows)}, "MIG001", dedent=False)
    assert result.findings == []
