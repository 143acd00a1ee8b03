"""Inventory exports: a Defender for Cloud plan on the Standard tier in a subscription with classic
VMs (MIG207), a classic-only built-in role assigned at a subscription, resource group or management group
scope (MIG501), and the rows the az CLI's `list` commands write, their properties flattened at the top
(`az network vnet list`: MIG313 instead of a false MIG001)."""

from __future__ import annotations

import json

from lint_support import RULES, graph_vm, lint_files, where

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.inventory_model import DefenderPlan, RoleAssignment, UncheckedResource, VnetPeering
from migcheck.readers import read_document

SUB = "11111111-2222-3333-4444-555555555555"
OTHER_SUB = "99999999-8888-7777-6666-555555555555"
CLASSIC_PROD = (
    f"/subscriptions/{SUB}/resourceGroups/Default-Networking/providers/"
    "Microsoft.ClassicNetwork/virtualNetworks/prod"
)
CLASSIC_VM_CONTRIBUTOR = "d73bb868-a0df-4d4d-bd69-98a00b01fccb"
VM_CONTRIBUTOR = "9980e02c-c2be-4d73-94e8-173b1dc7cf3c"  # the Resource Manager role


def _values(text: str, key: str) -> list[str]:
    """`line:column` of each value written under `key`, one key a line as the exports lay them out."""
    written = f'"{key}": '
    lines = enumerate(text.split("\n"), 1)
    return [f"{n}:{line.index(written) + len(written) + 1}" for n, line in lines if written in line]


def _graph(*rows: dict) -> str:
    """A page of `az graph query -o json`, laid out as the CLI writes it."""
    page = {"count": len(rows), "data": list(rows), "skip_token": None, "total_records": len(rows)}
    return json.dumps(page, indent=2)


CLASSIC_VMS = _graph(graph_vm(SUB, "contoso-app", "app01", vnet="prod", subnet="app"))


# --- Defender for Cloud plans (MIG207) ---------------------------------------------------------------------


def _pricing(tier: str, plan: str = "VirtualMachines", subscription: str = SUB) -> str:
    """Export D of INVENTORY.md: `securityresources | where type =~ 'microsoft.security/pricings'`."""
    return f"""\
{{
  "count": 1,
  "data": [
    {{
      "id": "/subscriptions/{subscription}/providers/Microsoft.Security/pricings/{plan}",
      "name": "{plan}",
      "type": "microsoft.security/pricings",
      "subscriptionId": "{subscription}",
      "properties": {{
        "pricingTier": "{tier}",
        "freeTrialRemainingTime": "PT0S"
      }}
    }}
  ],
  "skip_token": null,
  "total_records": 1
}}
"""


def test_standard_plan_for_vms_in_a_subscription_with_classic_vms(tmp_path, monkeypatch):
    files = {"classic.json": CLASSIC_VMS, "defender.json": _pricing("Standard")}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    # At the pricing row's `{`, as the inventory rules about settings point (MIG501-MIG503).
    assert where(result.findings) == ["MIG207 defender.json:4:5"]
    [finding] = result.findings
    assert str(finding.severity) == "warning"
    assert finding.resource_type == "DefenderPlan" and finding.resource_name == "VirtualMachines"
    assert f"plan 'VirtualMachines' is on the Standard tier in subscription {SUB}" in finding.message
    assert "1 classic VM among the files checked: 'app01'" in finding.message
    assert (
        "with which the platform does not migrate them" in finding.message
    )  # what and why; the help says what to do
    assert "Set-AzSecurityPricing -Name VirtualMachines -PricingTier Free" in finding.fix
    assert "again once the VMs are in Resource Manager" in finding.fix


def _read_in_the_walk(result, path: str) -> tuple:
    """The records of `path`, which the folder walk must have read as an inventory export."""
    [document] = [d for d in result.documents if d.path == path]
    assert str(document.kind) == "inventory" and document.problem is None
    return document.resources


