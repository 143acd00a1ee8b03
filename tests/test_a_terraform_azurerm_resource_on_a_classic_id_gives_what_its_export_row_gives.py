"""Terraform's `azurerm` resources that reach into a classic one give the findings their export rows (and the
same resources in a deployment template) give, each at the classic id the configuration writes: a peering
with a classic network (MIG313), API Management (MIG319), an App Service Environment (MIG314), an HDInsight
cluster (MIG315) or Domain Services (MIG317) in a classic subnet, a metric or activity log alert (MIG502),
an autoscale setting (MIG503) or a role assignment (MIG501) on a classic resource, a classic-only role on a
subscription too. A configuration of such resources alone is read, and is not one that uses the classic API
(no MIG601). The same resources on Resource Manager ids are none of the migration's business."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

SUB = "/subscriptions/11111111-2222-3333-4444-555555555555"
VNET = f"{SUB}/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/virtualNetworks/vnet1"
VM = f"{SUB}/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines/web01"
ROLE = f"{SUB}/resourceGroups/shop/providers/Microsoft.ClassicCompute/domainNames/shop/slots/Production/roles/Web"
RM_VNET = f"{SUB}/resourceGroups/hub-rg/providers/Microsoft.Network/virtualNetworks/spoke"
RM_VM = f"{SUB}/resourceGroups/shop/providers/Microsoft.Compute/virtualMachines/web01"

PEERING = """\
resource "azurerm_virtual_network_peering" "hub_to_classic" {{
  name                      = "hub-to-classic"
  resource_group_name       = "hub-rg"
  virtual_network_name      = "hub-vnet"
  remote_virtual_network_id = "{vnet}"
}}
"""

API_MANAGEMENT = """\
resource "azurerm_api_management" "apim" {{
  name                 = "shop-apim"
  location             = "West Europe"
  resource_group_name  = "apim-rg"
  publisher_name       = "Shop"
  publisher_email      = "ops@example.com"
  sku_name             = "Developer_1"
  virtual_network_type = "External"

  virtual_network_configuration {{
    subnet_id = "{vnet}/subnets/apim"
  }}
}}
"""

APP_SERVICE_ENVIRONMENT = """\
resource "azurerm_app_service_environment_v3" "ase" {{
  name                = "shop-ase"
  resource_group_name = "ase-rg"
  subnet_id           = "{vnet}/subnets/ase"
}}
"""

HDINSIGHT = """\
resource "azurerm_hdinsight_spark_cluster" "spark" {{
  name                = "shop-spark"
  resource_group_name = "hdi-rg"
  location            = "West Europe"
  cluster_version     = "4.0"
  tier                = "Standard"

  roles {{
    head_node {{
      vm_size            = "Standard_D12_V2"
      username           = "hdiadmin"
      password           = "not-a-secret-1!"
      virtual_network_id = "{vnet}"
      subnet_id          = "{vnet}/subnets/hdi"
    }}
    worker_node {{
      vm_size               = "Standard_D13_V2"
      username              = "hdiadmin"
      password              = "not-a-secret-1!"
      target_instance_count = 3
      virtual_network_id    = "{vnet}"
      subnet_id             = "{vnet}/subnets/hdi"
    }}
  }}
}}
"""

DOMAIN_SERVICES = """\
resource "azurerm_active_directory_domain_service" "aadds" {{
  name                = "contoso-aadds"
  location            = "West Europe"
  resource_group_name = "aadds-rg"
  domain_name         = "contoso.com"
  sku                 = "Enterprise"

  initial_replica_set {{
    subnet_id = "{vnet}/subnets/aadds"
  }}
}}
"""

METRIC_ALERT = """\
resource "azurerm_monitor_metric_alert" "cpu" {{
  name                = "web01-cpu"
  resource_group_name = "mon-rg"
  scopes              = ["{vm}"]

  criteria {{
    metric_namespace = "Microsoft.ClassicCompute/virtualMachines"
    metric_name      = "Percentage CPU"
    aggregation      = "Average"
    operator         = "GreaterThan"
    threshold        = 80
  }}
}}
"""

ACTIVITY_LOG_ALERT = """\
resource "azurerm_monitor_activity_log_alert" "changes" {{
  name                = "web01-changes"
  resource_group_name = "mon-rg"
  location            = "global"
  scopes              = ["{sub}"]

  criteria {{
    category    = "Administrative"
    resource_id = "{vm}"
  }}
}}
"""

AUTOSCALE = """\
resource "azurerm_monitor_autoscale_setting" "web" {{
  name                = "shop-web-autoscale"
  resource_group_name = "mon-rg"
  location            = "West Europe"
  target_resource_id  = "{role}"

  profile {{
    name = "default"
    capacity {{
      default = 2
      minimum = 2
      maximum = 5
    }}
  }}
}}
"""

ROLE_ASSIGNMENT = """\
resource "azurerm_role_assignment" "ops" {{
  scope                = "{vm}"
  role_definition_name = "Virtual Machine Contributor"
  principal_id         = "00000000-0000-0000-0000-0000000000aa"
}}
"""

CLASSIC_ROLE = """\
resource "azurerm_role_assignment" "ops" {{
  scope                = "{sub}"
  role_definition_name = "Classic Virtual Machine Contributor"
  principal_id         = "00000000-0000-0000-0000-0000000000aa"
}}
"""

CASES = [
    (
        PEERING,
        "MIG313 main.tf:5:31",
        "peered with Resource Manager network 'hub-vnet' (peering 'hub-to-classic')",
    ),
    (
        API_MANAGEMENT,
        "MIG319 main.tf:11:17",
        "API Management service 'shop-apim' is in classic virtual network",
    ),
    (
        APP_SERVICE_ENVIRONMENT,
        "MIG314 main.tf:4:25",
        "'shop-ase' is created in classic virtual network 'vnet1'",
    ),
    (HDINSIGHT, "MIG315 main.tf:13:28", "'shop-spark' is in classic virtual network 'vnet1', subnet 'hdi'"),
    (
        DOMAIN_SERVICES,
        "MIG317 main.tf:9:17",
        "'contoso-aadds' is created in classic virtual network 'vnet1'",
    ),
    (METRIC_ALERT, "MIG502 main.tf:4:26", "metric alert 'web01-cpu' watches classic VM 'web01'"),
    (
        ACTIVITY_LOG_ALERT,
        "MIG502 main.tf:9:19",
        "activity log alert 'web01-changes' watches classic VM 'web01'",
    ),
    (AUTOSCALE, "MIG503 main.tf:5:25", "'shop-web-autoscale'"),
    (ROLE_ASSIGNMENT, "MIG501 main.tf:2:26", "on classic VM 'web01'"),
]
IDS = [
    "peering",
    "api management",
    "app service environment",
    "hdinsight",
    "domain services",
    "metric alert",
    "activity log alert",
    "autoscale",
    "role assignment",
]


def _configuration(template: str, *, classic: bool = True) -> str:
    return template.format(
        vnet=VNET if classic else RM_VNET,
        vm=VM if classic else RM_VM,
        role=ROLE if classic else RM_VM,
        sub=SUB if classic else f"{SUB}/resourceGroups/shop",
    )


@pytest.mark.parametrize(("template", "at", "said"), CASES, ids=IDS)
def test_an_azurerm_resource_on_a_classic_id_is_found_at_that_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, template: str, at: str, said: str
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"main.tf": _configuration(template)})
    assert where(result.findings) == [at]
    assert said in result.findings[0].message


@pytest.mark.parametrize("template", [case[0] for case in CASES], ids=IDS)
def test_the_same_resource_on_a_resource_manager_id_is_not_classic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, template: str
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"main.tf": _configuration(template, classic=False)})
    assert result.findings == []
    assert result.described == ()


def test_a_classic_role_on_a_subscription_that_holds_classic_resources_is_found_at_its_scope(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    configuration = _configuration(CLASSIC_ROLE) + "\n" + _configuration(METRIC_ALERT)
    result = lint_files(tmp_path, monkeypatch, {"main.tf": configuration})
    [found] = [f for f in result.findings if f.code == "MIG501"]
    assert where([found]) == ["MIG501 main.tf:3:26"]  # at the role, which is what is classic
    assert "Classic Virtual Machine Contributor" in found.message


VALUES = """\
variable "classic_vnet" {{
  default = "{vnet}"
}}
variable "vms" {{
  default = ["web01", "web02"]
}}

