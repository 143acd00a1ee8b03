"""Inventory input that was ignored or reported poorly: `Get-AzRoleAssignment | ConvertTo-Json` read as role
assignments (UTF-16 too, met in a folder walk); a declaration in error left out at its own value while the
file's other declarations are read; inline declarations marked at their own `{`; and messages that said a
thing twice (MIG503's target and metric source, a declared service's stand-in name) or named the wrong
cause (a Resource Graph query without the `properties` column)."""

from __future__ import annotations

import codecs
import json

import pytest
from lint_support import RULES, lint_files, where

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.inventory_model import RoleAssignment, ServiceInVnet
from migcheck.readers import declarations

SUB = "3f1d2c4b-8a7e-4c1d-9b2a-5e6f7a8b9c0d"
CLASSIC_VM = f"/subscriptions/{SUB}/resourceGroups/contoso-sql/providers/Microsoft.ClassicCompute/virtualMachines/sql01"
ASSIGNMENT = "5d0e7c1a-2b3f-4a6d-8e9f-0a1b2c3d4e5f"
CLASSIC_VM_CONTRIBUTOR = "d73bb868-a0df-4d4d-bd69-98a00b01fccb"


def _ps_assignment(scope: str = CLASSIC_VM, *, name: bool = True, role: str = CLASSIC_VM_CONTRIBUTOR) -> dict:
    """One `PSRoleAssignment` as `Get-AzRoleAssignment | ConvertTo-Json` writes it (Az.Resources 6)."""
    written = {
        "RoleAssignmentName": ASSIGNMENT,
        "RoleAssignmentId": f"{scope}/providers/Microsoft.Authorization/roleAssignments/{ASSIGNMENT}",
        "Scope": scope,
        "DisplayName": "SQL DBAs",
        "SignInName": None,
        "RoleDefinitionName": "Classic Virtual Machine Contributor",
        "RoleDefinitionId": role,
        "ObjectId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
        "ObjectType": "Group",
        "CanDelegate": False,
        "Description": None,
        "ConditionVersion": None,
        "Condition": None,
    }
    if not name:  # Az.Resources before RoleAssignmentName was added
        del written["RoleAssignmentName"]
    return written


def _windows_powershell(objects: list[dict]) -> bytes:
    """What Windows PowerShell's `> rbac.json` writes: UTF-16 LE with a BOM, CRLF, four-space indent."""
    text = json.dumps(objects, indent=4).replace("\n", "\r\n")
    return codecs.BOM_UTF16_LE + text.encode("utf-16-le")


def _lint_bytes(tmp_path, monkeypatch, files: dict[str, bytes], *codes: str):
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    monkeypatch.chdir(tmp_path)
    return lint(["."], Config(select=codes) if codes else Config(), RULES)


# --- Get-AzRoleAssignment ------------------------------------------------------------------------------


def test_get_azroleassignment_in_utf16_is_met_in_a_walk_and_read_as_an_assignment(tmp_path, monkeypatch):
    result = _lint_bytes(tmp_path, monkeypatch, {"rbac.json": _windows_powershell([_ps_assignment()])})
    assert where(result.findings) == ["MIG501 rbac.json:5:18"]  # its Scope
    message = result.findings[0].message
    assert "role 'Classic Virtual Machine Contributor' is assigned to Group SQL DBAs" in message
    assert "on classic VM 'sql01'" in message
    [record] = [r for d in result.documents for r in d.resources if isinstance(r, RoleAssignment)]
    assert (record.name, record.scope.text, record.principal_type) == (ASSIGNMENT, CLASSIC_VM, "Group")


def test_get_azroleassignment_named_on_the_command_line_is_an_export(tmp_path, monkeypatch):
    """Named directly it was MIG002 "not an inventory export"; an export of assignments none of which is
    on a classic resource says nothing at all."""
    plain = _ps_assignment(f"/subscriptions/{SUB}", role="acdd72a7-3385-48ef-bd42-f606fba81ae7")
    (tmp_path / "rbac.json").write_bytes(_windows_powershell([plain]))
    monkeypatch.chdir(tmp_path)
    result = lint(["rbac.json"], Config(), RULES)
    assert result.findings == [] and [d.problem for d in result.documents] == [None]


