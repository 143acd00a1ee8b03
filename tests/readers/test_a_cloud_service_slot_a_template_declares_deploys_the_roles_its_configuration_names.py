"""A deployment slot an ARM template or a Bicep file declares (`Microsoft.ClassicCompute/domainNames/slots`,
nested in its cloud service, named `<service>/<slot>` beside it, or given `parent:`) is the deployment of a
service package in that slot: its `configuration`, the .cscfg written as a string, names the web and worker
roles (MIG101) and says where the deployment goes, as a REST Create Deployment body's does; a configuration
not stated is the package's roles as one stand-in. A declared `.../slots/roles` resource is a web or worker
role of its slot's deployment."""

from __future__ import annotations

import json

from lint_support import lint_files, where

from migcheck.model import Deployment, FileKind, Mark
from migcheck.readers import bicep, inventory

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
CSCFG = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<ServiceConfiguration serviceName="ShopPackage" '
    'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">'
    '<Role name="WebRole1"><Instances count="2" /></Role>'
    '<Role name="Worker"><Instances count="1" /></Role>'
    '<NetworkConfiguration><VirtualNetworkSite name="legacy-vnet" />'
    '<AddressAssignments><ReservedIPs><ReservedIP name="shop-ip" /></ReservedIPs></AddressAssignments>'
    "</NetworkConfiguration></ServiceConfiguration>"
)
NESTED = {
    "$schema": SCHEMA,
    "parameters": {"serviceName": {"type": "string", "defaultValue": "shop"}},
    "resources": [
        {
            "type": "Microsoft.ClassicCompute/domainNames",
            "apiVersion": "2016-04-01",
            "name": "[parameters('serviceName')]",
            "location": "West Europe",
            "resources": [
                {
                    "type": "slots",
                    "apiVersion": "2016-04-01",
                    "name": "production",
                    "properties": {"deploymentLabel": "v1", "configuration": CSCFG},
                }
            ],
        }
    ],
}


def _text(template: dict) -> str:
    return json.dumps(template, indent=2)


