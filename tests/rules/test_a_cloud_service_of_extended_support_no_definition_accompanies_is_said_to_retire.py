"""A cloud service a template or a script deploys as Cloud Services (extended support), with no service
definition (.csdef) of it among the files checked (a Bicep module library, a deployment script kept apart
from the project): MIG101 says once, as a warning, at the evidence, that it runs on a platform that was
deprecated and retires, and what to rebuild it on. It is not a classic resource: the summary counts no file
as describing one for it, and the plan gains no step."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from growth import assert_linear
from lint_support import lint_files, where

from migcheck.estate import _extended_support
from migcheck.model import ExtendedSupportService, Mark
from migcheck.plan import build_plan
from migcheck.report.readiness import ScopeKind, readiness
from migcheck.report.text import render, summary

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"

BICEP = """\
param location string = resourceGroup().location
param packageSasUri string
param configurationSasUri string

resource cloudService 'Microsoft.Compute/cloudServices@2022-09-04' = {
  name: 'shop'
  location: location
  properties: {
    packageUrl: packageSasUri
    configurationUrl: configurationSasUri
  }
}
"""
BICEPPARAM = "using './main.bicep'\n"

ARM = json.dumps(
    {
        "$schema": SCHEMA,
        "contentVersion": "1.0.0.0",
        "parameters": {"cloudServiceName": {"type": "string"}, "packageSasUri": {"type": "securestring"}},
        "resources": [
            {
                "type": "Microsoft.Compute/cloudServices",
                "apiVersion": "2022-09-04",
                "name": "[parameters('cloudServiceName')]",
                "location": "[resourceGroup().location]",
                "properties": {"packageUrl": "[parameters('packageSasUri')]"},
            }
        ],
    },
    indent=2,
)

POWERSHELL = """\
$role = New-AzCloudServiceRoleProfilePropertiesObject -Name "Web" -SkuName "Standard_D1_v2" -SkuTier "Standard" -SkuCapacity 2
New-AzCloudService -Name "shop" -ResourceGroupName "shop-rg" -Location "West Europe" `
    -PackageUrl $packageUrl -ConfigurationUrl $configurationUrl -RoleProfile @{ Role = @($role) }
"""

SHELL = """\
#!/bin/bash
az cloud-service create -g shop-rg -n shop --roles Web:Standard_D1_v2:2:Standard \\
  --package-url "$PKG" --configuration-url "$CFG"
"""

WORKFLOW = """\
name: deploy
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: azure/login@v2
        with:
          creds: ${{ secrets.AZURE_CREDENTIALS }}
      - run: |
          az cloud-service create -g shop-rg -n shop --package-url "$PKG" --configuration-url "$CFG"
"""

PYTHON = """\
from azure.identity import DefaultAzureCredential
from azure.mgmt.compute import ComputeManagementClient

client = ComputeManagementClient(DefaultAzureCredential(), "subscription-id")
client.cloud_services.begin_create_or_update("shop-rg", "shop", {"location": "westeurope"}).result()
"""

PROFILE = """\
<?xml version="1.0" encoding="utf-8"?>
<Project ToolsVersion="4.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup>
    <AzureRMCloudServiceV2Name>shop</AzureRMCloudServiceV2Name>
    <AzureResourceGroup>shop-rg</AzureResourceGroup>
    <AzureServiceConfiguration>Cloud</AzureServiceConfiguration>
  </PropertyGroup>
</Project>
"""

PROJECT = """\
<?xml version="1.0" encoding="utf-8"?>
<Project ToolsVersion="15.0" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup>
    <Name>Shop</Name>
    <ARMDeployment>True</ARMDeployment>
  </PropertyGroup>
  <ItemGroup>
    <ServiceDefinition Include="ServiceDefinition.csdef" />
  </ItemGroup>
</Project>
"""

# Each way a file deploys a service as Cloud Services (extended support), with where MIG101 says so: the
# resource's `type`, the command, the property that says it.
CASES = {
    "bicep": ({"infra/main.bicep": BICEP, "infra/main.bicepparam": BICEPPARAM}, "infra/main.bicep:5", "shop"),
    "arm": ({"infra/azuredeploy.json": ARM}, "infra/azuredeploy.json:14", ""),
    "powershell": ({"deploy/create.ps1": POWERSHELL}, "deploy/create.ps1:2", "shop"),
    "shell": ({"deploy/create.sh": SHELL}, "deploy/create.sh:2", "shop"),
    "ci-step": ({".github/workflows/deploy.yml": WORKFLOW}, ".github/workflows/deploy.yml:11", "shop"),
    "python": ({"deploy/create.py": PYTHON}, "deploy/create.py:5", "shop"),
    "publish-profile": (
        {"Shop/Profiles/Prod.azureRMPubxml": PROFILE},
        "Shop/Profiles/Prod.azureRMPubxml:4",
        "shop",
    ),
    "project": ({"Shop/Shop.ccproj": PROJECT}, "Shop/Shop.ccproj:5", ""),
}

CSDEF = """\
<ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Web" vmsize="Small"/>
</ServiceDefinition>
"""
CSCFG = """\
<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="2"/></Role>
</ServiceConfiguration>
"""
# A classic VM deployment of its own: what the plan moves.
VMS = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>jump</Name>
  <RoleList><Role><RoleName>jump01</RoleName><RoleType>PersistentVMRole</RoleType></Role></RoleList>
</Deployment>
"""


def _lint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], *codes: str):
    return lint_files(tmp_path, monkeypatch, files, *codes, dedent=False)


@pytest.mark.parametrize("case", CASES)
def test_it_is_said_once_as_a_warning_at_the_evidence(tmp_path, monkeypatch, case):
    files, at, name = CASES[case]
    found = _lint(tmp_path, monkeypatch, files).findings
    assert [w.rsplit(":", 1)[0] for w in where(found)] == [f"MIG101 {at}"]
    (finding,) = found
    assert finding.severity.name == "WARNING"
    assert finding.resource_type == "CloudService"
    who = f"cloud service '{name}'" if name else "a cloud service the file does not name"
    assert finding.message.startswith(f"{who} runs on Cloud Services (extended support) ({at} ")
    assert finding.message.endswith(
        "which was deprecated on 2025-03-31 and retires on 2027-03-31: this migration does not apply to it, "
        "but its roles have to be rebuilt elsewhere before then"
    )
    assert "App Service" in finding.fix and "2027-03-31" in finding.fix


@pytest.mark.parametrize("case", CASES)
def test_it_counts_no_file_as_classic_and_the_plan_gains_no_step(tmp_path, monkeypatch, case):
    files, at, _ = CASES[case]
    alone = _lint(tmp_path / "alone", monkeypatch, {"vms/jump.xml": VMS})
    result = _lint(tmp_path / "both", monkeypatch, {**files, "vms/jump.xml": VMS})
    # The evidence is counted as the file of a finding, one more than of the VMs alone.
    assert {d.path for d in result.described} == {at.split(":")[0], "vms/jump.xml"}
    assert len(result.findings) == len(alone.findings) + 1
    assert summary(result).startswith(f"Found {len(alone.findings) + 1} findings in 2 files")
    assert [s.name for s in build_plan(result).steps] == [s.name for s in build_plan(alone).steps]
    (estate,) = result.estates
    assert [s.name for s in estate.cloud_services] == ["jump"]


def test_the_readiness_summary_lists_it_apart_with_the_roles_it_names(tmp_path, monkeypatch):
    files = {**CASES["bicep"][0], **CASES["shell"][0]}
    files["deploy/create.sh"] = files["deploy/create.sh"].replace("-n shop", "-n billing")
    result = _lint(tmp_path, monkeypatch, files)
    (report,) = readiness(result)
    by_scope = {s.scope: [(i.name, [f.code for f in i.findings]) for i in s.items] for s in report.scopes}
    assert by_scope[ScopeKind.EXTENDED_SUPPORT] == [("billing", ["MIG101"]), ("shop", ["MIG101"])]
    shown = render(result)
    assert "billing (1 web/worker role) " in shown  # `--roles Web:...`
    assert "shop (roles the files do not name) " in shown


def test_several_files_that_deploy_one_service_say_it_once(tmp_path, monkeypatch):
    files = {
        "deploy/create.ps1": POWERSHELL,  # the name of the Bicep file's resource
        "infra/main.bicep": BICEP,
        "infra/main.json": ARM,  # the template the Bicep file compiles to, beside it: no name of its own
        "other/azuredeploy.json": ARM,  # another folder's: another service
        # A Visual Studio project of extended support: its profile names the service, its project file none.
        "Billing/Profiles/Prod.azureRMPubxml": PROFILE.replace(">shop<", ">billing<"),
        "Billing/Billing.ccproj": PROJECT,
    }
    found = _lint(tmp_path, monkeypatch, files, "MIG101").findings
    assert [w.rsplit(":", 1)[0] for w in where(found)] == [
        "MIG101 Billing/Profiles/Prod.azureRMPubxml:4",
        "MIG101 deploy/create.ps1:2",
        "MIG101 other/azuredeploy.json:14",
    ]


# Where each case's service definition is checked: the folder the evidence is in or names.
PACKAGED_IN = {"bicep": "infra", "arm": "infra", "publish-profile": "Shop", "project": "Shop"}


@pytest.mark.parametrize("case", CASES)
def test_where_a_definition_of_the_service_is_checked_it_is_said_at_its_first_role(
    tmp_path, monkeypatch, case
):
    folder = PACKAGED_IN.get(case, "pkg")
    package = {
        f"{folder}/ServiceDefinition.csdef": CSDEF,
        f"{folder}/ServiceConfiguration.Cloud.cscfg": CSCFG,
    }
    found = _lint(tmp_path, monkeypatch, {**package, **CASES[case][0]}).findings
    assert where(found) == [f"MIG101 {folder}/ServiceDefinition.csdef:2:3"]
    assert (
        "is deployed as Cloud Services (extended support), not as a classic cloud service" in found[0].message
    )


def test_the_services_of_evidence_alone_cost_in_line_with_the_evidence():
    """Each piece of evidence is looked up once: no walk of every earlier one for each."""

    def evidence(n: int) -> list[ExtendedSupportService]:
        return [
            ExtendedSupportService(
                f"svc{i}" if i % 2 else "[parameters('name')]",
                Mark(f"infra/{i}/main.bicep", 5),
                "declares it as a Microsoft.Compute/cloudServices resource",
            )
            for i in range(n)
        ]

    def make(n: int):
        records = evidence(n)
        return lambda: _extended_support([], records)

    assert len(_extended_support([], evidence(400))[1]) == 400  # each its own service
    assert_linear(make, 4000)
