"""Terraform's `azapi` provider declares a resource of a deployment template by its `type` (before `@`, the
API version after it), `name`, `parent_id`, `location` and `body` (an HCL object, or `jsonencode` of one in
azapi 1.x), which holds the template resource's `properties`: read as the template reader reads that
resource, so every template rule holds in Terraform too, each finding at the value the `.tf` file writes.
Cloud Services (extended support) (MIG101), a classic VM (MIG401, MIG601), a Resource Manager peering with a
classic network (MIG313), a role assignment whose `parent_id` is a classic VM (MIG501), an alert on one
(MIG502); and `azapi_update_resource`, which changes the resource of its `resource_id`. A walk finds such a
file; one of types the rules do not read says nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from growth import assert_linear
from lint_support import lint_files, where

from migcheck.readers import terraform

SUB = "/subscriptions/11111111-2222-3333-4444-555555555555"
VNET = f"{SUB}/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/virtualNetworks/vnet1"
VM = f"{SUB}/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines/web01"

CLOUD_SERVICE = """\
resource "azapi_resource" "cs" {
  type      = "Microsoft.Compute/cloudServices@2022-04-04"
  name      = "shop"
  location  = "westeurope"
  parent_id = azurerm_resource_group.rg.id
  body = {
    properties = {
      packageUrl  = "https://acct.blob.core.windows.net/pkg/shop.cspkg"
      roleProfile = { roles = [{ name = "Web", sku = { name = "Standard_D1_v2", capacity = 2 } }] }
    }
  }
}
"""

VM_DISK = (
    '{ operatingSystemDisk = { diskName = "web01-os", operatingSystem = "Windows", '
    'vhdUri = "https://acct.blob.core.windows.net/vhds/sub/web01.vhd" } }'
)
CLASSIC_VM = f"""\
resource "azapi_resource" "web01" {{
  type      = "Microsoft.ClassicCompute/virtualMachines@2017-04-01"
  name      = "web01"
  location  = "westeurope"
  parent_id = "{SUB}/resourceGroups/shop"
  body = {{
    properties = {{
      hardwareProfile = {{ size = "Small", deploymentName = "shop" }}
      storageProfile  = {VM_DISK}
      networkProfile  = {{ virtualNetwork = {{ name = "vnet1", subnetNames = ["web"] }} }}
    }}
  }}
}}
"""
# azapi 1.x: the body is JSON text.
CLASSIC_VM_JSON = CLASSIC_VM.replace("body = {", "body = jsonencode({").replace("  }\n}\n", "  })\n}\n")

PEERING = f"""\
resource "azapi_resource" "hub_to_classic" {{
  type      = "Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2023-09-01"
  name      = "hub-to-classic"
  parent_id = "{SUB}/resourceGroups/hub-rg/providers/Microsoft.Network/virtualNetworks/hub-vnet"
  body = {{
    properties = {{
      remoteVirtualNetwork = {{ id = "{VNET}" }}
      allowVirtualNetworkAccess = true
    }}
  }}
}}
"""

ROLE_ASSIGNMENT = f"""\
resource "azapi_resource" "vm_operator" {{
  type      = "Microsoft.Authorization/roleAssignments@2022-04-01"
  name      = "8f9a6c1e-0000-4000-8000-000000000001"
  parent_id = "{VM}"
  body = {{
    properties = {{
      roleDefinitionId = "{SUB}/providers/Microsoft.Authorization/roleDefinitions/9980e02c-c2be-4d73-94e8-173b1dc7cf3c"
      principalId      = "00000000-0000-0000-0000-00000000abcd"
    }}
  }}
}}
"""

METRIC_ALERT = f"""\
resource "azapi_resource" "cpu" {{
  type      = "Microsoft.Insights/metricAlerts@2018-03-01"
  name      = "web01-cpu"
  location  = "global"
  parent_id = "{SUB}/resourceGroups/mon-rg"
  body = {{
    properties = {{
      enabled = true
      scopes  = ["{VM}"]
    }}
  }}
}}
"""

UPDATE = f"""\
resource "azapi_update_resource" "web01" {{
  type        = "Microsoft.ClassicCompute/virtualMachines@2017-04-01"
  resource_id = "{VM}"
  body = {{
    properties = {{
      storageProfile = {VM_DISK}
    }}
  }}
}}
"""

STORAGE = f"""\
resource "azapi_resource" "account" {{
  type      = "Microsoft.Storage/storageAccounts@2023-01-01"
  name      = "shopdata"
  parent_id = "{SUB}/resourceGroups/shop"
  body = {{ kind = "StorageV2", sku = {{ name = "Standard_LRS" }} }}
}}
"""


def test_a_cloud_service_of_extended_support_is_said_at_its_type_with_its_dates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"main.tf": CLOUD_SERVICE})
    assert where(result.findings) == ["MIG101 main.tf:2:15"]
    message = result.findings[0].message
    assert "cloud service 'shop'" in message
    assert "2025-03-31" in message and "2027-03-31" in message
    assert "azapi_resource" in message


@pytest.mark.parametrize("configuration", [CLASSIC_VM, CLASSIC_VM_JSON], ids=["object", "jsonencode"])
def test_a_classic_vm_s_disk_is_found_at_the_blob_the_body_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, configuration: str
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"main.tf": configuration})
    disk_at = configuration.splitlines()[8].index('"https://') + 1
    assert where(result.findings) == ["MIG601 main.tf:1:1", f"MIG401 main.tf:9:{disk_at}"]
    assert "VM 'web01'" in result.findings[1].message
    assert "Microsoft.ClassicCompute/virtualMachines" in result.findings[0].message


@pytest.mark.parametrize(
    ("configuration", "found"),
    [
        (PEERING, "MIG313 main.tf:7:37"),
        (ROLE_ASSIGNMENT, "MIG501 main.tf:4:15"),
        (METRIC_ALERT, "MIG502 main.tf:9:18"),
    ],
    ids=["peering", "role-assignment", "metric-alert"],
)
def test_a_resource_manager_resource_reaching_into_a_classic_one_is_found_at_that_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, configuration: str, found: str
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"main.tf": configuration})
    assert where(result.findings) == [found]


def test_an_update_of_a_classic_vm_by_its_id_is_read_as_that_vm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"main.tf": UPDATE})
    codes = [f.code for f in result.findings]
    assert "MIG401" in codes
    assert "VM 'web01'" in next(f.message for f in result.findings if f.code == "MIG401")


def test_a_resource_of_a_type_the_rules_do_not_read_says_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"main.tf": STORAGE})
    assert result.findings == []
    assert result.described == ()


@pytest.mark.parametrize("configuration", [CLOUD_SERVICE, CLASSIC_VM, PEERING, UPDATE])
def test_a_walk_finds_the_file(configuration: str) -> None:
    assert terraform.sniff(configuration.encode())


def test_a_walk_passes_over_a_file_of_other_azapi_types() -> None:
    assert not terraform.sniff(STORAGE.encode())


SEVERAL = f"""\
locals {{
  vm_body = {{
    properties = {{
      storageProfile = {VM_DISK}
      networkProfile = {{ virtualNetwork = {{ name = "vnet1", subnetNames = ["web"] }} }}
    }}
  }}
}}
resource "azapi_resource" "web01" {{
  type      = "Microsoft.ClassicCompute/virtualMachines@2017-04-01"
  name      = "web01"
  parent_id = "{SUB}/resourceGroups/shop"
  body      = local.vm_body
}}
resource "azapi_resource" "slot" {{
  type      = "Microsoft.ClassicCompute/domainNames/slots@2016-11-01"
  name      = "Production"
  parent_id = "{SUB}/resourceGroups/shop/providers/Microsoft.ClassicCompute/domainNames/shop"
  body      = {{ properties = {{ deploymentLabel = "v1" }} }}
}}
resource "azapi_resource" "defender" {{
  type      = "Microsoft.Security/pricings@2023-01-01"
  name      = "VirtualMachines"
  parent_id = "{SUB}"
  body      = {{ properties = {{ pricingTier = "Standard" }} }}
}}
"""


def test_a_body_a_local_holds_is_marked_where_the_resource_uses_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"main.tf": SEVERAL}, "MIG401")
    assert where(result.findings) == ["MIG401 main.tf:13:15"]


def test_a_child_is_named_after_the_parents_its_parent_id_names_and_the_file_is_one_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"main.tf": SEVERAL}, "MIG601", "MIG207")
    assert where(result.findings) == ["MIG601 main.tf:9:1", "MIG207 main.tf:21:1"]
    assert "'Production' slot of classic cloud service 'shop'" in result.findings[0].message
    assert "Defender for Cloud plan 'VirtualMachines'" in result.findings[1].message


JSON_SYNTAX = f"""\
{{
  "resource": {{
    "azapi_resource": {{
      "web01": {{
        "type": "Microsoft.ClassicCompute/virtualMachines@2017-04-01",
        "name": "web01",
        "parent_id": "{SUB}/resourceGroups/shop",
        "body": {{
          "properties": {{
            "storageProfile": {{ "operatingSystemDisk": {{ "diskName": "os", "vhdUri": "https://acct.blob.core.windows.net/vhds/sub/web01.vhd" }} }},
            "networkProfile": {{ "virtualNetwork": {{ "name": "vnet1", "subnetNames": ["web"] }} }}
          }}
        }}
      }}
    }}
  }}
}}
"""


def test_a_tf_json_file_writes_the_same_resource(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = lint_files(tmp_path, monkeypatch, {"main.tf.json": JSON_SYNTAX}, "MIG401")
    disk_at = JSON_SYNTAX.splitlines()[9].index('"https://') + 1
    assert where(result.findings) == [f"MIG401 main.tf.json:10:{disk_at}"]


HEREDOC = f"""\
resource "azapi_resource" "web01" {{
  type      = "Microsoft.ClassicCompute/virtualMachines@2017-04-01"
  name      = "web01"
  parent_id = "{SUB}/resourceGroups/shop"
  body      = <<-EOT
    {{
      "properties": {{
        "storageProfile": {{ "operatingSystemDisk": {{ "diskName": "os", "vhdUri": "https://acct.blob.core.windows.net/vhds/sub/web01.vhd" }} }},
        "networkProfile": {{ "virtualNetwork": {{ "name": "vnet1", "subnetNames": ["web"] }} }}
      }}
    }}
  EOT
}}
"""


def test_a_body_of_json_text_is_read_and_found_at_that_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"main.tf": HEREDOC}, "MIG401")
    assert where(result.findings) == ["MIG401 main.tf:5:15"]


def _doubling(n: int) -> str:
    """A body of locals each holding the one before twice over: 2^n values, written in n lines."""
    locals_written = [f"  l0 = {{ properties = {{ storageProfile = {VM_DISK} }} }}"]
    locals_written += [f"  l{i} = {{ a = local.l{i - 1}, b = local.l{i - 1} }}" for i in range(1, n)]
    return (
        "locals {\n" + "\n".join(locals_written) + "\n}\n"
        'resource "azapi_resource" "vm" {\n'
        '  type = "Microsoft.ClassicCompute/virtualMachines@2017-04-01"\n'
        '  name = "web01"\n'
        f"  body = local.l{n - 1}\n"
        "}\n"
    )


def test_a_body_of_locals_each_holding_the_one_before_twice_costs_no_more_than_its_text() -> None:
    assert_linear(lambda n: lambda: terraform.read("main.tf", _doubling(n).encode()), 9)