def test_an_older_az_without_the_assignment_name_names_it_by_its_id(tmp_path, monkeypatch):
    one = json.dumps(_ps_assignment(name=False), indent=2)  # one object: ConvertTo-Json writes no array
    result = lint_files(tmp_path, monkeypatch, {"rbac.json": one}, "MIG501", dedent=False)
    assert where(result.findings) == ["MIG501 rbac.json:3:12"]
    [record] = [r for d in result.documents for r in d.resources if isinstance(r, RoleAssignment)]
    assert record.name == ASSIGNMENT


def test_a_classic_role_on_the_subscription_from_get_azroleassignment(tmp_path, monkeypatch):
    """The broad case: Classic Virtual Machine Contributor on a subscription that holds a classic VM."""
    vm = {
        "id": CLASSIC_VM,
        "name": "sql01",
        "type": "microsoft.classiccompute/virtualmachines",
        "subscriptionId": SUB,
        "properties": {"hardwareProfile": {"size": "Small"}},
    }
    files = {
        "classic.json": json.dumps([vm], indent=2),
        "rbac.json": json.dumps([_ps_assignment(f"/subscriptions/{SUB}")], indent=2),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG501", dedent=False)
    assert where(result.findings) == ["MIG501 rbac.json:9:25"]  # the classic role
    assert f"on subscription {SUB}" in result.findings[0].message


# --- declarations: one in error is left out, the others read -------------------------------------------

TYPO = """\
# declarations

[[vnet-services]]
vnet = "prod-vnet"
service = "dynamics-lcs"

[[vnet-services]]
vnet = "prod-vnet"
service = "api-managment"
name = "contoso-apim"
"""


def test_a_misspelt_service_is_reported_at_its_value_and_the_other_entries_are_read(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"inventory.toml": TYPO}, "MIG001", "MIG316", dedent=False)
    assert where(result.findings) == ["MIG316 inventory.toml:3:1", "MIG001 inventory.toml:9:11"]
    message = result.findings[1].message
    assert "got 'api-managment' (did you mean `api-management`?)" in message
    assert "this entry is left out, the others are read" in message


def test_a_top_level_key_below_an_entry_header_is_reported_at_the_key(tmp_path, monkeypatch):
    text = (
        '[[vnet-services]]\nvnet = "prod-vnet"\nservice = "hdinsight"\n'
        f'  subscription = "{SUB}"\n\n[[vnet-peerings]]\nvnet = "prod-vnet"\npeer = "hub"\n'
    )
    result = lint_files(tmp_path, monkeypatch, {"inventory.toml": text}, "MIG001", "MIG313", dedent=False)
    assert where(result.findings) == ["MIG001 inventory.toml:4:3", "MIG313 inventory.toml:6:1"]
    assert (
        "written after a `[[vnet-services]]` header, it belongs to that entry" in result.findings[0].message
    )


def test_every_problem_is_named_and_only_the_entries_in_error_are_left_out():
    text = (
        "application-gateways = [\n"
        '  { name = "gw", vnet = "c" },\n'  # 2: read, at its `{`
        '  { name = "gw2", vnet = "c", subnet = ["x"] },\n'  # 3: unknown key, at 3:31
        "]\n"
        '[[vnet-services]]\nvnet = "a"\nservice = "hdinsight"\n'  # 5: read
        '[[vnet-services]]\nservice = "remoteapp"\n'  # 8: `vnet` missing, at the entry
        '[[vnet-peerings]]\nvnet = "a"\npeer = 3\n'  # 10: `peer` not a string, at 12:8
        "[[vnet-service]]\nvnet = 'b'\n"  # 13: unknown key, at its header
    )
    doc = declarations.read("inventory.toml", text.encode())
    assert [(type(r).__name__, r.mark.line, r.mark.column) for r in doc.resources] == [
        ("ServiceInVnet", 5, 1),
        ("ApplicationGateway", 2, 3),
    ]
    assert doc.problem is not None and (doc.problem.mark.line, doc.problem.mark.column) == (3, 31)
    message = doc.problem.message
    assert message.startswith(
        "inventory declarations: `application-gateways` entry 2: unknown key `subnet` (did you mean `subnets`?)"
    )
    assert message.endswith(
        "; this entry is left out, the others are read; also left out: line 8 (`vnet-services` entry 2: `vnet` "
        "is missing), line 12 (`vnet-peerings` entry 1: `peer` must be a non-empty string, got 3), line 13 "
        "(unknown key `vnet-service` (did you mean `vnet-services`? the keys of declarations are `subscription`, "
        "`vnet-services`, `vnet-peerings`, `application-gateways`, `expressroute-authorization-links`))"
    )


