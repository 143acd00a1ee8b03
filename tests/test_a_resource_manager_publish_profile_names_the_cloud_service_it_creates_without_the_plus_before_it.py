"""Visual Studio's publish wizard of a Cloud Services (extended support) project writes the name of each
resource it is to create with a `+` before it in the `.azureRMPubxml` it keeps
(`<AzureRMCloudServiceV2Name>+books</AzureRMCloudServiceV2Name>`): the cloud service is `books`. MIG101 names
it so, and a project whose definition names it `books` is the one the profile deploys, wherever the profile
is kept."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.model import ExtendedSupportService, Severity
from migcheck.readers import read_document

PROFILE = """\
    <?xml version="1.0" encoding="utf-8"?>
    <Project ToolsVersion="Current" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
      <PropertyGroup>
        <AzureServiceConfiguration>Cloud</AzureServiceConfiguration>
        <AzureRMCloudServiceV2Name>+books</AzureRMCloudServiceV2Name>
        <AzureRMCloudServiceV2ResourceGroupName>+books-rg</AzureRMCloudServiceV2ResourceGroupName>
        <AzureRMStorageAccountName>+bookspkgs</AzureRMStorageAccountName>
      </PropertyGroup>
    </Project>
    """
CSDEF = """\
    <?xml version="1.0" encoding="utf-8"?>
    <ServiceDefinition name="books" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
      <WebRole name="BooksWeb" vmsize="Standard_D1_v2" />
    </ServiceDefinition>
    """


def test_the_profile_names_the_cloud_service_without_the_plus():
    text = PROFILE.replace("\n    ", "\n").strip() + "\n"
    document = read_document("Books/Profiles/books.azureRMPubxml", text.encode(), explicit=False)
    (evidence,) = [r for r in document.resources if isinstance(r, ExtendedSupportService)]
    assert evidence.name == "books"


def test_mig101_names_the_service_a_profile_kept_alone_creates_without_the_plus(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"Books/Profiles/books.azureRMPubxml": PROFILE}, "MIG101")
    (finding,) = result.findings
    assert finding.location is not None
    assert (finding.location.path, finding.location.line, finding.location.column) == (
        "Books/Profiles/books.azureRMPubxml",
        5,
        5,
    )
    assert finding.message.startswith("cloud service 'books' runs on Cloud Services (extended support)")
    assert "+books" not in finding.message


def test_the_project_named_as_the_profile_names_it_is_the_one_it_deploys(tmp_path, monkeypatch):
    files = {"Deploy/Profiles/books.azureRMPubxml": PROFILE, "Books/ServiceDefinition.csdef": CSDEF}
    result = lint_files(tmp_path, monkeypatch, files, "MIG101")
    (finding,) = result.findings
    assert finding.location is not None
    assert (finding.location.path, finding.location.line) == ("Books/ServiceDefinition.csdef", 3)
    assert "cloud service 'books' is deployed as Cloud Services (extended support)" in finding.message
    assert "Deploy/Profiles/books.azureRMPubxml:5 publishes it" in finding.message
    assert finding.severity is Severity.WARNING
    assert not [s.name for e in result.estates for s in e.cloud_services]
