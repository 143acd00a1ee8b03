"""`Update-AzCloudService`, given the object `Get-AzCloudService` outputs (piped in, or held in a variable whose
members the script sets first), deploys to a cloud service of extended support, as `New-AzCloudService`
creates one: in a script and in an Azure Pipelines `AzurePowerShell@5` inline step, MIG101 warns that the
service Get names retires on 2027-03-31."""

from __future__ import annotations

from lint_support import lint_files, where

from migcheck.model import ExtendedSupportService
from migcheck.readers import pipeline, powershell

SCRIPT = """\
$cs = Get-AzCloudService -ResourceGroupName "shop-rg" -CloudServiceName "shop"
$cs.PackageUrl = $packageUrl
$cs | Update-AzCloudService
"""
PIPELINE = """\
steps:
- task: AzurePowerShell@5
  inputs:
    azureSubscription: prod
    ScriptType: InlineScript
    Inline: |
      $cs = Get-AzCloudService -ResourceGroupName "shop-rg" -CloudServiceName "shop"
      $cs.Configuration = Get-Content -Path ServiceConfiguration.Cloud.cscfg | Out-String
      $cs | Update-AzCloudService
    azurePowerShellVersion: LatestVersion
"""


def _services(document: object) -> list[tuple[str, int, int, str]]:
    return [
        (r.name, r.mark.line, r.mark.column, r.via)
        for r in document.resources  # type: ignore[attr-defined]
        if isinstance(r, ExtendedSupportService)
    ]


def test_the_service_piped_from_a_variable_is_the_one_get_names():
    data = SCRIPT.encode()
    assert powershell.sniff(data)  # no classic cmdlet: the update alone has the script read
    assert _services(powershell.read("update.ps1", data)) == [
        ("shop", 3, 7, "updates it with Update-AzCloudService")
    ]


def test_a_piped_get_and_a_parameter_name_the_service_too():
    piped = 'Get-AzCloudService -Name "a" -ResourceGroupName g | Update-AzCloudService\n'
    given = '$x = Get-AzCloudService -Name "b" -ResourceGroupName g\nUpdate-AzCloudService -Parameter $x\n'
    named = "Update-AzCloudService -Name c -ResourceGroupName g -Parameter $model\n"
    found = [_services(powershell.read("u.ps1", text.encode()))[0][0] for text in (piped, given, named)]
    assert found == ["a", "b", "c"]


def test_an_inline_step_of_a_pipeline_is_read_as_the_script(tmp_path, monkeypatch):
    assert _services(pipeline.read("azure-pipelines.yml", PIPELINE.encode())) == [
        ("shop", 9, 13, "updates it with Update-AzCloudService")
    ]
    result = lint_files(tmp_path, monkeypatch, {"azure-pipelines.yml": PIPELINE}, "MIG101", dedent=False)
    assert where(result.findings) == ["MIG101 azure-pipelines.yml:9:13"]
    (finding,) = result.findings
    assert "cloud service 'shop' runs on Cloud Services (extended support)" in finding.message
    assert "retires on 2027-03-31" in finding.message