def test_free_plan_is_silent(tmp_path, monkeypatch):
    files = {"classic.json": CLASSIC_VMS, "defender.json": _pricing("Free")}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert where(result.findings) == []
    [plan] = _read_in_the_walk(result, "defender.json")  # read, and the Free tier installs nothing
    assert isinstance(plan, DefenderPlan) and not plan.standard


def test_standard_plan_of_other_resources_is_silent(tmp_path, monkeypatch):
    files = {"classic.json": CLASSIC_VMS, "defender.json": _pricing("Standard", "StorageAccounts")}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert where(result.findings) == []
    assert _read_in_the_walk(result, "defender.json") == ()  # no record of a plan that is not the VMs'


def test_standard_plan_of_a_subscription_without_classic_vms_is_silent(tmp_path, monkeypatch):
    """The export covers two subscriptions; the classic VMs are in the other one."""
    files = {"classic.json": CLASSIC_VMS, "defender.json": _pricing("Standard", subscription=OTHER_SUB)}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert where(result.findings) == []
    [plan] = _read_in_the_walk(result, "defender.json")
    assert plan.standard and plan.subscription == OTHER_SUB


def test_standard_plan_alone_is_silent(tmp_path, monkeypatch):
    """Nothing checked says the subscription has a classic VM: nothing to migrate, nothing guessed."""
    files = {"defender.json": _pricing("Standard")}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert where(result.findings) == []
    [plan] = _read_in_the_walk(result, "defender.json")
    assert plan.standard


def test_standard_plan_with_classic_vms_of_an_export_azure_vm_file(tmp_path, monkeypatch):
    """No export names the files' subscription: the one the Defender export covers is theirs."""
    vm = """\
<PersistentVM xmlns="http://schemas.microsoft.com/windowsazure">
  <RoleName>app02</RoleName>
  <RoleSize>Small</RoleSize>
</PersistentVM>
"""
    files = {"vms/app02.xml": vm, "defender.json": _pricing("Standard")}
    result = lint_files(tmp_path, monkeypatch, files, "MIG207", dedent=False)
    assert where(result.findings) == ["MIG207 defender.json:4:5"]
    assert "'app02'" in result.findings[0].message


def test_az_security_pricing_list_is_read_flattened(tmp_path, monkeypatch):
    """`az security pricing list -o json` writes `{"value": [...]}`, each plan's properties at its top."""
    pricing = {
        "value": [
            {
                "freeTrialRemainingTime": "0:00:00",
                "id": f"/subscriptions/{SUB}/providers/Microsoft.Security/pricings/VirtualMachines",
                "name": "VirtualMachines",
                "pricingTier": "Standard",
                "subPlan": "P2",
                "type": "Microsoft.Security/pricings",
            }
        ]
    }
    files = {"classic.json": CLASSIC_VMS, "pricings.json": json.dumps(pricing, indent=2)}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert where(result.findings) == ["MIG207 pricings.json:3:5"]


def test_pricing_rows_become_records():
    document = read_document("defender.json", _pricing("Standard").encode(), explicit=True)
    assert document is not None and document.problem is None
    [plan] = document.resources
    assert isinstance(plan, DefenderPlan)
    assert (plan.name, plan.tier, plan.subscription, plan.standard) == (
        "VirtualMachines",
        "Standard",
        SUB,
        True,
    )
    assert (plan.mark.line, plan.mark.column) == (4, 5)


# --- classic-only roles at broad scopes (MIG501) -----------------------------------------------------------


