"""A classic VM row whose `properties` is an empty object (`{}`), or holds nothing the rules read (only
`provisioningState`), says no more of the VM than a row whose properties are null: its cloud service, network,
endpoints, disks and state are all unknown. It was read as a VM that states nothing, in a cloud service of
its resource group, and readiness said "Validation passed"; it is now left unchecked, named in the export's
one warning with what is not known of it, and the export's row says it was not checked."""

from __future__ import annotations

import json

from lint_support import graph_page, graph_vm, lint_files, where
from lint_support import run_cli as run

SUB = "11111111-2222-3333-4444-555555555555"


def _vm_stating(properties: dict) -> dict:
    return {**graph_vm(SUB, "shop", "web01"), "properties": properties}


def test_a_vm_row_with_empty_properties_is_named_with_what_it_does_not_state(tmp_path, monkeypatch):
    export = graph_page(_vm_stating({}))
    result = lint_files(tmp_path, monkeypatch, {"classic.json": export}, dedent=False)
    at = export.index('"properties"') + 1
    assert where(result.findings) == [f"MIG001 classic.json:1:{at}"]
    [finding] = result.findings
    assert finding.message.startswith(
        "the export has properties that hold nothing the rules read for its resources (written as `{}`"
    )
    assert finding.message.endswith(
        "1 resource was not checked, for want of what the rules read: classic VM 'web01' (cloud service, "
        "deployment, availability set, network and subnets, endpoints, disks, extensions, state)"
    )


def test_a_vm_row_with_only_its_provisioning_state_is_not_checked_either(tmp_path, monkeypatch):
    export = graph_page(_vm_stating({"provisioningState": "Succeeded"}))
    result = lint_files(tmp_path, monkeypatch, {"classic.json": export}, dedent=False)
    [finding] = result.findings
    assert finding.code == "MIG001"
    assert "classic VM 'web01' (cloud service" in finding.message


def test_the_readiness_row_of_such_an_export_says_it_was_not_checked(tmp_path, monkeypatch, capsys):
    (tmp_path / "classic.json").write_text(graph_page(_vm_stating({})), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = run(capsys, "check", ".")[1]
    assert "Validation passed" not in out
    summary = out[out.index("Readiness by migration scope:") :]
    [row] = [line for line in summary.splitlines() if line.lstrip().startswith("classic.json")]
    assert row.endswith("Not checked: the export's properties hold nothing the rules read")


def test_a_vm_row_that_states_one_of_its_profiles_is_read(tmp_path, monkeypatch):
    row = _vm_stating({"hardwareProfile": {"size": "Small", "deploymentName": "shop"}})
    result = lint_files(tmp_path, monkeypatch, {"classic.json": json.dumps([row])}, dedent=False)
    assert [f.code for f in result.findings if f.code == "MIG001"] == []
