"""An ARM JSON deployment template's resources of the classic types are read into the records the same types
give as rows of an inventory export, at each resource's object: top-level resources, a resource's own
`resources`, inline nested deployments' templates, copy loops as far as counted, values worked out from
parameters' defaults, variables, `concat`, `format`, `resourceId` and `copyIndex`; anything else a stand-in
that says where it is written. Hostile templates stay linear and never raise."""

from __future__ import annotations

import json

from growth import assert_linear

from migcheck.inventory_model import (
    ClassicNetwork,
    ClassicNetworkSecurityGroup,
    ClassicReservedIp,
    ClassicStorageAccount,
    ClassicVm,
)
from migcheck.model import FileKind, Mark, Script
from migcheck.readers import inventory

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"


def _read(template: dict | str, path: str = "deploy/azuredeploy.json"):
    text = template if isinstance(template, str) else json.dumps({"$schema": SCHEMA, **template}, indent=2)
    data = text.encode()
    assert inventory.sniff(data)
    document = inventory.read(path, data)
    assert document.kind is FileKind.INVENTORY and document.problem is None
    return document.resources


def _of(records, kind) -> list:
    return [r for r in records if isinstance(r, kind)]


VM = {
    "type": "Microsoft.ClassicCompute/virtualMachines",
    "apiVersion": "2017-04-01",
    "name": "[parameters('vmName')]",
    "location": "[parameters('location')]",
    "properties": {
        "domainName": {"id": "[resourceId('Microsoft.ClassicCompute/domainNames', variables('service'))]"},
        "hardwareProfile": {"size": "Small", "platformGuestAgent": True},
        "networkProfile": {
            "virtualNetwork": {
                "id": "[resourceId('Microsoft.ClassicNetwork/virtualNetworks', parameters('vnetName'))]",
                "subnetNames": "[variables('subnets')]",
            },
            "inputEndpoints": [
                {"endpointName": "http", "publicPort": 80, "privatePort": 80, "protocol": "tcp"}
            ],
        },
        "storageProfile": {
            "operatingSystemDisk": {
                "diskName": "os",
                "vhdUri": "[concat('https://', parameters('account'), '.blob.core.windows.net/vhds/web/os.vhd')]",
            }
        },
    },
    "resources": [
        {
            "type": "extensions",
            "apiVersion": "2017-04-01",
            "name": "BGInfo",
            "properties": {"extension": "BGInfo", "publisher": "Microsoft.Compute", "version": "1.*"},
        }
    ],
}
EVERY_TYPE = {
    "parameters": {
        "vmName": {"type": "string", "defaultValue": "web01"},
        "location": {"type": "string", "defaultValue": "West Europe"},
        "vnetName": {"type": "string"},
        "account": {"type": "string", "defaultValue": "contosodisks"},
    },
    "variables": {"service": "[concat(parameters('vmName'), '-svc')]", "subnets": ["front", "back"]},
    "resources": [
        {
            "type": "Microsoft.ClassicStorage/storageAccounts",
            "apiVersion": "2016-11-01",
            "name": "[parameters('account')]",
            "location": "[parameters('location')]",
            "properties": {"accountType": "Premium-LRS"},
        },
        {
            "type": "Microsoft.ClassicNetwork/virtualNetworks",
            "apiVersion": "2016-11-01",
            "name": "[parameters('vnetName')]",
            "location": "[parameters('location')]",
            "properties": {
                "addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
                "subnets": [
                    {"name": "front", "addressPrefix": "10.0.0.0/24"},
                    {"name": "back", "addressPrefix": "10.0.1.0/24"},
                ],
            },
        },
        {
            "type": "Microsoft.ClassicNetwork/reservedIps",
            "apiVersion": "2016-11-01",
            "name": "web-vip",
            "location": "[parameters('location')]",
            "properties": {},
        },
        {
            "type": "Microsoft.ClassicNetwork/networkSecurityGroups",
            "apiVersion": "2016-11-01",
            "name": "web-nsg",
            "location": "[parameters('location')]",
            "properties": {},
        },
        {
            "type": "Microsoft.ClassicCompute/domainNames",
            "apiVersion": "2016-11-01",
            "name": "[variables('service')]",
            "location": "[parameters('location')]",
            "properties": {},
        },
        VM,
    ],
}


