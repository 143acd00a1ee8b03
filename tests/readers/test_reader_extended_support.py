"""Evidence of Cloud Services (extended support): deployment templates that declare a resource of type
`Microsoft.Compute/cloudServices`, read by the inventory reader, and `New-AzCloudService` in an Az
PowerShell script, read by the PowerShell reader. Any other template stays silent, and telling costs a
byte search for nearly every `.json` file."""

from __future__ import annotations

import json

import pytest
from growth import assert_linear

from migcheck.model import ExtendedSupportService, FileKind, Mark
from migcheck.readers import inventory, powershell, read_document

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
TEMPLATE = """\
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {"cloudServiceName": {"type": "string", "metadata": {"description": "a cloudServices name"}}},
  "resources": [
    {"type": "Microsoft.Storage/storageAccounts", "name": "data", "properties": {}},
    {
      "name": "[parameters('cloudServiceName')]",
      "properties": {"packageUrl": "[parameters('packageSasUri')]"},
      "type": "Microsoft.Compute/cloudServices",
      "resources": [{"type": "microsoft.compute/CLOUDSERVICES", "name": "[[literal]"}]
    },
    {
      "properties": {"mode": "Incremental", "template": {"resources": [
        {"type": "Microsoft.Compute/cloudServices", "name": "nested"}
      ]}},
      "type": "Microsoft.Resources/deployments",
      "name": "inner"
    },
    {
      "type": "Microsoft.App/containerApps",
      "name": "app",
      "properties": {"template": {"resources": [{"type": "Microsoft.Compute/cloudServices", "name": "no"}]}}
    }
  ]
}
"""


def _records(document) -> list[tuple[str, int, int]]:
    return [(r.name, r.mark.line, r.mark.column) for r in document.resources]


def test_a_template_s_cloud_services_are_records_at_their_type():
    data = TEMPLATE.encode()
    assert inventory.sniff(data)
    document = inventory.read("t.json", data)
    assert document.kind is FileKind.INVENTORY and document.problem is None
    assert _records(document) == [
        ("[parameters('cloudServiceName')]", 10, 15),
        ("[[literal]", 11, 30),  # a resource's own resources
        ("nested", 15, 18),  # an inline nested deployment's template; not a container app's
    ]
    assert [r.literal_name for r in document.resources] == ["", "[literal]", "nested"]
    assert document.resources[0].via == "declares it as a Microsoft.Compute/cloudServices resource"


def test_symbolic_resources_of_language_version_2_and_utf16_text():
    text = json.dumps(
        {
            "$schema": SCHEMA,
            "languageVersion": "2.0",
            "resources": {"shop": {"type": "Microsoft.Compute/cloudServices", "name": "shop"}},
        }
    )
    for data in (text.encode(), text.encode("utf-16")):
        assert inventory.sniff(data)
        assert _records(inventory.read("t.json", data)) == [("shop", 1, 153)]


@pytest.mark.parametrize(
    "text",
    [
        json.dumps(
            {"$schema": SCHEMA, "resources": [{"type": "Microsoft.Storage/storageAccounts", "name": "x"}]}
        ),
        # cloud services only named in strings: a parameter, an output, a dependency
        json.dumps(
            {
                "$schema": SCHEMA,
                "parameters": {"cloudServices": {"type": "array"}},
                "resources": [{"type": "Microsoft.Network/publicIPAddresses", "name": "cloudServicesIp"}],
                "outputs": {"id": {"value": "[resourceId('Microsoft.Compute/cloudServices', 'shop')]"}},
            }
        ),
        # a parameters file, and a schema that is not a deployment template's
        json.dumps(
            {
                "$schema": SCHEMA.replace("deploymentTemplate", "deploymentParameters"),
                "parameters": {"cloudServiceName": {"value": "Microsoft.Compute/cloudServices"}},
            }
        ),
        json.dumps({"$schema": "x", "resources": [{"type": "Microsoft.Compute/cloudServices", "name": "s"}]}),
        # a template that does not parse
        '{"$schema": "' + SCHEMA + '", "resources": [{"type": "Microsoft.Compute/cloudServices", "name": ',
    ],
    ids=["storage", "strings", "parameters", "other-schema", "broken"],
)
def test_any_other_json_is_silent_in_a_walk(text: str):
    assert not inventory.sniff(text.encode())
    assert read_document("t.json", text.encode(), explicit=False) is None