resource "azurerm_virtual_network_peering" "hub" {{
  name                      = "hub-to-classic"
  resource_group_name       = "hub-rg"
  virtual_network_name      = "hub-vnet"
  remote_virtual_network_id = var.classic_vnet
}}

resource "azurerm_monitor_metric_alert" "cpu" {{
  count               = 2
  name                = "${{var.vms[count.index]}}-cpu"
  resource_group_name = "mon-rg"
  scopes              = ["{sub}/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines/${{var.vms[count.index]}}"]
}}
"""


def test_the_ids_are_the_values_the_module_states_one_resource_per_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"main.tf": VALUES.format(vnet=VNET, sub=SUB)})
    assert where(result.findings) == ["MIG313 main.tf:12:31", "MIG502 main.tf:19:26", "MIG502 main.tf:19:26"]
    assert ["web01-cpu" in result.findings[1].message, "web02-cpu" in result.findings[2].message] == [
        True,
        True,
    ]


JSON_SYNTAX = """\
{{
  "resource": {{
    "azurerm_role_assignment": {{
      "ops": {{
        "scope": "{vm}",
        "role_definition_name": "Virtual Machine Contributor",
        "principal_id": "00000000-0000-0000-0000-0000000000aa"
      }}
    }}
  }}
}}
"""


def test_a_tf_json_file_writes_the_same_resource(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = lint_files(tmp_path, monkeypatch, {"main.tf.json": JSON_SYNTAX.format(vm=VM)})
    assert where(result.findings) == ["MIG501 main.tf.json:5:18"]
    assert "role 'Virtual Machine Contributor' is assigned to" in result.findings[0].message