def _assignment(scope: str, role: str = CLASSIC_VM_CONTRIBUTOR) -> str:
    """Export C of INVENTORY.md, all role assignments (not only those on classic resources)."""
    return f"""\
{{
  "count": 1,
  "data": [
    {{
      "id": "{scope.rstrip("/")}/providers/Microsoft.Authorization/roleAssignments/0b4e4ac4-1111-2222-3333-444455556666",
      "name": "0b4e4ac4-1111-2222-3333-444455556666",
      "type": "microsoft.authorization/roleassignments",
      "subscriptionId": "{SUB}",
      "properties": {{
        "scope": "{scope}",
        "roleDefinitionId": "/subscriptions/{SUB}/providers/Microsoft.Authorization/roleDefinitions/{role}",
        "principalId": "5f6e7d8c-0000-1111-2222-333344445555",
        "principalType": "Group"
      }}
    }}
  ],
  "skip_token": null,
  "total_records": 1
}}
"""


def test_classic_vm_contributor_at_the_subscription(tmp_path, monkeypatch):
    files = {"classic.json": CLASSIC_VMS, "rbac.json": _assignment(f"/subscriptions/{SUB}")}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    # At the classic role, what makes a subscription-wide assignment a finding.
    assert where(result.findings) == [
        f"MIG501 rbac.json:{at}" for at in _values(files["rbac.json"], "roleDefinitionId")
    ]
    [finding] = result.findings
    assert str(finding.severity) == "warning"
    assert (
        "role 'Classic Virtual Machine Contributor' is assigned to Group 5f6e7d8c-0000-1111-2222-333344445555 "
        f"on subscription {SUB}" in finding.message
    )
    assert "grants rights on classic resources only" in finding.message
    assert "none of the migrated resources" in finding.message
    # What to do is the help's: the Resource Manager role to assign on the same scope.
    assert "assign the role" not in finding.message
    assert f"the role 'Virtual Machine Contributor' on subscription {SUB} before migrating" in finding.fix
    assert "-RoleDefinitionName 'Virtual Machine Contributor'" in finding.fix
    assert f"-Scope /subscriptions/{SUB}" in finding.fix