def _line(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def _deployments(path: str, text: str) -> list[Deployment]:
    reader = bicep if path.endswith(".bicep") else inventory
    document = reader.read(path, text.encode())
    assert document.kind is FileKind.INVENTORY and document.problem is None
    return [r for r in document.resources if isinstance(r, Deployment)]


def test_a_nested_slot_s_configuration_names_its_roles_and_where_it_goes():
    text = _text(NESTED)
    (deployment,) = _deployments("deploy/azuredeploy.json", text)
    at = _line(text, '"configuration"')
    assert (deployment.service_name, deployment.slot, deployment.package_service) == (
        "shop",
        "production",
        "ShopPackage",
    )
    assert [(r.name, r.instances, r.is_vm, r.mark.line) for r in deployment.roles] == [
        ("WebRole1", 2, False, at),
        ("Worker", 1, False, at),
    ]
    assert deployment.virtual_network is not None and deployment.virtual_network.name == "legacy-vnet"
    assert deployment.reserved_ip is not None and deployment.reserved_ip.name == "shop-ip"
    assert deployment.mark.line == _line(text, '"type": "slots"') - 1


def test_each_role_of_a_slot_s_configuration_is_mig101_at_its_role_element(tmp_path, monkeypatch):
    text = _text(NESTED)
    result = lint_files(tmp_path, monkeypatch, {"azuredeploy.json": text}, "MIG101", dedent=False)
    at = _line(text, '"configuration"')
    line_start = text.rfind("\n", 0, text.index('"configuration"')) + 1
    columns = [text.index(f'<Role name=\\"{name}\\"') - line_start + 1 for name in ("WebRole1", "Worker")]
    assert sorted(where(result.findings)) == sorted(f"MIG101 azuredeploy.json:{at}:{c}" for c in columns)
    assert "'WebRole1'" in result.findings[0].message
    assert "deployment slot" in result.findings[0].message


def test_a_slot_named_after_its_service_with_a_configuration_not_stated_is_one_stand_in(
    tmp_path, monkeypatch
):
    template = {
        "$schema": SCHEMA,
        "parameters": {"cscfg": {"type": "string"}},
        "resources": [
            {
                "type": "Microsoft.ClassicCompute/domainNames/slots",
                "apiVersion": "2016-04-01",
                "name": "shop/staging",
                "properties": {"configuration": "[parameters('cscfg')]"},
            }
        ],
    }
    text = _text(template)
    (deployment,) = _deployments("azuredeploy.json", text)
    start = _line(text, '"type": "Microsoft.ClassicCompute/domainNames/slots"') - 1
    assert (deployment.service_name, deployment.slot) == ("shop", "staging")
    assert [r.name for r in deployment.roles] == [f"<roles of the package, azuredeploy.json:{start}>"]
    assert not deployment.network_known
    result = lint_files(tmp_path, monkeypatch, {"azuredeploy.json": text}, "MIG101", dedent=False)
    assert len(result.findings) == 1


def test_a_declared_role_of_a_slot_is_a_web_or_worker_role(tmp_path, monkeypatch):
    template = {
        "$schema": SCHEMA,
        "resources": [
            {
                "type": "Microsoft.ClassicCompute/domainNames/slots/roles",
                "apiVersion": "2016-04-01",
                "name": "shop/production/Frontend",
                "properties": {},
            }
        ],
    }
    text = _text(template)
    (deployment,) = _deployments("azuredeploy.json", text)
    assert [(r.name, r.is_vm) for r in deployment.roles] == [("Frontend", False)]
    assert (deployment.service_name, deployment.slot) == ("shop", "production")
    result = lint_files(tmp_path, monkeypatch, {"azuredeploy.json": text}, "MIG101", dedent=False)
    assert where(result.findings) == [f"MIG101 azuredeploy.json:{_line(text, 'slots/roles') - 1}:5"]


BICEP = """\
param cscfg string = '<ServiceConfiguration serviceName="Shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration"><Role name="Web"><Instances count="3" /></Role></ServiceConfiguration>'
param stagingConfiguration string

resource svc 'Microsoft.ClassicCompute/domainNames@2016-04-01' = {
  name: 'shop'
  location: 'westeurope'
}

resource prod 'Microsoft.ClassicCompute/domainNames/slots@2016-04-01' = {
  parent: svc
  name: 'production'
  properties: {
    configuration: cscfg
  }
}

resource staging 'Microsoft.ClassicCompute/domainNames/slots@2016-04-01' = {
  parent: svc
  name: 'staging'
  properties: {
    configuration: stagingConfiguration
  }
  resource worker 'roles' = {
    name: 'Worker'
  }
}
"""


def test_a_bicep_file_s_slots_and_their_roles_are_deployments():
    production, staging = sorted(_deployments("infra/main.bicep", BICEP), key=lambda d: d.slot)
    assert (production.service_name, production.slot) == ("shop", "production")
    assert [(r.name, r.instances, r.mark) for r in production.roles] == [
        ("Web", 3, Mark("infra/main.bicep", _line(BICEP, "configuration: cscfg"), column=20))
    ]
    # The role declared under the slot stands for the package's roles its configuration does not state.
    assert (staging.service_name, staging.slot) == ("shop", "staging")
    assert [(r.name, r.mark.line) for r in staging.roles] == [("Worker", _line(BICEP, "resource worker"))]


def test_a_bicep_file_s_slot_roles_are_mig101(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.bicep": BICEP}, "MIG101", dedent=False)
    assert sorted(where(result.findings)) == sorted(
        [
            f"MIG101 main.bicep:{_line(BICEP, 'configuration: cscfg')}:20",
            f"MIG101 main.bicep:{_line(BICEP, 'resource worker')}:3",
        ]
    )


LOADING = """\
resource svc 'Microsoft.ClassicCompute/domainNames@2016-04-01' = {
  name: 'shop'
  location: 'westeurope'
}

resource prod 'Microsoft.ClassicCompute/domainNames/slots@2016-04-01' = {
  parent: svc
  name: 'production'
  properties: {
    configuration: loadTextContent('pkg/ServiceConfiguration.Cloud.cscfg')
  }
}
"""
PACKAGE_CSCFG = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="ShopPackage" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="WebRole1">
    <Instances count="2" />
  </Role>
</ServiceConfiguration>
"""
PACKAGE_CSDEF = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceDefinition name="ShopPackage" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="WebRole1" vmsize="Small" />
</ServiceDefinition>
"""


def test_a_configuration_a_bicep_slot_loads_is_its_project_s_deployed_under_the_slot_s_service(
    tmp_path, monkeypatch
):
    # The project's roles are reported once, where its definition defines them, as the cloud service the
    # Bicep file names: the package's own name is the project's.
    files = {
        "main.bicep": LOADING,
        "pkg/ServiceConfiguration.Cloud.cscfg": PACKAGE_CSCFG,
        "pkg/ServiceDefinition.csdef": PACKAGE_CSDEF,
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG101", dedent=False)
    assert where(result.findings) == ["MIG101 pkg/ServiceDefinition.csdef:3:3"]
    assert "cloud service 'shop'" in result.findings[0].message


def test_a_configuration_a_bicep_slot_loads_without_its_definition_is_mig101_at_the_file(
    tmp_path, monkeypatch
):
    files = {"main.bicep": LOADING, "pkg/ServiceConfiguration.Cloud.cscfg": PACKAGE_CSCFG}
    result = lint_files(tmp_path, monkeypatch, files, "MIG101", dedent=False)
    assert where(result.findings) == ["MIG101 pkg/ServiceConfiguration.Cloud.cscfg:3:3"]
    assert "main.bicep:10" in result.findings[0].message


def test_a_configuration_a_bicep_slot_loads_from_a_file_not_checked_names_that_file():
    (deployment,) = _deployments("main.bicep", LOADING)
    assert deployment.configuration_file == "pkg/ServiceConfiguration.Cloud.cscfg"
    assert [r.name for r in deployment.roles] == ["<roles of the package, main.bicep:6>"]


def test_the_slots_of_a_loop_read_their_one_configuration_once(monkeypatch):
    from migcheck.readers import template_slots

    read: list[str] = []
    real = template_slots.configuration_of

    def counted(data: bytes, at: Mark, *placed):
        read.append(at.path)
        return real(data, at, *placed)

    monkeypatch.setattr(template_slots, "configuration_of", counted)
    template = {
        "$schema": SCHEMA,
        "variables": {"cscfg": CSCFG},
        "resources": [
            {
                "type": "Microsoft.ClassicCompute/domainNames/slots",
                "apiVersion": "2016-04-01",
                "name": "[concat('shop', copyIndex(), '/production')]",
                "copy": {"name": "services", "count": 3},
                "properties": {"configuration": "[variables('cscfg')]"},
            }
        ],
    }
    deployments = _deployments("azuredeploy.json", _text(template))
    assert [d.service_name for d in deployments] == ["shop0", "shop1", "shop2"]
    assert all([r.name for r in d.roles] == ["WebRole1", "Worker"] for d in deployments)
    assert read == ["azuredeploy.json"]


def test_a_slot_whose_name_is_not_stated_is_of_a_cloud_service_not_stated():
    template = {
        "$schema": SCHEMA,
        "parameters": {"prefix": {"type": "string"}},
        "resources": [
            {
                "type": "Microsoft.ClassicCompute/domainNames/slots",
                "apiVersion": "2016-04-01",
                "name": "[concat(parameters('prefix'), '-svc/staging')]",
                "properties": {"configuration": CSCFG},
            }
        ],
    }
    text = _text(template)
    (deployment,) = _deployments("azuredeploy.json", text)
    at = _line(text, '"name": "[concat(')
    assert deployment.service_name == (
        f"<cloud service name, …-svc/staging (… from parameter 'prefix'), azuredeploy.json:{at}:15>"
    )
    assert deployment.slot == ""
    assert [r.name for r in deployment.roles] == ["WebRole1", "Worker"]
