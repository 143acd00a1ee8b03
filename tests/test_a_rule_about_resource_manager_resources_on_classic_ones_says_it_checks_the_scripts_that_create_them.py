"""A script, Makefile, Dockerfile, CI step, Ansible task or Terraform configuration that creates a Resource
Manager resource reaching into a classic one (a role assignment, alert or autoscale setting on a classic VM,
an API Management service or HDInsight cluster in a classic subnet, a peering to a classic network) gets the
finding an export of it gets; the tables of what each reader produces left those records out, so `migcheck rule
MIG501` (and MIG314 to MIG319, MIG502, MIG503) said "checks: inventory exports, ARM templates, Bicep, declarations (.toml)" alone and gave no suppression comment
for scripts. A Terraform configuration's network security groups and rules were left out alike. Lifecycle
Services (MIG316) is known from a declaration only, and says so."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest
from lint_support import lint_files, run_cli

from migcheck.formats import FORMATS
from migcheck.produced import PRODUCES

SUBSCRIPTION = "/subscriptions/00000000-0000-0000-0000-000000000001"
VM = f"{SUBSCRIPTION}/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines/web01"
VNET = f"{SUBSCRIPTION}/resourceGroups/net/providers/Microsoft.ClassicNetwork/virtualNetworks/vnet1"
ASSIGN = f'az role assignment create --assignee a@b.c --role Reader --scope "{VM}"'

FILES = {
    "rbac.ps1": f'New-AzRoleAssignment -SignInName a@b.c -RoleDefinitionName Reader -Scope "{VM}"\n',
    "alert.ps1": (
        "$c = New-AzMetricAlertRuleV2Criteria -MetricName 'Percentage CPU' -TimeAggregation Average "
        "-Operator GreaterThan -Threshold 90\n"
        "Add-AzMetricAlertRuleV2 -Name cpu -ResourceGroupName shop -WindowSize 00:05:00 -Frequency 00:01:00 "
        f'-TargetResourceId "{VM}" -Condition $c -Severity 3\n'
    ),
    "hdi.ps1": (
        "New-AzHDInsightCluster -ResourceGroupName rg -ClusterName hdi1 -Location 'West Europe' -ClusterType "
        f'Hadoop -ClusterSizeInNodes 2 -HttpCredential $cred -VirtualNetworkId "{VNET}" -SubnetName '
        f'"{VNET}/subnets/web"\n'
    ),
    "rbac.sh": ASSIGN + "\n",
    "autoscale.sh": f'az monitor autoscale create -g shop --resource "{VM}" --min-count 1 --max-count 3 --count 1\n',
    "apim.py": (
        "from azure.identity import DefaultAzureCredential\n"
        "from azure.mgmt.apimanagement import ApiManagementClient\n"
        'client = ApiManagementClient(DefaultAzureCredential(), "00000000-0000-0000-0000-000000000001")\n'
        'client.api_management_service.begin_create_or_update("rg", "apim1", {"location": "westeurope", '
        '"sku": {"name": "Developer", "capacity": 1}, "publisher_email": "a@b.c", "publisher_name": "x", '
        '"virtual_network_type": "External", "virtual_network_configuration": {"subnet_resource_id": '
        f'"{VNET}/subnets/web"}}}})\n'
    ),
    "Makefile": f"rbac:\n\t{ASSIGN}\n",
    "Dockerfile": f"FROM mcr.microsoft.com/azure-cli\nRUN {ASSIGN}\n",
    ".github/workflows/rbac.yml": (
        f"on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: {ASSIGN}\n"
    ),
    "main.tf": (
        'resource "azurerm_role_assignment" "r" {\n'
        f'  scope                = "{VM}"\n'
        '  role_definition_name = "Reader"\n'
        '  principal_id         = "22222222-2222-2222-2222-222222222222"\n'
        "}\n"
        'resource "azure_security_group" "web" {\n'
        '  name     = "web"\n'
        '  location = "West Europe"\n'
        "}\n"
        'resource "azure_security_group_rule" "deny" {\n'
        '  name                       = "deny-out"\n'
        '  security_group_names       = ["${azure_security_group.web.name}"]\n'
        '  type                       = "Outbound"\n'
        '  action                     = "Deny"\n'
        "  priority                   = 200\n"
        '  source_address_prefix      = "*"\n'
        '  source_port_range          = "*"\n'
        '  destination_address_prefix = "Internet"\n'
        '  destination_port_range     = "*"\n'
        '  protocol                   = "*"\n'
        "}\n"
    ),
}


def _module(path: str) -> str:
    """The reader module of the file at `path`, by its extension or name."""
    name = PurePosixPath(path).name.lower()
    if path.startswith(".github/"):
        return "migcheck.readers.ansible"  # a workflow is YAML, read by the same module as a playbook
    [module] = [f.module for f in FORMATS if not f.xml and (name.endswith(f.suffixes) or name in f.suffixes)]
    return module


def test_every_record_these_files_give_is_of_a_type_their_reader_s_entry_names(tmp_path, monkeypatch):
    documents = lint_files(tmp_path, monkeypatch, FILES, dedent=False).documents
    assert {d.path for d in documents} >= set(FILES)
    unlisted = {
        (d.path, type(r).__name__)
        for d in documents
        for r in d.resources
        if type(r) not in PRODUCES[_module(d.path)]
    }
    assert not unlisted


@pytest.mark.parametrize(
    "code", ["MIG314", "MIG315", "MIG317", "MIG318", "MIG319", "MIG501", "MIG502", "MIG503"]
)
def test_the_rule_says_it_checks_scripts_and_how_to_suppress_it_there(capsys, code):
    _, out, _ = run_cli(capsys, "rule", code)
    # .toml declarations declare services in a network, peerings and Application Gateways, never the
    # alerts and autoscale settings of MIG501-503.
    declared = "" if code.startswith("MIG50") else ", declarations (.toml)"
    assert (
        "checks: PowerShell scripts, Python scripts, shell scripts, Makefiles, Dockerfiles, CI pipelines, Ansible,"
        f" Terraform, inventory exports, ARM templates, Bicep{declared}\n" in out
    )
    assert f"`# migcheck: ignore[{code}] reason` in PowerShell, shell and Python scripts" in out


def test_lifecycle_services_known_from_a_declaration_only_says_it_checks_the_inventory_alone(capsys):
    _, out, _ = run_cli(capsys, "rule", "MIG316")
    assert "checks: inventory exports, ARM templates, Bicep, declarations (.toml)\n" in out