def test_past_three_the_other_problems_are_counted():
    text = "".join(f'[[vnet-services]]\nvnet = "v{n}"\n' for n in range(6))
    doc = declarations.read("inventory.toml", text.encode())
    assert doc.resources == () and doc.problem is not None
    assert doc.problem.message.endswith("line 7 (`vnet-services` entry 4: `service` is missing), and 2 more")


def test_other_tables_of_the_file_are_not_declarations():
    text = '[[vnet-services]]\nvnet = "a"\nservice = "hdinsight"\n\n[metadata]\nowner = "net team"\n'
    doc = declarations.read("inventory.toml", text.encode())
    assert doc.problem is None and len(doc.resources) == 1


def test_a_bad_subscription_leaves_the_declarations_read():
    text = 'subscription = 42\n\n[[vnet-services]]\nvnet = "a"\nservice = "hdinsight"\n'
    doc = declarations.read("inventory.toml", text.encode())
    assert [type(r) for r in doc.resources] == [ServiceInVnet]
    assert doc.problem is not None and (doc.problem.mark.line, doc.problem.mark.column) == (1, 16)
    assert "`subscription` must be a non-empty string, got 42" in doc.problem.message


@pytest.mark.parametrize(
    ("text", "at"),
    [
        # in pyproject.toml's table, with quoted and spaced header parts
        (
            '[tool.migcheck.inventory]\nsubscription = "s"\n\n[[ tool.migcheck.inventory."vnet-services" ]]\n'
            'vnet = "a"\nservice = "hdinsght"\n',
            (6, 11),
        ),
        # inline, on the entry's own line
        ('vnet-services = [\n  {vnet = "a", service = "hdinsght"},\n]\n', (2, 26)),
        # a multi-line string before it, holding what looks like a header and a key
        (
            'note = """\n[[vnet-services]]\nservice = 1\n"""\n[[vnet-services]]\nvnet = "a"\nservice = 2\n',
            (7, 11),
        ),
        # a dotted key in a table
        ('[tool.migcheck]\ninventory.vnet-services = [{ vnet = "a", service = "x" }]\n', (2, 52)),
    ],
)
def test_a_bad_value_is_marked_at_the_value_wherever_the_entry_is_written(text, at):
    doc = declarations.read("pyproject.toml", text.encode())
    assert doc.problem is not None, text
    assert (doc.problem.mark.line, doc.problem.mark.column) == at


def test_an_inline_application_gateway_is_marked_at_its_own_table(tmp_path, monkeypatch):
    text = (
        f'subscription = "{SUB}"\napplication-gateways = [\n'
        '  { name = "contoso-appgw", vnet = "prod-vnet", subnets = ["AppGw"] },\n'
        '  { name = "other-appgw", vnet = "prod-vnet" }, # a comment, then the end\n]\n'
    )
    result = lint_files(tmp_path, monkeypatch, {"inventory.toml": text}, "MIG312", dedent=False)
    assert where(result.findings) == ["MIG312 inventory.toml:3:3", "MIG312 inventory.toml:4:3"]


def test_the_config_still_refuses_a_bad_declaration_with_the_nearest_value():
    assert declarations.validate({"vnet-services": [{"vnet": "a", "service": "hdinsght"}]}) == (
        "`vnet-services` entry 1: `service` must be one of app-service-environment, hdinsight, dynamics-lcs, "
        "aad-domain-services, remoteapp, api-management, got 'hdinsght' (did you mean `hdinsight`?)"
    )


# --- messages ----------------------------------------------------------------------------------------------