def test_a_template_named_on_the_command_line_without_cloud_services_is_read_as_before():
    text = json.dumps({"$schema": SCHEMA, "resources": [{"type": "Microsoft.Storage/storageAccounts"}]})
    document = read_document("t.json", text.encode(), explicit=True)
    assert document is not None and document.problem is not None
    assert document.problem.message.startswith("not an inventory export")


def test_the_sniff_parses_nothing_that_names_no_template_and_no_cloud_service(monkeypatch):
    def refused(*args: object) -> None:
        raise AssertionError("parsed a file the byte search rules out")

    monkeypatch.setattr(inventory, "_template", refused)
    for text in (
        json.dumps({"$schema": SCHEMA, "resources": [{"type": "Microsoft.Web/sites", "name": "x"}]}),
        json.dumps([{"type": "Microsoft.Compute/cloudServices", "name": "an export row"}]),
        '{"compilerOptions": {"strict": true}}',
    ):
        inventory.sniff(text.encode())


def test_a_template_is_read_in_linear_time():
    def make(n: int):
        resources = [
            {
                "type": "Microsoft.Resources/deployments",
                "name": f"d{i}",
                "properties": {
                    "template": {
                        "resources": [
                            {
                                "type": "Microsoft.Compute/cloudServices",
                                "name": f"s{i}",
                                "properties": {"x": [1] * 20},
                            },
                        ]
                    }
                },
            }
            for i in range(n)
        ]
        data = json.dumps({"$schema": SCHEMA, "resources": resources}, indent=1).encode()

        def work() -> None:
            assert inventory.sniff(data)
            assert len(inventory.read("t.json", data).resources) == n

        return work

    assert_linear(make, 2000)


# --- New-AzCloudService ---------------------------------------------------------------------------------------


def _evidence(script: str, path: str = "deploy/create.ps1") -> list[ExtendedSupportService]:
    data = script.encode()
    assert powershell.sniff(data)
    document = powershell.read(path, data)
    assert document.problem is None
    return [r for r in document.resources if isinstance(r, ExtendedSupportService)]


def test_new_azcloudservice_names_its_service_and_its_package():
    (record,) = _evidence(
        'New-AzCloudService -Name "shop" -ResourceGroupName rg -Location westeurope `\n'
        "    -ConfigurationFile ..\\pkg\\ServiceConfiguration.Cloud.cscfg -DefinitionFile ../pkg/x.csdef\n"
    )
    assert record == ExtendedSupportService(
        "shop",
        Mark("deploy/create.ps1", 1, column=1),
        "creates it with New-AzCloudService",
        "pkg/ServiceConfiguration.Cloud.cscfg",
    )


def test_new_azcloudservice_binds_aliases_and_abbreviations_and_states_what_it_knows():
    # `-Defi`: `-Def` would be ambiguous (DefinitionFile or DefaultProfile), and binds neither
    (aliased,) = _evidence("new-azcloudservice -CloudServiceName shop -Defi pkg/ServiceDefinition.csdef")
    assert (aliased.name, aliased.package) == ("shop", "deploy/pkg/ServiceDefinition.csdef")
    (unknown,) = _evidence(
        "param($name, $cscfg)\nNew-AzCloudService -Name $name -ConfigurationFile $cscfg -PackageFile p.cspkg"
    )
    assert (unknown.name, unknown.package) == ("", "")
    (absolute,) = _evidence('New-AzCloudService -Name "shop" -ConfigurationFile "C:\\build\\x.cscfg"')
    assert absolute.package == ""


def test_new_azcloudservice_beside_classic_calls_and_in_a_function_run_twice():
    script = (
        "function Publish($slot) { New-AzCloudService -Name shop -ResourceGroupName rg }\n"
        "Publish a\nPublish b\n"
        'Get-AzureService -ServiceName "legacy" | Remove-AzureService -Force\n'
    )
    data = script.encode()
    document = powershell.read("deploy.ps1", data)
    kinds = [type(r).__name__ for r in document.resources]
    assert kinds.count("ExtendedSupportService") == 1 and "Script" in kinds


def test_a_script_with_neither_is_not_read_in_a_walk():
    assert not powershell.sniff(b"New-AzWebApp -Name shop -ResourceGroupName rg\n")
