"""A Visual Studio cloud service project of Cloud Services (extended support) keeps the profile it publishes
with as `Profiles/*.azureRMPubxml`: it names the `Microsoft.Compute/cloudServices` resource the package
goes to (`AzureRMCloudServiceV2Name`), its resource group, and a Resource Manager storage account. Such a
project is not a classic cloud service: MIG101 says it retires, as a warning, and its virtual network (a
Resource Manager one) gets no classic migration step. The storage account the profile names is not a
classic one. A project published by a classic profile (`.azurePubxml`) stays classic."""

from __future__ import annotations

import json

from lint_support import lint_files, run_cli

from migcheck.model import ExtendedSupportService, FileKind, Severity, StorageAccountType
from migcheck.readers import read_document

CSDEF = """\
    <?xml version="1.0" encoding="utf-8"?>
    <ServiceDefinition name="{name}" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
      <WebRole name="{role}" vmsize="Standard_D1_v2" />
    </ServiceDefinition>
    """
# The configuration Visual Studio writes for an extended-support project: its roles in a virtual network.
CSCFG = """\
    <?xml version="1.0" encoding="utf-8"?>
    <ServiceConfiguration serviceName="{name}" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
      <Role name="{role}"><Instances count="1" /></Role>
      <NetworkConfiguration>
        <VirtualNetworkSite name="{name}VNet" />
        <AddressAssignments>
          <InstanceAddress roleName="{role}"><Subnets><Subnet name="WebTier" /></Subnets></InstanceAddress>
        </AddressAssignments>
      </NetworkConfiguration>
    </ServiceConfiguration>
    """
RM_PROFILE = """\
    <?xml version="1.0" encoding="utf-8"?>
    <Project ToolsVersion="Current" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
      <PropertyGroup>
        <AzureRMSwappableCloudServiceV2Name />
        <AzureCredentials>{"ServiceManagementEndpoint":"https:\\/\\/management.core.windows.net\\/","ResourceManagementEndpoint":"https:\\/\\/management.azure.com\\/","SubscriptionId":"38a11e1b-5174-4fdb-9517-8e7b7b732984"}</AzureCredentials>
        <AzureServiceConfiguration>Cloud</AzureServiceConfiguration>
        <AzureSlot>Production</AzureSlot>
        <AzureRMCloudServiceV2Name>books</AzureRMCloudServiceV2Name>
        <AzureRMCloudServiceV2ResourceGroupName>books-rg</AzureRMCloudServiceV2ResourceGroupName>
        <AzureRMStorageAccountName>bookspkgs</AzureRMStorageAccountName>
      </PropertyGroup>
    </Project>
    """
CLASSIC_PROFILE = """\
    <?xml version="1.0" encoding="utf-8"?>
    <Project ToolsVersion="12.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
      <PropertyGroup>
        <AzureHostedServiceName>shop-prod</AzureHostedServiceName>
        <AzureServiceConfiguration>Cloud</AzureServiceConfiguration>
        <AzureStorageAccountName>shoppkgs</AzureStorageAccountName>
      </PropertyGroup>
    </Project>
    """


def _files() -> dict[str, str]:
    return {
        "Books/ServiceDefinition.csdef": CSDEF.format(name="Books", role="BooksWeb"),
        "Books/ServiceConfiguration.Cloud.cscfg": CSCFG.format(name="Books", role="BooksWeb"),
        "Books/Profiles/books.azureRMPubxml": RM_PROFILE,
        "Shop/ServiceDefinition.csdef": CSDEF.format(name="Shop", role="ShopWeb"),
        "Shop/ServiceConfiguration.Cloud.cscfg": CSCFG.format(name="Shop", role="ShopWeb"),
        "Shop/Profiles/shop.azurePubxml": CLASSIC_PROFILE,
    }


def test_the_project_the_resource_manager_profile_publishes_is_of_extended_support(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, _files(), "MIG101")
    by_path = {f.location.path: f for f in result.findings if f.location}
    books = by_path["Books/ServiceDefinition.csdef"]
    assert "deployed as Cloud Services (extended support)" in books.message
    assert "Books/Profiles/books.azureRMPubxml:8 publishes it" in books.message
    assert books.severity is Severity.WARNING
    # the project published by a classic profile is a classic service still
    assert "has a WebRole 'ShopWeb'" in by_path["Shop/ServiceDefinition.csdef"].message
    assert [s.name for e in result.estates for s in e.cloud_services] == ["shop-prod"]


def test_the_plan_migrates_no_network_of_the_extended_support_project(tmp_path, monkeypatch, capsys):
    files = _files()
    del files["Shop/ServiceDefinition.csdef"], files["Shop/ServiceConfiguration.Cloud.cscfg"]
    del files["Shop/Profiles/shop.azurePubxml"]
    lint_files(tmp_path, monkeypatch, files)
    plan = json.loads(run_cli(capsys, "plan", ".", "--format", "json")[1])
    steps = [step["name"] for s in plan["subscriptions"] for step in s["steps"]]
    assert "BooksVNet" not in steps


def test_the_profile_names_the_resource_and_no_classic_storage_account():
    text = RM_PROFILE.replace("\n    ", "\n").strip() + "\n"
    document = read_document("Books/Profiles/books.azureRMPubxml", text.encode(), explicit=False)
    assert document.kind is FileKind.PUBLISH_PROFILE
    (evidence,) = [r for r in document.resources if isinstance(r, ExtendedSupportService)]
    assert (evidence.name, evidence.package) == ("books", "Books/ServiceConfiguration.Cloud.cscfg")
    assert not [r for r in document.resources if isinstance(r, StorageAccountType)]


# A project of Cloud Services (extended support) says so in its `.ccproj` (`<ARMDeployment>True`), with or
# without a profile beside it; a classic project's has no such property.
def ccproj(arm: bool) -> str:
    property = "\n        <ARMDeployment>True</ARMDeployment>" if arm else ""
    return f"""\
    <?xml version="1.0" encoding="utf-8"?>
    <Project ToolsVersion="12.0" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
      <PropertyGroup>
        <ProductVersion>2.9</ProductVersion>{property}
        <Name>Portal</Name>
      </PropertyGroup>
      <ItemGroup>
        <ServiceDefinition Include="ServiceDefinition.csdef" />
        <ServiceConfiguration Include="ServiceConfiguration.Cloud.cscfg" />
      </ItemGroup>
    </Project>
    """


def test_a_project_whose_ccproj_deploys_to_resource_manager_is_of_extended_support(tmp_path, monkeypatch):
    files = {
        "Portal/Portal.ccproj": ccproj(arm=True),
        # as the real project keeps it: its configuration, its definition not committed
        "Portal/ServiceConfiguration.Cloud.cscfg": CSCFG.format(name="Portal", role="PortalWeb"),
        "Shop/Shop.ccproj": ccproj(arm=False),
        "Shop/ServiceDefinition.csdef": CSDEF.format(name="Shop", role="ShopWeb"),
        "Shop/ServiceConfiguration.Cloud.cscfg": CSCFG.format(name="Shop", role="ShopWeb"),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG101")
    by_path = {f.location.path: f for f in result.findings if f.location}
    portal = by_path["Portal/ServiceConfiguration.Cloud.cscfg"]
    assert "deployed as Cloud Services (extended support)" in portal.message
    assert "Portal/Portal.ccproj:5 sets ARMDeployment" in portal.message
    assert portal.severity is Severity.WARNING
    assert "has a WebRole 'ShopWeb'" in by_path["Shop/ServiceDefinition.csdef"].message
    assert [s.name for e in result.estates for s in e.cloud_services] == ["Shop"]
