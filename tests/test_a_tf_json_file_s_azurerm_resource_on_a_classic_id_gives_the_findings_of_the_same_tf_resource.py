"""Every `azurerm` resource type the Terraform reader reads on a classic id (`terraform_azurerm.READ`) gives
the same findings written in Terraform's JSON syntax (`.tf.json`) as in a `.tf` file, each at the argument
that writes the classic id in its own file: the nested blocks that carry the id in JSON (`"roles":
{"head_node": {...}}`, `"virtual_network_configuration"`, `"initial_replica_set"`, `"criteria"`,
`"profile": {"rule": {"metric_trigger": {...}}}`) are read as blocks, as the `.tf` file's are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import lint_files, where

from migcheck.readers import terraform_azurerm

SUB = "/subscriptions/11111111-2222-3333-4444-555555555555"
VNET = f"{SUB}/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/virtualNetworks/vnet1"
VM = f"{SUB}/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines/web01"
ROLE = f"{SUB}/resourceGroups/shop/providers/Microsoft.ClassicCompute/domainNames/shop/slots/Production/roles/Web"
STORAGE = f"{SUB}/resourceGroups/shop/providers/Microsoft.ClassicStorage/storageAccounts/orders"

HDINSIGHT = {
    "name": "shop-hdi",
    "resource_group_name": "hdi-rg",
    "roles": {
        "head_node": {
            "vm_size": "Standard_D12_V2",
            "virtual_network_id": VNET,
            "subnet_id": f"{VNET}/subnets/hdi",
        }
    },
}
AUTOSCALE = {
    "name": "worker-scale",
    "resource_group_name": "mon-rg",
    "target_resource_id": f"{SUB}/resourceGroups/shop/providers/Microsoft.Compute/virtualMachineScaleSets/w",
    "profile": {
        "name": "default",
        "rule": {"metric_trigger": {"metric_name": "ApproximateMessageCount", "metric_resource_id": STORAGE}},
    },
}

# By resource type: its arguments and nested blocks (a dict is a block), and the classic id it is on.
CASES: dict[str, tuple[dict, str]] = {
    "azurerm_virtual_network_peering": (
        {"name": "hub-to-classic", "virtual_network_name": "hub-vnet", "remote_virtual_network_id": VNET},
        VNET,
    ),
    "azurerm_api_management": (
        {
            "name": "shop-apim",
            "virtual_network_type": "External",
            "virtual_network_configuration": {"subnet_id": f"{VNET}/subnets/apim"},
        },
        f"{VNET}/subnets/apim",
    ),
    "azurerm_app_service_environment": ({"name": "shop-ase", "subnet_id": f"{VNET}/subnets/ase"}, VNET),
    "azurerm_app_service_environment_v3": ({"name": "shop-ase", "subnet_id": f"{VNET}/subnets/ase"}, VNET),
    **{
        f"azurerm_hdinsight_{kind}_cluster": (HDINSIGHT, VNET)
        for kind in (
            "hadoop",
            "hbase",
            "interactive_query",
            "kafka",
            "spark",
            "storm",
            "ml_services",
            "rserver",
        )
    },
    "azurerm_active_directory_domain_service": (
        {"name": "contoso-aadds", "initial_replica_set": {"subnet_id": f"{VNET}/subnets/aadds"}},
        VNET,
    ),
    "azurerm_active_directory_domain_service_replica_set": (
        {
            "domain_service_id": f"{SUB}/resourceGroups/aadds-rg/providers/Microsoft.AAD/domainServices/contoso",
            "subnet_id": f"{VNET}/subnets/aadds",
        },
        f"{VNET}/subnets/aadds",
    ),
    "azurerm_monitor_metric_alert": (
        {"name": "web01-cpu", "scopes": [VM], "criteria": {"metric_name": "Percentage CPU"}},
        VM,
    ),
    "azurerm_monitor_activity_log_alert": (
        {
            "name": "web01-changes",
            "scopes": [SUB],
            "criteria": {"category": "Administrative", "resource_id": VM},
        },
        VM,
    ),
    "azurerm_monitor_autoscale_setting": (AUTOSCALE, STORAGE),
    "azurerm_autoscale_setting": (AUTOSCALE, STORAGE),
    "azurerm_role_assignment": (
        {
            "scope": VM,
            "role_definition_name": "Reader",
            "principal_id": "00000000-0000-0000-0000-0000000000aa",
        },
        VM,
    ),
}


def _hcl(body: dict, indent: str = "  ") -> str:
    """`body` as the arguments and nested blocks of a `.tf` block."""
    lines = []
    for key, value in body.items():
        if isinstance(value, dict):
            lines += [f"{indent}{key} {{", _hcl(value, indent + "  "), f"{indent}}}"]
        else:
            lines.append(f"{indent}{key} = {json.dumps(value)}")
    return "\n".join(lines)


def _tf(resource_type: str, body: dict) -> str:
    return f'resource "{resource_type}" "this" {{\n{_hcl(body)}\n}}\n'


def _tf_json(resource_type: str, body: dict) -> str:
    return json.dumps({"resource": {resource_type: {"this": body}}}, indent=2) + "\n"


def _first(text: str, value: str) -> str:
    """`line:column` of the first character of the first `value` in `text`."""
    before = text[: text.index(value)]
    return f"{before.count(chr(10)) + 1}:{len(before) - before.rfind(chr(10))}"


# Read types that carry no classic id: the subscription's Defender plan, whose MIG207 is about the classic VMs
# of other files (its `.tf.json` case is with the rule's tests).
NO_CLASSIC_ID = {"azurerm_security_center_subscription_pricing"}


def test_the_cases_are_every_type_the_reader_reads() -> None:
    assert set(CASES) == set(terraform_azurerm.READ) - NO_CLASSIC_ID


@pytest.mark.parametrize("resource_type", sorted(CASES))
def test_the_json_syntax_gives_the_same_findings_at_the_same_argument(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, resource_type: str
) -> None:
    body, classic = CASES[resource_type]
    files = {"main.tf": _tf(resource_type, body), "main.tf.json": _tf_json(resource_type, body)}
    found = {  # each syntax read alone: one resource described twice is one resource of the estate
        name: [
            f
            for f in lint_files(tmp_path / name, monkeypatch, {name: text}, dedent=False).findings
            if f.code != "MIG601"
        ]
        for name, text in files.items()
    }
    assert found["main.tf"], resource_type
    assert [(f.code, f.message) for f in found["main.tf.json"]] == [
        (f.code, f.message) for f in found["main.tf"]
    ]
    for name, findings in found.items():
        quoted = '"' + classic  # a finding on a quoted value starts at its opening quote
        assert where(findings) == [f"{f.code} {name}:{_first(files[name], quoted)}" for f in findings]
