"""An ARM template's `Microsoft.Resources/deployments` that links a template by its path (`templateLink.
relativePath`, or a `uri` of no scheme) was not followed, and the linked template read alone made its classic
resources of values not stated. The linked template is now read with the `parameters` the deployment passes
(evaluated in the linking template), each resource reported once, where the linked template declares it; the
linked template read alone says nothing more when a template of the run links it (the linking template's
reading wins), and is no inventory export either. One linked by an address (the network), by a path not
checked, or that links a template linking it, is said not read (`template-file-not-read`) at the deployment; one
of the repository the run does not check is said so (`template-file-not-checked`)."""

from __future__ import annotations

import json

from lint_support import RULES, lint_files, where

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.inventory_model import ClassicVm
from migcheck.model import TEMPLATE_FILE_NOT_CHECKED, TEMPLATE_FILE_NOT_READ
from migcheck.readers import inventory
from migcheck.report.unread import in_documents

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"


def _deployment(name: str, link: dict, parameters: dict | None = None, **more: object) -> dict:
    properties: dict = {"mode": "Incremental", "templateLink": link}
    if parameters is not None:
        properties["parameters"] = {key: {"value": value} for key, value in parameters.items()}
    return {
        "type": "Microsoft.Resources/deployments",
        "apiVersion": "2022-09-01",
        "name": name,
        **more,
        "properties": properties,
    }


def _template(resources: list[dict], parameters: dict | None = None) -> str:
    template = {"$schema": SCHEMA, "contentVersion": "1.0.0.0", "parameters": parameters or {}}
    return json.dumps({**template, "resources": resources}, indent=2) + "\n"


MAIN = _template(
    [
        _deployment(
            "web", {"relativePath": "nested/vm.json"}, {"vmName": "[concat(parameters('env'), '-web')]"}
        ),
        _deployment("api", {"uri": "nested/vm.json"}, {"vmName": "api", "size": "Large"}),
        _deployment(
            "off",
            {"relativePath": "nested/vm.json"},
            {"vmName": "test-only"},
            condition="[equals(parameters('env'), 'test')]",
        ),
    ],
    {"env": {"type": "string", "defaultValue": "prod"}},
)

VM = _template(
    [
        {
            "type": "Microsoft.ClassicCompute/virtualMachines",
            "apiVersion": "2017-04-01",
            "name": "[parameters('vmName')]",
            "location": "westeurope",
            "properties": {
                "domainName": {"name": "[concat(parameters('vmName'), '-svc')]"},
                "hardwareProfile": {"size": "[parameters('size')]"},
            },
        }
    ],
    {"vmName": {"type": "string"}, "size": {"type": "string", "defaultValue": "Small"}},
)


def _vms(result) -> list[tuple[str, str, str, int]]:
    found = [r for document in result.documents for r in document.resources if isinstance(r, ClassicVm)]
    return sorted((vm.service, vm.role.size, vm.mark.path, vm.mark.line) for vm in found)


def _unread(result) -> list[tuple[str, int, int, str]]:
    return [(p.path, m.line, m.column, m.tag) for p in in_documents(result.documents) for m in p.marks]


def test_each_deployment_reads_the_linked_template_with_the_parameters_it_passes(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"azuredeploy.json": MAIN, "nested/vm.json": VM})
    assert _vms(result) == [
        ("api-svc", "Large", "nested/vm.json", 14),
        ("prod-web-svc", "Small", "nested/vm.json", 14),
    ]
    assert where(f for f in result.findings if f.code in ("MIG601", "MIG002")) == [
        "MIG601 nested/vm.json:14:5"
    ]
    assert not any("<value of parameter" in f.message for f in result.findings)
    assert _unread(result) == []


def test_a_linked_template_no_template_links_keeps_its_own_reading(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"nested/vm.json": VM})
    ((service, size, path, line),) = _vms(result)
    assert "vmName" in service and (size, path, line) == ("Small", "nested/vm.json", 14)


REMOTE_AND_MISSING = _template(
    [
        _deployment("remote", {"uri": "https://example.com/templates/vm.json"}),
        _deployment("gone", {"relativePath": "nested/gone.json"}),
        _deployment("unstated", {"relativePath": "[parameters('where')]"}),
    ],
    {"where": {"type": "string"}},
)