def test_every_classic_type_is_read_into_the_records_its_rows_give():
    records = _read(EVERY_TYPE)
    (account,) = _of(records, ClassicStorageAccount)
    assert (account.name, account.account_type, account.mark) == (
        "contosodisks",
        "Premium-LRS",
        Mark("deploy/azuredeploy.json", 28, column=5),
    )
    (network,) = _of(records, ClassicNetwork)
    # A parameter given no default is one stand-in wherever it is used, marked at its declaration.
    stand_in = "<value of parameter 'vnetName', azuredeploy.json:12:5>"
    assert network.name == stand_in
    assert [s.name for s in network.network.subnets] == ["front", "back"]
    (vip,) = _of(records, ClassicReservedIp)
    assert vip.name == "web-vip"
    (nsg,) = _of(records, ClassicNetworkSecurityGroup)
    assert nsg.name == "web-nsg"
    (vm,) = _of(records, ClassicVm)
    assert (vm.name, vm.service, vm.virtual_network) == ("web01", "web01-svc", stand_in)
    assert [s.name for s in vm.role.subnets] == ["front", "back"]
    assert [d.media_link for d in vm.role.disks] == [
        "https://contosodisks.blob.core.windows.net/vhds/web/os.vhd"
    ]
    assert [e.name for e in vm.role.endpoints] == ["http"]
    # The VM's child extension is one of its extensions, marked at the child resource.
    (extension,) = vm.role.extensions
    assert (extension.publisher, extension.name, extension.version) == ("Microsoft.Compute", "BGInfo", "1.*")
    assert extension.mark.line > vm.mark.line
    (script,) = _of(records, Script)
    assert script.called == "ARM template 'azuredeploy.json'"
    assert script.mark == account.mark  # the first classic resource
    assert script.declared_types == (
        "Microsoft.ClassicStorage/storageAccounts",
        "Microsoft.ClassicNetwork/virtualNetworks",
        "Microsoft.ClassicNetwork/reservedIps",
        "Microsoft.ClassicNetwork/networkSecurityGroups",
        "Microsoft.ClassicCompute/domainNames",
        "Microsoft.ClassicCompute/virtualMachines",
    )


def test_a_value_the_template_does_not_state_is_a_stand_in_where_it_is_written():
    template = {
        "resources": [
            {
                "type": "Microsoft.ClassicStorage/storageAccounts",
                "name": "[concat('disks', uniqueString(resourceGroup().id))]",
                "properties": {"accountType": "Standard-GRS"},
            }
        ]
    }
    (account,) = _of(_read(template), ClassicStorageAccount)
    assert account.name == "<storage account name, disks…, azuredeploy.json:6:15>"


def test_copy_loops_are_one_resource_per_item_as_far_as_counted():
    vm = {
        "type": "Microsoft.ClassicCompute/virtualMachines",
        "name": "[format('web{0:00}', copyIndex(1))]",
        "copy": {"name": "vms", "count": "[parameters('count')]"},
        "properties": {
            "hardwareProfile": {"size": "Small"},
            "storageProfile": {
                "dataDisks": [],
                "copy": [{"name": "dataDisks", "count": 2, "input": {"lun": "[copyIndex('dataDisks')]"}}],
            },
        },
    }
    counted = {"parameters": {"count": {"type": "int", "defaultValue": 3}}, "resources": [vm]}
    assert [r.name for r in _of(_read(counted), ClassicVm)] == ["web01", "web02", "web03"]
    uncounted = {"parameters": {"count": {"type": "int"}}, "resources": [vm]}
    (one,) = _of(_read(uncounted), ClassicVm)
    assert one.name == "<VM name, the index of a copy loop, azuredeploy.json:11:15>"
    beyond = {"parameters": {"count": {"type": "int", "defaultValue": 100000}}, "resources": [vm]}
    assert len(_of(_read(beyond), ClassicVm)) == 1


def test_nested_deployments_read_their_templates_in_the_outer_or_their_own_scope():
    def deployment(scope: str) -> dict:
        return {
            "type": "Microsoft.Resources/deployments",
            "name": f"{scope}-scope",
            "properties": {
                "mode": "Incremental",
                "expressionEvaluationOptions": {"scope": scope},
                "parameters": {"name": {"value": "[concat(parameters('name'), '-inner')]"}},
                "template": {
                    "$schema": SCHEMA,
                    "parameters": {"name": {"type": "string", "defaultValue": "own"}},
                    "resources": [
                        {
                            "type": "Microsoft.ClassicStorage/storageAccounts",
                            "name": "[parameters('name')]",
                            "properties": {"accountType": "Standard-LRS"},
                        }
                    ],
                },
            },
        }

    template = {
        "parameters": {"name": {"type": "string", "defaultValue": "outer"}},
        "resources": [deployment("outer"), deployment("inner")],
    }
    assert [a.name for a in _of(_read(template), ClassicStorageAccount)] == ["outer", "outer-inner"]


def test_symbolic_resources_of_language_version_2():
    template = {
        "languageVersion": "2.0",
        "resources": {
            "disks": {
                "type": "Microsoft.ClassicStorage/storageAccounts",
                "name": "disks",
                "properties": {"accountType": "Standard-LRS"},
            }
        },
    }
    assert [a.name for a in _of(_read(template), ClassicStorageAccount)] == ["disks"]