def test_classic_storage_roles_at_a_resource_group_and_a_management_group(tmp_path, monkeypatch):
    group = f"/subscriptions/{SUB}/resourceGroups/storage-admins"
    tenant_group = "/providers/Microsoft.Management/managementGroups/contoso-root"
    files = {
        "classic.json": CLASSIC_VMS,
        "rbac-group.json": _assignment(group, "86e8f5dc-a6e9-4c67-9d15-de283e8eac25"),
        "rbac-mg.json": _assignment(tenant_group, "985d6b00-f706-48f5-a6fe-d0ca12fb668d"),
        "rbac-network.json": _assignment(f"/subscriptions/{SUB}", "b34d265f-36f7-4a0d-a4d4-e158ca92e90f"),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG501", dedent=False)
    assert where(result.findings) == [
        f"MIG501 {name}:{at}" for name in sorted(files)[1:] for at in _values(files[name], "roleDefinitionId")
    ]
    group_finding, mg_finding, network_finding = result.findings
    assert "'Classic Storage Account Contributor'" in group_finding.message
    assert "resource group 'storage-admins'" in group_finding.message
    # The role to assign instead is the help's.
    assert "'Storage Account Contributor'" in group_finding.fix
    assert "'Classic Storage Account Key Operator Service Role'" in mg_finding.message
    assert "management group 'contoso-root'" in mg_finding.message
    assert "'Storage Account Key Operator Service Role'" in mg_finding.fix
    assert "'Network Contributor'" in network_finding.fix


def test_resource_manager_role_at_the_subscription_is_silent(tmp_path, monkeypatch):
    """Virtual Machine Contributor covers the migrated VMs. (Silent before the change too: the export
    names nothing classic, and a folder walk passes over it.)"""
    export = _assignment(f"/subscriptions/{SUB}", VM_CONTRIBUTOR)
    files = {"classic.json": CLASSIC_VMS, "rbac.json": export}
    assert where(lint_files(tmp_path, monkeypatch, files, dedent=False).findings) == []
    document = read_document("rbac.json", export.encode(), explicit=True)
    assert document is not None and document.problem is None and document.resources == ()


def test_classic_role_on_a_resource_manager_resource_is_silent():
    """Neither a classic resource nor a broad scope: a classic role there grants nothing anyway, but the
    migration changes nothing of it."""
    scope = f"/subscriptions/{SUB}/resourceGroups/apps/providers/Microsoft.Compute/virtualMachines/web01"
    document = read_document("rbac.json", _assignment(scope).encode(), explicit=True)
    assert document is not None and document.resources == ()


def test_az_role_assignment_list_is_read_flattened(tmp_path, monkeypatch):
    """`az role assignment list --all -o json`: a bare array, each assignment's properties at its top."""
    rows = [
        {
            "condition": None,
            "id": f"/subscriptions/{SUB}/providers/Microsoft.Authorization/roleAssignments/0b4e4ac4",
            "name": "0b4e4ac4",
            "principalId": "5f6e7d8c-0000-1111-2222-333344445555",
            "principalName": "vm-operators",
            "principalType": "Group",
            "roleDefinitionId": f"/subscriptions/{SUB}/providers/Microsoft.Authorization/roleDefinitions/"
            f"{CLASSIC_VM_CONTRIBUTOR}",
            "roleDefinitionName": "Classic Virtual Machine Contributor",
            "scope": f"/subscriptions/{SUB}",
            "type": "Microsoft.Authorization/roleAssignments",
        }
    ]
    files = {"classic.json": CLASSIC_VMS, "assignments.json": json.dumps(rows, indent=2)}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert where(result.findings) == [
        f"MIG501 assignments.json:{_values(files['assignments.json'], 'roleDefinitionId')[0]}"
    ]
    [assignment] = [r for d in result.documents for r in d.resources if isinstance(r, RoleAssignment)]
    assert assignment.role_definition == CLASSIC_VM_CONTRIBUTOR and not assignment.scope.is_classic


# --- the az CLI's flattened rows -------------------------------------------------------------------------


def _vnet_list(remote: str) -> str:
    """`az network vnet list -o json`: no `properties`, the network's properties at the row's top."""
    return f"""\
[
  {{
    "id": "/subscriptions/{SUB}/resourceGroups/spoke-rg/providers/Microsoft.Network/virtualNetworks/spoke",
    "name": "spoke",
    "type": "Microsoft.Network/virtualNetworks",
    "location": "westeurope",
    "resourceGroup": "spoke-rg",
    "addressSpace": {{
      "addressPrefixes": [
        "10.80.0.0/16"
      ]
    }},
    "provisioningState": "Succeeded",
    "virtualNetworkPeerings": [
      {{
        "name": "to-prod",
        "peeringState": "Connected",
        "allowVirtualNetworkAccess": true,
        "remoteVirtualNetwork": {{
          "id": "{remote}",
          "resourceGroup": "Default-Networking"
        }},
        "type": "Microsoft.Network/virtualNetworks/virtualNetworkPeerings"
      }}
    ]
  }}
]
"""


def test_az_network_vnet_list_with_a_classic_peering(tmp_path, monkeypatch):
    files = {"vnets.json": _vnet_list(CLASSIC_PROD)}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    # At the classic network's id, as for the nested shape; no MIG001: nothing is null.
    assert where(result.findings) == ["MIG313 vnets.json:20:17"]
    assert "classic virtual network 'prod' is peered with Resource Manager network 'spoke'" in (
        result.findings[0].message
    )
    [peering] = [r for d in result.documents for r in d.resources if isinstance(r, VnetPeering)]
    assert (peering.name, peering.state) == ("to-prod", "Connected")


def test_az_network_vnet_list_with_a_resource_manager_peering_is_silent(tmp_path, monkeypatch):
    remote = f"/subscriptions/{SUB}/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/hub"
    # Named on the command line: a folder walk passes over a file that names nothing classic.
    (tmp_path / "vnets.json").write_text(_vnet_list(remote), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    from lint_support import RULES

    from migcheck.config import Config
    from migcheck.engine import lint

    result = lint(["vnets.json"], Config(), RULES)
    assert where(result.findings) == []
    assert [d.problem for d in result.documents] == [None]


def test_a_row_of_only_a_resource_s_own_keys_still_says_nothing(tmp_path, monkeypatch):
    """A projection without `properties` (`| project id, name, type, location`): as little as `az resource
    list`, and said to lack the column."""
    rows = [
        {
            "id": CLASSIC_PROD,
            "name": "prod",
            "type": "Microsoft.ClassicNetwork/virtualNetworks",
            "location": "x",
        }
    ]
    result = lint_files(tmp_path, monkeypatch, {"resources.json": json.dumps(rows)}, dedent=False)
    assert [f.code for f in result.findings] == ["MIG001"]
    assert "no `properties` column" in result.findings[0].message


def test_flattened_rows_point_inside_the_row(tmp_path, monkeypatch):
    """`az apim list`: the classic subnet id is found where the row writes it, as in the nested shape."""
    row = {
        "id": f"/subscriptions/{SUB}/resourceGroups/apis/providers/Microsoft.ApiManagement/service/contoso-apim",
        "name": "contoso-apim",
        "type": "Microsoft.ApiManagement/service",
        "virtualNetworkType": "External",
        "virtualNetworkConfiguration": {"subnetResourceId": f"{CLASSIC_PROD}/subnets/Apim"},
    }
    text = json.dumps([row], indent=2)
    result = lint_files(tmp_path, monkeypatch, {"apim.json": text}, dedent=False)
    line_of_id = next(n for n, line in enumerate(text.split("\n"), 1) if '"subnetResourceId"' in line)
    column = text.split("\n")[line_of_id - 1].index(f'"{CLASSIC_PROD}') + 1
    assert where(result.findings) == [f"MIG319 apim.json:{line_of_id}:{column}"]


def test_a_flattened_classic_network_is_read_with_its_positions(tmp_path, monkeypatch):
    row = {
        "id": CLASSIC_PROD,
        "name": "prod",
        "type": "Microsoft.ClassicNetwork/virtualNetworks",
        "addressSpace": {"addressPrefixes": ["10.0.0.00/16"]},
        "subnets": [],
    }
    text = json.dumps([row], indent=2)
    result = lint_files(tmp_path, monkeypatch, {"classic.json": text}, "MIG304", dedent=False)
    lines = text.split("\n")
    line = next(n for n, one in enumerate(lines, 1) if '"10.0.0.00/16"' in one)
    column = lines[line - 1].index('"10.0.0.00/16"') + 1
    assert where(result.findings) == [f"MIG304 classic.json:{line}:{column}"]


def test_a_flattened_peering_cut_short_by_convert_to_json_is_said(tmp_path, monkeypatch):
    """`Get-AzVirtualNetwork | ConvertTo-Json` without `-Depth`: the remote network is a string."""
    row = {
        "Name": "spoke",
        "Id": f"/subscriptions/{SUB}/resourceGroups/spoke-rg/providers/Microsoft.Network/virtualNetworks/spoke",
        "VirtualNetworkPeerings": [{"Name": "to-prod", "RemoteVirtualNetwork": f"@{{Id={CLASSIC_PROD}}}"}],
    }
    result = lint_files(tmp_path, monkeypatch, {"vnets.json": json.dumps([row], indent=2)}, dedent=False)
    assert [f.code for f in result.findings] == ["MIG001"]
    assert "'virtualNetworkPeerings.remoteVirtualNetwork' is written as" in result.findings[0].message


def test_an_az_module_type_name_is_a_value_cut_short(tmp_path, monkeypatch):
    """The Az modules' objects nested past `-Depth` are written as their .NET type names, as the classic
    module's are: `Get-AzVirtualNetwork | ConvertTo-Json` gives the peering's remote network as one. Such
    a file names nothing classic, so a folder walk passes it by; named, it is read."""
    row = {
        "Name": "spoke",
        "Id": f"/subscriptions/{SUB}/resourceGroups/spoke-rg/providers/Microsoft.Network/virtualNetworks/spoke",
        "Type": "Microsoft.Network/virtualNetworks",
        "VirtualNetworkPeerings": [
            {
                "Name": "to-prod",
                "RemoteVirtualNetwork": "Microsoft.Azure.Commands.Network.Models.PSResourceId",
            }
        ],
    }
    (tmp_path / "vnets.json").write_text(json.dumps([row], indent=2), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lint(["vnets.json"], Config(), RULES)
    assert [where(result.findings)] == [["MIG001 vnets.json:9:33"]]
    assert "'virtualNetworkPeerings.remoteVirtualNetwork' is written as" in result.findings[0].message


# --- rows without `properties` that hold nothing a reader reads (MIG001, as before the flattened shape) ----


def _projected(name: str, **columns: object) -> dict:
    """A classic VM of a Resource Graph projection without `properties`: its own columns and `columns`,
    values computed from its properties (`| project ..., status=properties.status, size=...`)."""
    return {
        "id": f"/subscriptions/{SUB}/resourceGroups/svc1/providers/Microsoft.ClassicCompute/virtualMachines/{name}",
        "name": name,
        "type": "microsoft.classiccompute/virtualmachines",
        "location": "westeurope",
        "resourceGroup": "svc1",
        "subscriptionId": SUB,
        **columns,
    }


def test_a_projection_of_computed_columns_is_not_checked(tmp_path, monkeypatch):
    """`size`, `status` and `powerState` are no property the VM's reader reads (`hardwareProfile`,
    `networkProfile`...): the rows say which VMs exist, and nothing of them is checked."""
    network = {
        "id": CLASSIC_PROD,
        "name": "prod",
        "type": "microsoft.classicnetwork/virtualnetworks",
        "subscriptionId": SUB,
        "addressPrefixes": ["10.0.0.0/16"],
        "subnetCount": 3,
    }
    rows = [_projected(n, status="ReadyRole", powerState="Started", size="Small") for n in ("vm1", "vm2")]
    files = {"graph.json": _graph(*rows, network)}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert where(result.findings) == ["MIG001 graph.json:4:5"]  # at the first row, as before
    message = result.findings[0].message
    assert "no `properties` column" in message
    assert "3 resources were not checked" in message
    [document] = result.documents
    assert all(type(r) is UncheckedResource for r in document.resources)


def test_az_resource_list_query_with_provisioning_state_is_not_checked(tmp_path, monkeypatch):
    """`az resource list --query "[].{..., provisioningState: provisioningState}"`: one more column than
    the resource's own, and none of its properties."""
    rows = [
        _projected(n, provisioningState="Succeeded", createdTime="2016-01-01T00:00:00Z")
        for n in ("web1", "web3")
    ]
    result = lint_files(tmp_path, monkeypatch, {"resources.json": json.dumps(rows, indent=2)}, dedent=False)
    assert where(result.findings) == ["MIG001 resources.json:2:3"]
    assert "2 resources were not checked" in result.findings[0].message


def test_a_flattened_row_is_read_for_a_property_its_reader_reads(tmp_path, monkeypatch):
    """A classic storage account's `accountType` at the row's top is read; the VM beside it, which writes
    none of its own, is the one resource not checked."""
    account = {
        "id": f"/subscriptions/{SUB}/resourceGroups/stor/providers/Microsoft.ClassicStorage/storageAccounts/st1",
        "name": "st1",
        "type": "microsoft.classicstorage/storageaccounts",
        "accountType": "Premium-LRS",
        "status": "Created",
    }
    text = json.dumps([account, _projected("vm1", status="ReadyRole")], indent=2)
    document = read_document("graph.json", text.encode(), explicit=True)
    assert document is not None
    [record, vm] = document.resources
    assert (type(vm), vm.name) == (UncheckedResource, "vm1")
    assert (type(record).__name__, record.name, record.account_type) == (
        "ClassicStorageAccount",
        "st1",
        "Premium-LRS",
    )
    assert document.problem is not None and "1 resource was not checked" in document.problem.message


def test_what_tells_a_flattened_row_is_what_each_reader_reads():
    """Derived from the readers themselves: every type read has properties that tell a flattened row."""
    from migcheck.readers.inventory_shapes import BUILDERS, READ_AT_TOP

    assert set(READ_AT_TOP) == set(BUILDERS)
    # A classic security group is read for its name alone: no list command writes one flattened.
    named_only = {"microsoft.classicnetwork/networksecuritygroups"}
    assert all(read for rtype, read in READ_AT_TOP.items() if rtype not in named_only)
    assert {"hardwareprofile", "networkprofile", "storageprofile"} <= READ_AT_TOP[
        "microsoft.classiccompute/virtualmachines"
    ]
    assert {"addressspace", "subnets"} <= READ_AT_TOP["microsoft.classicnetwork/virtualnetworks"]
    assert "virtualnetworkpeerings" in READ_AT_TOP["microsoft.network/virtualnetworks"]
    assert {"scope", "roledefinitionid"} <= READ_AT_TOP["microsoft.authorization/roleassignments"]
    assert "pricingtier" in READ_AT_TOP["microsoft.security/pricings"]
    assert (
        not {"size", "status", "provisioningstate"} & READ_AT_TOP["microsoft.classiccompute/virtualmachines"]
    )


# --- classic-only roles at broad scopes, with nothing classic among the files (MIG501) ----------------------


def _az_assignment(number: int, scope: str, role: str = CLASSIC_VM_CONTRIBUTOR, **names: str) -> dict:
    """A row of `az role assignment list --all -o json`."""
    guid = f"0000000{number}-1111-2222-3333-444455556666"
    return {
        "id": f"{scope.rstrip('/')}/providers/Microsoft.Authorization/roleAssignments/{guid}",
        "name": guid,
        "principalId": "5f6e7d8c-0000-1111-2222-333344445555",
        "principalType": "User",
        "roleDefinitionId": f"/subscriptions/{SUB}/providers/Microsoft.Authorization/roleDefinitions/{role}",
        "scope": scope,
        "type": "Microsoft.Authorization/roleAssignments",
        **names,
    }


CLASSIC_NETWORK_ROLE = "b34d265f-36f7-4a0d-a4d4-e158ca92e90f"
CLASSIC_VM_SCOPE = (
    f"/subscriptions/{SUB}/resourceGroups/svc1/providers/Microsoft.ClassicCompute/virtualMachines/vm1"
)


def _rbac(*rows: dict) -> dict[str, str]:
    return {"rbac.json": json.dumps(list(rows), indent=2)}


def test_classic_roles_at_broad_scopes_alone_are_silent(tmp_path, monkeypatch):
    """Nothing checked is classic: the export of the assignments is all there is, and nothing says that the
    subscription holds anything to migrate."""
    files = _rbac(
        _az_assignment(1, f"/subscriptions/{SUB}"),
        _az_assignment(2, f"/subscriptions/{SUB}/resourceGroups/rg1", CLASSIC_NETWORK_ROLE),
        _az_assignment(3, "/providers/Microsoft.Management/managementGroups/contoso-root"),
        _az_assignment(
            4, f"/subscriptions/{SUB}/resourceGroups/rg1/providers/Microsoft.Storage/storageAccounts/st"
        ),
    )
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert where(result.findings) == []


def test_an_assignment_on_a_classic_resource_names_one_of_its_subscription(tmp_path, monkeypatch):
    """The classic VM an assignment is scoped to is a classic resource of its subscription, named in the
    files: a classic role on that subscription is reported beside it, one on another subscription is not."""
    other_vm = CLASSIC_VM_SCOPE.replace(SUB, OTHER_SUB)
    files = _rbac(
        _az_assignment(1, f"/subscriptions/{SUB}"),
        _az_assignment(2, f"/subscriptions/{OTHER_SUB}"),
        _az_assignment(3, CLASSIC_VM_SCOPE),
    )
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    # The subscription's at its classic role, the VM's at its classic scope: what makes each a finding.
    roles, scopes = _values(files["rbac.json"], "roleDefinitionId"), _values(files["rbac.json"], "scope")
    assert where(result.findings) == [f"MIG501 rbac.json:{roles[0]}", f"MIG501 rbac.json:{scopes[2]}"]
    assert "on classic VM 'vm1'" in result.findings[1].message
    files = _rbac(_az_assignment(1, f"/subscriptions/{SUB}"), _az_assignment(2, other_vm))
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert where(result.findings) == [f"MIG501 rbac.json:{_values(files['rbac.json'], 'scope')[1]}"]


def test_classic_roles_at_broad_scopes_of_another_subscription_are_silent(tmp_path, monkeypatch):
    other = CLASSIC_VMS.replace(SUB, OTHER_SUB)
    files = {"classic.json": other, **_rbac(_az_assignment(1, f"/subscriptions/{SUB}"))}
    result = lint_files(tmp_path, monkeypatch, files, "MIG501", dedent=False)
    assert where(result.findings) == []


def test_classic_role_at_the_subscription_of_a_classic_storage_account(tmp_path, monkeypatch):
    """Any classic resource of the subscription: a storage account is enough."""
    account = {
        "id": f"/subscriptions/{SUB}/resourceGroups/stor/providers/Microsoft.ClassicStorage/storageAccounts/st1",
        "name": "st1",
        "type": "microsoft.classicstorage/storageaccounts",
        "subscriptionId": SUB,
        "properties": {"accountType": "Standard-GRS"},
    }
    files = {"storage.json": _graph(account), **_rbac(_az_assignment(1, f"/subscriptions/{SUB}"))}
    result = lint_files(tmp_path, monkeypatch, files, "MIG501", dedent=False)
    assert where(result.findings) == [
        f"MIG501 rbac.json:{_values(files['rbac.json'], 'roleDefinitionId')[0]}"
    ]


def test_classic_role_at_the_subscription_of_a_network_configuration_file(tmp_path, monkeypatch):
    """A classic file names no subscription: with no export naming one, the assignments' is the files'."""
    netcfg = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="prod" Location="West Europe">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="FrontEnd"><AddressPrefix>10.1.1.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
    files = {
        "network.netcfg": netcfg,
        **_rbac(
            _az_assignment(1, f"/subscriptions/{SUB}/resourceGroups/rg1", CLASSIC_NETWORK_ROLE),
            _az_assignment(2, "/providers/Microsoft.Management/managementGroups/contoso-root"),
        ),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG501", dedent=False)
    roles = _values(files["rbac.json"], "roleDefinitionId")
    assert where(result.findings) == [f"MIG501 rbac.json:{roles[0]}", f"MIG501 rbac.json:{roles[1]}"]


def test_the_principal_is_named_by_its_name_with_its_id(tmp_path, monkeypatch):
    """`az role assignment list` writes the principal's name (`principalName`); the message gives it."""
    files = {
        "classic.json": CLASSIC_VMS,
        **_rbac(
            _az_assignment(1, f"/subscriptions/{SUB}", principalName="ops@contoso.com"),
            _az_assignment(2, CLASSIC_VM_SCOPE, principalDisplayName="Ops team"),
        ),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG501", dedent=False)
    broad, on_vm = result.findings
    who = "User ops@contoso.com (5f6e7d8c-0000-1111-2222-333344445555)"
    assert f"is assigned to {who} on subscription {SUB}" in broad.message
    assert f"Assign {who} the role" in broad.fix
    assert "-ObjectId 5f6e7d8c-0000-1111-2222-333344445555 " in broad.fix
    assert "is assigned to User Ops team (5f6e7d8c-0000-1111-2222-333344445555) on classic" in on_vm.message