def test_a_template_linked_by_an_address_or_not_checked_is_said_not_read(tmp_path, monkeypatch):
    classic = json.loads(REMOTE_AND_MISSING)
    classic["resources"].append(json.loads(VM)["resources"][0])
    result = lint_files(tmp_path, monkeypatch, {"azuredeploy.json": json.dumps(classic, indent=2)})
    assert _unread(result) == [
        ("azuredeploy.json", 10, 5, TEMPLATE_FILE_NOT_READ),
        ("azuredeploy.json", 21, 5, TEMPLATE_FILE_NOT_CHECKED),
        ("azuredeploy.json", 32, 5, TEMPLATE_FILE_NOT_READ),
    ]


def test_a_template_of_nothing_classic_says_only_the_templates_of_the_repository_not_checked(
    tmp_path, monkeypatch
):
    result = lint_files(tmp_path, monkeypatch, {"azuredeploy.json": REMOTE_AND_MISSING})
    assert _unread(result) == [("azuredeploy.json", 21, 5, TEMPLATE_FILE_NOT_CHECKED)]
    assert result.findings == []


def test_a_linked_template_outside_the_folder_checked_is_said_not_read(tmp_path, monkeypatch):
    main = _template([_deployment("web", {"relativePath": "../../shared/vm.json"}, {"vmName": "web"})])
    lint_files(tmp_path, monkeypatch, {"envs/prod/azuredeploy.json": main, "shared/vm.json": VM})
    monkeypatch.chdir(tmp_path / "envs" / "prod")
    result = lint(["."], Config(), RULES)
    assert _unread(result) == [("azuredeploy.json", 6, 5, TEMPLATE_FILE_NOT_CHECKED)]
    assert _vms(result) == []


def test_a_template_read_alone_follows_no_link():
    assert inventory.read("azuredeploy.json", MAIN.encode()).resources == ()


def test_the_json_files_looked_through_for_links_are_not_read_as_files_of_the_template(tmp_path, monkeypatch):
    vm = VM.replace(
        '"vmName": {\n      "type": "string"\n    }', '"vmName": {"type": "string", "defaultValue": "x"}'
    )
    files = {"vm.json": vm, "package.json": '{"name": "build"}\n', "main.json": MAIN.replace("nested/", "")}
    result = lint_files(tmp_path, monkeypatch, files)
    assert sorted({f.mark.path for f in result.findings if f.mark}) == ["vm.json"]
    assert [d.path for d in result.documents if d.path == "package.json" and d.settings_files] == []
    assert "package.json" not in {p for d in result.documents for p in d.settings_files}


VM_WITH_OUTPUT = (
    VM.rstrip().removesuffix("}")
    + ',\n  "outputs": {"vmName": {"type": "string", "value": "[parameters(\'vmName\')]"}}\n}\n'
)


def test_a_linked_template_s_output_is_the_value_reference_gives_the_linking_template(tmp_path, monkeypatch):
    api = "[concat(reference('web').outputs.vmName.value, '-api')]"
    again = "[reference(resourceId('Microsoft.Resources/deployments', 'web')).outputs.vmName.value]"
    main = _template(
        [
            _deployment("web", {"relativePath": "vm.json"}, {"vmName": "shop"}),
            _deployment("api", {"relativePath": "vm.json"}, {"vmName": api}),
            _deployment("again", {"relativePath": "vm.json"}, {"vmName": again, "size": "Large"}),
            # An output of the parameter passed of that output: not known, and no endless reading.
            _deployment(
                "self", {"relativePath": "vm.json"}, {"vmName": "[reference('self').outputs.vmName.value]"}
            ),
        ]
    )
    result = lint_files(tmp_path, monkeypatch, {"main.json": main, "vm.json": VM_WITH_OUTPUT})
    services = [service for service, _, _, _ in _vms(result)]
    assert services[1:] == ["shop-api-svc", "shop-svc", "shop-svc"]
    assert services[0].startswith("<")


def test_two_templates_that_link_each_other_are_each_read_and_said_not_read_where_the_cycle_closes(
    tmp_path, monkeypatch
):
    one = json.loads(
        VM.replace('"type": "string"\n    },', '"type": "string", "defaultValue": "one"\n    },')
    )
    one["resources"].append(_deployment("two", {"relativePath": "two.json"}))
    two = _template([_deployment("one", {"relativePath": "one.json"})])
    result = lint_files(tmp_path, monkeypatch, {"one.json": json.dumps(one, indent=2), "two.json": two})
    assert sorted(path for path, _, _, tag in _unread(result) if tag == TEMPLATE_FILE_NOT_READ) == [
        "one.json",
        "two.json",
    ]
    assert {service for service, _, _, _ in _vms(result)} == {"one-svc"}