def test_a_declared_service_without_a_name_is_not_named_after_itself(tmp_path, monkeypatch):
    text = '[[vnet-services]]\nvnet = "test-vnet"\nservice = "hdinsight"\n'
    result = lint_files(tmp_path, monkeypatch, {"inventory.toml": text}, "MIG315", dedent=False)
    [finding] = result.findings
    assert finding.message.startswith(
        "a declared HDInsight cluster without a name is in classic virtual network 'test-vnet'"
    )


def test_a_declared_peering_without_a_name_is_said_to_be_declared(tmp_path, monkeypatch):
    text = '[[vnet-peerings]]\nvnet = "prod-vnet"\npeer = "hub-vnet"\n'
    result = lint_files(tmp_path, monkeypatch, {"inventory.toml": text}, "MIG313", dedent=False)
    [finding] = result.findings
    assert "Resource Manager network 'hub-vnet' (declared): a peered" in finding.message
    assert "prod-vnet to hub-vnet" not in finding.message


ROLE = f"/subscriptions/{SUB}/resourceGroups/contoso-web/providers/Microsoft.ClassicCompute/domainNames/contoso-web/slots/Production/roles/WebRole1"
QUEUE = f"/subscriptions/{SUB}/resourceGroups/q/providers/Microsoft.ClassicStorage/storageAccounts/contosoq"


def _autoscale(*sources: str) -> str:
    rules = [{"metricTrigger": {"metricName": "Percentage CPU", "metricResourceUri": s}} for s in sources]
    row = {
        "id": f"/subscriptions/{SUB}/resourceGroups/contoso-web/providers/microsoft.insights/autoscalesettings/web-scale",
        "name": "web-scale",
        "type": "Microsoft.Insights/autoscaleSettings",
        "targetResourceUri": ROLE,
        "profiles": [{"name": "default", "rules": rules}],
        "enabled": True,
    }
    return json.dumps([row], indent=2)


@pytest.mark.parametrize(
    ("sources", "said"),
    [
        ((ROLE,), "scales classic role 'WebRole1' of cloud service 'contoso-web' by its own metrics: the"),
        (
            (ROLE.upper(), QUEUE),
            "scales classic role 'WebRole1' of cloud service 'contoso-web' by its own metrics and also reads "
            "the metrics of classic storage account 'contosoq': the",
        ),
        ((QUEUE,), "scales classic role 'WebRole1' of cloud service 'contoso-web' and reads the metrics of "),
    ],
)
def test_an_autoscale_setting_names_its_target_once(tmp_path, monkeypatch, sources, said):
    result = lint_files(
        tmp_path, monkeypatch, {"autoscale.json": _autoscale(*sources)}, "MIG503", dedent=False
    )
    [finding] = result.findings
    assert said in finding.message
    assert finding.message.count("WebRole1") == 1


def test_a_query_without_the_properties_column_is_told_apart_from_a_null_one(tmp_path, monkeypatch):
    row = {"id": CLASSIC_VM, "name": "sql01", "type": "microsoft.classiccompute/virtualmachines"}
    page = json.dumps({"count": 1, "data": [row], "skip_token": None, "total_records": 1}, indent=2)
    result = lint_files(tmp_path, monkeypatch, {"classic.json": page}, "MIG001", dedent=False)
    [finding] = result.findings
    assert where([finding]) == ["MIG001 classic.json:4:5"]
    assert "no `properties` column" in finding.message and "is null" not in finding.message
    assert "`project` with `properties`" in (finding.fix or "")


def test_an_unknown_key_with_no_near_one_lists_the_entry_keys(tmp_path, monkeypatch):
    text = '[[vnet-peerings]]\nvnet = "prod-vnet"\nremote = "/subscriptions/x/virtualNetworks/hub"\n'
    result = lint_files(tmp_path, monkeypatch, {"inventory.toml": text}, "MIG001", dedent=False)
    assert where(result.findings) == ["MIG001 inventory.toml:3:1"]
    assert (
        "unknown key `remote` (a `vnet-peerings` entry has `vnet`, `peer`, `name`)"
        in result.findings[0].message
    )