def test_a_child_declared_at_the_top_is_its_parent_s_and_literals_are_literal():
    template = {
        "resources": [
            {
                "type": "Microsoft.ClassicCompute/virtualMachines",
                "name": "web",
                "properties": {"hardwareProfile": {"size": "Small"}},
            },
            {
                "type": "Microsoft.ClassicCompute/virtualMachines/extensions",
                "name": "web/snapshot",
                "properties": {
                    "extension": "[[VMSnapshot",
                    "publisher": "Microsoft.Azure.Security",
                    "version": "1.*",
                },
            },
        ]
    }
    (vm,) = _of(_read(template), ClassicVm)
    assert [(e.name, e.publisher) for e in vm.role.extensions] == [
        ("[VMSnapshot", "Microsoft.Azure.Security")
    ]


# --- hostile templates ---------------------------------------------------------------------------------


def test_cyclic_and_self_doubling_variables_are_not_known_and_cost_little():
    doubling = {f"v{i}": f"[concat(variables('v{i + 1}'), variables('v{i + 1}'))]" for i in range(60)}
    doubling["v60"] = "x" * 100
    template = {
        "variables": {"a": "[variables('b')]", "b": "[concat('x', variables('a'))]", **doubling},
        "resources": [
            {
                "type": "Microsoft.ClassicStorage/storageAccounts",
                "name": "[variables('a')]",
                "properties": {"accountType": "[variables('v0')]"},
            }
        ],
    }
    records = _read(template)
    assert _of(records, Script)  # read, and said
    (account,) = _of(records, ClassicStorageAccount)
    assert account.name.startswith("<storage account name, ")  # not known: stand-ins
    assert account.account_type.startswith("<account type, ")


def test_deep_nesting_and_broken_expressions_never_raise():
    deep = {
        "type": "Microsoft.Resources/deployments",
        "name": "d",
        "properties": {"template": {"resources": []}},
    }
    inner = deep
    for _ in range(100):
        nested = {
            "type": "Microsoft.Resources/deployments",
            "name": "d",
            "properties": {"template": {"resources": []}},
        }
        inner["properties"]["template"]["resources"].append(nested)
        inner = nested
    inner["properties"]["template"]["resources"].append(
        {
            "type": "Microsoft.ClassicStorage/storageAccounts",
            "name": "deep",
            "properties": {"accountType": "x"},
        }
    )
    assert [a.name for a in _of(_read({"resources": [deep]}), ClassicStorageAccount)] == ["deep"]
    for expression in (
        "[concat(",
        "[parameters('x'",
        "['unterminated]",
        "[" + "concat(" * 500 + "]",
        "[a.b.c()]",
    ):
        template = {
            "resources": [
                {"type": "Microsoft.ClassicStorage/storageAccounts", "name": expression, "properties": {}}
            ]
        }
        assert _of(_read(template), Script)
    text = '{"$schema": "' + SCHEMA + '", "resources": [' + "[" * 5000 + "]" * 5000 + "]}"
    assert inventory.read("t.json", text.encode()) is not None  # too deep to read: said, not raised


def test_a_template_of_copy_loops_is_read_in_linear_time():
    def make(n: int):
        resources = [
            {
                "type": "Microsoft.ClassicCompute/virtualMachines",
                "name": f"[concat('vm{i}-', copyIndex())]",
                "copy": {"name": f"l{i}", "count": 800},
                "properties": {"hardwareProfile": {"size": "[variables('size')]"}, "padding": ["x"] * 20},
            }
            for i in range(n)
        ]
        text = json.dumps({"$schema": SCHEMA, "variables": {"size": "Small"}, "resources": resources})

        def work() -> None:
            inventory.read("t.json", text.encode())

        return work

    assert_linear(make, 40)


def test_comments_resource_manager_allows_are_read_as_white_space():
    text = (
        '{\n  "$schema": "' + SCHEMA + '", // the schema\n'
        "  /* the estate,\n     one account */\n"
        '  "resources": [{"type": "Microsoft.ClassicStorage/storageAccounts", "name": "a//b/*c*/",\n'
        '    "properties": {"accountType": "Standard-LRS"}}]\n}\n'
    )
    (account,) = _of(_read(text), ClassicStorageAccount)
    assert (account.name, account.mark.line, account.mark.column) == ("a//b/*c*/", 5, 17)


def test_a_template_of_many_comments_and_strings_is_read_in_linear_time():
    def make(n: int):
        items = ", ".join('"x/y" /* c */ // d\n' for _ in range(n))
        text = '{"$schema": "' + SCHEMA + '", "variables": {"v": [' + items + "]}, "
        text += '"resources": [{"type": "Microsoft.ClassicStorage/storageAccounts", "name": "a", "properties": {}}]}'
        data = text.encode()

        def work() -> None:
            assert inventory.sniff(data)

        return work

    assert_linear(make, 20000)
